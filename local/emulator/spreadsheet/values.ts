/**
 * Values in and out of cells: how Sheets reads a string as if the user typed it (locale numbers,
 * percents, currencies, booleans, dates, formulas, the protecting apostrophe), how setValues
 * converts JS values, and how getValues turns a stored value back into number, string, boolean
 * or Date.
 */
import { describeType, fail, MSG } from './errors';
import {
  dateToSerial,
  instantToSerial,
  isValidDate,
  type LocaleInfo,
  localeInfo,
  serialToInstant,
} from './locale';
import type { Literal } from './model';
import { MAX_CELL_CHARS } from './model';
import { isDateFormat } from './number-format';

/** What a typed or written input becomes. */
export type Parsed =
  | { kind: 'empty' }
  | { kind: 'formula'; text: string }
  | { kind: 'value'; value: Literal; format?: string };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses a locale number ("1 234,5", "-12,50", "1,234.5", "1E3"); undefined when it is not one. */
export function parseLocaleNumber(text: string, loc: LocaleInfo): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const dec = escapeRe(loc.decimal);
  const groups = loc.groupInput.map(escapeRe).join('|');
  const re = new RegExp(
    `^([+-])?(\\d{1,3}(?:(?:${groups})\\d{3})+|\\d+)?(?:${dec}(\\d+))?(?:[eE]([+-]?\\d+))?$`,
  );
  const m = re.exec(t);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const int = (m[2] ?? '0').replace(new RegExp(groups, 'g'), '');
  const n = Number(`${m[1] ?? ''}${int}.${m[3] ?? '0'}e${m[4] ?? '0'}`);
  return Number.isFinite(n) ? n : undefined;
}

function parseTime(text: string, loc: LocaleInfo): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/.exec(text.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (m[4]) {
    if (loc.dateOrder !== 'MDY' || h < 1 || h > 12) return undefined;
    h = (h % 12) + (/p/i.test(m[4]) ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return undefined;
  return (h * 3600 + min * 60 + s) / 86400;
}

function parseDate(text: string, loc: LocaleInfo): { serial: number; format: string } | undefined {
  const t = text.trim();
  // ISO yyyy-MM-dd is read in every locale.
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(t);
  let y: number;
  let mo: number;
  let d: number;
  let timePart: string | undefined;
  let format: string;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    timePart = m[4];
    format = timePart ? 'yyyy-MM-dd H:mm:ss' : 'yyyy-MM-dd';
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(.+))?$/.exec(t);
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = Number(m[2]);
    [d, mo] = loc.dateOrder === 'DMY' ? [a, b] : [b, a];
    y = Number(m[3]);
    timePart = m[4];
    format = timePart ? loc.dateTimeFormat : loc.dateFormat;
  }
  if (!isValidDate(y, mo, d)) return undefined;
  let serial = dateToSerial(y, mo, d);
  if (timePart !== undefined) {
    const time = parseTime(timePart, loc);
    if (time === undefined) return undefined;
    serial += time;
  }
  return { serial, format };
}

/**
 * Reads `raw` as Sheets reads what a user types (and what setValues receives as a string):
 * `'text` → text without the apostrophe; `=…` → formula; `+`/`-` followed by something that is not
 * a number → formula too (Sheets treats a leading sign as the start of an expression); numbers,
 * percents, currencies, booleans, dates and times of the locale → typed values; anything else → text.
 */
export function parseInput(raw: string, locale: string): Parsed {
  const loc = localeInfo(locale);
  if (raw === '') return { kind: 'empty' };
  if (raw.startsWith("'")) return { kind: 'value', value: raw.slice(1) };
  if (raw.startsWith('=') && raw.length > 1) return { kind: 'formula', text: raw };
  const t = raw.trim();
  const upper = t.toUpperCase();
  if (upper === loc.trueWord) return { kind: 'value', value: true };
  if (upper === loc.falseWord) return { kind: 'value', value: false };
  const n = parseLocaleNumber(t, loc);
  if (n !== undefined) return { kind: 'value', value: n };
  // Percent: "12,5 %", "12,5%".
  const pct = /^(.*?)\s*%$/.exec(t);
  if (pct) {
    const p = parseLocaleNumber(pct[1], loc);
    if (p !== undefined) {
      const decimals = pct[1].includes(loc.decimal) ? '.00' : '';
      return { kind: 'value', value: p / 100, format: `0${decimals}%` };
    }
  }
  // Currency: "12,50 €", "€12.50", "$1,234.50", "-12,50 €".
  const cur = /^([+-]?)\s*([€$£])\s*(.+)$/.exec(t) ?? /^(.+?)\s*([€$£])$/.exec(t);
  if (cur) {
    const numText = cur.length === 4 && cur[3] !== undefined ? `${cur[1]}${cur[3]}` : cur[1];
    const symbol = cur[2];
    const c = parseLocaleNumber(numText, loc);
    if (c !== undefined) {
      const format = loc.decimal === ',' ? `#,##0.00 [$${symbol}-1]` : `[$${symbol}]#,##0.00`;
      return { kind: 'value', value: c, format };
    }
  }
  const date = parseDate(t, loc);
  if (date) return { kind: 'value', value: date.serial, format: date.format };
  const time = parseTime(t, loc);
  if (time !== undefined) return { kind: 'value', value: time, format: loc.timeFormat };
  if (raw.startsWith('+') || raw.startsWith('-')) return { kind: 'formula', text: `=${raw}` };
  return { kind: 'value', value: raw };
}

/** What setValue(s) stores for one JS value (strings are parsed as typed input). */
export function fromJs(value: unknown, locale: string, timeZone: string, method: string): Parsed {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_CHARS) fail(MSG.cellTooLong);
    return parseInput(value, locale);
  }
  if (typeof value === 'number') {
    // Unverified: Sheets cannot hold NaN/Infinity; we refuse rather than guess what it stores.
    if (!Number.isFinite(value)) fail(MSG.badSignature('number', method));
    return { kind: 'value', value };
  }
  if (typeof value === 'boolean') return { kind: 'value', value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(MSG.badSignature('Date', method));
    const serial = instantToSerial(value.getTime(), timeZone);
    const loc = localeInfo(locale);
    const format = Number.isInteger(serial) ? loc.dateFormat : loc.dateTimeFormat;
    return { kind: 'value', value: serial, format };
  }
  // Functions, plain objects, arrays nested in a cell: the bridge refuses them (signature error).
  return fail(MSG.badSignature(describeType(value), method));
}

/** The JS value getValues returns for a computed cell value under `format`. */
export function toJs(
  value: Literal | null | undefined,
  format: string | undefined,
  timeZone: string,
  engineSaysDate = false,
): number | string | boolean | Date {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && (isDateFormat(format) || (engineSaysDate && !format))) {
    return new Date(serialToInstant(value, timeZone));
  }
  return value;
}
