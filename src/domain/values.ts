/** Safe parsing of what people type into a form or a cell, and the literal handed to Range.setValues. */

import {
  type LocalParts,
  localParts,
  localTimeExists,
  impossibleDate,
  readDate,
  readDateTime,
  readDurationMinutes,
  readTime,
} from './date-input';
import {
  readAccountNumber,
  readEmail,
  readPhone,
  readPostalCode,
  readRna,
  readSiret,
  readUrl,
} from './contact-input';
import { readNumber } from './number-input';
import type {
  CellValue,
  ParseContext,
  ParseResult,
  TextRule,
  ValueErrorCode,
  ValueRule,
  ValueType,
} from './value-types';

export type {
  CellValue,
  ParseContext,
  ParseResult,
  ValueError,
  ValueErrorCode,
  ValueRule,
  ValueType,
} from './value-types';

/**
 * Longest text accepted in a cell. Google Sheets holds 50,000 characters per cell; the apostrophe
 * that `toSheetLiteral` puts in front takes one, so text is limited to 49,999.
 */
export const MAX_CELL_TEXT = 49_999;

/** Largest magnitude accepted for a number: beyond, spreadsheets lose the cents. */
const MAX_MAGNITUDE = 1e12;

const fail = (code: ValueErrorCode, params: Record<string, string | number>): ParseResult => ({
  ok: false,
  error: { code, params },
});
const ok = (value: CellValue): ParseResult => ({ ok: true, value });

/**
 * Parses one user input for a column. Empty input (null, undefined, blank text) gives null, or
 * `required`. Numbers are read before any text rule. Text is trimmed, otherwise kept exactly.
 * Formula columns refuse input (`read_only`); `readOnly` is the form's business, not this one's.
 */
export function parseCellInput(column: ValueRule, input: unknown, ctx: ParseContext): ParseResult {
  const field = column.header;
  if (column.type === 'formula') return fail('read_only', { field });
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) {
    return column.required ? fail('required', { field }) : ok(null);
  }
  if (typeof input === 'number') return parseNumberValue(column, input, ctx);
  if (typeof input === 'boolean') {
    return column.type === 'boolean' ? ok(input) : fail('invalid_type', { field });
  }
  if (input instanceof Date) return parseDateObject(column, input, ctx);
  if (typeof input !== 'string') return fail('invalid_type', { field });

  const text = input.trim();
  if (text.length > MAX_CELL_TEXT) return fail('too_long', { field, max: MAX_CELL_TEXT });
  if (hasForbiddenCharacters(text, column.type === 'longText')) {
    return fail(/[\n\r]/.test(text) ? 'line_break_not_allowed' : 'invalid_characters', { field });
  }
  return parseText(column, text, ctx);
}

