/**
 * Google Sheets' semantics for the functions Pilote's formulas may call, where HyperFormula 3.5
 * differs. Google's help pages define what a Sheets function returns, not HyperFormula: each
 * function of `ALLOWED_FUNCTIONS` (src/schema/formula.ts, the single list) is reviewed in
 * `FUNCTION_REVIEW` below — either overridden here, or found to behave as Sheets documents.
 *
 * HyperFormula's function registry is global: `registerSheetsFunctions()` replaces the built-ins
 * once per process, before any engine is built (every `HyperFormula.buildEmpty`, including the
 * one rebuilding a workbook from a snapshot, then uses the overrides).
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  HyperFormula,
} from 'hyperformula';
import { ALLOWED_FUNCTIONS } from '../../../src/schema/formula';

/** How an allowed function was checked against Sheets. */
export interface FunctionReview {
  /** The Google Docs Editors Help page the behaviour follows. */
  page: string;
  /** 'override': replaced here; 'same': HyperFormula matches the page on what our formulas use. */
  status: 'override' | 'same';
  /** What differs (override) or what was checked (same). */
  note: string;
}

/**
 * One row per function of `ALLOWED_FUNCTIONS` (a test checks both ways). TODAY is reviewed too:
 * formulas may call it in the one TODAY cell and in conditional-format rules.
 */
export const FUNCTION_REVIEW: Readonly<Record<string, FunctionReview>> = {
  SUMIFS: {
    page: 'https://support.google.com/docs/answer/3238496',
    status: 'override',
    note: 'criteria as COUNTIF/SUMIF help (3093480, 3093583) and COUNTBLANK (3093403) say; see sheetsCriterion',
  },
  COUNTIFS: {
    page: 'https://support.google.com/docs/answer/3256550',
    status: 'override',
    note: 'same criteria as SUMIFS',
  },
  SUMPRODUCT: {
    page: 'https://support.google.com/docs/answer/3094294',
    status: 'override',
    note: 'arguments evaluated as arrays, so (A1:A9=2026)*B1:B9 multiplies entry by entry (HyperFormula: 0 or #VALUE!)',
  },
  IF: {
    page: 'https://support.google.com/docs/answer/3093364',
    status: 'same',
    note: 'a missing false branch gives FALSE; a blank condition is FALSE',
  },
  IFERROR: {
    page: 'https://support.google.com/docs/answer/3093304',
    status: 'same',
    note: 'the value if no error; our formulas always give the second argument',
  },
  INDEX: {
    page: 'https://support.google.com/docs/answer/3098242',
    status: 'same',
    note: 'a row past the range is an error; used with MATCH(…, 0) only',
  },
  MATCH: {
    page: 'https://support.google.com/docs/answer/3093378',
    status: 'override',
    note: 'type 0 on text keeps accents (HyperFormula folds them always); search_type defaults to 1 and a number does not match the text "2026" in both',
  },
  DATE: {
    page: 'https://support.google.com/docs/answer/3092969',
    status: 'override',
    note: 'a string argument is #VALUE! (HyperFormula parses it); a year below 0 is #NUM! (HyperFormula adds 1900)',
  },
  EOMONTH: {
    page: 'https://support.google.com/docs/answer/3093044',
    status: 'override',
    note: 'a fractional month count is truncated (HyperFormula: #NUM!)',
  },
  EDATE: {
    page: 'https://support.google.com/docs/answer/3092974',
    status: 'override',
    note: 'a fractional month count is truncated ("EDATE(A2,2.6) is equivalent to EDATE(A2,2)"; HyperFormula shifts by a fraction of a month); the day is clamped to the target month (31 Jan + 1 = 28/29 Feb: Excel\'s documented behaviour, the Sheets page does not say it: unverified)',
  },
  MAXIFS: {
    page: 'https://support.google.com/docs/answer/7013817',
    status: 'override',
    note: 'criteria as SUMIFS (sheetsCriterion); "MAXIFS will return 0 if none of the criteria are met" (HyperFormula: same); ranges of different sizes are #VALUE! in both',
  },
  YEAR: {
    page: 'https://support.google.com/docs/answer/3093061',
    status: 'same',
    note: 'of a serial number; a blank cell is day 0 (1899)',
  },
  MONTH: {
    page: 'https://support.google.com/docs/answer/3093052',
    status: 'same',
    note: 'of a serial number',
  },
  DAY: {
    page: 'https://support.google.com/docs/answer/3093040',
    status: 'same',
    note: 'of a serial number',
  },
  ROUND: {
    page: 'https://support.google.com/docs/answer/3093440',
    status: 'override',
    note: 'half away from zero on the decimal digits: ROUND(1.005, 2) = 1.01, ROUND(0.285, 2) = 0.29 (HyperFormula: 1, 0.28)',
  },
  MIN: {
    page: 'https://support.google.com/docs/answer/3094017',
    status: 'same',
    note: 'text and blanks in a range are ignored; no number gives 0',
  },
  MAX: {
    page: 'https://support.google.com/docs/answer/3094013',
    status: 'same',
    note: 'text and blanks in a range are ignored; no number gives 0',
  },
  AND: {
    page: 'https://support.google.com/docs/answer/3093301',
    status: 'same',
    note: 'our formulas pass comparisons only (booleans); text from a cell is an error in both',
  },
  OR: {
    page: 'https://support.google.com/docs/answer/3093306',
    status: 'same',
    note: 'our formulas pass comparisons only (booleans)',
  },
  INT: {
    page: 'https://support.google.com/docs/answer/3093490',
    status: 'override',
    note: 'rounds down to the integer ≤ the value: INT(-0.5) = -1 (HyperFormula truncates: 0)',
  },
  LEFT: {
    page: 'https://support.google.com/docs/answer/3094079',
    status: 'same',
    note: 'a number is taken as its text; a negative length is an error',
  },
  LEN: {
    page: 'https://support.google.com/docs/answer/3094081',
    status: 'same',
    note: 'of the text of the value',
  },
  MID: {
    page: 'https://support.google.com/docs/answer/3094129',
    status: 'same',
    note: 'starting_at counts from 1; past the end of the string it returns what is left (tested on « Dates exclues »)',
  },
  TODAY: {
    page: 'https://support.google.com/docs/answer/3092984',
    status: 'override',
    note: 'the emulator clock in the spreadsheet time zone (engine.ts VirtualClockPlugin)',
  },
};

