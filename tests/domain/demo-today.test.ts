/**
 * The demo seen from another day than 1 September (issue 13): the playground loads it seen from
 * the real today. Whatever the day, nothing dated after it is done, held, paid or joined, what
 * is before it happened, and the week holding it has bookings for the calendar panel.
 */
import { generateDemoData, type DemoDataset } from '../../src/demo';
import { bookingSchedule } from '../../src/domain/bookings/booking-record';
import { occurrencesBetween } from '../../src/domain/bookings/recurrence';
import { requireSheet } from '../../src/schema';
import { validateRecordInput } from '../../src/schema/record-input';
import type { CellValue } from '../../src/schema/types';

const ctx = { locale: 'fr' as const, timeZone: 'Europe/Paris' };

function parsed(data: DemoDataset, sheet: string): Record<string, CellValue>[] {
  const table = data.tables.find((t) => t.sheet === sheet);
  if (!table) throw new Error(`no table ${sheet}`);
  return table.records.map((r) => {
    const result = validateRecordInput(requireSheet(sheet), r, ctx, 'create');
    if (!result.ok) throw new Error(`${sheet}: ${JSON.stringify(result.errors)} in ${JSON.stringify(r)}`);
    return result.values;
  });
}

const DAY_MS = 86_400_000;
const plusDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const mondayOf = (iso: string) => plusDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));

test('the default story is the story seen from 1 September: passing that today changes nothing', () => {
  expect(generateDemoData({ today: '2026-09-01' })).toEqual(generateDemoData());
  expect(generateDemoData({ seed: 1, year: 2026, today: '2026-09-01' })).toEqual(
    generateDemoData({ seed: 1 }),
  );
});

test('refuses a today that is not an ISO day', () => {
  expect(() => generateDemoData({ today: '31/02/2026' })).toThrow(/ISO day/);
  expect(() => generateDemoData({ today: '2026-02-31' })).toThrow(/ISO day/);
});

test('no volunteer of the default story joined after 1 September', () => {
  const volunteers = parsed(generateDemoData(), 'volunteers');
  expect(volunteers.length).toBeGreaterThan(10);
  for (const v of volunteers) expect(String(v.since) <= '2026-09-01').toBe(true);
});

describe.each([
  ['in March', '2026-03-18'],
  ['in December', '2026-12-10'],
  ['in March of another year', '2027-03-04'],
])('seen from a today %s (%s)', (_, today) => {
  const data = generateDemoData({ today });
  const year = Number(today.slice(0, 4));
  const table = (sheet: string) => parsed(data, sheet);

  it('keeps every record valid against the schema, in today’s year', () => {
    for (const t of data.tables) parsed(data, t.sheet);
    for (const line of table('budget')) expect(line.year).toBe(year);
    expect(table('events').every((e) => String(e.date).startsWith(String(year)))).toBe(true);
  });

  it('marks past events done (attendance) and future ones planned (none)', () => {
    const events = table('events');
    const past = events.filter((e) => String(e.date) < today);
    const future = events.filter((e) => String(e.date) > today);
    expect(past.length).toBeGreaterThan(0);
    expect(future.length).toBeGreaterThan(0);
    for (const e of past) expect(e.attendance).not.toBeNull();
    for (const e of future) expect(e.attendance).toBeNull();
    for (const m of table('meetings').filter((x) => String(x.date) > today)) expect(m.decisions).toBeNull();
  });

  it('has nobody joined, nothing done, held, filed, paid or published after today', () => {
    for (const v of table('volunteers')) expect(`${v.since}`.localeCompare(today)).toBeLessThanOrEqual(0);
    for (const sheet of [
      'incidents',
      'mediations',
      'safetyChecks',
      'representation',
      'operations',
      'volunteerHours',
    ])
      for (const r of table(sheet))
        expect(`${sheet} ${r.date}`).toBe(`${sheet} ${String(r.date) <= today ? r.date : 'after today'}`);
    for (const m of table('maintenance')) {
      expect(String(m.reportedOn) <= today).toBe(true);
      if (m.status === 'Terminée') expect(String(m.doneOn) <= today).toBe(true);
    }
    for (const s of table('nextSteps')) if (s.status === 'Fait') expect(String(s.doneOn) <= today).toBe(true);
    for (const a of table('actions'))
      if (a.status === 'Terminée') expect(String(a.endDate) <= today).toBe(true);
    for (const g of table('grants'))
      if (g.submittedOn !== null) expect(String(g.submittedOn) <= today).toBe(true);
    for (const c of table('communication'))
      if (c.status === 'Publiée') expect(String(c.date) <= today).toBe(true);
    for (const b of table('bookings')) if (b.paid === true) expect(String(b.startDate) < today).toBe(true);
  });

  it('keeps references to what it left out: next steps of held meetings, incidents of kept mediations', () => {
    const held = new Set(table('meetings').map((m) => m.title));
    for (const s of table('nextSteps')) if (s.meeting !== null) expect(held.has(s.meeting)).toBe(true);
    const mediations = new Set(table('mediations').map((m) => m.subject));
    for (const i of table('incidents'))
      if (i.mediation !== null) expect(mediations.has(i.mediation)).toBe(true);
  });

  it('has bookings in the week holding today (the calendar panel’s first week)', () => {
    const monday = mondayOf(today);
    const sunday = plusDays(monday, 6);
    const inWeek = table('bookings').filter((b) => {
      const schedule = bookingSchedule(b);
      return schedule !== null && occurrencesBetween(schedule, monday, sunday).length > 0;
    });
    expect(inWeek.length).toBeGreaterThan(0);
  });
});
