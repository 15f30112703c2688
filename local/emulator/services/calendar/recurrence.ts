/**
 * Recurrence expansion as Google Calendar does it for `singleEvents=true` and events.instances:
 * RFC 5545 RRULE (FREQ=DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, COUNT, UNTIL, BYDAY with ordinals such
 * as `2TU` / `-1FR`, BYMONTHDAY, BYMONTH for YEARLY), EXDATE and RDATE, times expanded as wall-clock
 * readings in the event's `timeZone` (developers.google.com/calendar/api/v3/reference/events:
 * "For recurring events this field is required and specifies the time zone in which the
 * recurrence is expanded"), so a 10:00 Europe/Paris series stays at 10:00 across DST.
 * Rule parts beyond these throw a "not implemented" error rather than being ignored.
 */
import { CalendarErrors } from './errors';
import {
  type Wall,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  instantOf,
  isoWeekday,
  parseDateTime,
  wallMs,
  wallOf,
} from './time';

/** The series' first occurrence: a wall reading in a zone (timed) or a day number (all-day). */
export type SeriesStart = { kind: 'timed'; wall: Wall; tz: string } | { kind: 'date'; day: number };

/** One occurrence start: an instant (timed) or a day number (all-day). */
export type Occurrence = { kind: 'timed'; ms: number } | { kind: 'date'; day: number };

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SUPPORTED = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);

/** Thrown for RFC 5545 features the emulator does not model (never silently ignored). */
export class RecurrenceNotImplemented extends Error {
  constructor(what: string) {
    super(`Pilote emulator: recurrence ${what} is not implemented`);
    this.name = 'NotImplementedError';
  }
}

interface Rule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  count: number | null;
  until: { kind: 'instant'; ms: number } | { kind: 'day'; day: number } | null;
  byDay: { ord: number; wd: number }[];
  byMonthDay: number[];
  byMonth: number[];
}

/** Parsed `recurrence` lines of an event. */
export interface Recurrence {
  rules: Rule[];
  exdates: Occurrence[];
  rdates: Occurrence[];
}

/** Parses and validates `recurrence` (throws a CalendarApiError 400 on malformed lines). */
export function parseRecurrence(lines: readonly string[], start: SeriesStart): Recurrence {
  const out: Recurrence = { rules: [], exdates: [], rdates: [] };
  for (const raw of lines) {
    const line = String(raw).trim();
    const colon = line.indexOf(':');
    if (colon < 0) throw CalendarErrors.invalidRecurrence();
    const head = line.slice(0, colon).toUpperCase();
    const value = line.slice(colon + 1);
    const [name, ...params] = head.split(';');
    if (name === 'RRULE') out.rules.push(parseRule(value));
    else if (name === 'EXDATE') out.exdates.push(...parseDates(value, params, start));
    else if (name === 'RDATE') out.rdates.push(...parseDates(value, params, start));
    else if (name === 'EXRULE') throw new RecurrenceNotImplemented('EXRULE');
    else throw CalendarErrors.invalidRecurrence();
  }
  if (out.rules.length > 1) throw new RecurrenceNotImplemented('with more than one RRULE');
  return out;
}

function parseRule(value: string): Rule {
  const parts = new Map<string, string>();
  for (const piece of value.split(';')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq < 0) throw CalendarErrors.invalidRecurrence();
    const key = piece.slice(0, eq).toUpperCase();
    if (!SUPPORTED.has(key)) throw new RecurrenceNotImplemented(`RRULE part ${key}`);
    parts.set(key, piece.slice(eq + 1).toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') {
    if (freq && ['SECONDLY', 'MINUTELY', 'HOURLY'].includes(freq))
      throw new RecurrenceNotImplemented(`FREQ=${freq}`);
    throw CalendarErrors.invalidRecurrence();
  }
  if (parts.has('WKST') && parts.get('WKST') !== 'MO')
    throw new RecurrenceNotImplemented('WKST other than MO');
  const interval = parts.has('INTERVAL') ? positiveInt(parts.get('INTERVAL')) : 1;
  const count = parts.has('COUNT') ? positiveInt(parts.get('COUNT')) : null;
  // RFC 5545 §3.3.10: COUNT and UNTIL MUST NOT occur together.
  if (count !== null && parts.has('UNTIL')) throw CalendarErrors.invalidRecurrence();
  let until: Rule['until'] = null;
  const u = parts.get('UNTIL');
  if (u !== undefined) {
    const day = /^(\d{4})(\d{2})(\d{2})$/.exec(u);
    const utc = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(u);
    if (day) until = { kind: 'day', day: dayNumber({ y: +day[1], mo: +day[2], d: +day[3] }) };
    else if (utc)
      until = { kind: 'instant', ms: Date.UTC(+utc[1], +utc[2] - 1, +utc[3], +utc[4], +utc[5], +utc[6]) };
    else throw new RecurrenceNotImplemented(`UNTIL in local time (${u})`);
  }
  const byDay = (parts.get('BYDAY') ?? '')
    .split(',')
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(s);
      if (!m) throw CalendarErrors.invalidRecurrence();
      const ord = m[1] ? Number(m[1]) : 0;
      if (Math.abs(ord) > 5) throw CalendarErrors.invalidRecurrence();
      if (ord !== 0 && freq !== 'MONTHLY')
        throw new RecurrenceNotImplemented(`BYDAY ordinal with FREQ=${freq}`);
      return { ord, wd: DAYS.indexOf(m[2]) };
    });
  const byMonthDay = listOfInts(parts.get('BYMONTHDAY'), -31, 31);
  const byMonth = listOfInts(parts.get('BYMONTH'), 1, 12);
  if (byMonthDay.length > 0 && freq !== 'MONTHLY')
    throw new RecurrenceNotImplemented(`BYMONTHDAY with FREQ=${freq}`);
  if (byMonth.length > 0 && freq !== 'YEARLY')
    throw new RecurrenceNotImplemented(`BYMONTH with FREQ=${freq}`);
  if (byDay.length > 0 && freq === 'YEARLY') throw new RecurrenceNotImplemented('BYDAY with FREQ=YEARLY');
  return { freq, interval, count, until, byDay, byMonthDay, byMonth };
}