/** Pages whose address was not confirmed through the search index (ids from Google's help centre). */
export const UNVERIFIED_PAGES: readonly string[] = [
  'IF',
  'IFERROR',
  'INDEX',
  'YEAR',
  'MONTH',
  'DAY',
  'MIN',
  'MAX',
  'OR',
  'LEFT',
  'LEN',
  'TODAY',
];

// ---------------------------------------------------------------------------------------------
// Numbers

/** A HyperFormula number (plain, or a date/currency RichNumber) as a plain number. */
function raw(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'val' in value) return (value as { val: unknown }).val;
  return value;
}

/** `value` × 10^exponent computed on the decimal digits (no binary rounding of the factor). */
function shiftDecimal(value: number, exponent: number): number {
  const [mantissa, power] = value.toExponential().split('e');
  return Number(`${mantissa}e${Number(power) + exponent}`);
}

/**
 * ROUND as Sheets documents it (support.google.com/docs/answer/3093440): the digit to the right
 * of `places` decides, "greater than or equal to 5" rounds up, "irrespective of sign … in terms of
 * magnitude". The digit is read on the value's decimal representation to 15 significant digits
 * (what Sheets displays and stores), so ROUND(1.005, 2) is 1.01 although 1.005 is 1.00499999… in
 * binary. `places` is truncated to an integer (unverified: the page does not say; Excel and
 * LibreOffice truncate, HyperFormula does not).
 */
export function sheetsRound(value: number, places: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.trunc(places);
  const decimal = Math.abs(Number(value.toPrecision(15)));
  const shifted = shiftDecimal(decimal, digits);
  if (!Number.isFinite(shifted) || shifted >= 2 ** 52) return value;
  const rounded = Math.floor(shifted + 0.5);
  const result = rounded === 0 ? 0 : shiftDecimal(rounded, -digits);
  return value < 0 && result !== 0 ? -result : result;
}

/** INT (support.google.com/docs/answer/3093490): "rounds a number down to the nearest integer that is less than or equal to it". */
export function sheetsInt(value: number): number {
  return Math.floor(value);
}

