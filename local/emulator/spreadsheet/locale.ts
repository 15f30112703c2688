/**
 * Spreadsheet locales and time: the separators, boolean words and date orders of the locales
 * the add-on supports, and the conversion between JS instants and date-time serial numbers in
 * the spreadsheet's time zone (Intl only — the process time zone is never used).
 */

/** What a spreadsheet locale changes in parsing and display. */
export interface LocaleInfo {
  decimal: string;
  /** Grouping separator used for display. */
  group: string;
  /** Grouping separators accepted when parsing typed input. */
  groupInput: string[];
  trueWord: string;
  falseWord: string;
  dateOrder: 'DMY' | 'MDY';
  /** Number format Google applies to a cell that receives a Date with no time of day. */
  dateFormat: string;
  /** Number format Google applies to a cell that receives a Date with a time of day. */
  dateTimeFormat: string;
  timeFormat: string;
  /** Space put before a currency symbol when displaying it after the number. */
  currencySpace: string;
}

/**
 * fr_FR: Sheets follows CLDR, whose French grouping separator is U+202F (narrow no-break space)
 * and whose currency pattern puts U+00A0 before "€". Unverified against a live sheet: see report.
 */
const FR: LocaleInfo = {
  decimal: ',',
  group: '\u202f',
  groupInput: [' ', '\u00a0', '\u202f'],
  trueWord: 'VRAI',
  falseWord: 'FAUX',
  dateOrder: 'DMY',
  dateFormat: 'dd/MM/yyyy',
  dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
  timeFormat: 'HH:mm:ss',
  currencySpace: '\u00a0',
};

const EN_US: LocaleInfo = {
  decimal: '.',
  group: ',',
  groupInput: [','],
  trueWord: 'TRUE',
  falseWord: 'FALSE',
  dateOrder: 'MDY',
  dateFormat: 'M/d/yyyy',
  dateTimeFormat: 'M/d/yyyy H:mm:ss',
  timeFormat: 'h:mm:ss am/pm',
  currencySpace: '',
};

const EN_GB: LocaleInfo = {
  ...EN_US,
  dateOrder: 'DMY',
  dateFormat: 'dd/MM/yyyy',
  dateTimeFormat: 'dd/MM/yyyy HH:mm:ss',
  timeFormat: 'HH:mm:ss',
};

/** The locale data for a Sheets locale code (fr_FR, fr_BE..., en_US, en_GB); unknown codes use en_US. */
export function localeInfo(locale: string): LocaleInfo {
  if (locale.startsWith('fr')) return FR;
  if (locale === 'en_GB') return EN_GB;
  return EN_US;
}

const MS_PER_DAY = 86_400_000;
/** Serial 0 is 1899-12-30 00:00 (Sheets API DateTimeRenderOption.SERIAL_NUMBER). */
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Wall-clock fields of an instant in `timeZone`. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
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
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at epoch milliseconds `ms`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
    ms: ((ms % 1000) + 1000) % 1000,
  };
}

function wallToUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
}

/** Date-time serial of an instant, as Sheets stores a Date written by setValue(s). */
export function instantToSerial(ms: number, timeZone: string): number {
  return (wallToUtcMs(wallClock(ms, timeZone)) - EPOCH_UTC) / MS_PER_DAY;
}

/** The instant whose wall clock in `timeZone` is `serial` (what getValue returns for a date cell). */
export function serialToInstant(serial: number, timeZone: string): number {
  const wallMs = Math.round(serial * MS_PER_DAY) + EPOCH_UTC;
  // Offset of the zone near that wall time, refined once for DST edges.
  let guess = wallMs;
  for (let i = 0; i < 3; i++) {
    const offset = wallToUtcMs(wallClock(guess, timeZone)) - guess;
    const next = wallMs - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** Serial of a calendar date (no time zone involved). */
export function dateToSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH_UTC) / MS_PER_DAY;
}

/** Calendar fields of a serial number (wall clock, rounded to the millisecond). */
export function serialToFields(serial: number): WallClock {
  const d = new Date(EPOCH_UTC + Math.round(serial * MS_PER_DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

/** Whether y-m-d is a real calendar date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
