/**
 * Conditional format rules: the builder, the rule and its boolean condition, stored per sheet
 * as plain data (condition type + values, format, ranges).
 */
import type { Ctx } from './context';
import { BooleanCriteria, type EmuEnumValue, enumValue } from './enums';
import { describeType, fail, MSG } from './errors';
import type { ConditionalRuleState } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';

/** BooleanCondition of a rule. */
export class EmuBooleanCondition {
  constructor(private readonly rule: ConditionalRuleState) {}
  getCriteriaType(): EmuEnumValue {
    return enumValue(BooleanCriteria, this.rule.condition.type);
  }
  getCriteriaValues(): unknown[] {
    return [...this.rule.condition.values];
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