type Ast = { args: unknown[] };
type PluginClass = FunctionPluginDefinition & (new (...args: never[]) => FunctionPlugin);

/** Numbers: ROUND and INT. */
class SheetsMathPlugin extends FunctionPlugin {
  round(ast: Ast, state: unknown) {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata('ROUND'),
      (value: number, places: number) => sheetsRound(value, places),
    );
  }
  int(ast: Ast, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('INT'), (value: number) =>
      sheetsInt(value),
    );
  }
}
SheetsMathPlugin.implementedFunctions = {
  ROUND: {
    method: 'round',
    parameters: [
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
    ],
  },
  INT: { method: 'int', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
};

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** The serial number of a calendar day (Sheets counts days since 30 December 1899), month may overflow. */
function serialOf(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return Math.round((d.getTime() - EPOCH) / DAY_MS);
}

/** The year and month (1-12) of a serial number. */
function yearMonthOf(serial: number): { year: number; month: number } {
  const d = new Date(EPOCH + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Last serial Sheets accepts: 31 December 9999. */
const MAX_SERIAL = serialOf(9999, 12, 31);

function numError(): CellError {
  return new CellError(ErrorType.NUM, 'Date out of range');
}

/**
 * DATE (support.google.com/docs/answer/3092969): "Inputs to DATE must be numbers - if a string or
 * a reference to a cell containing a string is provided, the #VALUE! error will be returned";
 * out-of-range months and days roll over; decimals are truncated; a year between 0 and 1899 has
 * 1900 added; "for years less than 0 or greater than 10,000 … #NUM!". A blank cell counts as 0 and
 * a boolean as 0/1 (unverified: the page does not say).
 */
export function sheetsDate(year: unknown, month: unknown, day: unknown): number | CellError {
  const parts: number[] = [];
  for (const arg of [year, month, day]) {
    const v = raw(arg);
    if (v instanceof CellError) return v;
    if (typeof v === 'string') return new CellError(ErrorType.VALUE, 'DATE expects numbers');
    if (v === EmptyValue || v === null || v === undefined) parts.push(0);
    else if (typeof v === 'boolean') parts.push(v ? 1 : 0);
    else if (typeof v === 'number') parts.push(Math.trunc(v));
    else return new CellError(ErrorType.VALUE, 'DATE expects numbers');
  }
  let [y] = parts;
  const [, m, d] = parts;
  if (y < 0 || y > 9999) return numError();
  if (y < 1900) y += 1900;
  const serial = serialOf(y, m, d);
  if (serial < 0 || serial > MAX_SERIAL) return numError();
  return serial;
}

/**
 * EOMONTH (support.google.com/docs/answer/3093044): "Non-integer arguments to months will have
 * their decimal components truncated. Therefore, EOMONTH(A2,2.6) is equivalent to EOMONTH(A2,2)."
 */
export function sheetsEomonth(start: number, months: number): number | CellError {
  if (start < 0) return numError();
  const { year, month } = yearMonthOf(start);
  const serial = serialOf(year, month + Math.trunc(months) + 1, 0);
  if (serial < 0 || serial > MAX_SERIAL) return numError();
  return serial;
}

/**
 * EDATE (support.google.com/docs/answer/3092974): "Returns a date a specified number of months
 * before or after another date"; "Non-integer arguments to months will have their decimal
 * components truncated". A day past the end of the target month becomes its last day (31 January
 * + 1 month = 28 or 29 February), as Excel documents and HyperFormula does (the Sheets page does
 * not say it: unverified). A negative start date is #NUM! (HyperFormula's minValue 0).
 */
export function sheetsEdate(start: number, months: number): number | CellError {
  if (start < 0) return numError();
  const { year, month } = yearMonthOf(start);
  const day = new Date(EPOCH + Math.floor(start) * DAY_MS).getUTCDate();
  const target = month + Math.trunc(months);
  const lastDay = new Date(EPOCH + serialOf(year, target + 1, 0) * DAY_MS).getUTCDate();
  const serial = serialOf(year, target, Math.min(day, lastDay));
  if (serial < 0 || serial > MAX_SERIAL) return numError();
  return serial;
}

class SheetsDatePlugin extends FunctionPlugin {
  date(ast: Ast, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('DATE'), sheetsDate);
  }
  eomonth(ast: Ast, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('EOMONTH'), sheetsEomonth);
  }
  edate(ast: Ast, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('EDATE'), sheetsEdate);
  }
}
SheetsDatePlugin.implementedFunctions = {
  DATE: {
    method: 'date',
    parameters: [
      { argumentType: FunctionArgumentType.ANY },
      { argumentType: FunctionArgumentType.ANY },
      { argumentType: FunctionArgumentType.ANY },
    ],
    returnNumberType: 'NUMBER_DATE' as never,
  },
  EOMONTH: {
    method: 'eomonth',
    parameters: [
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.NUMBER },
    ],
    returnNumberType: 'NUMBER_DATE' as never,
  },
  EDATE: {
    method: 'edate',
    parameters: [
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.NUMBER },
    ],
    returnNumberType: 'NUMBER_DATE' as never,
  },
};

