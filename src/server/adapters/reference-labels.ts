/**
 * The labels a reference may take, read from the referenced tables: for each target sheet, one
 * `getValues` over only the columns references point at (key row included, to check that they
 * are where the schema puts them). When a user has moved a column, the whole table is read once
 * more to find it by its key: correct always, cheapest in the common case.
 */
import { FIRST_DATA_ROW, KEY_ROW } from '../../schema';
import { layoutFromKeyRow, schemaLayout } from '../../schema/layout';
import type { ColumnDef, SheetDef } from '../../schema/types';
import type { WorkbookSession } from './workbook';

type Raw = string | number | boolean | Date;

/** Target columns wanted, by target sheet key. */
export type LabelRequest = Map<string, Set<string>>;

/** Labels by `sheet.column`: trimmed, unique, in sheet order. */
export type LabelsByTarget = Map<string, string[]>;

/** The key of a target column in {@link LabelsByTarget}. */
export function targetKey(sheet: string, column: string): string {
  return `${sheet}.${column}`;
}

/** Adds the targets of `columns` that are references to `request`. */
export function requestTargets(request: LabelRequest, columns: readonly ColumnDef[]): LabelRequest {
  for (const column of columns) {
    if (!column.ref) continue;
    const wanted = request.get(column.ref.sheet) ?? new Set<string>();
    wanted.add(column.ref.column);
    request.set(column.ref.sheet, wanted);
  }
  return request;
}

/**
 * Reads the labels of every requested target column: one `getValues` per target sheet (two when
 * its columns were moved). A target table missing from the workbook yields no labels.
 */
export function readTargetLabels(
  workbook: WorkbookSession,
  sheets: readonly SheetDef[],
  request: LabelRequest,
): LabelsByTarget {
  const out: LabelsByTarget = new Map();
  request.forEach((columns, sheetKey) => {
    const target = sheets.find((s) => s.key === sheetKey);
    if (!target) return;
    const range = workbook.findTableRange(target);
    const keys = [...columns].filter((key) => target.columns.some((c) => c.key === key));
    if (!range || keys.length === 0) return;
    for (const [key, labels] of readColumns(range, target, keys)) out.set(targetKey(sheetKey, key), labels);
  });
  return out;
}

function readColumns(
  range: GoogleAppsScript.Spreadsheet.Range,
  target: SheetDef,
  keys: readonly string[],
): Map<string, string[]> {
  const expected = schemaLayout(target);
  const positions = keys.map((key) => expected.indexOf(key));
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const rows = range.getNumRows();
  let values: Raw[][] | null = null;
  let offset = first;
  if (last < range.getNumColumns()) {
    const narrow = range
      .getSheet()
      .getRange(range.getRow(), range.getColumn() + first, rows, last - first + 1)
      .getValues() as Raw[][];
    const keyRow = narrow[0] ?? [];
    if (keys.every((key, i) => keyRow[positions[i] - first] === key)) values = narrow;
  }
  let at = (key: string) => positions[keys.indexOf(key)] - offset;
  if (!values) {
    // A column was moved or the table differs from the schema's order: find the columns by key.
    values = range.getValues() as Raw[][];
    const layout = layoutFromKeyRow(target, values[0] ?? []);
    offset = 0;
    at = (key) => layout.indexOf(key);
  }
  const out = new Map<string, string[]>();
  for (const key of keys) {
    const index = at(key);
    const seen = new Set<string>();
    if (index >= 0) {
      for (let r = FIRST_DATA_ROW - KEY_ROW; r < values.length; r += 1) {
        const label = labelText(values[r][index]);
        if (label !== '') seen.add(label);
      }
    }
    out.set(key, [...seen]);
  }
  return out;
}

/** A label cell as text (labels are text columns; a number typed in the sheet still counts). */
function labelText(raw: Raw | undefined): string {
  if (raw === null || raw === undefined || raw === '') return '';
  if (Object.prototype.toString.call(raw) === '[object Date]') return '';
  return String(raw).trim();
}
