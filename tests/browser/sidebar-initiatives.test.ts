/**
 * The sidebar's « Initiatives inspirantes » search and safety actions in Chromium on the demo
 * workbook: nothing is asked before the user types (the sidebar opens in one call), a short query
 * asks nothing, accents are ignored, a result opens its form; « Proposer les vérifications de
 * sécurité » shows the server's answer; a maintenance ticket's cost is posted to « Opérations »
 * once, and the ticket's form no longer offers it.
 */
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

test('initiatives searched on demand; a result opens its form', async () => {
  const page = await chromium.browser.newPage({ locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc')) calls.push(JSON.parse(r.postData() ?? '{}').fn);
  });
  await page.goto(`${chromium.playground.url}/sidebar`);
  await page.getByText('Pilote est prêt.').waitFor({ timeout: 30000 });
  expect(calls).toEqual(['getSidebarBootstrap']);

  const panel = page.getByTestId('initiatives');
  const query = panel.getByTestId('initiatives-query');
  const status = panel.getByTestId('initiatives-status');
  await query.fill('m');
  await status.getByText('Tapez au moins deux caractères.').waitFor({ timeout: 5000 });
  await page.waitForTimeout(500);
  expect(calls).toEqual(['getSidebarBootstrap']);

  // « modele economique » without accents: the theme « Modèle économique » of two demo initiatives.
  await query.fill('modele economique');
  await status.getByText('2 initiatives trouvées').waitFor({ timeout: 15000 });
  const hits = panel.locator('button.hit');
  expect(await hits.locator('.hit-label').allTextContents()).toEqual([
    'Cantine à prix libre',
    'Monnaie-temps entre résident·es',
  ]);
  const first = await hits.first().textContent();
  expect(first).toContain('Le Grand Chaudron, Villebrune');
  expect(first).toContain('Alimentation · Modèle économique');
  expect(first).toContain('Le prix libre tient quand le coût de revient est affiché');
  expect(calls).toEqual(['getSidebarBootstrap', 'findInitiatives']);
  await page.screenshot({ path: 'tests/browser/__screens__/sidebar-initiatives.png', fullPage: true });

  const id = (await hits.nth(1).getAttribute('data-id')) ?? '';
  expect(id).toMatch(/^INS-\d+$/);
  await hits.nth(1).click();
  const form = page.locator('form[data-testid="record-form"]');
  await form.waitFor({ timeout: 15000 });
  expect(await form.getAttribute('data-sheet')).toBe('inspirations');
  expect(await form.getAttribute('data-id')).toBe(id);

  await query.fill('zzzz');
  await status.getByText('Aucune initiative ne correspond à «\u00a0zzzz\u00a0».').waitFor({ timeout: 15000 });
  expect(await hits.count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 120000);

test('safety checks proposed, and a ticket’s cost posted to « Opérations » once', async () => {
  const { workspace } = chromium.playground;
  const page = await chromium.browser.newPage({ locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${chromium.playground.url}/sidebar`);
  await page.getByText('Pilote est prêt.').waitFor({ timeout: 30000 });

  await page.getByTestId('safety-propose').click();
  await page
    .getByTestId('safety-status')
    .getByText(/échéancier de sécurité/)
    .waitFor({ timeout: 30000 });

  await page.getByTestId('table').selectOption('maintenance');
  await page.getByTestId('search').fill('scie');
  const hit = page.getByTestId('results').locator('button.hit').first();
  await hit.waitFor({ timeout: 15000 });
  const id = (await hit.getAttribute('data-id')) ?? '';
  expect(id).toMatch(/^MAI-\d+$/);
  await hit.click();
  const post = page.getByTestId('maintenance-post');
  await post.waitFor({ timeout: 15000 });
  await post.click();
  const said = page.getByTestId('maintenance-post-status');
  await said
    .getByText(new RegExp(`^Coût de l’intervention ${id} passé en charge`))
    .waitFor({ timeout: 30000 });
  expect(await post.isHidden()).toBe(true);
  await page.screenshot({ path: 'tests/browser/__screens__/sidebar-maintenance-post.png', fullPage: true });

  // One operation carries the ticket's id; reopened, the ticket no longer offers the button.
  const operations = workspace.emulator.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Opérations');
  const cells = operations?.getDataRange().getValues().flat() ?? [];
  expect(cells.filter((c) => c === id).length).toBe(1);
  await hit.click();
  await page.locator(`form[data-id="${id}"]`).waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  expect(await page.getByTestId('maintenance-post').count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 120000);
