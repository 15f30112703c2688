/**
 * EmuSpreadsheetApp: the SpreadsheetApp global — the active spreadsheet, flush, builders and
 * enums — plus the emulator's own helpers (leading underscore, never charged): snapshot/restore,
 * typing like a user, moving columns like a user, and reading values without a round trip.
 */
import type { Runtime } from '../runtime';
import { parseA1, resolveA1, rectToA1 } from './a1';
import { type ConditionalFormatAt, EmuConditionalFormatRuleBuilder, formatAt } from './conditional-format';
import { type Ctx, charge } from './context';
import { EmuDataValidationBuilder, passesValidation } from './data-validation';
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  Direction,
  WrapStrategy,
} from './enums';
import { fail, MSG } from './errors';
import { upgradeSpreadsheetV1 } from './layers';
import type { SpreadsheetState, ToastRecord } from './model';
import { canUserEdit, OWNER_EMAIL } from './protection';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';
import { EmuSpreadsheet } from './spreadsheet';
import { parseInput } from './values';
import { Workbook } from './workbook';

/** Options of the emulated SpreadsheetApp. */
export interface SpreadsheetAppOptions {
  /** What getUi() returns (built elsewhere). */
  ui: unknown;
  /** Locale of new spreadsheets (default fr_FR). */
  locale?: string;
  /** Time zone of new spreadsheets (default Europe/Paris). */
  timeZone?: string;
  /** Name of the active spreadsheet (default "Pilote"). */
  name?: string;
  /** The e-mail the script runs as (Session's effective user); protections are checked against it. */
  effectiveUser?: () => string;
}

/**
 * What {@link EmuSpreadsheetApp._snapshot} returns: plain JSON. Version 2 keeps number formats,
 * validations, styles and notes in each sheet's `layers` (runs of rows per column) and adds
 * `hiddenRows` and `rowHeights`; version 1 kept them on each cell and is still restored.
 */
export interface SpreadsheetAppSnapshot {
  version: 2;
  activeId: string;
  spreadsheets: SpreadsheetState[];
}

/** A version 1 snapshot: attributes stored on every cell. */
export interface SpreadsheetAppSnapshotV1 {
  version: 1;
  activeId: string;
  spreadsheets: unknown[];
}

/** Options of a user edit. */
export interface UserEditOptions {
  /** E-mail of the user typing; the owner (default) may edit protected cells. */
  as?: string;
}

/** The SpreadsheetApp global. */
export class EmuSpreadsheetApp {
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly ProtectionType = ProtectionType;
  readonly Direction = Direction;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;

  private books = new Map<string, Ctx>();
  private activeId: string;
  private created = 0;

  constructor(
    private readonly runtime: Runtime,
    private readonly options: SpreadsheetAppOptions,
  ) {
    this.activeId = this.newBook(options.name ?? 'Pilote').wb.state.id;
  }

  private newBook(name: string): Ctx {
    this.created += 1;
    const locale = this.options.locale ?? 'fr_FR';
    const id = `emu-spreadsheet-${this.created}`;
    const first = locale.startsWith('fr') ? 'Feuille 1' : 'Sheet1';
    const state = Workbook.newState(id, name, locale, this.options.timeZone ?? 'Europe/Paris', first);
    return this.adopt(state);
  }

  private adopt(state: SpreadsheetState): Ctx {
    const ctx: Ctx = {
      runtime: this.runtime,
      wb: new Workbook(state, () => this.runtime.clock.now()),
      user: this.options.effectiveUser,
    };
    this.books.set(state.id, ctx);
    return ctx;
  }

  private active(): Ctx {
    const ctx = this.books.get(this.activeId);
    if (!ctx) throw new Error('emulator: no active spreadsheet');
    return ctx;
  }

  // ---------- Google API ----------

