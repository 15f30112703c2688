/**
 * Data validation: EmuDataValidationBuilder / EmuDataValidation as SpreadsheetApp builds them,
 * stored on cells as plain specs, and the check Sheets applies to what a USER types. Scripts are
 * not blocked by validation: Range.setValues writes invalid values and Sheets merely flags them
 * (the docs' getAllowInvalid: "true if the rule shows a warning when input fails data validation,
 * or false if it rejects the input entirely" — input meaning the UI).
 */
import { parseA1 } from './a1';
import type { Ctx } from './context';
import { DataValidationCriteria, type EmuEnumValue, enumValue } from './enums';
import { describeType, fail, MSG } from './errors';
import { instantToSerial } from './locale';
import type { Literal, ValidationSpec } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';

type ArgSpec = ValidationSpec['args'];

function isRange(x: unknown): x is EmuRange {
  return (
    !!x &&
    typeof x === 'object' &&
    'rect' in x &&
    'sheetId' in x &&
    typeof (x as EmuRange).getA1Notation === 'function'
  );
}

/** SpreadsheetApp.newDataValidation(). */
export class EmuDataValidationBuilder {
  private criteria: string | null = null;
  private args: ArgSpec = [];
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(private readonly qualify: (range: EmuRange) => string) {}

  private set(criteria: string, args: ArgSpec): EmuDataValidationBuilder {
    this.criteria = criteria;
    this.args = args;
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): EmuDataValidationBuilder {
    if (!Array.isArray(values))
      fail(MSG.badSignature(describeType(values), 'DataValidationBuilder.requireValueInList'));
    if (values.length > 500) fail(MSG.listTooLong);
    return this.set('VALUE_IN_LIST', [values.map(String), !!showDropdown]);
  }
  requireValueInRange(range: EmuRange, showDropdown = true): EmuDataValidationBuilder {
    if (!isRange(range))
      fail(MSG.badSignature(describeType(range), 'DataValidationBuilder.requireValueInRange'));
    return this.set('VALUE_IN_RANGE', [{ range: this.qualify(range) }, !!showDropdown]);
  }
  requireNumberBetween(start: number, end: number): EmuDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): EmuDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(number)]);
  }
  requireNumberGreaterThan(number: number): EmuDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN', [Number(number)]);
  }
  requireNumberLessThanOrEqualTo(number: number): EmuDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(number)]);
  }
  requireDate(): EmuDataValidationBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): EmuDataValidationBuilder {
    return this.set('DATE_AFTER', [{ date: date.getTime() }]);
  }
  requireDateBefore(date: Date): EmuDataValidationBuilder {
    return this.set('DATE_BEFORE', [{ date: date.getTime() }]);
  }
  requireDateOnOrAfter(date: Date): EmuDataValidationBuilder {
    return this.set('DATE_ON_OR_AFTER', [{ date: date.getTime() }]);
  }
  requireDateBetween(start: Date, end: Date): EmuDataValidationBuilder {
    return this.set('DATE_BETWEEN', [{ date: start.getTime() }, { date: end.getTime() }]);
  }
  /** requireCheckbox([checkedValue[, uncheckedValue]]). */
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): EmuDataValidationBuilder {
    const args: ArgSpec = [];
    if (checkedValue !== undefined) args.push(checkedValue);
    if (uncheckedValue !== undefined) args.push(uncheckedValue);
    return this.set('CHECKBOX', args);
  }
  requireTextIsEmail(): EmuDataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireFormulaSatisfied(formula: string): EmuDataValidationBuilder {
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }
  setAllowInvalid(allowInvalidData: boolean): EmuDataValidationBuilder {
    this.allowInvalid = !!allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): EmuDataValidationBuilder {
    this.helpText = String(helpText);
    return this;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.helpText;
  }
  /** Loads a stored spec (for copy()). */
  load(spec: ValidationSpec): EmuDataValidationBuilder {
    this.criteria = spec.criteria;
    this.args = structuredClone(spec.args);
    this.allowInvalid = spec.allowInvalid;
    this.helpText = spec.helpText;
    return this;
  }
  build(): EmuDataValidation {
    // Unverified wording: Google refuses to build a rule without criteria.
    if (!this.criteria) fail('You must specify a criteria type.');
    return new EmuDataValidation(
      {
        criteria: this.criteria,
        args: structuredClone(this.args),
        allowInvalid: this.allowInvalid,
        helpText: this.helpText,
      },
      this.qualify,
      null,
    );
  }
}

