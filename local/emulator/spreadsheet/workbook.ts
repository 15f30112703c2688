/**
 * The workbook core: one spreadsheet's state plus its formula engine, and every operation that
 * changes them (cell writes, structural changes that move formulas, metadata, protections,
 * named ranges, rules and charts together, as Sheets moves them). The Emu* classes only check
 * arguments, charge calls and delegate here.
 */
import { quoteSheetName, type Rect, rectToA1 } from './a1';
import { FormulaEngine } from './engine';
import { fail, MSG } from './errors';
import {
  columnRuns,
  deleteSheetRows,
  eachColumn,
  eachLayer,
  insertSheetRows,
  type LayerName,
  layerAt,
  setRows,
  setRowValues,
  trimLayers,
  updateRows,
} from './layers';
import { localeInfo } from './locale';
import {
  type CellState,
  type ColumnLayer,
  hasContent,
  type Literal,
  MAX_CELL_CHARS,
  MAX_CELLS,
  newSheetState,
  type SheetLayers,
  type SheetState,
  type SpreadsheetState,
} from './model';
import { AUTOMATIC_FORMAT, formatNumber, isDateFormat } from './number-format';
import { type Parsed, toJs } from './values';

/** A computed cell, ready for getValues/getDisplayValues. */
export interface CellView {
  value: Literal | null;
  error: boolean;
  /** Explicit format, or the automatic format a formula result gets (dates). */
  format: string | undefined;
}

type Axis = 'row' | 'col';

/** The value type stored in layer `K`. */
export type LayerValue<K extends LayerName> = SheetLayers[K] extends ColumnLayer<infer T> ? T : never;

/** Maps an index through an insertion/deletion/move along one axis; null when deleted. */
type IndexMap = (index: number) => number | null;

function mapRect(rect: Rect, axis: Axis, map: IndexMap): Rect | null {
  const start = axis === 'row' ? rect.row : rect.col;
  const count = axis === 'row' ? rect.numRows : rect.numCols;
  const kept: number[] = [];
  for (let i = start; i < start + count; i++) {
    const m = map(i);
    if (m !== null) kept.push(m);
  }
  if (kept.length === 0) return null;
  const lo = Math.min(...kept);
  const hi = Math.max(...kept);
  // An insertion strictly inside the rectangle widens it (hi - lo + 1 > kept.length).
  return axis === 'row'
    ? { ...rect, row: lo, numRows: hi - lo + 1 }
    : { ...rect, col: lo, numCols: hi - lo + 1 };
}

/** One spreadsheet: state + engine + the operations Sheets performs on them. */
export class Workbook {
  readonly engine: FormulaEngine;

  constructor(
    readonly state: SpreadsheetState,
    now: () => number,
  ) {
    this.engine = new FormulaEngine(now, state.timeZone, (engine) => {
      for (const sheet of this.state.sheets) engine.addSheet(sheet.id, sheet.name);
      for (const nr of this.state.namedRanges)
        engine.setName(nr.name, this.rangeExpression(nr.sheetId, nr.rect));
      for (const sheet of this.state.sheets) {
        const cells: { row: number; col: number; content: Literal | null; formula?: string }[] = [];
        this.forEachCell(sheet, (cell, row, col) => {
          if (cell.formula !== undefined) cells.push({ row, col, content: null, formula: cell.formula });
          else if (cell.value !== undefined) cells.push({ row, col, content: cell.value });
        });
        if (cells.length) engine.setCells(sheet.id, cells);
      }
    });
  }

  /** Creates the state of a new spreadsheet with one sheet. */
  static newState(
    id: string,
    name: string,
    locale: string,
    timeZone: string,
    firstSheet: string,
  ): SpreadsheetState {
    return {
      id,
      name,
      locale,
      timeZone,
      sheets: [newSheetState(0, firstSheet)],
      namedRanges: [],
      metadata: [],
      protections: [],
      activeSheetId: 0,
      selection: null,
      toasts: [],
      nextId: 1,
    };
  }

