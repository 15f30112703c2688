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
  // Schema 4 (« Échéancier de sécurité »): Sheets, Excel 2019+, LibreOffice 5.2+, HyperFormula.
  'EDATE',
  'MAXIFS',
  // Schema 5 (« Dates exclues » of « Réservations »): Sheets, Excel, LibreOffice, HyperFormula.
  'MID',
];

/**
 * Name of the single cell that holds `=TODAY()`: the only place a sheet formula may call TODAY.
 * Conditional formats call `TODAY()` themselves (they cannot read a named range).
 */
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

/**
 * Where a table really ends in the workbook (its last row, kept empty), once it has grown past
 * the schema's LAST_DATA_ROW; undefined for the schema's bound. A formula written on a row added
 * after a table grew must read the whole table, as the formulas written before do (inserting
 * rows inside a range widened theirs).
 */
export type TableEnd = (sheet: SheetDef) => number | undefined;

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
  options: { conditionalFormat?: boolean; lastRow?: TableEnd } = {},
): FormulaContext {
  const lastRowOf = (target: SheetDef) => Math.max(LAST_DATA_ROW, options.lastRow?.(target) ?? LAST_DATA_ROW);
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
  if (options.conditionalFormat) {
    // support.google.com/docs/answer/78413: a rule's formula references its own sheet only.
    const refuse = (what: string): never => {
      throw new Error(
        `a conditional format cannot use ${what} (own sheet only, no named range; call TODAY())`,
      );
    };
    return {
      cell: (columnKey) => `$${letterOf(sheet, columnKey)}${row}`,
      range: (sheetKey) => refuse(`a range of '${sheetKey}'`),
      setting: (settingKey) => refuse(`the setting '${settingKey}'`),
      get today(): string {
        return refuse(TODAY_NAME);
      },
    };
  }
  return {
    cell: (columnKey) => `$${letterOf(sheet, columnKey)}${row}`,
    range: (sheetKey, columnKey) => {
      const target = findSheet(sheetKey);
      const letter = letterOf(target, columnKey);
      return `${quoteSheetName(target.name)}!$${letter}$${FIRST_DATA_ROW}:$${letter}$${lastRowOf(target)}`;
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
 * A conditional format (`conditionalFormat`) may call TODAY() but may reference no other sheet
 * (quoted or not) and no named range (support.google.com/docs/answer/78413).
 */
export function formulaProblems(
  formula: string,
  sheetNames: readonly string[],
  options: { allowToday?: boolean; conditionalFormat?: boolean } = {},
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
    if (name === 'TODAY' && (options.allowToday || options.conditionalFormat)) continue;
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
    if (options.conditionalFormat) problems.push(`conditional format references the sheet '${name}'`);
  }
  if (options.conditionalFormat) {
    for (const name of unquotedSheetPrefixes(unquoted))
      problems.push(`conditional format references the sheet '${name}'`);
    for (const name of namesIn(formula)) problems.push(`conditional format uses the named range ${name}`);
  }
  return problems;
}

/** Sheet prefixes written without quotes (`Feuille!A1`), outside strings and quoted names. */
function unquotedSheetPrefixes(unquoted: string): string[] {
  return (unquoted.match(/[A-Za-z_][A-Za-z0-9_.]*(?=!)/g) ?? []).slice();
}

/**
 * Identifiers of a formula that are neither functions, cell or column references, TRUE/FALSE,
 * nor sheet prefixes: named ranges (or unknown names, which Sheets shows as #NAME?).
 */
export function namesIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, '');
  const names: string[] = [];
  const pattern = /(^|[^A-Za-z0-9_.$])(\$?[A-Za-z_][A-Za-z0-9_.]*\$?[0-9]*)/g;
  for (let m = pattern.exec(code); m !== null; m = pattern.exec(code)) {
    const word = m[2];
    const next = code.slice(m.index + m[0].length).trimStart()[0] ?? '';
    const prev = code
      .slice(0, m.index + m[1].length)
      .trimEnd()
      .slice(-1);
    if (next === '(' || next === '!') continue;
    if (/^\$?[A-Za-z]{1,3}\$?[0-9]+$/.test(word)) continue;
    if (/^\$?[A-Za-z]{1,3}$/.test(word) && (next === ':' || prev === ':')) continue;
    if (/^(TRUE|FALSE)$/i.test(word)) continue;
    names.push(word);
  }
  return names;
}
