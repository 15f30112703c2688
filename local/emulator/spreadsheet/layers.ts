/**
 * Range-based storage of per-cell attributes (number formats, validations, styles, notes) and of
 * per-row properties (hidden rows, row heights): sorted, non-overlapping runs of rows that share
 * one value, merged when adjacent and equal. A whole data block formatted at once costs one run
 * per column instead of one object per cell, and reading a cell is a binary search.
 */
import type {
  CellState,
  CellStyle,
  ColumnLayer,
  Literal,
  Run,
  SheetLayers,
  SheetState,
  SpreadsheetState,
  ValidationSpec,
} from './model';

/** Plain-data equality (values are JSON: strings, numbers, booleans, plain objects, arrays). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Index of the first run whose `to` is >= row (runs.length when none). */
function firstEndingAtOrAfter<T>(runs: Run<T>[], row: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].to < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The value at `row`, or undefined. */
export function runAt<T>(runs: Run<T>[] | null | undefined, row: number): T | undefined {
  if (!runs || runs.length === 0) return undefined;
  const i = firstEndingAtOrAfter(runs, row);
  const r = runs[i];
  return r && r.from <= row ? r.value : undefined;
}

/** Merges runs[i] with runs[i+1] when they touch and hold equal values. */
function mergeAt<T>(runs: Run<T>[], i: number): boolean {
  const a = runs[i];
  const b = runs[i + 1];
  if (!a || !b || a.to + 1 !== b.from || !sameValue(a.value, b.value)) return false;
  a.to = b.to;
  runs.splice(i + 1, 1);
  return true;
}

/**
 * Replaces rows from..to with `pieces` (sorted, within from..to, gaps meaning "no value"), then
 * merges equal neighbours around the replaced block.
 */
export function replaceRows<T>(runs: Run<T>[], from: number, to: number, pieces: Run<T>[]): void {
  const start = firstEndingAtOrAfter(runs, from);
  let end = start;
  while (end < runs.length && runs[end].from <= to) end += 1;
  const out: Run<T>[] = [];
  const first = runs[start];
  if (first && first.from < from && start < end)
    out.push({ from: first.from, to: from - 1, value: first.value });
  const merged: Run<T>[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.to + 1 === p.from && sameValue(last.value, p.value)) last.to = p.to;
    else merged.push({ ...p });
  }
  out.push(...merged);
  const lastOld = runs[end - 1];
  if (end > start && lastOld.to > to) out.push({ from: to + 1, to: lastOld.to, value: lastOld.value });
  runs.splice(start, end - start, ...out);
  // Merge at the seams (a piece next to an untouched neighbour, or the remainders).
  let i = Math.max(0, start - 1);
  const stop = Math.min(runs.length - 1, start + out.length);
  let limit = stop;
  while (i < limit) {
    if (mergeAt(runs, i)) limit -= 1;
    else i += 1;
  }
}

/** Sets rows from..to to `value` (undefined clears them). */
export function setRows<T>(runs: Run<T>[], from: number, to: number, value: T | undefined): void {
  replaceRows(runs, from, to, value === undefined ? [] : [{ from, to, value }]);
}

/** Rewrites the value of every row of from..to (including rows without one) through `fn`. */
export function updateRows<T>(
  runs: Run<T>[],
  from: number,
  to: number,
  fn: (old: T | undefined) => T | undefined,
): void {
  const pieces: Run<T>[] = [];
  const push = (a: number, b: number, old: T | undefined) => {
    const v = fn(old);
    if (v !== undefined) pieces.push({ from: a, to: b, value: v });
  };
  let row = from;
  for (let i = firstEndingAtOrAfter(runs, from); i < runs.length && runs[i].from <= to; i++) {
    const r = runs[i];
    if (r.from > row) push(row, r.from - 1, undefined);
    const a = Math.max(r.from, row);
    const b = Math.min(r.to, to);
    push(a, b, r.value);
    row = b + 1;
  }
  if (row <= to) push(row, to, undefined);
  replaceRows(runs, from, to, pieces);
}

/** Sets rows from.. to `values` in order (undefined entries clear), compressing equal neighbours. */
export function setRowValues<T>(runs: Run<T>[], from: number, values: (T | undefined)[]): void {
  if (values.length === 0) return;
  const pieces: Run<T>[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    const last = pieces[pieces.length - 1];
    if (last && last.to === from + i - 1 && (last.value === v || sameValue(last.value, v))) last.to += 1;
    else pieces.push({ from: from + i, to: from + i, value: v });
  }
  replaceRows(runs, from, from + values.length - 1, pieces);
}

/** Inserts `count` rows without value before row `before`. */
export function insertRowsInRuns<T>(runs: Run<T>[], before: number, count: number): void {
  const i = firstEndingAtOrAfter(runs, before);
  if (i >= runs.length) return;
  const r = runs[i];
  let j = i;
  if (r.from < before) {
    // The run straddles the insertion point: split it, the new rows stay empty.
    runs.splice(i + 1, 0, { from: before, to: r.to, value: r.value });
    r.to = before - 1;
    j = i + 1;
  }
  for (let k = j; k < runs.length; k++) {
    runs[k].from += count;
    runs[k].to += count;
  }
}

/** Deletes rows row..row+count-1, moving later runs up. */
export function deleteRowsInRuns<T>(runs: Run<T>[], row: number, count: number): void {
  replaceRows(runs, row, row + count - 1, []);
  const i = firstEndingAtOrAfter(runs, row);
  for (let k = i; k < runs.length; k++) {
    runs[k].from -= count;
    runs[k].to -= count;
  }
  if (i > 0) mergeAt(runs, i - 1);
}

