/**
 * EmuRange: SpreadsheetApp's Range over the workbook — values in and out with Google's
 * conversions and dimension checks, formulas, number formats, validation, notes, styles,
 * protection and developer metadata.
 */
import { type Rect, rectToA1 } from './a1';
import type { CallVolume } from '../runtime';
import { type Ctx, charge, requireNumbers, requireString } from './context';
import { EmuDataValidation, validationFromSpec } from './data-validation';
import { EmuEnumValue } from './enums';
import { describeType, fail, MSG } from './errors';
import { EmuDeveloperMetadata } from './metadata';
import type { LayerName } from './layers';
import type { CellState, CellStyle, MetadataState, ValidationSpec } from './model';
import { AUTOMATIC_FORMAT } from './number-format';
import { EmuProtection, initialEditors, requireScriptMayEdit } from './protection';
import { EmuSheet } from './sheet';
import { EmuTextFinder, requireFindText } from './text-finder';
import { fromJs, type Parsed, parseInput } from './values';
import type { LayerValue } from './workbook';

/** A rectangle of one sheet. Like Google's, it keeps its coordinates when rows move. */
export class EmuRange {
  /** @param open which ends were left open in A1 notation (A:A, 2:5), for getA1Notation. */
  constructor(
    private readonly ctx: Ctx,
    readonly sheetId: number,
    readonly rect: Rect,
    private readonly open: { rows?: boolean; cols?: boolean } = {},
  ) {}

  private charge(method: string, volume?: CallVolume): void {
    charge(this.ctx, 'Range', method, volume);
  }

  /** The cells a call on the whole range moves: rows × columns of the range asked for. */
  private get size(): CallVolume {
    return { cells: this.rect.numRows * this.rect.numCols };
  }

  private get wb() {
    return this.ctx.wb;
  }

  /** Protections: the script's user must be allowed to edit the whole range (protection.ts). */
  private guard(): void {
    requireScriptMayEdit(this.ctx, this.sheetId, this.rect);
  }

