/**
 * The stored state of the Calendar emulator (JSON-safe, so snapshot/restore is a deep copy) and
 * the shapes of its records.
 */
import type { calendar_v3 } from 'googleapis';

export type Event = calendar_v3.Schema$Event;
export type CalendarResource = calendar_v3.Schema$Calendar;
export type Events = calendar_v3.Schema$Events;

/** One stored event, an exception of a recurring event (id `<parent>_<start>`) included. */
export interface StoredEvent {
  /** The resource as the API returns it; `status: 'cancelled'` once deleted (Google keeps it). */
  event: Event;
  /** Value of the global change counter at its last write (sync tokens compare against it). */
  changeSeq: number;
  /** Creation order, the "unspecified, stable order" of events.list. */
  createdSeq: number;
  /** Put there by someone else (`_addExternalEvent`), not by the script. */
  external: boolean;
}

export interface StoredCalendar {
  calendar: CalendarResource;
  events: Record<string, StoredEvent>;
  /** Bumped by `_expireTokens`: sync tokens of an older epoch answer 410. */
  tokenEpoch: number;
  deleted: boolean;
  primary: boolean;
}

/** One write made by the script (for tests: "Pilote never touched that event"). */
export interface CalendarWrite {
  method: string;
  calendarId: string;
  eventId: string | null;
  at: number;
}

/** A 24-hour quota window, reset 24 h after its first use (Apps Script quotas page). */
export interface QuotaWindow {
  windowStart: number | null;
  used: number;
}

export interface CalendarState {
  calendars: Record<string, StoredCalendar>;
  changeCounter: number;
  idCounter: number;
  eventQuota: QuotaWindow;
  calendarQuota: QuotaWindow;
  writes: CalendarWrite[];
  /** Rooms told by a test to decline whatever they are invited to (`_setRoomAnswer`), by e-mail. */
  roomAnswers?: Record<string, 'accepted' | 'declined'>;
}

export function emptyState(): CalendarState {
  return {
    calendars: {},
    changeCounter: 0,
    idCounter: 0,
    eventQuota: { windowStart: null, used: 0 },
    calendarQuota: { windowStart: null, used: 0 },
    writes: [],
  };
}

/** Deep copy of JSON data (the emulator never hands out its own objects). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
