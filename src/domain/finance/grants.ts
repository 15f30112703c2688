/** The grants pipeline: amounts requested, granted and received, by status and funder level, deadlines. */

import { addDays, cents, type FinanceRecord, isoDate, num, text } from './records';

/** Amounts of a set of applications. */
export interface GrantAmounts {
  count: number;
  requested: number;
  granted: number;
  received: number;
}

/** Statuses of an application not yet submitted: their deadline is still to be met. */
export const GRANT_OPEN_STATUSES: readonly string[] = ['À étudier', 'En préparation'];

const sum = (grants: readonly FinanceRecord[]): GrantAmounts => ({
  count: grants.length,
  requested: cents(grants.reduce((n, g) => n + num(g, 'amountRequested'), 0)),
  granted: cents(grants.reduce((n, g) => n + num(g, 'amountGranted'), 0)),
  received: cents(grants.reduce((n, g) => n + num(g, 'amountReceived'), 0)),
});

const ofYear = (grants: readonly FinanceRecord[], year: number) =>
  grants.filter((g) => num(g, 'financialYear') === year);

/** Applications of the financial year `year`, every status. */
export function grantTotals(grants: readonly FinanceRecord[], year: number): GrantAmounts {
  return sum(ofYear(grants, year));
}

/** Applications of `year` grouped by the value of `field` (`status`, `funderLevel`). */
export function grantsBy(
  grants: readonly FinanceRecord[],
  year: number,
  field: 'status' | 'funderLevel',
): Map<string, GrantAmounts> {
  const groups = new Map<string, FinanceRecord[]>();
  for (const g of ofYear(grants, year)) {
    const key = text(g, field);
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return new Map([...groups].map(([key, list]) => [key, sum(list)]));
}

/** Applications not yet submitted whose deadline falls from `today` to `today + days` included. */
export function deadlinesWithin(grants: readonly FinanceRecord[], today: string, days: number): number {
  const last = addDays(today, days);
  return grants.filter((g) => {
    const d = isoDate(g, 'deadline');
    return d !== null && d >= today && d <= last && GRANT_OPEN_STATUSES.includes(text(g, 'status'));
  }).length;
}

/** Statuses under which the financial report (CERFA 15059) is still owed to the funder. */
const REPORT_OWED = ['Accordée', 'Versée', 'Bilan à rendre'];

/**
 * The latest date of the financial report (CERFA 15059): six months after the end of the
 * financial year granted (30 June of the next year); null when no report is owed.
 */
export function financialReportDeadline(grant: FinanceRecord): string | null {
  const year = num(grant, 'financialYear');
  if (year === 0 || !REPORT_OWED.includes(text(grant, 'status'))) return null;
  return `${year + 1}-06-30`;
}

/** Financial reports owed by `today + days` (late ones included). */
export function financialReportsDue(grants: readonly FinanceRecord[], today: string, days: number): number {
  const last = addDays(today, days);
  return grants.filter((g) => {
    const d = financialReportDeadline(g);
    return d !== null && d <= last;
  }).length;
}
