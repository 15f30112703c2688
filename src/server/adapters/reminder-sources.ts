/**
 * Reads what the due items are made from, without reading a formula: each source table is read
 * once over its id column through the last typed column the reminders need (formula columns come
 * last in every table, so none is in that block). Reading a formula cell costs its recalculated
 * value on Google and, in the emulator, builds the whole formula engine (~2 s). A table whose
 * columns were moved (its key row differs from the schema's order) is read whole instead, found
 * by keys: correct always, cheap in the common case.
 */
import { FIRST_DATA_ROW, KEY_ROW, requireSheet, settingByKey } from '../../schema';
import { layoutFromKeyRow, schemaLayout } from '../../schema/layout';
import type { SheetDef } from '../../schema/types';
import type { PlainRecord } from '../../domain/reminders/due-items';
import { settingRangeName } from '../../schema/formula';
import type { CellValue } from '../../domain/value-types';
import { appsScriptWallClock, decodeCell } from './cell-codec';
import type { WorkbookSession } from './workbook';

type Raw = string | number | boolean | Date;

/** The typed columns each source table is read for. */
export const REMINDER_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  safetyChecks: ['date', 'checkType', 'installation', 'periodicityMonths'],
  safetySchedule: ['checkType', 'installation', 'periodicityMonths'],
  nextSteps: ['meeting', 'action', 'owner', 'dueDate', 'status'],
  grants: ['title', 'status', 'deadline', 'reportDue', 'financialYear'],
  maintenance: ['title', 'priority', 'status', 'dueDate'],
  bookings: ['title', 'status', 'startDate'],
  actions: ['title', 'status', 'endDate'],
  structures: ['name', 'agreementEnd'],
  meetings: ['title', 'nextSteps', 'nextMeeting'],
};

/** The records of table `sheetKey`, only the columns `keys` (and the id), typed columns only. */
export function readTypedColumns(
  workbook: WorkbookSession,
  sheetKey: string,
  keys: readonly string[] = REMINDER_COLUMNS[sheetKey] ?? [],
): PlainRecord[] {
  const sheet = requireSheet(sheetKey);
  const range = workbook.findTableRange(sheet);
  if (!range) return [];
  const wanted = ['id', ...keys];
  const expected = schemaLayout(sheet);
  const width = Math.max(...wanted.map((k) => expected.indexOf(k))) + 1;
  let rows: Raw[][] | null = null;
  let at = (key: string) => expected.indexOf(key);
  if (width <= range.getNumColumns() && wanted.every((k) => isTyped(sheet, k))) {
    const narrow = range
      .getSheet()
      .getRange(range.getRow(), range.getColumn(), range.getNumRows(), width)
      .getValues() as Raw[][];
    const keyRow = narrow[0] ?? [];
    if (wanted.every((k) => keyRow[expected.indexOf(k)] === k)) rows = narrow;
  }
  if (!rows) {
    rows = range.getValues() as Raw[][];
    const layout = layoutFromKeyRow(sheet, rows[0] ?? []);
    at = (key) => layout.indexOf(key);
  }
  const zone = workbook.timeZone();
  const top = range.getRow();
  const out: PlainRecord[] = [];
  for (let r = FIRST_DATA_ROW - KEY_ROW; r < rows.length; r += 1) {
    const values: Record<string, CellValue> = {};
    let any = false;
    for (const key of wanted) {
      const index = at(key);
      const column = sheet.columns.find((c) => c.key === key);
      const value =
        index < 0 || !column ? null : decodeCell(column, rows[r][index], zone, appsScriptWallClock);
      values[key] = value;
      if (value !== null && key !== 'id') any = true;
    }
    if (any) out.push({ id: String(values.id ?? ''), row: top + r, values });
  }
  return out;
}

function isTyped(sheet: SheetDef, key: string): boolean {
  const column = sheet.columns.find((c) => c.key === key);
  return column !== undefined && column.type !== 'formula';
}

/**
 * Settings read one cell each through their named range (`PILOTE_<SETTING>`): « Paramètres du
 * lieu » also holds the `=TODAY()` formula, which a read of the whole sheet would include.
 */
export function readSettingValues(
  workbook: WorkbookSession,
  keys: readonly string[],
): Record<string, CellValue> {
  const names = workbook.namedRanges();
  const zone = workbook.timeZone();
  const out: Record<string, CellValue> = {};
  for (const key of keys) {
    const setting = settingByKey(key);
    const range = names.get(settingRangeName(key));
    out[key] =
      setting && range ? decodeCell(setting, range.getValue() as Raw, zone, appsScriptWallClock) : null;
  }
  return out;
}
