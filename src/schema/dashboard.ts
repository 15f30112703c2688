/**
 * « Tableau de bord » declared as data: a year selector, then labelled KPI rows, each an
 * English-syntax formula over bounded ranges of the other sheets (so it stays live when people
 * type in the sheet). Column A holds the labels, column B the selector and the figures.
 */

import { NUMBER_FORMATS } from './formats';
import { formulaContext } from './formula';
import type { FormulaEnvironment } from './index';
import { FUNDER_LEVELS, GRANT_STATUSES } from './sheets/grants';
import { ACTION_STATUSES } from './sheets/strategy';
import { dashboardSheet } from './sheets/system';
import type { FormulaContext } from './types';

/** Named cell of the selected year; every KPI of the year reads it. */
export const DASHBOARD_YEAR_NAME = 'PILOTE_DASHBOARD_YEAR';

/** 1-based rows and columns of the layout. */
export const DASHBOARD_TITLE_ROW = 1;
export const DASHBOARD_YEAR_ROW = 2;
export const DASHBOARD_FIRST_ROW = 4;
export const DASHBOARD_LABEL_COLUMN = 1;
export const DASHBOARD_VALUE_COLUMN = 2;

/** Years offered by the selector: a few back, a couple ahead of the year of setup. */
export function dashboardYears(currentYear: number): number[] {
  const years: number[] = [];
  for (let y = currentYear - 5; y <= currentYear + 2; y += 1) years.push(y);
  return years;
}

export type KpiFormat = 'money' | 'percent' | 'integer' | 'number';

/** A row of the dashboard: a section title, or a KPI with its formula and number format. */
export type DashboardRow =
  | { kind: 'section'; label: string }
  | { kind: 'kpi'; key: string; label: string; format: KpiFormat; formula: (c: FormulaContext) => string };

const Y = DASHBOARD_YEAR_NAME;
const inYear = (c: FormulaContext, sheet: string, column: string): string =>
  `${c.range(sheet, column)}, ">="&DATE(${Y}, 1, 1), ${c.range(sheet, column)}, "<"&DATE(${Y}+1, 1, 1)`;
/** Forecast of the year on accounts whose number starts with `prefix`. */
const forecast = (c: FormulaContext, prefix: string): string =>
  `SUMIFS(${c.range('budget', 'amount')}, ${c.range('budget', 'year')}, ${Y}, ${c.range('budget', 'account')}, "${prefix}*")`;
/** Operations of the year on accounts whose number starts with `prefix`. */
const actual = (c: FormulaContext, prefix: string): string =>
  `SUMIFS(${c.range('operations', 'amount')}, ${inYear(c, 'operations', 'date')}, ${c.range('operations', 'account')}, "${prefix}*")`;
const grantSum = (c: FormulaContext, column: string, extra = ''): string =>
  `SUMIFS(${c.range('grants', column)}, ${c.range('grants', 'financialYear')}, ${Y}${extra})`;

const kpi = (
  key: string,
  label: string,
  format: KpiFormat,
  formula: (c: FormulaContext) => string,
): DashboardRow => ({ kind: 'kpi', key, label, format, formula });

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()))
    .join('');