/** Control characters (other than tab, and line breaks in long text) and lone surrogates. */
function hasForbiddenCharacters(text: string, multiline: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const lineBreak = code === 10 || code === 13;
    if ((code < 32 && code !== 9 && !(multiline && lineBreak)) || code === 127) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function parseText(column: ValueRule, text: string, ctx: ParseContext): ParseResult {
  const field = column.header;
  switch (column.type) {
    case 'integer':
    case 'number':
    case 'money':
    case 'percent': {
      const n = readNumber(text, ctx.locale);
      if (!n || (n.hadPercent && column.type !== 'percent') || (n.hadCurrency && column.type !== 'money')) {
        return fail(column.type === 'money' ? 'invalid_amount' : 'invalid_number', { field });
      }
      const value = column.type === 'percent' ? roundTo(n.value / 100, 12) : n.value;
      return checkNumber(column, value);
    }
    case 'date': {
      const iso = readDate(text);
      if (iso) return ok(iso);
      return dateRefusal(field, text.slice(0, 40));
    }
    case 'datetime': {
      const iso = readDateTime(text) ?? (readDate(text) ? `${readDate(text)}T00:00` : null);
      if (!iso) return fail('invalid_datetime', { field, value: text.slice(0, 40) });
      return checkLocalTime(column, iso, ctx);
    }
    case 'time': {
      const time = readTime(text);
      return time ? ok(time) : fail('invalid_time', { field, value: text.slice(0, 40) });
    }
    case 'duration': {
      const minutes = readDurationMinutes(text, ctx.locale);
      if (minutes === null) return fail('invalid_duration', { field, value: text.slice(0, 40) });
      return checkDuration(column, minutes);
    }
    case 'boolean':
      return parseBoolean(column, text);
    case 'enum':
      return parseChoices(column, text, column.options ?? []);
    case 'ref': {
      const labels = column.ref && ctx.refLabels ? ctx.refLabels(column.ref) : undefined;
      return labels ? parseReference(column, text, labels) : checkLength(column, joinMultiple(column, text));
    }
    case 'email':
      return parseEach(column, text, readEmail, 'invalid_email');
    case 'phone': {
      const phone = readPhone(text);
      return phone ? ok(phone) : fail('invalid_phone', { field });
    }
    case 'url': {
      const url = readUrl(text);
      return url ? ok(url) : fail('invalid_url', { field });
    }
    case 'id':
      return /^[A-Z][A-Z0-9]{1,9}-[A-Za-z0-9]{1,24}$/.test(text) ? ok(text) : fail('invalid_id', { field });
    case 'text':
    case 'longText':
      return column.textRule ? parseTextRule(column, text, column.textRule) : checkLength(column, text);
    default:
      return fail('read_only', { field });
  }
}

const TEXT_RULES: Record<TextRule, { read: (text: string) => string | null; code: ValueErrorCode }> = {
  siret: { read: readSiret, code: 'invalid_siret' },
  rna: { read: readRna, code: 'invalid_rna' },
  postalCode: { read: readPostalCode, code: 'invalid_postal_code' },
  accountNumber: { read: readAccountNumber, code: 'invalid_account_number' },
};

function parseTextRule(column: ValueRule, text: string, rule: TextRule): ParseResult {
  const value = TEXT_RULES[rule].read(text);
  return value === null ? fail(TEXT_RULES[rule].code, { field: column.header }) : ok(value);
}

function checkLength(column: ValueRule, text: string): ParseResult {
  const max = Math.min(column.maxLength ?? MAX_CELL_TEXT, MAX_CELL_TEXT);
  return text.length > max ? fail('too_long', { field: column.header, max }) : ok(text);
}

/** Items of a multiple-value input: split on commas, semicolons and line breaks; trimmed; deduplicated. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const item = raw.trim();
    if (item !== '' && items.indexOf(item) < 0) items.push(item);
  }
  return items;
}

function joinMultiple(column: ValueRule, text: string): string {
  return column.multiple ? splitItems(text).join(', ') : text;
}

/** Case- and accent-insensitive key, spaces collapsed: `confirmee` finds `Confirmée`. */
export function choiceKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * A reference checked against the labels of its target (each item when `multiple`): the stored
 * text is the target's exact label, found case and accents ignored. Refused: `unknown_reference`,
 * whose `{target}` the caller replaces with the target sheet's name.
 */
export function parseReference(column: ValueRule, text: string, labels: readonly string[]): ParseResult {
  return matchChoices(column, text, labels, (item) =>
    fail('unknown_reference', {
      field: column.header,
      value: item.slice(0, 40),
      target: column.ref?.sheet ?? '',
    }),
  );
}

function parseChoices(column: ValueRule, text: string, choices: readonly string[]): ParseResult {
  return matchChoices(column, text, choices, (item) =>
    fail('not_in_list', {
      field: column.header,
      value: item.slice(0, 40),
      options: choices.slice(0, 12).join(', '),
    }),
  );
}

function matchChoices(
  column: ValueRule,
  text: string,
  choices: readonly string[],
  refuse: (item: string) => ParseResult,
): ParseResult {
  const byKey: Record<string, string> = {};
  for (const choice of choices) byKey[choiceKey(choice)] = choice;
  const items = column.multiple ? splitItems(text) : [text];
  const canonical: string[] = [];
  for (const item of items) {
    const found = byKey[choiceKey(item)];
    if (found === undefined) return refuse(item);
    if (canonical.indexOf(found) < 0) canonical.push(found);
  }
  return checkLength(column, canonical.join(', '));
}

function parseEach(
  column: ValueRule,
  text: string,
  read: (item: string) => string | null,
  code: ValueErrorCode,
): ParseResult {
  const items = column.multiple ? splitItems(text) : [text];
  const values: string[] = [];
  for (const item of items) {
    const value = read(item);
    if (value === null) return fail(code, { field: column.header, value: item.slice(0, 60) });
    values.push(value);
  }
  return checkLength(column, values.join(', '));
}

const TRUE_WORDS = ['oui', 'vrai', 'true', 'yes', 'o', 'y', '1', 'x'];
const FALSE_WORDS = ['non', 'faux', 'false', 'no', 'n', '0'];

function parseBoolean(column: ValueRule, text: string): ParseResult {
  const word = choiceKey(text);
  if (TRUE_WORDS.indexOf(word) >= 0) return ok(true);
  if (FALSE_WORDS.indexOf(word) >= 0) return ok(false);
  return fail('invalid_boolean', { field: column.header });
}

function roundTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** A JS number given directly (from a numeric widget): hours for durations, fractions for percents. */
function parseNumberValue(column: ValueRule, input: number, ctx: ParseContext): ParseResult {
  const field = column.header;
  if (!Number.isFinite(input)) return fail('invalid_number', { field });
  switch (column.type) {
    case 'integer':
    case 'number':
    case 'money':
    case 'percent':
      return checkNumber(column, input === 0 ? 0 : input);
    case 'duration':
      return input < 0
        ? fail('invalid_duration', { field, value: input })
        : checkDuration(column, Math.round(input * 60));
    case 'boolean':
      return input === 1 ? ok(true) : input === 0 ? ok(false) : fail('invalid_boolean', { field });
    case 'text':
    case 'longText':
    case 'ref':
    case 'enum':
    case 'phone':
      return parseText(column, String(input), ctx);
    default:
      return fail('invalid_type', { field });
  }
}

function checkNumber(column: ValueRule, value: number): ParseResult {
  const field = column.header;
  if (Math.abs(value) > MAX_MAGNITUDE) return fail('invalid_number', { field });
  if (column.type === 'integer' && !Number.isInteger(value)) return fail('invalid_integer', { field });
  if (column.type === 'money' && roundTo(value, 2) !== value) return fail('invalid_amount', { field });
  if (column.min !== undefined && value < column.min) return fail('below_min', { field, min: column.min });
  if (column.max !== undefined && value > column.max) return fail('above_max', { field, max: column.max });
  return ok(value);
}

/** Durations are stored as a fraction of a day, as Sheets stores `[h]:mm`; bounds are in hours. */
function checkDuration(column: ValueRule, minutes: number): ParseResult {
  const field = column.header;
  const hours = minutes / 60;
  if (column.min !== undefined && hours < column.min) return fail('below_min', { field, min: column.min });
  if (column.max !== undefined && hours > column.max) return fail('above_max', { field, max: column.max });
  return ok(minutes / 1440);
}

function checkLocalTime(column: ValueRule, iso: string, ctx: ParseContext): ParseResult {
  return localTimeExists(iso, ctx.timeZone)
    ? ok(iso)
    : fail('nonexistent_local_time', { field: column.header, value: iso.replace('T', ' ') });
}

/** A Date object (from a date picker or a sheet read) is read on the spreadsheet's wall clock. */
function parseDateObject(column: ValueRule, input: Date, ctx: ParseContext): ParseResult {
  const field = column.header;
  if (Number.isNaN(input.getTime())) return fail('invalid_date', { field, value: '' });
  const p: LocalParts = localParts(input, ctx.timeZone);
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  const type: ValueType = column.type;
  if (type === 'date') return readDate(date) ? ok(date) : fail('invalid_date', { field, value: date });
  if (type === 'datetime')
    return readDate(date) ? ok(`${date}T${time}`) : fail('invalid_datetime', { field, value: date });
  if (type === 'time') return ok(time);
  return fail('invalid_type', { field });
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** What the adapter turns into a `Date` in the spreadsheet's time zone before `setValues`. */
export interface SheetDateMarker {
  kind: 'date' | 'datetime' | 'time';
  /** `2026-03-29`, `2026-03-29T14:30` or `14:30`, local to the spreadsheet. */
  iso: string;
}

/** A value ready for Range.setValues (after the adapter converts date markers). */
export type SheetLiteral = string | number | boolean | SheetDateMarker;

const DATE_SHAPES: Record<SheetDateMarker['kind'], RegExp> = {
  date: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
  datetime: /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$/,
  time: /^[0-9]{2}:[0-9]{2}$/,
};

/**
 * The literal to write so that nothing a user typed becomes a formula or gets reinterpreted by
 * Google's parser (Range.setValues parses strings like USER_ENTERED input).
 *
 * Every non-empty string gets a leading apostrophe. Evidence found (no Apps Script page states it
 * outright, the Sheets UI rule applies because setValues parses like typed input):
 * - Sheets API `ValueInputOption.USER_ENTERED`: "values will be parsed as if the user typed them
 *   into the UI … strings may be converted to numbers, dates, etc."
 *   (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption); the gas-fakes
 *   emulator aligned Apps Script setValues with USER_ENTERED for formula detection
 *   (https://github.com/brucemcpherson/gas-fakes/issues/40);
 * - a single quote in front of a cell value makes Sheets keep it as a text value, the quote itself
 *   not being part of the value (https://gist.github.com/tanaikech/ec156204f3a2d96873dce5f6ba4674d6;
 *   node-google-spreadsheet escapes `=` strings the same way, like the Sheets UI:
 *   https://github.com/theoephraim/node-google-spreadsheet/issues/323);
 * - the formula engine of our local emulator treats a leading apostrophe as an escape of the whole
 *   cell too (its issue tracker, issue 129; the engine is named in ARCHITECTURE.md).
 * So `'=1+1` is stored as the text `=1+1`, `'0612` keeps its zero, `'1/2` stays text.
 * Numbers and booleans stay themselves; dates, datetimes and times become a marker.
 */
export function toSheetLiteral(value: CellValue, column: Pick<ValueRule, 'type'>): SheetLiteral {
  if (value === null || value === '') return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const kind = column.type;
  if ((kind === 'date' || kind === 'datetime' || kind === 'time') && DATE_SHAPES[kind].test(value)) {
    return { kind, iso: value };
  }
  return `'${value}`;
}

/** True if a literal is a date marker (for the adapter). */
export function isSheetDateMarker(literal: SheetLiteral): literal is SheetDateMarker {
  return typeof literal === 'object' && literal !== null && typeof literal.iso === 'string';
}

/** A refused date: « 31/02/2026 n’existe pas » when it is a date-shaped impossible day, else the format's message. */
function dateRefusal(field: string, text: string): ParseResult {
  const why = impossibleDate(text);
  if (why?.reason === 'day')
    return fail('nonexistent_day', { field, value: text, month: why.month, days: why.days });
  if (why?.reason === 'month') return fail('nonexistent_month', { field, value: text });
  return fail('invalid_date', { field, value: text });
}
