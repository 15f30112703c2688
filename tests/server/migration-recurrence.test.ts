/**
 * Schema 4 → 5: the bookings' recurrence values of schema 1–4 (« Chaque semaine », « Toutes les
 * deux semaines », « Chaque mois », « Répéter jusqu’au ») mean exactly the same after the upgrade:
 * the same occurrences, the same Calendar RRULE; the « Récurrence » dropdown of the existing rows
 * offers the new kinds; a second setup changes nothing.
 */
import { FIRST_DATA_ROW, HEADER_ROW, SHEETS } from '../../src/schema';
import type { SheetDef } from '../../src/schema/types';
import { WorkbookSession } from '../../src/server/adapters/workbook';
import { applySchema } from '../../src/server/adapters/workbook-setup';
import { type Harness, newHarness } from './harness';

/** The schema as version 4 had it: nothing `since: 5`, the four recurrences of then. */
const schema4: SheetDef[] = SHEETS.filter((s) => s.since < 5).map((s) => ({
  ...s,
  columns: s.columns
    .filter((c) => (c.since ?? 0) < 5)
    .map((c) =>
      c.key === 'recurrence' && s.key === 'bookings' ? { ...c, options: c.options?.slice(0, 4) } : c,
    )
    .map((c) => ((c.formulaSince ?? 0) >= 5 ? { ...c, formula: () => '=0' } : c)),
  conditionalFormats: s.conditionalFormats?.filter((f) => (f.since ?? 0) < 5),
}));

function withAppsScriptGlobals<T>(h: Harness, work: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const globals = h.emulator.globals();
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  try {
    return work();
  } finally {
    for (const [k, v] of saved) g[k] = v;
  }
}

function letterOf(h: Harness, key: string, sheetName = 'Réservations'): string {
  const sheet = h.ss.getSheetByName(sheetName);
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const at = keys.indexOf(key);
  if (at < 0) throw new Error(`no column ${key}`);
  return at < 26 ? String.fromCharCode(65 + at) : `A${String.fromCharCode(65 + at - 26)}`;
}

/** Rows typed by hand in the schema-4 workbook, and what schema 4 sent to Calendar for them. */
const ROWS = [
  {
    values: {
      title: 'Chorale',
      startDate: '03/03/2026',
      recurrence: 'Chaque semaine',
      recurrenceUntil: '31/03/2026',
    },
    rrule: ['RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=TU;UNTIL=20260331T160000Z'],
    starts: ['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31'],
  },
  {
    values: {
      title: 'Vélo',
      startDate: '06/03/2026',
      recurrence: 'Toutes les deux semaines',
      recurrenceUntil: '17/04/2026',
    },
    rrule: ['RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=FR;UNTIL=20260417T160000Z'],
    starts: ['2026-03-06', '2026-03-20', '2026-04-03', '2026-04-17'],
  },
  {
    values: {
      title: 'Bilan',
      startDate: '31/01/2026',
      startTime: '10:00',
      endTime: '11:00',
      recurrence: 'Chaque mois',
      recurrenceUntil: '31/07/2026',
    },
    rrule: ['RRULE:FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20260731T080000Z'],
    starts: ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31'],
  },
  {
    values: { title: 'Fête', startDate: '20/06/2026', recurrence: 'Aucune', recurrenceUntil: '30/06/2026' },
    rrule: undefined,
    starts: ['2026-06-20'],
  },
];

describe('a schema-4 workbook with recurring bookings typed by hand, upgraded to schema 5', () => {
  const h = newHarness();
  withAppsScriptGlobals(h, () => applySchema(new WorkbookSession(), schema4, 4));
  const app = h.emulator.spreadsheetApp;
  ROWS.forEach((row, i) => {
    const r = FIRST_DATA_ROW + i;
    const cells: Record<string, string> = {
      id: `RES-${String(i + 1).padStart(4, '0')}`,
      space: 'Grande halle',
      status: 'Confirmée',
      startTime: '18:00',
      endTime: '20:00',
      ...row.values,
    };
    for (const [key, value] of Object.entries(cells))
      app._userEdit('Réservations', `${letterOf(h, key)}${r}`, value);
  });
  // « Grande halle » must exist for the sync: typed too.
  app._userEdit('Espaces', `${letterOf(h, 'name', 'Espaces')}${FIRST_DATA_ROW}`, 'Grande halle');
  app._userEdit('Espaces', `${letterOf(h, 'id', 'Espaces')}${FIRST_DATA_ROW}`, 'ESP-0001');
  // Checked before the upgrade (a describe's body runs before its tests).
  let schema4Refused = false;
  try {
    app._userEdit('Réservations', `${letterOf(h, 'recurrence')}${FIRST_DATA_ROW + 9}`, 'Chaque jour');
  } catch {
    schema4Refused = true;
  }
  test('schema 4 refused the new kinds in the sheet', () => {
    expect(schema4Refused).toBe(true);
  });

  const { result } = h.api<{ schemaVersion: number; changed: boolean }>('setupWorkbook');

  test('setup migrates 4 → 5 and appends the new columns', () => {
    expect(result).toMatchObject({ ok: true, data: { schemaVersion: 5, changed: true } });
    const sheet = h.ss.getSheetByName('Réservations');
    const headers = sheet?.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0];
    expect(headers).toEqual(
      expect.arrayContaining([
        'Jours de la semaine',
        'Intervalle',
        'Nombre de fois',
        'Dates exclues',
        'Chevauchement',
      ]),
    );
  });

  test('the same RRULE is sent to Calendar, and Calendar expands the same occurrences', () => {
    const { result: synced } = h.api<{ pushed: number; refused: unknown[] }>('syncBookingCalendars');
    expect(synced).toMatchObject({ ok: true, data: { pushed: ROWS.length, refused: [] } });
    const calendars = h.emulator.calendar._calendars().filter((c) => c.summary === 'Pilote — Grande halle');
    expect(calendars).toHaveLength(1);
    const events = h.emulator.calendar._events(String(calendars[0].id));
    ROWS.forEach((row, i) => {
      const event = events.find(
        (e) => e.extendedProperties?.private?.piloteBookingId === `RES-${String(i + 1).padStart(4, '0')}`,
      );
      expect(event?.recurrence).toEqual(row.rrule);
      const items =
        h.emulator.calendar.Events.list(String(calendars[0].id), {
          singleEvents: true,
          timeMin: '2026-01-01T00:00:00Z',
          timeMax: '2027-01-01T00:00:00Z',
          iCalUID: event?.iCalUID,
        }).items ?? [];
      expect(items.map((e) => String(e.start?.dateTime).slice(0, 10)).sort()).toEqual(row.starts);
    });
  });

  test('the dropdown of the existing rows now offers the new kinds, and still refuses the unknown', () => {
    const cell = `${letterOf(h, 'recurrence')}${FIRST_DATA_ROW + 9}`;
    expect(() => app._userEdit('Réservations', cell, 'Chaque jour')).not.toThrow();
    expect(() => app._userEdit('Réservations', cell, 'Tous les ans')).toThrow();
    app._userEdit('Réservations', cell, '');
  });

  test('a second setup changes nothing', () => {
    const again = h.api('setupWorkbook');
    expect(again.result).toMatchObject({ ok: true, data: { changed: false } });
    expect(again.stats.writes).toBe(0);
  });
});
