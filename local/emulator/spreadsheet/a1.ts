/**
 * A1 notation: column letters, parsing `Sheet!A1:B2`, `A:C`, `2:5`, `A2:C` and printing ranges
 * back the way Range.getA1Notation does.
 */
import { fail, MSG } from './errors';

/** A rectangle of cells, 1-based and inclusive of its first cell. */
export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** What an A1 string says, before it is resolved against a sheet's size. */
export interface ParsedA1 {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

/** 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { row?: number; col?: number } {
  const m = CELL.exec(part);
  if (!m || (!m[1] && !m[2])) fail(MSG.rangeNotFound);
  const out: { row?: number; col?: number } = {};
  if (m[1]) out.col = columnNumber(m[1]);
  if (m[2]) out.row = Number(m[2]);
  if (out.row === 0) fail(MSG.rangeNotFound);
  return out;
}

/** Splits `'My sheet'!A1:B2` into the sheet name and the A1 part. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2)
    name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Parses A1 notation; throws Google's "Range not found" when it is not A1. */
export function parseA1(a1: string): ParsedA1 {
  if (typeof a1 !== 'string' || a1.trim() === '') fail(MSG.rangeNotFound);
  const { sheetName, ref } = splitSheet(a1.trim());
  const parts = ref.split(':');
  if (parts.length > 2) fail(MSG.rangeNotFound);
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  // A single part must be a cell (A1), not a bare column or row.
  if (parts.length === 1 && (a.row === undefined || a.col === undefined)) fail(MSG.rangeNotFound);
  const out: ParsedA1 = {};
  if (sheetName !== undefined) out.sheetName = sheetName;
  if (a.row !== undefined && b.row !== undefined) {
    out.startRow = Math.min(a.row, b.row);
    out.endRow = Math.max(a.row, b.row);
  } else if (a.row !== undefined) out.startRow = a.row;
  else if (b.row !== undefined) fail(MSG.rangeNotFound);
  if (a.col !== undefined && b.col !== undefined) {
    out.startCol = Math.min(a.col, b.col);
    out.endCol = Math.max(a.col, b.col);
  } else if (a.col !== undefined) out.startCol = a.col;
  else if (b.col !== undefined) fail(MSG.rangeNotFound);
  return out;
}

/** Resolves a parsed A1 range against a sheet's size (open ends run to the sheet's edge). */
export function resolveA1(p: ParsedA1, maxRows: number, maxCols: number): Rect {
  const row = p.startRow ?? 1;
  const col = p.startCol ?? 1;
  const endRow = p.endRow ?? (p.startRow !== undefined && p.startCol === undefined ? p.startRow : maxRows);
  const endCol = p.endCol ?? (p.startCol !== undefined && p.startRow === undefined ? p.startCol : maxCols);
  return { row, col, numRows: endRow - row + 1, numCols: endCol - col + 1 };
}

/** `A1`, `A1:B2` — as Range.getA1Notation prints a bounded range. */
export function rectToA1(r: Rect): string {
  const first = `${columnLetters(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return first;
  return `${first}:${columnLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Quotes a sheet name for use in a formula or a qualified A1 string when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
