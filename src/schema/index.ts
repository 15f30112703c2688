/** The workbook declared once: version, ordered sheets, lookups, number formats and rendered formulas. */

import { FIRST_DATA_ROW, LAST_DATA_ROW, NUMBER_FORMATS } from './formats';
import {
  type ColumnLocator,
  columnLetter,
  formulaContext,
  quoteSheetName,
  schemaOrder,
  type TableEnd,
} from './formula';
import { communicationSheet, eventsSheet } from './sheets/activity';
import { accountsSheet, budgetSheet, operationsSheet } from './sheets/finance';
import { contactsSheet, mediationsSheet, structuresSheet } from './sheets/community';
import { documentsSheet, meetingsSheet, nextStepsSheet, representationSheet } from './sheets/governance';
import { grantsSheet } from './sheets/grants';
import { diagnosticSheet, inspirationsSheet } from './sheets/knowledge';
import {
  incidentsSheet,
  maintenanceSheet,
  openingRotaSheet,
  safetyRegisterSheet,
  safetyScheduleSheet,
} from './sheets/safety';
import { venueSettingsSheet } from './sheets/settings';
import { bookingsSheet, spacesSheet } from './sheets/spaces';
import { actionsSheet, indicatorsSheet, objectivesSheet } from './sheets/strategy';
import { dashboardSheet, journalSheet } from './sheets/system';
import { volunteerHoursSheet, volunteerRatesSheet, volunteersSheet } from './sheets/volunteering';
import type { ColumnDef, ConditionalFormatDef, SettingDef, SheetDef } from './types';
import { findSchemaProblems } from './validate';

export * from './types';
export {
  DATA_ROW_COUNT,
  FIRST_DATA_ROW,
  HEADER_ROW,
  KEY_ROW,
  LAST_DATA_ROW,
  NUMBER_FORMATS,
} from './formats';
export {
  ALLOWED_FUNCTIONS,
  type ColumnLocator,
  columnLetter,
  schemaOrder,
  settingRangeName,
  TODAY_NAME,
} from './formula';
export { frenchTypography } from './validate';

/** Version of the workbook layout; bump it with a migration when sheets or columns change. */
export const SCHEMA_VERSION = 5;

/** Every sheet, in tab order. */
export const SHEETS: readonly SheetDef[] = [
  dashboardSheet,
  venueSettingsSheet,
  spacesSheet,
  bookingsSheet,
  structuresSheet,
  contactsSheet,
  volunteersSheet,
  volunteerHoursSheet,
  volunteerRatesSheet,
  objectivesSheet,
  actionsSheet,
  indicatorsSheet,
  eventsSheet,
  communicationSheet,
  meetingsSheet,
  nextStepsSheet,
  representationSheet,
  grantsSheet,
  accountsSheet,
  budgetSheet,
  operationsSheet,
  safetyRegisterSheet,
  safetyScheduleSheet,
  maintenanceSheet,
  openingRotaSheet,
  incidentsSheet,
  mediationsSheet,
  diagnosticSheet,
  inspirationsSheet,
  documentsSheet,
  journalSheet,
];

/** The sheet with this key, or undefined. */
export function sheetByKey(key: string): SheetDef | undefined {
  return SHEETS.find((s) => s.key === key);
}

/** The sheet with this key; throws on an unknown key (a programming error). */
export function requireSheet(key: string): SheetDef {
  const sheet = sheetByKey(key);
  if (!sheet) throw new Error(`Unknown sheet '${key}'`);
  return sheet;
}

/** The column `columnKey` of a sheet (given or by key), or undefined. */
export function columnByKey(sheet: SheetDef | string, columnKey: string): ColumnDef | undefined {
  const def = typeof sheet === 'string' ? sheetByKey(sheet) : sheet;
  return def?.columns.find((c) => c.key === columnKey);
}

/** 0-based position of a column in its sheet; -1 if absent. */
export function columnIndex(sheet: SheetDef, columnKey: string): number {
  return sheet.columns.findIndex((c) => c.key === columnKey);
}

/** The setting with this key in « Paramètres du lieu », or undefined. */
export function settingByKey(key: string): SettingDef | undefined {
  return venueSettingsSheet.settings?.find((s) => s.key === key);
}

/** The number format of a column: its override, else the table entry of its (result) type. */
export function numberFormatFor(column: ColumnDef): string | null {
  if (column.format !== undefined) return column.format;
  return NUMBER_FORMATS[column.type === 'formula' ? (column.resultType ?? 'formula') : column.type];
}

/** The bounded range a reference's dropdown reads, e.g. `'Espaces'!$B$2:$B$5000`. */
export function refRangeA1(
  column: ColumnDef,
  env: FormulaEnvironment = SCHEMA_ENVIRONMENT,
): string | undefined {
  if (!column.ref) return undefined;
  const target = env.sheets.find((s) => s.key === column.ref?.sheet);
  if (!target) throw new Error(`Unknown sheet '${column.ref.sheet}'`);
  const index = columnIndex(target, column.ref.column) < 0 ? -1 : env.locate(target, column.ref.column);
  if (index < 0) throw new Error(`Unknown column '${column.ref.sheet}.${column.ref.column}'`);
  const letter = columnLetter(index);
  const end = Math.max(LAST_DATA_ROW, env.lastRow?.(target) ?? LAST_DATA_ROW);
  return `${quoteSheetName(target.name)}!$${letter}$${FIRST_DATA_ROW}:$${letter}$${end}`;
}

/** The English formula of a computed column for a 1-based row, e.g. `=IF($G5="", "", …)`. */
export function renderColumnFormula(
  sheet: SheetDef,
  column: ColumnDef,
  row: number,
  env: FormulaEnvironment = SCHEMA_ENVIRONMENT,
): string {
  if (!column.formula) throw new Error(`Column '${sheet.key}.${column.key}' has no formula`);
  return column.formula(formulaContext(env.sheets, sheet, row, env.locate, { lastRow: env.lastRow }));
}

/**
 * The custom formula of a conditional format, relative to the first data row (`$F3`). Its
 * context refuses other sheets, settings and PILOTE_TODAY: a rule reads its own sheet only.
 */
export function renderConditionalFormula(
  sheet: SheetDef,
  format: ConditionalFormatDef,
  env: FormulaEnvironment = SCHEMA_ENVIRONMENT,
): string {
  return format.formula(
    formulaContext(env.sheets, sheet, FIRST_DATA_ROW, env.locate, { conditionalFormat: true }),
  );
}

/**
 * What formulas are rendered against: the sheets (with the names they really have in the
 * workbook) and where each column really is. Defaults to the schema itself.
 */
export interface FormulaEnvironment {
  sheets: readonly SheetDef[];
  locate: ColumnLocator;
  /** Where each table ends once grown (the schema's bound when absent). */
  lastRow?: TableEnd;
}

/** The schema as declared: names and column order of a workbook nobody has rearranged. */
export const SCHEMA_ENVIRONMENT: FormulaEnvironment = { sheets: SHEETS, locate: schemaOrder };

/** Every inconsistency of the schema (duplicate keys, broken refs, forbidden functions…); empty when sound. */
export function validateSchema(): string[] {
  return findSchemaProblems(SHEETS, SCHEMA_VERSION);
}
