/**
 * How a booking repeats, and the one expansion of it into occurrences that conflicts, occupancy
 * and the Calendar RRULE all follow. Dates and times are the venue's wall clock (the
 * spreadsheet's time zone): a weekly booking at 10:00 stays at 10:00 across daylight-saving
 * changes, as Google Calendar keeps it when the event carries its `timeZone`.
 *
 * The semantics are RFC 5545's, which Google Calendar applies to the RRULE Pilote sends:
 * - the start is always the first occurrence, and must match the rule (validated, not guessed);
 * - weekly with weekdays: weeks start on Monday (WKST=MO) and `interval` counts weeks from the
 *   start's week;
 * - monthly on the same date skips months that lack it (the 31st: 7 times a year), as
 *   `BYMONTHDAY=31` does; « le 2e mardi » is `BYDAY=2TU`, « le dernier vendredi » `BYDAY=-1FR`;
 * - `count` counts the occurrences the rule generates; excluded dates are removed after it
 *   (EXDATE), so « 10 fois sauf le 14/07 » takes place 9 times.
 */

/** Monday first, as the French week and WKST=MO. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The nth weekday of a month: 1–4, or -1 for the last one. */
export type WeekdayOrdinal = 1 | 2 | 3 | 4 | -1;

export type RecurrencePattern =
  | { frequency: 'daily' }
  | { frequency: 'weekly'; weekdays: readonly Weekday[] }
  | { frequency: 'monthlyByDate' }
  | { frequency: 'monthlyByWeekday'; ordinal: WeekdayOrdinal; weekday: Weekday };

/** A repeat rule: a pattern every `interval` days/weeks/months, bounded by a date or a count. */
export type RecurrenceRule = RecurrencePattern & {
  /** Every N days, weeks or months; 1 or more. */
  interval: number;
  /** Last day an occurrence may start on (inclusive), ISO `yyyy-MM-dd`. */
  until?: string;
  /** How many occurrences the rule generates (before exclusions). */
  count?: number;
  /** Days on which an occurrence that would start is skipped, ISO `yyyy-MM-dd`. */
  exceptions?: readonly string[];
};

/** One time a booking takes place, on the wall clock. All-day occurrences have no times. */
export interface Occurrence {
  startDate: string;
  /** `HH:mm`, absent for an all-day occurrence. */
  startTime?: string;
  /** Last day, inclusive (an all-day booking over three days ends on its third day). */
  endDate: string;
  endTime?: string;
}

/** The first occurrence of a booking and how it repeats. */
export interface BookingSchedule {
  first: Occurrence;
  /** Absent: the booking happens once. */
  rule?: RecurrenceRule;
}

/** Why a rule cannot be expanded (keys of French messages, see `recurrenceProblem`). */
export type RecurrenceProblem =
  | 'interval'
  | 'count'
  | 'untilBeforeStart'
  | 'countAndUntil'
  | 'noWeekday'
  | 'startNotOnWeekday'
  | 'startNotOnOrdinal'
  | 'endBeforeStart'
  | 'exceptionFormat';

const DAY_MS = 86_400_000;
/** A guard against rules whose expansion would never end (every day for a thousand years). */
export const MAX_OCCURRENCES = 5_000;

