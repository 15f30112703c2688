/**
 * Conditional format rules: the builder, the rule and its boolean condition, stored per sheet
 * as plain data (condition type + values, format, ranges); what Sheets refuses in a custom
 * formula; and which rule a cell shows (`formatAt`), for tests and the playground.
 */
import { columnLetters, columnNumber } from './a1';
import type { Ctx } from './context';
import { BooleanCriteria, type EmuEnumValue, enumValue } from './enums';
import { describeType, fail, MSG } from './errors';
import { instantToSerial } from './locale';
import type { ConditionalRuleState, Literal } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';
import type { Workbook } from './workbook';

/** BooleanCondition of a rule. */
export class EmuBooleanCondition {
  constructor(private readonly rule: ConditionalRuleState) {}
  getCriteriaType(): EmuEnumValue {
    return enumValue(BooleanCriteria, this.rule.condition.type);
  }
  getCriteriaValues(): unknown[] {
    const { type, values } = this.rule.condition;
    if (type.startsWith('DATE_')) return values.map((v) => new Date(Number(v)));
    if (type.startsWith('NUMBER_')) return values.map(Number);
    return [...values];
  }
  getBackground(): string | null {
    return this.rule.format.background ?? null;
  }
  getFontColor(): string | null {
    return this.rule.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.rule.format.bold ?? null;
  }
}

/** SpreadsheetApp.newConditionalFormatRule(). */
export class EmuConditionalFormatRuleBuilder {
  private rule: ConditionalRuleState = { condition: { type: '', values: [] }, format: {}, ranges: [] };
  private sheetId: number | null = null;

  constructor(private readonly ctx: Ctx) {}

  /** Loads an existing rule (copy()). */
  _load(rule: ConditionalRuleState, sheetId: number | null): EmuConditionalFormatRuleBuilder {
    this.rule = structuredClone(rule);
    this.sheetId = sheetId;
    return this;
  }
  private when(type: string, values: string[]): EmuConditionalFormatRuleBuilder {
    this.rule.condition = { type, values };
    return this;
  }
  whenFormulaSatisfied(formula: string): EmuConditionalFormatRuleBuilder {
    if (typeof formula !== 'string')
      fail(MSG.badSignature(describeType(formula), 'ConditionalFormatRuleBuilder.whenFormulaSatisfied'));
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenCellEmpty(): EmuConditionalFormatRuleBuilder {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): EmuConditionalFormatRuleBuilder {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenTextEqualTo(text: string): EmuConditionalFormatRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenNumberLessThan(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [String(number)]);
  }
  whenNumberGreaterThan(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN', [String(number)]);
  }
  whenNumberEqualTo(number: number): EmuConditionalFormatRuleBuilder {
    return this.when('NUMBER_EQUAL_TO', [String(this.number(number, 'whenNumberEqualTo'))]);
  }
  whenNumberBetween(start: number, end: number): EmuConditionalFormatRuleBuilder {
    const a = this.number(start, 'whenNumberBetween');
    const b = this.number(end, 'whenNumberBetween');
    return this.when('NUMBER_BETWEEN', [String(a), String(b)]);
  }
  whenTextContains(text: string): EmuConditionalFormatRuleBuilder {
    if (typeof text !== 'string')
      fail(MSG.badSignature(describeType(text), 'ConditionalFormatRuleBuilder.whenTextContains'));
    return this.when('TEXT_CONTAINS', [text]);
  }
  /** Date criteria take a Date here (RelativeDate is not emulated); stored as epoch ms. */
  whenDateBefore(date: Date): EmuConditionalFormatRuleBuilder {
    return this.when('DATE_BEFORE', [String(this.date(date, 'whenDateBefore'))]);
  }
  whenDateAfter(date: Date): EmuConditionalFormatRuleBuilder {
    return this.when('DATE_AFTER', [String(this.date(date, 'whenDateAfter'))]);
  }
  whenDateEqualTo(date: Date): EmuConditionalFormatRuleBuilder {
    return this.when('DATE_EQUAL_TO', [String(this.date(date, 'whenDateEqualTo'))]);
  }
  private number(value: unknown, method: string): number {
    if (typeof value !== 'number' || Number.isNaN(value))
      fail(MSG.badSignature(describeType(value), `ConditionalFormatRuleBuilder.${method}`));
    return value;
  }
  private date(value: unknown, method: string): number {
    if (!(value instanceof Date) || Number.isNaN(value.getTime()))
      fail(MSG.badSignature(describeType(value), `ConditionalFormatRuleBuilder.${method}`));
    return value.getTime();
  }
  setBackground(color: string | null): EmuConditionalFormatRuleBuilder {
    if (color === null) delete this.rule.format.background;
    else this.rule.format.background = color;
    return this;
  }
  setFontColor(color: string | null): EmuConditionalFormatRuleBuilder {
    if (color === null) delete this.rule.format.fontColor;
    else this.rule.format.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): EmuConditionalFormatRuleBuilder {
    if (bold === null) delete this.rule.format.bold;
    else this.rule.format.bold = !!bold;
    return this;
  }
  /** All ranges must be on one sheet. */
  setRanges(ranges: EmuRange[]): EmuConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges))
      fail(MSG.badSignature(describeType(ranges), 'ConditionalFormatRuleBuilder.setRanges'));
    this.rule.ranges = ranges.map((r) => ({ ...r.rect }));
    this.sheetId = ranges[0]?.sheetId ?? null;
    return this;
  }
  build(): EmuConditionalFormatRule {
    // Unverified wording for both refusals.
    if (!this.rule.condition.type) fail('Conditional format rule must have a condition.');
    return new EmuConditionalFormatRule(this.ctx, structuredClone(this.rule), this.sheetId);
  }
}