/** The rows, from `DASHBOARD_FIRST_ROW` down. */
export const DASHBOARD_ROWS: readonly DashboardRow[] = [
  { kind: 'section', label: 'Budget de l’exercice' },
  kpi('forecastCharges', 'Charges prévues (classe 6)', 'money', (c) => `=${forecast(c, '6')}`),
  kpi('forecastProducts', 'Produits prévus (classe 7)', 'money', (c) => `=${forecast(c, '7')}`),
  kpi('actualCharges', 'Charges réalisées (classe 6)', 'money', (c) => `=${actual(c, '6')}`),
  kpi('actualProducts', 'Produits réalisés (classe 7)', 'money', (c) => `=${actual(c, '7')}`),
  kpi(
    'chargesExecution',
    'Taux d’exécution des charges',
    'percent',
    (c) => `=IFERROR(${actual(c, '6')}/${forecast(c, '6')}, "")`,
  ),
  kpi(
    'productsExecution',
    'Taux d’exécution des produits',
    'percent',
    (c) => `=IFERROR(${actual(c, '7')}/${forecast(c, '7')}, "")`,
  ),
  kpi(
    'forecastBalance',
    'Équilibre du prévisionnel (produits − charges)',
    'money',
    (c) => `=ROUND(${forecast(c, '7')}-${forecast(c, '6')}, 2)`,
  ),
  kpi(
    'actualBalance',
    'Résultat réalisé (produits − charges)',
    'money',
    (c) => `=ROUND(${actual(c, '7')}-${actual(c, '6')}, 2)`,
  ),
  kpi(
    'forecastInKindUses',
    'Contributions en nature prévues (emplois, 86)',
    'money',
    (c) => `=${forecast(c, '86')}`,
  ),
  kpi(
    'forecastInKindBalance',
    'Équilibre des contributions en nature prévues (87 − 86)',
    'money',
    (c) => `=ROUND(${forecast(c, '87')}-${forecast(c, '86')}, 2)`,
  ),
  kpi(
    'actualInKindUses',
    'Contributions en nature réalisées (emplois, 86)',
    'money',
    (c) => `=${actual(c, '86')}`,
  ),
  kpi(
    'actualInKindBalance',
    'Équilibre des contributions en nature réalisées (87 − 86)',
    'money',
    (c) => `=ROUND(${actual(c, '87')}-${actual(c, '86')}, 2)`,
  ),
  { kind: 'section', label: 'Subventions de l’exercice' },
  kpi('grantsRequested', 'Montant demandé', 'money', (c) => `=${grantSum(c, 'amountRequested')}`),
  kpi('grantsGranted', 'Montant accordé', 'money', (c) => `=${grantSum(c, 'amountGranted')}`),
  kpi('grantsReceived', 'Montant reçu', 'money', (c) => `=${grantSum(c, 'amountReceived')}`),
  kpi(
    'grantShare',
    'Part des subventions (74) dans les produits réalisés',
    'percent',
    (c) => `=IFERROR(${actual(c, '74')}/${actual(c, '7')}, "")`,
  ),
  kpi(
    'grantDeadlines',
    'Dossiers à déposer dans les 30 jours',
    'integer',
    (c) =>
      `=COUNTIFS(${c.range('grants', 'deadline')}, ">="&${c.today}, ${c.range('grants', 'deadline')}, "<="&(${c.today}+30), ${c.range('grants', 'status')}, "À étudier")+COUNTIFS(${c.range('grants', 'deadline')}, ">="&${c.today}, ${c.range('grants', 'deadline')}, "<="&(${c.today}+30), ${c.range('grants', 'status')}, "En préparation")`,
  ),
  ...GRANT_STATUSES.map((status) =>
    kpi(
      `grantsStatus${slug(status).replace(/^./, (ch) => ch.toUpperCase())}`,
      `Dossiers «\u00a0${status}\u00a0»`,
      'integer',
      (c) =>
        `=COUNTIFS(${c.range('grants', 'financialYear')}, ${Y}, ${c.range('grants', 'status')}, "${status}")`,
    ),
  ),
  ...FUNDER_LEVELS.map((level) =>
    kpi(
      `grantsLevel${slug(level).replace(/^./, (ch) => ch.toUpperCase())}`,
      `Accordé\u00a0: ${level}`,
      'money',
      (c) => `=${grantSum(c, 'amountGranted', `, ${c.range('grants', 'funderLevel')}, "${level}"`)}`,
    ),
  ),
  { kind: 'section', label: 'Bénévolat et fréquentation de l’exercice' },
  kpi(
    'volunteerHours',
    'Heures de bénévolat',
    'number',
    (c) =>
      `=ROUND(SUMIFS(${c.range('volunteerHours', 'hours')}, ${inYear(c, 'volunteerHours', 'date')})*24, 2)`,
  ),
  kpi(
    'volunteerValue',
    'Valorisation du bénévolat',
    'money',
    (c) =>
      `=ROUND(SUMIFS(${c.range('volunteerHours', 'hours')}, ${inYear(c, 'volunteerHours', 'date')})*24*${c.setting('volunteerHourlyValue')}, 2)`,
  ),
  kpi('eventCount', 'Événements', 'integer', (c) => `=COUNTIFS(${inYear(c, 'events', 'date')})`),
  kpi(
    'eventAttendance',
    'Participation aux événements',
    'integer',
    (c) => `=SUMIFS(${c.range('events', 'attendance')}, ${inYear(c, 'events', 'date')})`,
  ),
  { kind: 'section', label: 'Actions et sécurité (à ce jour)' },
  ...ACTION_STATUSES.map((status) =>
    kpi(
      `actionsStatus${slug(status).replace(/^./, (ch) => ch.toUpperCase())}`,
      `Actions «\u00a0${status}\u00a0»`,
      'integer',
      (c) => `=COUNTIFS(${c.range('actions', 'status')}, "${status}")`,
    ),
  ),
  kpi(
    'lateActions',
    'Actions en retard (date de fin passée)',
    'integer',
    (c) =>
      `=COUNTIFS(${c.range('actions', 'endDate')}, "<"&${c.today}, ${c.range('actions', 'status')}, "En cours")+COUNTIFS(${c.range('actions', 'endDate')}, "<"&${c.today}, ${c.range('actions', 'status')}, "En préparation")`,
  ),
  kpi(
    'overdueChecks',
    'Vérifications de sécurité à échéance dépassée',
    'integer',
    (c) => `=COUNTIFS(${c.range('safetyChecks', 'nextDue')}, "<"&${c.today})`,
  ),
];

