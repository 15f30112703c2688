/** Sidebar bug seen in the playground (issue 13): an amount comes back in the edit form with its two decimals. */
import type { Page } from 'playwright-core';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

async function openSidebar(): Promise<Page> {
  const page = await chromium.browser.newPage({ locale: 'fr-FR', viewport: { width: 300, height: 900 } });
  await page.goto(`${chromium.playground.url}/sidebar`);
  await page.getByTestId('ready').waitFor({ timeout: 15000 });
  await page.selectOption('#table', 'bookings');
  await page.getByTestId('new').click();
  await page.locator('form[data-sheet="bookings"]').waitFor();
  await page.locator('#f-space').fill('Salle des Tisserands');
  await page.locator('#f-startTime').fill('09:00');
  await page.locator('#f-status').selectOption('Option');
  return page;
}

test('an amount typed 45,50 comes back as 45,50 in the edit form', async () => {
  const page = await openSidebar();
  await page.locator('#f-title').fill('Montant à deux décimales');
  await page.locator('#f-startDate').fill('2026-06-02');
  await page.locator('#f-price').fill('45,50');
  await page.getByTestId('submit').click();
  await page.getByTestId('form-status').filter({ hasText: /créée/ }).waitFor({ timeout: 15000 });
  const id = (await page.getByTestId('record-form').getAttribute('data-id')) as string;
  await page.selectOption('#table', 'bookings');
  await page.getByTestId('search').fill('deux decimales');
  await page.getByTestId('search').press('Enter');
  await page.locator(`button.hit[data-id="${id}"]`).click();
  await page.locator(`form[data-id="${id}"]`).waitFor();
  await expect(page.locator('#f-price').inputValue()).resolves.toBe('45,50');
  await page.screenshot({ path: 'tests/browser/__screens__/playground-sidebar-money.png' });
  await page.close();
}, 60000);
