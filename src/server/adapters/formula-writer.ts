/**
 * Computed columns: formulas written ahead of the data, FORMULA_BLOCK_ROWS rows at a time, with
 * `setFormulas` (English syntax whatever the spreadsheet's locale). How far they go is kept in a
 * named range per table, read with the other named ranges at no extra cost.
 */
import { FIRST_DATA_ROW, type FormulaEnvironment, renderColumnFormula, SHEETS } from '../../schema';
import {
  FORMULA_BLOCK_ROWS,
  formulaRangeName,
  layoutFromKeyRow,
  type TableLayout,
} from '../../schema/layout';
import type { ColumnDef, SheetDef } from '../../schema/types';
import type { WorkbookSession } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The last row already holding formulas (FIRST_DATA_ROW - 1 when none). */
export function formulaEnd(workbook: WorkbookSession, sheet: SheetDef): number {
  const range = workbook.namedRanges().get(formulaRangeName(sheet));
  return range ? range.getRow() + range.getNumRows() - 1 : FIRST_DATA_ROW - 1;
}

/** Formulas must point where columns and sheets really are: reads each table's key row. */
export function workbookEnvironment(
  workbook: WorkbookSession,
  sheets: readonly SheetDef[] = SHEETS,
): FormulaEnvironment {
  const layouts = new Map<string, TableLayout>();
  const named: SheetDef[] = [];
  for (const def of sheets) {
    const range = workbook.findTableRange(def);
    if (!range) {
      named.push(def);
      continue;
    }
    const sheet = range.getSheet();
    const keys = sheet.getRange(range.getRow(), range.getColumn(), 1, range.getNumColumns()).getValues()[0];
    layouts.set(def.key, layoutFromKeyRow(def, keys));
    named.push({ ...def, name: sheet.getName() });
  }
  return { sheets: named, locate: (sheet, key) => layouts.get(sheet.key)?.indexOf(key) ?? -1 };
}

/**
 * Writes the computed columns of `def` from the row after the current end up to `untilRow`
 * rounded up to a whole block, then moves the marker. One `setFormulas` per computed column.
 */
export function extendFormulas(
  workbook: WorkbookSession,
  def: SheetDef,
  sheet: Sheet,
  layout: TableLayout,
  untilRow: number,
  env: FormulaEnvironment,
): void {
  const computed = def.columns.filter((c) => c.type === 'formula' && c.formula && layout.indexOf(c.key) >= 0);
  if (computed.length === 0) return;
  const end = formulaEnd(workbook, def);
  if (untilRow <= end) return;
  const from = end + 1;
  const blocks = Math.ceil((untilRow - end) / FORMULA_BLOCK_ROWS);
  const last = Math.min(end + blocks * FORMULA_BLOCK_ROWS, sheet.getMaxRows());
  if (last < from) return;
  writeFormulas(def, sheet, layout, computed, from, last, env);
  const marker = sheet.getRange(
    FIRST_DATA_ROW,
    layout.indexOf(computed[0].key) + 1,
    last - FIRST_DATA_ROW + 1,
    1,
  );
  workbook.spreadsheet.setNamedRange(formulaRangeName(def), marker);
  workbook.invalidate();
}

/** One `setFormulas` per column: the per-row formulas of `columns` for rows `from`..`to`. */
export function writeFormulas(
  def: SheetDef,
  sheet: Sheet,
  layout: TableLayout,
  columns: readonly ColumnDef[],
  from: number,
  to: number,
  env: FormulaEnvironment,
): void {
  if (to < from) return;
  for (const column of columns) {
    const formulas: string[][] = [];
    for (let row = from; row <= to; row += 1) formulas.push([renderColumnFormula(def, column, row, env)]);
    sheet.getRange(from, layout.indexOf(column.key) + 1, formulas.length, 1).setFormulas(formulas);
  }
}