function positiveInt(text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw CalendarErrors.invalidRecurrence();
  return n;
}

function listOfInts(text: string | undefined, min: number, max: number): number[] {
  if (!text) return [];
  return text.split(',').map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n === 0 || n < min || n > max) throw CalendarErrors.invalidRecurrence();
    return n;
  });
}

/** EXDATE/RDATE values: `20260407T100000` with TZID, `…Z`, or `VALUE=DATE` `20260407`. */
function parseDates(value: string, params: string[], start: SeriesStart): Occurrence[] {
  const tzParam = params.find((p) => p.startsWith('TZID='));
  const isDate = params.includes('VALUE=DATE');
  if (params.some((p) => p.startsWith('VALUE=PERIOD'))) throw new RecurrenceNotImplemented('RDATE periods');
  return value.split(',').map((v) => {
    const day = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    const dt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(v.toUpperCase());
    if (day && (isDate || start.kind === 'date')) {
      return { kind: 'date', day: dayNumber({ y: +day[1], mo: +day[2], d: +day[3] }) } as Occurrence;
    }
    if (!dt || isDate) throw CalendarErrors.invalidRecurrence();
    const wall = { y: +dt[1], mo: +dt[2], d: +dt[3], h: +dt[4], mi: +dt[5], s: +dt[6] };
    if (dt[7] === 'Z') return { kind: 'timed', ms: wallMs(wall) } as Occurrence;
    // TZID is kept with its original case in the raw line; params were upper-cased, so look it up again.
    const tz = tzParam ? findTzid(tzParam) : start.kind === 'timed' ? start.tz : 'UTC';
    return { kind: 'timed', ms: instantOf(wall, tz) } as Occurrence;
  });
}

const ZONES = new Map<string, string>();
function findTzid(upperParam: string): string {
  const upper = upperParam.slice('TZID='.length);
  const cached = ZONES.get(upper);
  if (cached) return cached;
  for (const zone of Intl.supportedValuesOf('timeZone').concat(['UTC'])) {
    if (zone.toUpperCase() === upper) {
      ZONES.set(upper, zone);
      return zone;
    }
  }
  throw CalendarErrors.invalidRecurrence();
}

/**
 * Occurrence starts of a series, in order, that start before `untilMs` (an instant; for
 * all-day series compared with the day's midnight UTC), at most `limit` of them. EXDATEs are
 * removed, RDATEs added. The first occurrence is DTSTART itself when it matches the rule (RFC
 * 5545 expects DTSTART to match; Google's handling of a non-matching DTSTART is unverified: the
 * emulator does not add it).
 */
export function expand(start: SeriesStart, rec: Recurrence, untilMs: number, limit = 5000): Occurrence[] {
  const startDay = start.kind === 'timed' ? dayNumber(start.wall) : start.day;
  const time = start.kind === 'timed' ? start.wall : { h: 0, mi: 0, s: 0 };
  const toOcc = (day: number): Occurrence =>
    start.kind === 'timed'
      ? { kind: 'timed', ms: instantOf(fromDayNumber(day, time), start.tz) }
      : { kind: 'date', day };
  const msOf = (o: Occurrence) => (o.kind === 'timed' ? o.ms : o.day * 86400000);
  const out: Occurrence[] = [];
  const rule = rec.rules[0];
  if (rule) {
    let produced = 0;
    for (const day of candidateDays(rule, startDay)) {
      if (day < startDay) continue;
      const occ = toOcc(day);
      const at = msOf(occ);
      if (rule.until) {
        if (rule.until.kind === 'day' && day > rule.until.day) break;
        if (rule.until.kind === 'instant' && at > rule.until.ms) break;
      }
      if (at >= untilMs || out.length >= limit) break;
      produced += 1;
      out.push(occ);
      if (rule.count !== null && produced >= rule.count) break;
    }
  } else {
    out.push(toOcc(startDay));
  }
  for (const r of rec.rdates) if (msOf(r) < untilMs && !out.some((o) => msOf(o) === msOf(r))) out.push(r);
  const excluded = (o: Occurrence) =>
    rec.exdates.some((x) =>
      x.kind === 'date' && o.kind === 'timed'
        ? x.day === dayNumber(wallOf(o.ms, start.kind === 'timed' ? start.tz : 'UTC'))
        : msOf(x) === msOf(o),
    );
  return out.filter((o) => !excluded(o)).sort((a, b) => msOf(a) - msOf(b));
}