/** A built rule (DataValidation). */
export class EmuDataValidation {
  constructor(
    private readonly rule: ValidationSpec,
    private readonly qualify: (range: EmuRange) => string,
    private readonly resolveRange: ((a1: string) => EmuRange) | null,
  ) {}

  /** The plain spec stored on cells. */
  spec(): ValidationSpec {
    return structuredClone(this.rule);
  }
  copy(): EmuDataValidationBuilder {
    return new EmuDataValidationBuilder(this.qualify).load(this.rule);
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getCriteriaType(): EmuEnumValue {
    return enumValue(DataValidationCriteria, this.rule.criteria);
  }
  getCriteriaValues(): unknown[] {
    return this.rule.args.map((a) => {
      if (a && typeof a === 'object' && 'range' in a) {
        const a1 = (a as { range: string }).range;
        return this.resolveRange ? this.resolveRange(a1) : a1;
      }
      if (a && typeof a === 'object' && 'date' in a) return new Date((a as { date: number }).date);
      return structuredClone(a);
    });
  }
  getHelpText(): string | null {
    return this.rule.helpText;
  }
}

/** A rule read back from a cell, with its range arguments resolved to Ranges of the workbook. */
export function validationFromSpec(ctx: Ctx, spec: ValidationSpec): EmuDataValidation {
  return new EmuDataValidation(
    spec,
    (r) => ctx.wb.qualifiedA1(r.sheetId, r.rect),
    (a1) => resolveQualified(ctx, a1),
  );
}

function resolveQualified(ctx: Ctx, a1: string): EmuRange {
  const p = parseA1(a1);
  const sheet = p.sheetName !== undefined ? ctx.wb.sheetByName(p.sheetName) : undefined;
  if (!sheet) fail(MSG.rangeNotFound);
  return new EmuSheet(ctx, sheet.id).getRange(a1.slice(a1.lastIndexOf('!') + 1));
}

/** Whether `value` (as a user typed it, parsed) passes `spec`. Empty input always passes. */
export function passesValidation(ctx: Ctx, spec: ValidationSpec, value: Literal | null): boolean {
  if (value === null || value === '') return true;
  const a = spec.args;
  const num = typeof value === 'number' ? value : null;
  const serialOf = (x: unknown) =>
    Math.floor(instantToSerial((x as { date: number }).date, ctx.wb.state.timeZone));
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return (a[0] as string[]).includes(String(value));
    case 'VALUE_IN_RANGE': {
      const range = resolveQualified(ctx, (a[0] as { range: string }).range);
      const { row, col, numRows, numCols } = range.rect;
      for (let r = row; r < row + numRows; r++) {
        for (let c = col; c < col + numCols; c++) {
          const v = ctx.wb.view(range.sheetId, r, c).value;
          if (v !== null && String(v) === String(value)) return true;
        }
      }
      return false;
    }
    case 'NUMBER_BETWEEN':
      return num !== null && num >= (a[0] as number) && num <= (a[1] as number);
    case 'NUMBER_GREATER_THAN':
      return num !== null && num > (a[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== null && num >= (a[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== null && num <= (a[0] as number);
    case 'DATE_IS_VALID_DATE':
      return num !== null;
    case 'DATE_AFTER':
      return num !== null && Math.floor(num) > serialOf(a[0]);
    case 'DATE_BEFORE':
      return num !== null && Math.floor(num) < serialOf(a[0]);
    case 'DATE_ON_OR_AFTER':
      return num !== null && Math.floor(num) >= serialOf(a[0]);
    case 'DATE_BETWEEN':
      return num !== null && Math.floor(num) >= serialOf(a[0]) && Math.floor(num) <= serialOf(a[1]);
    case 'CHECKBOX':
      return a.length === 0 ? typeof value === 'boolean' : a.some((x) => String(x) === String(value));
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    default:
      // CUSTOM_FORMULA and the rest are not evaluated on input by the emulator.
      return true;
  }
}
