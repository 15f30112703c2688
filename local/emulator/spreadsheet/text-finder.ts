/**
 * EmuTextFinder: Range.createTextFinder's finder, as in
 * developers.google.com/apps-script/reference/spreadsheet/text-finder — case-insensitive and
 * partial by default, `matchCase`, `matchEntireCell` and `ignoreDiacritics` options, matched
 * against the cells' displayed values (`matchFormulaText` false). The search runs on Google's
 * side: a find is one round trip that moves only the cells it returns and scans the range
 * (CELL_COSTS_US.sheetSearchPerCell). Options the emulator does not model (regular expressions,
 * formula text, startFrom, replace) throw rather than behave differently from Google.
 */
import type { Rect } from './a1';
import { type Ctx, charge, requireString } from './context';
import { describeType, fail, MSG } from './errors';
import type { EmuRange } from './range';

/** Builds the Range of one cell; given by EmuRange to avoid a circular import. */
export type CellRangeFactory = (row: number, col: number) => EmuRange;

export class EmuTextFinder {
  private caseSensitive = false;
  private entireCell = false;
  private diacriticsIgnored = false;
  /** Row-major position of the current match in the range, -1 before the first find. */
  private current = -1;

  constructor(
    private readonly ctx: Ctx,
    private readonly sheetId: number,
    private readonly rect: Rect,
    private readonly text: string,
    private readonly cellRange: CellRangeFactory,
  ) {
    // Unverified what Google does with an empty search text; the emulator refuses it.
    if (text === '') throw new Error('emulator: a TextFinder with an empty text is not emulated');
  }

  matchCase(matchCase: boolean): EmuTextFinder {
    this.caseSensitive = flag('TextFinder.matchCase', matchCase);
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): EmuTextFinder {
    this.entireCell = flag('TextFinder.matchEntireCell', matchEntireCell);
    return this;
  }
  ignoreDiacritics(ignoreDiacritics: boolean): EmuTextFinder {
    this.diacriticsIgnored = flag('TextFinder.ignoreDiacritics', ignoreDiacritics);
    return this;
  }
  matchFormulaText(matchFormulaText: boolean): EmuTextFinder {
    if (flag('TextFinder.matchFormulaText', matchFormulaText)) {
      throw new Error('emulator: TextFinder.matchFormulaText(true) is not emulated');
    }
    return this;
  }
  useRegularExpression(useRegEx: boolean): EmuTextFinder {
    if (flag('TextFinder.useRegularExpression', useRegEx)) {
      throw new Error('emulator: TextFinder.useRegularExpression(true) is not emulated');
    }
    return this;
  }

  /** Every matching cell, row by row. */
  findAll(): EmuRange[] {
    const found = this.matches(0, Number.POSITIVE_INFINITY);
    charge(this.ctx, 'TextFinder', 'findAll', { cells: found.length, scanned: this.size() });
    if (found.length > 0) this.current = found[found.length - 1];
    return found.map((at) => this.rangeAt(at));
  }

  /** The next matching cell after the current match, or null (unverified: no wrapping). */
  findNext(): EmuRange | null {
    const [at] = this.matches(this.current + 1, 1);
    charge(this.ctx, 'TextFinder', 'findNext', {
      cells: at === undefined ? 0 : 1,
      scanned: (at ?? this.size() - 1) - this.current,
    });
    if (at === undefined) return null;
    this.current = at;
    return this.rangeAt(at);
  }

  /** The matching cell before the current match, or null (unverified: no wrapping). */
  findPrevious(): EmuRange | null {
    const from = this.current < 0 ? this.size() - 1 : this.current - 1;
    let at: number | undefined;
    for (let i = from; i >= 0; i -= 1) {
      if (this.matchesAt(i)) {
        at = i;
        break;
      }
    }
    charge(this.ctx, 'TextFinder', 'findPrevious', {
      cells: at === undefined ? 0 : 1,
      scanned: from - (at ?? 0) + 1,
    });
    if (at === undefined) return null;
    this.current = at;
    return this.rangeAt(at);
  }

  private size(): number {
    return this.rect.numRows * this.rect.numCols;
  }

  private matches(from: number, limit: number): number[] {
    const out: number[] = [];
    for (let i = Math.max(0, from); i < this.size() && out.length < limit; i += 1) {
      if (this.matchesAt(i)) out.push(i);
    }
    return out;
  }

  private matchesAt(index: number): boolean {
    const row = this.rect.row + Math.floor(index / this.rect.numCols);
    const col = this.rect.col + (index % this.rect.numCols);
    const shown = this.ctx.wb.displayValue(this.sheetId, row, col);
    if (shown === '') return false;
    const cell = this.fold(shown);
    const wanted = this.fold(this.text);
    return this.entireCell ? cell === wanted : cell.includes(wanted);
  }

  private fold(text: string): string {
    let out = this.diacriticsIgnored ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
    if (!this.caseSensitive) out = out.toLowerCase();
    return out;
  }

  private rangeAt(index: number): EmuRange {
    return this.cellRange(
      this.rect.row + Math.floor(index / this.rect.numCols),
      this.rect.col + (index % this.rect.numCols),
    );
  }
}

function flag(method: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(MSG.badSignature(describeType(value), method));
  return value;
}

/** Checks createTextFinder's argument (a string, as the bridge requires). */
export function requireFindText(value: unknown): string {
  requireString('Range.createTextFinder', value);
  return value;
}
