/**
 * The « Documents » panel of the real sidebar, in Chromium on the playground: pick a type and a
 * meeting, make the document, get its link; regenerate; after the user edits it, the panel asks
 * and « Remplacer quand même » resends with `overwrite: true`.
 */
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

test('makes a meeting’s minutes, regenerates them, and asks before replacing a user’s edits', async () => {
  const { workspace } = chromium.playground;
  const listed = workspace.runner.call('listRecords', 'meetings');
  if (!listed.ok) throw new Error(listed.error);
  const meetings = (listed.value as { ok: true; data: { id: string }[] }).data;
  expect(meetings.length).toBeGreaterThan(0);

  const page = await chromium.browser.newPage({ locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${chromium.playground.url}/sidebar`);
  const panel = page.getByTestId('documents');
  await panel
    .getByRole('option', { name: 'Compte rendu de réunion' })
    .waitFor({ state: 'attached', timeout: 15000 });
  await panel.getByTestId('document-type').selectOption({ label: 'Compte rendu de réunion' });
  await panel.getByTestId('document-record').fill(meetings[0].id);
  await panel.getByTestId('document-generate').click();
  const status = panel.getByTestId('document-status');
  await status.getByText(/est prêt\.$/).waitFor({ timeout: 15000 });
  const href = await panel.getByRole('link', { name: 'Ouvrir le document' }).getAttribute('href');
  expect(href).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[A-Za-z0-9_-]+\/edit$/);
  const id = /\/d\/([^/]+)\//.exec(href ?? '')?.[1] ?? '';

  await panel.getByTestId('document-generate').click();
  await status.getByText(/a été mis à jour\.$/).waitFor({ timeout: 15000 });

  workspace.emulator.documentApp._userEdits(id, (c) => {
    const first = c.body.children[0];
    if (first.type !== 'TABLE') first.runs.push({ text: ' — relu', attrs: {} });
  });
  await panel.getByTestId('document-generate').click();
  await status.getByText(/a été modifié depuis que Pilote l’a produit/).waitFor({ timeout: 15000 });
  const overwrite = panel.getByTestId('document-overwrite');
  expect(await overwrite.isVisible()).toBe(true);
  await overwrite.click();
  await status.getByText(/a été mis à jour\.$/).waitFor({ timeout: 15000 });
  expect(await overwrite.isVisible()).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);
