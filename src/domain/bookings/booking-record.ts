/**
 * A row of « Réservations » as the one schedule the domain expands (recurrence.ts): the mapping
 * from the sheet's French values to a `BookingSchedule`, used by conflicts on save, the calendar
 * sync (RRULE/EXDATE), the rota and the occupancy test alike, so they never disagree on what a
 * row means.
 *
 * Columns (schema 5 adds the last four; empty in rows written before, which keep their meaning):
 * - « Récurrence »: `BOOKING_RECURRENCES`. « Chaque semaine » is weekly on the start's weekday
 *   (or on « Jours de la semaine »), « Toutes les deux semaines » the same every 2 weeks,
 *   « Chaque mois » monthly on the start's date (RFC 5545: a month without that date has no
 *   occurrence), « Chaque mois au même rang » the start's rank in its month (the 10/03/2026 is
 *   the 2e mardi: every 2e mardi), « Chaque mois le dernier » the last such weekday of the month.
 * - « Répéter jusqu’au » (inclusive) or « Nombre de fois », never both.
 * - « Jours de la semaine »: `lun, mer, ven` (full names accepted), weekly kinds only.
 * - « Intervalle »: every N days/weeks/months (empty: 1); not with « Toutes les deux semaines ».
 * - « Dates exclues »: French dates separated by « ; » or « , », each an occurrence of the series.
 * A timed booking whose end time is not after its start time and has no end date ends the next
 * day (it crosses midnight).
 */
import {
  type BookingSchedule,
  dayNumber,
  isoOfDay,
  type Occurrence,
  occurrencesBetween,
  type RecurrenceRule,
  recurrenceProblem,
  type Weekday,
  WEEKDAYS,
  weekdayIndex,
} from './recurrence';

/** « Récurrence » values, French, as stored; the first four are those of schema 1–4. */
export const BOOKING_RECURRENCES = [
  'Aucune',
  'Chaque semaine',
  'Toutes les deux semaines',
  'Chaque mois',
  'Chaque jour',
  'Chaque mois au même rang (ex. 2e mardi)',
  'Chaque mois le dernier (ex. dernier vendredi)',
] as const;
export type BookingRecurrence = (typeof BOOKING_RECURRENCES)[number];
export const MONTHLY_RANK: BookingRecurrence = 'Chaque mois au même rang (ex. 2e mardi)';
export const MONTHLY_LAST: BookingRecurrence = 'Chaque mois le dernier (ex. dernier vendredi)';

/** « Jours de la semaine » options, Monday first (as WEEKDAYS). */
export const WEEKDAY_LABELS = ['lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'] as const;
const WEEKDAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
const ORDINAL_NAMES = ['1er', '2e', '3e', '4e'] as const;

/** How many excluded dates a booking may list (the occupancy formula reads that many). */
export const MAX_EXCEPTIONS = 10;

/** The values of a booking row the schedule reads (ISO dates, `HH:mm` times, French enums). */
export interface BookingFields {
  startDate?: unknown;
  startTime?: unknown;
  endDate?: unknown;
  endTime?: unknown;
  recurrence?: unknown;
  recurrenceUntil?: unknown;
  recurrenceWeekdays?: unknown;
  recurrenceInterval?: unknown;
  recurrenceCount?: unknown;
  recurrenceExceptions?: unknown;
}

