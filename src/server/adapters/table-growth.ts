/**
 * A table that reaches its end grows by inserting rows just above its last row, which Pilote
 * keeps empty. Rows inserted inside a range widen it, so the table's named range, the bounded
 * ranges of every formula that reads the table (`$F$3:$F$5000` becomes `$F$3:$F$6000`) and its
 * conditional formats follow without being rewritten; the new rows then get their formats and
 * dropdowns, and the computed columns their formulas for the record about to be written and a
 * block ahead (the marker set from the end read before inserting, so a widened marker never
 * claims rows without formulas). A few calls, once every GROW_ROWS records.
 *
 * Inserting rows inside a range widens it on Google as here: Sheet.insertRowsBefore
 * (developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsBefore(Integer,Integer))
 * documents the insertion, not what it does to named ranges; the widening is Sheets' behaviour
 * for ranges in formulas and named ranges (unverified against a help page).
 */
import type { SheetDef } from '../../schema/types';
import { formatDataRows } from './column-format';
import { extendFormulas, formulaEnd, workbookEnvironment } from './formula-writer';
import type { TableRepository } from './table-repository';
import type { WorkbookSession } from './workbook';

/** Rows added each time a table grows. */
export const GROW_ROWS = 1000;

/** Grows `def`'s table by GROW_ROWS rows and reloads `repository`. */
export function growTable(workbook: WorkbookSession, def: SheetDef, repository: TableRepository): void {
  const range = workbook.tableRange(def);
  const sheet = range.getSheet();
  const reservedRow = range.getRow() + range.getNumRows() - 1;
  // Read (and healed, for a marker an older Pilote let reach the last row) before inserting.
  const formulasEnd = formulaEnd(workbook, def);
  sheet.insertRowsBefore(reservedRow, GROW_ROWS);
  workbook.invalidate();
  const env = workbookEnvironment(workbook);
  const layout = repository.layout();
  const left = range.getColumn();
  const columns = def.columns
    .filter((c) => layout.indexOf(c.key) >= 0)
    .map((column) => ({ column, at: left + layout.indexOf(column.key) }));
  const sheetOf = (key: string) => {
    const target = env.sheets.find((s) => s.key === key);
    return target ? workbook.findTableRange(target)?.getSheet() : undefined;
  };
  formatDataRows(sheet, columns, reservedRow, GROW_ROWS, env, sheetOf);
  // The next record lands on the first inserted row (the old last row).
  extendFormulas(workbook, def, sheet, layout, reservedRow + 1, env, formulasEnd);
  repository.reload();
}
