/** The demo tiers-lieu loads into an empty workbook, computes, and never mixes with real data. */
import { generateDemoData } from '../../src/demo';
import { FIRST_DATA_ROW, HEADER_ROW, SHEETS } from '../../src/schema';
import { demoHarness, newHarness, setUpHarness } from './harness';

const dataset = generateDemoData({ seed: 1 });

describe('loadDemoData', () => {
  const h = newHarness();
  const { result, stats } = h.api<{ records: number; message: string }>('loadDemoData');

  test('sets the workbook up if needed and loads every record of the dataset', () => {
    const expected = dataset.tables.reduce((n, t) => n + t.records.length, 0);
    expect(result).toMatchObject({ ok: true, data: { records: expected } });
    if (result.ok) expect(result.data.message).toContain('La Fabrique des Possibles');
    for (const table of dataset.tables) {
      const listed = h.api<unknown[]>('listRecords', table.sheet).result;
      expect([table.sheet, listed.ok && listed.data.length]).toEqual([table.sheet, table.records.length]);
    }
  });

  test('setup and load fit in one execution well under the time limit', () => {
    expect(stats.ms).toBeLessThan(6 * 60 * 1000);
  });

  test('fills the venue settings', () => {
    const settings = h.ss.getSheetByName('Paramètres du lieu')!;
    const values = settings.getRange(FIRST_DATA_ROW, 1, 30, 3).getValues();
    const name = values.find((r) => r[0] === 'name');
    expect(name?.[2]).toBe(dataset.settings.name);
  });

  test('computed columns compute on the demo rows (budget « Réalisé », account titles)', () => {
    const accounts = h.ss.getSheetByName('Comptes')!;
    const headers = accounts.getRange(HEADER_ROW, 1, 1, accounts.getLastColumn()).getValues()[0] as string[];
    const title = accounts.getRange(FIRST_DATA_ROW, headers.indexOf('Compte') + 1).getValue();
    expect(String(title)).toMatch(/^\d{2,} \S/);
    const budget = h.ss.getSheetByName('Budget prévisionnel')!;
    const bHeaders = budget.getRange(HEADER_ROW, 1, 1, budget.getLastColumn()).getValues()[0] as string[];
    const actual = budget
      .getRange(FIRST_DATA_ROW, bHeaders.indexOf('Réalisé') + 1, 49, 1)
      .getValues()
      .flat();
    expect(actual.every((v) => typeof v === 'number')).toBe(true);
    expect(actual.some((v) => (v as number) > 0)).toBe(true);
  });

  test('a second load is refused in French and writes nothing', () => {
    const again = h.api('loadDemoData');
    expect(again.result).toMatchObject({ ok: false, error: { code: 'error.demoNotEmpty' } });
    expect(again.stats.writes).toBe(0);
  });

  test('every table of the dataset exists in the schema', () => {
    for (const table of dataset.tables) expect(SHEETS.some((s) => s.key === table.sheet)).toBe(true);
  });
});

test('on a set-up workbook, each table is written in one block (settings in at most two)', () => {
  const h = setUpHarness();
  const { result, stats } = h.api('loadDemoData');
  expect(result.ok).toBe(true);
  expect(stats.byMethod['Range.setValues']).toBeLessThanOrEqual(dataset.tables.length + 2);
  expect(stats.byMethod['Spreadsheet.insertSheet']).toBeUndefined();
});

test('a workbook with one real record refuses the demo', () => {
  const h = setUpHarness();
  h.api('saveRecord', {
    sheet: 'spaces',
    values: { name: 'Salle Jean Zay' },
    requestId: 'real-record-0001',
  });
  expect(h.api('loadDemoData').result).toMatchObject({ ok: false, error: { code: 'error.demoNotEmpty' } });
});

test('no computed cell of the demo workbook shows a formula error', () => {
  const h = demoHarness();
  const wb = h.emulator.spreadsheetApp._workbook();
  const errors: string[] = [];
  for (const sheet of wb.state.sheets) {
    for (let r = 1; r <= wb.lastRow(sheet); r += 1) {
      for (let c = 1; c <= wb.lastColumn(sheet); c += 1) {
        const value = wb.displayValue(sheet.id, r, c);
        if (wb.formula(sheet.id, r, c) && /^#[A-Z/0]+[!?]?$/.test(value))
          errors.push(`${sheet.name}!R${r}C${c} ${value}`);
      }
    }
  }
  expect(errors.slice(0, 10)).toEqual([]);
});

test('durations come back as numbers of days, the way they were typed (2 h = 2/24)', () => {
  const h = demoHarness();
  const listed = h.api<{ values: Record<string, unknown> }[]>('listRecords', 'volunteerHours').result;
  expect(listed.ok).toBe(true);
  if (!listed.ok) return;
  const typed = dataset.tables.find((t) => t.sheet === 'volunteerHours')!.records[0].hours;
  const hours = listed.data[0].values.hours as number;
  expect(typeof hours).toBe('number');
  expect(Math.round(hours * 24 * 60)).toBe(
    Math.round(Number(String(typed).replace(/h.*/, '')) * 60 + Number(String(typed).split('h')[1] || 0)),
  );
});
