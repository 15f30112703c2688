/**
 * The record forms of the real sidebar, in Chromium, on the playground's demo workbook: create a
 * record of every table through its generated form and find it in the sheet with the right values
 * and formats; edit one (only the changed field is sent); refusals on the right field, in French,
 * writing nothing; hostile text inert; a double click writes one row.
 */
import type { Page } from 'playwright-core';
import { SHEETS } from '../../src/schema';
import { editableColumns } from '../../src/schema/record-input';
import type { ColumnDef, SheetDef } from '../../src/schema/types';
import { useChromiumAndPlayground } from './browser';

const chromium = useChromiumAndPlayground();

const TABLES = SHEETS.filter((s) => s.kind === 'table');

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
  rpc: { fn: string; args: unknown[] }[];
}

async function openSidebar(): Promise<Watched> {
  const page = await chromium.browser.newPage({ locale: 'fr-FR', viewport: { width: 300, height: 900 } });
  const watched: Watched = { page, dialogs: [], errors: [], rpc: [] };
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc')) watched.rpc.push(JSON.parse(r.postData() ?? '{}'));
  });
  await page.goto(`${chromium.playground.url}/sidebar`);
  await page.getByTestId('ready').waitFor({ timeout: 15000 });
  return watched;
}

async function newForm(page: Page, sheet: string): Promise<void> {
  await page.selectOption('#table', sheet);
  await page.getByTestId('new').click();
  await page.locator(`form[data-sheet="${sheet}"]`).waitFor();
}

/** A valid input for every column type, as a coordinator would type it. */
function sample(column: ColumnDef): string | boolean | string[] {
  const clamp = (n: number) => Math.min(Math.max(n, column.min ?? n), column.max ?? n);
  switch (column.type) {
    case 'text':
      if (column.textRule === 'siret') return '732 829 320 00074';
      if (column.textRule === 'rna') return 'W751234567';
      if (column.textRule === 'postalCode') return '75011';
      if (column.textRule === 'accountNumber') return '6064';
      return `Essai ${column.header}`.slice(0, column.maxLength ?? 200);
    case 'longText':
      return 'Première ligne\nDeuxième ligne';
    case 'integer':
      return String(clamp(3));
    case 'number':
      return '2,5';
    case 'money':
      return '1 234,50';
    case 'percent':
      return '50';
    case 'duration':
      return '1h30';
    case 'date':
      return '2026-03-29';
    case 'time':
      return '14:30';
    case 'boolean':
      return true;
    case 'enum':
      return column.multiple ? (column.options ?? []).slice(0, 2) : (column.options?.[0] ?? '');
    case 'email':
      return 'contact@example.org';
    case 'phone':
      return '01 23 45 67 89';
    case 'url':
      return 'https://example.org/page';
    default:
      return 'Valeur';
  }
}

/**
 * Fields that depend on each other get values that fit together (null: left empty): a booking
 * repeats every 3 weeks on Sundays from Sunday 29/03/2026, 3 times — « Répéter jusqu’au » and
 * « Dates exclues » only make sense with another rule, and « Nombre de fois » excludes the first.
 */
function coherent(sheetKey: string, column: ColumnDef): ReturnType<typeof sample> | null {
  if (sheetKey === 'bookings') {
    if (column.key === 'recurrence') return 'Chaque semaine';
    if (column.key === 'recurrenceWeekdays') return ['dim'];
    if (column.key === 'recurrenceUntil' || column.key === 'recurrenceExceptions') return null;
  }
  return sample(column);
}

/** The labels a reference field offers (its datalist, filled from the target table). */
function offeredLabels(page: Page, key: string): Promise<string[]> {
  return page.locator(`#f-${key}`).evaluate((el) => {
    const list = (el as HTMLInputElement).list;
    return list ? Array.from(list.options).map((o) => o.value) : [];
  });
}

/**
 * Types `value` into the field of `column`; a reference takes the first label offered (the
 * server refuses any other), a multiple one its first two, added as chips.
 */
