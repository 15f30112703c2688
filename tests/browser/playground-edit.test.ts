/**
 * Cells editable as a user types in Sheets (issue 13): typing on the selected cell goes through
 * the emulator's user edit (the spreadsheet locale's parsing, validation, protections), a
 * warning-protected cell asks first, and the dashboard's period selector drives its figures.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../local/workspace';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();
const cell = (page: Page, row: number, column: number) =>
  page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`);

/** The dashboard's value column (B) from row 1 to 30, as the grid shows it. */
async function dashboardValues(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (let r = 1; r <= 30; r += 1) out.push((await cell(page, r, 2).textContent()) ?? '');
  return out;
}

async function openPage(locale = '') {
  const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${chromium.playground.url}/${locale}`);
  await cell(page, 2, 2).waitFor({ timeout: 30_000 });
  return page;
}

test('typing a new year into « Exercice » changes the period and the KPIs', async () => {
  mkdirSync(join(ROOT, 'tests/browser/__screens__'), { recursive: true });
  const page = await openPage();
  expect(await cell(page, 2, 1).textContent()).toBe('Exercice');
  const before = await dashboardValues(page);
  expect(before[1]).toBe('2026');
  await cell(page, 2, 2).click();
  await page.keyboard.type('2025');
  await expect(page.locator('#grid .cell-editor').inputValue()).resolves.toBe('2025');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('#grid td[data-row="2"][data-column="2"]')?.textContent === '2025',
  );
  const after = await dashboardValues(page);
  expect(after[3]).toBe('01/01/2025'); // « Du » follows the year
  expect(after[4]).toBe('31/12/2025');
  // Some KPI of the budget block differs (the demo's figures are for 2026).
  const kpis = (values: string[]) => values.slice(7, 22).join('|');
  expect(kpis(after)).not.toBe(kpis(before));
  // Typed, not pasted: the cell holds the number 2025 in the workbook.
  const wb = chromium.playground.workspace.emulator.spreadsheetApp;
  expect(wb._peekValues('Tableau de bord', 'B2')).toEqual([[2025]]);
  await page.screenshot({ path: 'tests/browser/__screens__/playground-edit-year.png' });
  // Back to 2026 for the next tests.
  await cell(page, 2, 2).click();
  await page.keyboard.type('2026');
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('#grid td[data-row="2"][data-column="2"]')?.textContent === '2026',
  );
  await page.close();
}, 120_000);

test('« Mois » is a dropdown of its validation list; picking a month narrows the period', async () => {
  const page = await openPage();
  await cell(page, 3, 2).dblclick();
  const select = page.locator('#grid select.cell-editor');
  await select.waitFor();
  const options = await select.locator('option').allTextContents();
  expect(options).toContain('Toute l’année');
  expect(options.length).toBeGreaterThan(12);
  const month = options.find((o) => /mars/i.test(o));
  expect(month).toBeDefined();
  await select.selectOption(month as string);
  await page.waitForFunction(
    () => document.querySelector('#grid td[data-row="4"][data-column="2"]')?.textContent === '01/03/2026',
  );
  expect(await cell(page, 5, 2).textContent()).toBe('31/03/2026');
  await cell(page, 3, 2).dblclick();
  await page.locator('#grid select.cell-editor').selectOption('Toute l’année');
  await page.waitForFunction(
    () => document.querySelector('#grid td[data-row="4"][data-column="2"]')?.textContent === '01/01/2026',
  );
  await page.close();
}, 120_000);

test('a year outside the list is refused with Sheets’ message and changes nothing', async () => {
  const page = await openPage();
  await cell(page, 2, 2).click();
  await page.keyboard.type('1999');
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog#ask');
  await dialog.waitFor({ state: 'visible' });
  expect(await page.locator('#ask-prompt').textContent()).toMatch(/violates the data validation rules/);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.waitForFunction(
    () => document.querySelector('#grid td[data-row="2"][data-column="2"]')?.textContent === '2026',
  );
  expect(chromium.playground.workspace.emulator.spreadsheetApp._peekValues('Tableau de bord', 'B2')).toEqual([
    [2026],
  ]);
  await page.close();
}, 120_000);

test('a warning-protected cell (a key of « Réservations ») asks first; Annuler keeps it', async () => {
  const page = await openPage();
  await page.getByRole('button', { name: 'Réservations', exact: true }).click();
  // Column A (the ids) is hidden, as in Sheets: show it. Row 1 holds the column keys (hidden
  // in Sheets, shown dimmed here).
  await cell(page, 2, 2).waitFor();
  await page.getByLabel('Afficher les colonnes masquées').check();
  await cell(page, 1, 1).waitFor();
  const key = await cell(page, 1, 1).textContent();
  await cell(page, 1, 1).dblclick();
  await page.locator('#grid .cell-editor').fill('autre');
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog#ask');
  await dialog.waitFor({ state: 'visible' });
  expect(await page.locator('#ask-prompt').textContent()).toMatch(/^Attention/);
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await page.waitForFunction(
    (k) => document.querySelector('#grid td[data-row="1"][data-column="1"]')?.textContent === k,
    key,
  );
  expect(chromium.playground.workspace.emulator.spreadsheetApp._peekValues('Réservations', 'A1')).toEqual([
    [key],
  ]);
  await page.close();
}, 120_000);
