/** Types of the declarative workbook schema: sheets, columns, settings, formulas, conditional formats. */

import type { CellValue, RefTarget, TextRule, ValueType } from '../domain/value-types';

export type { CellValue, RefTarget, TextRule } from '../domain/value-types';

/** What a column holds (see `NUMBER_FORMATS` in formats.ts for the display of each type). */
export type ColumnType = ValueType;

/** How a sheet is used: records with ids, key/value settings, a computed dashboard, an append-only log. */
export type SheetKind = 'table' | 'settings' | 'dashboard' | 'log';

/**
 * What a formula template may use. Every reference it returns is bounded and absolute on the
 * column (`$F12`, `'Opérations'!$F$2:$F$5000`); English syntax, comma separators.
 */
export interface FormulaContext {
  /** Reference to a column's cell in the current row, e.g. `$F12` (`$F3` in a conditional format). */
  cell(columnKey: string): string;
  /**
   * Bounded range of the data rows of a column of any sheet, e.g. `'Opérations'!$F$2:$F$5000`.
   * Throws in a conditional format: a rule may only reference its own sheet.
   */
  range(sheetKey: string, columnKey: string): string;
  /**
   * Named range of a value of « Paramètres du lieu », e.g. `PILOTE_VOLUNTEER_HOURLY_VALUE`.
   * Throws in a conditional format: Sheets drops rules that use named ranges.
   */
  setting(settingKey: string): string;
  /**
   * Name of the single cell holding TODAY(), `PILOTE_TODAY`, for sheet formulas. Throws in a
   * conditional format, which calls `TODAY()` itself (Sheets recalculates it there).
   */
  readonly today: string;
}

/** Returns an English-syntax formula, starting with `=`, for one row. */
export type FormulaTemplate = (ctx: FormulaContext) => string;

/** A column of a sheet. */
export interface ColumnDef {
  /** Stable English camelCase key; never changes once shipped. */
  key: string;
  /** French header, as shown in row 1. */
  header: string;
  labelEn: string;
  type: ColumnType;
  required?: boolean;
  /** French help shown in forms and as the header's note. */
  help?: string;
  /** English help shown in forms to English users (the French one when absent). */
  helpEn?: string;
  /** Enum values, French, exactly as stored. */
  options?: readonly string[];
  /** Reference: stores the target's label (e.g. the space's name); dropdown from that column. */
  ref?: RefTarget;
  /** Several values separated by `, ` (enum, ref, email); the dropdown then only suggests. */
  multiple?: boolean;
  /** Bounds: number/money/integer the value; percent the fraction (1 = 100 %); duration hours. */
  min?: number;
  max?: number;
  maxLength?: number;
  /** Extra check of a French identifier kept as text. */
  textRule?: TextRule;
  /** Width in pixels. */
  width?: number;
  /** Technical column: id, sync state, external ids, document links, created/updated stamps. */
  hidden?: boolean;
  /** Written by Pilote, not by people (forms show it, do not edit it; the sheet protects it). */
  readOnly?: boolean;
  /** For `formula` columns: the per-row formula. */
  formula?: FormulaTemplate;
  /**
   * For `formula` columns: the schema version that last changed the formula. Setup rewrites the
   * column's formulas on a workbook of an older version (computed cells hold nothing typed).
   */
  formulaSince?: number;
  /**
   * For `enum` columns: the schema version that last changed `options`. Setup sets the
   * column's dropdown again on a workbook of an older version (typed values stay).
   */
  optionsSince?: number;
  /** For `formula` columns: the type of the result, which decides its number format. */
  resultType?: ColumnType;
  /** Number format overriding the type's. */
  format?: string;
  /** Schema version that introduced the column (defaults to the sheet's). */
  since?: number;
}

/** A row of « Paramètres du lieu »: a column definition laid out as a row, plus its default. */
export interface SettingDef extends ColumnDef {
  defaultValue?: CellValue;
}

/**
 * A conditional format: a formula over the row (relative to the first data row) and colours.
 * The formula may reference cells of its own sheet only, no named range, and calls `TODAY()`
 * itself (support.google.com/docs/answer/78413).
 */
export interface ConditionalFormatDef {
  key: string;
  /** French, one sentence: when the rule applies. */
  description: string;
  /** Columns painted; the whole row when omitted. */
  columns?: readonly string[];
  /** Custom formula, e.g. `=AND($F3<>"", $F3<TODAY())`. */
  formula: FormulaTemplate;
  /**
   * Schema version that last changed the formula: on a workbook of an older version, setup
   * replaces Pilote's previous rule (found by its formula) in place, keeping users' rules.
   */
  formulaSince?: number;
  background?: string;
  fontColor?: string;
  bold?: boolean;
  /** Schema version that introduced the rule: setup adds it to sheets made by an older version. */
  since?: number;
}

/** A named range declared by a sheet, in A1 notation relative to that sheet (`C2`, `B2:B5000`). */
export interface NamedRangeDef {
  name: string;
  a1: string;
  description: string;
}

/** A sheet of the workbook. */
export interface SheetDef {
  /** Stable English camelCase key, e.g. 'bookings'. */
  key: string;
  /** French sheet name, e.g. 'Réservations'. */
  name: string;
  nameEn: string;
  /** French, one sentence, for the documentation. */
  description: string;
  kind: SheetKind;
  /** Schema version that introduced the sheet. */
  since: number;
  columns: readonly ColumnDef[];
  frozenRows: number;
  /** Tab colour, `#rrggbb`. */
  tabColor: string;
  /** Prefix of record ids in tables, e.g. 'RES' → `RES-0001`. */
  idPrefix?: string;
  /** Key of the column whose value names a record, used by references. */
  labelColumn?: string;
  conditionalFormats?: readonly ConditionalFormatDef[];
  namedRanges?: readonly NamedRangeDef[];
  /** Settings sheet only: one row per setting, in this order, from row 2. */
  settings?: readonly SettingDef[];
}