/** Why a row's schedule cannot be read: the field to point at, a message key and its params. */
export interface ScheduleIssue {
  field: keyof BookingFields;
  /** Key of `booking.schedule.<code>` in src/shared/messages.ts. */
  code: string;
  params: Record<string, string | number>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function text(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** `dd/MM/yyyy` of an ISO date. */
export function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/** « lun, mer, ven » (or « lundi ; mercredi ») as weekdays; the first unknown name otherwise. */
export function parseWeekdays(value: string): { weekdays: Weekday[] } | { unknown: string } {
  const found = new Set<Weekday>();
  for (const part of value.split(/[,;/]|\s+et\s+|\s+/)) {
    const name = fold(part).replace(/\.$/, '');
    if (name === '') continue;
    let at = WEEKDAY_LABELS.indexOf(name as (typeof WEEKDAY_LABELS)[number]);
    if (at < 0) at = WEEKDAY_NAMES.indexOf(name as (typeof WEEKDAY_NAMES)[number]);
    if (at < 0) return { unknown: part.trim() };
    found.add(WEEKDAYS[at]);
  }
  return { weekdays: WEEKDAYS.filter((w) => found.has(w)) };
}

/** `14/07/2026 ; 15/08/2026` (or ISO, or `,` between) as ISO dates; the first unreadable part otherwise. */
export function parseExceptions(value: string): { dates: string[] } | { unreadable: string } {
  const dates = new Set<string>();
  for (const raw of value.split(/[;,]/)) {
    const part = raw.trim();
    if (part === '') continue;
    let iso: string | null = null;
    const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(part);
    if (fr) iso = `${fr[3]}-${fr[2].padStart(2, '0')}-${fr[1].padStart(2, '0')}`;
    else if (ISO_DATE.test(part)) iso = part;
    if (!iso || isoOfDay(dayNumber(iso)) !== iso) return { unreadable: part };
    dates.add(iso);
  }
  return { dates: [...dates].sort() };
}

/**
 * How « Dates exclues » is stored: `dd/MM/yyyy` joined by ` ; `, sorted — the fixed layout the
 * occupancy formula reads with MID (13 characters per date).
 */
export function canonicalExceptions(dates: readonly string[]): string {
  return [...dates].sort().map(frenchDate).join(' ; ');
}

/** The rank of a day in its month as RFC 5545 counts it (1–5) and whether it is the last such weekday. */
function rankInMonth(iso: string): { rank: number; last: boolean } {
  const dayOfMonth = Number(iso.slice(8, 10));
  const next = isoOfDay(dayNumber(iso) + 7);
  return { rank: Math.ceil(dayOfMonth / 7), last: next.slice(5, 7) !== iso.slice(5, 7) };
}

/** The booking's schedule, or null when its dates cannot be read or its rule is wrong. */
export function bookingSchedule(fields: BookingFields): BookingSchedule | null {
  const read = readBookingSchedule(fields);
  return read.issue ? null : read.schedule;
}

/**
 * The schedule of a row and, when it cannot be expanded as typed, the first issue (a French
 * message naming the field). `schedule` is null for an incomplete row (no start date) too, which
 * is not an issue: record validation reports missing required fields. `strict` (a save) also
 * refuses a « Répéter jusqu’au » without a recurrence, which rows already stored may have.
 */
export function readBookingSchedule(
  fields: BookingFields,
  options: { strict?: boolean } = {},
): {
  schedule: BookingSchedule | null;
  issue: ScheduleIssue | null;
} {
  const none = (issue: ScheduleIssue | null = null) => ({ schedule: null, issue });
  const startDate = text(fields.startDate);
  if (!startDate || !ISO_DATE.test(startDate)) return none();
  const startTime = text(fields.startTime);
  const endTimeRaw = text(fields.endTime);
  const endDateRaw = text(fields.endDate);
  if (startTime !== undefined && !TIME.test(startTime)) return none();
  if (endTimeRaw !== undefined && !TIME.test(endTimeRaw)) return none();
  if (endDateRaw !== undefined && !ISO_DATE.test(endDateRaw)) return none();
  let endDate = endDateRaw ?? startDate;
  const first: Occurrence =
    startTime === undefined
      ? { startDate, endDate }
      : (() => {
          const endTime = endTimeRaw ?? startTime;
          // No end date and an end not after the start: the booking ends the next day.
          if (endDateRaw === undefined && endTimeRaw !== undefined && endTime <= startTime)
            endDate = isoOfDay(dayNumber(startDate) + 1);
          return { startDate, startTime, endDate, endTime };
        })();
  const ruled = ruleOf(fields, startDate, options.strict === true);
  if ('issue' in ruled) return none(ruled.issue);
  const schedule: BookingSchedule = ruled.rule ? { first, rule: ruled.rule } : { first };
  const problem = recurrenceProblem(schedule);
  if (problem) return none(issueOfProblem(problem, schedule));
  if (schedule.rule) {
    // Each excluded date must be a day the series takes place (before its exclusions).
    const bare: BookingSchedule = { first, rule: { ...schedule.rule, exceptions: [] } };
    for (const date of schedule.rule.exceptions ?? []) {
      const hit = occurrencesBetween(bare, date, date).some((o) => o.startDate === date);
      if (!hit)
        return none({
          field: 'recurrenceExceptions',
          code: 'exceptionNotOccurrence',
          params: { date: frenchDate(date) },
        });
    }
  }
  return { schedule, issue: null };
}

function issueOfProblem(
  problem: NonNullable<ReturnType<typeof recurrenceProblem>>,
  schedule: BookingSchedule,
): ScheduleIssue {
  const date = frenchDate(schedule.first.startDate);
  switch (problem) {
    case 'endBeforeStart':
      return { field: 'endDate', code: 'endBeforeStart', params: { date } };
    case 'untilBeforeStart':
      return { field: 'recurrenceUntil', code: 'untilBeforeStart', params: { date } };
    case 'countAndUntil':
      return { field: 'recurrenceCount', code: 'countAndUntil', params: {} };
    case 'count':
      return { field: 'recurrenceCount', code: 'count', params: {} };
    case 'interval':
      return { field: 'recurrenceInterval', code: 'interval', params: {} };
    case 'noWeekday':
    case 'startNotOnWeekday': {
      const rule = schedule.rule;
      const days =
        rule && rule.frequency === 'weekly'
          ? rule.weekdays.map((w) => WEEKDAY_NAMES[WEEKDAYS.indexOf(w)])
          : [];
      return {
        field: 'startDate',
        code: 'startNotOnWeekday',
        params: {
          date,
          weekday: WEEKDAY_NAMES[weekdayIndex(dayNumber(schedule.first.startDate))],
          days: days.join(', '),
        },
      };
    }
    case 'startNotOnOrdinal':
      return {
        field: 'startDate',
        code: 'notLastWeekday',
        params: { date, weekday: WEEKDAY_NAMES[weekdayIndex(dayNumber(schedule.first.startDate))] },
      };
    case 'exceptionFormat':
      return { field: 'recurrenceExceptions', code: 'exceptionFormat', params: { value: '' } };
  }
}

function ruleOf(
  fields: BookingFields,
  startDate: string,
  strict: boolean,
): { rule: RecurrenceRule | null } | { issue: ScheduleIssue } {
  const recurrence = text(fields.recurrence) ?? 'Aucune';
  const untilRaw = text(fields.recurrenceUntil);
  const weekdaysRaw = text(fields.recurrenceWeekdays);
  const intervalRaw = fields.recurrenceInterval;
  const countRaw = fields.recurrenceCount;
  const exceptionsRaw = text(fields.recurrenceExceptions);
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (!(BOOKING_RECURRENCES as readonly string[]).includes(recurrence))
    return {
      issue: { field: 'recurrence', code: 'unknownRecurrence', params: { value: recurrence.slice(0, 60) } },
    };
  if (recurrence === 'Aucune') {
    // Schema 1–4 ignored « Répéter jusqu’au » without a recurrence: rows read keep that meaning,
    // a save (strict) is told.
    const extra = (
      [
        ['recurrenceUntil', strict ? untilRaw : undefined],
        ['recurrenceWeekdays', weekdaysRaw],
        ['recurrenceInterval', intervalRaw],
        ['recurrenceCount', countRaw],
        ['recurrenceExceptions', exceptionsRaw],
      ] as const
    ).find(([, v]) => given(v));
    return extra ? { issue: { field: extra[0], code: 'withoutRecurrence', params: {} } } : { rule: null };
  }
  const until = untilRaw && ISO_DATE.test(untilRaw) ? untilRaw : undefined;
  const bound: { until?: string; count?: number } = until ? { until } : {};
  if (given(countRaw)) {
    const count = Number(countRaw);
    if (!Number.isInteger(count)) return { issue: { field: 'recurrenceCount', code: 'count', params: {} } };
    bound.count = count;
  }
  let interval = 1;
  if (given(intervalRaw)) {
    interval = Number(intervalRaw);
    if (!Number.isInteger(interval))
      return { issue: { field: 'recurrenceInterval', code: 'interval', params: {} } };
    if (recurrence === 'Toutes les deux semaines')
      return { issue: { field: 'recurrenceInterval', code: 'intervalWithFortnight', params: {} } };
  }
  let exceptions: string[] = [];
  if (exceptionsRaw) {
    const parsed = parseExceptions(exceptionsRaw);
    if ('unreadable' in parsed)
      return {
        issue: {
          field: 'recurrenceExceptions',
          code: 'exceptionFormat',
          params: { value: parsed.unreadable.slice(0, 40) },
        },
      };
    if (parsed.dates.length > MAX_EXCEPTIONS)
      return {
        issue: { field: 'recurrenceExceptions', code: 'tooManyExceptions', params: { max: MAX_EXCEPTIONS } },
      };
    exceptions = parsed.dates;
  }
  const extra = exceptions.length > 0 ? { exceptions } : {};
  const startWeekday = WEEKDAYS[weekdayIndex(dayNumber(startDate))];
  const weekly = recurrence === 'Chaque semaine' || recurrence === 'Toutes les deux semaines';
  let weekdays: Weekday[] = [startWeekday];
  if (weekdaysRaw) {
    if (!weekly) return { issue: { field: 'recurrenceWeekdays', code: 'weekdaysNotWeekly', params: {} } };
    const parsed = parseWeekdays(weekdaysRaw);
    if ('unknown' in parsed)
      return {
        issue: {
          field: 'recurrenceWeekdays',
          code: 'unknownWeekday',
          params: { value: parsed.unknown.slice(0, 30) },
        },
      };
    if (parsed.weekdays.length > 0) weekdays = parsed.weekdays;
  }
  switch (recurrence) {
    case 'Chaque jour':
      return { rule: { frequency: 'daily', interval, ...bound, ...extra } };
    case 'Chaque semaine':
      return { rule: { frequency: 'weekly', weekdays, interval, ...bound, ...extra } };
    case 'Toutes les deux semaines':
      return { rule: { frequency: 'weekly', weekdays, interval: 2, ...bound, ...extra } };
    case 'Chaque mois':
      return { rule: { frequency: 'monthlyByDate', interval, ...bound, ...extra } };
    default: {
      const { rank, last } = rankInMonth(startDate);
      const weekdayName = WEEKDAY_NAMES[weekdayIndex(dayNumber(startDate))];
      if (recurrence === MONTHLY_LAST && !last)
        return {
          issue: {
            field: 'startDate',
            code: 'notLastWeekday',
            params: { date: frenchDate(startDate), weekday: weekdayName },
          },
        };
      if (recurrence === MONTHLY_RANK && rank > 4)
        return {
          issue: {
            field: 'startDate',
            code: 'fifthWeekday',
            params: { date: frenchDate(startDate), weekday: weekdayName },
          },
        };
      const ordinal = recurrence === MONTHLY_LAST ? -1 : (rank as 1 | 2 | 3 | 4);
      return {
        rule: { frequency: 'monthlyByWeekday', ordinal, weekday: startWeekday, interval, ...bound, ...extra },
      };
    }
  }
}

/** « le 2e mardi », « le dernier vendredi »: how help and errors name a monthly rank. */
export function describeRank(iso: string, last: boolean): string {
  const weekdayName = WEEKDAY_NAMES[weekdayIndex(dayNumber(iso))];
  return last
    ? `le dernier ${weekdayName}`
    : `le ${ORDINAL_NAMES[rankInMonth(iso).rank - 1] ?? '5e'} ${weekdayName}`;
}

/**
 * How many occurrences of a schedule START on a day of [fromDate, toDate]: the figure
 * « Occurrences sur la période » computes in the sheet (a multi-day or overnight occurrence
 * counts in the period of its first day).
 */
export function occurrencesStartingBetween(
  schedule: BookingSchedule,
  fromDate: string,
  toDate: string,
): number {
  return occurrencesBetween(schedule, fromDate, toDate).filter((o) => o.startDate >= fromDate).length;
}

/** `03/01/2026 14:00–18:00`, `03/01/2026 (journée)`, `03/01/2026 22:00 – 04/01/2026 02:00`: how errors name a slot. */
export function describeSlot(o: {
  startDate: string;
  startTime?: string;
  endDate: string;
  endTime?: string;
}): string {
  const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  if (o.startTime === undefined)
    return o.endDate === o.startDate
      ? `${fr(o.startDate)} (journée entière)`
      : `du ${fr(o.startDate)} au ${fr(o.endDate)}`;
  if (o.endDate === o.startDate) return `${fr(o.startDate)} ${o.startTime}–${o.endTime ?? o.startTime}`;
  return `${fr(o.startDate)} ${o.startTime} – ${fr(o.endDate)} ${o.endTime ?? o.startTime}`;
}
