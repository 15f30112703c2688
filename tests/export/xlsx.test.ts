/**
 * The workbook as .xlsx and back (local/export): what the file's XML and exceljs show, and the
 * round trip through a fresh emulator read by the shipped bundle. A set-up workbook with a few
 * records made through saveRecord, so the file stays small.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { importIntoEmulator } from '../../local/export/commands';
import { fromExcelFormat, toExcelFormat } from '../../local/export/number-formats';
import { exportXlsx, LISTS_SHEET } from '../../local/export/xlsx-export';
import { importXlsx } from '../../local/export/xlsx-import';
import { SCHEMA_VERSION } from '../../src/schema';
import { type Harness, newHarness, setUpHarness } from '../server/harness';

let counter = 0;
const requestId = () => {
  counter += 1;
  return `req-xlsx-${String(counter).padStart(6, '0')}`;
};

function save(h: Harness, sheet: string, values: Record<string, string>): string {
  const { result } = h.api<{ id: string }>('saveRecord', { sheet, values, requestId: requestId() });
  if (!result.ok) throw new Error(`${sheet}: ${result.error.message} ${JSON.stringify(result.error)}`);
  return result.data.id;
}

const h = setUpHarness();
save(h, 'spaces', { name: 'Grande salle', weeklyHours: '40', hourlyRate: '12,50' });
save(h, 'structures', { name: 'Repair Café', kind: 'Association' });
const bookingIds = [
  save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Répétition hebdomadaire',
    organiser: 'Repair Café',
    startDate: '29/03/2026',
    startTime: '10:00',
    endTime: '12:00',
    recurrence: 'Chaque semaine',
    recurrenceUntil: '26/04/2026',
    status: 'Confirmée',
    price: '45,50',
    notes: '=HYPERLINK("http://evil.example","clic")',
  }),
  save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Marché de Noël',
    startDate: '19/12/2026',
    endDate: '20/12/2026',
    status: 'Option',
  }),
];
// A column of the user's own after Pilote's, with a header and a value typed in the sheet.
const app = h.emulator.spreadsheetApp;
const bookingsSheet = app._workbook().sheetByName('Réservations')!;
const userCol = bookingsSheet.maxCols + 1;
app._workbook().insertColumns(bookingsSheet.id, userCol, 1);
app._userEdit('Réservations', `${letters(userCol)}2`, 'Mon suivi');
app._userEdit('Réservations', `${letters(userCol)}3`, 'à rappeler');

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

let file: Buffer;
let report: Awaited<ReturnType<typeof exportXlsx>>['report'];
let zip: JSZip;
let book: ExcelJS.Workbook;

/** The XML of a sheet by its name (xl/worksheets/sheetN.xml in tab order). */
async function sheetXml(name: string): Promise<string> {
  const index = book.worksheets.findIndex((w) => w.name === name);
  return (await zip.file(`xl/worksheets/sheet${index + 1}.xml`)?.async('string')) ?? '';
}

beforeAll(async () => {
  ({ buffer: file, report } = await exportXlsx(app._workbook()));
  zip = await JSZip.loadAsync(file);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ExcelJS.Buffer);
});

