/**
 * Shortcuts for tests and the bench that act as the past would have: rows typed long ago,
 * written straight into the emulator outside any execution (not counted in any call figure).
 */
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  KEY_ROW,
  renderColumnFormula,
  requireSheet,
  SHEETS,
} from '../src/schema';
import { FORMULA_BLOCK_ROWS, formulaRangeName, tableRangeName } from '../src/schema/layout';
import type { Emulator } from './emulator/emulator';

/**
 * Fills « Réservations » with `count` bookings (RES-0001…), grows the sheet so that at least
 * `spareRows` empty rows follow them, and widens the table range over the whole sheet. As in a
 * workbook Pilote kept, the computed columns hold formulas a block ahead of the last booking
 * (only that block is written: the seeded rows' own computed cells are not needed by the tests).
 */
export function seedBookings(emulator: Emulator, count: number, spareRows = 100): void {
  const ss = emulator.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('seedBookings: run setupWorkbook first');
  const needed = FIRST_DATA_ROW + count - 1 + spareRows;
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0] as string[];
  const ids = headers.indexOf('Identifiant');
  const titles = headers.indexOf('Objet');
  // Two one-column bulk writes: only cells that hold something reach the engine (100,000
  // bookings seed in seconds, see `npm run bench`).
  if (count > 0) {
    sheet
      .getRange(FIRST_DATA_ROW, ids + 1, count, 1)
      .setValues(Array.from({ length: count }, (_, i) => [`RES-${String(i + 1).padStart(4, '0')}`]));
    sheet
      .getRange(FIRST_DATA_ROW, titles + 1, count, 1)
      .setValues(Array.from({ length: count }, (_, i) => [`Réservation ${i + 1}`]));
  }
  ss.setNamedRange(
    tableRangeName({ key: 'bookings' }),
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()),
  );
  const def = requireSheet('bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, width).getValues()[0].map(String);
  const from = FIRST_DATA_ROW + count;
  // Never on the sheet's last row: Pilote keeps it empty so the table can grow (formula-writer.ts).
  const to = Math.min(from + FORMULA_BLOCK_ROWS - 1, sheet.getMaxRows() - 1);
  const computed = def.columns.filter((c) => c.type === 'formula' && keys.includes(c.key));
  if (count === 0 || computed.length === 0 || to < from) return;
  for (const column of computed) {
    const formulas: string[][] = [];
    for (let row = from; row <= to; row += 1) formulas.push([renderColumnFormula(def, column, row)]);
    sheet.getRange(from, keys.indexOf(column.key) + 1, formulas.length, 1).setFormulas(formulas);
  }
  const markerColumn = keys.indexOf(computed[0].key) + 1;
  ss.setNamedRange(
    formulaRangeName(def),
    sheet.getRange(FIRST_DATA_ROW, markerColumn, to - FIRST_DATA_ROW + 1, 1),
  );
}

/**
 * Fills `count` rows of a Pilote table with ids and one text column, as if typed long ago
 * (no computed column is touched). For tests of what happens as a table grows.
 */
export function seedRows(
  emulator: Emulator,
  sheetName: string,
  idPrefix: string,
  textHeader: string,
  count: number,
): void {
  const ss = emulator.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`seedRows: no sheet ${sheetName}`);
  const headers = sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const idAt = headers.indexOf('Identifiant') + 1;
  const textAt = headers.indexOf(textHeader) + 1;
  if (idAt < 1 || textAt < 1) throw new Error(`seedRows: no Identifiant or ${textHeader} in ${sheetName}`);
  sheet
    .getRange(FIRST_DATA_ROW, idAt, count, 1)
    .setValues(Array.from({ length: count }, (_, i) => [`${idPrefix}-${String(i + 1).padStart(4, '0')}`]));
  sheet
    .getRange(FIRST_DATA_ROW, textAt, count, 1)
    .setValues(Array.from({ length: count }, (_, i) => [`Ligne ${i + 1}`]));
}

/**
 * Adds records after the last used row of the table `sheetKey`, each holding an id and either a
 * label (a string, written in the table's label column) or values by column key: what references
 * may point at.
 */
export function seedLabels(
  emulator: Emulator,
  sheetKey: string,
  records: readonly (string | Record<string, string>)[],
): void {
  const def = SHEETS.find((s) => s.key === sheetKey);
  if (!def) throw new Error(`seedLabels: no table ${sheetKey}`);
  const ss = emulator.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(def.name);
  if (!sheet) throw new Error(`seedLabels: run setupWorkbook first (no ${def.name})`);
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const idAt = keys.indexOf('id') + 1;
  const ids = sheet.getRange(FIRST_DATA_ROW, idAt, sheet.getMaxRows() - FIRST_DATA_ROW + 1, 1).getValues();
  let next = 0;
  while (next < ids.length && ids[next][0] !== '') next += 1;
  records.forEach((record, i) => {
    const row = FIRST_DATA_ROW + next + i;
    const values = typeof record === 'string' ? { [def.labelColumn ?? 'id']: record } : record;
    sheet.getRange(row, idAt).setValue(`'${def.idPrefix}-${String(next + i + 1).padStart(4, '0')}`);
    for (const [key, value] of Object.entries(values)) {
      const at = keys.indexOf(key) + 1;
      if (at < 1) throw new Error(`seedLabels: no column ${key} in ${def.name}`);
      sheet.getRange(row, at).setValue(`'${value}`);
    }
  });
}

