/**
 * The only code touching the Advanced Calendar service (`Calendar`, Calendar API v3). Every call
 * goes through `callWithRetry`: Google's transient answers (403/429 rateLimitExceeded, 500
 * backendError, 503) are retried with exponential backoff and jitter, as
 * developers.google.com/calendar/api/guides/errors recommends ("Implement exponential backoff");
 * the daily quota (« Calendar usage limits exceeded. », « Daily Limit Exceeded ») and permission
 * errors are never retried. Errors are recognised by the END of the exception's message: Apps
 * Script localises the prefix (« API call to calendar.events.insert failed with error: »), not the
 * API's own English message after it.
 */
import { PiloteError } from '../errors';

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

/** What a failed call means to the sync. */
export type CalendarFailure =
  | 'duplicate'
  | 'fullSyncRequired'
  | 'transient'
  | 'quota'
  | 'permission'
  | 'notFound'
  | 'gone'
  | 'other';

const ENDINGS: readonly [string, CalendarFailure][] = [
  ['The requested identifier already exists.', 'duplicate'],
  ['Sync token is no longer valid, a full sync is required.', 'fullSyncRequired'],
  ['User Rate Limit Exceeded', 'transient'],
  ['Rate Limit Exceeded', 'transient'],
  ['Service Unavailable', 'transient'],
  ['Backend Error', 'transient'],
  ['Calendar usage limits exceeded.', 'quota'],
  ['Daily Limit Exceeded', 'quota'],
  ['Request had insufficient authentication scopes.', 'permission'],
  ['Forbidden', 'permission'],
  ['Not Found', 'notFound'],
  ['Resource has been deleted', 'gone'],
];

/** The kind of a Calendar exception, from the end of its message. */
export function classifyCalendarError(e: unknown): CalendarFailure {
  const message = e instanceof Error ? e.message.trim() : String(e);
  for (const [ending, kind] of ENDINGS) if (message.endsWith(ending)) return kind;
  return 'other';
}

/** Retries after 1, 2, 4, 8 s (+ up to 1 s of jitter each): 5 attempts in all. */
export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 1000;

/** Runs `call`, retrying transient failures with exponential backoff and jitter. */
export function callWithRetry<T>(call: () => T, random: () => number = Math.random): T {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return call();
    } catch (e) {
      if (classifyCalendarError(e) !== 'transient' || attempt >= MAX_ATTEMPTS) throw e;
      Utilities.sleep(BASE_DELAY_MS * 2 ** (attempt - 1) + Math.floor(random() * 1000));
    }
  }
}

function service(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar) throw new PiloteError('calendar.notEnabled');
  return Calendar;
}

function events(): GoogleAppsScript.Calendar.Collection.EventsCollection {
  const events = service().Events;
  if (!events) throw new PiloteError('calendar.notEnabled');
  return events;
}

/** A page of changes, or `expired` when the stored sync token answered 410. */
export type ChangesPage =
  | { expired: false; items: CalendarEvent[]; nextPageToken?: string; nextSyncToken?: string }
  | { expired: true };

export const calendarGateway = {
  /** Creates a secondary calendar (the user owns it; `calendar.app.created` covers it). */
  createCalendar(summary: string, timeZone: string): string {
    const calendars = service().Calendars;
    if (!calendars) throw new PiloteError('calendar.notEnabled');
    const created = callWithRetry(() => calendars.insert({ summary, timeZone }));
    return String(created.id);
  },

  insertEvent(calendarId: string, event: CalendarEvent): CalendarEvent {
    return callWithRetry(() => events().insert(event, calendarId));
  },

  updateEvent(calendarId: string, eventId: string, event: CalendarEvent): CalendarEvent {
    return callWithRetry(() => events().update(event, calendarId, eventId));
  },

  removeEvent(calendarId: string, eventId: string): void {
    callWithRetry(() => events().remove(calendarId, eventId));
  },

  getEvent(calendarId: string, eventId: string): CalendarEvent {
    return callWithRetry(() => events().get(calendarId, eventId));
  },

  /**
   * Every event of `calendarId` overlapping [timeMin, timeMax) (RFC 3339), recurring ones
   * expanded into instances (`singleEvents`), in as few pages as the API allows (2,500 each).
   */
  listBetween(calendarId: string, timeMin: string, timeMax: string): CalendarEvent[] {
    const out: CalendarEvent[] = [];
    let pageToken: string | undefined;
    do {
      const args: Record<string, unknown> = { timeMin, timeMax, singleEvents: true, maxResults: 2500 };
      if (pageToken) args.pageToken = pageToken;
      const page = callWithRetry(() => events().list(calendarId, args));
      out.push(...(page.items ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  },

  /**
   * Every event of `calendarId` whose private extended property `key` is `value` (deleted ones
   * excluded, recurring events as series), in pages of 2,500 (events/list privateExtendedProperty).
   */
  listTagged(calendarId: string, key: string, value: string): CalendarEvent[] {
    const out: CalendarEvent[] = [];
    let pageToken: string | undefined;
    do {
      const args: Record<string, unknown> = { privateExtendedProperty: `${key}=${value}`, maxResults: 2500 };
      if (pageToken) args.pageToken = pageToken;
      const page = callWithRetry(() => events().list(calendarId, args));
      out.push(...(page.items ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  },

  /**
   * One page of changes since `syncToken` (developers.google.com/calendar/api/guides/sync), or
   * of everything (deleted events included) when the token is null: a full sync.
   */
  listChanges(calendarId: string, syncToken: string | null, pageToken?: string): ChangesPage {
    const args: Record<string, unknown> = { maxResults: 2500, showDeleted: true };
    if (syncToken) args.syncToken = syncToken;
    if (pageToken) args.pageToken = pageToken;
    try {
      const page = callWithRetry(() => events().list(calendarId, args));
      return {
        expired: false,
        items: page.items ?? [],
        nextPageToken: page.nextPageToken ?? undefined,
        nextSyncToken: page.nextSyncToken ?? undefined,
      };
    } catch (e) {
      if (classifyCalendarError(e) === 'fullSyncRequired') return { expired: true };
      throw e;
    }
  },
};

export type CalendarGateway = typeof calendarGateway;
