/**
 * What every data row of a Pilote column carries in the sheet itself: its number format and its
 * dropdown or check (people also type directly in the sheet). Applied per run of adjacent
 * columns, over a block of rows: at setup, for new columns, and when a table grows.
 */
import { DATA_ROW_COUNT, FIRST_DATA_ROW, type FormulaEnvironment, numberFormatFor } from '../../schema';
import type { ColumnDef } from '../../schema/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A column and its 1-based position in the sheet. */
export interface PlacedColumn {
  column: ColumnDef;
  at: number;
}

/** Number formats and validations of `columns` over rows `fromRow`..`fromRow + rows - 1`. */
export function formatDataRows(
  sheet: Sheet,
  columns: readonly PlacedColumn[],
  fromRow: number,
  rows: number,
  env: FormulaEnvironment,
  sheetOf: (key: string) => Sheet | undefined,
): void {
  if (rows <= 0 || columns.length === 0) return;
  for (const run of runs(columns, (c) => numberFormatFor(c.column))) {
    if (run.value) sheet.getRange(fromRow, run.start, rows, run.length).setNumberFormat(String(run.value));
  }
  const rules = columns.map(({ column, at }) => ({ at, rule: validationFor(column, env, sheetOf) }));
  const withRule = rules.filter((r) => r.rule !== null);
  if (withRule.length === 0) return;
  const first = Math.min(...withRule.map((r) => r.at));
  const last = Math.max(...withRule.map((r) => r.at));
  const row: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] = new Array(last - first + 1).fill(null);
  for (const r of withRule) row[r.at - first] = r.rule;
  const ours = new Set(columns.map((c) => c.at));
  if (row.some((rule, i) => rule === null && !ours.has(first + i))) {
    // A user column lies in between: its own validation must survive, so one call per column.
    for (const r of withRule) sheet.getRange(fromRow, r.at, rows, 1).setDataValidation(r.rule);
  } else {
    sheet.getRange(fromRow, first, rows, row.length).setDataValidations(new Array(rows).fill(row));
  }
}

/** The dropdown or check a column gets in the sheet itself (people also type there). */
export function validationFor(
  column: ColumnDef,
  env: FormulaEnvironment,
  sheetOf: (key: string) => Sheet | undefined,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const builder = SpreadsheetApp.newDataValidation();
  if (column.type === 'enum' && column.options && column.options.length > 0) {
    return builder
      .requireValueInList([...column.options], true)
      .setAllowInvalid(column.multiple === true)
      .build();
  }
  if (column.type === 'boolean') return builder.requireCheckbox().build();
  if (column.type === 'ref' && column.ref) {
    const target = env.sheets.find((s) => s.key === column.ref?.sheet);
    const at = target ? env.locate(target, column.ref.column) : -1;
    if (!target || at < 0) return null;
    const sheet = sheetOf(target.key);
    if (!sheet) return null;
    return builder
      .requireValueInRange(sheet.getRange(FIRST_DATA_ROW, at + 1, DATA_ROW_COUNT, 1), true)
      .setAllowInvalid(true)
      .build();
  }
  if (column.type === 'date' || column.type === 'datetime') {
    return builder
      .requireDate()
      .setAllowInvalid(false)
      .setHelpText('Une date, par exemple 29/03/2026.')
      .build();
  }
  return null;
}

export interface Run {
  start: number;
  length: number;
  value: string | number | null;
}

/** Adjacent columns sharing the same value of `pick`, as 1-based runs. */
export function runs<T extends { at: number }>(
  items: readonly T[],
  pick: (item: T) => string | number | null,
): Run[] {
  const sorted = [...items].sort((a, b) => a.at - b.at);
  const out: Run[] = [];
  for (const item of sorted) {
    const value = pick(item);
    const last = out[out.length - 1];
    if (last && last.value === value && last.start + last.length === item.at) last.length += 1;
    else out.push({ start: item.at, length: 1, value });
  }
  return out;
}