  nextId(): number {
    const id = this.state.nextId;
    this.state.nextId += 1;
    return id;
  }

  // ---------- sheets ----------

  sheet(id: number): SheetState {
    const s = this.state.sheets.find((x) => x.id === id);
    if (!s) fail(MSG.sheetGone);
    return s;
  }

  hasSheet(id: number): boolean {
    return this.state.sheets.some((x) => x.id === id);
  }

  /** Sheet names are unique and compared case-insensitively in Sheets. */
  sheetByName(name: string): SheetState | undefined {
    const lower = String(name).toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  totalCells(): number {
    return this.state.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  private checkCellLimit(extra: number): void {
    if (this.totalCells() + extra > MAX_CELLS) fail(MSG.tooManyCells);
  }

  insertSheet(name: string, index: number, rows?: number, cols?: number): SheetState {
    if (this.sheetByName(name)) fail(MSG.duplicateSheet(name));
    const sheet = newSheetState(this.nextId(), name, rows, cols);
    this.checkCellLimit(sheet.maxRows * sheet.maxCols);
    this.state.sheets.splice(Math.max(0, Math.min(index, this.state.sheets.length)), 0, sheet);
    this.engine.addSheet(sheet.id, name);
    return sheet;
  }

  defaultSheetName(): string {
    let n = this.state.sheets.length + 1;
    while (this.sheetByName(`Sheet${n}`)) n += 1;
    return `Sheet${n}`;
  }

  deleteSheet(id: number): void {
    if (this.state.sheets.length <= 1) fail(MSG.deleteAllSheets);
    this.sheet(id);
    this.engine.removeSheet(id);
    this.state.sheets = this.state.sheets.filter((s) => s.id !== id);
    this.state.metadata = this.state.metadata.filter(
      (m) => !('sheetId' in m.location) || m.location.sheetId !== id,
    );
    this.state.protections = this.state.protections.filter((p) => p.sheetId !== id);
    for (const nr of this.state.namedRanges.filter((n) => n.sheetId === id)) this.engine.removeName(nr.name);
    this.state.namedRanges = this.state.namedRanges.filter((n) => n.sheetId !== id);
    if (this.state.activeSheetId === id) this.state.activeSheetId = this.state.sheets[0].id;
    if (this.state.selection?.sheetId === id) this.state.selection = null;
    this.syncFormulas();
  }

  renameSheet(id: number, name: string): void {
    const other = this.sheetByName(name);
    if (other && other.id !== id) fail(MSG.duplicateSheet(name));
    this.engine.renameSheet(id, name);
    this.sheet(id).name = name;
    this.syncFormulas();
  }

  // ---------- cells ----------

  cell(sheet: SheetState, row: number, col: number): CellState | undefined {
    return sheet.rows[row - 1]?.[col - 1] ?? undefined;
  }

  ensureCell(sheet: SheetState, row: number, col: number): CellState {
    let r = sheet.rows[row - 1];
    if (!r) {
      r = [];
      sheet.rows[row - 1] = r;
    }
    let c = r[col - 1];
    if (!c) {
      c = {};
      r[col - 1] = c;
    }
    return c;
  }

  forEachCell(sheet: SheetState, fn: (cell: CellState, row: number, col: number) => void): void {
    sheet.rows.forEach((r, ri) => {
      r?.forEach((c, ci) => {
        if (c) fn(c, ri + 1, ci + 1);
      });
    });
  }

  /** Writes parsed contents into a rectangle (row-major `parsed`), then updates the engine once. */
  write(sheetId: number, rect: Rect, parsed: Parsed[][]): void {
    const sheet = this.sheet(sheetId);
    const updates: { row: number; col: number; content: Literal | null; formula?: string }[] = [];
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numCols; j++) {
        const p = parsed[i][j];
        if (p.kind === 'formula' && p.text.length > MAX_CELL_CHARS) fail(MSG.cellTooLong);
      }
    }
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numCols; j++) {
        const p = parsed[i][j];
        const row = rect.row + i;
        const col = rect.col + j;
        if (p.kind === 'empty') {
          const cell = this.cell(sheet, row, col);
          if (cell) {
            delete cell.value;
            delete cell.formula;
          }
          updates.push({ row, col, content: null });
          continue;
        }
        const cell = this.ensureCell(sheet, row, col);
        if (p.kind === 'formula') {
          delete cell.value;
          cell.formula = p.text;
          updates.push({ row, col, content: null, formula: p.text });
        } else {
          delete cell.formula;
          cell.value = p.value;
          updates.push({ row, col, content: p.value });
        }
      }
    }
    // Typed dates, percents and currencies give an automatic cell its format, column by column.
    const formats = sheet.layers.numberFormat;
    for (let j = 0; j < rect.numCols; j++) {
      const col = rect.col + j;
      let values: (string | undefined)[] | null = null;
      for (let i = 0; i < rect.numRows; i++) {
        const p = parsed[i][j];
        if (p.kind !== 'value' || !p.format) continue;
        const current = layerAt(formats, rect.row + i, col);
        if (current !== undefined && current !== AUTOMATIC_FORMAT) continue;
        if (!values)
          values = Array.from({ length: rect.numRows }, (_, k) => layerAt(formats, rect.row + k, col));
        values[i] = p.format;
      }
      if (values) setRowValues(columnRuns(formats, col), rect.row, values);
    }
    this.engine.setCells(sheetId, updates);
    this.syncFormulas(sheetId, updates);
  }

  // ---------- formats, validations, styles, notes (range layers) ----------

  /** A cell's value in one layer (undefined = default). */
  attr<K extends LayerName>(sheet: SheetState, name: K, row: number, col: number) {
    return layerAt(sheet.layers[name] as ColumnLayer<LayerValue<K>>, row, col);
  }

  /** Sets one value (undefined clears) on every cell of a rectangle. */
  setAttr<K extends LayerName>(sheetId: number, name: K, rect: Rect, value: LayerValue<K> | undefined): void {
    const layer = this.sheet(sheetId).layers[name] as ColumnLayer<LayerValue<K>>;
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      if (value === undefined && !layer[c - 1]) continue;
      setRows(columnRuns(layer, c), rect.row, rect.row + rect.numRows - 1, value);
    }
  }

  /** Sets a grid of values (row-major, undefined clears); identical rows cost one run per column. */
  setAttrGrid<K extends LayerName>(
    sheetId: number,
    name: K,
    rect: Rect,
    grid: (LayerValue<K> | undefined)[][],
  ): void {
    const layer = this.sheet(sheetId).layers[name] as ColumnLayer<LayerValue<K>>;
    for (let j = 0; j < rect.numCols; j++) {
      const column = grid.map((line) => line[j]);
      if (!layer[rect.col + j - 1] && column.every((v) => v === undefined)) continue;
      setRowValues(columnRuns(layer, rect.col + j), rect.row, column);
    }
  }

  /** Rewrites every cell of a rectangle (set or not) through `fn`. */
  updateAttr<K extends LayerName>(
    sheetId: number,
    name: K,
    rect: Rect,
    fn: (old: LayerValue<K> | undefined) => LayerValue<K> | undefined,
  ): void {
    const layer = this.sheet(sheetId).layers[name] as ColumnLayer<LayerValue<K>>;
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      updateRows(columnRuns(layer, c), rect.row, rect.row + rect.numRows - 1, fn);
    }
  }

  /** Refreshes stored formula texts from the engine (after it normalised or moved them). */
  syncFormulas(onlySheet?: number, only?: { row: number; col: number }[]): void {
    if (onlySheet !== undefined && only) {
      const sheet = this.sheet(onlySheet);
      for (const u of only) {
        const cell = this.cell(sheet, u.row, u.col);
        if (cell?.formula !== undefined)
          cell.formula = this.engine.formula(onlySheet, u.row, u.col) ?? cell.formula;
      }
      return;
    }
    for (const sheet of this.state.sheets) {
      this.forEachCell(sheet, (cell, row, col) => {
        if (cell.formula !== undefined)
          cell.formula = this.engine.formula(sheet.id, row, col) ?? cell.formula;
      });
    }
  }

  /** The computed value of a cell and the format it is shown with. */
  view(sheetId: number, row: number, col: number): CellView {
    const sheet = this.sheet(sheetId);
    const cell = this.cell(sheet, row, col);
    let format = layerAt(sheet.layers.numberFormat, row, col);
    if (!cell || (cell.formula === undefined && cell.value === undefined)) {
      return { value: null, error: false, format };
    }
    // A typed value is what the engine would return for it: no need to build the engine.
    if (cell.formula === undefined) return { value: cell.value ?? null, error: false, format };
    const c = this.engine.value(sheetId, row, col);
    if (cell.formula !== undefined && (format === undefined || format === AUTOMATIC_FORMAT)) {
      // Sheets formats formula results automatically: DATE()/TODAY() show as dates.
      const loc = localeInfo(this.state.locale);
      if (c.detailedType === 'NUMBER_DATE') format = loc.dateFormat;
      else if (c.detailedType === 'NUMBER_DATETIME') format = loc.dateTimeFormat;
      else if (c.detailedType === 'NUMBER_TIME') format = loc.timeFormat;
    }
    return { value: c.value, error: c.error, format };
  }

  /** getValues semantics for one cell. */
  jsValue(sheetId: number, row: number, col: number): number | string | boolean | Date {
    const v = this.view(sheetId, row, col);
    if (v.error) return v.value as string;
    return toJs(v.value, v.format, this.state.timeZone);
  }

  /** getDisplayValues semantics for one cell. */
  displayValue(sheetId: number, row: number, col: number): string {
    const v = this.view(sheetId, row, col);
    if (v.value === null) return '';
    if (v.error) return String(v.value);
    const loc = localeInfo(this.state.locale);
    if (typeof v.value === 'boolean') return v.value ? loc.trueWord : loc.falseWord;
    if (typeof v.value === 'number') return formatNumber(v.value, v.format, loc);
    return v.value;
  }

  /** getFormulas semantics for one cell ('' when no formula). */
  formula(sheetId: number, row: number, col: number): string {
    return this.cell(this.sheet(sheetId), row, col)?.formula ?? '';
  }

  /** Clears parts of the cells of a rectangle. */
  clear(
    sheetId: number,
    rect: Rect,
    what: { content?: boolean; format?: boolean; validation?: boolean; note?: boolean },
  ): void {
    const sheet = this.sheet(sheetId);
    const updates: { row: number; col: number; content: null }[] = [];
    const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
    for (let r = rect.row; what.content && r <= lastRow; r++) {
      const rowCells = sheet.rows[r - 1];
      if (!rowCells) continue;
      for (let c = rect.col; c < rect.col + rect.numCols; c++) {
        const cell = rowCells[c - 1];
        if (!cell) continue;
        if (cell.value !== undefined || cell.formula !== undefined) {
          delete cell.value;
          delete cell.formula;
          updates.push({ row: r, col: c, content: null });
        }
      }
    }
    const names: LayerName[] = [];
    if (what.format) names.push('numberFormat', 'style');
    if (what.validation) names.push('validation');
    if (what.note) names.push('note');
    for (const name of names) {
      eachColumn(sheet.layers[name] as ColumnLayer<unknown>, rect.col, rect.numCols, (runs) =>
        setRows(runs, rect.row, rect.row + rect.numRows - 1, undefined),
      );
    }
    if (names.length) trimLayers(sheet);
    if (updates.length) this.engine.setCells(sheetId, updates);
  }

  lastRow(sheet: SheetState): number {
    for (let r = sheet.rows.length; r >= 1; r--) if (sheet.rows[r - 1]?.some((c) => hasContent(c))) return r;
    return 0;
  }

  lastColumn(sheet: SheetState): number {
    let last = 0;
    for (const r of sheet.rows) {
      if (!r) continue;
      for (let c = r.length; c > last; c--) {
        if (hasContent(r[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  // ---------- structure ----------

  /**
   * Inserts `count` rows before row `before` (1-based; before = maxRows + 1 appends). The new
   * rows inherit no format, validation, style, note, height or hiding: the Apps Script reference
   * documents none ("Inserts a number of rows after the given row position"; insertRows: "Inserts
   * one or more consecutive blank rows"). Unverified: the Sheets API's InsertDimensionRequest
   * documents `inheritFromBefore` for dimension properties, and users report rows inserted through
   * the API taking the previous row's formatting (appsmithorg/appsmith#11772).
   */
  insertRows(sheetId: number, before: number, count: number): void {
    const sheet = this.sheet(sheetId);
    this.checkCellLimit(count * sheet.maxCols);
    if (before > sheet.maxRows) {
      // Growing the grid at its end moves nothing: no cell, layer, reference or anchor lies there.
      sheet.maxRows += count;
      return;
    }
    this.engine.ensureBuilt();
    if (before <= sheet.rows.length) sheet.rows.splice(before - 1, 0, ...new Array(count).fill(null));
    insertSheetRows(sheet, before, count);
    sheet.maxRows += count;
    this.engine.addRows(sheetId, before, count);
    this.moveAnchors(sheetId, 'row', (i) => (i >= before ? i + count : i));
  }

  deleteRows(sheetId: number, row: number, count: number): void {
    const sheet = this.sheet(sheetId);
    if (row < 1 || count < 1 || row + count - 1 > sheet.maxRows) fail(MSG.rowsOutOfBounds);
    if (count >= sheet.maxRows) fail(MSG.deleteAllRows);
    this.engine.ensureBuilt();
    sheet.rows.splice(row - 1, count);
    deleteSheetRows(sheet, row, count);
    sheet.maxRows -= count;
    this.engine.removeRows(sheetId, row, count);
    this.moveAnchors(sheetId, 'row', (i) => (i < row ? i : i < row + count ? null : i - count));
  }

  insertColumns(sheetId: number, before: number, count: number): void {
    const sheet = this.sheet(sheetId);
    this.checkCellLimit(count * sheet.maxRows);
    this.engine.ensureBuilt();
    for (const r of sheet.rows)
      if (r && before <= r.length) r.splice(before - 1, 0, ...new Array(count).fill(null));
    const perColumn: unknown[][] = [sheet.columnWidths, sheet.hiddenColumns];
    eachLayer(sheet, (layer) => perColumn.push(layer));
    for (const arr of perColumn) {
      if (before <= arr.length) arr.splice(before - 1, 0, ...new Array(count).fill(null));
    }
    sheet.maxCols += count;
    this.engine.addColumns(sheetId, before, count);
    this.moveAnchors(sheetId, 'col', (i) => (i >= before ? i + count : i));
  }

  deleteColumns(sheetId: number, col: number, count: number): void {
    const sheet = this.sheet(sheetId);
    if (col < 1 || count < 1 || col + count - 1 > sheet.maxCols) fail(MSG.colsOutOfBounds);
    this.engine.ensureBuilt();
    for (const r of sheet.rows) r?.splice(col - 1, count);
    sheet.columnWidths.splice(col - 1, count);
    sheet.hiddenColumns.splice(col - 1, count);
    eachLayer(sheet, (layer) => layer.splice(col - 1, count));
    trimLayers(sheet);
    sheet.maxCols -= count;
    this.engine.removeColumns(sheetId, col, count);
    this.moveAnchors(sheetId, 'col', (i) => (i < col ? i : i < col + count ? null : i - count));
  }

  /** Moves column `from` so that it ends up at index `to` (what a user's drag does). */
  moveColumn(sheetId: number, from: number, to: number): void {
    const sheet = this.sheet(sheetId);
    if (from < 1 || to < 1 || from > sheet.maxCols || to > sheet.maxCols) fail(MSG.colsOutOfBounds);
    if (from === to) return;
    this.engine.ensureBuilt();
    const move = <T>(arr: T[]) => {
      while (arr.length < Math.max(from, to)) arr.push(null as T);
      const [x] = arr.splice(from - 1, 1);
      arr.splice(to - 1, 0, x);
    };
    for (const r of sheet.rows) if (r) move(r);
    move(sheet.columnWidths);
    move(sheet.hiddenColumns);
    eachLayer(sheet, (layer) => {
      if (layer.length > 0) move(layer);
    });
    trimLayers(sheet);
    this.engine.moveColumns(sheetId, from, 1, from < to ? to + 1 : to);
    this.moveAnchors(sheetId, 'col', (i) => {
      if (i === from) return to;
      if (from < to && i > from && i <= to) return i - 1;
      if (from > to && i >= to && i < from) return i + 1;
      return i;
    });
  }

  /** Moves everything anchored to rows or columns of a sheet, then refreshes formula texts. */
  private moveAnchors(sheetId: number, axis: Axis, map: IndexMap): void {
    const s = this.state;
    const rowType = axis === 'row' ? 'ROW' : 'COLUMN';
    s.metadata = s.metadata.filter((m) => {
      if (m.location.type !== rowType || m.location.sheetId !== sheetId) return true;
      const next = map(m.location.index);
      if (next === null) return false;
      m.location.index = next;
      return true;
    });
    s.protections = s.protections.filter((p) => {
      if (p.sheetId !== sheetId) return true;
      p.unprotected = p.unprotected.map((r) => mapRect(r, axis, map)).filter((r): r is Rect => r !== null);
      if (!p.rect) return true;
      const next = mapRect(p.rect, axis, map);
      if (!next) return false;
      p.rect = next;
      return true;
    });
    for (const nr of s.namedRanges) {
      if (nr.sheetId !== sheetId) continue;
      const next = mapRect(nr.rect, axis, map);
      // Sheets keeps a named range whose cells were all deleted as #REF!; we drop it from the engine too.
      if (next) {
        nr.rect = next;
        this.engine.setName(nr.name, this.rangeExpression(sheetId, next));
      }
    }
    const sheet = this.sheet(sheetId);
    for (const rule of sheet.conditionalRules) {
      rule.ranges = rule.ranges.map((r) => mapRect(r, axis, map)).filter((r): r is Rect => r !== null);
    }
    for (const chart of sheet.charts) {
      chart.ranges = chart.ranges.map((r) => mapRect(r, axis, map)).filter((r): r is Rect => r !== null);
    }
    if (s.selection?.sheetId === sheetId) {
      const next = mapRect(s.selection.rect, axis, map);
      s.selection = next ? { sheetId, rect: next } : null;
    }
    this.syncFormulas();
  }

  // ---------- names ----------

  /** `='Sheet'!$A$1:$B$2` for the engine's named expressions. */
  rangeExpression(sheetId: number, rect: Rect): string {
    const abs = rectToA1(rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return `=${quoteSheetName(this.sheet(sheetId).name)}!${abs}`;
  }

  /** "'Sheet'!A1:B2", as stored in validation rules. */
  qualifiedA1(sheetId: number, rect: Rect): string {
    return `${quoteSheetName(this.sheet(sheetId).name)}!${rectToA1(rect)}`;
  }

  /** Whether a date-formatted value: used by validation and display. */
  isDateCell(sheetId: number, row: number, col: number): boolean {
    return isDateFormat(this.view(sheetId, row, col).format);
  }
}