describe('export xlsx', () => {
  test('every sheet in tab order, and the report counts what was written', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      ...app._workbook().state.sheets.map((s) => s.name),
      LISTS_SHEET,
    ]);
    expect(book.getWorksheet(LISTS_SHEET)?.state).toBe('hidden');
    expect(report.sheets).toBe(app._workbook().state.sheets.length);
    expect(report.formulas).toBeGreaterThan(100);
    expect(report.dropped.some((d) => d.includes('warning-only'))).toBe(true);
    expect(report.dropped.some((d) => d.includes('chart'))).toBe(true);
  });

  test('formulas in English syntax with their current values as cached results (sheet XML)', async () => {
    const xml = await sheetXml('Réservations');
    const wb = app._workbook();
    const sheet = wb.sheetByName('Réservations')!;
    const keys = (sheet.rows[0] ?? []).map((c) => c?.value);
    const col = keys.indexOf('periodHours') + 1;
    const formula = wb.formula(sheet.id, 3, col);
    expect(formula).toMatch(/^=IF\(OR\(/);
    const value = wb.view(sheet.id, 3, col).value;
    const cell = new RegExp(`<c r="${letters(col)}3"[^>]*><f>([^<]*)</f><v>([^<]*)</v></c>`).exec(xml);
    expect(cell).not.toBeNull();
    expect(
      cell?.[1]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    ).toBe(formula.slice(1));
    expect(Number(cell?.[2])).toBe(value);
    // The text that looks like a formula stays text.
    const notes = keys.indexOf('notes') + 1;
    expect(xml).not.toMatch(new RegExp(`<c r="${letters(notes)}3"[^>]*><f>`));
    expect(book.getWorksheet('Réservations')?.getCell(3, notes).value).toBe(
      '=HYPERLINK("http://evil.example","clic")',
    );
  });

  test('without cached results, formulas carry no value and the file asks for a full recalculation', async () => {
    const { buffer } = await exportXlsx(app._workbook(), { cachedResults: false });
    const z = await JSZip.loadAsync(buffer);
    const index = book.worksheets.findIndex((w) => w.name === 'Réservations');
    const xml = (await z.file(`xl/worksheets/sheet${index + 1}.xml`)?.async('string')) ?? '';
    expect(xml).toMatch(/<f>/);
    expect(xml).not.toMatch(/<\/f><v>/);
    expect(await z.file('xl/workbook.xml')?.async('string')).toMatch(/fullCalcOnLoad="1"/);
  });

  test('frozen header rows, hidden key row and technical columns, widths, tab colour', async () => {
    const xml = await sheetXml('Réservations');
    expect(xml).toMatch(/<pane[^>]*ySplit="2"[^>]*state="frozen"/);
    expect(xml).toMatch(/<row r="1"[^>]*hidden="1"/);
    const ws = book.getWorksheet('Réservations')!;
    const sheet = app._workbook().sheetByName('Réservations')!;
    const hidden = sheet.hiddenColumns.map((x, i) => (x ? i + 1 : 0)).filter(Boolean);
    expect(hidden.length).toBeGreaterThan(3);
    for (const c of hidden) expect(ws.getColumn(c).hidden).toBe(true);
    expect(ws.getColumn(2).hidden).toBe(false);
    expect(ws.getColumn(3).width).toBeCloseTo((220 - 5) / 7, 1); // « Objet », 220 px
    expect(ws.properties.tabColor?.argb).toBe('FF4285F4');
  });

  test('number formats as Excel codes: dates, times, euros', () => {
    const ws = book.getWorksheet('Réservations')!;
    const keys = (ws.getRow(1).values as unknown[]).slice(1);
    const at = (key: string) => ws.getCell(3, keys.indexOf(key) + 1);
    expect(at('startDate').numFmt).toBe('dd/mm/yyyy');
    expect(at('startTime').numFmt).toBe('hh:mm');
    expect(at('price').numFmt).toBe('#,##0.00 [$€-40C]');
    // An empty row of the table keeps the column's format (the column style).
    expect(ws.getColumn(keys.indexOf('startDate') + 1).numFmt).toBe('dd/mm/yyyy');
  });

  test('validations: lists, a list from another sheet’s range, long lists on the hidden lists sheet', () => {
    const ws = book.getWorksheet('Réservations')! as unknown as {
      dataValidations: { model: Record<string, ExcelJS.DataValidation> };
    } & ExcelJS.Worksheet;
    const keys = (ws.getRow(1).values as unknown[]).slice(1);
    const dv = (key: string, row = 500) =>
      ws.dataValidations.model[`${letters(keys.indexOf(key) + 1)}${row}`];
    expect(dv('status')).toMatchObject({ type: 'list', formulae: ['"Demande,Option,Confirmée,Annulée"'] });
    expect(dv('status').errorStyle).toBe('stop');
    expect(dv('space')).toMatchObject({ type: 'list', formulae: ['Espaces!$B$3:$B$1000'] });
    expect(dv('space').errorStyle).toBe('warning');
    expect(dv('startDate')).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
    const structures = book.getWorksheet('Structures')! as typeof ws;
    const kind = structures.dataValidations.model.C3;
    expect(kind.formulae[0]).toMatch(/^'Pilote — listes'!\$[A-Z]+\$1:\$[A-Z]+\$\d+$/);
  });

  test('conditional formats: the custom formulas and colours of each sheet', async () => {
    const xml = await sheetXml('Réservations');
    const rules = [...xml.matchAll(/<cfRule type="expression"[^>]*>\s*<formula>([^<]*)<\/formula>/g)].map(
      (m) =>
        m[1]
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
    );
    const sheet = app._workbook().sheetByName('Réservations')!;
    expect(rules).toEqual(sheet.conditionalRules.map((r) => r.condition.values[0].slice(1)));
    const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
    expect(styles).toMatch(/<dxfs count="\d+">/);
    expect(styles).toContain('FF9AA0A6'); // the grey of a cancelled booking
  });

  test('named ranges as defined names over the same cells', async () => {
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const wb = app._workbook();
    for (const n of wb.state.namedRanges) {
      expect(xml).toContain(`<definedName name="${n.name}">`);
    }
    expect(xml).toMatch(
      /<definedName name="PILOTE_T_BOOKINGS">'Réservations'!\$A\$1:\$[A-Z]+\$1000<\/definedName>/,
    );
  });
});

