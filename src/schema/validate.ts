/** Consistency checks of the schema, run by the tests: keys, names, references, enums, formulas, typography. */

import { choiceKey } from '../domain/values';
import { formulaContext, formulaProblems, TODAY_NAME } from './formula';
import { HEADER_ROW } from './formats';
import type { ColumnDef, FormulaTemplate, SheetDef } from './types';

const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const HEX = /^#[0-9a-f]{6}$/i;
const RANGE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Every problem found in the sheets, as English sentences prefixed by `sheet.column`; empty when
 * the schema is sound. `version` is the current SCHEMA_VERSION (nothing may be newer).
 */
export function findSchemaProblems(sheets: readonly SheetDef[], version: number): string[] {
  const problems: string[] = [];
  const report = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  const sheetNames = sheets.map((s) => s.name);
  const allOptions = new Set<string>();
  for (const sheet of sheets) {
    for (const column of [...sheet.columns, ...(sheet.settings ?? [])]) {
      for (const option of column.options ?? []) allOptions.add(option);
    }
  }

  for (const k of duplicates(sheets.map((s) => s.key))) report(k, 'duplicate sheet key');
  for (const n of duplicates(sheetNames)) report(n, 'duplicate sheet name');
  for (const p of duplicates(sheets.filter((s) => s.idPrefix).map((s) => s.idPrefix as string)))
    report(p, 'duplicate id prefix');
  const settingsSheets = sheets.filter((s) => s.kind === 'settings');
  if (settingsSheets.length !== 1) report('schema', 'exactly one settings sheet expected');

  const checkFormula = (
    where: string,
    template: FormulaTemplate,
    sheet: SheetDef,
    allowToday: boolean,
    conditionalFormat = false,
  ): void => {
    let formula: string;
    try {
      formula = template(formulaContext(sheets, sheet, 2, undefined, { conditionalFormat }));
    } catch (error) {
      report(where, `formula throws: ${(error as Error).message}`);
      return;
    }
    for (const p of formulaProblems(formula, sheetNames, { allowToday, conditionalFormat })) report(where, p);
    for (const literal of formula.match(/"(?:[^"]|"")*"/g) ?? []) {
      const text = literal.slice(1, -1);
      // Besides enum options: comparison operators (`>=`, `>0`), account numbers and prefixes
      // (`864`, `864 `, `6*`, `*`).
      if (text !== '' && !/^([<>=]+\d*|\d+ ?|\d*\*)$/.test(text) && !allOptions.has(text) && text !== ' ') {
        report(where, `string ${literal} is not an enum option`);
      }
    }
  };

  const namedRanges: string[] = [];
  for (const sheet of sheets) {
    const at = sheet.key;
    if (!CAMEL.test(sheet.key)) report(at, 'sheet key is not camelCase');
    if (!sheet.name || sheet.name.length > 100 || /[[\]*?/\\:']/.test(sheet.name))
      report(at, 'bad sheet name');
    if (!sheet.nameEn) report(at, 'missing nameEn');
    if (!/^[A-ZÀ-Ý].*\.$/.test(sheet.description)) report(at, 'description must be one French sentence');
    if (!HEX.test(sheet.tabColor)) report(at, 'tabColor must be #rrggbb');
    if (sheet.since < 1 || sheet.since > version) report(at, 'since out of range');
    if (sheet.frozenRows < 0) report(at, 'negative frozenRows');
    for (const p of frenchTypography(sheet.name, sheet.description)) report(at, p);

    if (sheet.kind === 'table') checkTableShape(sheet, report);
    if (sheet.kind === 'settings' && !sheet.settings?.some((s) => s.key === 'today')) {
      report(at, 'settings must hold the today cell');
    }
    if (sheet.labelColumn !== undefined && !sheet.columns.some((c) => c.key === sheet.labelColumn)) {
      report(at, `labelColumn '${sheet.labelColumn}' does not exist`);
    }
    for (const k of duplicates(sheet.columns.map((c) => c.key))) report(`${at}.${k}`, 'duplicate column key');
    for (const h of duplicates(sheet.columns.map((c) => c.header)))
      report(`${at}`, `duplicate header '${h}'`);
    for (const column of sheet.columns) {
      checkColumn(`${at}.${column.key}`, column, sheet, sheets, version, report);
      if (column.formula) checkFormula(`${at}.${column.key}`, column.formula, sheet, false);
    }
    const settings = sheet.settings ?? [];
    for (const k of duplicates(settings.map((s) => s.key))) report(`${at}.${k}`, 'duplicate setting key');
    for (const h of duplicates(settings.map((s) => s.header))) report(at, `duplicate setting label '${h}'`);
    for (const setting of settings) {
      checkColumn(`${at}.${setting.key}`, setting, sheet, sheets, version, report);
      if (setting.formula)
        checkFormula(`${at}.${setting.key}`, setting.formula, sheet, setting.key === 'today');
    }
    const cfKeys = (sheet.conditionalFormats ?? []).map((f) => f.key);
    for (const k of duplicates(cfKeys)) report(`${at}.${k}`, 'duplicate conditional format key');
    for (const format of sheet.conditionalFormats ?? []) {
      const where = `${at}.${format.key}`;
      for (const key of format.columns ?? []) {
        if (!sheet.columns.some((c) => c.key === key)) report(where, `unknown column '${key}'`);
      }
      for (const colour of [format.background, format.fontColor]) {
        if (colour !== undefined && !HEX.test(colour)) report(where, 'colour must be #rrggbb');
      }
      if (!format.background && !format.fontColor && !format.bold) report(where, 'format changes nothing');
      for (const p of frenchTypography(format.description)) report(where, p);
      if (format.formulaSince !== undefined && (format.formulaSince < 2 || format.formulaSince > version))
        report(where, 'formulaSince out of range');
      checkFormula(where, format.formula, sheet, false, true);
    }
    for (const range of sheet.namedRanges ?? []) {
      namedRanges.push(range.name);
      if (!RANGE_NAME.test(range.name) || /^[A-Z]{1,3}[0-9]+$/.test(range.name)) {
        report(`${at}.${range.name}`, 'bad named range name');
      }
      if (!/^\$?[A-Z]{1,3}\$?[0-9]+(:\$?[A-Z]{1,3}\$?[0-9]+)?$/.test(range.a1)) {
        report(`${at}.${range.name}`, 'named range must be a bounded A1 range');
      }
    }
  }
  for (const n of duplicates(namedRanges)) report(n, 'duplicate named range');
  if (namedRanges.indexOf(TODAY_NAME) < 0) report('schema', `no ${TODAY_NAME} named range`);
  return problems;
}

function checkTableShape(sheet: SheetDef, report: (where: string, what: string) => void): void {
  const at = sheet.key;
  const cols = sheet.columns;
  if (!sheet.idPrefix || !/^[A-Z]{2,5}$/.test(sheet.idPrefix))
    report(at, 'table needs an idPrefix of 2-5 capitals');
  if (!sheet.labelColumn) report(at, 'table needs a labelColumn');
  if (cols[0]?.key !== 'id' || cols[0].type !== 'id' || !cols[0].hidden)
    report(at, 'first column must be the hidden id');
  const written = cols.filter((c) => c.type !== 'formula');
  const last = written.slice(-3).map((c) => `${c.key}:${c.hidden === true}`);
  if (last.join() !== 'createdAt:true,updatedAt:true,requestId:true')
    report(at, 'last written columns must be hidden createdAt, updatedAt, requestId');
  if (cols.slice(written.length).some((c) => c.type !== 'formula'))
    report(at, 'computed columns come after the stamps');
  if (sheet.frozenRows < HEADER_ROW) report(at, 'tables freeze their key and header rows');
}

function checkColumn(
  where: string,
  column: ColumnDef,
  sheet: SheetDef,
  sheets: readonly SheetDef[],
  version: number,
  report: (where: string, what: string) => void,
): void {
  if (!CAMEL.test(column.key)) report(where, 'column key is not camelCase');
  if (!column.header.trim()) report(where, 'empty header');
  if (!column.labelEn.trim()) report(where, 'empty labelEn');
  if (column.helpEn !== undefined && (!column.help || !column.helpEn.trim()))
    report(where, 'helpEn needs a French help');
  for (const p of frenchTypography(column.header, column.help ?? '', ...(column.options ?? [])))
    report(where, p);
  if (column.since !== undefined && (column.since < sheet.since || column.since > version)) {
    report(where, 'since out of range');
  }
  // A computed column giving one of fixed values (resultType 'enum') lists them as its options.
  const enumLike = column.type === 'enum' || (column.type === 'formula' && column.resultType === 'enum');
  if (enumLike !== (column.options !== undefined)) report(where, 'enum columns and only they have options');
  if (column.options !== undefined) {
    if (column.options.length === 0) report(where, 'enum without options');
    for (const o of duplicates(column.options.map(choiceKey))) report(where, `options clash: '${o}'`);
    if (column.multiple && column.options.some((o) => /[,;]/.test(o)))
      report(where, 'multiple options contain , or ;');
  }
  if ((column.type === 'ref') !== (column.ref !== undefined))
    report(where, 'ref columns and only they have ref');
  if (column.ref) {
    const target = sheets.find((s) => s.key === column.ref?.sheet);
    const targetColumn = target?.columns.find((c) => c.key === column.ref?.column);
    if (!target || !targetColumn) report(where, `ref to unknown ${column.ref.sheet}.${column.ref.column}`);
    else if (target.kind !== 'table') report(where, 'ref target must be a table');
  }
  if ((column.type === 'formula') !== (column.formula !== undefined)) {
    report(where, 'formula columns and only they have a formula');
  }
  if (column.type === 'formula' && !column.readOnly) report(where, 'formula columns are readOnly');
  if (column.resultType === 'formula') report(where, 'resultType cannot be formula');
  if (column.multiple && ['enum', 'ref', 'email'].indexOf(column.type) < 0)
    report(where, 'only enum, ref, email are multiple');
  if (column.textRule && column.type !== 'text') report(where, 'textRule needs a text column');
  if (column.min !== undefined && column.max !== undefined && column.min > column.max)
    report(where, 'min > max');
  if (column.maxLength !== undefined && (column.maxLength < 1 || column.maxLength > 49_999))
    report(where, 'bad maxLength');
  if (column.width !== undefined && (column.width < 20 || column.width > 1000)) report(where, 'bad width');
}

/**
 * French typography of user-visible text: a no-break space (U+00A0 or U+202F) before : ; ? ! and
 * inside « », a typographic apostrophe, no double spaces.
 */
export function frenchTypography(...texts: string[]): string[] {
  const problems: string[] = [];
  for (const text of texts) {
    if (/(^|[^\u00a0\u202f])[;:?!](\s|$)/.test(text.replace(/https?:\/\/\S+/g, ''))) {
      problems.push(`missing no-break space before punctuation in '${text}'`);
    }
    if (/«(?!\u00a0)|(?<!\u00a0)»/.test(text))
      problems.push(`missing no-break space inside « » in '${text}'`);
    if (/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/.test(text)) problems.push(`straight apostrophe in '${text}'`);
    if (/ {2}/.test(text)) problems.push(`double space in '${text}'`);
  }
  return problems;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return Array.from(twice);
}
