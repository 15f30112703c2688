/** Reading plain records (column key → parsed cell value): numbers, ISO dates, texts. */

import type { CellValue } from '../value-types';

/** One record as read from a table or parsed from input: column key → value. */
export type FinanceRecord = Readonly<Record<string, CellValue | undefined>>;

/** A numeric field; 0 when empty or not a number. */
export function num(record: FinanceRecord, key: string): number {
  const v = record[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A text field, trimmed; '' when empty. */
export function text(record: FinanceRecord, key: string): string {
  const v = record[key];
  return typeof v === 'string' ? v.trim() : '';
}

/** An ISO date field (`2026-03-29`, a datetime is cut to its day), or null. */
export function isoDate(record: FinanceRecord, key: string): string | null {
  const v = record[key];
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

/** The year of an ISO date field, or null. */
export function yearOf(record: FinanceRecord, key: string): number | null {
  const d = isoDate(record, key);
  return d === null ? null : Number(d.slice(0, 4));
}

/** `value` × 10^exponent computed on its decimal digits (no binary error from a factor). */
function shiftDecimal(value: number, exponent: number): number {
  const [mantissa, power] = value.toExponential().split('e');
  return Number(`${mantissa}e${Number(power) + exponent}`);
}

/**
 * Rounds to cents as the sheet's ROUND(x, 2) does on Sheets (support.google.com/docs/answer/3093440):
 * the next digit decides, "greater than or equal to 5" rounds up in magnitude whatever the sign,
 * read on the decimal digits (15 significant) — 1.005 → 1.01, -2.5 → -3 at 0 places, where
 * `Math.round(x * 100) / 100` gave 1 and rounded negative halves toward zero.
 */
export function cents(amount: number): number {
  if (!Number.isFinite(amount) || amount === 0) return amount;
  const shifted = shiftDecimal(Math.abs(Number(amount.toPrecision(15))), 2);
  if (shifted >= 2 ** 52) return amount;
  const rounded = Math.floor(shifted + 0.5);
  if (rounded === 0) return 0;
  const result = shiftDecimal(rounded, -2);
  return amount < 0 ? -result : result;
}

/** `iso` plus `days` days, as an ISO date. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The last day of the month `months` after the month of `iso` (the sheet's EOMONTH: months
 * truncated; a date-time reads as its date).
 */
export function endOfMonth(iso: string, months: number): string {
  const [y, m] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + Math.trunc(months) + 1, 0)).toISOString().slice(0, 10);
}
