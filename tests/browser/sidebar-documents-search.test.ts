/**
 * The « Documents » panel's subject picker is a search list (issue 11), in Chromium on the
 * playground's demo workbook: a few letters typed without accents or capitals filter the meetings,
 * actions or periods; arrows and Enter choose with the keyboard alone; Escape closes; a query
 * matching nothing says so in French; the chosen record's id is what the server receives.
 */
import type { Page } from 'playwright-core';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

interface Listed {
  id: string;
  values: Record<string, unknown>;
}

function records(sheet: string): Listed[] {
  const listed = chromium.playground.workspace.runner.call('listRecords', sheet);
  if (!listed.ok) throw new Error(listed.error);
  return (listed.value as { ok: true; data: Listed[] }).data;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

async function openPanel(
  type: string,
): Promise<{ page: Page; calls: { fn: string; args: unknown[] }[]; errors: string[] }> {
  const page = await chromium.browser.newPage({ locale: 'fr-FR', viewport: { width: 300, height: 900 } });
  const calls: { fn: string; args: unknown[] }[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc')) calls.push(JSON.parse(r.postData() ?? '{}'));
  });
  await page.goto(`${chromium.playground.url}/sidebar`);
  const panel = page.getByTestId('documents');
  await panel.getByRole('option', { name: type }).waitFor({ state: 'attached', timeout: 15000 });
  await panel.getByTestId('document-type').selectOption({ label: type });
  return { page, calls, errors };
}

const optionLabels = (page: Page) =>
  page.getByTestId('document-record-options').locator('[role="option"] .hit-label').allTextContents();

test('meetings are filtered by a few letters, accents and case ignored, and chosen with arrows and Enter', async () => {
  const meetings = records('meetings');
  expect(meetings.length).toBeGreaterThan(2);
  // A meeting whose title has an accent or a capital, typed without them.
  const target = meetings.find((m) => /[À-ÿ]/.test(String(m.values.title))) ?? meetings[meetings.length - 1];
  const title = String(target.values.title);
  const word = fold(title)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4)
    .sort((a, b) => b.length - a.length)[0];
  const { page, calls, errors } = await openPanel('Compte rendu de réunion');
  const input = page.getByTestId('document-record');
  await expect(input.getAttribute('role')).resolves.toBe('combobox');
  await page.getByTestId('document-record-note').getByText(/choix/).waitFor({ timeout: 15000 });
  await input.click();
  await page.keyboard.type(word.toUpperCase());

  const expected = meetings
    .filter(
      (m) =>
        fold(`${m.values.title} ${m.id} `).includes(word) || fold(String(m.values.type ?? '')).includes(word),
    )
    .map((m) => String(m.values.title));
  const shown = await optionLabels(page);
  expect(shown).toContain(title);
  expect(shown.length).toBeLessThan(meetings.length);
  for (const label of shown) expect(expected).toContain(label);
  await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');

  // The first match is active; ArrowDown then ArrowUp come back to it; Enter chooses the target.
  const index = shown.indexOf(title);
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  const activeId = await input.getAttribute('aria-activedescendant');
  await expect(page.locator(`#${activeId}`).locator('.hit-label').textContent()).resolves.toBe(title);
  await expect(page.locator(`#${activeId}`).getAttribute('aria-selected')).resolves.toBe('true');
  await page.screenshot({ path: 'tests/browser/__screens__/documents-search-list.png' });
  await page.keyboard.press('Enter');
  await expect(input.inputValue()).resolves.toBe(title);
  await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.getByTestId('document-record-note').textContent()).resolves.toBe(`${title} choisi`);

  await page.getByTestId('document-generate').click();
  await page
    .getByTestId('document-status')
    .getByText(/est prêt\.$/)
    .waitFor({ timeout: 20000 });
  const made = calls.find((c) => c.fn === 'makeDocument');
  expect(made?.args[0]).toMatchObject({ subject: target.id });
  // The list came in one call when the type was chosen, not one per key.
  expect(calls.filter((c) => c.fn === 'listRecords')).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test('a query matching nothing says so in French; Escape closes the list', async () => {
  const { page, errors } = await openPanel('Demande de subvention');
  const input = page.getByTestId('document-record');
  await page.getByTestId('document-record-note').getByText(/choix/).waitFor({ timeout: 15000 });
  await input.click();
  await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
  await page.keyboard.press('Escape');
  await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
  await page.keyboard.type('zzqx');
  await expect(page.getByTestId('document-record-note').textContent()).resolves.toBe(
    'Aucun élément ne correspond à «\u00a0zzqx\u00a0»\u00a0: essayez un autre mot, ou l’identifiant (par exemple ACT-0001).',
  );
  await expect(page.getByTestId('document-record-options').isHidden()).resolves.toBe(true);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);

test('a period is chosen by typing « trim 1 »: its dates fill the fields, still editable', async () => {
  const year = new Date().getFullYear();
  const { page, errors } = await openPanel('Point d’étape');
  const input = page.getByTestId('document-period');
  await input.click();
  await page.keyboard.type('TRIM 1');
  const labels = await page
    .getByTestId('document-period-options')
    .locator('[role="option"] .hit-label')
    .allTextContents();
  expect(labels).toEqual([`Trimestre 1 de ${year}`, `Trimestre 1 de ${year - 1}`]);
  await page.keyboard.press('Enter');
  await expect(page.locator('#document-from').inputValue()).resolves.toBe(`${year}-01-01`);
  await expect(page.locator('#document-to').inputValue()).resolves.toBe(`${year}-03-31`);
  // « fevrier » finds « Février » (accents ignored), and the last day follows leap years.
  await input.fill('');
  await page.keyboard.type(`fevrier ${year - 1}`);
  await page.keyboard.press('Enter');
  const leap = (year - 1) % 4 === 0 ? 29 : 28;
  await expect(page.locator('#document-to').inputValue()).resolves.toBe(`${year - 1}-02-${leap}`);
  expect(errors).toEqual([]);
  await page.close();
}, 90000);
