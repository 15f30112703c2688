/**
 * The sync at the size of a busy venue: 2,000 bookings. The initial sync stops before the
 * 6-minute limit and resumes to completion; then 20 changed bookings cost exactly 20 Calendar
 * writes plus the list pages, and a second run writes nothing.
 */
import { KEY_ROW, FIRST_DATA_ROW } from '../../src/schema';
import { seedBookings, seedLabels } from '../../local/fixtures';
import { LIMITS } from '../../local/emulator/runtime';
import { type Harness, setUpHarness } from './harness';

const COUNT = 2000;
const CALENDAR_WRITES = new Set([
  'Events.insert',
  'Events.update',
  'Events.patch',
  'Events.remove',
  'Calendars.insert',
]);

/** 2,000 confirmed one-hour bookings of « Grande halle », one a day from 01/01/2026, as typed long ago. */
function seedScheduled(h: Harness): void {
  seedBookings(h.emulator, COUNT);
  seedLabels(h.emulator, 'spaces', ['Grande halle']);
  const sheet = h.ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const put = (key: string, value: (i: number) => string | number) =>
    sheet
      .getRange(FIRST_DATA_ROW, keys.indexOf(key) + 1, COUNT, 1)
      .setValues(Array.from({ length: COUNT }, (_, i) => [value(i)]));
  const jan1 = 46023; // 2026-01-01 as a Sheets serial
  put('space', () => "'Grande halle");
  put('status', () => "'Confirmée");
  put('startDate', (i) => jan1 + i);
  put('startTime', () => 10 / 24);
  put('endTime', () => 11 / 24);
}

function sync(h: Harness) {
  const outcome = h.runner.call('syncBookingCalendars');
  if (!outcome.ok) throw new Error(outcome.error);
  const answer = outcome.value as { ok: boolean; data: { pushed: number; complete: boolean } };
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  const log = outcome.stats.log;
  return {
    report: answer.data,
    ms: outcome.stats.ms,
    writes: log.filter((c) => CALENDAR_WRITES.has(c.method)).length,
    lists: log.filter((c) => c.method === 'Events.list').length,
  };
}

test('2,000 bookings: initial sync resumes to completion within the limit; 20 changed = 20 writes; then 0', () => {
  const h = setUpHarness();
  seedScheduled(h);
  const runs: ReturnType<typeof sync>[] = [];
  do runs.push(sync(h));
  while (!runs[runs.length - 1].report.complete && runs.length < 12);
  expect(runs[runs.length - 1].report.complete).toBe(true);
  for (const r of runs) expect(r.ms).toBeLessThan(LIMITS.executionMs);
  expect(runs.length).toBeGreaterThan(1);
  const pushed = runs.reduce((n, r) => n + r.report.pushed, 0);
  expect(pushed).toBe(COUNT);
  const calendarId = h.emulator.calendar._calendars().find((c) => c.summary === 'Pilote — Grande halle')
    ?.id as string;
  expect(h.emulator.calendar._events(calendarId)).toHaveLength(COUNT);
  process.stdout.write(
    `initial sync of ${COUNT}: ${runs.length} runs, ${runs.map((r) => `${r.report.pushed} sent in ${(r.ms / 1000).toFixed(1)} s`).join('; ')}\n`,
  );

  // 20 bookings retitled in the sheet.
  const sheet = h.ss.getSheetByName('Réservations');
  const keys = sheet?.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  for (let k = 0; k < 20; k += 1)
    sheet?.getRange(FIRST_DATA_ROW + k * 97, keys.indexOf('title') + 1).setValue(`'Renommée ${k}`);
  const changed = sync(h);
  expect(changed.report).toMatchObject({ pushed: 20, complete: true });
  expect(changed.writes).toBe(20);
  expect(changed.lists).toBe(1);
  const again = sync(h);
  expect(again.report).toMatchObject({ pushed: 0, complete: true });
  expect(again.writes).toBe(0);
  process.stdout.write(
    `20 changed: ${changed.writes} writes + ${changed.lists} list page, ${(changed.ms / 1000).toFixed(1)} s; unchanged: ${again.writes} writes, ${(again.ms / 1000).toFixed(1)} s\n`,
  );
}, 900_000);
