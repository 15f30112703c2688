/**
 * Where each column of a sheet really is. Row 1 of every Pilote sheet holds the stable column
 * keys (hidden, protected); users may move columns, rename headers or insert their own columns,
 * and Pilote still finds its columns by key and never touches the others.
 */
import type { ColumnDef, SheetDef } from './types';

/** The named range that covers a Pilote sheet's table: `bookings` → `PILOTE_T_BOOKINGS`. */
export function tableRangeName(sheet: Pick<SheetDef, 'key'>): string {
  return `PILOTE_T_${sheet.key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** The layout of one sheet as read from its key row. */
export interface TableLayout {
  readonly sheet: SheetDef;
  /** Number of columns read (the width of the key row). */
  readonly width: number;
  /** 0-based position of a schema column, -1 when the workbook lacks it. */
  indexOf(columnKey: string): number;
  /** Schema columns the workbook lacks (to be added by the migration). */
  readonly missing: readonly ColumnDef[];
  /** 0-based positions of columns without a Pilote key: the users' own, never written. */
  readonly userColumns: readonly number[];
  /** Keys found twice (a user copied a key cell): only the first one counts. */
  readonly duplicates: readonly string[];
}

/** Reads the layout from the key row's values. */
export function layoutFromKeyRow(sheet: SheetDef, keyRow: readonly unknown[]): TableLayout {
  const known = new Set(sheet.columns.map((c) => c.key));
  const positions = new Map<string, number>();
  const userColumns: number[] = [];
  const duplicates: string[] = [];
  keyRow.forEach((cell, index) => {
    const key = typeof cell === 'string' ? cell.trim() : '';
    if (!known.has(key)) {
      userColumns.push(index);
      return;
    }
    if (positions.has(key)) {
      duplicates.push(key);
      userColumns.push(index);
      return;
    }
    positions.set(key, index);
  });
  return {
    sheet,
    width: keyRow.length,
    indexOf: (columnKey) => positions.get(columnKey) ?? -1,
    missing: sheet.columns.filter((c) => !positions.has(c.key)),
    userColumns,
    duplicates,
  };
}

/** The layout of a sheet exactly as the schema orders it (a new sheet). */
export function schemaLayout(sheet: SheetDef): TableLayout {
  return layoutFromKeyRow(
    sheet,
    sheet.columns.map((c) => c.key),
  );
}

/** A run of adjacent positions, each holding a given column key. */
export interface ColumnBlock {
  /** 0-based position of the first column. */
  start: number;
  keys: string[];
}

/**
 * The given columns grouped into runs of adjacent positions, so that a row is written with one
 * `setValues` per run and the users' own columns in between are left alone.
 */
export function contiguousBlocks(layout: TableLayout, columnKeys: readonly string[]): ColumnBlock[] {
  const placed = columnKeys
    .map((key) => ({ key, index: layout.indexOf(key) }))
    .filter((p) => p.index >= 0)
    .sort((a, b) => a.index - b.index);
  const blocks: ColumnBlock[] = [];
  for (const p of placed) {
    const last = blocks[blocks.length - 1];
    if (last && last.start + last.keys.length === p.index) last.keys.push(p.key);
    else blocks.push({ start: p.index, keys: [p.key] });
  }
  return blocks;
}

/**
 * The named range marking how far a table's computed columns are filled with formulas:
 * `budget` → `PILOTE_F_BUDGET`. Formulas are written ahead of the data, a block at a time, so
 * rows people type directly in the sheet are computed too.
 */
export function formulaRangeName(sheet: Pick<SheetDef, 'key'>): string {
  return `PILOTE_F_${sheet.key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** Rows of formulas written ahead of the data at a time. */
export const FORMULA_BLOCK_ROWS = 100;
