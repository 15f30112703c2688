/**
 * A space's bookings as .ics (local/export/ics-export.ts), parsed back with ical.js (Mozilla): the
 * events round-trip, repeats expand with the domain's RRULE, and the bookings of the
 * daylight-saving days (2026-03-29, 2026-10-25) come back at their wall-clock hour through the
 * file's own VTIMEZONE.
 */
import ICAL from 'ical.js';
import { exportBookingsIcs, wallToUtc } from '../../local/export/ics-export';
import { type Harness, setUpHarness } from '../server/harness';

let counter = 0;
function save(h: Harness, sheet: string, values: Record<string, string>): string {
  counter += 1;
  const { result } = h.api<{ id: string }>('saveRecord', {
    sheet,
    values,
    requestId: `req-ics-${String(counter).padStart(6, '0')}`,
  });
  if (!result.ok) throw new Error(`${sheet}: ${JSON.stringify(result.error)}`);
  return result.data.id;
}

const h = setUpHarness();
save(h, 'spaces', { name: 'Grande salle', weeklyHours: '40' });
save(h, 'spaces', { name: 'Atelier bois' });
const ids = {
  weekly: save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Yoga du dimanche',
    startDate: '22/03/2026',
    startTime: '10:00',
    endTime: '11:30',
    recurrence: 'Chaque semaine',
    recurrenceUntil: '05/04/2026',
    status: 'Confirmée',
  }),
  springDay: save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Concert de printemps',
    startDate: '29/03/2026',
    startTime: '14:00',
    endTime: '16:00',
    status: 'Option',
  }),
  autumnDay: save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Vide-grenier',
    startDate: '25/10/2026',
    startTime: '01:30',
    endTime: '10:00',
    status: 'Confirmée',
    visibility: 'Privée',
  }),
  allDay: save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Marché de Noël',
    startDate: '19/12/2026',
    endDate: '20/12/2026',
    status: 'Confirmée',
  }),
  cancelled: save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Réunion annulée',
    startDate: '10/04/2026',
    startTime: '18:00',
    endTime: '19:00',
    status: 'Annulée',
  }),
  monthly: save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Conseil mensuel',
    startDate: '31/01/2026',
    startTime: '09:00',
    endTime: '10:00',
    recurrence: 'Chaque mois',
    recurrenceUntil: '31/05/2026',
    status: 'Confirmée',
  }),
  elsewhere: save(h, 'bookings', {
    space: 'Atelier bois',
    title: 'Menuiserie',
    startDate: '29/03/2026',
    startTime: '10:00',
    endTime: '12:00',
    status: 'Confirmée',
  }),
};

const wb = h.emulator.spreadsheetApp._workbook();
const now = new Date(Date.UTC(2026, 2, 1, 9, 0, 0));
const { text, report } = exportBookingsIcs(wb, 'grande salle', now);
const calendar = new ICAL.Component(ICAL.parse(text));
ICAL.TimezoneService.reset();
const zone = calendar.getFirstSubcomponent('vtimezone');
if (zone) ICAL.TimezoneService.register(zone);
const events = new Map(
  calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return [e.uid, { event: e, component: v }];
  }),
);
const byId = (id: string) => {
  const found = events.get(`${id}@pilote`);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};

/** The wall-clock `yyyy-MM-dd HH:mm` of an instant in Paris, and its UTC hour. */
function paris(t: ICAL.Time): { wall: string; utcHour: number } {
  const d = t.toJSDate();
  const wall = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return { wall, utcHour: d.getUTCHours() };
}