async function fill(
  page: Page,
  column: ColumnDef,
  value: ReturnType<typeof sample>,
): Promise<string | boolean | string[]> {
  const input = page.locator(`#f-${column.key}`);
  if (column.type === 'ref') {
    const offered = await offeredLabels(page, column.key);
    if (offered.length === 0) throw new Error(`${column.key}: no label offered by ${column.ref?.sheet}`);
    if (column.multiple) {
      const chosen = offered.slice(0, 2);
      for (const label of chosen) {
        await input.fill(label);
        await page.getByTestId(`add-${column.key}`).click();
      }
      return chosen.join(', ');
    }
    await input.fill(offered[0]);
    return offered[0];
  }
  if (column.type === 'boolean') {
    await input.check();
    return true;
  }
  if (column.type === 'enum' && Array.isArray(value)) {
    for (const option of value) await page.getByLabel(option, { exact: true }).check();
    return value;
  }
  if (column.type === 'enum') {
    await input.selectOption(String(value));
    return value;
  }
  await input.fill(String(value));
  return value;
}

/** The sheet row of record `id`, read without charging the execution: value, display, formula by key. */
function storedRow(sheet: SheetDef, id: string) {
  const wb = chromium.playground.workspace.emulator.spreadsheetApp._workbook();
  const state = wb.state.sheets.find((s) => s.name === sheet.name);
  if (!state) throw new Error(`no sheet ${sheet.name}`);
  const keys: Record<string, number> = {};
  for (let c = 1; c <= wb.lastColumn(state); c += 1) keys[String(wb.jsValue(state.id, 1, c))] = c;
  let row = -1;
  for (let r = 3; r <= wb.lastRow(state); r += 1) if (wb.jsValue(state.id, r, keys.id) === id) row = r;
  if (row < 0) throw new Error(`no ${id} in ${sheet.name}`);
  const at = (key: string) => ({
    value: wb.jsValue(state.id, row, keys[key]),
    display: wb.displayValue(state.id, row, keys[key]),
    formula: wb.formula(state.id, row, keys[key]),
  });
  return { row, at };
}

/** Rows whose `key` column equals `value`. */
function countRows(sheet: SheetDef, key: string, value: string): number {
  const wb = chromium.playground.workspace.emulator.spreadsheetApp._workbook();
  const state = wb.state.sheets.find((s) => s.name === sheet.name);
  if (!state) throw new Error(`no sheet ${sheet.name}`);
  let col = -1;
  for (let c = 1; c <= wb.lastColumn(state); c += 1) if (wb.jsValue(state.id, 1, c) === key) col = c;
  let n = 0;
  for (let r = 3; r <= wb.lastRow(state); r += 1) if (wb.jsValue(state.id, r, col) === value) n += 1;
  return n;
}

function expectStored(
  column: ColumnDef,
  typed: ReturnType<typeof sample>,
  cell: ReturnType<ReturnType<typeof storedRow>['at']>,
) {
  expect(cell.formula).toBe('');
  switch (column.type) {
    case 'integer':
      expect(cell.value).toBe(Number(typed));
      break;
    case 'number':
      expect(cell.value).toBe(2.5);
      break;
    case 'money':
      expect(cell.value).toBe(1234.5);
      expect(cell.display).toBe('1\u202f234,50\u00a0€');
      break;
    case 'percent':
      expect(cell.value).toBe(0.5);
      break;
    case 'duration':
      expect(cell.display).toBe('1:30');
      break;
    case 'date':
      expect(cell.display).toBe('29/03/2026');
      expect(cell.value).toBeInstanceOf(Date);
      break;
    case 'time':
      expect(cell.display).toBe('14:30');
      break;
    case 'boolean':
      expect(cell.value).toBe(true);
      break;
    case 'enum':
      expect(cell.value).toBe(Array.isArray(typed) ? typed.join(', ') : typed);
      break;
    case 'phone':
    case 'url':
      expect(String(cell.value)).not.toBe('');
      break;
    case 'text':
      if (column.textRule)
        expect(String(cell.value).replace(/\s/g, '')).toBe(String(typed).replace(/\s/g, ''));
      else expect(cell.value).toBe(typed);
      break;
    default:
      expect(cell.value).toBe(typed);
  }
}