/** The number format of a KPI (French separators come from the spreadsheet's locale). */
export function kpiNumberFormat(format: KpiFormat): string {
  return NUMBER_FORMATS[format] ?? '0';
}

/** What is written in the sheet: labels (column A), formulas and formats (column B), per row. */
export interface RenderedDashboard {
  title: string;
  yearLabel: string;
  rows: {
    label: string;
    formula: string;
    format: string | null;
    kind: DashboardRow['kind'];
    mustBeZero?: boolean;
  }[];
}

/**
 * KPIs that must be zero in a sound budget: the forecast must balance (charges = produits, as
 * funders require) and contributions in kind must balance (86 = 87). The sheet paints them red
 * otherwise, through a conditional format, live as people type.
 */
export const MUST_BE_ZERO: readonly string[] = [
  'forecastBalance',
  'forecastInKindBalance',
  'actualInKindBalance',
];

/** The conditional-format formula flagging a non-zero balance on dashboard row `row`. */
export function balanceAlertFormula(row: number): string {
  const cell = `$${String.fromCharCode(64 + DASHBOARD_VALUE_COLUMN)}${row}`;
  return `=AND(${cell}<>"", ROUND(${cell}, 2)<>0)`;
}

/** The dashboard rendered against the workbook's real sheet names and column positions. */
export function renderDashboard(env: FormulaEnvironment): RenderedDashboard {
  const ctx = formulaContext(env.sheets, dashboardSheet, DASHBOARD_FIRST_ROW, env.locate);
  return {
    title: 'Tableau de bord',
    yearLabel: 'Exercice',
    rows: DASHBOARD_ROWS.map((row) =>
      row.kind === 'section'
        ? { kind: row.kind, label: row.label, formula: '', format: null }
        : {
            kind: row.kind,
            label: row.label,
            formula: row.formula(ctx),
            format: kpiNumberFormat(row.format),
            mustBeZero: MUST_BE_ZERO.includes(row.key),
          },
    ),
  };
}
