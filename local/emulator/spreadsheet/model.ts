/**
 * The in-memory state of emulated spreadsheets. Every type here is plain JSON so that a whole
 * workbook can be snapshotted and restored; the Emu* classes are thin views over it.
 */
import type { Rect } from './a1';

/** A literal cell value: what a cell holds when it holds no formula. */
export type Literal = number | string | boolean;

/** Formatting we keep because the add-on sets it (no rendering beyond the playground). */
export interface CellStyle {
  fontWeight?: string;
  background?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

/** A data validation rule as stored on a cell. */
export interface ValidationSpec {
  criteria: string;
  /** Criteria arguments; ranges are stored as `{ range: "'Sheet'!A1:B2" }`, dates as `{ date: ms }`. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** One cell's content. Absent fields mean "empty". Formats, validations, styles and notes live in
 * the sheet's {@link SheetLayers}, not here. */
export interface CellState {
  value?: Literal;
  /** Formula text in English syntax, starting with '='; kept equal to the engine's text. */
  formula?: string;
}

/** Rows from..to (1-based, inclusive) share `value`. */
export interface Run<T> {
  from: number;
  to: number;
  value: T;
}

/** One attribute of a sheet's cells: indexed by column-1, each column a sorted list of
 * non-overlapping runs, adjacent equal runs merged (see layers.ts). null = nothing set. */
export type ColumnLayer<T> = (Run<T>[] | null)[];

/** The per-cell attributes of a sheet, stored by ranges. */
export interface SheetLayers {
  numberFormat: ColumnLayer<string>;
  validation: ColumnLayer<ValidationSpec>;
  style: ColumnLayer<CellStyle>;
  note: ColumnLayer<string>;
}

/** Where a developer metadata item sits. Rows and columns are 1-based indexes that move. */
export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'ROW'; sheetId: number; index: number }
  | { type: 'COLUMN'; sheetId: number; index: number };

export interface MetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

export interface ProtectionState {
  id: number;
  type: 'RANGE' | 'SHEET';
  sheetId: number;
  /** For RANGE protections. */
  rect?: Rect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: Rect[];
}

export interface ConditionalRuleState {
  condition: { type: string; values: string[] };
  format: { background?: string; fontColor?: string; bold?: boolean };
  ranges: Rect[];
}

export interface ChartState {
  id: number;
  type: string;
  /** Source ranges, each on its own sheet: a chart may read another sheet's cells. */
  ranges: (Rect & { sheetId?: number })[];
  options: Record<string, unknown>;
  position: { row: number; col: number; offsetX: number; offsetY: number };
}

export interface NamedRangeState {
  name: string;
  sheetId: number;
  rect: Rect;
}

export interface SheetState {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  /** rows[r-1][c-1]; sparse arrays, holes are empty cells. Values and formulas only. */
  rows: (CellState | null)[][];
  /** Number formats, validations, styles and notes, by column and runs of rows. */
  layers: SheetLayers;
  /** Rows hidden by the user (Sheet.hideRows), as runs of `true`. */
  hiddenRows: Run<true>[];
  /** Row heights in pixels set by Sheet.setRowHeight; absent = default (21 px). */
  rowHeights: Run<number>[];
  frozenRows: number;
  frozenCols: number;
  /** Indexed by column-1; null = default width (100 px). */
  columnWidths: (number | null)[];
  hiddenColumns: boolean[];
  tabColor: string | null;
  conditionalRules: ConditionalRuleState[];
  charts: ChartState[];
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export interface SpreadsheetState {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  sheets: SheetState[];
  namedRanges: NamedRangeState[];
  metadata: MetadataState[];
  protections: ProtectionState[];
  activeSheetId: number;
  /** The user's selection: a sheet and a rectangle. */
  selection: { sheetId: number; rect: Rect } | null;
  toasts: ToastRecord[];
  nextId: number;
}

/** Sheets' default grid for a new sheet (Sheets API: "a sheet with 1000 rows and 26 columns"). */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
/** Limits (DESIGN.md, "Cost model"). */
export const MAX_CELLS = 10_000_000;
export const MAX_CELL_CHARS = 50_000;

/** A new empty sheet's state. */
export function newSheetState(
  id: number,
  name: string,
  rows = DEFAULT_ROWS,
  cols = DEFAULT_COLS,
): SheetState {
  return {
    id,
    name,
    maxRows: rows,
    maxCols: cols,
    rows: [],
    layers: { numberFormat: [], validation: [], style: [], note: [] },
    hiddenRows: [],
    rowHeights: [],
    frozenRows: 0,
    frozenCols: 0,
    columnWidths: [],
    hiddenColumns: [],
    tabColor: null,
    conditionalRules: [],
    charts: [],
  };
}

/** Whether a cell holds content (a value or a formula) — what getLastRow counts. */
export function hasContent(cell: CellState | null | undefined): boolean {
  return !!cell && (cell.formula !== undefined || (cell.value !== undefined && cell.value !== ''));
}
