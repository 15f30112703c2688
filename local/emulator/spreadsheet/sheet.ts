/**
 * EmuSheet: SpreadsheetApp's Sheet — ranges, size, structural changes (which move formulas,
 * metadata, protections and names with the cells), frozen rows, column widths and visibility,
 * protections, conditional formats, developer metadata, charts and activation.
 */
import { parseA1, resolveA1 } from './a1';
import { EmuEmbeddedChart, EmuEmbeddedChartBuilder } from './chart';
import { EmuConditionalFormatRule, ruleFormulaProblem } from './conditional-format';
import type { CallVolume } from '../runtime';
import { type Ctx, charge, requireNumbers, requireString } from './context';
import type { EmuEnumValue } from './enums';
import { describeType, fail, MSG } from './errors';
import { runAt, setRows } from './layers';
import { EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import type { SheetState } from './model';
import { EmuProtection, initialEditors, requireScriptMayEdit } from './protection';
import { EmuRange, metadataArgs } from './range';
import { EmuSpreadsheet } from './spreadsheet';
import { fromJs } from './values';

/** One sheet (a live view by sheet id). */
export class EmuSheet {
  constructor(
    private readonly ctx: Ctx,
    readonly id: number,
  ) {}

  private charge(method: string, volume?: CallVolume): void {
    charge(this.ctx, 'Sheet', method, volume);
  }
  private get s(): SheetState {
    return this.ctx.wb.sheet(this.id);
  }

  // ---------- identity ----------

  getName(): string {
    this.charge('getName');
    return this.s.name;
  }
  setName(name: string): EmuSheet {
    this.charge('setName');
    requireString('Sheet.setName', name);
    this.ctx.wb.renameSheet(this.id, name);
    return this;
  }
  getSheetId(): number {
    this.charge('getSheetId');
    return this.s.id;
  }
  /** 1-based position among the sheets. */
  getIndex(): number {
    this.charge('getIndex');
    return this.ctx.wb.state.sheets.findIndex((x) => x.id === this.id) + 1;
  }
  getParent(): EmuSpreadsheet {
    return new EmuSpreadsheet(this.ctx);
  }

  // ---------- ranges ----------

  /** A range without charging or argument checks beyond bounds (used by the emulator itself). */
  _rangeUncharged(row: number, col: number, numRows = 1, numCols = 1): EmuRange {
    const s = this.s;
    if (row < 1) fail(MSG.startRowTooSmall);
    if (col < 1) fail(MSG.startColTooSmall);
    if (numRows < 1) fail(MSG.numRowsTooSmall);
    if (numCols < 1) fail(MSG.numColsTooSmall);
    if (row + numRows - 1 > s.maxRows || col + numCols - 1 > s.maxCols) fail(MSG.outsideSheet);
    return new EmuRange(this.ctx, this.id, { row, col, numRows, numCols });
  }

  /** getRange(a1Notation) | getRange(row, column[, numRows[, numColumns]]) — 1-based. */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): EmuRange {
    if (typeof rowOrA1 === 'string' && column === undefined) {
      const p = parseA1(rowOrA1);
      if (p.sheetName !== undefined && p.sheetName.toLowerCase() !== this.s.name.toLowerCase())
        fail(MSG.rangeNotFound);
      const rect = resolveA1(p, this.s.maxRows, this.s.maxCols);
      const r = this._rangeUncharged(rect.row, rect.col, rect.numRows, rect.numCols);
      return new EmuRange(this.ctx, this.id, r.rect, {
        rows: p.startRow === undefined,
        cols: p.startCol === undefined,
      });
    }
    const args = [
      rowOrA1,
      column,
      ...(numRows === undefined ? [] : [numRows]),
      ...(numColumns === undefined ? [] : [numColumns]),
    ];
    requireNumbers('Sheet.getRange', args);
    return this._rangeUncharged(rowOrA1 as number, column as number, numRows ?? 1, numColumns ?? 1);
  }

  /** A1 to the last row and column with content (A1 alone when empty). */
  getDataRange(): EmuRange {
    this.charge('getDataRange');
    const rows = Math.max(1, this.ctx.wb.lastRow(this.s));
    const cols = Math.max(1, this.ctx.wb.lastColumn(this.s));
    return this._rangeUncharged(1, 1, rows, cols);
  }
  getLastRow(): number {
    this.charge('getLastRow');
    return this.ctx.wb.lastRow(this.s);
  }
  getLastColumn(): number {
    this.charge('getLastColumn');
    return this.ctx.wb.lastColumn(this.s);
  }
  getMaxRows(): number {
    this.charge('getMaxRows');
    return this.s.maxRows;
  }
  getMaxColumns(): number {
    this.charge('getMaxColumns');
    return this.s.maxCols;
  }

  // ---------- rows and columns ----------

  private checkRow(method: string, row: number, allowEnd = false): void {
    requireNumbers(`Sheet.${method}`, [row]);
    if (row < 1 || row > this.s.maxRows + (allowEnd ? 1 : 0)) fail(MSG.rowsOutOfBounds);
  }
  private checkCol(method: string, col: number, allowEnd = false): void {
    requireNumbers(`Sheet.${method}`, [col]);
    if (col < 1 || col > this.s.maxCols + (allowEnd ? 1 : 0)) fail(MSG.colsOutOfBounds);
  }
  /** Protections: the script's user must be allowed to edit these rows (protection.ts). */
  private guardRows(row: number, numRows: number): void {
    requireScriptMayEdit(this.ctx, this.id, { row, col: 1, numRows, numCols: this.s.maxCols });
  }
  /** Protections: the script's user must be allowed to edit these columns (protection.ts). */
  private guardCols(col: number, numCols: number): void {
    requireScriptMayEdit(this.ctx, this.id, { row: 1, col, numRows: this.s.maxRows, numCols });
  }
  private checkCount(method: string, n: number): void {
    requireNumbers(`Sheet.${method}`, [n]);
    if (n < 1) fail(n === 0 ? MSG.numRowsTooSmall : MSG.rowsOutOfBounds);
  }

  insertRowsAfter(afterPosition: number, howMany: number): EmuSheet {
    this.charge('insertRowsAfter');
    this.checkRow('insertRowsAfter', afterPosition);
    this.checkCount('insertRowsAfter', howMany);
    this.guardRows(Math.min(afterPosition, this.s.maxRows), 1);
    this.ctx.wb.insertRows(this.id, afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.charge('insertRowsBefore');
    this.checkRow('insertRowsBefore', beforePosition);
    this.checkCount('insertRowsBefore', howMany);
    this.guardRows(beforePosition, 1);
    this.ctx.wb.insertRows(this.id, beforePosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): EmuSheet {
    this.charge('insertRowAfter');
    this.checkRow('insertRowAfter', afterPosition);
    this.guardRows(Math.min(afterPosition, this.s.maxRows), 1);
    this.ctx.wb.insertRows(this.id, afterPosition + 1, 1);
    return this;
  }
  insertRowBefore(beforePosition: number): EmuSheet {
    this.charge('insertRowBefore');
    this.checkRow('insertRowBefore', beforePosition);
    this.guardRows(beforePosition, 1);
    this.ctx.wb.insertRows(this.id, beforePosition, 1);
    return this;
  }
  /** insertRows(rowIndex[, numRows]): inserts before rowIndex. */
  insertRows(rowIndex: number, numRows = 1): void {
    this.charge('insertRows');
    this.checkRow('insertRows', rowIndex);
    this.checkCount('insertRows', numRows);
    this.guardRows(rowIndex, 1);
    this.ctx.wb.insertRows(this.id, rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): EmuSheet {
    this.charge('insertColumnsAfter');
    this.checkCol('insertColumnsAfter', afterPosition);
    this.checkCount('insertColumnsAfter', howMany);
    this.guardCols(Math.min(afterPosition, this.s.maxCols), 1);
    this.ctx.wb.insertColumns(this.id, afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): EmuSheet {
    this.charge('insertColumnsBefore');
    this.checkCol('insertColumnsBefore', beforePosition);
    this.checkCount('insertColumnsBefore', howMany);
    this.guardCols(beforePosition, 1);
    this.ctx.wb.insertColumns(this.id, beforePosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): EmuSheet {
    this.charge('insertColumnAfter');
    this.checkCol('insertColumnAfter', afterPosition);
    this.guardCols(Math.min(afterPosition, this.s.maxCols), 1);
    this.ctx.wb.insertColumns(this.id, afterPosition + 1, 1);
    return this;
  }
  insertColumnBefore(beforePosition: number): EmuSheet {
    this.charge('insertColumnBefore');
    this.checkCol('insertColumnBefore', beforePosition);
    this.guardCols(beforePosition, 1);
    this.ctx.wb.insertColumns(this.id, beforePosition, 1);
    return this;
  }
  /** insertColumns(columnIndex[, numColumns]): inserts before columnIndex. */
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.charge('insertColumns');
    this.checkCol('insertColumns', columnIndex);
    this.checkCount('insertColumns', numColumns);
    this.guardCols(columnIndex, 1);
    this.ctx.wb.insertColumns(this.id, columnIndex, numColumns);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this.charge('deleteRows');
    requireNumbers('Sheet.deleteRows', [rowPosition, howMany]);
    this.guardRows(rowPosition, howMany);
    this.ctx.wb.deleteRows(this.id, rowPosition, howMany);
  }
  deleteRow(rowPosition: number): EmuSheet {
    this.charge('deleteRow');
    requireNumbers('Sheet.deleteRow', [rowPosition]);
    this.guardRows(rowPosition, 1);
    this.ctx.wb.deleteRows(this.id, rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.charge('deleteColumns');
    requireNumbers('Sheet.deleteColumns', [columnPosition, howMany]);
    this.guardCols(columnPosition, howMany);
    this.ctx.wb.deleteColumns(this.id, columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): EmuSheet {
    this.charge('deleteColumn');
    requireNumbers('Sheet.deleteColumn', [columnPosition]);
    this.guardCols(columnPosition, 1);
    this.ctx.wb.deleteColumns(this.id, columnPosition, 1);
    return this;
  }

  /** Writes a row after the last row with content, growing the grid when needed. */
  appendRow(rowContents: unknown[]): EmuSheet {
    this.charge('appendRow', { cells: Array.isArray(rowContents) ? rowContents.length : 0 });
    if (!Array.isArray(rowContents)) fail(MSG.badSignature(describeType(rowContents), 'Sheet.appendRow'));
    const wb = this.ctx.wb;
    const parsed = rowContents.map((v) => fromJs(v, wb.state.locale, wb.state.timeZone, 'Sheet.appendRow'));
    const row = wb.lastRow(this.s) + 1;
    requireScriptMayEdit(this.ctx, this.id, { row, col: 1, numRows: 1, numCols: Math.max(1, parsed.length) });
    if (row > this.s.maxRows) wb.insertRows(this.id, this.s.maxRows + 1, row - this.s.maxRows);
    if (parsed.length > this.s.maxCols)
      wb.insertColumns(this.id, this.s.maxCols + 1, parsed.length - this.s.maxCols);
    if (parsed.length > 0) wb.write(this.id, { row, col: 1, numRows: 1, numCols: parsed.length }, [parsed]);
    return this;
  }

  getFrozenRows(): number {
    this.charge('getFrozenRows');
    return this.s.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.charge('setFrozenRows');
    requireNumbers('Sheet.setFrozenRows', [rows]);
    if (rows < 0 || rows >= this.s.maxRows) fail(MSG.rowsOutOfBounds);
    this.s.frozenRows = rows;
  }
  getFrozenColumns(): number {
    this.charge('getFrozenColumns');
    return this.s.frozenCols;
  }
  setFrozenColumns(columns: number): void {
    this.charge('setFrozenColumns');
    requireNumbers('Sheet.setFrozenColumns', [columns]);
    if (columns < 0 || columns >= this.s.maxCols) fail(MSG.colsOutOfBounds);
    this.s.frozenCols = columns;
  }

  getColumnWidth(columnPosition: number): number {
    this.charge('getColumnWidth');
    this.checkCol('getColumnWidth', columnPosition);
    return this.s.columnWidths[columnPosition - 1] ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): EmuSheet {
    this.charge('setColumnWidth');
    this.checkCol('setColumnWidth', columnPosition);
    requireNumbers('Sheet.setColumnWidth', [width]);
    this.s.columnWidths[columnPosition - 1] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): EmuSheet {
    this.charge('setColumnWidths');
    requireNumbers('Sheet.setColumnWidths', [startColumn, numColumns, width]);
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.s.maxCols)
      fail(MSG.colsOutOfBounds);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.s.columnWidths[c - 1] = width;
    return this;
  }
  private setHidden(method: string, columnIndex: number, numColumns: number, hidden: boolean): void {
    this.charge(method);
    requireNumbers(`Sheet.${method}`, [columnIndex, numColumns]);
    if (columnIndex < 1 || numColumns < 1 || columnIndex + numColumns - 1 > this.s.maxCols)
      fail(MSG.colsOutOfBounds);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.s.hiddenColumns[c - 1] = hidden;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.setHidden('hideColumns', columnIndex, numColumns, true);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.setHidden('showColumns', columnIndex, numColumns, false);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.charge('isColumnHiddenByUser');
    this.checkCol('isColumnHiddenByUser', columnPosition);
    return !!this.s.hiddenColumns[columnPosition - 1];
  }

  private setRowsHidden(method: string, rowIndex: number, numRows: number, hidden: boolean): void {
    this.charge(method);
    requireNumbers(`Sheet.${method}`, [rowIndex, numRows]);
    if (rowIndex < 1 || numRows < 1 || rowIndex + numRows - 1 > this.s.maxRows) fail(MSG.rowsOutOfBounds);
    setRows(this.s.hiddenRows, rowIndex, rowIndex + numRows - 1, hidden ? true : undefined);
  }
  /** hideRows(rowIndex[, numRows]). */
  hideRows(rowIndex: number, numRows = 1): void {
    this.setRowsHidden('hideRows', rowIndex, numRows, true);
  }
  /** showRows(rowIndex[, numRows]). */
  showRows(rowIndex: number, numRows = 1): void {
    this.setRowsHidden('showRows', rowIndex, numRows, false);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    this.charge('isRowHiddenByUser');
    this.checkRow('isRowHiddenByUser', rowPosition);
    return runAt(this.s.hiddenRows, rowPosition) === true;
  }
  /** Sheets' default row height is 21 pixels. */
  getRowHeight(rowPosition: number): number {
    this.charge('getRowHeight');
    this.checkRow('getRowHeight', rowPosition);
    return runAt(this.s.rowHeights, rowPosition) ?? 21;
  }
  setRowHeight(rowPosition: number, height: number): EmuSheet {
    this.charge('setRowHeight');
    this.checkRow('setRowHeight', rowPosition);
    requireNumbers('Sheet.setRowHeight', [height]);
    setRows(this.s.rowHeights, rowPosition, rowPosition, height);
    return this;
  }

  // ---------- protections ----------

  /** Returns the sheet's existing protection when there is one (Sheet.protect docs). */
  protect(): EmuProtection {
    this.charge('protect');
    const wb = this.ctx.wb;
    const existing = wb.state.protections.find((p) => p.sheetId === this.id && p.type === 'SHEET');
    if (existing) return new EmuProtection(this.ctx, existing.id);
    const id = wb.nextId();
    wb.state.protections.push({
      id,
      type: 'SHEET',
      sheetId: this.id,
      description: '',
      warningOnly: false,
      editors: initialEditors(this.ctx),
      domainEdit: true,
      unprotected: [],
    });
    return new EmuProtection(this.ctx, id);
  }
  getProtections(type: EmuEnumValue): EmuProtection[] {
    this.charge('getProtections');
    const t = String(type);
    return this.ctx.wb.state.protections
      .filter((p) => p.sheetId === this.id && p.type === t)
      .map((p) => new EmuProtection(this.ctx, p.id));
  }

  // ---------- conditional formats ----------

  getConditionalFormatRules(): EmuConditionalFormatRule[] {
    this.charge('getConditionalFormatRules');
    return this.s.conditionalRules.map(
      (r) => new EmuConditionalFormatRule(this.ctx, structuredClone(r), this.id),
    );
  }
  setConditionalFormatRules(rules: EmuConditionalFormatRule[]): void {
    this.charge('setConditionalFormatRules');
    if (!Array.isArray(rules) || rules.some((r) => !(r instanceof EmuConditionalFormatRule))) {
      fail(MSG.badSignature(describeType(rules), 'Sheet.setConditionalFormatRules'));
    }
    const states = rules.map((r) => r._state());
    // A custom formula may reference its own sheet only, and no named range (conditional-format.ts).
    for (const state of states) {
      if (state.condition.type !== 'CUSTOM_FORMULA') continue;
      const problem = ruleFormulaProblem(state.condition.values[0] ?? '');
      if (problem) fail(problem);
    }
    this.s.conditionalRules = states;
  }

  // ---------- clearing ----------

  /** Clears contents, formats and (as clearing formats does, see EmuRange.clear) validations. */
  clear(): EmuSheet {
    this.charge('clear');
    this.guardRows(1, this.s.maxRows);
    this.ctx.wb.clear(
      this.id,
      { row: 1, col: 1, numRows: this.s.maxRows, numCols: this.s.maxCols },
      { content: true, format: true, validation: true },
    );
    return this;
  }
  clearContents(): EmuSheet {
    this.charge('clearContents');
    this.guardRows(1, this.s.maxRows);
    this.ctx.wb.clear(
      this.id,
      { row: 1, col: 1, numRows: this.s.maxRows, numCols: this.s.maxCols },
      { content: true },
    );
    return this;
  }

  // ---------- developer metadata ----------

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | EmuEnumValue,
    visibility?: EmuEnumValue,
  ): EmuSheet {
    this.charge('addDeveloperMetadata');
    requireString('Sheet.addDeveloperMetadata', key);
    const { value, vis } = metadataArgs(valueOrVisibility, visibility);
    const wb = this.ctx.wb;
    wb.state.metadata.push({
      id: wb.nextId(),
      key,
      value,
      visibility: vis,
      location: { type: 'SHEET', sheetId: this.id },
    });
    return this;
  }
  /** The metadata of the sheet itself (not of its rows and columns). */
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    this.charge('getDeveloperMetadata');
    return this.ctx.wb.state.metadata
      .filter((m) => m.location.type === 'SHEET' && m.location.sheetId === this.id)
      .map((m) => new EmuDeveloperMetadata(this.ctx, m.id));
  }
  /** Finds metadata on the sheet and on its rows and columns. */
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(
      this.ctx,
      (m) => 'sheetId' in m.location && m.location.sheetId === this.id,
    );
  }

  // ---------- looks ----------

  setTabColor(color: string | null): EmuSheet {
    this.charge('setTabColor');
    this.s.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    this.charge('getTabColor');
    return this.s.tabColor;
  }

  // ---------- charts ----------

  newChart(): EmuEmbeddedChartBuilder {
    return new EmuEmbeddedChartBuilder(this.ctx, this.id, null);
  }
  getCharts(): EmuEmbeddedChart[] {
    this.charge('getCharts');
    return this.s.charts.map((c) => new EmuEmbeddedChart(this.ctx, this.id, structuredClone(c)));
  }
  insertChart(chart: EmuEmbeddedChart): void {
    this.charge('insertChart');
    const state = chart._state();
    state.id = this.ctx.wb.nextId();
    this.s.charts.push(state);
  }
  updateChart(chart: EmuEmbeddedChart): void {
    this.charge('updateChart');
    const state = chart._state();
    const i = this.s.charts.findIndex((c) => c.id === state.id);
    // Unverified wording.
    if (i < 0) fail('The chart does not exist on this sheet.');
    this.s.charts[i] = state;
  }
  removeChart(chart: EmuEmbeddedChart): void {
    this.charge('removeChart');
    const id = chart._state().id;
    this.s.charts = this.s.charts.filter((c) => c.id !== id);
  }

  // ---------- activation and selection ----------

  activate(): EmuSheet {
    this.charge('activate');
    this.ctx.wb.state.activeSheetId = this.id;
    return this;
  }
  setActiveRange(range: EmuRange): EmuRange {
    this.charge('setActiveRange');
    if (range.sheetId !== this.id) fail(MSG.rangeNotFound);
    this.ctx.wb.state.activeSheetId = this.id;
    this.ctx.wb.state.selection = { sheetId: this.id, rect: { ...range.rect } };
    return range;
  }
  setActiveSelection(range: EmuRange | string): EmuRange {
    this.charge('setActiveSelection');
    const r = typeof range === 'string' ? this.getRange(range) : range;
    this.ctx.wb.state.activeSheetId = this.id;
    this.ctx.wb.state.selection = { sheetId: this.id, rect: { ...r.rect } };
    return r;
  }
  getActiveRange(): EmuRange | null {
    this.charge('getActiveRange');
    const sel = this.ctx.wb.state.selection;
    if (!sel || sel.sheetId !== this.id) return null;
    return new EmuRange(this.ctx, this.id, { ...sel.rect });
  }
}