// ---------------------------------------------------------------------------------------------
// SUMIFS / COUNTIFS criteria

/** A cell value as the criteria see it (HyperFormula's raw scalar). */
type Scalar = number | string | boolean | symbol | CellError | null | undefined;

/** Blank as Sheets means it: "cells with no content and cells containing an empty string" (COUNTBLANK, 3093403). */
function isBlank(v: Scalar): boolean {
  return v === EmptyValue || v === null || v === undefined || v === '';
}

/** Text comparison key: case-insensitive, accents kept (unverified: Sheets' pages do not say; "é" ≠ "e"). */
function fold(text: string): string {
  return text.toLowerCase();
}

/** A criterion pattern with `?`, `*` and `~` escapes as a whole-cell, case-insensitive RegExp. */
function wildcardPattern(pattern: string): RegExp | null {
  if (!/[?*]/.test(pattern.replace(/~[?*~]/g, ''))) return null;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length && '?*~'.includes(pattern[i + 1])) {
      source += `\\${pattern[++i]}`;
    } else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'iu');
}

/** Text equality with a criterion string, wildcards included ("or match, if wildcards are used"). */
function textMatcher(pattern: string): (text: string) => boolean {
  const regexp = wildcardPattern(pattern);
  if (regexp) return (text) => regexp.test(text);
  const unescaped = fold(pattern.replace(/~([?*~])/g, '$1'));
  return (text) => fold(text) === unescaped;
}

/** A number written in a criterion string (English syntax, as formulas are written), or undefined. */
function criterionNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(t)) return undefined;
  const n = Number(t.replace(/%$/, ''));
  if (!Number.isFinite(n)) return undefined;
  return t.endsWith('%') ? n / 100 : n;
}

/** A parsed criterion: `key` identifies it for HyperFormula's cache, `test` says whether a cell matches. */
export interface SheetsCriterion {
  key: string;
  test: (cell: Scalar) => boolean;
}

const OPERATORS = ['<=', '>=', '<>', '<', '>', '='] as const;

/**
 * A SUMIFS/COUNTIFS criterion as Google's help for COUNTIF (support.google.com/docs/answer/3093480)
 * and SUMIF (3093583) describes it:
 * - "If range contains text to check against, criterion must be a string … checked against
 *   criterion for equality (or match, if wildcards are used)": text cells only meet string
 *   criteria; `?`, `*`, `~` as documented; case-insensitive.
 * - "If a number is provided, each cell in range is checked for equality with criterion": a
 *   number criterion meets number cells only, never the text "2026".
 * - "a string containing a number (which also checks for equality), or a number prefixed with any
 *   of the following operators: =, >, >=, <, or <=": `">=2026"` compares number cells only; the
 *   plain string `"2026"` checks both numbers (= 2026) and text cells (equal to "2026").
 * - `""` meets blank cells, which COUNTBLANK's help (3093403) defines as "cells with no content and
 *   cells containing an empty string": a formula's `""` is blank. `"<>"` meets the other cells.
 *   (Which cells `""`/`"<>"` meet is inferred from COUNTBLANK's definition: unverified on Sheets.)
 * - `"<>x"` meets every cell that `"x"` does not meet (blanks included), as in Excel (unverified).
 * - A criterion that is a reference to an empty cell counts as 0, as Microsoft documents for
 *   COUNTIFS (unverified on Sheets; HyperFormula answers #VALUE!).
 * - `"TRUE"`/`"FALSE"` and boolean criteria meet booleans (unverified).
 */
