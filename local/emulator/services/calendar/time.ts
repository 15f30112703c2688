/**
 * Time arithmetic of the Calendar emulator: RFC 3339 parsing, wall clock ↔ instant in an IANA
 * time zone (Intl, so daylight saving follows the tz database), and the small date helpers the
 * recurrence expansion needs. Pure functions, no state.
 */

/** A wall-clock reading: calendar date and time of day, no zone. Months are 1-based. */
export interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-03-29T10:00:00` or `…+02:00` / `…Z`: the wall reading and the offset in minutes (null if none). */
export function parseDateTime(text: string): { wall: Wall; offsetMin: number | null } | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const wall = { y: +m[1], mo: +m[2], d: +m[3], h: +m[4], mi: +m[5], s: +m[6] };
  if (!validWall(wall)) return null;
  const zone = m[8];
  if (!zone) return { wall, offsetMin: null };
  if (zone.toUpperCase() === 'Z') return { wall, offsetMin: 0 };
  const sign = zone[0] === '-' ? -1 : 1;
  return { wall, offsetMin: sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) };
}

/** `2026-03-29` → its wall reading at midnight, or null. */
export function parseDate(text: string): Wall | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const wall = { y: +m[1], mo: +m[2], d: +m[3], h: 0, mi: 0, s: 0 };
  return validWall(wall) ? wall : null;
}

function validWall(w: Wall): boolean {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.d > daysInMonth(w.y, w.mo)) return false;
  return w.h < 24 && w.mi < 60 && w.s < 60;
}

/** Whether `tz` is an IANA zone this Node (full ICU) knows. */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz === '') return false;
  if (formatters.has(tz)) return true;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall reading of instant `ms` in `tz` straight from Intl (slow: once per quarter hour of time). */
function intlWallOf(ms: number, tz: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = +p.value;
  return {
    y: parts.year,
    mo: parts.month,
    d: parts.day,
    h: parts.hour % 24,
    mi: parts.minute,
    s: parts.second,
  };
}

const QUARTER_HOUR = 15 * 60 * 1000;
const offsetCache = new Map<string, number>();

/** The wall reading of instant `ms` in `tz`. */
export function wallOf(ms: number, tz: string): Wall {
  const d = new Date(ms + offsetMinutes(ms, tz) * 60000);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

/** The wall reading as if it were UTC, in ms (for differences and day arithmetic). */
export function wallMs(w: Wall): number {
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
}

/**
 * Offset of `tz` from UTC at instant `ms`, in minutes (Paris in summer: 120). Offsets change only
 * on quarter-hour boundaries of UTC (every offset of the tz database since 1972 is a multiple of
 * 15 minutes, and so are the instants of change), so one Intl reading per quarter hour is cached.
 */
export function offsetMinutes(ms: number, tz: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${tz}|${bucket}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    off = Math.round((wallMs(intlWallOf(bucket, tz)) - bucket) / 60000);
    if (offsetCache.size > 200000) offsetCache.clear();
    offsetCache.set(key, off);
  }
  return off;
}

/**
 * The instant a wall reading denotes in `tz`. In the spring gap (02:30 that never happens) the
 * reading is moved forward by the gap, as RFC 5545 §3.3.5 asks; in the autumn overlap the first
 * (summer-time) instant is taken.
 */
export function instantOf(w: Wall, tz: string): number {
  const local = wallMs(w);
  // The offsets in force a day before and a day after bound every candidate (no zone changes
  // twice within two days).
  const before = local - offsetMinutes(local - 86400000, tz) * 60000;
  const after = local - offsetMinutes(local + 86400000, tz) * 60000;
  const matches = [before, after].filter((ms) => wallMs(wallOf(ms, tz)) === local);
  if (matches.length > 0) return Math.min(...matches);
  // Gap: the reading is taken with the offset in force before it, i.e. moved forward by the gap.
  return before;
}

/** RFC 3339 rendering of an instant in `tz`, with its offset (`Z` at offset 0), seconds precision. */
export function formatInstant(ms: number, tz: string): string {
  const w = wallOf(ms, tz);
  const off = offsetMinutes(ms, tz);
  const zone =
    off === 0
      ? 'Z'
      : `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${formatWallDate(w)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${zone}`;
}

/** `2026-03-29`. */
export function formatWallDate(w: Wall): string {
  return `${String(w.y).padStart(4, '0')}-${pad(w.mo)}-${pad(w.d)}`;
}

/** `20260329T080000Z`, the form of instance ids and UNTIL. */
export function basicUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** ISO timestamp with milliseconds, the form of `created` / `updated`. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Day number since the epoch of a wall date (time of day ignored). */
export function dayNumber(w: Pick<Wall, 'y' | 'mo' | 'd'>): number {
  return Math.floor(Date.UTC(w.y, w.mo - 1, w.d) / 86400000);
}

/** The wall date of a day number, at the given time of day. */
export function fromDayNumber(day: number, time: Pick<Wall, 'h' | 'mi' | 's'>): Wall {
  const d = new Date(day * 86400000);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: time.h,
    mi: time.mi,
    s: time.s,
  };
}

/** 0 = Monday … 6 = Sunday (ISO order, the order of RFC 5545's default WKST=MO). */
export function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (3).
}