/** Days since 1970-01-01 of an ISO date (no time zone involved: a calendar day). */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): string {
  const date = new Date(day * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes since 1970-01-01 00:00 on the wall clock; a comparable instant for one venue. */
export function wallMinutes(date: string, time?: string): number {
  return dayNumber(date) * 1440 + (time ? minutesOf(time) : 0);
}

/**
 * The wall-clock span of an occurrence as [start, end) in minutes. An all-day occurrence covers
 * its days whole (its end is the next midnight, like Calendar's exclusive end date).
 */
export function span(o: Occurrence): { start: number; end: number } {
  if (o.startTime === undefined)
    return { start: wallMinutes(o.startDate), end: wallMinutes(o.endDate) + 1440 };
  return {
    start: wallMinutes(o.startDate, o.startTime),
    end: wallMinutes(o.endDate, o.endTime ?? o.startTime),
  };
}

/** What is wrong with a schedule, or null. */
export function recurrenceProblem(schedule: BookingSchedule): RecurrenceProblem | null {
  const { first, rule } = schedule;
  const { start, end } = span(first);
  // A timed booking with no end time lasts no time: it still occupies its instant (conflicts.ts).
  if (end < start) return 'endBeforeStart';
  if (!rule) return null;
  if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > 99) return 'interval';
  if (rule.count !== undefined && (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > 999))
    return 'count';
  if (rule.count !== undefined && rule.until !== undefined) return 'countAndUntil';
  if (rule.until !== undefined && dayNumber(rule.until) < dayNumber(first.startDate))
    return 'untilBeforeStart';
  if ((rule.exceptions ?? []).some((e) => !/^\d{4}-\d{2}-\d{2}$/.test(e))) return 'exceptionFormat';
  const startDay = dayNumber(first.startDate);
  if (rule.frequency === 'weekly') {
    if (rule.weekdays.length === 0) return 'noWeekday';
    if (!rule.weekdays.includes(WEEKDAYS[weekdayIndex(startDay)])) return 'startNotOnWeekday';
  }
  if (rule.frequency === 'monthlyByWeekday') {
    const candidates = nthWeekdaysOfMonth(first.startDate.slice(0, 7), rule.ordinal, rule.weekday);
    if (candidates !== startDay) return 'startNotOnOrdinal';
  }
  return null;
}

/** The day number of the `ordinal`th `weekday` of month `yyyy-MM`, or null when it has none. */
function nthWeekdaysOfMonth(month: string, ordinal: WeekdayOrdinal, weekday: Weekday): number | null {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = Math.round(Date.UTC(year, m - 1, 1) / DAY_MS);
  const next = Math.round(Date.UTC(year, m, 1) / DAY_MS);
  const target = WEEKDAYS.indexOf(weekday);
  if (ordinal === -1) {
    const last = next - 1;
    return last - ((weekdayIndex(last) - target + 7) % 7);
  }
  const day = first + ((target - weekdayIndex(first) + 7) % 7) + (ordinal - 1) * 7;
  return day < next ? day : null;
}

/** The day numbers on which the rule's occurrences start, in order, for days < `beforeDay`. */
function* startDays(startDay: number, rule: RecurrenceRule, beforeDay: number): Generator<number> {
  const untilDay = rule.until !== undefined ? dayNumber(rule.until) : Number.POSITIVE_INFINITY;
  const limit = Math.min(beforeDay, untilDay + 1);
  let generated = 0;
  const max = rule.count ?? MAX_OCCURRENCES;
  const emit = function* (day: number): Generator<number> {
    if (day >= limit || generated >= max) return;
    generated += 1;
    yield day;
  };
  switch (rule.frequency) {
    case 'daily':
      for (let day = startDay; day < limit && generated < max; day += rule.interval) yield* emit(day);
      return;
    case 'weekly': {
      const offsets = rule.weekdays.map((w) => WEEKDAYS.indexOf(w)).sort((a, b) => a - b);
      const monday = startDay - weekdayIndex(startDay);
      for (let week = monday; week < limit && generated < max; week += 7 * rule.interval) {
        for (const offset of offsets) {
          const day = week + offset;
          if (day >= startDay) yield* emit(day);
        }
      }
      return;
    }
    case 'monthlyByDate':
    case 'monthlyByWeekday': {
      const start = isoOfDay(startDay);
      const year0 = Number(start.slice(0, 4));
      const month0 = Number(start.slice(5, 7)) - 1;
      const dayOfMonth = Number(start.slice(8, 10));
      for (let k = 0; generated < max; k += rule.interval) {
        const y = year0 + Math.floor((month0 + k) / 12);
        const m = (month0 + k) % 12;
        const firstOfMonth = Math.round(Date.UTC(y, m, 1) / DAY_MS);
        if (firstOfMonth >= limit) return;
        let day: number | null;
        if (rule.frequency === 'monthlyByDate') {
          const candidate = Math.round(Date.UTC(y, m, dayOfMonth) / DAY_MS);
          // Date.UTC rolls 31 April over to 1 May: such a month has no occurrence (RFC 5545).
          day = isoOfDay(candidate).slice(5, 7) === String(m + 1).padStart(2, '0') ? candidate : null;
        } else {
          day = nthWeekdaysOfMonth(`${y}-${String(m + 1).padStart(2, '0')}`, rule.ordinal, rule.weekday);
        }
        if (day !== null && day >= startDay) yield* emit(day);
      }
      return;
    }
  }
}

/**
 * The occurrences of a schedule that overlap the days [fromDate, toDate] (inclusive), in order.
 * A multi-day occurrence that starts before `fromDate` and is still running on it is included.
 * Excluded dates are skipped. Throws on an invalid schedule: validate with `recurrenceProblem`.
 */
export function occurrencesBetween(
  schedule: BookingSchedule,
  fromDate: string,
  toDate: string,
): Occurrence[] {
  const problem = recurrenceProblem(schedule);
  if (problem) throw new RangeError(`invalid booking schedule: ${problem}`);
  const { first, rule } = schedule;
  const startDay = dayNumber(first.startDate);
  const lengthDays = dayNumber(first.endDate) - startDay;
  const fromDay = dayNumber(fromDate);
  const toDay = dayNumber(toDate);
  const shift = (day: number): Occurrence => ({
    ...first,
    startDate: isoOfDay(day),
    endDate: isoOfDay(day + lengthDays),
  });
  const overlaps = (day: number) => day <= toDay && day + lengthDays >= fromDay;
  if (!rule) return overlaps(startDay) ? [first] : [];
  const excluded = new Set((rule.exceptions ?? []).map(dayNumber));
  const result: Occurrence[] = [];
  for (const day of startDays(startDay, rule, toDay + 1)) {
    if (!excluded.has(day) && overlaps(day)) result.push(shift(day));
  }
  return result;
}

/** The last day an occurrence can end on, or null for a rule with no end. */
export function lastDay(schedule: BookingSchedule): string | null {
  const { first, rule } = schedule;
  if (!rule) return first.endDate;
  if (rule.until === undefined && rule.count === undefined) return null;
  const lengthDays = dayNumber(first.endDate) - dayNumber(first.startDate);
  let last = dayNumber(first.startDate);
  for (const day of startDays(last, rule, Number.POSITIVE_INFINITY)) last = day;
  return isoOfDay(last + lengthDays);
}

const RRULE_DAYS: Record<Weekday, string> = {
  MO: 'MO',
  TU: 'TU',
  WE: 'WE',
  TH: 'TH',
  FR: 'FR',
  SA: 'SA',
  SU: 'SU',
};

/**
 * The `recurrence` lines of the Calendar event (RFC 5545 RRULE and EXDATE), as Calendar v3 takes
 * them (developers.google.com/calendar/api/concepts/events-calendars#recurring_events). For a
 * timed event, UNTIL must be in UTC (RFC 5545 §3.3.10 when DTSTART has a TZID): `untilUtc` turns
 * the wall time `yyyy-MM-ddTHH:mm` of the last possible start into `yyyyMMddTHHmmssZ` (the
 * gateway knows the time zone). EXDATE carries the venue's time zone, or VALUE=DATE all day.
 */
export function toCalendarRecurrence(
  schedule: BookingSchedule,
  timeZone: string,
  untilUtc: (wall: string) => string,
): string[] {
  const { first, rule } = schedule;
  if (!rule) return [];
  const parts = [
    `FREQ=${rule.frequency === 'daily' ? 'DAILY' : rule.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`,
  ];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.frequency === 'weekly') {
    parts.push('WKST=MO');
    parts.push(
      `BYDAY=${[...rule.weekdays].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)).join(',')}`,
    );
  }
  if (rule.frequency === 'monthlyByDate') parts.push(`BYMONTHDAY=${Number(first.startDate.slice(8, 10))}`);
  if (rule.frequency === 'monthlyByWeekday') parts.push(`BYDAY=${rule.ordinal}${RRULE_DAYS[rule.weekday]}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) {
    const compact = rule.until.replace(/-/g, '');
    parts.push(
      first.startTime === undefined
        ? `UNTIL=${compact}`
        : `UNTIL=${untilUtc(`${rule.until}T${first.startTime}`)}`,
    );
  }
  const lines = [`RRULE:${parts.join(';')}`];
  const exceptions = [...new Set(rule.exceptions ?? [])].sort();
  if (exceptions.length > 0) {
    const compact = exceptions.map((e) => e.replace(/-/g, ''));
    lines.push(
      first.startTime === undefined
        ? `EXDATE;VALUE=DATE:${compact.join(',')}`
        : `EXDATE;TZID=${timeZone}:${compact.map((d) => `${d}T${first.startTime?.replace(':', '')}00`).join(',')}`,
    );
  }
  return lines;
}
