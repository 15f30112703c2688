/**
 * Budget arithmetic of the plan comptable associatif: charges (class 6), produits (class 7) and
 * the in-kind contributions (86 emplois, 87 ressources), forecast (« Budget prévisionnel ») and
 * actual (« Opérations »), by year and by action.
 */

import { cents, type FinanceRecord, num, text, yearOf } from './records';

/** The classes the budget balances: 6 charges, 7 produits, 86 and 87 in-kind. */
export type AccountClass = '6' | '7' | '86' | '87';

/** Totals of a year by class. */
export interface ClassTotals {
  charges: number;
  products: number;
  inKindUses: number;
  inKindResources: number;
}

/** The class of an account label (`606 Achats…` → '6', `864 …` → '86'); null for any other. */
export function accountClass(account: unknown): AccountClass | null {
  const digits = /^\s*(\d+)/.exec(typeof account === 'string' ? account : '')?.[1] ?? '';
  if (digits.startsWith('86')) return '86';
  if (digits.startsWith('87')) return '87';
  if (digits.startsWith('6')) return '6';
  if (digits.startsWith('7')) return '7';
  return null;
}

/** Whether an account label starts with the account number prefix (`74` matches `741 …`). */
export function accountStartsWith(account: unknown, prefix: string): boolean {
  return typeof account === 'string' && account.trim().startsWith(prefix);
}

const empty = (): ClassTotals => ({ charges: 0, products: 0, inKindUses: 0, inKindResources: 0 });

function add(totals: ClassTotals, account: unknown, amount: number): void {
  const cls = accountClass(account);
  if (cls === '6') totals.charges += amount;
  else if (cls === '7') totals.products += amount;
  else if (cls === '86') totals.inKindUses += amount;
  else if (cls === '87') totals.inKindResources += amount;
}

function rounded(t: ClassTotals): ClassTotals {
  return {
    charges: cents(t.charges),
    products: cents(t.products),
    inKindUses: cents(t.inKindUses),
    inKindResources: cents(t.inKindResources),
  };
}

/** Budget lines of `year` (fields `year`, `account`, `amount`) by class. */
export function forecastTotals(lines: readonly FinanceRecord[], year: number): ClassTotals {
  const totals = empty();
  for (const line of lines) if (num(line, 'year') === year) add(totals, line.account, num(line, 'amount'));
  return rounded(totals);
}

/** Operations dated in `year` (fields `date`, `account`, `amount`) by class. */
export function actualTotals(operations: readonly FinanceRecord[], year: number): ClassTotals {
  const totals = empty();
  for (const op of operations) if (yearOf(op, 'date') === year) add(totals, op.account, num(op, 'amount'));
  return rounded(totals);
}

/** Forecast or actual totals of `year` by action ('' for the general running of the place). */
export function totalsByAction(
  records: readonly FinanceRecord[],
  year: number,
  kind: 'forecast' | 'actual',
): Map<string, ClassTotals> {
  const byAction = new Map<string, ClassTotals>();
  for (const r of records) {
    const inYear = kind === 'forecast' ? num(r, 'year') === year : yearOf(r, 'date') === year;
    if (!inYear) continue;
    const action = text(r, 'action');
    const totals = byAction.get(action) ?? empty();
    add(totals, r.account, num(r, 'amount'));
    byAction.set(action, totals);
  }
  return new Map([...byAction].map(([action, t]) => [action, rounded(t)]));
}

/** Operations of `year` on accounts starting with `prefix` (e.g. `74`, the operating grants). */
export function actualOnAccounts(operations: readonly FinanceRecord[], year: number, prefix: string): number {
  let total = 0;
  for (const op of operations) {
    if (yearOf(op, 'date') === year && accountStartsWith(op.account, prefix)) total += num(op, 'amount');
  }
  return cents(total);
}

/** Actual over forecast; null when nothing was forecast. */
export function executionRate(actual: number, forecast: number): number | null {
  return forecast === 0 ? null : actual / forecast;
}

/** Produits minus charges: 0 when the budget balances, negative for a deficit. */
export function balance(totals: ClassTotals): number {
  return cents(totals.products - totals.charges);
}

/** In-kind resources (87) minus their uses (86): must be 0. */
export function inKindBalance(totals: ClassTotals): number {
  return cents(totals.inKindResources - totals.inKindUses);
}

/** Share of the operating grants (accounts 74) in the actual produits of `year`; null without produits. */
export function grantShareOfIncome(operations: readonly FinanceRecord[], year: number): number | null {
  const products = actualTotals(operations, year).products;
  return products === 0 ? null : actualOnAccounts(operations, year, '74') / products;
}
