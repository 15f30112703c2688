/**
 * « Tableau de bord » declared as data: a period selector (year, month), then labelled KPI rows,
 * each an English-syntax formula over bounded ranges of the other sheets (so it stays live when
 * people type in the sheet), and the charts drawn from them. Column A holds the labels, column B
 * the selector and the figures; a small table for the budget chart sits in D:F.
 */

import { NUMBER_FORMATS } from './formats';
import { formulaContext } from './formula';
import type { FormulaEnvironment } from './index';
import {
  DASHBOARD_MONTH_NAME,
  DASHBOARD_YEAR_NAME,
  inPeriodCriteria,
  MONTH_CHOICES,
  PERIOD_END_FORMULA,
  PERIOD_END_NAME,
  PERIOD_START_FORMULA,
  PERIOD_START_NAME,
  WHOLE_YEAR,
} from './period';
import { premisesValueOfYear, volunteerValueOfYear } from './sheets/finance';
import { DEADLINE_DAYS, FUNDER_LEVELS, GRANT_STATUSES } from './sheets/grants';
import { ACTION_STATUSES } from './sheets/strategy';
import { dashboardSheet } from './sheets/system';
import type { FormulaContext } from './types';

export { DASHBOARD_MONTH_NAME, DASHBOARD_YEAR_NAME, PERIOD_END_NAME, PERIOD_START_NAME } from './period';

/** 1-based rows and columns of the layout. */
export const DASHBOARD_TITLE_ROW = 1;
export const DASHBOARD_YEAR_ROW = 2;
export const DASHBOARD_MONTH_ROW = 3;
export const DASHBOARD_START_ROW = 4;
export const DASHBOARD_END_ROW = 5;
export const DASHBOARD_FIRST_ROW = 7;
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
const inPeriod = (c: FormulaContext, sheet: string, column: string): string =>
  inPeriodCriteria(c.range(sheet, column));
/** In-kind contributions of the year on `prefix` (86 or 87): operations plus what the workbook values. */
const actualInKind = (c: FormulaContext, prefix: '86' | '87'): string =>
  `(${actual(c, prefix)}+${volunteerValueOfYear(c)}+${premisesValueOfYear(c)})`;
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

