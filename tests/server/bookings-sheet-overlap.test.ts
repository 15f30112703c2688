/**
 * Schema 5: a booking typed by hand into « Réservations » that overlaps another confirmed
 * booking of the same space is flagged by the sheet itself (« Chevauchement », a same-sheet
 * formula, and a red rule reading only its own sheet), for bookings without recurrence; the next
 * sync refuses to send it and says why (calendar-sync.ts `confirmedOverlap`). Rows are typed with
 * the emulator as a user would, never through Pilote.
 */
import { FIRST_DATA_ROW, KEY_ROW, requireSheet } from '../../src/schema';
import { seedLabels } from '../../local/fixtures';
import { type Harness, setUpHarness } from './harness';

function letters(h: Harness): (key: string) => string {
  const sheet = h.ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  return (key) => {
    const at = keys.indexOf(key);
    if (at < 0) throw new Error(`no column ${key}`);
    return at < 26 ? String.fromCharCode(65 + at) : `A${String.fromCharCode(65 + at - 26)}`;
  };
}

type Typed = Record<string, string>;
function typeRows(h: Harness, rows: Typed[]): void {
  const at = letters(h);
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row))
      h.emulator.spreadsheetApp._userEdit('Réservations', `${at(key)}${FIRST_DATA_ROW + i}`, value);
  });
}

function overlapColumn(h: Harness, n: number): unknown[] {
  const sheet = h.ss.getSheetByName('Réservations');
  const at = letters(h)('sheetOverlap');
  return (sheet?.getRange(`${at}${FIRST_DATA_ROW}:${at}${FIRST_DATA_ROW + n - 1}`).getValues() ?? []).map(
    (r) => r[0],
  );
}

const row = (id: number, over: Typed): Typed => ({
  id: `RES-${String(id).padStart(4, '0')}`,
  space: 'Grande halle',
  title: `Réservation ${id}`,
  status: 'Confirmée',
  startDate: '03/01/2026',
  ...over,
});

describe('« Chevauchement »: the sheet flags a confirmed one-off booking typed over another', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande halle', 'Salle de réunion']);
  const rows = [
    row(1, { startTime: '14:00', endTime: '18:00' }),
    row(2, { startTime: '15:00', endTime: '16:00' }), // inside 1
    row(3, { startTime: '18:00', endTime: '20:00' }), // right after 1: half-open, no clash
    row(4, { startTime: '15:00', endTime: '16:00', space: 'Salle de réunion' }), // another space
    row(5, { startTime: '15:00', endTime: '16:00', status: 'Option' }), // an option: Pilote's « Conflit »
    row(6, { startDate: '10/01/2026', startTime: '22:00', endTime: '02:00' }), // crosses midnight
    row(7, { startDate: '11/01/2026', startTime: '01:00', endTime: '03:00' }), // the night after 22:00
    row(8, { startDate: '20/01/2026' }), // a whole day
    row(9, { startDate: '20/01/2026', startTime: '23:00', endTime: '23:30' }), // inside that day
    row(10, { startDate: '21/01/2026', startTime: '00:00', endTime: '01:00' }), // the next day: free
    row(11, { startDate: '03/01/2026', startTime: '15:30', recurrence: 'Chaque semaine' }), // a series: not the sheet's
  ];
  typeRows(h, rows);
  const flags = overlapColumn(h, rows.length);

  test('overlapping confirmed one-offs are flagged, both of them; adjacent, other spaces, options, series are not', () => {
    const flagged = flags.map((f, i) => (f === '' ? null : rows[i].id));
    expect(flagged).toEqual([
      'RES-0001',
      'RES-0002',
      null,
      null,
      null,
      'RES-0006',
      'RES-0007',
      'RES-0008',
      'RES-0009',
      null,
      null,
    ]);
    expect(flags[0]).toBe(1);
    expect(flags[5]).toBe(1);
  });

  test('the red rule reads only its own sheet (no other sheet, no named range)', () => {
    const rule = requireSheet('bookings').conditionalFormats?.find((f) => f.key === 'sheetOverlap');
    expect(rule?.since).toBe(5);
    const rules = h.ss.getSheetByName('Réservations')?.getConditionalFormatRules() ?? [];
    const ours = rules.find(
      (r) =>
        String(r.getBooleanCondition()?.getCriteriaValues()[0]).includes('<>""') &&
        r.getRanges().length === 2,
    );
    expect(ours).toBeDefined();
    const formula = String(ours?.getBooleanCondition()?.getCriteriaValues()[0]);
    expect(formula).not.toMatch(/!|PILOTE_/);
  });

  test('editing a row by hand out of the clash clears both flags, live', () => {
    h.emulator.spreadsheetApp._userEdit(
      'Réservations',
      `${letters(h)('startTime')}${FIRST_DATA_ROW + 1}`,
      '19:00',
    );
    h.emulator.spreadsheetApp._userEdit(
      'Réservations',
      `${letters(h)('endTime')}${FIRST_DATA_ROW + 1}`,
      '19:30',
    );
    const after = overlapColumn(h, 3);
    // Row 2 (19:00–19:30) now overlaps row 3 (18:00–20:00) instead of row 1.
    expect(after[0]).toBe('');
    expect(after[1]).not.toBe('');
    expect(after[2]).not.toBe('');
  });

  test('the next sync refuses the later row of each clash, naming the other one', () => {
    const { result } = h.api<{ refused: { id: string; reason: string }[] }>('syncBookingCalendars');
    if (!result.ok) throw new Error(result.error.message);
    const refused = new Map(result.data.refused.map((r) => [r.id, r.reason]));
    expect(refused.get('RES-0003')).toMatch(/RES-0002/);
    expect(refused.get('RES-0007')).toMatch(/RES-0006/);
    expect(refused.get('RES-0009')).toMatch(/RES-0008/);
    expect(refused.has('RES-0001')).toBe(false);
  });
});
