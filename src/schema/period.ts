/**
 * The period the figures of the workbook are computed for: a year and, optionally, a month,
 * chosen in « Tableau de bord » (validated cells) and read by the formulas of the dashboard,
 * « Comptes », « Actions », « Structures », « Espaces » and « Réservations » through named cells.
 */

import { FRENCH_MONTHS } from '../domain/date-input';

/** Named cell of the selected year (a number). */
export const DASHBOARD_YEAR_NAME = 'PILOTE_DASHBOARD_YEAR';
/** Named cell of the selected month: « Toute l’année » or a French month name. */
export const DASHBOARD_MONTH_NAME = 'PILOTE_DASHBOARD_MONTH';
/** Named cells of the first and last day of the period (formulas over the two above). */
export const PERIOD_START_NAME = 'PILOTE_PERIOD_START';
export const PERIOD_END_NAME = 'PILOTE_PERIOD_END';

/** The choice meaning « the whole year ». */
export const WHOLE_YEAR = 'Toute l’année';
/** French month names, as the selector offers them. */
export const MONTH_NAMES = FRENCH_MONTHS;

/** What the month selector offers. */
export const MONTH_CHOICES: readonly string[] = [WHOLE_YEAR, ...MONTH_NAMES];

const Y = DASHBOARD_YEAR_NAME;
const M = DASHBOARD_MONTH_NAME;

/**
 * The month number (0 for the whole year) without lookup tables or array constants, which the
 * four engines do not share: a sum of comparisons, each TRUE counting 1.
 */
const monthNumber = `(${MONTH_NAMES.map((name, i) => `(${M}="${name}")*${i + 1}`).join('+')})`;

/** Formula of the first day of the period. */
export const PERIOD_START_FORMULA = `=IF(${monthNumber}=0, DATE(${Y}, 1, 1), DATE(${Y}, ${monthNumber}, 1))`;
/** Formula of the last day of the period. */
export const PERIOD_END_FORMULA = `=IF(${monthNumber}=0, DATE(${Y}, 12, 31), EOMONTH(DATE(${Y}, ${monthNumber}, 1), 0))`;

/** SUMIFS/COUNTIFS criteria pair(s) keeping `range` (dates) within the selected year. */
export const inYearCriteria = (range: string): string =>
  `${range}, ">="&DATE(${Y}, 1, 1), ${range}, "<"&DATE(${Y}+1, 1, 1)`;

/** SUMIFS/COUNTIFS criteria pair(s) keeping `range` (dates) within the selected period. */
export const inPeriodCriteria = (range: string): string =>
  `${range}, ">="&${PERIOD_START_NAME}, ${range}, "<"&(${PERIOD_END_NAME}+1)`;