/** Builds runs from a row-indexed (1-based) sparse list of values. */
export function runsFromValues<T>(values: Map<number, T>): Run<T>[] {
  const rows = [...values.keys()].sort((a, b) => a - b);
  const runs: Run<T>[] = [];
  for (const row of rows) {
    const v = values.get(row) as T;
    const last = runs[runs.length - 1];
    if (last && last.to + 1 === row && sameValue(last.value, v)) last.to = row;
    else runs.push({ from: row, to: row, value: v });
  }
  return runs;
}

// ---------- column layers ----------

export type LayerName = keyof SheetLayers;
export const LAYER_NAMES: readonly LayerName[] = ['numberFormat', 'validation', 'style', 'note'];

export function emptyLayers(): SheetLayers {
  return { numberFormat: [], validation: [], style: [], note: [] };
}

/** The runs of column `col` (1-based), created on demand. */
export function columnRuns<T>(layer: ColumnLayer<T>, col: number): Run<T>[] {
  let runs = layer[col - 1];
  if (!runs) {
    runs = [];
    layer[col - 1] = runs;
  }
  return runs;
}

/** The value of a cell in a layer. */
export function layerAt<T>(layer: ColumnLayer<T>, row: number, col: number): T | undefined {
  return runAt(layer[col - 1], row);
}

/** Applies `fn` to the runs of every existing column of a layer between col and col+numCols-1. */
export function eachColumn<T>(
  layer: ColumnLayer<T>,
  col: number,
  numCols: number,
  fn: (runs: Run<T>[], col: number) => void,
): void {
  const end = Math.min(layer.length, col + numCols - 1);
  for (let c = col; c <= end; c++) {
    const runs = layer[c - 1];
    if (runs) fn(runs, c);
  }
}

/** Inserts empty rows into every layer and row property of a sheet. */
export function insertSheetRows(sheet: SheetState, before: number, count: number): void {
  for (const name of LAYER_NAMES) {
    const layer = sheet.layers[name] as ColumnLayer<unknown>;
    eachColumn(layer, 1, layer.length, (runs) => insertRowsInRuns(runs, before, count));
  }
  insertRowsInRuns(sheet.hiddenRows, before, count);
  insertRowsInRuns(sheet.rowHeights, before, count);
}

/** Deletes rows from every layer and row property of a sheet. */
export function deleteSheetRows(sheet: SheetState, row: number, count: number): void {
  for (const name of LAYER_NAMES) {
    const layer = sheet.layers[name] as ColumnLayer<unknown>;
    eachColumn(layer, 1, layer.length, (runs) => deleteRowsInRuns(runs, row, count));
  }
  deleteRowsInRuns(sheet.hiddenRows, row, count);
  deleteRowsInRuns(sheet.rowHeights, row, count);
}

/** Applies a column splice / move (the same one applied to the cells) to every layer. */
export function eachLayer(sheet: SheetState, fn: (layer: ColumnLayer<unknown>) => void): void {
  for (const name of LAYER_NAMES) fn(sheet.layers[name] as ColumnLayer<unknown>);
}

/** Drops empty columns at the end of layers (keeps snapshots small after clears). */
export function trimLayers(sheet: SheetState): void {
  eachLayer(sheet, (layer) => {
    for (let i = 0; i < layer.length; i++) if (layer[i] && layer[i]?.length === 0) layer[i] = null;
    while (layer.length > 0 && !layer[layer.length - 1]) layer.pop();
  });
}

// ---------- version 1 snapshots ----------

/** A cell as version 1 snapshots stored it: content and attributes together. */
interface CellStateV1 {
  value?: Literal;
  formula?: string;
  numberFormat?: string;
  note?: string;
  validation?: ValidationSpec;
  style?: CellStyle;
}

/** Converts one spreadsheet of a version 1 snapshot (attributes on cells) to the layered form. */
export function upgradeSpreadsheetV1(v1: unknown): SpreadsheetState {
  const state = structuredClone(v1) as SpreadsheetState;
  for (const sheet of state.sheets) {
    const oldRows = sheet.rows as unknown as (CellStateV1 | null)[][];
    // Column → attribute → row → value.
    const byColumn = new Map<number, { [K in LayerName]?: Map<number, unknown> }>();
    const rows: (CellState | null)[][] = [];
    oldRows.forEach((line, ri) => {
      if (!line) return;
      const out: (CellState | null)[] = [];
      line.forEach((cell, ci) => {
        if (!cell) return;
        const content: CellState = {};
        if (cell.value !== undefined) content.value = cell.value;
        if (cell.formula !== undefined) content.formula = cell.formula;
        if (content.value !== undefined || content.formula !== undefined) out[ci] = content;
        for (const name of LAYER_NAMES) {
          const v = cell[name];
          if (v === undefined) continue;
          let attrs = byColumn.get(ci + 1);
          if (!attrs) {
            attrs = {};
            byColumn.set(ci + 1, attrs);
          }
          let values = attrs[name];
          if (!values) {
            values = new Map();
            attrs[name] = values;
          }
          values.set(ri + 1, v);
        }
      });
      if (out.length > 0) rows[ri] = out;
    });
    sheet.rows = rows;
    sheet.layers = emptyLayers();
    for (const [col, attrs] of byColumn) {
      for (const name of LAYER_NAMES) {
        const values = attrs[name];
        if (values) (sheet.layers[name] as ColumnLayer<unknown>)[col - 1] = runsFromValues(values);
      }
    }
    sheet.hiddenRows = sheet.hiddenRows ?? [];
    sheet.rowHeights = sheet.rowHeights ?? [];
  }
  return state;
}
