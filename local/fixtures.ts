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
  const to = Math.min(from + FORMULA_BLOCK_ROWS - 1, sheet.getMaxRows());
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
 * Fills a Pilote table with `count` records as if typed long ago: ids `PREFIX-0001`… and labels
 * `label(i)` in its label column (two one-column bulk writes), growing the sheet and its table
 * range so that `spareRows` empty rows follow (computed columns are not touched).
 */
export function seedRecords(
  emulator: Emulator,
  sheetKey: string,
  count: number,
  label: (i: number) => string,
  spareRows = 100,
): void {
  const def = requireSheet(sheetKey);
  const ss = emulator.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(def.name);
  if (!sheet) throw new Error(`seedRecords: run setupWorkbook first (no ${def.name})`);
  const needed = FIRST_DATA_ROW + count - 1 + spareRows;
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const idAt = keys.indexOf('id') + 1;
  const labelAt = keys.indexOf(def.labelColumn ?? 'id') + 1;
  if (idAt < 1 || labelAt < 1) throw new Error(`seedRecords: no id or label column in ${def.name}`);
  if (count > 0) {
    sheet
      .getRange(FIRST_DATA_ROW, idAt, count, 1)
      .setValues(
        Array.from({ length: count }, (_, i) => [`'${def.idPrefix}-${String(i + 1).padStart(4, '0')}`]),
      );
    sheet
      .getRange(FIRST_DATA_ROW, labelAt, count, 1)
      .setValues(Array.from({ length: count }, (_, i) => [`'${label(i + 1)}`]));
  }
  ss.setNamedRange(tableRangeName(def), sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()));
}