export function sheetsCriterion(criterion: unknown): SheetsCriterion | CellError {
  const c = raw(criterion) as Scalar;
  if (c instanceof CellError) return c;
  if (c === EmptyValue || c === null || c === undefined) return numberEquals(0);
  if (typeof c === 'number') return numberEquals(c);
  if (typeof c === 'boolean') return { key: `b:${c}`, test: (v) => v === c };
  if (typeof c !== 'string') return new CellError(ErrorType.VALUE, 'Incorrect criterion');
  const op = OPERATORS.find((o) => c.startsWith(o));
  const operand = op ? c.slice(op.length) : c;
  const number = criterionNumber(operand);
  const bool = /^(true|false)$/i.test(operand) ? operand.toLowerCase() === 'true' : undefined;
  const key = `s:${encodeURIComponent(c)}`;
  if (!op || op === '=') {
    if (operand === '') return { key, test: isBlank };
    if (number !== undefined && op === '=')
      return { key, test: (v) => typeof v === 'number' && v === number };
    const text = textMatcher(operand);
    return {
      key,
      test: (v) =>
        (typeof v === 'string' && v !== '' && text(v)) ||
        (number !== undefined && typeof v === 'number' && v === number) ||
        (bool !== undefined && typeof v === 'boolean' && v === bool),
    };
  }
  if (op === '<>') {
    if (operand === '') return { key, test: (v) => !isBlank(v) && !(v instanceof CellError) };
    const equal = sheetsCriterion(operand) as SheetsCriterion;
    const numberOnly = number !== undefined;
    return {
      key,
      test: (v) =>
        !(v instanceof CellError) && !(numberOnly ? typeof v === 'number' && v === number : equal.test(v)),
    };
  }
  const compare = (a: number | string, b: number | string): boolean =>
    op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
  if (number !== undefined) return { key, test: (v) => typeof v === 'number' && compare(v, number) };
  // Text against text, case-insensitive (unverified: the pages only describe numbers here).
  const folded = fold(operand);
  return { key, test: (v) => typeof v === 'string' && v !== '' && compare(fold(v), folded) };
}

function numberEquals(n: number): SheetsCriterion {
  return { key: `n:${n}`, test: (v) => typeof v === 'number' && v === n };
}

/**
 * SUMIFS and COUNTIFS with Sheets' criteria. They reuse HyperFormula's own plugin (its range
 * checks, its sum of numbers that skips text, its per-range cache) and only swap the criterion
 * builder it asks for each criterion, for the duration of the call.
 */
function sheetsConditionalPlugin(Base: PluginClass): PluginClass {
  type Builder = { fromCellValue: (raw: unknown, helper: unknown) => unknown };
  const builder: Builder = {
    fromCellValue: (value) => {
      const parsed = sheetsCriterion(value);
      if (parsed instanceof CellError) return undefined;
      return { raw: parsed.key, lambda: parsed.test };
    },
  };
  class SheetsConditionalPlugin extends (Base as unknown as new (...args: unknown[]) => FunctionPlugin) {
    private withSheetsCriteria<T>(run: () => T): T {
      const interpreter = (this as unknown as { interpreter: { criterionBuilder: Builder } }).interpreter;
      const original = interpreter.criterionBuilder;
      interpreter.criterionBuilder = builder;
      try {
        return run();
      } finally {
        interpreter.criterionBuilder = original;
      }
    }
    sheetsSumifs(ast: Ast, state: unknown) {
      const base = Base.prototype as unknown as { sumifs: (a: Ast, s: unknown) => unknown };
      return this.withSheetsCriteria(() => base.sumifs.call(this, ast, state));
    }
    sheetsCountifs(ast: Ast, state: unknown) {
      const base = Base.prototype as unknown as { countifs: (a: Ast, s: unknown) => unknown };
      return this.withSheetsCriteria(() => base.countifs.call(this, ast, state));
    }
    sheetsMaxifs(ast: Ast, state: unknown) {
      const base = Base.prototype as unknown as { maxifs: (a: Ast, s: unknown) => unknown };
      return this.withSheetsCriteria(() => base.maxifs.call(this, ast, state));
    }
  }
  const inherited = (Base as unknown as { implementedFunctions: Record<string, { parameters: unknown }> })
    .implementedFunctions;
  (SheetsConditionalPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
    SUMIFS: { ...inherited.SUMIFS, method: 'sheetsSumifs' },
    COUNTIFS: { ...inherited.COUNTIFS, method: 'sheetsCountifs' },
    MAXIFS: { ...inherited.MAXIFS, method: 'sheetsMaxifs' },
  };
  return SheetsConditionalPlugin as unknown as PluginClass;
}

