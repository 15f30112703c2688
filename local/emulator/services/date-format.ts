/** Java SimpleDateFormat patterns in a time zone, as Utilities.formatDate applies them. */
import { GoogleException } from '../runtime';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Wall-clock fields of an instant in a zone, plus the zone's offset from UTC in minutes. */
interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMin: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Java's TimeZone.getTimeZone: IANA ids, `GMT±h[h][:mm]`; an unknown id silently means GMT
 * (Java's documented behaviour, which Apps Script inherits; not checked against Google).
 */
function fixedOffset(timeZone: string): number | null {
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  if (timeZone === 'GMT' || timeZone === 'UTC') return 0;
  return null;
}

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  if (formatters.has(timeZone)) return formatters.get(timeZone)!;
  let f: Intl.DateTimeFormat | null = null;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  if (f) formatters.set(timeZone, f);
  return f;
}

function fields(date: Date, timeZone: string): Fields {
  const t = date.getTime();
  const fixed = fixedOffset(timeZone);
  const f = fixed === null ? formatter(timeZone) : null;
  let offsetMin = fixed ?? 0;
  if (f) {
    const p: Record<string, number> = {};
    for (const part of f.formatToParts(date)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    offsetMin = Math.round((wall - Math.floor(t / 1000) * 1000) / 60000);
  }
  const local = new Date(t + offsetMin * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    offsetMin,
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offset(min: number, colon: boolean, withMinutes = true): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  const hh = pad(Math.floor(a / 60), 2);
  if (!withMinutes) return `${sign}${hh}`;
  return `${sign}${hh}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

function field(letter: string, n: number, f: Fields): string {
  switch (letter) {
    case 'y':
      return n === 2 ? pad(f.year % 100, 2) : pad(f.year, n);
    case 'M':
      if (n >= 4) return MONTHS[f.month - 1];
      if (n === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, n);
    case 'd':
      return pad(f.day, n);
    case 'E':
      return n >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, n);
    case 'H':
      return pad(f.hour, n);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, n);
    case 'K':
      return pad(f.hour % 12, n);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
    case 'm':
      return pad(f.minute, n);
    case 's':
      return pad(f.second, n);
    case 'S':
      return pad(f.ms, n);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offset(f.offsetMin, false);
    case 'X':
      if (n > 3) throw new GoogleException(`invalid ISO 8601 format: length=${n}`);
      if (f.offsetMin === 0) return 'Z';
      return offset(f.offsetMin, n === 3, n > 1 || f.offsetMin % 60 !== 0);
    default:
      // Java throws IllegalArgumentException("Illegal pattern character 'x'"); letters the
      // emulator does not implement (z, D, w, G…) are refused the same way rather than guessed.
      throw new GoogleException(`Illegal pattern character '${letter}'`);
  }
}

/** Formats `date` in `timeZone` with a Java SimpleDateFormat `pattern`, English names as Google. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const f = fields(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      // Quoted literal text; '' is a quote, inside or outside quotes.
      let j = i + 1;
      if (pattern[j] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else out += pattern[j++];
      }
      if (j >= pattern.length) throw new GoogleException('Unterminated quote');
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n, f);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