/**
 * Appends `count` records to the table `sheetKey` after its last record, as if typed long ago:
 * each holds an id in sequence and the values `valuesOf(n)` gives by column key (n counts the
 * records of the table, 1-based), by default a unique label in the table's label column. Only
 * the cells given are written, in one block per column; computed columns are not touched (what
 * Pilote would write there is Pilote's job, not the fixture's). Grows nothing: the rows must exist.
 */
export function seedRecords(
  emulator: Emulator,
  sheetKey: string,
  count: number,
  valuesOf?: (n: number) => Record<string, string | number>,
): { firstRow: number; lastRow: number } {
  const def = SHEETS.find((s) => s.key === sheetKey);
  if (!def) throw new Error(`seedRecords: no table ${sheetKey}`);
  const ss = emulator.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(def.name);
  if (!sheet) throw new Error(`seedRecords: run setupWorkbook first (no ${def.name})`);
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const idAt = keys.indexOf('id') + 1;
  if (idAt < 1) throw new Error(`seedRecords: no id column in ${def.name}`);
  const ids = sheet.getRange(FIRST_DATA_ROW, idAt, sheet.getMaxRows() - FIRST_DATA_ROW + 1, 1).getValues();
  let existing = 0;
  while (existing < ids.length && ids[existing][0] !== '') existing += 1;
  const firstRow = FIRST_DATA_ROW + existing;
  const lastRow = firstRow + count - 1;
  if (count <= 0) return { firstRow, lastRow };
  if (lastRow > sheet.getMaxRows()) throw new Error(`seedRecords: ${def.name} has no row ${lastRow}`);
  const label = def.columns.find((c) => c.key === def.labelColumn && c.type !== 'formula')?.key;
  const byDefault = (n: number): Record<string, string> => (label ? { [label]: `${def.name} ${n}` } : {});
  const rows = Array.from({ length: count }, (_, i) => (valuesOf ?? byDefault)(existing + i + 1));
  const columns: Record<string, (string | number)[][]> = {
    id: rows.map((_, i) => [`'${def.idPrefix}-${String(existing + i + 1).padStart(4, '0')}`]),
  };
  for (const [i, values] of rows.entries()) {
    for (const [key, value] of Object.entries(values)) {
      if (!columns[key]) columns[key] = rows.map(() => ['']);
      columns[key][i][0] = typeof value === 'string' && value !== '' ? `'${value}` : value;
    }
  }
  for (const [key, cells] of Object.entries(columns)) {
    const at = keys.indexOf(key) + 1;
    if (at < 1) throw new Error(`seedRecords: no column ${key} in ${def.name}`);
    sheet.getRange(firstRow, at, count, 1).setValues(cells);
  }
  return { firstRow, lastRow };
}

/**
 * What a Pilote older than issue 9's fix did when the table `sheetKey` filled up: its computed
 * columns and their marker `PILOTE_F_<KEY>` went down to the table's last row, then `growRows`
 * rows were inserted just above that row, widening the marker over rows without formulas. Shapes
 * a workbook grown by the old code (uncharged), for tests that it heals.
 */
export function growAsOlderPilote(emulator: Emulator, sheetKey: string, growRows = 1000): void {
  const def = SHEETS.find((s) => s.key === sheetKey);
  if (!def) throw new Error(`growAsOlderPilote: no table ${sheetKey}`);
  const ss = emulator.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(def.name);
  if (!sheet) throw new Error(`growAsOlderPilote: run setupWorkbook first (no ${def.name})`);
  const table = ss.getRangeByName(tableRangeName(def));
  if (!table) throw new Error(`growAsOlderPilote: no ${tableRangeName(def)}`);
  const lastRow = table.getRow() + table.getNumRows() - 1;
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const computed = def.columns.filter((c) => c.type === 'formula' && c.formula && keys.includes(c.key));
  if (computed.length === 0) throw new Error(`growAsOlderPilote: ${def.name} has no computed column`);
  for (const column of computed) {
    const formulas: string[][] = [];
    for (let row = FIRST_DATA_ROW; row <= lastRow; row += 1)
      formulas.push([renderColumnFormula(def, column, row)]);
    sheet.getRange(FIRST_DATA_ROW, keys.indexOf(column.key) + 1, formulas.length, 1).setFormulas(formulas);
  }
  ss.setNamedRange(
    formulaRangeName(def),
    sheet.getRange(FIRST_DATA_ROW, keys.indexOf(computed[0].key) + 1, lastRow - FIRST_DATA_ROW + 1, 1),
  );
  sheet.insertRowsBefore(lastRow, growRows);
}