// ---------------------------------------------------------------------------------------------
// SUMPRODUCT

/**
 * SUMPRODUCT (support.google.com/docs/answer/3094294) multiplies "corresponding entries" of its
 * arrays: Sheets evaluates an argument such as `(A1:A9=2026)*B1:B9` as an array, without
 * ARRAYFORMULA (the usual SUMPRODUCT idiom; the page does not say it in words: unverified).
 * HyperFormula 3.5 only does so with `enableArrayArithmeticForArguments`; without it,
 * `SUMPRODUCT((B1:B3>1)*B1:B3)` is silently 0 and `SUMPRODUCT(--(A1:A3=5))` is #VALUE!.
 */
type Matrix = { width(): number; height(): number; valuesFromTopLeftCorner(): unknown[] };

/**
 * The products summed; an entry that is not a number counts as 0, text included (HyperFormula
 * parses the text "2026" as 2026; Excel documents 0, Sheets unverified), booleans as 1/0.
 */
export function sheetsSumproduct(...arrays: Matrix[]): number | CellError {
  const width = arrays[0].width();
  const height = arrays[0].height();
  if (arrays.some((a) => a.width() !== width || a.height() !== height))
    return new CellError(ErrorType.VALUE, 'SUMPRODUCT has mismatched range sizes');
  const values = arrays.map((a) => a.valuesFromTopLeftCorner());
  let total = 0;
  for (let i = 0; i < width * height; i++) {
    let product = 1;
    for (const column of values) {
      const v = raw(column[i]);
      if (v instanceof CellError) return v;
      product *= typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : 0;
    }
    total += product;
  }
  return total;
}

function arraySumproductPlugin(Base: PluginClass): PluginClass {
  class SheetsSumproductPlugin extends (Base as unknown as new (...args: unknown[]) => FunctionPlugin) {
    sumproduct(ast: Ast, state: unknown) {
      return this.runFunction(
        ast.args as never,
        state as never,
        this.metadata('SUMPRODUCT'),
        sheetsSumproduct,
      );
    }
  }
  const inherited = (Base as unknown as { implementedFunctions: Record<string, object> })
    .implementedFunctions;
  (SheetsSumproductPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
    SUMPRODUCT: { ...inherited.SUMPRODUCT, enableArrayArithmeticForArguments: true },
  };
  return SheetsSumproductPlugin as unknown as PluginClass;
}

// ---------------------------------------------------------------------------------------------
// MATCH

type RangeArg = {
  range?: { sheet: number; start: { col: number; row: number } };
  width(): number;
  valuesFromTopLeftCorner(): unknown[];
};

/**
 * MATCH (support.google.com/docs/answer/3093378), exact search (type 0) of a text: HyperFormula
 * always folds accents there, whatever its `accentSensitive` setting, so MATCH("salle a", …)
 * finds « Sälle A »; Sheets compares text ignoring case only (accents kept: unverified, as for
 * "="). HyperFormula's (indexed) answer is kept when the cell it found equals the key ignoring
 * case only; otherwise the range is scanned for the first such cell, else #N/A.
 */
