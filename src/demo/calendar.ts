/** Calendar arithmetic on day numbers (days since 1970-01-01, UTC) and the French formats of the demo. */

/** A day, as a number of days since 1970-01-01. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The day number of a calendar date (month 1-12). */
export function day(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

/** The day number of an ISO `yyyy-mm-dd` (throws on anything else: the demo's options are checked). */
export function isoDayNumber(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : Number.NaN;
  if (!m || isoDay(d) !== iso) throw new RangeError(`demo: not an ISO day: ${iso}`);
  return d;
}

/** Year of a day. */
export function yearOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function weekday(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCDay();
}

/** Month (1-12) of a day. */
export function monthOf(d: Day): number {
  return new Date(d * MS_PER_DAY).getUTCMonth() + 1;
}

/** Every day of a year with the given weekday, in order. */
export function weekdaysOfYear(year: number, dow: number): Day[] {
  const days: Day[] = [];
  for (let d = day(year, 1, 1); d < day(year + 1, 1, 1); d++) if (weekday(d) === dow) days.push(d);
  return days;
}

/** The n-th (1-based) given weekday of a month, e.g. the first Saturday. */
export function nthWeekday(year: number, month: number, dow: number, n: number): Day {
  let d = day(year, month, 1);
  while (weekday(d) !== dow) d++;
  return d + 7 * (n - 1);
}

/** `29/03/2026`, as a coordinator types a date. */
export function frDate(d: Day): string {
  const t = new Date(d * MS_PER_DAY);
  return `${pad2(t.getUTCDate())}/${pad2(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** ISO `2026-03-29` of a day. */
export function isoDay(d: Day): string {
  const t = new Date(d * MS_PER_DAY);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** `14h30` / `9h` for minutes since midnight. */
export function frTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}h` : `${h}h${pad2(m)}`;
}

/** `1h30` / `2h` for a duration in minutes. */
export function frDuration(minutes: number): string {
  return frTime(minutes);
}

/** `1 234,50` for an amount in euros (at most two decimals). */
export function frMoney(euros: number): string {
  const cents = Math.round(euros * 100);
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return rest === 0 ? grouped : `${grouped},${pad2(rest)}`;
}

/** `oui` / `non`. */
export function yesNo(value: boolean): string {
  return value ? 'oui' : 'non';
}

/** French month names, January first (lower case, as inside a sentence). */
export { FRENCH_MONTHS } from '../domain/date-input';