describe('export ics', () => {
  test('one event per booking of the space, none of another space; the report counts them', () => {
    expect([...events.keys()].sort()).toEqual(
      [ids.weekly, ids.springDay, ids.autumnDay, ids.allDay, ids.cancelled, ids.monthly]
        .map((i) => `${i}@pilote`)
        .sort(),
    );
    expect(report).toEqual({ space: 'Grande salle', events: 6, cancelled: 1, recurring: 2, skipped: [] });
  });

  test('a valid calendar: VERSION, PRODID, the Europe/Paris VTIMEZONE, DTSTAMP in UTC', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(calendar.getFirstPropertyValue('prodid'))).toContain('Pilote');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    expect(text).toMatch(/^DTSTAMP:20260301T090000Z\r$/m);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  test('timed bookings: DTSTART;TZID on the wall clock, title, place, status, class', () => {
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260329T140000');
    const { event, component } = byId(ids.springDay);
    expect(event.summary).toBe('Concert de printemps');
    expect(event.location).toBe('Grande salle');
    expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(byId(ids.autumnDay).component.getFirstPropertyValue('class')).toBe('PRIVATE');
  });

  test('daylight-saving days come back at their wall-clock hour (ical.js applies the VTIMEZONE)', () => {
    // 29 March 2026: clocks go 02:00 → 03:00; 14:00 is CEST (UTC+2).
    const spring = byId(ids.springDay).event;
    expect(paris(spring.startDate)).toEqual({ wall: '2026-03-29 14:00', utcHour: 12 });
    expect(paris(spring.endDate)).toEqual({ wall: '2026-03-29 16:00', utcHour: 14 });
    // The offsets come from the file's VTIMEZONE (a floating or unknown zone has offset 0).
    expect(spring.startDate.utcOffset()).toBe(7200);
    // 25 October 2026: clocks go 03:00 → 02:00; 01:30 is still CEST (UTC+2), 10:00 is CET
    // (UTC+1): 8 h 30 on the wall clock, 9 h 30 elapsed. (02:00–03:00 happens twice that night:
    // RFC 5545 §3.3.5 says such a time is the first one, ical.js 2.2 takes the second; Pilote's
    // demo books nothing then.)
    const autumn = byId(ids.autumnDay).event;
    expect(paris(autumn.startDate)).toEqual({ wall: '2026-10-25 01:30', utcHour: 23 });
    expect(paris(autumn.endDate)).toEqual({ wall: '2026-10-25 10:00', utcHour: 9 });
    expect([autumn.startDate.utcOffset(), autumn.endDate.utcOffset()]).toEqual([7200, 3600]);
    expect(autumn.endDate.toJSDate().getTime() - autumn.startDate.toJSDate().getTime()).toBe(9.5 * 3600_000);
  });

  test('a weekly booking across the spring change keeps 10:00 each Sunday; UNTIL is in UTC', () => {
    const { event } = byId(ids.weekly);
    // The domain's line as written (ical.js drops WKST=MO when it reads it: Monday is the default).
    expect(text).toContain('\r\nRRULE:FREQ=WEEKLY;WKST=MO;BYDAY=SU;UNTIL=20260405T080000Z\r\n');
    const it = event.iterator();
    const seen: { wall: string; utcHour: number }[] = [];
    for (let next = it.next(); next && seen.length < 10; next = it.next()) seen.push(paris(next));
    expect(seen).toEqual([
      { wall: '2026-03-22 10:00', utcHour: 9 },
      { wall: '2026-03-29 10:00', utcHour: 8 },
      { wall: '2026-04-05 10:00', utcHour: 8 },
    ]);
  });

  test('a monthly booking on the 31st skips the months without one (RFC 5545, as Calendar does)', () => {
    const it = byId(ids.monthly).event.iterator();
    const seen: string[] = [];
    for (let next = it.next(); next && seen.length < 10; next = it.next()) seen.push(paris(next).wall);
    expect(seen).toEqual(['2026-01-31 09:00', '2026-03-31 09:00', '2026-05-31 09:00']);
  });

  test('all-day bookings: VALUE=DATE and an exclusive end date', () => {
    expect(text).toContain('DTSTART;VALUE=DATE:20261219');
    expect(text).toContain('DTEND;VALUE=DATE:20261221');
    const { event } = byId(ids.allDay);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-12-19');
    expect(event.endDate.toString()).toBe('2026-12-21');
  });

  test('a cancelled booking is kept with STATUS:CANCELLED', () => {
    expect(byId(ids.cancelled).component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  test('UIDs are stable: a second export gives the same events byte for byte', () => {
    expect(exportBookingsIcs(wb, 'Grande salle', now).text).toBe(text);
  });

  test('an unknown space: a French error naming the spaces there are', () => {
    expect(() => exportBookingsIcs(wb, 'Salle X', now)).toThrow(
      /Espace inconnu : « Salle X »\. Espaces du classeur : « Grande salle », « Atelier bois »/,
    );
  });

  test('wallToUtc follows the zone on both sides of each change', () => {
    expect(wallToUtc('2026-03-29T01:30', 'Europe/Paris')).toBe('20260329T003000Z');
    expect(wallToUtc('2026-03-29T03:30', 'Europe/Paris')).toBe('20260329T013000Z');
    expect(wallToUtc('2026-10-25T03:30', 'Europe/Paris')).toBe('20261025T023000Z');
    expect(wallToUtc('2026-07-01T12:00', 'Europe/Paris')).toBe('20260701T100000Z');
  });
});
