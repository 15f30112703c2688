/**
 * A formula written on a row added after another table grew past 1,000 rows reads that whole
 * table, as the formulas written before do (inserting rows widened theirs): a space created
 * after « Réservations » grew counts the bookings past row 1,000, and a booking typed by hand
 * there is flagged by « Chevauchement » like any other.
 */
import { seedLabels, seedRecords } from '../../local/fixtures';
import { FIRST_DATA_ROW, KEY_ROW } from '../../src/schema';
import { tableRangeName } from '../../src/schema/layout';
import { type Harness, setUpHarness } from './harness';

let n = 0;
function save(h: Harness, sheet: string, values: Record<string, string>) {
  n += 1;
  const { result } = h.api<{ row: number; id: string }>('saveRecord', {
    sheet,
    values,
    requestId: `req-range-${n}`,
  });
  if (!result.ok) throw new Error(`saveRecord ${sheet}: ${JSON.stringify(result.error)}`);
  return result.data;
}

const namedEnd = (h: Harness, name: string) => {
  const range = h.ss
    .getNamedRanges()
    .find((r) => r.getName() === name)
    ?.getRange();
  if (!range) throw new Error(`no named range ${name}`);
  return range.getRow() + range.getNumRows() - 1;
};

const columnOf = (h: Harness, sheetName: string, key: string) => {
  const sheet = h.ss.getSheetByName(sheetName)!;
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  return keys.indexOf(key) + 1;
};

const request = (title: string) => ({
  space: 'Grande salle',
  title,
  startDate: '02/03/2026',
  status: 'Demande',
});

describe('after « Réservations » grew past 1,000 rows', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande salle']);
  // Past requests up to two rows above the table's last row, then two through Pilote: it grows.
  seedRecords(h.emulator, 'bookings', 1000 - 1 - FIRST_DATA_ROW, (k) => ({
    title: `Demande ${k}`,
    space: 'Grande salle',
  }));
  save(h, 'bookings', request('Avant-dernière'));
  const grown = save(h, 'bookings', request('Celle qui fait grandir'));
  const space = save(h, 'spaces', { name: 'Salle neuve', weeklyHours: '35' });
  const booking = save(h, 'bookings', {
    space: 'Salle neuve',
    title: 'Réunion dans la salle neuve',
    startDate: '14/09/2026',
    startTime: '14:00',
    endTime: '16:30',
    status: 'Confirmée',
  });

  test('the table grew and the new booking lies past row 1,000', () => {
    expect(namedEnd(h, tableRangeName({ key: 'bookings' }))).toBe(2000);
    expect(grown.row).toBe(1000);
    expect(booking.row).toBeGreaterThan(1000);
  });

  test('a space created after the growth reads the whole table: its booked hours count that booking', () => {
    const spaces = h.ss.getSheetByName('Espaces')!;
    const at = columnOf(h, 'Espaces', 'bookedHours');
    expect(spaces.getRange(space.row, at).getFormula()).toContain('$2000');
    expect(spaces.getRange(space.row, at).getFormula()).not.toContain('$1000');
    expect(spaces.getRange(space.row, at).getValue()).toBe(2.5);
  });

  test('a confirmed booking typed by hand over it, past row 1,000, is flagged by the sheet', () => {
    const sheet = h.ss.getSheetByName('Réservations')!;
    const row = booking.row + 1;
    const typed: Record<string, string> = {
      space: 'Salle neuve',
      title: 'Tapée à la main',
      startDate: '14/09/2026',
      startTime: '15:00',
      endTime: '17:00',
      status: 'Confirmée',
    };
    for (const [key, value] of Object.entries(typed)) {
      const cell = sheet.getRange(row, columnOf(h, 'Réservations', key)).getA1Notation();
      h.emulator.spreadsheetApp._userEdit('Réservations', cell, value);
    }
    const overlap = columnOf(h, 'Réservations', 'sheetOverlap');
    expect(sheet.getRange(row, overlap).getValue()).toBe(1);
    expect(sheet.getRange(booking.row, overlap).getValue()).toBe(1);
  });
});