describe('import xlsx', () => {
  const fresh = newHarness();

  beforeAll(async () => {
    await importIntoEmulator(fresh.emulator, file);
  });

  test('the records read back through the bundle are the same', () => {
    for (const sheet of ['bookings', 'spaces', 'structures']) {
      const before = h.api('listRecords', sheet).result;
      const after = fresh.api('listRecords', sheet).result;
      expect(after).toEqual(before);
    }
    for (const id of bookingIds) {
      expect(fresh.api('getRecord', { sheet: 'bookings', id }).result).toEqual(
        h.api('getRecord', { sheet: 'bookings', id }).result,
      );
    }
    const search = { sheet: 'bookings', query: 'répétition' };
    const found = fresh.api<{ total: number }>('searchRecords', search).result;
    expect(found).toEqual(h.api('searchRecords', search).result);
    expect(found).toMatchObject({ ok: true, data: { total: 1 } });
  });

  test('formulas stay formulas, the user’s column is kept, the version comes from the keywords', () => {
    const wb = fresh.emulator.spreadsheetApp._workbook();
    const original = app._workbook();
    const a = original.sheetByName('Réservations')!;
    const b = wb.sheetByName('Réservations')!;
    const formulas = (rows: typeof a.rows) =>
      rows.flatMap((line, r) =>
        (line ?? []).flatMap((c, i) => (c?.formula ? [`${r + 1}:${i + 1}:${c.formula}`] : [])),
      );
    expect(formulas(b.rows)).toEqual(formulas(a.rows));
    expect(formulas(b.rows).length).toBeGreaterThan(100);
    expect(wb.view(b.id, 3, userCol).value).toBe('à rappeler');
    const json = (x: unknown) => JSON.parse(JSON.stringify(x));
    expect(json(b.layers.validation)).toEqual(json(a.layers.validation));
    expect(json(b.layers.numberFormat)).toEqual(json(a.layers.numberFormat));
    expect(b.conditionalRules).toEqual(a.conditionalRules);
    expect(b.frozenRows).toBe(2);
    expect(b.hiddenColumns.map(Boolean)).toEqual(a.hiddenColumns.map(Boolean));
    expect(wb.state.namedRanges).toEqual(
      original.state.namedRanges.map((n) => ({
        ...n,
        sheetId: wb.sheetByName(original.sheet(n.sheetId).name)!.id,
      })),
    );
    expect(wb.state.metadata).toEqual([
      expect.objectContaining({ key: 'pilote.schemaVersion', value: String(SCHEMA_VERSION) }),
    ]);
    expect(wb.state.sheets.some((s) => s.name === LISTS_SHEET)).toBe(false);
  });

  test('a new booking saved after the import lands in the next row, with the calls of a workbook never exported', () => {
    const booking = (title: string) => ({
      sheet: 'bookings',
      values: { space: 'Grande salle', title, startDate: '02/04/2026', status: 'Demande' },
      requestId: requestId(),
    });
    const { result, stats } = fresh.api<{ row: number }>('saveRecord', booking('Après import'));
    expect(result).toMatchObject({ ok: true, data: { row: 5 } });
    // The same save on the workbook that was exported (never imported) makes the same calls.
    const original = h.api<{ row: number }>('saveRecord', booking('Sans export'));
    expect(original.result).toMatchObject({ ok: true, data: { row: 5 } });
    expect(stats.byMethod).toEqual(original.stats.byMethod);
  });

  test('a file downloaded from Google has no keywords: the version is inferred from the key rows', async () => {
    const z = await JSZip.loadAsync(file);
    const core = (await z.file('docProps/core.xml')?.async('string')) ?? '';
    z.file('docProps/core.xml', core.replace(/<cp:keywords>[^<]*<\/cp:keywords>/, ''));
    const google = await z.generateAsync({ type: 'nodebuffer' });
    const { report: r } = await importXlsx(google, app._workbook().state);
    // The newest sheet or column present gives the version: a lower bound (schema 3 added columns).
    expect(r.schemaVersion).toEqual({
      version: SCHEMA_VERSION,
      reason: expect.stringContaining(`(version ${SCHEMA_VERSION})`),
    });
    expect(r.userColumns).toEqual([{ sheet: 'Réservations', headers: ['Mon suivi'] }]);
  });

  test('a file that is not a workbook: a French error, and the workbook is unchanged', async () => {
    const other = newHarness();
    const before = JSON.stringify(other.emulator.spreadsheetApp._snapshot());
    await expect(importIntoEmulator(other.emulator, Buffer.from('pas un classeur'))).rejects.toThrow(
      /n’est pas un classeur \.xlsx lisible/,
    );
    expect(JSON.stringify(other.emulator.spreadsheetApp._snapshot())).toBe(before);
  });
});

describe('number formats', () => {
  test.each([
    ['dd/MM/yyyy', 'dd/mm/yyyy'],
    ['dd/MM/yyyy HH:mm', 'dd/mm/yyyy hh:mm'],
    ['HH:mm', 'hh:mm'],
    ['[h]:mm', '[h]:mm'],
    ['#,##0.00 [$€-1]', '#,##0.00 [$€-40C]'],
    ['0%', '0%'],
    [undefined, 'General'],
  ])('%s ↔ %s', (sheets, excel) => {
    expect(toExcelFormat(sheets)).toBe(excel);
    expect(fromExcelFormat(excel)).toBe(sheets);
  });

  test('a code Pilote never writes is kept; quoted text is not lower-cased', () => {
    expect(toExcelFormat('"Le "DD/MM')).toBe('"Le "dd/mm');
    expect(fromExcelFormat('0.000')).toBe('0.000');
  });
});
