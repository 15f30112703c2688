/**
 * In-kind contributions the workbook values by itself (what the formulas of « Heures de
 * bénévolat », « Structures » and « Comptes » compute): volunteer time at the hourly value of its
 * task type (864/875), premises lent to residents below their rental value (861/871).
 */

import { cents, type FinanceRecord, isoDate, num, text } from './records';

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * The hourly value of a task type: the first line of « Valorisation du bénévolat » for that type
 * when some line of that type has a positive value, else the venue's default.
 */
export function hourlyValueOf(
  taskType: string,
  rates: readonly FinanceRecord[],
  defaultRate: number,
): number {
  const ofType = rates.filter((r) => text(r, 'taskType') === taskType);
  return ofType.some((r) => num(r, 'hourlyValue') > 0) ? num(ofType[0], 'hourlyValue') : defaultRate;
}

/** Value of one line of volunteer hours, rounded to the cent as its « Valorisation » cell. */
export function volunteerLineValue(
  line: FinanceRecord,
  rates: readonly FinanceRecord[],
  defaultRate: number,
): number {
  return cents(num(line, 'hours') * 24 * hourlyValueOf(text(line, 'taskType'), rates, defaultRate));
}

/** Value of the volunteer hours dated from `from` to `to` (ISO, inclusive), optionally of one action. */
export function volunteerValueBetween(
  lines: readonly FinanceRecord[],
  rates: readonly FinanceRecord[],
  defaultRate: number,
  from: string,
  to: string,
  action?: string,
): number {
  let total = 0;
  for (const line of lines) {
    const date = isoDate(line, 'date');
    if (date === null || date < from || date > to) continue;
    if (action !== undefined && text(line, 'action') !== action) continue;
    total += volunteerLineValue(line, rates, defaultRate);
  }
  return cents(total);
}

/**
 * Premises lent to a structure in `year`: (rental value − fee) × 12, prorated to the days of its
 * agreement within the year; null without a rental value.
 */
export function freePremisesValue(structure: FinanceRecord, year: number): number | null {
  if (structure.rentalValue === null || structure.rentalValue === undefined) return null;
  const first = dayNumber(`${year}-01-01`);
  const last = dayNumber(`${year}-12-31`);
  const start = Math.max(dayNumber(isoDate(structure, 'agreementStart') ?? `${year}-01-01`), first);
  const end = Math.min(dayNumber(isoDate(structure, 'agreementEnd') ?? `${year}-12-31`), last);
  const days = Math.max(0, end - start + 1);
  const monthly = Math.max(0, num(structure, 'rentalValue') - num(structure, 'monthlyFee'));
  return cents((monthly * 12 * days) / (last - first + 1));
}

/** Premises lent free of charge in `year`, all structures. */
export function freePremisesTotal(structures: readonly FinanceRecord[], year: number): number {
  let total = 0;
  for (const s of structures) {
    const value = freePremisesValue(s, year);
    if (value !== null && value > 0) total += value;
  }
  return cents(total);
}
