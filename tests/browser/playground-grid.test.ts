/**
 * The page's grid as Sheets shows it (issue 13): the formula bar, the cells' own styles and the
 * conditional formats the emulator evaluates, hidden columns hidden (shown dimmed on demand),
 * frozen rows kept at the top, the dashboard's charts drawn by chart.js, long labels readable,
 * and the page's chrome in French or English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../local/workspace';
import type { Browser } from 'playwright-core';
import { launchChromium, type Playground, startTestPlayground } from './browser';
import { countColour, countNonWhite, decodePng } from './png';

// Started here rather than with useChromiumAndPlayground: a fresh workbook's setup and demo
// can take over a minute on a loaded machine (2 cores shared by several agents).
const chromium = {} as { browser: Browser; playground: Playground };
beforeAll(async () => {
  chromium.browser = await launchChromium();
  chromium.playground = await startTestPlayground();
}, 240_000);
afterAll(async () => {
  await chromium.browser?.close();
  await chromium.playground?.close();
});
const SCREENS = join(ROOT, 'tests/browser/__screens__');
const cell = (page: Page, row: number, column: number) =>
  page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`);

async function openPage(query = '') {
  mkdirSync(SCREENS, { recursive: true });
  const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${chromium.playground.url}/${query}`);
  await cell(page, 2, 2).waitFor({ timeout: 30_000 });
  return page;
}

async function openSheet(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (n) => document.querySelector('#tabs button[aria-selected="true"]')?.textContent === n,
    name,
  );
  await cell(page, 2, 2).waitFor();
}

test('the formula bar shows the selected cell’s address and formula, or its value as typed; Enter there edits', async () => {
  const page = await openPage();
  const app = chromium.playground.workspace.emulator.spreadsheetApp;
  await cell(page, 8, 2).click(); // « Charges prévues (classe 6) »: a formula
  await page.waitForFunction(() => (document.getElementById('name-box') as HTMLInputElement).value === 'B8');
  await expect(page.locator('#formula').inputValue()).resolves.toBe(
    app._peekFormulas('Tableau de bord', 'B8')[0][0],
  );
  expect(await page.locator('#formula').inputValue()).toMatch(/^=/);
  await cell(page, 2, 2).click(); // « Exercice »: the number 2026
  await page.waitForFunction(() => (document.getElementById('name-box') as HTMLInputElement).value === 'B2');
  await expect(page.locator('#formula').inputValue()).resolves.toBe('2026');
  // Typing in the formula bar goes through the same user edit as the grid.
  await page.locator('#formula').fill('2025');
  await page.locator('#formula').press('Enter');
  await page.waitForFunction(
    () => document.querySelector('#grid td[data-row="4"][data-column="2"]')?.textContent === '01/01/2025',
  );
  expect(app._peekValues('Tableau de bord', 'B2')).toEqual([[2025]]);
  await page.screenshot({ path: join(SCREENS, 'playground-grid-formula-bar.png') });
  // A value refused by the list's validation is refused from the formula bar too.
  await page.locator('#formula').fill('1999');
  await page.locator('#formula').press('Enter');
  await page.locator('dialog#ask').waitFor({ state: 'visible' });
  await page.locator('dialog#ask').getByRole('button', { name: 'OK' }).click();
  expect(app._peekValues('Tableau de bord', 'B2')).toEqual([[2025]]);
  await page.locator('#formula').fill('2026');
  await page.locator('#formula').press('Enter');
  await page.waitForFunction(
    () => document.querySelector('#grid td[data-row="4"][data-column="2"]')?.textContent === '01/01/2026',
  );
  await page.close();
}, 120_000);

test('styles and conditional formats: the colours the emulator evaluates, the header row’s own style', async () => {
  const page = await openPage();
  await openSheet(page, 'Réservations');
  const app = chromium.playground.workspace.emulator.spreadsheetApp;
  // Row 2 (headers): bold on #e8eaed, set by setup.
  const header = await cell(page, 2, 2).evaluate((td) => {
    const s = getComputedStyle(td);
    return { background: s.backgroundColor, weight: s.fontWeight };
  });
  expect(header).toEqual({ background: 'rgb(232, 234, 237)', weight: '700' });
  // Cancelled bookings are greyed by the sheet's first rule; the page paints what _formatAt says.
  const painted = page.locator('#grid td[data-rule="0"]');
  expect(await painted.count()).toBeGreaterThan(0);
  const first = painted.first();
  const row = Number(await first.getAttribute('data-row'));
  const column = Number(await first.getAttribute('data-column'));
  const a1 = `${String.fromCharCode(64 + column)}${row}`;
  expect(app._formatAt('Réservations', a1)).toMatchObject({ ruleIndex: 0, fontColor: '#9aa0a6' });
  expect(await first.evaluate((td) => getComputedStyle(td).color)).toBe('rgb(154, 160, 166)');
  // A data cell no rule holds on keeps Sheets' default text colour, as _formatAt says.
  const plain = await page.locator('#grid td[data-row]:not([data-rule])').evaluateAll((tds) => {
    const td = tds.find((t) => Number((t as HTMLElement).dataset.row) > 2) as HTMLElement;
    return {
      row: Number(td.dataset.row),
      column: Number(td.dataset.column),
      color: getComputedStyle(td).color,
    };
  });
  expect(plain.column).toBeLessThan(27);
  expect(app._formatAt('Réservations', `${String.fromCharCode(64 + plain.column)}${plain.row}`)).toBeNull();
  expect(plain.color).toBe('rgb(32, 33, 36)');
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENS, 'playground-grid-formats.png') });
  await page.close();
}, 120_000);

test('hidden columns are hidden; « Afficher les colonnes masquées » shows them dimmed; frozen rows stay on top', async () => {
  const page = await openPage();
  await openSheet(page, 'Réservations');
  const hidden = chromium.playground.workspace.emulator.spreadsheetApp
    ._workbook()
    .state.sheets.find((s) => s.name === 'Réservations')
    ?.hiddenColumns.flatMap((h, i) => (h ? [i + 1] : [])) as number[];
  expect(hidden).toContain(1);
  for (const c of hidden) expect(await cell(page, 3, c).count()).toBe(0);
  expect(await cell(page, 3, 2).count()).toBe(1);
  // Frozen rows (the key row and the headers) stay under the column letters while scrolling.
  const topOf = (r: number, c: number) => cell(page, r, c).evaluate((td) => td.getBoundingClientRect().top);
  const headerTop = await topOf(2, 2);
  const rowTop = await topOf(30, 2);
  await page.locator('#grid').evaluate((g) => {
    g.scrollTop = 400;
  });
  expect(await topOf(2, 2)).toBeCloseTo(headerTop, 0);
  expect(await topOf(30, 2)).toBeLessThan(rowTop - 300);
  // The frozen rows cover what scrolls under them: the header cell is what a click there hits.
  const onTop = await cell(page, 2, 3).evaluate((td) => {
    const box = td.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) as HTMLElement;
    return `${hit?.dataset.row},${hit?.dataset.column}`;
  });
  expect(onTop).toBe('2,3');
  const rowNumber = await page.locator('#grid tr.frozen.last th.rowhead').evaluate((th) => {
    const box = th.getBoundingClientRect();
    return document.elementFromPoint(box.left + 5, box.top + box.height / 2)?.textContent;
  });
  expect(rowNumber).toBe('2');
  await page.screenshot({ path: join(SCREENS, 'playground-grid-frozen.png') });
  await page.getByLabel('Afficher les colonnes masquées').check();
  await cell(page, 3, 1).waitFor();
  for (const c of hidden) {
    expect(await cell(page, 3, c).getAttribute('class')).toMatch(/hidden-col/);
  }
  const dimmed = await cell(page, 3, 1).evaluate((td) => [
    getComputedStyle(td).color,
    getComputedStyle(td).fontStyle,
  ]);
  expect(dimmed).toEqual(['rgb(154, 160, 166)', 'italic']);
  await page.getByLabel('Afficher les colonnes masquées').uncheck();
  await page.waitForFunction(() => !document.querySelector('#grid td[data-column="1"]'));
  await page.close();
}, 120_000);

test('list rules show their dropdown arrow; a checkbox rule draws a box that a click ticks through the user edit', async () => {
  const page = await openPage();
  await openSheet(page, 'Espaces');
  const app = chromium.playground.workspace.emulator.spreadsheetApp;
  const wb = app._workbook();
  const spaces = wb.state.sheets.find((s) => s.name === 'Espaces');
  if (!spaces) throw new Error('Espaces');
  // Column C holds a list rule, column H a checkbox rule (set up by the schema).
  expect(wb.attr(spaces, 'validation', 3, 3)?.criteria).toBe('VALUE_IN_LIST');
  expect(wb.attr(spaces, 'validation', 3, 8)?.criteria).toBe('CHECKBOX');
  expect(await cell(page, 3, 3).getAttribute('class')).toMatch(/dropdown/);
  const box = cell(page, 3, 8).locator('span.checkbox');
  const before = app._peekValues('Espaces', 'H3')[0][0];
  expect(await box.getAttribute('aria-checked')).toBe(String(before === true));
  await cell(page, 3, 8).screenshot({ path: join(SCREENS, 'playground-grid-checkbox.png') });
  await box.click();
  await page.waitForFunction(
    (was) =>
      document
        .querySelector('#grid td[data-row="3"][data-column="8"] span.checkbox')
        ?.getAttribute('aria-checked') === String(!was),
    before === true,
  );
  expect(app._peekValues('Espaces', 'H3')).toEqual([[before !== true]]);
  await cell(page, 3, 8).locator('span.checkbox').click();
  await page.waitForFunction(
    (was) =>
      document
        .querySelector('#grid td[data-row="3"][data-column="8"] span.checkbox')
        ?.getAttribute('aria-checked') === String(was),
    before === true,
  );
  expect(app._peekValues('Espaces', 'H3')).toEqual([[before === true]]);
  await page.close();
}, 120_000);

test('the dashboard’s three charts are drawn from the emulated specs (screenshot not blank)', async () => {
  const page = await openPage();
  const specs = chromium.playground.workspace.emulator.spreadsheetApp
    ._workbook()
    .state.sheets.find((s) => s.name === 'Tableau de bord')?.charts;
  expect(specs).toHaveLength(3);
  const boxes = page.locator('#grid .chart');
  await expect(boxes.count()).resolves.toBe(3);
  const titles = await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(titles).toEqual(specs?.map((s) => `Graphique : ${s.options.title}`));
  // The column chart sits at its anchor (D6): its left edge is column D's, its top row 6's.
  const at = await page.evaluate(() => {
    const box = document.querySelector('#grid .chart') as HTMLElement;
    const d6 = document.querySelector('#grid td[data-row="6"][data-column="4"]') as HTMLElement;
    return { box: [box.offsetLeft, box.offsetTop], cell: [d6.offsetLeft, d6.offsetTop] };
  });
  expect(at.box).toEqual(at.cell);
  const first = boxes.first();
  await first.scrollIntoViewIfNeeded();
  const shot = await first.screenshot({ path: join(SCREENS, 'playground-chart-budget.png') });
  const pixels = decodePng(shot);
  const total = pixels.width * pixels.height;
  // Not blank: the bars (Sheets' blue and red series) and the title's text cover real area.
  expect(countNonWhite(pixels)).toBeGreaterThan(total * 0.05);
  expect(countColour(pixels, '#4285f4')).toBeGreaterThan(total * 0.02);
  expect(countColour(pixels, '#ea4335')).toBeGreaterThan(total * 0.01);
  // A blank canvas of the same size, for contrast, has no such pixels.
  const blank = decodePng(
    await page
      .evaluate(async () => {
        const box = document.querySelector('#grid .chart') as HTMLElement;
        const copy = box.cloneNode(false) as HTMLElement;
        copy.id = 'blank-chart';
        copy.style.left = '0';
        copy.style.top = '0';
        box.parentElement?.appendChild(copy);
        return null;
      })
      .then(() => page.locator('#blank-chart').screenshot()),
  );
  expect(countColour(blank, '#4285f4')).toBe(0);
  // The pie and the bar chart are drawn too.
  for (const n of [1, 2]) {
    await boxes.nth(n).scrollIntoViewIfNeeded();
    const other = decodePng(
      await boxes.nth(n).screenshot({ path: join(SCREENS, `playground-chart-${n}.png`) }),
    );
    expect(countNonWhite(other)).toBeGreaterThan(other.width * other.height * 0.03);
    expect(countColour(other, '#4285f4')).toBeGreaterThan(100);
  }
  await page.close();
}, 120_000);

test('long dashboard labels: a label wider than its column shows whole in its tooltip', async () => {
  const page = await openPage();
  const labels = await page.locator('#grid td[data-column="1"]').evaluateAll((tds) =>
    tds.map((td) => ({
      text: td.textContent ?? '',
      title: td.getAttribute('title') ?? '',
      cut: td.scrollWidth > td.clientWidth,
      width: td.clientWidth,
    })),
  );
  expect(labels.length).toBeGreaterThan(50);
  // Column A is as wide as the schema sets it (420 px), not capped.
  expect(labels[1].width).toBeGreaterThan(400);
  for (const l of labels) if (l.cut) expect(l.title).toBe(l.text);
  await page.close();
}, 120_000);

test('?locale=en: the chrome and the add-on menu speak English; sheet names stay the workbook’s', async () => {
  const page = await openPage('?locale=en');
  expect(await page.title()).toBe('Pilote — local playground');
  expect(await page.locator('#heading').textContent()).toBe('Pilote — local workbook');
  await expect(page.getByLabel('Show hidden columns').count()).resolves.toBe(1);
  await expect(page.getByRole('button', { name: 'Set up or update the workbook' }).count()).resolves.toBe(1);
  await expect(
    page.getByRole('button', { name: 'Installer ou mettre à jour le classeur' }).count(),
  ).resolves.toBe(0);
  await expect(page.getByRole('button', { name: 'Tableau de bord', exact: true }).count()).resolves.toBe(1);
  await expect(page.locator('#name-box').getAttribute('aria-label')).resolves.toBe('Name box');
  // The call log speaks English.
  await page.getByRole('button', { name: 'Open Pilote' }).click();
  await page.locator('#log div').filter({ hasText: 'openSidebar' }).waitFor({ timeout: 60_000 });
  expect(await page.locator('#log').textContent()).toMatch(/\d+ calls?, \d+ modelled ms/);
  await page.screenshot({ path: join(SCREENS, 'playground-grid-en.png') });
  // A French page opened afterwards keeps its French menu.
  const fr = await openPage();
  await expect(
    fr.getByRole('button', { name: 'Installer ou mettre à jour le classeur' }).count(),
  ).resolves.toBe(1);
  expect(await fr.title()).toBe('Pilote — terrain de jeu local');
  await fr.close();
  await page.close();
}, 120_000);
