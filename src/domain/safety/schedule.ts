/**
 * The schedule computed in TypeScript, independently of the sheet's formulas, so that tests can
 * compare the two: months added with Google's EDATE semantics and the status at a date. Dates are
 * spreadsheet serial numbers (days since 30 December 1899).
 */

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Status of a scheduled check, as the sheet spells it. */
export type ScheduleStatus = 'À jour' | 'Bientôt' | 'En retard';

/** How many days ahead a check counts as « Bientôt ». */
export const DUE_SOON_DAYS = 30;

/** Serial of a calendar date. */
export function serialOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_UTC) / DAY_MS);
}

/** Calendar date of a serial (its integer part). */
export function dateOf(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * `serial` plus `months` months, the day clamped to the target month's length: 31 January + 1
 * month = 28 (or 29) February, 29 February 2028 + 12 months = 28 February 2029 (EDATE,
 * support.google.com/docs/answer/3092974; months truncated toward zero as the page says).
 */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = dateOf(serial);
  const total = year * 12 + (month - 1) + Math.trunc(months);
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  const length = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return serialOf(targetYear, targetMonth, Math.min(day, length));
}

/** The next due date: last done + periodicity, or today when never done. */
export function nextDue(lastDone: number | null, periodicityMonths: number, today: number): number {
  return lastDone === null ? Math.floor(today) : addMonths(lastDone, periodicityMonths);
}

/**
 * The status at `today`: never done or due before today is « En retard » (no trace in the
 * register of a check owed), due within 30 days (today included) « Bientôt », else « À jour ».
 */
export function statusAt(lastDone: number | null, due: number, today: number): ScheduleStatus {
  const day = Math.floor(today);
  if (lastDone === null || due < day) return 'En retard';
  if (due <= day + DUE_SOON_DAYS) return 'Bientôt';
  return 'À jour';
}

/** A register entry as the schedule reads it. */
export interface RegisterEntry {
  date: number;
  checkType: string;
  installation: string | null;
}

/**
 * Latest date of the register for a check type (and installation when given), case-insensitive
 * as the sheet's criteria are; null when never done.
 */
export function lastDoneOf(
  entries: readonly RegisterEntry[],
  checkType: string,
  installation: string | null,
): number | null {
  const same = (a: string | null, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
  let last: number | null = null;
  for (const e of entries) {
    if (!same(e.checkType, checkType)) continue;
    if (installation && !same(e.installation, installation)) continue;
    if (last === null || e.date > last) last = e.date;
  }
  return last;
}