test('every table: a record created through its form lands in the sheet with its values and formats', async () => {
  const { page, dialogs, errors } = await openSidebar();
  for (const sheet of TABLES) {
    await newForm(page, sheet.key);
    const typed = new Map<string, ReturnType<typeof sample>>();
    for (const column of editableColumns(sheet)) {
      const value = coherent(sheet.key, column);
      if (value === null) continue;
      typed.set(column.key, await fill(page, column, value));
    }
    await page.getByTestId('submit').click();
    const status = page.getByTestId('form-status');
    await expect(status.textContent()).resolves.toBeDefined();
    await page
      .waitForFunction(
        () => /créée/.test(document.querySelector('[data-testid="form-status"]')?.textContent ?? ''),
        null,
        { timeout: 10000 },
      )
      .catch(async () => {
        throw new Error(
          `${sheet.key}: ${await page.getByTestId('form-error').textContent()} ${await page.locator('.field-error:not([hidden])').allTextContents()}`,
        );
      });
    const id = await page.getByTestId('record-form').getAttribute('data-id');
    expect(id).toMatch(new RegExp(`^${sheet.idPrefix}-\\d+$`));
    const { at } = storedRow(sheet, id as string);
    for (const column of editableColumns(sheet)) {
      const value = typed.get(column.key);
      if (value === undefined) expect([column.key, at(column.key).value]).toEqual([column.key, '']);
      else expectStored(column, value, at(column.key));
    }
  }
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 120000);

const sheetOf = (key: string) => TABLES.find((s) => s.key === key) as SheetDef;

async function fillBooking(page: Page, title: string): Promise<void> {
  await newForm(page, 'bookings');
  await page.locator('#f-space').fill((await offeredLabels(page, 'space'))[0]);
  await page.locator('#f-title').fill(title);
  await page.locator('#f-startDate').fill('2026-05-12');
  await page.locator('#f-startTime').fill('09:00');
  await page.locator('#f-status').selectOption('Option');
  await page.locator('#f-price').fill('45,5');
}

async function savedId(page: Page, pattern: RegExp): Promise<string> {
  await page
    .getByTestId('form-status')
    .filter({ hasText: pattern })
    .waitFor({ timeout: 10000 })
    .catch(async () => {
      const fields = await page.locator('.field-error:not([hidden])').allTextContents();
      throw new Error(
        `not saved: [${await page.getByTestId('form-status').textContent()}] ${await page.getByTestId('form-error').textContent()} ${fields.join(' | ')}`,
      );
    });
  return (await page.getByTestId('record-form').getAttribute('data-id')) as string;
}

test('a booking found by search is edited: only the changed field is sent and written', async () => {
  const watched = await openSidebar();
  const { page } = watched;
  await fillBooking(page, 'Répétition de la chorale');
  await page.getByTestId('submit').click();
  const id = await savedId(page, /créée/);
  await page.selectOption('#table', 'bookings');
  await page.getByTestId('search').fill('REPETITION chorale');
  await page.getByTestId('search').press('Enter');
  await page.locator(`button.hit[data-id="${id}"]`).click();
  await page.locator(`form[data-id="${id}"]`).waitFor();
  await expect(page.locator('#f-price').inputValue()).resolves.toBe('45,50');
  await expect(page.locator('#f-startDate').inputValue()).resolves.toBe('2026-05-12');
  await page.locator('#f-price').fill('60');
  await page.getByTestId('submit').click();
  await savedId(page, /enregistrée/);
  const save = watched.rpc.filter((r) => r.fn === 'saveRecord').pop();
  const request = save?.args[0] as { values: object } | undefined;
  expect(request).toMatchObject({ sheet: 'bookings', id, values: { price: '60' } });
  expect(Object.keys(request?.values ?? {})).toEqual(['price']);
  const { at } = storedRow(sheetOf('bookings'), id);
  expect(at('price').value).toBe(60);
  expect(at('title').value).toBe('Répétition de la chorale');
  expect(at('startTime').display).toBe('09:00');
  expect(watched.errors).toEqual([]);
  await page.close();
}, 60000);

test('invalid input: French messages on the right fields, focus on the first, nothing written', async () => {
  const { page, errors } = await openSidebar();
  await newForm(page, 'operations');
  const before = countRows(sheetOf('operations'), 'label', 'Achat refusé');
  await page.locator('#f-label').fill('Achat refusé');
  await page.locator('#f-amount').fill('douze euros');
  await page.getByTestId('submit').click();
  await page.locator('#e-date:not([hidden])').waitFor({ timeout: 10000 });
  await expect(page.locator('#e-date').textContent()).resolves.toBe(
    'Le champ «\u00a0Date\u00a0» est obligatoire.',
  );
  await expect(page.locator('#e-amount').textContent()).resolves.toMatch(/attend un montant en euros/);
  await expect(page.locator('#f-amount').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.locator('#e-label').isHidden()).resolves.toBe(true);
  await expect(page.getByTestId('form-error').textContent()).resolves.toMatch(/champs sont à corriger/);
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-date');
  expect(countRows(sheetOf('operations'), 'label', 'Achat refusé')).toBe(before);
  // Fixing the fields clears the errors and saves.
  await page.locator('#f-date').fill('2026-02-01');
  await page.locator('#f-amount').fill('12,50');
  await page.locator('#f-account').fill((await offeredLabels(page, 'account'))[0]);
  await page.getByTestId('submit').click();
  const id = await savedId(page, /créée/);
  await expect(page.locator('#e-amount').isHidden()).resolves.toBe(true);
  expect(storedRow(sheetOf('operations'), id).at('amount').value).toBe(12.5);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('a reference the target table lacks is refused on its field, in French, nothing written', async () => {
  const { page, errors } = await openSidebar();
  await fillBooking(page, 'Salle fantôme');
  await page.locator('#f-space').fill('Salle inventée');
  await page.getByTestId('submit').click();
  await page.locator('#e-space:not([hidden])').waitFor({ timeout: 10000 });
  await expect(page.locator('#e-space').textContent()).resolves.toBe(
    '«\u00a0Salle inventée\u00a0» n’existe pas dans la feuille «\u00a0Espaces\u00a0»\u00a0: choisissez une valeur de la liste pour «\u00a0Espace\u00a0».',
  );
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-space');
  expect(countRows(sheetOf('bookings'), 'title', 'Salle fantôme')).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('several partners are chosen as chips, with the keyboard, and checked one by one', async () => {
  const { page, errors } = await openSidebar();
  await newForm(page, 'events');
  const offered = await offeredLabels(page, 'partners');
  expect(offered.length).toBeGreaterThan(1);
  await page.locator('#f-title').fill('Fête des partenaires');
  await page.locator('#f-date').fill('2026-06-20');
  const partners = page.locator('#f-partners');
  await partners.fill(offered[0]);
  await partners.press('Enter');
  await partners.fill(offered[1]);
  await partners.press('Enter');
  await partners.fill('Structure inconnue');
  await partners.press('Enter');
  const chips = page.locator('#c-partners li.chip');
  await expect(chips.count()).resolves.toBe(3);
  // Each chip is removable by its labelled button, reached with the keyboard.
  const removeUnknown = page.getByRole('button', { name: 'Retirer «\u00a0Structure inconnue\u00a0»' });
  await page.getByTestId('submit').click();
  await page.locator('#e-partners:not([hidden])').waitFor({ timeout: 10000 });
  await expect(page.locator('#e-partners').textContent()).resolves.toContain('Structure inconnue');
  expect(countRows(sheetOf('events'), 'title', 'Fête des partenaires')).toBe(0);
  await removeUnknown.focus();
  await page.keyboard.press('Enter');
  await expect(chips.count()).resolves.toBe(2);
  await page.getByTestId('submit').click();
  const id = await savedId(page, /créée/);
  expect(storedRow(sheetOf('events'), id).at('partners').value).toBe(`${offered[0]}, ${offered[1]}`);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('two sidebars submitting at the same time both land, with distinct ids', async () => {
  const [a, b] = await Promise.all([openSidebar(), openSidebar()]);
  await fillBooking(a.page, 'Concurrence A');
  await fillBooking(b.page, 'Concurrence B');
  await Promise.all([a.page.getByTestId('submit').click(), b.page.getByTestId('submit').click()]);
  const [idA, idB] = await Promise.all([savedId(a.page, /créée/), savedId(b.page, /créée/)]);
  expect(idA).not.toBe(idB);
  expect(countRows(sheetOf('bookings'), 'title', 'Concurrence A')).toBe(1);
  expect(countRows(sheetOf('bookings'), 'title', 'Concurrence B')).toBe(1);
  expect(storedRow(sheetOf('bookings'), idA).row).not.toBe(storedRow(sheetOf('bookings'), idB).row);
  expect([...a.errors, ...b.errors]).toEqual([]);
  await Promise.all([a.page.close(), b.page.close()]);
}, 60000);

test('hostile text round-trips inert: no dialog, no script, no formula in the sheet', async () => {
  const { page, dialogs, errors } = await openSidebar();
  const xss = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  const name = `${xss} 🎉 مرحبا`;
  const formula = '=HYPERLINK("http://evil.example","clic")';
  await newForm(page, 'structures');
  await page.locator('#f-name').fill(name);
  await page.locator('#f-address').fill(formula);
  await page.locator('#f-notes').fill('+SUM(1,2)\n@evil \u202eRTL');
  await page.getByTestId('submit').click();
  const id = await savedId(page, /créée/);
  const { at } = storedRow(sheetOf('structures'), id);
  expect(at('name').value).toBe(name);
  expect(at('address').value).toBe(formula);
  expect(at('address').formula).toBe('');
  expect(at('notes').formula).toBe('');
  expect(at('notes').value).toBe('+SUM(1,2)\n@evil \u202eRTL');
  // Found by search and reopened: shown as text, in the list, the title and the input.
  await page.getByTestId('search').fill('onerror');
  await page.getByTestId('search').press('Enter');
  await page.locator(`button.hit[data-id="${id}"]`).click();
  await page.locator(`form[data-id="${id}"]`).waitFor();
  await expect(page.locator('#f-name').inputValue()).resolves.toBe(name);
  await expect(page.locator(`button.hit[data-id="${id}"] .hit-label`).textContent()).resolves.toBe(name);
  await expect(page.locator('h2[tabindex="-1"]').textContent()).resolves.toContain(xss);
  await page.waitForTimeout(200);
  expect(await page.locator('#app img, #app script').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 60000);

test('a double click on submit writes one row and sends one save', async () => {
  const watched = await openSidebar();
  const { page } = watched;
  await fillBooking(page, 'Double clic');
  await page.getByTestId('submit').dblclick();
  await savedId(page, /créée/);
  await page.waitForTimeout(300);
  expect(countRows(sheetOf('bookings'), 'title', 'Double clic')).toBe(1);
  expect(watched.rpc.filter((r) => r.fn === 'saveRecord')).toHaveLength(1);
  await page.close();
}, 60000);

test('the menu « Modifier la ligne sélectionnée » opens the sidebar on the selected record, in one call', async () => {
  const { page: sidebar } = await openSidebar();
  await fillBooking(sidebar, 'Ouverte par le menu');
  await sidebar.getByTestId('submit').click();
  const id = await savedId(sidebar, /créée/);
  await sidebar.close();
  const { row } = storedRow(sheetOf('bookings'), id);
  chromium.playground.workspace.emulator.selectCell('Réservations', row, 4);
  const page = await chromium.browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/rpc')) calls.push(JSON.parse(r.postData() ?? '{}').fn);
  });
  await page.goto(chromium.playground.url);
  const frame = page.frameLocator('#sidebar-frame');
  await frame.getByTestId('ready').waitFor({ timeout: 15000 });
  calls.length = 0;
  await page.getByRole('button', { name: 'Modifier la ligne sélectionnée' }).click();
  await frame.locator(`form[data-id="${id}"]`).waitFor({ timeout: 15000 });
  await expect(frame.locator('#f-title').inputValue()).resolves.toBe('Ouverte par le menu');
  expect(calls).toEqual(['getSidebarBootstrap']);
  await page.close();
}, 60000);

test('"Modifier la ligne sélectionnée" opens the record under the active cell', async () => {
  const { page, errors } = await openSidebar();
  await fillBooking(page, 'Sélection');
  await page.getByTestId('submit').press('Enter');
  const id = await savedId(page, /créée/);
  const { row } = storedRow(sheetOf('bookings'), id);
  chromium.playground.workspace.emulator.selectCell('Réservations', row, 3);
  await page.reload();
  await page.getByTestId('ready').waitFor();
  await page.getByTestId('edit-selection').click();
  await page.locator(`form[data-id="${id}"]`).waitFor();
  await expect(page.locator('#f-title').inputValue()).resolves.toBe('Sélection');
  expect(errors).toEqual([]);
  await page.close();
}, 60000);
