/**
 * A booking as a Calendar v3 event, and back. Rules (developers.google.com/calendar/api/v3/reference/events):
 * - `id`: deterministic, base32hex ("characters allowed … are those used in base32hex encoding,
 *   i.e. lowercase letters a-v and digits 0-9", length 5–1024), from the spreadsheet id and the
 *   booking id: a crash between the insert and the write-back makes the next insert a 409
 *   « The requested identifier already exists. », recognised by the sync;
 * - `start`/`end`: `dateTime` without offset plus `timeZone` of the spreadsheet (the wall clock
 *   stays right across daylight-saving changes, recurring instances included); all day: `date`,
 *   the end date EXCLUSIVE ("The end date … is exclusive");
 * - `recurrence`: RRULE/EXDATE lines of the domain (`toCalendarRecurrence`);
 * - `extendedProperties.private`: {piloteBookingId, piloteSpreadsheetId}: how Pilote knows its own
 *   events; every other event of a calendar is never modified or deleted;
 * - `visibility: 'private'` for « Privée » bookings; `status` `tentative` for an option.
 */
import { bookingSchedule } from '../../domain/bookings/booking-record';
import type { Occupant } from '../../domain/bookings/conflicts';
import { dayNumber, isoOfDay, toCalendarRecurrence } from '../../domain/bookings/recurrence';
import type { CellValue } from '../../schema/types';

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** RFC 4648 base32hex (lowercase, no padding) of the UTF-8 bytes of `text`. */
export function base32hex(text: string): string {
  const bytes: number[] = [];
  for (const ch of unescape(encodeURIComponent(text))) bytes.push(ch.charCodeAt(0));
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(buffer << (5 - bits)) & 31];
  return out;
}

/** The event id of a booking: the same on every run, in every execution. */
export function eventIdOf(spreadsheetId: string, bookingId: string): string {
  return `pilote${base32hex(`${spreadsheetId}/${bookingId}`)}`;
}

/** True for an event Pilote created (from any spreadsheet). */
export function isPiloteEvent(e: CalendarEvent): boolean {
  const own = e.extendedProperties?.private as Record<string, string> | undefined;
  return typeof own?.piloteBookingId === 'string' && own.piloteBookingId !== '';
}

/** The booking id of one of this spreadsheet's events, or null. */
export function bookingIdOf(e: CalendarEvent, spreadsheetId: string): string | null {
  const own = e.extendedProperties?.private as Record<string, string> | undefined;
  return own?.piloteSpreadsheetId === spreadsheetId && own.piloteBookingId ? own.piloteBookingId : null;
}

/** Wall time in the UTC `yyyyMMddTHHmmssZ` form RRULE's UNTIL needs (`wall` is `yyyy-MM-ddTHH:mm`). */
function untilUtcIn(timeZone: string): (wall: string) => string {
  return (wall) => {
    const asUtc = new Date(`${wall}:00Z`);
    // The zone's offset at about that instant (±hh:mm), twice to settle near a DST change.
    let instant = asUtc.getTime();
    for (let k = 0; k < 2; k += 1) {
      const offset = Utilities.formatDate(new Date(instant), timeZone, 'Z');
      const sign = offset.startsWith('-') ? -1 : 1;
      const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5));
      instant = asUtc.getTime() - sign * minutes * 60_000;
    }
    return Utilities.formatDate(new Date(instant), 'UTC', "yyyyMMdd'T'HHmmss'Z'");
  };
}

/** The event Pilote sends for a booking row, or null when the row cannot be scheduled. */
export function bookingEvent(
  bookingId: string,
  values: Record<string, CellValue>,
  context: { spreadsheetId: string; timeZone: string; space: string },
): CalendarEvent | null {
  const schedule = bookingSchedule(values);
  if (!schedule) return null;
  const { first } = schedule;
  const { timeZone } = context;
  const event: CalendarEvent = {
    id: eventIdOf(context.spreadsheetId, bookingId),
    summary: String(values.title ?? ''),
    location: context.space,
    description: `${bookingId}${values.organiser ? ` — ${String(values.organiser)}` : ''}`,
    start:
      first.startTime === undefined
        ? { date: first.startDate }
        : { dateTime: `${first.startDate}T${first.startTime}:00`, timeZone },
    end:
      first.startTime === undefined
        ? { date: isoOfDay(dayNumber(first.endDate) + 1) }
        : { dateTime: `${first.endDate}T${first.endTime ?? first.startTime}:00`, timeZone },
    status: values.status === 'Option' ? 'tentative' : 'confirmed',
    visibility: values.visibility === 'Privée' ? 'private' : 'default',
    extendedProperties: {
      private: { piloteBookingId: bookingId, piloteSpreadsheetId: context.spreadsheetId },
    },
  };
  const recurrence = toCalendarRecurrence(schedule, timeZone, untilUtcIn(timeZone));
  if (recurrence.length > 0) event.recurrence = recurrence;
  return event;
}

/** The wall-clock `yyyy-MM-dd` and `HH:mm` of an event time in `timeZone`. */
function wallOf(
  t: GoogleAppsScript.Calendar.Schema.EventDateTime | undefined,
  timeZone: string,
): { date: string; time?: string } | null {
  if (!t) return null;
  if (t.date) return { date: t.date };
  if (!t.dateTime) return null;
  // An offset-less dateTime is in the event's own time zone; Google answers with an offset.
  const hasOffset = /([+-]\d{2}:\d{2}|Z)$/.test(t.dateTime);
  if (!hasOffset && (t.timeZone ?? timeZone) === timeZone)
    return { date: t.dateTime.slice(0, 10), time: t.dateTime.slice(11, 16) };
  const instant = new Date(t.dateTime);
  const wall = Utilities.formatDate(instant, timeZone, "yyyy-MM-dd'T'HH:mm");
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * The booking fields an event's times and title stand for (what a move or a retitle in Calendar
 * changes on the row): title, start/end date and time; all-day end made inclusive again.
 */
export function eventFields(e: CalendarEvent, timeZone: string): Record<string, CellValue> | null {
  const start = wallOf(e.start, timeZone);
  const end = wallOf(e.end, timeZone);
  if (!start || !end) return null;
  if (start.time === undefined) {
    const last = isoOfDay(dayNumber(end.date) - 1);
    return {
      title: e.summary ?? '',
      startDate: start.date,
      startTime: null,
      endDate: last === start.date ? null : last,
      endTime: null,
    };
  }
  return {
    title: e.summary ?? '',
    startDate: start.date,
    startTime: start.time,
    endDate: end.date === start.date ? null : end.date,
    endTime: end.time ?? null,
  };
}

/** An event of the calendar Pilote did not create, as an occupant of the space. */
export function eventOccupant(e: CalendarEvent, space: string, timeZone: string): Occupant | null {
  const fields = eventFields(e, timeZone);
  if (!fields) return null;
  const schedule = bookingSchedule(fields);
  if (!schedule) return null;
  return { id: `cal:${e.id ?? ''}`, title: e.summary ?? '(sans titre)', space, schedule, external: true };
}