  /** Resolved locally by Apps Script for a container-bound script: not charged. */
  getActiveSpreadsheet(): EmuSpreadsheet {
    return new EmuSpreadsheet(this.active());
  }
  getActive(): EmuSpreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): EmuSheet {
    return this.getActiveSpreadsheet().getActiveSheet();
  }
  getActiveRange(): EmuRange | null {
    return this.getActiveSpreadsheet().getActiveRange();
  }
  /** create(name[, rows, columns]): a new spreadsheet, not active. */
  create(name: string, rows?: number, columns?: number): EmuSpreadsheet {
    charge(this.active(), 'SpreadsheetApp', 'create');
    const ctx = this.newBook(String(name));
    if (rows !== undefined || columns !== undefined) {
      const sheet = ctx.wb.state.sheets[0];
      sheet.maxRows = rows ?? sheet.maxRows;
      sheet.maxCols = columns ?? sheet.maxCols;
    }
    return new EmuSpreadsheet(ctx);
  }
  openById(id: string): EmuSpreadsheet {
    charge(this.active(), 'SpreadsheetApp', 'openById');
    const ctx = this.books.get(id);
    // Unverified wording.
    if (!ctx)
      fail(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return new EmuSpreadsheet(ctx);
  }
  flush(): void {
    this.runtime.charge('SpreadsheetApp', 'flush', 'flush');
  }
  getUi(): unknown {
    return this.options.ui;
  }
  newDataValidation(): EmuDataValidationBuilder {
    const ctx = this.active();
    return new EmuDataValidationBuilder((r) => ctx.wb.qualifiedA1(r.sheetId, r.rect));
  }
  newConditionalFormatRule(): EmuConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder(this.active());
  }

  // ---------- emulator helpers (not Google API, never charged) ----------

  /** The whole state as JSON-serialisable data. */
  _snapshot(): SpreadsheetAppSnapshot {
    return structuredClone({
      version: 2 as const,
      activeId: this.activeId,
      spreadsheets: [...this.books.values()].map((c) => c.wb.state),
    });
  }

  /** Replaces the whole state with a snapshot (formulas are re-evaluated). */
  _restore(snapshot: SpreadsheetAppSnapshot | SpreadsheetAppSnapshotV1): void {
    let spreadsheets: SpreadsheetState[];
    if (snapshot.version === 1) spreadsheets = snapshot.spreadsheets.map(upgradeSpreadsheetV1);
    else if (snapshot.version === 2) spreadsheets = structuredClone(snapshot.spreadsheets);
    else
      throw new Error(
        `emulator: unknown snapshot version ${String((snapshot as { version: unknown }).version)}`,
      );
    for (const c of this.books.values()) c.wb.engine.destroy();
    this.books = new Map();
    for (const s of spreadsheets) this.adopt(s);
    this.activeId = snapshot.activeId;
    this.created = snapshot.spreadsheets.length;
  }

  /** The active spreadsheet's workbook (for the playground and tests). */
  _workbook(): Workbook {
    return this.active().wb;
  }

  /** Toasts shown so far in the active spreadsheet. */
  _toasts(): ToastRecord[] {
    return structuredClone(this.active().wb.state.toasts);
  }

  private locate(
    sheetName: string,
    a1: string,
  ): { ctx: Ctx; sheetId: number; rect: ReturnType<typeof resolveA1> } {
    const ctx = this.active();
    const sheet = ctx.wb.sheetByName(sheetName);
    if (!sheet) throw new Error(`emulator: no sheet named ${sheetName}`);
    const rect = resolveA1(parseA1(a1), sheet.maxRows, sheet.maxCols);
    if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols)
      fail(MSG.outsideSheet);
    return { ctx, sheetId: sheet.id, rect };
  }

  private grid<T>(
    sheetName: string,
    a1: string,
    fn: (ctx: Ctx, sheetId: number, r: number, c: number) => T,
  ): T[][] {
    const { ctx, sheetId, rect } = this.locate(sheetName, a1);
    const out: T[][] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const line: T[] = [];
      for (let j = 0; j < rect.numCols; j++) line.push(fn(ctx, sheetId, rect.row + i, rect.col + j));
      out.push(line);
    }
    return out;
  }

  /** getValues without a round trip. */
  _peekValues(sheetName: string, a1: string): (number | string | boolean | Date)[][] {
    return this.grid(sheetName, a1, (ctx, id, r, c) => ctx.wb.jsValue(id, r, c));
  }
  /** getDisplayValues without a round trip. */
  _peekDisplayValues(sheetName: string, a1: string): string[][] {
    return this.grid(sheetName, a1, (ctx, id, r, c) => ctx.wb.displayValue(id, r, c));
  }
  /** getFormulas without a round trip. */
  _peekFormulas(sheetName: string, a1: string): string[][] {
    return this.grid(sheetName, a1, (ctx, id, r, c) => ctx.wb.formula(id, r, c));
  }

  /**
   * Types `raw` into each cell of `a1` as a user would: locale parsing, protections (for
   * `as` other than the owner) and data validation rules that reject invalid input.
   */
  _userEdit(sheetName: string, a1: string, raw: string, options: UserEditOptions = {}): void {
    const { ctx, sheetId, rect } = this.locate(sheetName, a1);
    const who = options.as ?? OWNER_EMAIL;
    if (raw.length > 50_000) fail(MSG.cellTooLong);
    const parsed = parseInput(raw, ctx.wb.state.locale);
    const sheet = ctx.wb.sheet(sheetId);
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        if (!canUserEdit(ctx, sheetId, r, c, who)) fail(MSG.protectedCell);
        const rule = ctx.wb.attr(sheet, 'validation', r, c);
        const value = parsed.kind === 'value' ? parsed.value : null;
        if (rule && !rule.allowInvalid && parsed.kind !== 'formula' && !passesValidation(ctx, rule, value)) {
          fail(MSG.invalidInput(rectToA1({ row: r, col: c, numRows: 1, numCols: 1 })));
        }
      }
    }
    const grid = Array.from({ length: rect.numRows }, () =>
      Array.from({ length: rect.numCols }, () => parsed),
    );
    ctx.wb.write(sheetId, rect, grid);
  }

  /** Renames a header like a user: types `text` into row `headerRow` of column `col`. */
  _userRenameHeader(sheetName: string, col: number, text: string, headerRow = 1): void {
    const a1 = rectToA1({ row: headerRow, col, numRows: 1, numCols: 1 });
    this._userEdit(sheetName, a1, text.startsWith("'") ? text : `'${text}`);
  }

  /** Drags column `from` to position `to` (1-based), moving formulas and column metadata. */
  _userMoveColumn(sheetName: string, from: number, to: number): void {
    const { ctx, sheetId } = this.locate(sheetName, 'A1');
    ctx.wb.moveColumn(sheetId, from, to);
  }

  /** Inserts `count` empty columns before column `before`, as the column menu does. */
  _userInsertColumn(sheetName: string, before: number, count = 1): void {
    const { ctx, sheetId } = this.locate(sheetName, 'A1');
    const sheet = ctx.wb.sheet(sheetId);
    if (before < 1 || before > sheet.maxCols + 1) fail(MSG.colsOutOfBounds);
    ctx.wb.insertColumns(sheetId, before, count);
  }

  /** Deletes rows as a user would. */
  _userDeleteRows(sheetName: string, row: number, count = 1): void {
    const { ctx, sheetId } = this.locate(sheetName, 'A1');
    ctx.wb.deleteRows(sheetId, row, count);
  }

  /**
   * What the conditional formats of `sheetName` paint on the cell `a1` (its first cell): the
   * first rule, in the sheet's order, whose condition holds there, or null (conditional-format.ts).
   */
  _formatAt(sheetName: string, a1: string): ConditionalFormatAt | null {
    const { ctx, sheetId, rect } = this.locate(sheetName, a1);
    return formatAt(ctx.wb, sheetId, rect.row, rect.col);
  }

  /** Selects a range (and its sheet) as a user would. */
  _userSelect(sheetName: string, a1: string): void {
    const { ctx, sheetId, rect } = this.locate(sheetName, a1);
    ctx.wb.state.activeSheetId = sheetId;
    ctx.wb.state.selection = { sheetId, rect };
  }
}