  private cells<T>(fn: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.rect.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < this.rect.numCols; j++) line.push(fn(this.rect.row + i, this.rect.col + j));
      out.push(line);
    }
    return out;
  }

  private cellState(row: number, col: number): CellState | undefined {
    return this.wb.cell(this.wb.sheet(this.sheetId), row, col);
  }

  /** Google's dimension checks for a 2-D argument of setValues/setFormulas/setNumberFormats... */
  private checkGrid(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      fail(MSG.badSignature(describeType(data), `Range.${method}`));
    }
    const grid = data as unknown[][];
    if (grid.length !== this.rect.numRows) fail(MSG.rowsMismatch(grid.length, this.rect.numRows));
    for (const row of grid) {
      if (row.length !== this.rect.numCols) fail(MSG.colsMismatch(row.length, this.rect.numCols));
    }
    return grid;
  }

  private locale(): string {
    return this.wb.state.locale;
  }

  // ---------- navigation (free) ----------

  getRow(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.col;
  }
  getNumRows(): number {
    return this.rect.numRows;
  }
  getNumColumns(): number {
    return this.rect.numCols;
  }
  /** The end row of the range (not the last row with content). */
  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }
  getLastColumn(): number {
    return this.rect.col + this.rect.numCols - 1;
  }
  getA1Notation(): string {
    const { row, col, numRows, numCols } = this.rect;
    const letters = (c: number) => rectToA1({ row: 1, col: c, numRows: 1, numCols: 1 }).replace(/\d+$/, '');
    if (this.open.rows) return `${letters(col)}:${letters(col + numCols - 1)}`;
    if (this.open.cols) return `${row}:${row + numRows - 1}`;
    return rectToA1(this.rect);
  }
  getSheet(): EmuSheet {
    return new EmuSheet(this.ctx, this.sheetId);
  }
  getGridId(): number {
    return this.sheetId;
  }
  /** offset(rowOffset, columnOffset[, numRows[, numColumns]]). */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    const args = [
      rowOffset,
      columnOffset,
      ...(numRows === undefined ? [] : [numRows]),
      ...(numColumns === undefined ? [] : [numColumns]),
    ];
    requireNumbers('Range.offset', args);
    return this.getSheet().getRange(
      this.rect.row + rowOffset,
      this.rect.col + columnOffset,
      numRows ?? this.rect.numRows,
      numColumns ?? this.rect.numCols,
    );
  }
  /** getCell(row, column), relative to the range, 1-based. */
  getCell(row: number, column: number): EmuRange {
    requireNumbers('Range.getCell', [row, column]);
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numCols)
      fail(MSG.outsideSheet);
    return new EmuRange(this.ctx, this.sheetId, {
      row: this.rect.row + row - 1,
      col: this.rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  // ---------- values ----------

  getValue(): number | string | boolean | Date {
    this.charge('getValue', { cells: 1 });
    return this.wb.jsValue(this.sheetId, this.rect.row, this.rect.col);
  }
  getValues(): (number | string | boolean | Date)[][] {
    this.charge('getValues', this.size);
    return this.cells((r, c) => this.wb.jsValue(this.sheetId, r, c));
  }
  getDisplayValue(): string {
    this.charge('getDisplayValue', { cells: 1 });
    return this.wb.displayValue(this.sheetId, this.rect.row, this.rect.col);
  }
  getDisplayValues(): string[][] {
    this.charge('getDisplayValues', this.size);
    return this.cells((r, c) => this.wb.displayValue(this.sheetId, r, c));
  }
  isBlank(): boolean {
    this.charge('isBlank', this.size);
    return this.cells((r, c) => this.cellState(r, c)).every((row) =>
      row.every((c) => !c || (c.value === undefined && c.formula === undefined)),
    );
  }

  /** Sets every cell of the range to `value` (strings are read as typed input). */
  setValue(value: unknown): EmuRange {
    this.charge('setValue', this.size);
    this.guard();
    const p = fromJs(value, this.locale(), this.wb.state.timeZone, 'Range.setValue');
    this.wb.write(
      this.sheetId,
      this.rect,
      this.cells(() => p),
    );
    return this;
  }
  setValues(values: unknown[][]): EmuRange {
    this.charge('setValues', this.size);
    this.guard();
    const grid = this.checkGrid('setValues', values);
    const parsed = grid.map((row) =>
      row.map((v) => fromJs(v, this.locale(), this.wb.state.timeZone, 'Range.setValues')),
    );
    this.wb.write(this.sheetId, this.rect, parsed);
    return this;
  }

  /**
   * Ctrl+arrow from the range's first cell: the edge of the block of cells with data in
   * `direction`, or the sheet's edge (developers.google.com/apps-script/reference/spreadsheet/range#getNextDataCell(Direction)).
   * One round trip that moves no cell; the cells walked over are scanned on Google's side.
   */
  getNextDataCell(direction: EmuEnumValue): EmuRange {
    if (
      !(direction instanceof EmuEnumValue) ||
      !['UP', 'DOWN', 'PREVIOUS', 'NEXT'].includes(direction.name())
    ) {
      fail(MSG.badSignature(describeType(direction), 'Range.getNextDataCell'));
    }
    const sheet = this.wb.sheet(this.sheetId);
    const [dr, dc] = { UP: [-1, 0], DOWN: [1, 0], PREVIOUS: [0, -1], NEXT: [0, 1] }[
      direction.name() as 'UP' | 'DOWN' | 'PREVIOUS' | 'NEXT'
    ];
    const inside = (r: number, c: number) => r >= 1 && c >= 1 && r <= sheet.maxRows && c <= sheet.maxCols;
    const has = (r: number, c: number) => {
      const cell = this.cellState(r, c);
      return !!cell && (cell.value !== undefined || cell.formula !== undefined);
    };
    let r = this.rect.row;
    let c = this.rect.col;
    let walked = 0;
    if (inside(r + dr, c + dc) && has(r, c) && has(r + dr, c + dc)) {
      while (inside(r + dr, c + dc) && has(r + dr, c + dc)) {
        r += dr;
        c += dc;
        walked += 1;
      }
    } else {
      while (inside(r + dr, c + dc)) {
        r += dr;
        c += dc;
        walked += 1;
        if (has(r, c)) break;
      }
    }
    this.charge('getNextDataCell', { scanned: walked });
    return new EmuRange(this.ctx, this.sheetId, { row: r, col: c, numRows: 1, numCols: 1 });
  }

  /** A finder over this range's cells (built locally; its finds are the round trips). */
  createTextFinder(findText: string): EmuTextFinder {
    return new EmuTextFinder(
      this.ctx,
      this.sheetId,
      { ...this.rect },
      requireFindText(findText),
      (row, col) => new EmuRange(this.ctx, this.sheetId, { row, col, numRows: 1, numCols: 1 }),
    );
  }

  // ---------- formulas ----------

  getFormula(): string {
    this.charge('getFormula', { cells: 1 });
    return this.wb.formula(this.sheetId, this.rect.row, this.rect.col);
  }
  getFormulas(): string[][] {
    this.charge('getFormulas', this.size);
    return this.cells((r, c) => this.wb.formula(this.sheetId, r, c));
  }
  private parseFormula(method: string, f: unknown): Parsed {
    requireString(`Range.${method}`, f);
    if (f.length > 50_000) fail(MSG.cellTooLong);
    if (f === '') return { kind: 'empty' };
    // A text without '=' is entered as a value, as if typed.
    return f.startsWith('=') ? { kind: 'formula', text: f } : parseInput(f, this.locale());
  }
  setFormula(formula: string): EmuRange {
    this.charge('setFormula', { cells: 1 });
    this.guard();
    const p = this.parseFormula('setFormula', formula);
    if (this.rect.numRows * this.rect.numCols !== 1) {
      // Google shifts relative references cell by cell; the emulator does not, so it refuses.
      throw new Error('emulator: setFormula on a multi-cell range is not emulated; use setFormulas');
    }
    this.wb.write(this.sheetId, this.rect, [[p]]);
    return this;
  }
  setFormulas(formulas: string[][]): EmuRange {
    this.charge('setFormulas', this.size);
    this.guard();
    const grid = this.checkGrid('setFormulas', formulas);
    this.wb.write(
      this.sheetId,
      this.rect,
      grid.map((row) => row.map((f) => this.parseFormula('setFormulas', f))),
    );
    return this;
  }

  // ---------- number formats ----------

  getNumberFormat(): string {
    this.charge('getNumberFormat');
    return this.attr('numberFormat', this.rect.row, this.rect.col) ?? AUTOMATIC_FORMAT;
  }
  getNumberFormats(): string[][] {
    this.charge('getNumberFormats', this.size);
    return this.cells((r, c) => this.attr('numberFormat', r, c) ?? AUTOMATIC_FORMAT);
  }
  setNumberFormat(numberFormat: string): EmuRange {
    this.charge('setNumberFormat');
    this.guard();
    requireString('Range.setNumberFormat', numberFormat);
    this.wb.setAttr(this.sheetId, 'numberFormat', this.rect, numberFormat);
    return this;
  }
  setNumberFormats(numberFormats: string[][]): EmuRange {
    this.charge('setNumberFormats', this.size);
    this.guard();
    const grid = this.checkGrid('setNumberFormats', numberFormats);
    for (const row of grid) for (const f of row) requireString('Range.setNumberFormats', f);
    this.wb.setAttrGrid(this.sheetId, 'numberFormat', this.rect, grid as string[][]);
    return this;
  }

  private attr<K extends LayerName>(name: K, row: number, col: number): LayerValue<K> | undefined {
    return this.wb.attr(this.wb.sheet(this.sheetId), name, row, col);
  }

  // ---------- validation ----------

  getDataValidation(): EmuDataValidation | null {
    this.charge('getDataValidation');
    const spec = this.attr('validation', this.rect.row, this.rect.col);
    return spec ? validationFromSpec(this.ctx, spec) : null;
  }
  getDataValidations(): (EmuDataValidation | null)[][] {
    this.charge('getDataValidations', this.size);
    return this.cells((r, c) => {
      const spec = this.attr('validation', r, c);
      return spec ? validationFromSpec(this.ctx, spec) : null;
    });
  }
  /** setDataValidation(null) removes the rules, as in Google. */
  setDataValidation(rule: EmuDataValidation | null): EmuRange {
    this.charge('setDataValidation');
    this.guard();
    if (rule !== null && !(rule instanceof EmuDataValidation))
      fail(MSG.badSignature(describeType(rule), 'Range.setDataValidation'));
    this.wb.setAttr(this.sheetId, 'validation', this.rect, rule ? rule.spec() : undefined);
    return this;
  }
  setDataValidations(rules: (EmuDataValidation | null)[][]): EmuRange {
    this.charge('setDataValidations', this.size);
    this.guard();
    const grid = this.checkGrid('setDataValidations', rules) as (EmuDataValidation | null)[][];
    // One stored spec per distinct rule object: equal neighbours then merge cheaply.
    const specs = new Map<EmuDataValidation, ValidationSpec>();
    const specOf = (rule: EmuDataValidation | null) => {
      if (!rule) return undefined;
      let spec = specs.get(rule);
      if (!spec) {
        spec = rule.spec();
        specs.set(rule, spec);
      }
      return spec;
    };
    this.wb.setAttrGrid(
      this.sheetId,
      'validation',
      this.rect,
      grid.map((row) => row.map(specOf)),
    );
    return this;
  }
  clearDataValidations(): EmuRange {
    this.charge('clearDataValidations');
    this.guard();
    this.wb.clear(this.sheetId, this.rect, { validation: true });
    return this;
  }

  // ---------- clearing ----------

  /** Clears the content of the range, leaving the formatting (and validation) intact. */
  clearContent(): EmuRange {
    this.charge('clearContent');
    this.guard();
    this.wb.clear(this.sheetId, this.rect, { content: true });
    return this;
  }
  /**
   * Clears contents, formats and data validation rules. The Range.clear() reference says "Clears
   * the range of contents and formats."; its older wording and RangeList.clear() say "contents,
   * formats, and data validation rules", and clear(options) notes that "clearing format also
   * clears data validation rules". Notes are kept.
   */
  clear(): EmuRange {
    this.charge('clear');
    this.guard();
    this.wb.clear(this.sheetId, this.rect, { content: true, format: true, validation: true });
    return this;
  }
  clearFormat(): EmuRange {
    this.charge('clearFormat');
    this.guard();
    this.wb.clear(this.sheetId, this.rect, { format: true });
    return this;
  }
  clearNote(): EmuRange {
    this.charge('clearNote');
    this.guard();
    this.wb.clear(this.sheetId, this.rect, { note: true });
    return this;
  }

  // ---------- notes and styles ----------

  setNote(note: string | null): EmuRange {
    this.charge('setNote');
    this.guard();
    this.wb.setAttr(this.sheetId, 'note', this.rect, note === null || note === '' ? undefined : String(note));
    return this;
  }
  getNote(): string {
    this.charge('getNote');
    return this.attr('note', this.rect.row, this.rect.col) ?? '';
  }
  private style(method: string, patch: CellStyle): EmuRange {
    this.charge(method);
    this.guard();
    this.wb.updateAttr(this.sheetId, 'style', this.rect, (old) => ({ ...old, ...patch }));
    return this;
  }
  /** Applies a grid of style patches (one per cell). */
  private styleGrid(patches: CellStyle[][]): void {
    const styles = patches.map((line, i) =>
      line.map((patch, j) => ({ ...this.attr('style', this.rect.row + i, this.rect.col + j), ...patch })),
    );
    this.wb.setAttrGrid(this.sheetId, 'style', this.rect, styles);
  }
  setFontWeight(fontWeight: string | null): EmuRange {
    return this.style('setFontWeight', { fontWeight: fontWeight ?? 'normal' });
  }
  setFontWeights(fontWeights: (string | null)[][]): EmuRange {
    this.charge('setFontWeights', this.size);
    this.guard();
    const grid = this.checkGrid('setFontWeights', fontWeights);
    this.styleGrid(grid.map((row) => row.map((w) => ({ fontWeight: (w as string | null) ?? 'normal' }))));
    return this;
  }
  getFontWeight(): string {
    this.charge('getFontWeight');
    return this.attr('style', this.rect.row, this.rect.col)?.fontWeight ?? 'normal';
  }
  setFontColor(color: string | null): EmuRange {
    return this.style('setFontColor', { fontColor: color ?? '#000000' });
  }
  setBackground(color: string | null): EmuRange {
    return this.style('setBackground', { background: color ?? '#ffffff' });
  }
  setBackgrounds(colors: (string | null)[][]): EmuRange {
    this.charge('setBackgrounds', this.size);
    this.guard();
    const grid = this.checkGrid('setBackgrounds', colors);
    this.styleGrid(grid.map((row) => row.map((c) => ({ background: (c as string | null) ?? '#ffffff' }))));
    return this;
  }
  getBackground(): string {
    this.charge('getBackground');
    return this.attr('style', this.rect.row, this.rect.col)?.background ?? '#ffffff';
  }
  setWrap(isWrapEnabled: boolean): EmuRange {
    return this.style('setWrap', { wrap: !!isWrapEnabled });
  }
  setHorizontalAlignment(alignment: string | null): EmuRange {
    return this.style('setHorizontalAlignment', { horizontalAlignment: alignment ?? 'general' });
  }

  // ---------- protection, selection ----------

  protect(): EmuProtection {
    this.charge('protect');
    const state = {
      id: this.wb.nextId(),
      type: 'RANGE' as const,
      sheetId: this.sheetId,
      rect: { ...this.rect },
      description: '',
      warningOnly: false,
      editors: initialEditors(this.ctx),
      domainEdit: true,
      unprotected: [],
    };
    this.wb.state.protections.push(state);
    return new EmuProtection(this.ctx, state.id);
  }
  activate(): EmuRange {
    this.charge('activate');
    this.wb.state.activeSheetId = this.sheetId;
    this.wb.state.selection = { sheetId: this.sheetId, rect: { ...this.rect } };
    return this;
  }

  // ---------- developer metadata ----------

  /** Whole columns or whole rows of the sheet, or null for an arbitrary range. */
  private metadataAxis(): 'ROW' | 'COLUMN' | null {
    const sheet = this.wb.sheet(this.sheetId);
    if (this.rect.row === 1 && this.rect.numRows === sheet.maxRows) return 'COLUMN';
    if (this.rect.col === 1 && this.rect.numCols === sheet.maxCols) return 'ROW';
    return null;
  }

  /** addDeveloperMetadata(key[, value][, visibility]) on an entire row or column only. */
  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | EmuEnumValue,
    visibility?: EmuEnumValue,
  ): EmuRange {
    this.charge('addDeveloperMetadata');
    requireString('Range.addDeveloperMetadata', key);
    const axis = this.metadataAxis();
    if (!axis) fail(MSG.metadataArbitraryRange);
    const count = axis === 'COLUMN' ? this.rect.numCols : this.rect.numRows;
    if (count !== 1) fail(MSG.metadataArbitraryRange);
    const { value, vis } = metadataArgs(valueOrVisibility, visibility);
    const index = axis === 'COLUMN' ? this.rect.col : this.rect.row;
    this.wb.state.metadata.push({
      id: this.wb.nextId(),
      key,
      value,
      visibility: vis,
      location: { type: axis, sheetId: this.sheetId, index },
    });
    return this;
  }
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    this.charge('getDeveloperMetadata');
    const axis = this.metadataAxis();
    if (!axis) return [];
    const lo = axis === 'COLUMN' ? this.rect.col : this.rect.row;
    const hi = lo + (axis === 'COLUMN' ? this.rect.numCols : this.rect.numRows) - 1;
    return this.wb.state.metadata
      .filter(
        (m) =>
          m.location.type === axis &&
          m.location.sheetId === this.sheetId &&
          m.location.index >= lo &&
          m.location.index <= hi,
      )
      .map((m) => new EmuDeveloperMetadata(this.ctx, m.id));
  }
}

/** Sorts out addDeveloperMetadata's overloads (key, value?, visibility?). */
export function metadataArgs(
  valueOrVisibility: string | EmuEnumValue | undefined,
  visibility: EmuEnumValue | undefined,
): { value: string | null; vis: MetadataState['visibility'] } {
  if (valueOrVisibility instanceof EmuEnumValue) {
    return { value: null, vis: valueOrVisibility.name() as MetadataState['visibility'] };
  }
  if (valueOrVisibility !== undefined && typeof valueOrVisibility !== 'string') {
    fail(MSG.badSignature(`String,${describeType(valueOrVisibility)}`, 'Range.addDeveloperMetadata'));
  }
  return {
    value: valueOrVisibility ?? null,
    vis: (visibility?.name() ?? 'DOCUMENT') as MetadataState['visibility'],
  };
}