function accentSensitiveMatchPlugin(Base: PluginClass): PluginClass {
  class SheetsMatchPlugin extends (Base as unknown as new (...args: unknown[]) => FunctionPlugin) {
    match(ast: Ast, state: unknown) {
      const self = this as unknown as {
        doMatch: (key: unknown, range: RangeArg, type: number) => number | CellError;
        dependencyGraph: { getCellValue(address: { sheet: number; col: number; row: number }): unknown };
      };
      return this.runFunction(
        ast.args as never,
        state as never,
        this.metadata('MATCH'),
        (key: unknown, range: RangeArg, type: number) => {
          const k = key === EmptyValue ? 0 : key;
          const found = self.doMatch(k, range, type);
          if (type !== 0 || typeof k !== 'string' || typeof found !== 'number' || /[?*~]/.test(k))
            return found;
          const wanted = k.toLowerCase();
          const equals = (v: unknown) =>
            typeof raw(v) === 'string' && (raw(v) as string).toLowerCase() === wanted;
          const at = (index: number): unknown => {
            const r = range.range;
            if (!r) return range.valuesFromTopLeftCorner()[index];
            const vertical = range.width() === 1;
            return self.dependencyGraph.getCellValue({
              sheet: r.sheet,
              col: r.start.col + (vertical ? 0 : index),
              row: r.start.row + (vertical ? index : 0),
            });
          };
          if (equals(at(found - 1))) return found;
          const index = range.valuesFromTopLeftCorner().findIndex(equals);
          return index < 0 ? new CellError(ErrorType.NA, 'Value not found') : index + 1;
        },
      );
    }
  }
  const inherited = (Base as unknown as { implementedFunctions: Record<string, object> })
    .implementedFunctions;
  (SheetsMatchPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
    MATCH: inherited.MATCH,
  };
  return SheetsMatchPlugin as unknown as PluginClass;
}

// ---------------------------------------------------------------------------------------------
// Registration

/** The functions replaced here (TODAY/NOW are replaced by engine.ts, for the virtual clock). */
export const OVERRIDDEN_FUNCTIONS: readonly string[] = [
  'ROUND',
  'INT',
  'DATE',
  'EOMONTH',
  'EDATE',
  'SUMIFS',
  'COUNTIFS',
  'MAXIFS',
  'SUMPRODUCT',
  'MATCH',
];

let registered = false;

/** Replaces HyperFormula's built-ins by the functions above, once per process. */
export function registerSheetsFunctions(): void {
  if (registered) return;
  const conditional = HyperFormula.getFunctionPlugin('SUMIFS') as PluginClass | undefined;
  if (!conditional) throw new Error('emulator: HyperFormula has no SUMIFS plugin to extend');
  const Conditional = sheetsConditionalPlugin(conditional);
  const sumproduct = HyperFormula.getFunctionPlugin('SUMPRODUCT') as PluginClass | undefined;
  if (!sumproduct) throw new Error('emulator: HyperFormula has no SUMPRODUCT plugin to extend');
  const lookup = HyperFormula.getFunctionPlugin('MATCH') as PluginClass | undefined;
  if (!lookup) throw new Error('emulator: HyperFormula has no MATCH plugin to extend');
  HyperFormula.registerFunction('ROUND', SheetsMathPlugin as unknown as PluginClass);
  HyperFormula.registerFunction('INT', SheetsMathPlugin as unknown as PluginClass);
  HyperFormula.registerFunction('DATE', SheetsDatePlugin as unknown as PluginClass);
  HyperFormula.registerFunction('EOMONTH', SheetsDatePlugin as unknown as PluginClass);
  HyperFormula.registerFunction('SUMIFS', Conditional);
  HyperFormula.registerFunction('COUNTIFS', Conditional);
  HyperFormula.registerFunction('MAXIFS', Conditional);
  HyperFormula.registerFunction('EDATE', SheetsDatePlugin as unknown as PluginClass);
  HyperFormula.registerFunction('SUMPRODUCT', arraySumproductPlugin(sumproduct));
  HyperFormula.registerFunction('MATCH', accentSensitiveMatchPlugin(lookup));
  registered = true;
}

/** Functions of ALLOWED_FUNCTIONS with no review row, or review rows outside it (both must be empty). */
export function reviewGaps(): { unreviewed: string[]; notAllowed: string[] } {
  const reviewed = Object.keys(FUNCTION_REVIEW);
  return {
    unreviewed: ALLOWED_FUNCTIONS.filter((f) => !reviewed.includes(f)),
    notAllowed: reviewed.filter((f) => f !== 'TODAY' && !ALLOWED_FUNCTIONS.includes(f)),
  };
}