/** Candidate day numbers of a rule, ascending, from the period containing `startDay` (unbounded). */
function* candidateDays(rule: Rule, startDay: number): Generator<number> {
  const s = fromDayNumber(startDay, { h: 0, mi: 0, s: 0 });
  const guard = 50000; // periods, ~ 137 years of days
  if (rule.freq === 'DAILY') {
    const wds = rule.byDay.map((b) => b.wd);
    for (let i = 0; i < guard; i++) {
      const day = startDay + i * rule.interval;
      if (wds.length === 0 || wds.includes(isoWeekday(day))) yield day;
    }
    return;
  }
  if (rule.freq === 'WEEKLY') {
    const weekStart = startDay - isoWeekday(startDay);
    const wds = (rule.byDay.length > 0 ? rule.byDay.map((b) => b.wd) : [isoWeekday(startDay)]).sort(
      (a, b) => a - b,
    );
    for (let i = 0; i < guard; i++) {
      const base = weekStart + i * 7 * rule.interval;
      for (const wd of wds) yield base + wd;
    }
    return;
  }
  if (rule.freq === 'MONTHLY') {
    for (let i = 0; i < guard; i++) {
      const m0 = s.mo - 1 + i * rule.interval;
      const y = s.y + Math.floor(m0 / 12);
      const mo = (m0 % 12) + 1;
      yield* monthDays(rule, y, mo, s.d);
    }
    return;
  }
  const months = rule.byMonth.length > 0 ? [...rule.byMonth].sort((a, b) => a - b) : [s.mo];
  for (let i = 0; i < guard; i++) {
    const y = s.y + i * rule.interval;
    for (const mo of months) if (s.d <= daysInMonth(y, mo)) yield dayNumber({ y, mo, d: s.d });
  }
}

/** Days of month `mo` of `y` a MONTHLY rule selects; a missing day (the 31st in April) is skipped (RFC 5545). */
function monthDays(rule: Rule, y: number, mo: number, startDate: number): number[] {
  const len = daysInMonth(y, mo);
  const first = dayNumber({ y, mo, d: 1 });
  const picked = new Set<number>();
  if (rule.byMonthDay.length > 0) {
    for (const md of rule.byMonthDay) {
      const d = md > 0 ? md : len + md + 1;
      if (d >= 1 && d <= len) picked.add(first + d - 1);
    }
  }
  if (rule.byDay.length > 0) {
    const byDaySet = new Set<number>();
    for (const { ord, wd } of rule.byDay) {
      const all: number[] = [];
      for (let d = 0; d < len; d++) if (isoWeekday(first + d) === wd) all.push(first + d);
      if (ord === 0) for (const x of all) byDaySet.add(x);
      else {
        const x = ord > 0 ? all[ord - 1] : all[all.length + ord];
        if (x !== undefined) byDaySet.add(x);
      }
    }
    if (rule.byMonthDay.length > 0) {
      // Both given: RFC 5545 intersects them.
      for (const x of [...picked]) if (!byDaySet.has(x)) picked.delete(x);
    } else for (const x of byDaySet) picked.add(x);
  }
  if (rule.byMonthDay.length === 0 && rule.byDay.length === 0 && startDate <= len)
    picked.add(first + startDate - 1);
  return [...picked].sort((a, b) => a - b);
}

/** Parses an event's `start`/`end` dateTime for recurrence (offset-less readings belong to `tz`). */
export function seriesStartOf(
  start: { date?: string | null; dateTime?: string | null },
  tz: string,
): SeriesStart {
  if (start.date) {
    const [y, mo, d] = start.date.split('-').map(Number);
    return { kind: 'date', day: dayNumber({ y, mo, d }) };
  }
  const parsed = parseDateTime(String(start.dateTime));
  if (!parsed) throw CalendarErrors.badRequest();
  const ms =
    parsed.offsetMin === null ? instantOf(parsed.wall, tz) : wallMs(parsed.wall) - parsed.offsetMin * 60000;
  return { kind: 'timed', wall: wallOf(ms, tz), tz };
}
