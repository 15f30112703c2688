/**
 * Computed columns: formulas written ahead of the data, FORMULA_BLOCK_ROWS rows at a time, with
 * `setFormulas` (English syntax whatever the spreadsheet's locale). How far they go is kept in a
 * named range per table, read with the other named ranges at no extra cost.
 *
 * The marker never reaches the table's last row. That row is kept empty so the table can grow by
 * inserting rows above it (table-growth.ts), and rows inserted inside a range widen it: a marker
 * ending on the last row would be widened over the new rows, which hold no formula (issue 9:
 * computed columns stopped at row 1,000). Google widens a named range the same way (unverified on
 * a live sheet for the exact boundary; growth therefore sets the marker itself after inserting).
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

/**
 * The last row already holding formulas (FIRST_DATA_ROW - 1 when none): the marker's end, read
 * with the named ranges at no cost. A marker that reaches the table's last row was written by a
 * Pilote older than this rule and may have been widened by growth over rows without formulas:
 * its column's formulas are read once, the marker is moved back to the row above the first gap
 * (one read, one write, once per table), and the next write fills the rows after it.
 */
export function formulaEnd(workbook: WorkbookSession, sheet: SheetDef): number {
  const name = formulaRangeName(sheet);
  const marker = workbook.namedRanges().get(name);
  if (!marker) return FIRST_DATA_ROW - 1;
  const top = marker.getRow();
  const end = top + marker.getNumRows() - 1;
  const limit = formulaLimit(workbook, sheet);
  if (limit === null || end <= limit) return end;
  const formulas = marker.getFormulas();
  let covered = 0;
  while (covered < formulas.length && top + covered <= limit && formulas[covered][0] !== '') covered += 1;
  if (covered === 0) workbook.spreadsheet.removeNamedRange(name);
  else {
    workbook.spreadsheet.setNamedRange(name, marker.getSheet().getRange(top, marker.getColumn(), covered, 1));
  }
  workbook.invalidate();
  return top + covered - 1;
}

/** The last row formulas may be written to: the row above the table's (empty) last row. */
function formulaLimit(workbook: WorkbookSession, sheet: SheetDef): number | null {
  const table = workbook.findTableRange(sheet);
  return table ? table.getRow() + table.getNumRows() - 2 : null;
}

/** Formulas must point where columns and sheets really are: reads each table's key row. */
export function workbookEnvironment(
  workbook: WorkbookSession,
  sheets: readonly SheetDef[] = SHEETS,
): FormulaEnvironment {
  const layouts = new Map<string, TableLayout>();
  const ends = new Map<string, number>();
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
    ends.set(def.key, range.getRow() + range.getNumRows() - 1);
    named.push({ ...def, name: sheet.getName() });
  }
  return {
    sheets: named,
    locate: (sheet, key) => layouts.get(sheet.key)?.indexOf(key) ?? -1,
    lastRow: (sheet) => ends.get(sheet.key),
  };
}

/**
 * Writes the computed columns of `def` from the row after the current end through a whole block
 * from `untilRow` (`untilRow + FORMULA_BLOCK_ROWS - 1`: rows typed in the sheet after the last
 * record are computed too, however many came before), never on the table's last row, then moves
 * the marker. One `setFormulas` per computed column. `knownEnd` is the end as it was before rows
 * were inserted (growth): the marker is then set from it whatever the insertion did to it.
 */
export function extendFormulas(
  workbook: WorkbookSession,
  def: SheetDef,
  sheet: Sheet,
  layout: TableLayout,
  untilRow: number,
  env: FormulaEnvironment,
  knownEnd?: number,
): void {
  const computed = def.columns.filter((c) => c.type === 'formula' && c.formula && layout.indexOf(c.key) >= 0);
  if (computed.length === 0) return;
  const end = knownEnd ?? formulaEnd(workbook, def);
  if (untilRow <= end) return;
  const from = end + 1;
  const last = Math.min(
    untilRow + FORMULA_BLOCK_ROWS - 1,
    formulaLimit(workbook, def) ?? sheet.getMaxRows() - 1,
  );
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
