/**
 * The demo venue's rota: the story's week is proposed from its settings, bookings and
 * volunteers' availability; checked here against those inputs read independently.
 */
import { generateDemoData } from '../../src/demo';

const data = generateDemoData();
const records = (sheet: string) => data.tables.find((t) => t.sheet === sheet)?.records ?? [];
const iso = (fr: unknown) => {
  const [d, m, y] = String(fr).split('/');
  return `${y}-${m}-${d}`;
};
const minutes = (fr: unknown) => {
  const m = /^(\d+)h(\d*)$/.exec(String(fr));
  if (!m) throw new Error(`time ${fr}`);
  return Number(m[1]) * 60 + Number(m[2] || 0);
};
const WEEK = [
  '2026-08-31',
  '2026-09-01',
  '2026-09-02',
  '2026-09-03',
  '2026-09-04',
  '2026-09-05',
  '2026-09-06',
];
const FR_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

test('the story’s week has an opening and a closing each open day (mardi–samedi), by someone who said they can', () => {
  const week = records('openingRota').filter((r) => WEEK.includes(iso(r.date)));
  expect(week.map((r) => [iso(r.date), r.shift])).toEqual(
    WEEK.slice(1, 6).flatMap((d) => [
      [d, 'Ouverture'],
      [d, 'Fermeture'],
    ]),
  );
  const volunteers = records('volunteers');
  for (const line of week) {
    const who = volunteers.find((v) => v.contact === line.person);
    expect(who).toBeDefined();
    expect(String(who?.rotaShifts).split(', ')).toContain(line.shift);
    expect(String(who?.rotaWeekdays).split(', ')).toContain(FR_DAYS[WEEK.indexOf(iso(line.date))]);
  }
  // Nobody gets more than two shifts while someone eligible has none (fewest shifts first).
  const counts = new Map<string, number>();
  for (const l of week) counts.set(String(l.person), (counts.get(String(l.person)) ?? 0) + 1);
  expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
});

test('opening and closing times cover the opening hours and every confirmed booking of the day', () => {
  const hours: Record<string, [number, number]> = {
    '2026-09-01': [540, 1140],
    '2026-09-02': [540, 1140],
    '2026-09-03': [540, 1260],
    '2026-09-04': [540, 1380],
    '2026-09-05': [600, 1080],
  };
  const week = records('openingRota').filter((r) => WEEK.includes(iso(r.date)));
  const bookings = records('bookings').filter((b) => b.status === 'Confirmée' && b.recurrence === 'Aucune');
  for (const [date, [open, close]] of Object.entries(hours)) {
    const day = bookings.filter(
      (b) => iso(b.startDate) === date && b.startTime && (!b.endDate || b.endDate === b.startDate),
    );
    const starts = [open, ...day.map((b) => minutes(b.startTime))];
    const ends = [close, ...day.map((b) => minutes(b.endTime))];
    const opening = week.find((r) => iso(r.date) === date && r.shift === 'Ouverture');
    const closing = week.find((r) => iso(r.date) === date && r.shift === 'Fermeture');
    expect(minutes(opening?.startTime)).toBeLessThanOrEqual(Math.min(...starts));
    expect(minutes(closing?.endTime)).toBeGreaterThanOrEqual(Math.max(...ends));
  }
  // The hand-typed history before the week is still there, and nothing is proposed after it.
  expect(records('openingRota').some((r) => iso(r.date) < WEEK[0])).toBe(true);
  expect(records('openingRota').some((r) => iso(r.date) > WEEK[6])).toBe(false);
});
