/** The real sidebar, in Chromium, gets its first answer from the server through the playground. */
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

test('the sidebar opens, calls the server once and shows the workbook in French', async () => {
  const page = await chromium.browser.newPage({ locale: 'fr-FR' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc')) calls.push(r.postData() ?? '');
  });
  await page.goto(`${chromium.playground.url}/sidebar`);
  await page.getByText('Pilote est prêt.').waitFor({ timeout: 15000 });
  const workbook = await page.getByTestId('workbook').textContent();
  expect(workbook).toMatch(/^Classeur\u00a0: .+/);
  expect(calls).toHaveLength(1);
  expect(JSON.parse(calls[0]).fn).toBe('getSidebarBootstrap');
  expect(errors).toEqual([]);
  await page.screenshot({ path: 'tests/browser/__screens__/sidebar-open.png' }).catch(() => undefined);
  await page.close();
});

test('the playground page shows the sidebar beside the workbook', async () => {
  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(chromium.playground.url);
  const frame = page.frameLocator('#sidebar-frame');
  await frame.getByText('Pilote est prêt.').waitFor({ timeout: 15000 });
  const width = await page.locator('#sidebar-frame').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBe(300);
  await page.close();
});
