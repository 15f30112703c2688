/**
 * The workbook schema as plain JSON: what `npm run local -- schema` prints and what the user
 * documentation (docs/workbook.md) is rendered from. Absent values are `null` (never `undefined`)
 * so that the description survives `JSON.stringify`/`JSON.parse` unchanged.
 */

import {
  type CellValue,
  type ColumnDef,
  type ColumnType,
  type ConditionalFormatDef,
  FIRST_DATA_ROW,
  numberFormatFor,
  renderColumnFormula,
  renderConditionalFormula,
  SCHEMA_VERSION,
  SHEETS,
  type SettingDef,
  type SheetDef,
  type SheetKind,
  settingRangeName,
  TODAY_NAME,
} from '../../src/schema';
import { tableRangeName } from '../../src/schema/layout';

export interface ColumnJson {
  key: string;
  header: string;
  labelEn: string;
  type: ColumnType;
  /** For computed columns: the type of the result. */
  resultType: ColumnType | null;
  required: boolean;
  help: string | null;
  options: string[] | null;
  ref: { sheet: string; column: string } | null;
  multiple: boolean;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  textRule: string | null;
  hidden: boolean;
  readOnly: boolean;
  width: number | null;
  /** Sheets number format; null leaves Sheets' automatic format. */
  numberFormat: string | null;
  /** English formula of a computed column, rendered for the first data row. */
  formula: string | null;
  since: number;
}

export interface ConditionalFormatJson {
  key: string;
  description: string;
  /** Keys of the columns painted; null for the whole row. */
  columns: string[] | null;
  /** Custom formula relative to the first data row. */
  formula: string;
  background: string | null;
  fontColor: string | null;
  bold: boolean;
}

export interface SettingJson extends ColumnJson {
  defaultValue: CellValue;
  /** Named range of the setting's value cell, usable in formulas. */
  rangeName: string;
}

export interface SheetJson {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  kind: SheetKind;
  since: number;
  frozenRows: number;
  tabColor: string;
  idPrefix: string | null;
  labelColumn: string | null;
  /** Named range covering the sheet (Pilote finds the sheet by it, whatever its tab name). */
  tableRangeName: string;
  columns: ColumnJson[];
  conditionalFormats: ConditionalFormatJson[];
  settings: SettingJson[];
}

export interface SchemaJson {
  version: number;
  firstDataRow: number;
  sheets: SheetJson[];
}

function columnJson(sheet: SheetDef, column: ColumnDef, sheetSince: number): ColumnJson {
  return {
    key: column.key,
    header: column.header,
    labelEn: column.labelEn,
    type: column.type,
    resultType: column.resultType ?? null,
    required: column.required === true,
    help: column.help ?? null,
    options: column.options ? [...column.options] : null,
    ref: column.ref ? { sheet: column.ref.sheet, column: column.ref.column } : null,
    multiple: column.multiple === true,
    min: column.min ?? null,
    max: column.max ?? null,
    maxLength: column.maxLength ?? null,
    textRule: column.textRule ?? null,
    hidden: column.hidden === true,
    readOnly: column.readOnly === true,
    width: column.width ?? null,
    numberFormat: numberFormatFor(column),
    formula: column.formula ? renderColumnFormula(sheet, column, FIRST_DATA_ROW) : null,
    since: column.since ?? sheetSince,
  };
}

function conditionalFormatJson(sheet: SheetDef, format: ConditionalFormatDef): ConditionalFormatJson {
  return {
    key: format.key,
    description: format.description,
    columns: format.columns ? [...format.columns] : null,
    formula: renderConditionalFormula(sheet, format),
    background: format.background ?? null,
    fontColor: format.fontColor ?? null,
    bold: format.bold === true,
  };
}

function settingJson(sheet: SheetDef, setting: SettingDef): SettingJson {
  return {
    ...columnJson(sheet, setting, sheet.since),
    defaultValue: setting.defaultValue ?? null,
    rangeName: setting.key === 'today' ? TODAY_NAME : settingRangeName(setting.key),
  };
}

function sheetJson(sheet: SheetDef): SheetJson {
  return {
    key: sheet.key,
    name: sheet.name,
    nameEn: sheet.nameEn,
    description: sheet.description,
    kind: sheet.kind,
    since: sheet.since,
    frozenRows: sheet.frozenRows,
    tabColor: sheet.tabColor,
    idPrefix: sheet.idPrefix ?? null,
    labelColumn: sheet.labelColumn ?? null,
    tableRangeName: tableRangeName(sheet),
    columns: sheet.columns.map((c) => columnJson(sheet, c, sheet.since)),
    conditionalFormats: (sheet.conditionalFormats ?? []).map((f) => conditionalFormatJson(sheet, f)),
    settings: (sheet.settings ?? []).map((s) => settingJson(sheet, s)),
  };
}

/** The whole schema, JSON-serialisable: version and every sheet in tab order. */
export function schemaAsJson(): SchemaJson {
  return { version: SCHEMA_VERSION, firstDataRow: FIRST_DATA_ROW, sheets: SHEETS.map(sheetJson) };
}
