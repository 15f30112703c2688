/**
 * Schema 5: the richer recurrences go through the form's save (French errors naming the field,
 * nothing written), reach Calendar as the RRULE/EXDATE of the one mapping (booking-record.ts),
 * and the Calendar emulator, which expands RRULEs as Google does, gives back exactly the
 * occurrences the domain expands — for each new kind.
 */
import { bookingSchedule } from '../../src/domain/bookings/booking-record';
import { occurrencesBetween } from '../../src/domain/bookings/recurrence';
import { KEY_ROW } from '../../src/schema';
import { seedLabels } from '../../local/fixtures';
import { type Harness, setUpHarness, sheetDisplay } from './harness';

let counter = 0;
function saveWithStats(h: Harness, values: Record<string, string>) {
  counter += 1;
  return h.api<{ id: string; row: number }>('saveRecord', {
    sheet: 'bookings',
    id: null,
    requestId: `recur-${String(counter).padStart(6, '0')}`,
    values,
  });
}
const save = (h: Harness, values: Record<string, string>) => saveWithStats(h, values).result;

function rowCount(h: Harness): number {
  const rows = sheetDisplay(h, 'Réservations');
  const idAt = rows[KEY_ROW - 1].indexOf('id');
  return rows.slice(KEY_ROW + 1).filter((r) => r[idAt] !== '').length;
}

const iso = (fr: string) => `${fr.slice(6, 10)}-${fr.slice(3, 5)}-${fr.slice(0, 2)}`;
const BASE = { space: 'Grande halle', status: 'Confirmée', startTime: '18:00', endTime: '20:00' };

/** One booking per new kind, with the RRULE/EXDATE Calendar must receive. */
const KINDS: { name: string; values: Record<string, string>; recurrence: string[] }[] = [
  {
    name: 'daily every 2 days, 5 times',
    values: {
      title: 'Stage',
      startDate: '06/04/2026',
      recurrence: 'Chaque jour',
      recurrenceInterval: '2',
      recurrenceCount: '5',
    },
    recurrence: ['RRULE:FREQ=DAILY;INTERVAL=2;COUNT=5'],
  },
  {
    name: 'weekly on lun, mer, ven until 30/04',
    values: {
      title: 'Yoga',
      startDate: '01/04/2026',
      recurrence: 'Chaque semaine',
      recurrenceWeekdays: 'lun, mer, ven',
      recurrenceUntil: '30/04/2026',
      startTime: '07:00',
      endTime: '08:00',
    },
    // UNTIL in UTC: 30/04 07:00 in Paris (CEST) is 05:00Z.
    recurrence: ['RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,WE,FR;UNTIL=20260430T050000Z'],
  },
  {
    name: 'every 3 weeks on Thursday, 4 times',
    values: {
      title: 'Conseil',
      startDate: '02/04/2026',
      recurrence: 'Chaque semaine',
      recurrenceInterval: '3',
      recurrenceCount: '4',
      startTime: '09:00',
      endTime: '10:00',
    },
    recurrence: ['RRULE:FREQ=WEEKLY;INTERVAL=3;WKST=MO;BYDAY=TH;COUNT=4'],
  },
  {
    name: 'monthly on the 31st, 4 times',
    values: {
      title: 'Bilan',
      startDate: '31/05/2026',
      recurrence: 'Chaque mois',
      recurrenceCount: '4',
      startTime: '10:00',
      endTime: '11:00',
    },
    recurrence: ['RRULE:FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4'],
  },
  {
    name: 'le 2e mardi, excluding 14/07',
    values: {
      title: 'Repair café',
      startDate: '09/06/2026',
      recurrence: 'Chaque mois au même rang (ex. 2e mardi)',
      recurrenceCount: '6',
      recurrenceExceptions: '14/07/2026',
      startTime: '14:00',
      endTime: '17:00',
    },
    recurrence: ['RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=6', 'EXDATE;TZID=Europe/Paris:20260714T140000'],
  },
  {
    name: 'le dernier vendredi, whole day, until 31/12',
    values: {
      title: 'Ciné-club',
      startDate: '26/06/2026',
      recurrence: 'Chaque mois le dernier (ex. dernier vendredi)',
      recurrenceUntil: '31/12/2026',
      startTime: '',
      endTime: '',
    },
    recurrence: ['RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231'],
  },
];

