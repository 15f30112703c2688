/**
 * Schema 5: « Occurrences sur la période » (a live formula of « Réservations ») agrees with the
 * domain's expansion (booking-record.ts → recurrence.ts, `occurrencesStartingBetween`) for every
 * recurrence the sheet offers: daily every N days, weekly on chosen weekdays every N weeks,
 * fortnightly, monthly on the same date (the 29th–31st included, interval 1), « au même rang »
 * (2e mardi) and « le dernier » (dernier vendredi), bounded by a date or a number of times, with
 * excluded dates — rows typed straight into the sheet, as a user would, for several periods.
 * Then hand-made edge cases, hours of a booking crossing midnight, and what the formula says of
 * the cases it cannot compute (never a silent figure).
 */
import {
  BOOKING_RECURRENCES,
  type BookingFields,
  canonicalExceptions,
  MONTHLY_LAST,
  MONTHLY_RANK,
  occurrencesStartingBetween,
  readBookingSchedule,
  WEEKDAY_LABELS,
} from '../../src/domain/bookings/booking-record';
import { occurrencesBetween } from '../../src/domain/bookings/recurrence';
import { FIRST_DATA_ROW, KEY_ROW } from '../../src/schema';
import {
  DASHBOARD_MONTH_NAME,
  DASHBOARD_YEAR_NAME,
  PERIOD_END_NAME,
  PERIOD_START_NAME,
} from '../../src/schema/period';
import { type Harness, setUpHarness } from './harness';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const serialOf = (iso: string) =>
  Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000,
  ) + 25569;
const isoOf = (serial: number) => new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);

type Row = BookingFields & {
  startDate?: string;
  recurrenceWeekdays?: string;
  status?: string;
  space?: string;
  title?: string;
};

const KINDS = BOOKING_RECURRENCES.filter((k) => k !== 'Aucune');

/** Valid bookings of every kind, seeded: the same rows every run. */
function generate(count: number): Row[] {
  const next = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const rows: Row[] = [];
  for (let i = 0; rows.length < count && i < count * 20; i += 1) {
    const recurrence = KINDS[i % KINDS.length];
    let start = serialOf('2025-09-01') + Math.floor(next() * 600);
    const row: Row = { recurrence, startTime: '18:00', endTime: '20:00' };
    if (recurrence === 'Chaque mois' && next() < 0.4) {
      const iso = isoOf(start);
      start = serialOf(`${iso.slice(0, 8)}${pick(['29', '30', '31', '28'])}`);
      if (isoOf(start).slice(5, 7) !== iso.slice(5, 7)) continue;
    }
    if (recurrence === MONTHLY_LAST) {
      // The last such weekday of its month: a week later is the next month.
      while (isoOf(start + 7).slice(5, 7) === isoOf(start).slice(5, 7)) start += 7;
    }
    row.startDate = isoOf(start);
    if (recurrence === 'Chaque semaine' || recurrence === 'Toutes les deux semaines') {
      const own = WEEKDAY_LABELS[(((start - 2) % 7) + 7) % 7];
      const days = new Set([own, ...WEEKDAY_LABELS.filter(() => next() < 0.3)]);
      if (next() < 0.7) row.recurrenceWeekdays = WEEKDAY_LABELS.filter((d) => days.has(d)).join(', ');
    }
    const monthly28 = !(recurrence === 'Chaque mois' && Number(String(row.startDate).slice(8, 10)) > 28);
    if (recurrence !== 'Toutes les deux semaines' && monthly28 && next() < 0.5)
      row.recurrenceInterval = 1 + Math.floor(next() * 4);
    const bound = next();
    if (bound < 0.35) row.recurrenceUntil = isoOf(start + Math.floor(next() * 500));
    else if (bound < 0.7) row.recurrenceCount = 1 + Math.floor(next() * 40);
    const read = readBookingSchedule(row, { strict: true });
    if (read.issue || !read.schedule) continue;
    if (next() < 0.5) {
      const occurrences = occurrencesBetween(read.schedule, String(row.startDate), isoOf(start + 800));
      const chosen = occurrences
        .filter(() => next() < 0.15)
        .slice(0, 6)
        .map((o) => o.startDate);
      if (chosen.length > 0) row.recurrenceExceptions = canonicalExceptions(chosen);
    }
    if (readBookingSchedule(row, { strict: true }).issue) throw new Error('generated an invalid row');
    rows.push(row);
  }
  return rows;
}

