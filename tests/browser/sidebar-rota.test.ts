/**
 * The sidebar's « Aujourd’hui » section in Chromium on the demo workbook (virtual clock: Tuesday
 * 1 September 2026): the sidebar still opens in one call, today's rota comes on demand, and the
 * week's proposal reports what it wrote; a second click writes nothing more.
 */
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

test('today’s rota on demand, then the coming week proposed from the sidebar', async () => {
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

  await page.getByTestId('rota-show').click();
  await page.getByTestId('rota-lines').waitFor({ timeout: 15000 });
  const lines = await page.getByTestId('rota-line').allTextContents();
  expect(lines).toEqual([
    expect.stringMatching(/^Ouverture 09:00 · Odile Marchetti/),
    expect.stringMatching(/^Fermeture 21:00 · Hugo Perrin/),
  ]);

  await page.locator('#rota-week').fill('2026-09-07');
  await page.getByTestId('rota-propose').click();
  const status = page.getByTestId('rota-status');
  await status.getByText(/^Planning de la semaine du 07\/09\/2026/).waitFor({ timeout: 30000 });
  expect(await status.textContent()).toMatch(/: 10 ligne\(s\) ajoutée\(s\), 0 mise\(s\) à jour/);
  await page.getByTestId('rota-propose').click();
  await status.getByText(/: 0 ligne\(s\) ajoutée\(s\), 0 mise\(s\) à jour/).waitFor({ timeout: 30000 });
  expect(calls).toEqual(['getSidebarBootstrap', 'getTodayRota', 'proposeRotaWeek', 'proposeRotaWeek']);
  expect(errors).toEqual([]);
  await page.close();
}, 120000);
