/** Volunteer time and its value, attendance, actions and safety checks: what the dashboard counts. */

import { addMonths } from '../safety/schedule';
import { isoToSerial, serialToIso } from '../serial-dates';
import { cents, type FinanceRecord, isoDate, num, text, yearOf } from './records';

/** Hours volunteered in `year`, to the hundredth (`hours` is a duration: a fraction of a day, as Sheets stores it). */
export function volunteerHours(records: readonly FinanceRecord[], year: number): number {
  return cents(
    records.filter((r) => yearOf(r, 'date') === year).reduce((n, r) => n + num(r, 'hours') * 24, 0),
  );
}

/** Events dated in `year` and their total actual attendance. */
export function eventStats(
  events: readonly FinanceRecord[],
  year: number,
): { count: number; attendance: number } {
  const ofYear = events.filter((e) => yearOf(e, 'date') === year);
  return { count: ofYear.length, attendance: ofYear.reduce((n, e) => n + num(e, 'attendance'), 0) };
}

/** Records whose `field` equals `value`. */
export function countWhere(records: readonly FinanceRecord[], field: string, value: string): number {
  return records.filter((r) => text(r, field) === value).length;
}

/** Actions still running or in preparation whose end date has passed. */
export function lateActions(actions: readonly FinanceRecord[], today: string): number {
  return actions.filter((a) => {
    const end = isoDate(a, 'endDate');
    const status = text(a, 'status');
    return end !== null && end < today && (status === 'En cours' || status === 'En préparation');
  }).length;
}

/**
 * The next due date of a check: its date plus `periodicityMonths`, the day clamped to a shorter
 * month (the register's EDATE since schema 4); null without one.
 */
export function nextCheckDue(check: FinanceRecord): string | null {
  const date = isoDate(check, 'date');
  const months = num(check, 'periodicityMonths');
  const serial = date === null ? null : isoToSerial(date);
  return serial === null || months === 0 ? null : serialToIso(addMonths(serial, months), 'date');
}

/** Safety check lines whose next due date has passed. */
export function overdueChecks(checks: readonly FinanceRecord[], today: string): number {
  return checks.filter((c) => {
    const due = nextCheckDue(c);
    return due !== null && due < today;
  }).length;
}

/** Achievement of an indicator: actual ÷ target; null without both or with a zero target. */
export function achievement(indicator: FinanceRecord): number | null {
  const t = indicator.target;
  const a = indicator.actual;
  if (typeof t !== 'number' || typeof a !== 'number' || t === 0) return null;
  return a / t;
}

/** Indicators whose measuring period ends in `year`: measured, reached (≥ 100 %), mean achievement. */
export function indicatorStats(
  indicators: readonly FinanceRecord[],
  year: number,
): { measured: number; reached: number; average: number | null } {
  const ofYear = indicators.filter((i) => yearOf(i, 'periodEnd') === year);
  const rates = ofYear.map(achievement).filter((r): r is number => r !== null);
  const measured = rates.filter((r) => r >= 0).length;
  return {
    measured,
    reached: rates.filter((r) => r >= 1).length,
    average: measured === 0 ? null : rates.reduce((s, r) => s + r, 0) / measured,
  };
}
