/**
 * Shortcuts for tests and the bench that act as the past would have: rows typed long ago,
 * written straight into the emulator outside any execution (not counted in any call figure).
 */
import { FIRST_DATA_ROW, HEADER_ROW } from '../src/schema';
import { tableRangeName } from '../src/schema/layout';
import type { Emulator } from './emulator/emulator';

/**
 * Fills « Réservations » with `count` bookings (RES-0001…), grows the sheet so that at least
 * `spareRows` empty rows follow them, and widens the table range over the whole sheet.
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
  const rows = Array.from({ length: count }, (_, i) => {
    const row: (string | number)[] = new Array(width).fill('');
    row[ids] = `RES-${String(i + 1).padStart(4, '0')}`;
    row[titles] = `Réservation ${i + 1}`;
    return row;
  });
  sheet.getRange(FIRST_DATA_ROW, 1, count, width).setValues(rows);
  ss.setNamedRange(
    tableRangeName({ key: 'bookings' }),
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()),
  );
}