const COLUMNS = [
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'recurrence',
  'recurrenceUntil',
  'recurrenceWeekdays',
  'recurrenceInterval',
  'recurrenceCount',
  'recurrenceExceptions',
] as const;

/** Types the rows into « Réservations » as a user would (no Pilote call). */
function type(h: Harness, rows: readonly Row[]): void {
  const sheet = h.ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const put = (key: string, value: (r: Row, i: number) => string | number) => {
    const at = keys.indexOf(key);
    if (at < 0) throw new Error(`no column ${key}`);
    sheet.getRange(FIRST_DATA_ROW, at + 1, rows.length, 1).setValues(rows.map((r, i) => [value(r, i)]));
  };
  put('id', (_r, i) => `'RES-${String(i + 1).padStart(4, '0')}`);
  put('title', (r, i) => `'${r.title ?? `Réservation ${i + 1}`}`);
  put('space', (r) => (r.space ? `'${r.space}` : ''));
  put('status', (r) => `'${r.status ?? 'Demande'}`);
  for (const key of COLUMNS) {
    put(key, (r) => {
      const v = r[key];
      if (v === undefined || v === null || v === '') return '';
      if (typeof v === 'number') return v;
      const text = String(v);
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return serialOf(text);
      if (/^\d{2}:\d{2}$/.test(text)) return (Number(text.slice(0, 2)) * 60 + Number(text.slice(3))) / 1440;
      return `'${text}`;
    });
  }
}

function columnValues(h: Harness, key: string, n: number): unknown[] {
  const sheet = h.ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  return sheet
    .getRange(FIRST_DATA_ROW, keys.indexOf(key) + 1, n, 1)
    .getValues()
    .map((r) => r[0]);
}

function setPeriod(h: Harness, year: number, month: string): { from: string; to: string } {
  h.ss.getRangeByName(DASHBOARD_YEAR_NAME)?.setValue(year);
  h.ss.getRangeByName(DASHBOARD_MONTH_NAME)?.setValue(month);
  const read = (name: string) => {
    const v = h.ss.getRangeByName(name)?.getValue();
    return v instanceof Date
      ? h.emulator.utilities.formatDate(v, 'Europe/Paris', 'yyyy-MM-dd')
      : isoOf(Number(v));
  };
  return { from: read(PERIOD_START_NAME), to: read(PERIOD_END_NAME) };
}

function domainCount(row: Row, from: string, to: string): number {
  const { schedule, issue } = readBookingSchedule(row);
  if (issue || !schedule) throw new Error(`unschedulable ${JSON.stringify(row)}`);
  return occurrencesStartingBetween(schedule, from, to);
}

describe('« Occurrences sur la période » agrees with the domain for every kind the sheet offers', () => {
  const rows = generate(90);
  const h = setUpHarness();
  type(h, rows);

  test('the generated rows cover every kind, both bounds and excluded dates', () => {
    for (const kind of KINDS) expect(rows.filter((r) => r.recurrence === kind).length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.recurrenceCount !== undefined).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.recurrenceUntil !== undefined).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.recurrenceExceptions !== undefined).length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.recurrenceWeekdays?.includes(',')).length).toBeGreaterThan(3);
    expect(rows.filter((r) => Number(r.startDate?.toString().slice(8, 10)) > 28).length).toBeGreaterThan(2);
  });

  test.each([
    [2026, 'Toute l’année'],
    [2026, 'février'],
    [2026, 'mars'],
    [2026, 'août'],
    [2027, 'Toute l’année'],
    [2025, 'décembre'],
  ])('%s, %s: every one of 90 rows', (year, month) => {
    const { from, to } = setPeriod(h, year, month);
    const formula = columnValues(h, 'periodOccurrences', rows.length);
    const disagreements = rows
      .map((r, i) => ({ row: i + 1, ...r, formula: formula[i], domain: domainCount(r, from, to) }))
      .filter((x) => x.formula !== x.domain);
    expect(disagreements).toEqual([]);
    expect(Math.max(...formula.map(Number))).toBeGreaterThan(3);
  });
});

