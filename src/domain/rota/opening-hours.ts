/**
 * The venue's opening hours as the coordinator types them in « Paramètres du lieu »
 * (`openingHours`), read into minutes per weekday. Accepted, in any mix:
 * - days: `lun`, `mar`, `mer`, `jeu`, `ven`, `sam`, `dim` or the full names (accents, case and a
 *   trailing dot ignored); ranges `lun-ven`, `du lundi au vendredi`; lists `mar, jeu`, `mar et jeu`;
 * - times: `9h`, `9h30`, `09:00`, `9` (bare hour); ranges `9h-18h`, `9h–18h`, `de 9h à 18h`;
 *   several per day separated by `,`, `et`, `/` or `+` (`9h-12h et 14h-18h`);
 * - entries separated by `;` or new lines; `fermé` closes the days named.
 * A day named twice gets the union of its ranges. A range must end after it starts on the same
 * day (an opening past midnight is refused with a message saying so); `24h` is midnight at the
 * end of the day. Anything else is a French error naming the part that could not be read.
 */
import { hasOwn } from '../../shared/objects';

/** Monday first (0) to Sunday (6), as the French week and `recurrence.ts`'s WEEKDAYS. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Minutes since midnight, [start, end). */
export interface TimeRange {
  start: number;
  end: number;
}

/** Seven lists of ranges, Monday first; an empty list is a closed day. */
export type OpeningHours = readonly (readonly TimeRange[])[];

/** Why a text could not be read: a message key of `src/shared/messages.ts` and its params. */
export interface OpeningHoursProblem {
  code:
    | 'openingHours.unknownDay'
    | 'openingHours.noDay'
    | 'openingHours.noTime'
    | 'openingHours.badTime'
    | 'openingHours.endBeforeStart';
  params: Record<string, string>;
}

export type OpeningHoursResult =
  | { ok: true; hours: OpeningHours }
  | { ok: false; problem: OpeningHoursProblem };

/** French day names as the rota and the sheet's options write them, Monday first. */
export const FRENCH_WEEKDAYS = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const;

const DAY_WORDS: Readonly<Record<string, WeekdayIndex>> = {
  lun: 0,
  lundi: 0,
  lundis: 0,
  mar: 1,
  mardi: 1,
  mardis: 1,
  mer: 2,
  merc: 2,
  mercredi: 2,
  mercredis: 2,
  jeu: 3,
  jeudi: 3,
  jeudis: 3,
  ven: 4,
  vend: 4,
  vendredi: 4,
  vendredis: 4,
  sam: 5,
  samedi: 5,
  samedis: 5,
  dim: 6,
  dimanche: 6,
  dimanches: 6,
};

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u202f\t]/g, ' ');
}

const fail = (code: OpeningHoursProblem['code'], params: Record<string, string>): OpeningHoursResult => ({
  ok: false,
  problem: { code, params },
});

function dayOf(word: string): WeekdayIndex | undefined {
  const w = word.trim().replace(/\.$/, '');
  return hasOwn(DAY_WORDS, w) ? DAY_WORDS[w] : undefined;
}

/** Days named by `part` (`lun-ven`, `du lundi au vendredi`, `mar, jeu`), or the word not understood. */
function readDays(part: string): { days: WeekdayIndex[] } | { unknown: string } {
  const text = part
    .trim()
    .replace(/^(le|les)\s+/, '')
    .replace(/^du\s+/, '')
    .replace(/\s+au\s+/g, '-');
  const days: WeekdayIndex[] = [];
  for (const item of text.split(/\s*(?:,|\bet\b|\/|\+)\s*/)) {
    if (item === '') continue;
    const bounds = item.split(/\s*-\s*/);
    if (bounds.length > 2) return { unknown: item };
    const from = dayOf(bounds[0]);
    if (from === undefined) return { unknown: bounds[0].trim() };
    if (bounds.length === 1) {
      days.push(from);
      continue;
    }
    const to = dayOf(bounds[1]);
    if (to === undefined) return { unknown: bounds[1].trim() };
    // A range may wrap over the week's end (« ven-lun »).
    for (let d = from; ; d = ((d + 1) % 7) as WeekdayIndex) {
      days.push(d);
      if (d === to) break;
    }
  }
  return { days };
}

/** `9h`, `9h30`, `09:00`, `9`: minutes since midnight, or null. `24h` only as an end. */
function readTime(text: string, isEnd: boolean): number | null {
  const m = /^(\d{1,2})(?:\s*(?:h|:)\s*(\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = m[2] === undefined ? 0 : Number(m[2]);
  if (minutes > 59) return null;
  if (hours === 24 && minutes === 0 && isEnd) return 1440;
  if (hours > 23) return null;
  return hours * 60 + minutes;
}

/** Reads the venue's opening hours; an empty text is a week with no opening hours. */
export function parseOpeningHours(text: string): OpeningHoursResult {
  const week: TimeRange[][] = [[], [], [], [], [], [], []];
  for (const rawEntry of text.split(/[;\n\r]+/)) {
    const entry = fold(rawEntry).trim().replace(/\s+/g, ' ');
    if (entry === '') continue;
    const original = rawEntry.trim();
    const closed = /\bfermee?s?\b/.test(entry);
    const firstDigit = entry.search(/\d/);
    if (closed) {
      const daysPart = entry.replace(/\s*:?\s*\bfermee?s?\b.*$/, '');
      const read = readDays(daysPart);
      if ('unknown' in read) return fail('openingHours.unknownDay', { word: read.unknown, entry: original });
      if (read.days.length === 0) return fail('openingHours.noDay', { entry: original });
      for (const d of read.days) week[d] = [];
      continue;
    }
    if (firstDigit < 0) return fail('openingHours.noTime', { entry: original });
    const daysPart = entry
      .slice(0, firstDigit)
      .trim()
      .replace(/\s*:$/, '')
      .replace(/\s*\bde$/, '')
      .replace(/\s*:$/, '');
    const read = readDays(daysPart);
    if ('unknown' in read) return fail('openingHours.unknownDay', { word: read.unknown, entry: original });
    if (read.days.length === 0) return fail('openingHours.noDay', { entry: original });
    const ranges: TimeRange[] = [];
    const timesPart = entry
      .slice(firstDigit)
      .replace(/\s+a\s+/g, '-')
      .replace(/\bde\s+/g, '');
    for (const item of timesPart.split(/\s*(?:,|\bet\b|\/|\+)\s*/)) {
      if (item === '') continue;
      const bounds = item.split(/\s*-\s*/);
      if (bounds.length !== 2) return fail('openingHours.badTime', { text: item, entry: original });
      const start = readTime(bounds[0], false);
      const end = readTime(bounds[1], true);
      if (start === null) return fail('openingHours.badTime', { text: bounds[0], entry: original });
      if (end === null) return fail('openingHours.badTime', { text: bounds[1], entry: original });
      if (end <= start) return fail('openingHours.endBeforeStart', { text: item, entry: original });
      ranges.push({ start, end });
    }
    if (ranges.length === 0) return fail('openingHours.noTime', { entry: original });
    for (const d of read.days) week[d] = merge([...week[d], ...ranges]);
  }
  return { ok: true, hours: week };
}

/** Sorted ranges with overlapping or touching ones joined. */
function merge(ranges: TimeRange[]): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** `HH:mm` of minutes since midnight (0–1439). */
export function clockTime(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
