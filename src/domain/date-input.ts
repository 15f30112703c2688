/** Reading dates, times and durations typed by people: `29/03/2026`, `2026-03-29`, `14h30`, `1h30`, `1,5`. */

import { readNumber } from './number-input';

/** Years accepted in a date: a wider range is almost always a typing mistake. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** French month names, January first (lower case, as inside a sentence). */
export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO `yyyy-MM-dd` of a real calendar day, or null (refuses 31/02, 29/02 of common years, month 13). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Reads a date: `29/03/2026`, `29/3/26` (two-digit years are 20xx), `29.03.2026`, `29-03-2026`,
 * or ISO `2026-03-29`. Slashed dates are always day first (the workbook is French), whatever the
 * user's locale; ISO is unambiguous.
 */
export function readDate(text: string): string | null {
  const s = text.trim();
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2}|[0-9]{4})$/.exec(s);
  if (!dmy) return null;
  const year = dmy[4].length === 2 ? 2000 + Number(dmy[4]) : Number(dmy[4]);
  return isoDate(year, Number(dmy[3]), Number(dmy[1]));
}

/** Why a date-shaped text is not a day of the calendar: its month has fewer days, or there is no such month. */
export type ImpossibleDate = { reason: 'day'; month: string; days: number } | { reason: 'month' };

/**
 * For a text shaped like a date (`31/02/2026`, `2026-13-01`) that `readDate` refuses because no
 * such day exists, says why; null for anything else (not date-shaped, a year outside
 * MIN_YEAR–MAX_YEAR, or a real day). `month` is `mm/aaaa` so that the message needs no month name.
 */
export function impossibleDate(text: string): ImpossibleDate | null {
  const s = text.trim();
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  const dmy = iso ? null : /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2}|[0-9]{4})$/.exec(s);
  if (!iso && !dmy) return null;
  const year = iso ? Number(iso[1]) : dmy && dmy[4].length === 2 ? 2000 + Number(dmy[4]) : Number(dmy?.[4]);
  const month = Number(iso ? iso[2] : dmy?.[3]);
  const day = Number(iso ? iso[3] : dmy?.[1]);
  if (year < MIN_YEAR || year > MAX_YEAR || isoDate(year, month, day) !== null) return null;
  if (month < 1 || month > 12) return { reason: 'month' };
  if (day < 1) return null;
  return { reason: 'day', month: `${pad2(month)}/${year}`, days: daysInMonth(year, month) };
}

/**
 * Reads a time of day to `HH:mm`: `14h30`, `14 h 30`, `14h`, `14:30`, `9:05`, `14:30:00`, and in
 * English also `2:30 pm`, `2pm`. Refuses 24:00 and beyond, minutes over 59, seconds other than 00.
 */
export function readTime(text: string): string | null {
  const s = text.trim().toLowerCase();
  const fr = /^([0-9]{1,2})\s*h\s*([0-9]{2})?$/.exec(s) || /^([0-9]{1,2}):([0-9]{2})(?::00)?$/.exec(s);
  if (fr) return hhmm(Number(fr[1]), fr[2] === undefined ? 0 : Number(fr[2]));
  const en = /^([0-9]{1,2})(?::([0-9]{2}))?\s*(am|pm|a\.m\.|p\.m\.)$/.exec(s);
  if (!en) return null;
  let hour = Number(en[1]);
  if (hour < 1 || hour > 12) return null;
  if (en[3].charAt(0) === 'p' && hour !== 12) hour += 12;
  if (en[3].charAt(0) === 'a' && hour === 12) hour = 0;
  return hhmm(hour, en[2] === undefined ? 0 : Number(en[2]));
}

function hhmm(hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}`;
}

/**
 * Reads a local date and time to ISO `2026-03-29T14:30`: a date (as `readDate`) then a time
 * (as `readTime`), separated by spaces, `T`, or ` à ` / ` at `.
 */
export function readDateTime(text: string): string | null {
  const s = text.trim();
  const m = /^(\S+?)(?:T|\s+(?:à|a|at)\s+|\s+)(\S.*)$/i.exec(s);
  if (!m) return null;
  const date = readDate(m[1]);
  const time = readTime(m[2]);
  return date && time ? `${date}T${time}` : null;
}

/**
 * Reads a duration and returns whole minutes: `1h30`, `1 h 30 min`, `2h`, `45 min`, `1:30`,
 * or a number of hours `1,5` / `1.5`. Negative durations are refused.
 */
export function readDurationMinutes(text: string, locale: 'fr' | 'en'): number | null {
  const s = text.trim().toLowerCase();
  const hm =
    /^([0-9]{1,4})\s*h\s*(?:([0-9]{1,2})\s*(?:min|mn|m)?)?$/.exec(s) || /^([0-9]{1,4}):([0-9]{2})$/.exec(s);
  if (hm) {
    const minutes = hm[2] === undefined ? 0 : Number(hm[2]);
    if (minutes > 59) return null;
    return Number(hm[1]) * 60 + minutes;
  }
  const mins = /^([0-9]{1,5})\s*(?:min|mn|minutes?)$/.exec(s);
  if (mins) return Number(mins[1]);
  const hours = readNumber(s.replace(/\s*(?:h|heures?|hours?)$/, ''), locale);
  if (!hours || hours.hadPercent || hours.hadCurrency || hours.value < 0) return null;
  return Math.round(hours.value * 60);
}

/** Date, hour and minute of an instant as seen in a time zone. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading of an instant in an IANA time zone (throws RangeError on an unknown zone). */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour % 24,
    minute: parts.minute,
  };
}

/**
 * True if a local date-time exists in the zone. On the night clocks go forward (Europe/Paris,
 * 2026-03-29 02:00 → 03:00), `2026-03-29T02:30` never happens on a wall clock.
 */
export function localTimeExists(isoLocal: string, timeZone: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})$/.exec(isoLocal);
  if (!m) return false;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const offsetAt = (instant: number): number => {
    const p = localParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - instant;
  };
  for (const guess of [wall - offsetAt(wall), wall - offsetAt(wall - offsetAt(wall))]) {
    const p = localParts(new Date(guess), timeZone);
    if (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === wall) return true;
  }
  return false;
}