/** Key of the KPI counting the grants of a status (`grantsStatusAEtudier`). */
const grantStatusKey = (status: string): string =>
  `grantsStatus${slug(status).replace(/^./, (ch) => ch.toUpperCase())}`;

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
    (c) => `=ROUND(${actualInKind(c, '86')}, 2)`,
  ),
  kpi(
    'actualVolunteering',
    '\u2003dont bénévolat valorisé (864)',
    'money',
    (c) => `=${volunteerValueOfYear(c)}`,
  ),
  kpi(
    'actualPremises',
    '\u2003dont locaux mis à disposition gratuitement (861)',
    'money',
    (c) => `=${premisesValueOfYear(c)}`,
  ),
  kpi(
    'inKindOperationsTwice',
    'Opérations saisies sur 864 ou 875 (doublon\u00a0: le bénévolat est valorisé depuis les heures)',
    'integer',
    (c) =>
      `=COUNTIFS(${c.range('operations', 'account')}, "864*", ${inYear(c, 'operations', 'date')})+COUNTIFS(${c.range('operations', 'account')}, "875*", ${inYear(c, 'operations', 'date')})`,
  ),
  kpi(
    'actualInKindBalance',
    'Équilibre des contributions en nature réalisées (87 − 86)',
    'money',
    (c) => `=ROUND(${actualInKind(c, '87')}-${actualInKind(c, '86')}, 2)`,
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
    `Dossiers à déposer dans les ${DEADLINE_DAYS} jours`,
    'integer',
    (c) =>
      `=COUNTIFS(${c.range('grants', 'deadline')}, ">="&${c.today}, ${c.range('grants', 'deadline')}, "<="&(${c.today}+${DEADLINE_DAYS}), ${c.range('grants', 'status')}, "À étudier")+COUNTIFS(${c.range('grants', 'deadline')}, ">="&${c.today}, ${c.range('grants', 'deadline')}, "<="&(${c.today}+${DEADLINE_DAYS}), ${c.range('grants', 'status')}, "En préparation")`,
  ),
  kpi(
    'financialReportsDue',
    `Comptes rendus financiers (CERFA 15059) en retard ou à rendre dans les ${DEADLINE_DAYS} jours`,
    'integer',
    (c) => `=COUNTIFS(${c.range('grants', 'financialReportDeadline')}, "<="&(${c.today}+${DEADLINE_DAYS}))`,
  ),
  ...GRANT_STATUSES.map((status) =>
    kpi(
      grantStatusKey(status),
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
  { kind: 'section', label: 'Activité de la période' },
  kpi(
    'volunteerHours',
    'Heures de bénévolat',
    'number',
    (c) =>
      `=ROUND(SUMIFS(${c.range('volunteerHours', 'hours')}, ${inPeriod(c, 'volunteerHours', 'date')})*24, 2)`,
  ),
  kpi(
    'volunteerValue',
    'Valorisation du bénévolat (selon le type de tâche)',
    'money',
    (c) => `=SUMIFS(${c.range('volunteerHours', 'valuedAmount')}, ${inPeriod(c, 'volunteerHours', 'date')})`,
  ),
  kpi('eventCount', 'Événements', 'integer', (c) => `=COUNTIFS(${inPeriod(c, 'events', 'date')})`),
  kpi(
    'eventAttendance',
    'Participation aux événements',
    'integer',
    (c) => `=SUMIFS(${c.range('events', 'attendance')}, ${inPeriod(c, 'events', 'date')})`,
  ),
  kpi(
    'bookedHours',
    'Heures réservées (réservations confirmées)',
    'number',
    (c) => `=SUMIFS(${c.range('spaces', 'bookedHours')}, ${c.range('spaces', 'bookedHours')}, ">0")`,
  ),
  kpi(
    'occupancyRate',
    'Taux d’occupation des espaces (heures disponibles renseignées)',
    'percent',
    (c) =>
      `=IFERROR(SUMIFS(${c.range('spaces', 'bookedHours')}, ${c.range('spaces', 'weeklyHours')}, ">0")/(SUMIFS(${c.range('spaces', 'weeklyHours')}, ${c.range('spaces', 'weeklyHours')}, ">0")*(${PERIOD_END_NAME}-${PERIOD_START_NAME}+1)/7), "")`,
  ),
  { kind: 'section', label: 'Indicateurs (période de mesure finissant dans l’exercice)' },
  kpi(
    'indicatorsMeasured',
    'Indicateurs mesurés (cible et réalisé renseignés)',
    'integer',
    (c) =>
      `=COUNTIFS(${c.range('indicators', 'achievement')}, ">=0", ${inYear(c, 'indicators', 'periodEnd')})`,
  ),
  kpi(
    'indicatorsReached',
    'Indicateurs atteints (100\u00a0% de la cible ou plus)',
    'integer',
    (c) =>
      `=COUNTIFS(${c.range('indicators', 'achievement')}, ">=1", ${inYear(c, 'indicators', 'periodEnd')})`,
  ),
  kpi(
    'indicatorsAverage',
    'Taux d’atteinte moyen',
    'percent',
    (c) =>
      `=IFERROR(SUMIFS(${c.range('indicators', 'achievement')}, ${inYear(c, 'indicators', 'periodEnd')})/COUNTIFS(${c.range('indicators', 'achievement')}, ">=0", ${inYear(c, 'indicators', 'periodEnd')}), "")`,
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

/** The period selector: two validated cells and the two dates they give, each named. */
export interface RenderedPeriod {
  rows: { row: number; label: string; name: string; kind: 'year' | 'month' | 'date'; formula?: string }[];
  monthChoices: readonly string[];
  wholeYear: string;
}

/** A rectangle of a sheet, 1-based. */
export interface ChartRange {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A chart of the dashboard, drawn by Sheets from ranges that stay live. */
export interface RenderedChart {
  title: string;
  type: 'column' | 'bar' | 'pie';
  ranges: ChartRange[];
  /** Cell its top-left corner is anchored to. */
  anchorRow: number;
  anchorColumn: number;
  /** Number format of the values axis, when it matters (rates). */
  percent?: boolean;
}

/** What is written in the sheet: labels (column A), formulas and formats (column B), per row. */
export interface RenderedDashboard {
  title: string;
  period: RenderedPeriod;
  rows: {
    label: string;
    formula: string;
    format: string | null;
    kind: DashboardRow['kind'];
    mustBeZero?: boolean;
  }[];
  /** The small table the budget chart reads (D2:F4): labels and formulas over column B. */
  chartTable: { row: number; column: number; cells: string[][] };
  charts: RenderedChart[];
}

/** The period cells, rows 2 to 5 of column B. */
export const DASHBOARD_PERIOD: RenderedPeriod = {
  rows: [
    { row: DASHBOARD_YEAR_ROW, label: 'Exercice', name: DASHBOARD_YEAR_NAME, kind: 'year' },
    { row: DASHBOARD_MONTH_ROW, label: 'Mois', name: DASHBOARD_MONTH_NAME, kind: 'month' },
    {
      row: DASHBOARD_START_ROW,
      label: 'Du',
      name: PERIOD_START_NAME,
      kind: 'date',
      formula: PERIOD_START_FORMULA,
    },
    { row: DASHBOARD_END_ROW, label: 'Au', name: PERIOD_END_NAME, kind: 'date', formula: PERIOD_END_FORMULA },
  ],
  monthChoices: MONTH_CHOICES,
  wholeYear: WHOLE_YEAR,
};

/** Column where the chart table and the charts start (D). */
export const DASHBOARD_CHART_COLUMN = 4;
/** Spaces shown by the occupancy chart: the first hundred rows of « Espaces ». */
const CHART_SPACES = 100;

/**
 * KPIs that must be zero in a sound budget: the forecast must balance (charges = produits, as
 * funders require) and contributions in kind must balance (86 = 87). The sheet paints them red
 * otherwise, through a conditional format, live as people type.
 */
export const MUST_BE_ZERO: readonly string[] = [
  'forecastBalance',
  'inKindOperationsTwice',
  'forecastInKindBalance',
  'actualInKindBalance',
];

/** The conditional-format formula flagging a non-zero balance on dashboard row `row`. */
export function balanceAlertFormula(row: number): string {
  const cell = `$${String.fromCharCode(64 + DASHBOARD_VALUE_COLUMN)}${row}`;
  return `=AND(${cell}<>"", ROUND(${cell}, 2)<>0)`;
}

/** Row of the KPI `key` in the sheet. */
export function kpiRow(key: string): number {
  const i = DASHBOARD_ROWS.findIndex((r) => r.kind === 'kpi' && r.key === key);
  if (i < 0) throw new Error(`unknown KPI '${key}'`);
  return DASHBOARD_FIRST_ROW + i;
}

/** The dashboard rendered against the workbook's real sheet names and column positions. */
export function renderDashboard(env: FormulaEnvironment): RenderedDashboard {
  const ctx = formulaContext(env.sheets, dashboardSheet, DASHBOARD_FIRST_ROW, env.locate, {
    lastRow: env.lastRow,
  });
  const dashboardName = env.sheets.find((s) => s.key === dashboardSheet.key)?.name ?? dashboardSheet.name;
  const spaces = env.sheets.find((s) => s.key === 'spaces');
  const b = (key: string): string => `=B${kpiRow(key)}`;
  const statusRows = GRANT_STATUSES.map((status) => kpiRow(grantStatusKey(status)));
  const charts: RenderedChart[] = [
    {
      title: 'Budget de l’exercice\u00a0: prévu et réalisé',
      type: 'column',
      ranges: [
        { sheetName: dashboardName, row: 2, column: DASHBOARD_CHART_COLUMN, numRows: 3, numColumns: 3 },
      ],
      anchorRow: 6,
      anchorColumn: DASHBOARD_CHART_COLUMN,
    },
    {
      title: 'Dossiers de subvention de l’exercice par statut',
      type: 'pie',
      ranges: [
        {
          sheetName: dashboardName,
          row: Math.min(...statusRows),
          column: DASHBOARD_LABEL_COLUMN,
          numRows: statusRows.length,
          numColumns: 2,
        },
      ],
      anchorRow: 26,
      anchorColumn: DASHBOARD_CHART_COLUMN,
    },
  ];
  if (spaces) {
    const at = (key: string): number => env.locate(spaces, key) + 1;
    charts.push({
      title: 'Taux d’occupation par espace (période)',
      type: 'bar',
      ranges: ['name', 'occupancyRate'].map((key) => ({
        sheetName: spaces.name,
        row: 2,
        column: at(key),
        numRows: CHART_SPACES + 1,
        numColumns: 1,
      })),
      anchorRow: 46,
      anchorColumn: DASHBOARD_CHART_COLUMN,
      percent: true,
    });
  }
  return {
    title: 'Tableau de bord',
    period: DASHBOARD_PERIOD,
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
    chartTable: {
      row: 2,
      column: DASHBOARD_CHART_COLUMN,
      cells: [
        ['Budget', 'Prévu', 'Réalisé'],
        ['Charges', b('forecastCharges'), b('actualCharges')],
        ['Produits', b('forecastProducts'), b('actualProducts')],
      ],
    },
    charts,
  };
}