/** ConditionalFormatRule. */
export class EmuConditionalFormatRule {
  constructor(
    private readonly ctx: Ctx,
    private readonly rule: ConditionalRuleState,
    private readonly sheetId: number | null,
  ) {}
  /** The stored form. */
  _state(): ConditionalRuleState {
    return structuredClone(this.rule);
  }
  copy(): EmuConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder(this.ctx)._load(this.rule, this.sheetId);
  }
  getBooleanCondition(): EmuBooleanCondition | null {
    return new EmuBooleanCondition(this.rule);
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): EmuRange[] {
    if (this.sheetId === null) return [];
    const sheet = new EmuSheet(this.ctx, this.sheetId);
    return this.rule.ranges.map((r) => sheet._rangeUncharged(r.row, r.col, r.numRows, r.numCols));
  }
}

// ---------- what a custom formula may reference ----------

/**
 * Why Sheets would refuse this custom formula on a rule, or null when it may be stored.
 *
 * Google Docs Editors Help, "Use conditional formatting rules in Google Sheets"
 * (support.google.com/docs/answer/78413): a custom formula can only reference its own sheet;
 * another sheet only through INDIRECT. Public reports say rules using named ranges are dropped
 * (not found in our reference corpus: unverified), so the emulator refuses every name (an
 * identifier that is not a function, a cell or column reference, TRUE or FALSE). A reference
 * qualified by the rule's own sheet name is refused too (stricter than needed; unverified).
 * The wording is the emulator's own: Google's text for this refusal is unverified.
 */
export function ruleFormulaProblem(formula: string): string | null {
  for (const token of tokens(formula)) {
    if (token.kind === 'sheet')
      return `Conditional format rule formula cannot reference another sheet (${token.text}): ${formula}`;
    if (token.kind === 'name')
      return `Conditional format rule formula cannot reference a named range (${token.text}): ${formula}`;
  }
  return null;
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'cell'; text: string; colAbs: boolean; col: number; rowAbs: boolean; row: number }
  | { kind: 'column'; text: string; abs: boolean; col: number }
  | { kind: 'sheet'; text: string }
  | { kind: 'name'; text: string };

/** Splits a formula into references, names, sheet prefixes and everything else (kept verbatim). */
function tokens(formula: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const text = (t: string): void => {
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  while (i < formula.length) {
    const rest = formula.slice(i);
    const str = /^"(?:[^"]|"")*"?/.exec(rest);
    if (rest[0] === '"' && str) {
      text(str[0]);
      i += str[0].length;
      continue;
    }
    const quoted = /^'(?:[^']|'')*'!/.exec(rest);
    if (quoted) {
      out.push({ kind: 'sheet', text: quoted[0] });
      i += quoted[0].length;
      continue;
    }
    const num = /^[0-9]+(\.[0-9]*)?([eE][+-]?[0-9]+)?/.exec(rest);
    if (num) {
      text(num[0]);
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(rest);
    if (word) {
      const w = word[0];
      const after = formula.slice(i + w.length);
      const before = formula.slice(0, i).trimEnd();
      const cell = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/.exec(w);
      const column = /^(\$?)([A-Za-z]{1,3})$/.exec(w);
      if (after.startsWith('!')) out.push({ kind: 'sheet', text: `${w}!` });
      else if (/^\s*\(/.test(after)) text(w);
      else if (cell)
        out.push({
          kind: 'cell',
          text: w,
          colAbs: cell[1] === '$',
          col: columnNumber(cell[2].toUpperCase()),
          rowAbs: cell[3] === '$',
          row: Number(cell[4]),
        });
      else if (column && (/^\s*:/.test(after) || before.endsWith(':')))
        out.push({
          kind: 'column',
          text: w,
          abs: column[1] === '$',
          col: columnNumber(column[2].toUpperCase()),
        });
      else if (/^(TRUE|FALSE)$/i.test(w)) text(w);
      else out.push({ kind: 'name', text: w });
      i += w.length;
      if (after.startsWith('!')) i += 1;
      continue;
    }
    text(formula[i]);
    i += 1;
  }
  return out;
}

/**
 * The formula as written for the cell `dRows`/`dCols` away from the rule's anchor: relative
 * parts shifted, `$` parts fixed, every reference made absolute. Null when a reference would
 * leave the sheet (#REF! on Sheets: the rule does not apply there).
 */