describe('hand-made edge cases, typed into the sheet', () => {
  const base = { startTime: '10:00', endTime: '12:00' };
  const cases: [string, Row, number][] = [
    [
      'monthly on the 31st: 7 months of 2026',
      { ...base, startDate: '2026-01-31', recurrence: 'Chaque mois' },
      7,
    ],
    ['monthly on the 30th: 11 months', { ...base, startDate: '2026-01-30', recurrence: 'Chaque mois' }, 11],
    [
      'monthly on the 29th from 2025: no 29/02/2026',
      { ...base, startDate: '2025-12-29', recurrence: 'Chaque mois' },
      11,
    ],
    [
      'monthly on the 29th, leap 2028 in 2026 view: 11',
      { ...base, startDate: '2024-02-29', recurrence: 'Chaque mois' },
      11,
    ],
    ['2e mardi, every month', { ...base, startDate: '2026-01-13', recurrence: MONTHLY_RANK }, 12],
    [
      '2e mardi, 5 times',
      { ...base, startDate: '2026-01-13', recurrence: MONTHLY_RANK, recurrenceCount: 5 },
      5,
    ],
    [
      'dernier vendredi, every 2 months',
      { ...base, startDate: '2026-01-30', recurrence: MONTHLY_LAST, recurrenceInterval: 2 },
      6,
    ],
    [
      'weekly lun, mer, ven until 31/01: 12 minus two excluded dates',
      {
        ...base,
        startDate: '2026-01-05',
        recurrence: 'Chaque semaine',
        recurrenceWeekdays: 'lun, mer, ven',
        recurrenceUntil: '2026-01-31',
        recurrenceExceptions: '07/01/2026 ; 30/01/2026',
      },
      10,
    ],
    [
      '10 times every 3 days, the 4th excluded: 9',
      {
        ...base,
        startDate: '2026-03-01',
        recurrence: 'Chaque jour',
        recurrenceInterval: 3,
        recurrenceCount: 10,
        recurrenceExceptions: '10/03/2026',
      },
      9,
    ],
    [
      'a lone excluded date typed by hand (read as a date)',
      {
        ...base,
        startDate: '2026-03-02',
        recurrence: 'Chaque semaine',
        recurrenceCount: 4,
        recurrenceExceptions: '2026-03-09',
      },
      3,
    ],
    [
      'crossing midnight, weekly on Saturdays, 3 times',
      {
        startDate: '2026-05-02',
        startTime: '22:00',
        endTime: '02:00',
        recurrence: 'Chaque semaine',
        recurrenceCount: 3,
      },
      3,
    ],
  ];

  // One workbook for all the cases (building the formula engine is the slow part).
  const h = setUpHarness();
  type(
    h,
    cases.map(([, row]) => row),
  );
  const { from, to } = setPeriod(h, 2026, 'Toute l’année');
  const formula = columnValues(h, 'periodOccurrences', cases.length);

  test.each(cases.map((c, i) => [c[0], i] as const))('%s', (_name, i) => {
    const [, row, expected] = cases[i];
    expect(domainCount(row, from, to)).toBe(expected);
    expect(formula[i]).toBe(expected);
  });

  test('a booking crossing midnight lasts 4 hours (schema 4 counted 0) and the space gets them', () => {
    const h = setUpHarness();
    const space = String(h.ss.getSheetByName('Espaces')?.getRange(FIRST_DATA_ROW, 2).getValue() ?? '');
    type(h, [
      {
        space: 'Grande halle',
        status: 'Confirmée',
        startDate: '2026-05-02',
        startTime: '22:00',
        endTime: '02:00',
        recurrence: 'Chaque semaine',
        recurrenceCount: 3,
      },
    ]);
    setPeriod(h, 2026, 'Toute l’année');
    expect(columnValues(h, 'occurrenceHours', 1)).toEqual([4]);
    expect(columnValues(h, 'periodHours', 1)).toEqual([12]);
    expect(space).toBeDefined();
  });

  test('excluded dates in another layout than Pilote’s: an error in the cell, not a figure', () => {
    const h = setUpHarness();
    type(h, [
      {
        ...base,
        startDate: '2026-03-02',
        recurrence: 'Chaque semaine',
        recurrenceExceptions: '09/03/2026;16/03/2026',
      },
    ]);
    setPeriod(h, 2026, 'Toute l’année');
    const [value] = columnValues(h, 'periodOccurrences', 1);
    expect(typeof value).toBe('string');
    expect(String(value)).toMatch(/^#/);
  });
});
