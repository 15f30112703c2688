/** Rendering formula templates for a row, and checking that a formula stays portable and bounded. */

import { FIRST_DATA_ROW, LAST_DATA_ROW } from './formats';
import type { FormulaContext, SheetDef } from './types';

/** Functions a formula may call: they work alike in Sheets, Excel, LibreOffice and HyperFormula. */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  'SUMIFS',
  'COUNTIFS',
  'SUMPRODUCT',
  'IF',
  'IFERROR',
  'INDEX',
  'MATCH',
  'DATE',
  'EOMONTH',
  'YEAR',
  'MONTH',
  'ROUND',
  'MIN',
  'MAX',
  'AND',
  'OR',
  // Also common to the four engines (Sheets, Excel, LibreOffice Calc, HyperFormula):
  'DAY',
  'INT',
  'LEFT',
  'LEN',
];

/** Name of the single cell that holds `=TODAY()`; the only place TODAY may be called. */
export const TODAY_NAME = 'PILOTE_TODAY';

/** Named range of a setting value: `volunteerHourlyValue` → `PILOTE_VOLUNTEER_HOURLY_VALUE`. */
export function settingRangeName(settingKey: string): string {
  return `PILOTE_${settingKey.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name as a formula reference: always quoted, apostrophes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Where a column really is in the workbook: its 0-based index, found by its key. Users may move
 * columns, so formulas are rendered against the workbook's layout, not the schema's order.
 */
export type ColumnLocator = (sheet: SheetDef, columnKey: string) => number;

/** The schema's own order: the layout of a workbook nobody has rearranged. */
export const schemaOrder: ColumnLocator = (sheet, columnKey) =>
  sheet.columns.findIndex((c) => c.key === columnKey);

/**
 * The context a template sees for `row` of `sheet`. Unknown keys throw, so that a wrong key fails
 * `validateSchema()` instead of writing a broken formula.
 */
export function formulaContext(
  sheets: readonly SheetDef[],
  sheet: SheetDef,
  row: number,
  locate: ColumnLocator = schemaOrder,
): FormulaContext {
  const findSheet = (key: string): SheetDef => {
    const found = sheets.find((s) => s.key === key);
    if (!found) throw new Error(`unknown sheet '${key}'`);
    return found;
  };
  const letterOf = (target: SheetDef, columnKey: string): string => {
    if (!target.columns.some((c) => c.key === columnKey))
      throw new Error(`unknown column '${target.key}.${columnKey}'`);
    const index = locate(target, columnKey);
    if (index < 0) throw new Error(`column '${target.key}.${columnKey}' is not in the workbook`);
    return columnLetter(index);
  };
  const settingsSheet = sheets.find((s) => s.kind === 'settings');
  return {
    cell: (columnKey) => `$${letterOf(sheet, columnKey)}${row}`,
    range: (sheetKey, columnKey) => {
      const target = findSheet(sheetKey);
      const letter = letterOf(target, columnKey);
      return `${quoteSheetName(target.name)}!$${letter}$${FIRST_DATA_ROW}:$${letter}$${LAST_DATA_ROW}`;
    },
    setting: (settingKey) => {
      if (!settingsSheet?.settings?.some((s) => s.key === settingKey)) {
        throw new Error(`unknown setting '${settingKey}'`);
      }
      return settingRangeName(settingKey);
    },
    today: TODAY_NAME,
  };
}

/** Function names called in a formula (identifiers followed by an opening parenthesis, outside strings). */
export function calledFunctions(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const names: string[] = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;
  for (let m = pattern.exec(code); m !== null; m = pattern.exec(code)) names.push(m[1].toUpperCase());
  return names;
}

/**
 * What is wrong with a formula, as short English sentences (empty when fine): a missing `=`,
 * a function outside `ALLOWED_FUNCTIONS`, TODAY() outside its cell, an unbounded range (`A:A`,
 * `2:2`), a sheet name that is not in the workbook, unbalanced parentheses or quotes.
 */
export function formulaProblems(
  formula: string,
  sheetNames: readonly string[],
  options: { allowToday?: boolean } = {},
): string[] {
  const problems: string[] = [];
  if (!formula.startsWith('=')) problems.push('does not start with =');
  if ((formula.match(/"/g) ?? []).length % 2 !== 0) problems.push('unbalanced quotes');
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  let depth = 0;
  for (const ch of code) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push('unbalanced parentheses');
  for (const name of calledFunctions(formula)) {
    if (name === 'TODAY' && options.allowToday) continue;
    if (ALLOWED_FUNCTIONS.indexOf(name) < 0) problems.push(`function ${name} is not allowed`);
  }
  const unquoted = code.replace(/'(?:[^']|'')*'/g, "''");
  if (/(^|[^A-Za-z0-9_$])\$?[A-Z]{1,3}\s*:\s*\$?[A-Z]{1,3}(?![A-Za-z0-9_(])/.test(unquoted)) {
    problems.push('unbounded column range');
  }
  if (/(^|[^A-Za-z0-9_$.])\$?[0-9]+\s*:\s*\$?[0-9]+(?![0-9.])/.test(unquoted))
    problems.push('unbounded row range');
  const sheetRef = /'((?:[^']|'')*)'!/g;
  for (let m = sheetRef.exec(code); m !== null; m = sheetRef.exec(code)) {
    const name = m[1].replace(/''/g, "'");
    if (sheetNames.indexOf(name) < 0) problems.push(`unknown sheet '${name}'`);
  }
  return problems;
}