function shiftFormula(formula: string, dRows: number, dCols: number): string | null {
  let out = '';
  for (const t of tokens(formula)) {
    if (t.kind === 'cell') {
      const col = t.colAbs ? t.col : t.col + dCols;
      const row = t.rowAbs ? t.row : t.row + dRows;
      if (col < 1 || row < 1) return null;
      out += `$${columnLetters(col)}$${row}`;
    } else if (t.kind === 'column') {
      const col = t.abs ? t.col : t.col + dCols;
      if (col < 1) return null;
      out += `$${columnLetters(col)}`;
    } else out += t.text;
  }
  return out;
}

// ---------- which rule a cell shows ----------

/** The format a cell shows through its sheet's conditional formats, and the rule that gave it. */
export interface ConditionalFormatAt {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  /** Index of the rule in `Sheet.getConditionalFormatRules()` order. */
  ruleIndex: number;
}

/**
 * The first rule, in the sheet's rule order, that covers the cell and whose condition holds
 * (Sheets applies the rules in priority order, the first true one wins: support.google.com/docs/answer/78413).
 * A custom formula is written relative to the top-left cell of the rule's first range and
 * shifted to the cell, as Sheets does when it applies it over a range
 * (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenformulasatisfiedformula;
 * anchoring on the FIRST range when there are several is unverified). It is evaluated with the
 * workbook's engine on the current values, TODAY() on the virtual clock.
 * `memo` (the playground's view of a whole sheet) remembers each rule's shifted formula's
 * result for one read, so `=$L3="Annulée"` over 30 columns is evaluated once per row; it
 * changes no result.
 */
export function formatAt(
  wb: Workbook,
  sheetId: number,
  row: number,
  col: number,
  memo?: Map<string, boolean>,
): ConditionalFormatAt | null {
  const rules = wb.sheet(sheetId).conditionalRules;
  for (let index = 0; index < rules.length; index += 1) {
    const rule = rules[index];
    const covers = rule.ranges.some(
      (r) => row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols,
    );
    if (!covers || !conditionHolds(wb, sheetId, rule, row, col, index, memo)) continue;
    return {
      background: rule.format.background ?? null,
      fontColor: rule.format.fontColor ?? null,
      bold: rule.format.bold ?? null,
      ruleIndex: index,
    };
  }
  return null;
}

function conditionHolds(
  wb: Workbook,
  sheetId: number,
  rule: ConditionalRuleState,
  row: number,
  col: number,
  index = 0,
  memo?: Map<string, boolean>,
): boolean {
  const { type, values } = rule.condition;
  if (type === 'CUSTOM_FORMULA') {
    const anchor = rule.ranges[0];
    if (!anchor) return false;
    const shifted = shiftFormula(values[0] ?? '', row - anchor.row, col - anchor.col);
    if (shifted === null || ruleFormulaProblem(values[0] ?? '') !== null) return false;
    const key = `${index}|${shifted}`;
    const known = memo?.get(key);
    if (known !== undefined) return known;
    const result = wb.engine.calculate(sheetId, shifted);
    // TRUE, or a non-zero number, applies the format; text and errors do not (unverified for text).
    const holds =
      !result.error && (result.value === true || (typeof result.value === 'number' && result.value !== 0));
    memo?.set(key, holds);
    return holds;
  }
  const cell = wb.view(sheetId, row, col);
  const value: Literal | null = cell.error ? null : cell.value;
  const empty = value === null || value === '';
  // Boolean conditions never match an empty cell but CELL_EMPTY (unverified for the number ones).
  switch (type) {
    case 'CELL_EMPTY':
      return empty;
    case 'CELL_NOT_EMPTY':
      return !empty;
    case 'TEXT_EQUAL_TO':
      // Case-insensitive, as Sheets' "Text is exactly" compares (unverified).
      return !empty && String(value).toLowerCase() === values[0].toLowerCase();
    case 'TEXT_CONTAINS':
      return !empty && String(value).toLowerCase().includes(values[0].toLowerCase());
    case 'NUMBER_LESS_THAN':
      return typeof value === 'number' && value < Number(values[0]);
    case 'NUMBER_GREATER_THAN':
      return typeof value === 'number' && value > Number(values[0]);
    case 'NUMBER_EQUAL_TO':
      return typeof value === 'number' && value === Number(values[0]);
    case 'NUMBER_BETWEEN': {
      const [a, b] = values.map(Number);
      return typeof value === 'number' && value >= Math.min(a, b) && value <= Math.max(a, b);
    }
    case 'DATE_BEFORE':
    case 'DATE_AFTER':
    case 'DATE_EQUAL_TO': {
      if (typeof value !== 'number' || !wb.isDateCell(sheetId, row, col)) return false;
      // Days compared in the spreadsheet's time zone.
      const day = Math.floor(instantToSerial(Number(values[0]), wb.state.timeZone));
      const cellDay = Math.floor(value);
      if (type === 'DATE_BEFORE') return cellDay < day;
      if (type === 'DATE_AFTER') return cellDay > day;
      return cellDay === day;
    }
    default:
      return false;
  }
}
