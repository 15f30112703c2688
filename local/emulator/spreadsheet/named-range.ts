/**
 * Named ranges: a name bound to a range, usable in formulas (mirrored as an engine named
 * expression) and moving with the cells when rows or columns are inserted or deleted.
 */
import type { Ctx } from './context';
import { charge } from './context';
import { fail } from './errors';
import type { NamedRangeState } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';

/**
 * Sheets' rule for names: start with a letter or underscore, letters/digits/underscores only,
 * at most 250 characters, not TRUE/FALSE and not a cell reference (unverified error wording).
 */
export function checkRangeName(name: string): void {
  const ok =
    typeof name === 'string' &&
    /^[A-Za-z_][A-Za-z0-9_.]{0,249}$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(R\d*C\d*)$/i.test(name) &&
    !/^(true|false)$/i.test(name);
  if (!ok)
    fail(
      `Invalid name: ${String(name)}. Named ranges must start with a letter or underscore, contain only letters, numbers and underscores, and not be a cell reference.`,
    );
}

/** NamedRange (a live view by name). */
export class EmuNamedRange {
  constructor(
    private readonly ctx: Ctx,
    private name: string,
  ) {}

  private get nr(): NamedRangeState {
    const nr = this.ctx.wb.state.namedRanges.find((n) => n.name.toLowerCase() === this.name.toLowerCase());
    if (!nr) fail(`Named range ${this.name} not found.`);
    return nr;
  }
  getName(): string {
    return this.nr.name;
  }
  getRange(): EmuRange {
    const nr = this.nr;
    return new EmuSheet(this.ctx, nr.sheetId)._rangeUncharged(
      nr.rect.row,
      nr.rect.col,
      nr.rect.numRows,
      nr.rect.numCols,
    );
  }
  setName(name: string): EmuNamedRange {
    charge(this.ctx, 'NamedRange', 'setName');
    checkRangeName(name);
    const nr = this.nr;
    this.ctx.wb.engine.removeName(nr.name);
    nr.name = name;
    this.ctx.wb.engine.setName(name, this.ctx.wb.rangeExpression(nr.sheetId, nr.rect));
    this.name = name;
    this.ctx.wb.syncFormulas();
    return this;
  }
  setRange(range: EmuRange): EmuNamedRange {
    charge(this.ctx, 'NamedRange', 'setRange');
    const nr = this.nr;
    nr.sheetId = range.sheetId;
    nr.rect = { ...range.rect };
    this.ctx.wb.engine.setName(nr.name, this.ctx.wb.rangeExpression(nr.sheetId, nr.rect));
    return this;
  }
  remove(): void {
    charge(this.ctx, 'NamedRange', 'remove');
    const nr = this.nr;
    this.ctx.wb.engine.removeName(nr.name);
    this.ctx.wb.state.namedRanges = this.ctx.wb.state.namedRanges.filter((n) => n !== nr);
  }
}
