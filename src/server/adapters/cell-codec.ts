/**
 * Between a column's plain values (CellValue, JSON-safe) and what SpreadsheetApp reads and writes.
 * Writing: text always gets a leading apostrophe (stored as text, never a formula), dates and
 * times become serial numbers in date-formatted cells. Reading: Dates come back from Google as
 * instants of the spreadsheet's wall time, so they are turned back into ISO wall time.
 */
import { isoToSerial, serialToIso, wallTimeToSerial } from '../../domain/serial-dates';
import { isSheetDateMarker, toSheetLiteral } from '../../domain/values';
import type { CellValue, ColumnDef } from '../../schema/types';

/** What a column's value becomes in `setValues`. */
export function encodeCell(column: ColumnDef, value: CellValue): string | number | boolean {
  const literal = toSheetLiteral(value, column);
  if (isSheetDateMarker(literal)) {
    const serial = isoToSerial(literal.iso);
    if (serial === null) throw new Error(`unencodable ${column.type} ${literal.iso}`);
    return serial;
  }
  return literal;
}

/** Formats an instant as the wall time of `timeZone` (`yyyy-MM-dd'T'HH:mm:ss`). */
export type WallClock = (instant: Date, timeZone: string) => string;

/** The wall clock of Apps Script: Utilities.formatDate (resolved locally, no round trip). */
export const appsScriptWallClock: WallClock = (instant, timeZone) =>
  Utilities.formatDate(instant, timeZone, "yyyy-MM-dd'T'HH:mm:ss");

const NUMERIC_TYPES = new Set(['integer', 'number', 'money', 'percent', 'duration', 'formula']);

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A value read by `getValues` as the column's plain value. */
export function decodeCell(
  column: ColumnDef,
  raw: unknown,
  timeZone: string,
  wallClock: WallClock,
): CellValue {
  if (raw === '' || raw === null || raw === undefined) return null;
  const type = column.type === 'formula' ? (column.resultType ?? 'formula') : column.type;
  if (type === 'date' || type === 'datetime' || type === 'time') {
    const serial = isDate(raw)
      ? wallTimeToSerial(wallClock(raw, timeZone))
      : typeof raw === 'number'
        ? raw
        : null;
    return serial === null ? String(raw) : serialToIso(serial, type);
  }
  if (type === 'duration' && isDate(raw)) {
    // Sheets hands a duration cell back as a Date on 30/12/1899: its wall time is the duration.
    return wallTimeToSerial(wallClock(raw, timeZone));
  }
  if (isDate(raw)) return wallClock(raw, timeZone);
  if (NUMERIC_TYPES.has(type) || type === 'boolean')
    return typeof raw === 'string' ? raw : (raw as number | boolean);
  return String(raw);
}