describe('each new kind reaches Calendar as its RRULE, and comes back as the domain’s occurrences', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande halle', 'Salle de réunion']);
  // One space per kind: they would overlap one another in one space.
  seedLabels(
    h.emulator,
    'spaces',
    KINDS.map((_k, i) => `Salle ${i + 1}`),
  );
  const ids = KINDS.map((k, i) => {
    const result = save(h, { ...BASE, space: `Salle ${i + 1}`, ...k.values });
    if (!result.ok) throw new Error(`${k.name}: ${result.error.message}`);
    return result.data.id;
  });
  const { result: synced } = h.api<{ pushed: number; refused: unknown[] }>('syncBookingCalendars');

  function calendarIdOf(space: string): string {
    const rows = sheetDisplay(h, 'Espaces');
    const at = rows[KEY_ROW - 1].indexOf('calendarId');
    return rows.find((r) => r.includes(space))?.[at] ?? '';
  }

  test('all are pushed, none refused', () => {
    expect(synced).toMatchObject({ ok: true, data: { pushed: KINDS.length, refused: [] } });
  });

  test.each(KINDS.map((k, i) => [k.name, i] as const))('%s', (_name, i) => {
    const kind = KINDS[i];
    const calendarId = () => calendarIdOf(`Salle ${i + 1}`);
    expect(calendarId()).not.toBe('');
    const event = h.emulator.calendar
      ._events(calendarId())
      .find((e) => e.extendedProperties?.private?.piloteBookingId === ids[i]);
    expect(event?.recurrence).toEqual(kind.recurrence);
    // Calendar's expansion (singleEvents) against the domain's, over the series' whole span.
    const items =
      h.emulator.calendar.Events.list(calendarId(), {
        singleEvents: true,
        timeMin: '2026-01-01T00:00:00Z',
        timeMax: '2027-12-31T00:00:00Z',
        iCalUID: event?.iCalUID,
        maxResults: 2500,
      }).items ?? [];
    const fromCalendar = items
      .filter((e) => e.status !== 'cancelled')
      .map((e) => e.start?.date ?? String(e.start?.dateTime).slice(0, 10))
      .sort();
    const v = { ...kind.values, startDate: iso(kind.values.startDate) } as Record<string, string>;
    if (v.recurrenceUntil) v.recurrenceUntil = iso(v.recurrenceUntil);
    const schedule = bookingSchedule({ ...BASE, ...v });
    if (!schedule) throw new Error('no schedule');
    const fromDomain = occurrencesBetween(schedule, '2026-01-01', '2027-12-31').map((o) => o.startDate);
    expect(fromCalendar).toEqual(fromDomain);
    expect(fromDomain.length).toBeGreaterThan(2);
  });

  test('a second sync writes nothing', () => {
    const writes = h.emulator.calendar._writes().length;
    const { result } = h.api<{ pushed: number }>('syncBookingCalendars');
    expect(result).toMatchObject({ ok: true, data: { pushed: 0 } });
    expect(h.emulator.calendar._writes().length).toBe(writes);
  });
});

describe('a rule the domain cannot expand is refused on save, on its field, and nothing is written', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande halle', 'Salle de réunion']);
  const one = { ...BASE, title: 'Atelier', startDate: '10/03/2026' };
  test.each([
    [
      'a wrong weekday',
      { recurrence: 'Chaque semaine', recurrenceWeekdays: 'mar, jedi' },
      'recurrenceWeekdays',
      /jedi|Jours de la semaine/,
    ],
    [
      'a start not among the chosen days',
      { recurrence: 'Chaque semaine', recurrenceWeekdays: 'lun, mer' },
      'startDate',
      /10\/03\/2026\) est un mardi/,
    ],
    [
      'an excluded date outside the series',
      { recurrence: 'Chaque semaine', recurrenceExceptions: '11/03/2026' },
      'recurrenceExceptions',
      /11\/03\/2026 n’est pas un jour de la série/,
    ],
    [
      'until and a count',
      { recurrence: 'Chaque jour', recurrenceUntil: '20/03/2026', recurrenceCount: '3' },
      'recurrenceCount',
      /pas les deux/,
    ],
    [
      '« le dernier » on a day that is not',
      { recurrence: 'Chaque mois le dernier (ex. dernier vendredi)' },
      'startDate',
      /n’est pas le dernier mardi/,
    ],
  ] as const)('%s', (_name, extra, field, message) => {
    const before = rowCount(h);
    const { result, stats } = saveWithStats(h, { ...one, ...extra });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Either the schedule's own error (one field) or the form validation's (a list of fields).
    const error = result.error as {
      message: string;
      field?: string;
      fields?: { field: string; message: string }[];
    };
    const named = error.field ?? error.fields?.[0]?.field;
    const text = [error.message, ...(error.fields ?? []).map((f) => f.message)].join(' ');
    expect(text).toMatch(message);
    expect(named).toBe(field);
    expect(rowCount(h)).toBe(before);
    expect(stats.writes).toBe(0);
  });

  test('excluded dates are stored in the one layout the sheet’s formula reads', () => {
    const result = save(h, {
      ...one,
      recurrence: 'Chaque semaine',
      recurrenceExceptions: '24/3/2026, 2026-03-17',
    });
    expect(result.ok).toBe(true);
    const rows = sheetDisplay(h, 'Réservations');
    const at = rows[KEY_ROW - 1].indexOf('recurrenceExceptions');
    expect(rows.map((r) => r[at])).toContain('17/03/2026 ; 24/03/2026');
  });
});
