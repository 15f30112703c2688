/**
 * The occupancy formula (« Occurrences sur la période ») and the domain expansion
 * (src/domain/bookings/recurrence.ts via booking-record.ts) agree on every recurrence a formula
 * expresses: none, weekly, fortnightly, monthly on dates 1–28, bounded or not, on many bookings
 * typed into the sheet, for a year and for a month. Since schema 5 a monthly booking on the
 * 29th–31st agrees too (RFC 5545 skips months without that date); the other kinds are in
 * bookings-occupancy-kinds.test.ts.
 */
import { FIRST_DATA_ROW, KEY_ROW } from '../../src/schema';
import { bookingSchedule } from '../../src/domain/bookings/booking-record';
import { occurrencesBetween } from '../../src/domain/bookings/recurrence';
import {
  DASHBOARD_MONTH_NAME,
  DASHBOARD_YEAR_NAME,
  PERIOD_END_NAME,
  PERIOD_START_NAME,
} from '../../src/schema/period';
import { type Harness, setUpHarness } from './harness';

const KINDS = ['Aucune', 'Chaque semaine', 'Toutes les deux semaines', 'Chaque mois'] as const;

/** A small seeded generator: the same bookings every run. */
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

interface Generated {
  startDate: string;
  recurrence: (typeof KINDS)[number];
  recurrenceUntil?: string;
}

function generate(count: number, monthlyDayMax: number): Generated[] {
  const next = random(42);
  return Array.from({ length: count }, (_, i) => {
    const recurrence = KINDS[i % KINDS.length];
    let start = serialOf('2025-06-01') + Math.floor(next() * 700);
    if (recurrence === 'Chaque mois') {
      const iso = isoOf(start);
      const day = 1 + Math.floor(next() * monthlyDayMax);
      start = serialOf(`${iso.slice(0, 8)}${String(day).padStart(2, '0')}`);
    }
    const bounded = next() < 0.6;
    return {
      startDate: isoOf(start),
      recurrence,
      ...(bounded ? { recurrenceUntil: isoOf(start + Math.floor(next() * 400)) } : {}),
    };
  });
}

function seed(h: Harness, bookings: Generated[]): void {
  const sheet = h.ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const put = (key: string, value: (b: Generated, i: number) => string | number) =>
    sheet
      .getRange(FIRST_DATA_ROW, keys.indexOf(key) + 1, bookings.length, 1)
      .setValues(bookings.map((b, i) => [value(b, i)]));
  put('id', (_b, i) => `'RES-${String(i + 1).padStart(4, '0')}`);
  put('title', (_b, i) => `'Réservation ${i + 1}`);
  put('startDate', (b) => serialOf(b.startDate));
  put('recurrence', (b) => `'${b.recurrence}`);
  put('recurrenceUntil', (b) => (b.recurrenceUntil ? serialOf(b.recurrenceUntil) : ''));
  put('status', () => "'Demande");
}

function formulaCounts(h: Harness, n: number): number[] {
  const sheet = h.ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  return sheet
    .getRange(FIRST_DATA_ROW, keys.indexOf('periodOccurrences') + 1, n, 1)
    .getValues()
    .map((r) => Number(r[0]));
}

function domainCounts(bookings: Generated[], from: string, to: string): number[] {
  return bookings.map((b) => {
    const schedule = bookingSchedule({
      startDate: b.startDate,
      recurrence: b.recurrence,
      recurrenceUntil: b.recurrenceUntil,
    });
    if (!schedule) throw new Error('unschedulable');
    return occurrencesBetween(schedule, from, to).length;
  });
}

function period(h: Harness): { from: string; to: string } {
  const read = (name: string) => {
    const v = h.ss.getRangeByName(name)?.getValue();
    return v instanceof Date
      ? h.emulator.utilities.formatDate(v, 'Europe/Paris', 'yyyy-MM-dd')
      : isoOf(Number(v));
  };
  return { from: read(PERIOD_START_NAME), to: read(PERIOD_END_NAME) };
}

describe('« Occurrences sur la période » agrees with the domain expansion', () => {
  const bookings = generate(90, 28);
  const h = setUpHarness();
  seed(h, bookings);

  test.each([
    ['2026', 'Toute l’année'],
    ['2026', 'mars'],
    ['2026', 'octobre'],
    ['2027', 'Toute l’année'],
  ])('year %s, %s: every one of 90 bookings (within the formula block)', (year, month) => {
    h.ss.getRangeByName(DASHBOARD_YEAR_NAME)?.setValue(Number(year));
    h.ss.getRangeByName(DASHBOARD_MONTH_NAME)?.setValue(month);
    const { from, to } = period(h);
    expect(from.slice(0, 4)).toBe(year);
    const formula = formulaCounts(h, bookings.length);
    const domain = domainCounts(bookings, from, to);
    const disagreements = bookings
      .map((b, i) => ({ ...b, formula: formula[i], domain: domain[i] }))
      .filter((x) => x.formula !== x.domain);
    expect(disagreements).toEqual([]);
    // Not a vacuous agreement: repeating bookings count several times.
    expect(Math.max(...domain)).toBeGreaterThan(4);
  });

  test('schema 5: monthly on the 31st counts 7 months in the formula as in the domain (RFC 5545; schema 4 counted 12)', () => {
    const h31 = setUpHarness();
    const b: Generated = { startDate: '2026-01-31', recurrence: 'Chaque mois' };
    seed(h31, [b]);
    h31.ss.getRangeByName(DASHBOARD_YEAR_NAME)?.setValue(2026);
    h31.ss.getRangeByName(DASHBOARD_MONTH_NAME)?.setValue('Toute l’année');
    const { from, to } = period(h31);
    expect(formulaCounts(h31, 1)).toEqual([7]);
    expect(domainCounts([b], from, to)).toEqual([7]);
  });
});
