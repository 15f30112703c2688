/**
 * Validation and normalisation of an event resource on insert/update/patch, following
 * developers.google.com/calendar/api/v3/reference/events (resource representation) and
 * /events/insert: client ids, start/end, time zones, recurrence.
 */
import { CalendarErrors } from './errors';
import { type Recurrence, parseRecurrence, seriesStartOf } from './recurrence';
import type { Event } from './state';
import {
  dayNumber,
  formatInstant,
  instantOf,
  isValidTimeZone,
  parseDate,
  parseDateTime,
  wallMs,
} from './time';

/**
 * events/insert, `id`: "characters allowed in the ID are those used in base32hex encoding, i.e.
 * lowercase letters a-v and digits 0-9 … the length of the ID must be between 5 and 1024
 * characters … must be unique per calendar".
 */
export const EVENT_ID = /^[a-v0-9]{5,1024}$/;

/** Where an event lies in time, computed once per write. */
export interface EventTiming {
  allDay: boolean;
  /** Instants (timed) or midnight UTC of the dates (all-day); end exclusive. */
  startMs: number;
  endMs: number;
  /** Zone the recurrence expands in (start.timeZone, else the calendar's). */
  tz: string;
  recurrence: Recurrence | null;
}

type Edge = NonNullable<Event['start']>;

/**
 * Checks `start`/`end`/`recurrence` and rewrites each `dateTime` with its offset as Google
 * returns it (`2026-03-29T10:00:00+02:00`, rendered in the edge's own `timeZone`, else the
 * calendar's: which zone Google renders in is unverified, the instant is what a client may
 * rely on). Throws a CalendarApiError on bad input.
 */
export function normaliseTiming(event: Event, calendarTz: string): EventTiming {
  if (!event.start) throw CalendarErrors.required('start');
  if (!event.end) throw CalendarErrors.required('end');
  const start = normaliseEdge(event.start, 'start', calendarTz);
  const end = normaliseEdge(event.end, 'end', calendarTz);
  // GAS-ICS-Sync#289: a start `date` with an end `dateTime` answers "Bad Request".
  if (start.allDay !== end.allDay) throw CalendarErrors.badRequest();
  // The end is exclusive (events reference: "The (exclusive) end time of the event"): an all-day
  // event on one day ends the next day; equal or earlier is an empty range.
  if (end.ms <= start.ms) throw CalendarErrors.timeRangeEmpty('end');
  const tz = event.start.timeZone ?? calendarTz;
  let recurrence: Recurrence | null = null;
  const lines = event.recurrence ?? [];
  if (!Array.isArray(lines)) throw CalendarErrors.invalidRecurrence();
  if (lines.length > 0) {
    // events reference, start.timeZone: "For recurring events this field is required".
    if (!start.allDay && !event.start.timeZone) throw CalendarErrors.missingTimeZone('start');
    recurrence = parseRecurrence(lines, seriesStartOf(event.start, tz));
  }
  return { allDay: start.allDay, startMs: start.ms, endMs: end.ms, tz, recurrence };
}

function normaliseEdge(
  edge: Edge,
  which: 'start' | 'end',
  calendarTz: string,
): { allDay: boolean; ms: number } {
  if (typeof edge !== 'object' || edge === null) throw CalendarErrors.badRequest();
  if (edge.timeZone !== undefined && edge.timeZone !== null && !isValidTimeZone(edge.timeZone))
    throw CalendarErrors.invalidTimeZone(which);
  if (edge.date && edge.dateTime) throw CalendarErrors.badRequest();
  if (edge.date) {
    const w = parseDate(edge.date);
    if (!w) throw CalendarErrors.badRequest();
    return { allDay: true, ms: dayNumber(w) * 86400000 };
  }
  if (!edge.dateTime) throw CalendarErrors.required(which);
  const parsed = parseDateTime(edge.dateTime);
  if (!parsed) throw CalendarErrors.badRequest();
  // events reference, dateTime: "A time zone offset is required unless a time zone is explicitly
  // specified in timeZone."
  if (parsed.offsetMin === null && !edge.timeZone) throw CalendarErrors.missingTimeZone(which);
  const ms =
    parsed.offsetMin === null
      ? instantOf(parsed.wall, edge.timeZone as string)
      : wallMs(parsed.wall) - parsed.offsetMin * 60000;
  edge.dateTime = formatInstant(ms, edge.timeZone ?? calendarTz);
  return { allDay: false, ms };
}
