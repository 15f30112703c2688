/**
 * The Advanced Calendar service (Calendar API v3 as Apps Script exposes it: the global `Calendar`
 * with `Calendar.Events` and `Calendar.Calendars`), argument order as in
 * @types/google-apps-script's `Calendar.Collection.EventsCollection` (`insert(resource,
 * calendarId, optionalArgs)`, `remove` for delete). Resources are googleapis' calendar_v3 schemas.
 *
 * Rules and their pages (developers.google.com/calendar/api/…):
 * - v3/reference/events/insert: client ids (base32hex, 5–1024), 409 on a reused id — a deleted
 *   event's id included (google-api-ruby-client#1811, google-api-python-client#210);
 * - v3/reference/events (resource): `status: 'cancelled'` kept for deleted events, `get` always
 *   returns them, incremental sync returns them with only the id guaranteed;
 * - v3/reference/events/list: syncToken/pageToken/maxResults (default 250, at most 2500),
 *   showDeleted, singleEvents, orderBy, timeMin/timeMax, privateExtendedProperty, iCalUID, the
 *   parameters forbidden with syncToken;
 * - guides/sync: nextSyncToken only on the last page, 410 when a token is no longer valid;
 * - guides/errors: the JSON error bodies (errors.ts);
 * - apps-script/guides/services/quotas: « Calendar events created 5,000 / day » (consumer;
 *   10,000 Workspace), reset 24 h after the first request — ASSUMPTION that the Advanced service
 *   counts against it like CalendarApp, answering 403 quotaExceeded « Calendar usage limits
 *   exceeded. » (the text Calendar gives for its own usage limits).
 * - v3/reference/events (resource), attendees[]: `email` "must be present when adding an
 *   attendee"; `resource` "Can only be set when the attendee is added to the event for the first
 *   time. Subsequent modifications are ignored"; responseStatus needsAction/declined/tentative/
 *   accepted. A room resource answers at once (support.google.com/calendar/answer/16107253, "Learn
 *   why a Google Calendar meeting room declines an event": "If the room has already been booked
 *   for another event that occurs at the same time, the room declines the request immediately";
 *   "If you update an event's time, the booked room is released, and attempts are made to rebook
 *   it"): accepted when free, declined when it already accepted an overlapping single event in
 *   any calendar. Recurring events are not checked for room conflicts (Google's rule — available
 *   for half of the occurrences, at most 8 conflicts — is not modelled); `_setRoomAnswer` makes a
 *   room decline everything (a room not shared for booking, or taken out of service).
 *   The 400 text for an attendee without e-mail is unverified.
 * Every call is one round trip charged through the runtime before it has any effect (injected
 * faults fire there): mutations `calendarMutation`, get `calendarRead`, list pages `calendarListPage`.
 */
import type { CostKind, Runtime } from '../../runtime';
import { stableHex } from '../shared';
import {
  CalendarApiError,
  CalendarErrors,
  ENGLISH_PREFIX,
  GoogleJsonResponseException,
  INJECTABLE,
  type InjectableFault,
  type MessagePrefix,
} from './errors';
import { type Occurrence, expand } from './recurrence';
import {
  type CalendarResource,
  type CalendarState,
  type CalendarWrite,
  type Event,
  type Events,
  type QuotaWindow,
  type StoredCalendar,
  type StoredEvent,
  clone,
  emptyState,
} from './state';
import {
  basicUtc,
  formatInstant,
  formatWallDate,
  fromDayNumber,
  instantOf,
  isValidTimeZone,
  isoMs,
  parseDateTime,
  wallMs,
  wallOf,
} from './time';
import { EVENT_ID, type EventTiming, normaliseTiming } from './validate';

/** Figures of the emulated account; each sourced where it is declared. */
export const CALENDAR_LIMITS = {
  /** apps-script/guides/services/quotas, consumer accounts (ASSUMPTION: applies to Calendar.Events.insert). */
  dailyEventsCreated: 5000,
  dailyEventsCreatedWorkspace: 10000,
  /**
   * support.google.com/a/answer/2905486 (quoted on Stack Overflow 15473732): "more than 25 new
   * calendars within a short period" puts the calendar in read-only mode. ASSUMPTION: 25 a day.
   */
  dailyCalendarsCreated: 25,
  quotaWindowMs: 24 * 60 * 60 * 1000,
  /** events/list: "By default the value is 250 events. The page size can never be larger than 2500 events." */
  defaultPageSize: 250,
  maxPageSize: 2500,
  /**
   * How far an unbounded series is expanded when the request gives no timeMax. Google pages
   * through an endless series; where it stops is unverified. Two years, Pilote's conflict horizon.
   */
  openSeriesHorizonMs: 2 * 366 * 24 * 60 * 60 * 1000,
} as const;

/** Options of {@link CalendarAdvancedService}. */
export interface CalendarServiceOptions {
  /** The user's address: id of the primary calendar. */
  userEmail?: string;
  /** Time zone of the primary calendar, default of new calendars. */
  timeZone?: string;
  dailyEventQuota?: number;
  dailyCalendarQuota?: number;
  /** Prefix of exception messages (localised on Google); English unless given. */
  messagePrefix?: MessagePrefix;
}

/** JSON form of the whole Calendar state (the playground persists it). */
export type CalendarSnapshot = CalendarState;

/** The REST method name a runtime method reports in messages (`Events.remove` → `calendar.events.delete`). */
function apiMethodOf(method: string): string {
  const [resource, verb] = method.split('.');
  return `calendar.${resource.charAt(0).toLowerCase()}${resource.slice(1)}.${verb === 'remove' ? 'delete' : verb}`;
}

/** Makes the next `times` calls of `method` (`Events.insert`, `Events.*`…) fail as Google does. */
export function injectCalendarFault(
  runtime: Runtime,
  method: string,
  fault: InjectableFault,
  times = 1,
  prefix: MessagePrefix = ENGLISH_PREFIX,
): void {
  runtime.injectFault(
    `Calendar.${method}`,
    () =>
      new GoogleJsonResponseException(
        apiMethodOf(method.endsWith('*') ? 'Events.call' : method),
        INJECTABLE[fault]().details,
        prefix,
      ),
    times,
  );
}

/**
 * The exception the scope check must throw for an Advanced Calendar method (`Events.insert`…)
 * whose scopes the manifest lacks: the REST API's 403, not the built-in services' text.
 */
export function calendarScopeError(
  method: string,
  prefix: MessagePrefix = ENGLISH_PREFIX,
): GoogleJsonResponseException {
  return new GoogleJsonResponseException(
    apiMethodOf(method),
    CalendarErrors.insufficientScopes().details,
    prefix,
  );
}

const LIST_PARAMS = new Set([
  'syncToken',
  'pageToken',
  'maxResults',
  'showDeleted',
  'singleEvents',
  'orderBy',
  'timeMin',
  'timeMax',
  'privateExtendedProperty',
  'sharedExtendedProperty',
  'iCalUID',
  'q',
  'updatedMin',
  'timeZone',
  'showHiddenInvitations',
  'maxAttendees',
  'alwaysIncludeEmail',
  'eventTypes',
]);
/** events/list, syncToken: "There are several query parameters that cannot be specified together with nextSyncToken". */
const FORBIDDEN_WITH_SYNC = [
  'iCalUID',
  'orderBy',
  'privateExtendedProperty',
  'q',
  'sharedExtendedProperty',
  'timeMin',
  'timeMax',
  'updatedMin',
];
const WRITE_PARAMS = new Set([
  'sendUpdates',
  'sendNotifications',
  'conferenceDataVersion',
  'maxAttendees',
  'supportsAttachments',
]);

interface ListArgs {
  syncToken?: string;
  pageToken?: string;
  maxResults?: number;
  showDeleted?: boolean;
  singleEvents?: boolean;
  orderBy?: string;
  timeMin?: string;
  timeMax?: string;
  privateExtendedProperty?: string | string[];
  sharedExtendedProperty?: string | string[];
  iCalUID?: string;
  q?: string;
  updatedMin?: string;
  timeZone?: string;
}

interface SyncTokenData {
  c: string;
  s: number;
  e: number;
}
interface PageTokenData {
  o: number;
  h: string;
  s: number;
}

function encodeToken(data: object): string {
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}
function decodeToken<T>(token: unknown): T | null {
  if (typeof token !== 'string' || token === '') return null;
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

/** The Advanced Calendar service: owns the state; `Events` and `Calendars` are its collections. */
export class CalendarAdvancedService {
  static readonly googleClassName = 'Calendar';
  readonly Events: EmuCalendarEvents;
  readonly Calendars: EmuCalendarCalendars;
  /** @internal */ _state: CalendarState = emptyState();
  /** @internal */ readonly _userEmail: string;
  /** @internal */ readonly _timeZone: string;
  /** @internal */ readonly _eventQuotaLimit: number;
  /** @internal */ readonly _calendarQuotaLimit: number;
  /** @internal */ readonly _prefix: MessagePrefix;

  constructor(
    readonly _runtime: Runtime,
    options: CalendarServiceOptions = {},
  ) {
    this._userEmail = options.userEmail ?? 'coordination@example.org';
    this._timeZone = options.timeZone ?? 'Europe/Paris';
    this._eventQuotaLimit = options.dailyEventQuota ?? CALENDAR_LIMITS.dailyEventsCreated;
    this._calendarQuotaLimit = options.dailyCalendarQuota ?? CALENDAR_LIMITS.dailyCalendarsCreated;
    this._prefix = options.messagePrefix ?? ENGLISH_PREFIX;
    this.Events = new EmuCalendarEvents(this);
    this.Calendars = new EmuCalendarCalendars(this);
    this._ensurePrimary();
  }

  private _ensurePrimary(): void {
    if (this._state.calendars[this._userEmail]) return;
    this._state.calendars[this._userEmail] = {
      calendar: {
        kind: 'calendar#calendar',
        etag: this._etag(),
        id: this._userEmail,
        summary: this._userEmail,
        timeZone: this._timeZone,
      },
      events: {},
      tokenEpoch: 0,
      deleted: false,
      primary: true,
    };
  }

  /**
   * Runs one API call: charges it (faults fire here), then turns a CalendarApiError into the
   * exception Apps Script throws.
   */
  /** @internal */ _call<T>(method: string, kind: CostKind, fn: () => T): T {
    this._runtime.charge('Calendar', method, kind);
    try {
      return fn();
    } catch (e) {
      if (e instanceof CalendarApiError)
        throw new GoogleJsonResponseException(apiMethodOf(method), e.details, this._prefix);
      throw e;
    }
  }

  /** @internal */ _calendar(calendarId: unknown): StoredCalendar {
    if (typeof calendarId !== 'string' || calendarId === '') throw CalendarErrors.notFound();
    const id = calendarId === 'primary' ? this._userEmail : calendarId;
    const cal = this._state.calendars[id];
    if (!cal || cal.deleted) throw CalendarErrors.notFound();
    return cal;
  }

  /** @internal */ _bump(): number {
    this._state.changeCounter += 1;
    return this._state.changeCounter;
  }

  /** @internal */ _etag(): string {
    return `"${this._runtime.clock.now() * 1000 + (this._state.changeCounter % 1000)}"`;
  }

  /** @internal */ _newId(seed: string): string {
    this._state.idCounter += 1;
    // base32hex alphabet, as server-generated ids are.
    const hex = stableHex(`${seed}:${this._state.idCounter}`, 32);
    return BigInt(`0x${hex}`).toString(32).padStart(26, '0').slice(0, 26);
  }

  /** @internal */ _record(method: string, calendarId: string, eventId: string | null): void {
    this._state.writes.push({ method, calendarId, eventId, at: this._runtime.clock.now() });
  }

  /** Consumes one unit of a 24-hour quota window, or throws 403 quotaExceeded. */
  /** @internal */ _consume(window: QuotaWindow, limit: number): void {
    const now = this._runtime.clock.now();
    if (window.windowStart !== null && now >= window.windowStart + CALENDAR_LIMITS.quotaWindowMs) {
      window.windowStart = null;
      window.used = 0;
    }
    if (window.used >= limit) throw CalendarErrors.quotaExceeded();
    window.windowStart ??= now;
    window.used += 1;
  }

  // ---- persistence and test helpers (hidden from the script by the Membrane) ----

  snapshot(): CalendarSnapshot {
    return clone(this._state);
  }

  restore(snapshot: CalendarSnapshot): void {
    this._state = clone(snapshot);
    this._ensurePrimary();
    this.Events._forgetLists();
  }

  /** Every stored event of a calendar (cancelled ones and exceptions included), creation order. */
  _events(calendarId: string): Event[] {
    const cal = this._calendar(calendarId);
    return Object.values(cal.events)
      .sort((a, b) => a.createdSeq - b.createdSeq)
      .map((s) => clone(s.event));
  }

  /** Ids of the calendars (primary first), deleted ones excluded. */
  _calendars(): CalendarResource[] {
    return Object.values(this._state.calendars)
      .filter((c) => !c.deleted)
      .map((c) => clone(c.calendar));
  }

  /** The writes the script made, oldest first. */
  _writes(): CalendarWrite[] {
    return clone(this._state.writes);
  }

  /** Puts an event "someone else" created (in the Calendar UI): not charged, not counted. */
  _addExternalEvent(calendarId: string, resource: Event, creatorEmail = 'someone.else@example.org'): Event {
    return this._asCaller(() => {
      const event = this.Events._store(resource, calendarId, true);
      event.creator = { email: creatorEmail };
      event.organizer = { email: creatorEmail };
      return clone(event);
    });
  }

  /** A change made in the Calendar UI (moved, retitled…): patch semantics, bumps updated/sequence. */
  _editExternally(calendarId: string, eventId: string, patch: Event): Event {
    return this._asCaller(() => clone(this.Events._applyPatch(calendarId, eventId, patch, true)));
  }

  /** A deletion made in the Calendar UI. */
  _deleteExternally(calendarId: string, eventId: string): void {
    this._asCaller(() => this.Events._applyRemove(calendarId, eventId));
  }

  /**
   * A room resource's answer from now on, whatever the invitation ('declined': a room taken out
   * of service or not bookable by this user); null goes back to "accepted when free".
   */
  _setRoomAnswer(email: string, answer: 'accepted' | 'declined' | null): void {
    const answers = { ...(this._state.roomAnswers ?? {}) };
    if (answer === null) delete answers[email.toLowerCase()];
    else answers[email.toLowerCase()] = answer;
    this._state.roomAnswers = answers;
  }

  /** The room answers what it would to `event` now (for a test to make it decline an existing event later). */
  _roomResponds(calendarId: string, eventId: string, email: string, answer: 'accepted' | 'declined'): Event {
    return this._asCaller(() => {
      const cal = this._calendar(calendarId);
      const stored = cal.events[eventId];
      if (!stored) throw CalendarErrors.notFound();
      const attendees = (stored.event.attendees ?? []).map((a) =>
        a.resource && a.email?.toLowerCase() === email.toLowerCase() ? { ...a, responseStatus: answer } : a,
      );
      stored.changeSeq = this._bump();
      stored.event = {
        ...stored.event,
        attendees,
        updated: isoMs(this._runtime.clock.now()),
        etag: this._etag(),
      };
      return clone(stored.event);
    });
  }

  /** Invalidates the sync tokens of one calendar (or all): the next incremental list answers 410. */
  _expireTokens(calendarId?: string): void {
    for (const [id, cal] of Object.entries(this._state.calendars))
      if (calendarId === undefined || id === calendarId || (calendarId === 'primary' && cal.primary))
        cal.tokenEpoch += 1;
  }

  /** Remaining creations in the current daily window. */
  _remainingEventQuota(): number {
    const w = this._state.eventQuota;
    if (w.windowStart !== null && this._runtime.clock.now() >= w.windowStart + CALENDAR_LIMITS.quotaWindowMs)
      return this._eventQuotaLimit;
    return this._eventQuotaLimit - w.used;
  }

  private _asCaller<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof CalendarApiError)
        throw new GoogleJsonResponseException('(test helper)', e.details, this._prefix);
      throw e;
    }
  }
}

/** A listed item and its sort keys. */
interface Item {
  event: Event;
  startMs: number;
  updatedMs: number;
  order: number;
}

/** `Calendar.Events`. */
export class EmuCalendarEvents {
  static readonly googleClassName = 'Calendar.Events';

  private readonly _listCache = new Map<string, Item[]>();

  /** @internal Drops cached list results (after a restore, change counters repeat). */
  _forgetLists(): void {
    this._listCache.clear();
  }

  constructor(private readonly _svc: CalendarAdvancedService) {}

  insert(resource: Event, calendarId: string, optionalArgs: object = {}, headers: object = {}): Event {
    return this._svc._call('Events.insert', 'calendarMutation', () => {
      checkArgs(optionalArgs, WRITE_PARAMS);
      checkHeaders(headers);
      const event = this._store(resource, calendarId, false);
      this._svc._record('Events.insert', event.organizer?.email ?? calendarId, event.id ?? null);
      return clone(event);
    });
  }

  get(calendarId: string, eventId: string, optionalArgs: object = {}, headers: object = {}): Event {
    return this._svc._call('Events.get', 'calendarRead', () => {
      checkArgs(optionalArgs, new Set(['timeZone', 'maxAttendees', 'alwaysIncludeEmail']));
      checkHeaders(headers);
      const cal = this._svc._calendar(calendarId);
      const found = this._find(cal, eventId);
      return clone(found);
    });
  }

  patch(
    resource: Event,
    calendarId: string,
    eventId: string,
    optionalArgs: object = {},
    headers: object = {},
  ): Event {
    return this._svc._call('Events.patch', 'calendarMutation', () => {
      checkArgs(optionalArgs, WRITE_PARAMS);
      const ifMatch = checkHeaders(headers);
      const event = this._applyPatch(calendarId, eventId, resource, false, ifMatch);
      this._svc._record('Events.patch', this._svc._calendar(calendarId).calendar.id as string, eventId);
      return clone(event);
    });
  }

  update(
    resource: Event,
    calendarId: string,
    eventId: string,
    optionalArgs: object = {},
    headers: object = {},
  ): Event {
    return this._svc._call('Events.update', 'calendarMutation', () => {
      checkArgs(optionalArgs, WRITE_PARAMS);
      const ifMatch = checkHeaders(headers);
      const cal = this._svc._calendar(calendarId);
      const current = this._writable(cal, eventId, ifMatch);
      const kept: Event = {
        id: current.id,
        iCalUID: current.iCalUID,
        created: current.created,
        creator: current.creator,
        organizer: current.organizer,
        htmlLink: current.htmlLink,
        recurringEventId: current.recurringEventId,
        originalStartTime: current.originalStartTime,
      };
      const next = { ...clone(resource), ...stripUndefined(kept) };
      const event = this._rewrite(cal, current, next);
      this._svc._record('Events.update', cal.calendar.id as string, eventId);
      return clone(event);
    });
  }

  remove(calendarId: string, eventId: string, optionalArgs: object = {}, headers: object = {}): void {
    this._svc._call('Events.remove', 'calendarMutation', () => {
      checkArgs(optionalArgs, new Set(['sendUpdates', 'sendNotifications']));
      checkHeaders(headers);
      this._applyRemove(calendarId, eventId);
      this._svc._record('Events.remove', this._svc._calendar(calendarId).calendar.id as string, eventId);
    });
  }

  list(calendarId: string, optionalArgs: object = {}, headers: object = {}): Events {
    return this._svc._call('Events.list', 'calendarListPage', () => {
      checkArgs(optionalArgs, LIST_PARAMS);
      checkHeaders(headers);
      return this._listPage(this._svc._calendar(calendarId), optionalArgs as ListArgs, null);
    });
  }

  instances(calendarId: string, eventId: string, optionalArgs: object = {}, headers: object = {}): Events {
    return this._svc._call('Events.instances', 'calendarListPage', () => {
      checkArgs(
        optionalArgs,
        new Set([
          'pageToken',
          'maxResults',
          'showDeleted',
          'timeMin',
          'timeMax',
          'timeZone',
          'originalStart',
          'maxAttendees',
          'alwaysIncludeEmail',
        ]),
      );
      checkHeaders(headers);
      const cal = this._svc._calendar(calendarId);
      const stored = cal.events[eventId];
      if (!stored) throw CalendarErrors.notFound();
      if (stored.event.status === 'cancelled') throw CalendarErrors.deleted();
      return this._listPage(cal, { ...(optionalArgs as ListArgs), singleEvents: true }, eventId);
    });
  }

  // ---- internals shared with the test helpers ----

  /** @internal */ _store(resource: Event, calendarId: string, external: boolean): Event {
    const svc = this._svc;
    const cal = svc._calendar(calendarId);
    if (resource === null || typeof resource !== 'object') throw CalendarErrors.badRequest();
    const event = clone(resource);
    if (event.id !== undefined && event.id !== null) {
      if (typeof event.id !== 'string' || !EVENT_ID.test(event.id)) throw CalendarErrors.invalidId();
      // events/insert: "the ID must be unique per calendar"; a deleted event keeps its id (409).
      if (cal.events[event.id]) throw CalendarErrors.duplicate();
    }
    normaliseTiming(event, cal.calendar.timeZone ?? svc._timeZone);
    checkEnums(event);
    this._attendees(cal, event, null);
    if (!external) svc._consume(svc._state.eventQuota, svc._eventQuotaLimit);
    const id = event.id ?? svc._newId(`${cal.calendar.id}:${event.summary ?? ''}`);
    const seq = svc._bump();
    const now = isoMs(svc._runtime.clock.now());
    const stored: Event = {
      ...event,
      kind: 'calendar#event',
      etag: svc._etag(),
      id,
      status: event.status ?? 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.calendar.id}`).toString('base64url')}`,
      created: now,
      updated: now,
      creator: { email: svc._userEmail, self: true },
      organizer: {
        email: cal.calendar.id as string,
        displayName: cal.calendar.summary as string,
        self: true,
      },
      iCalUID: event.iCalUID ?? `${id}@google.com`,
      sequence: event.sequence ?? 0,
      reminders: event.reminders ?? { useDefault: true },
      eventType: event.eventType ?? 'default',
    };
    cal.events[id] = { event: stored, changeSeq: seq, createdSeq: seq, external };
    return stored;
  }

  /** @internal */ _applyPatch(
    calendarId: string,
    eventId: string,
    patch: Event,
    external: boolean,
    ifMatch: string | null = null,
  ): Event {
    const cal = this._svc._calendar(calendarId);
    const current = this._writable(cal, eventId, ifMatch);
    if (patch === null || typeof patch !== 'object') throw CalendarErrors.badRequest();
    const merged = mergePatch(clone(current), clone(patch));
    merged.id = current.id;
    return this._rewrite(cal, current, merged, external);
  }

  /** @internal */ _applyRemove(calendarId: string, eventId: string): void {
    const cal = this._svc._calendar(calendarId);
    const stored = cal.events[eventId];
    if (stored) {
      // google-api-python-client#210: deleting a deleted event answers 410 « Resource has been deleted ».
      if (stored.event.status === 'cancelled') throw CalendarErrors.deleted();
      this._cancel(stored);
      // Deleting a series deletes its modified instances too.
      for (const other of Object.values(cal.events))
        if (other.event.recurringEventId === eventId && other.event.status !== 'cancelled')
          this._cancel(other);
      return;
    }
    const instance = this._instanceOf(cal, eventId);
    if (!instance) throw CalendarErrors.notFound();
    this._createException(cal, { ...instance, status: 'cancelled' });
  }

  private _cancel(stored: StoredEvent): void {
    const svc = this._svc;
    stored.changeSeq = svc._bump();
    // A new object: a list computed for an earlier snapshot keeps the earlier state.
    stored.event = {
      ...stored.event,
      status: 'cancelled',
      updated: isoMs(svc._runtime.clock.now()),
      etag: svc._etag(),
    };
  }

  /** The stored event (any status) or a generated instance of a series; 404 otherwise. */
  private _find(cal: StoredCalendar, eventId: string): Event {
    if (typeof eventId !== 'string') throw CalendarErrors.notFound();
    const stored = cal.events[eventId];
    if (stored) return stored.event;
    const instance = this._instanceOf(cal, eventId);
    if (!instance) throw CalendarErrors.notFound();
    return instance;
  }

  /** The event a write applies to; an instance id becomes an exception of its series first. */
  private _writable(cal: StoredCalendar, eventId: string, ifMatch: string | null): Event {
    const event = this._find(cal, eventId);
    // Conditional writes (apps-script/advanced/calendar, "If-Match"): 412 when the etag moved on.
    if (ifMatch !== null && ifMatch !== event.etag)
      throw new CalendarApiError({
        code: 412,
        message: 'Precondition Failed',
        errors: [
          {
            domain: 'global',
            reason: 'conditionNotMet',
            message: 'Precondition Failed',
            locationType: 'header',
            location: 'If-Match',
          },
        ],
      });
    // An instance id becomes an exception of its series in _rewrite, once the write is valid.
    return event;
  }

  private _createException(cal: StoredCalendar, instance: Event): Event {
    const seq = this._svc._bump();
    const stored: Event = {
      ...clone(instance),
      updated: isoMs(this._svc._runtime.clock.now()),
      etag: this._svc._etag(),
    };
    cal.events[instance.id as string] = { event: stored, changeSeq: seq, createdSeq: seq, external: false };
    return stored;
  }

  /** The stored record of a new exception (its content is set by the caller). */
  private _storeException(cal: StoredCalendar, instance: Event): StoredEvent {
    this._createException(cal, instance);
    return cal.events[instance.id as string];
  }

  /** Validates the new content of an existing event and stores it, with updated/etag/sequence. */
  private _rewrite(cal: StoredCalendar, current: Event, next: Event, external = false): Event {
    const svc = this._svc;
    if (next.sequence !== undefined && next.sequence !== null && next.sequence < (current.sequence ?? 0))
      throw CalendarErrors.invalidSequence();
    normaliseTiming(next, cal.calendar.timeZone ?? svc._timeZone);
    checkEnums(next);
    this._attendees(cal, next, current);
    // RFC 5545 §3.8.7.4: the organizer bumps SEQUENCE on a significant change (start, end,
    // recurrence, status); Google does the same on its side (unverified in detail).
    const significant =
      JSON.stringify([current.start, current.end, current.recurrence ?? null, current.status]) !==
      JSON.stringify([next.start, next.end, next.recurrence ?? null, next.status ?? 'confirmed']);
    const sequence = Math.max(next.sequence ?? 0, (current.sequence ?? 0) + (significant ? 1 : 0));
    const event: Event = {
      ...next,
      kind: 'calendar#event',
      status: next.status ?? 'confirmed',
      created: current.created,
      updated: isoMs(svc._runtime.clock.now()),
      sequence,
      reminders: next.reminders ?? { useDefault: true },
      eventType: next.eventType ?? current.eventType ?? 'default',
    };
    const stored = cal.events[current.id as string] ?? this._storeException(cal, current);
    stored.changeSeq = svc._bump();
    event.etag = svc._etag();
    stored.event = event;
    if (external) stored.external = true;
    return event;
  }

  // ---- attendees and rooms ----

  /**
   * Checks and completes `event.attendees` (see the header): e-mail required, `resource` kept from
   * the first time the attendee was added, responseStatus `needsAction` unless given, and a room's
   * answer when it is new or the event's time changed (otherwise its earlier answer stays).
   */
  private _attendees(cal: StoredCalendar, event: Event, current: Event | null): void {
    if (event.attendees === undefined || event.attendees === null) return;
    if (!Array.isArray(event.attendees)) throw CalendarErrors.badRequest();
    const before = new Map((current?.attendees ?? []).map((a) => [String(a.email ?? '').toLowerCase(), a]));
    const moved =
      current === null ||
      JSON.stringify([current.start, current.end, current.recurrence ?? null]) !==
        JSON.stringify([event.start, event.end, event.recurrence ?? null]);
    event.attendees = event.attendees.map((a) => {
      if (a === null || typeof a !== 'object' || typeof a.email !== 'string' || !a.email.includes('@'))
        throw new CalendarApiError({
          code: 400,
          message: 'Missing attendee email.',
          errors: [{ domain: 'global', reason: 'required', message: 'Missing attendee email.' }],
        });
      const email = a.email.toLowerCase();
      const previous = before.get(email);
      const resource = previous ? previous.resource === true : a.resource === true;
      const out = { ...a, resource: resource || undefined };
      if (out.resource === undefined) delete out.resource;
      if (resource) {
        const forced = this._svc._state.roomAnswers?.[email];
        const answer =
          forced ??
          (!moved && previous?.responseStatus
            ? previous.responseStatus
            : this._roomFree(cal, event, email)
              ? 'accepted'
              : 'declined');
        out.responseStatus = answer;
      } else out.responseStatus = a.responseStatus ?? previous?.responseStatus ?? 'needsAction';
      return out;
    });
  }

  /** True when room `email` has accepted no other single event overlapping `event` (any calendar). */
  private _roomFree(cal: StoredCalendar, event: Event, email: string): boolean {
    if ((event.recurrence?.length ?? 0) > 0 || event.status === 'cancelled') return true;
    const start = this._startMs(cal, event);
    const end = this._endMs(cal, event);
    for (const other of Object.values(this._svc._state.calendars)) {
      if (other.deleted) continue;
      for (const s of Object.values(other.events)) {
        const e = s.event;
        if (e.id === event.id && other === cal) continue;
        if (e.status === 'cancelled' || (e.recurrence?.length ?? 0) > 0) continue;
        const booked = (e.attendees ?? []).some(
          (a) => a.resource && a.email?.toLowerCase() === email && a.responseStatus === 'accepted',
        );
        if (booked && this._startMs(other, e) < end && start < this._endMs(other, e)) return false;
      }
    }
    return true;
  }

  // ---- recurrence ----

  private _timing(cal: StoredCalendar, event: Event): EventTiming {
    return normaliseTiming(clone(event), cal.calendar.timeZone ?? this._svc._timeZone);
  }

  /** Instances of a stored series starting before `untilMs`, exceptions applied (cancelled kept). */
  private _seriesInstances(cal: StoredCalendar, parent: Event, untilMs: number): Event[] {
    const t = this._timing(cal, parent);
    if (!t.recurrence) return [];
    const start = t.allDay
      ? ({ kind: 'date', day: Math.floor(t.startMs / 86400000) } as const)
      : ({ kind: 'timed', wall: wallOf(t.startMs, t.tz), tz: t.tz } as const);
    const duration = t.endMs - t.startMs;
    return expand(start, t.recurrence, untilMs).map((occ) => {
      const instance = this._makeInstance(parent, occ, duration, t);
      const override = cal.events[instance.id as string];
      return override ? override.event : instance;
    });
  }

  private _makeInstance(parent: Event, occ: Occurrence, durationMs: number, t: EventTiming): Event {
    const { recurrence: _r, ...rest } = parent;
    const tzStart = parent.start?.timeZone ?? undefined;
    const tzEnd = parent.end?.timeZone ?? undefined;
    if (occ.kind === 'date') {
      const startDate = formatWallDate(fromDayNumber(occ.day, { h: 0, mi: 0, s: 0 }));
      const endDate = formatWallDate(
        fromDayNumber(occ.day + Math.round(durationMs / 86400000), { h: 0, mi: 0, s: 0 }),
      );
      return {
        ...clone(rest),
        id: `${parent.id}_${startDate.replace(/-/g, '')}`,
        recurringEventId: parent.id,
        originalStartTime: { date: startDate },
        start: { date: startDate },
        end: { date: endDate },
      };
    }
    const startText = formatInstant(occ.ms, tzStart ?? t.tz);
    return {
      ...clone(rest),
      // Google's instance ids: `<series id>_<original start in UTC, basic format>`.
      id: `${parent.id}_${basicUtc(occ.ms)}`,
      recurringEventId: parent.id,
      originalStartTime: stripUndefined({ dateTime: startText, timeZone: tzStart }),
      start: stripUndefined({ dateTime: startText, timeZone: tzStart }),
      end: stripUndefined({
        dateTime: formatInstant(occ.ms + durationMs, tzEnd ?? tzStart ?? t.tz),
        timeZone: tzEnd,
      }),
    };
  }

  /** The generated (unmodified) instance `<series>_<stamp>`, or null. */
  private _instanceOf(cal: StoredCalendar, eventId: string): Event | null {
    const cut = eventId.lastIndexOf('_');
    if (cut < 0) return null;
    const parent = cal.events[eventId.slice(0, cut)];
    if (!parent || parent.event.status === 'cancelled' || !parent.event.recurrence?.length) return null;
    const stamp = eventId.slice(cut + 1);
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(stamp);
    if (!m) return null;
    const at = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    const found = this._seriesInstances(cal, parent.event, at + 1).find((i) => i.id === eventId);
    if (!found || cal.events[eventId]) return null;
    return found;
  }

  // ---- list ----

  private _listPage(cal: StoredCalendar, args: ListArgs, onlySeries: string | null): Events {
    const svc = this._svc;
    const calendarId = cal.calendar.id as string;
    let since: number | null = null;
    if (args.syncToken !== undefined) {
      for (const name of FORBIDDEN_WITH_SYNC)
        if ((args as Record<string, unknown>)[name] !== undefined)
          throw CalendarErrors.syncTokenIncompatible(name);
      // events/list, syncToken: "it is not allowed to set showDeleted to False".
      if (args.showDeleted === false) throw CalendarErrors.invalidParameter('showDeleted');
      const token = decodeToken<SyncTokenData>(args.syncToken);
      if (
        !token ||
        token.c !== calendarId ||
        token.e !== cal.tokenEpoch ||
        !(token.s <= svc._state.changeCounter)
      )
        throw CalendarErrors.fullSyncRequired();
      since = token.s;
    }
    const timeMin = args.timeMin === undefined ? null : instantParam(args.timeMin, 'timeMin');
    const timeMax = args.timeMax === undefined ? null : instantParam(args.timeMax, 'timeMax');
    if (timeMin !== null && timeMax !== null && timeMin >= timeMax)
      throw CalendarErrors.timeRangeEmpty('timeMax');
    const updatedMin = args.updatedMin === undefined ? null : instantParam(args.updatedMin, 'updatedMin');
    if (args.orderBy !== undefined) {
      if (args.orderBy !== 'startTime' && args.orderBy !== 'updated')
        throw CalendarErrors.invalidParameter('orderBy');
      // events/list, orderBy startTime: "This is only available when querying single events".
      if (args.orderBy === 'startTime' && args.singleEvents !== true)
        throw CalendarErrors.orderingNotAvailable();
    }
    let pageSize: number = CALENDAR_LIMITS.defaultPageSize;
    if (args.maxResults !== undefined) {
      if (!Number.isInteger(args.maxResults) || args.maxResults < 1)
        throw CalendarErrors.invalidParameter('maxResults');
      pageSize = Math.min(args.maxResults, CALENDAR_LIMITS.maxPageSize);
    }
    // events/list timeZone: "Time zone used in the response".
    if (args.timeZone !== undefined && !isValidTimeZone(args.timeZone))
      throw CalendarErrors.invalidParameter('timeZone');
    for (const name of ['showDeleted', 'singleEvents'] as const)
      if (args[name] !== undefined && typeof args[name] !== 'boolean')
        throw CalendarErrors.invalidParameter(name);
    const { pageToken, ...rest } = args;
    const hash = JSON.stringify([onlySeries, rest]);
    let offset = 0;
    let snapshot = svc._state.changeCounter;
    if (pageToken !== undefined) {
      const page = decodeToken<PageTokenData>(pageToken);
      if (!page || page.h !== hash || !Number.isInteger(page.o))
        throw CalendarErrors.invalidParameter('pageToken');
      offset = page.o;
      snapshot = page.s;
    }
    const privateProps = constraints(args.privateExtendedProperty, 'privateExtendedProperty');
    const sharedProps = constraints(args.sharedExtendedProperty, 'sharedExtendedProperty');
    const showDeleted = args.showDeleted === true;
    const single = args.singleEvents === true;
    const incremental = since !== null;
    const horizon =
      timeMax ?? Math.max(svc._runtime.clock.now(), timeMin ?? 0) + CALENDAR_LIMITS.openSeriesHorizonMs;

    // Pages of one query share its computed result (keyed by the snapshot, so a write between
    // two queries never serves a stale list).
    const cacheKey = JSON.stringify([calendarId, hash, snapshot, since]);
    const compute = (): Item[] => {
      const items: Item[] = [];
      const entries = Object.values(cal.events)
        .filter((s) => s.changeSeq <= snapshot && (since === null || s.changeSeq > since))
        .sort((a, b) => a.createdSeq - b.createdSeq);
      const push = (event: Event, order: number) => items.push(this._item(cal, event, order));
      for (const s of entries) {
        const e = s.event;
        if (onlySeries !== null && e.id !== onlySeries && e.recurringEventId !== onlySeries) continue;
        const isSeries = (e.recurrence?.length ?? 0) > 0 && !e.recurringEventId;
        if (single) {
          if (isSeries) {
            if (e.status === 'cancelled') {
              // Deleted series: on incremental sync its id comes back cancelled (instances unlisted);
              // showDeleted+singleEvents "only single instances of deleted events … are returned".
              if (incremental && !showDeleted) push(e, s.createdSeq);
              else if (showDeleted) {
                const instances = this._seriesInstances(cal, { ...e, status: 'confirmed' }, horizon);
                for (const i of instances) push({ ...i, status: 'cancelled' }, s.createdSeq);
              }
              continue;
            }
            // A changed series comes back whole: every instance, its exceptions applied.
            for (const i of this._seriesInstances(cal, e, horizon)) push(i, s.createdSeq);
            continue;
          }
          if (e.recurringEventId && !incremental) continue; // exceptions are listed through their series
          if (e.recurringEventId && incremental && entries.some((p) => p.event.id === e.recurringEventId))
            continue;
          push(e, s.createdSeq);
        } else {
          push(e, s.createdSeq);
        }
      }

      const kept = items.filter(({ event, startMs }) => {
        const cancelled = event.status === 'cancelled';
        if (incremental) return true;
        if (cancelled) {
          const exceptionRule = !single && !showDeleted && !!event.recurringEventId; // events/list showDeleted
          if (!showDeleted && !exceptionRule) {
            if (updatedMin === null || Date.parse(event.updated as string) < updatedMin) return false;
          }
        }
        if (updatedMin !== null && Date.parse(event.updated as string) < updatedMin) return false;
        if (args.iCalUID !== undefined && event.iCalUID !== args.iCalUID) return false;
        if (args.q !== undefined && !matchesText(event, args.q)) return false;
        if (!propsMatch(event.extendedProperties?.private, privateProps)) return false;
        if (!propsMatch(event.extendedProperties?.shared, sharedProps)) return false;
        if (timeMin !== null || timeMax !== null) {
          const series = !single && (event.recurrence?.length ?? 0) > 0;
          const spans = series
            ? this._seriesInstances(cal, { ...event, status: 'confirmed' }, timeMax ?? horizon).map((i) =>
                this._item(cal, i, 0),
              )
            : [{ startMs, endMs: this._endMs(cal, event) }];
          const overlaps = spans.some(
            (sp) =>
              (timeMax === null || sp.startMs < timeMax) &&
              (timeMin === null ||
                ('endMs' in sp ? sp.endMs : this._endMs(cal, (sp as Item).event)) > timeMin),
          );
          if (!overlaps) return false;
        }
        return true;
      });

      if (args.orderBy === 'startTime') kept.sort((a, b) => a.startMs - b.startMs || a.order - b.order);
      else if (args.orderBy === 'updated')
        kept.sort((a, b) => a.updatedMs - b.updatedMs || a.order - b.order);
      else kept.sort((a, b) => a.order - b.order || a.startMs - b.startMs);
      return kept;
    };
    const selected = this._listCache.get(cacheKey) ?? compute();
    if (!this._listCache.has(cacheKey)) {
      if (this._listCache.size >= 8) this._listCache.clear();
      this._listCache.set(cacheKey, selected);
    }

    const page = selected
      .slice(offset, offset + pageSize)
      .map(({ event }) =>
        event.status === 'cancelled' && (incremental ? !showDeleted : false)
          ? minimalCancelled(event)
          : renderIn(clone(event), args.timeZone),
      );
    const result: Events = {
      kind: 'calendar#events',
      etag: svc._etag(),
      summary: cal.calendar.summary,
      description: cal.calendar.description ?? '',
      updated: isoMs(svc._runtime.clock.now()),
      timeZone: args.timeZone ?? cal.calendar.timeZone,
      accessRole: 'owner',
      defaultReminders: [],
      items: page,
    };
    if (offset + pageSize < selected.length)
      result.nextPageToken = encodeToken({ o: offset + pageSize, h: hash, s: snapshot });
    else if (onlySeries === null)
      result.nextSyncToken = encodeToken({ c: calendarId, s: snapshot, e: cal.tokenEpoch });
    return result;
  }

  private _item(cal: StoredCalendar, event: Event, order: number): Item {
    return {
      event,
      startMs: this._startMs(cal, event),
      updatedMs: Date.parse(event.updated ?? '') || 0,
      order,
    };
  }

  private _startMs(cal: StoredCalendar, event: Event): number {
    return edgeMs(event.start, cal.calendar.timeZone ?? this._svc._timeZone);
  }

  private _endMs(cal: StoredCalendar, event: Event): number {
    return edgeMs(event.end, cal.calendar.timeZone ?? this._svc._timeZone);
  }
}

/** `Calendar.Calendars`. */
export class EmuCalendarCalendars {
  static readonly googleClassName = 'Calendar.Calendars';

  constructor(private readonly _svc: CalendarAdvancedService) {}

  insert(resource: CalendarResource, optionalArgs: object = {}, headers: object = {}): CalendarResource {
    const svc = this._svc;
    return svc._call('Calendars.insert', 'calendarMutation', () => {
      checkArgs(optionalArgs, new Set());
      checkHeaders(headers);
      if (resource === null || typeof resource !== 'object') throw CalendarErrors.badRequest();
      // calendars/insert: summary is the one required property (text of the error unverified).
      if (typeof resource.summary !== 'string' || resource.summary.trim() === '')
        throw new CalendarApiError({
          code: 400,
          message: 'Missing title.',
          errors: [{ domain: 'global', reason: 'required', message: 'Missing title.' }],
        });
      if (
        resource.timeZone !== undefined &&
        resource.timeZone !== null &&
        !isValidTimeZone(resource.timeZone)
      )
        throw CalendarErrors.invalidParameter('timeZone');
      svc._consume(svc._state.calendarQuota, svc._calendarQuotaLimit);
      const id = `${svc._newId(resource.summary)}@group.calendar.google.com`;
      const calendar: CalendarResource = {
        ...clone(resource),
        kind: 'calendar#calendar',
        etag: svc._etag(),
        id,
        timeZone: resource.timeZone ?? svc._timeZone,
        conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
      };
      svc._state.calendars[id] = { calendar, events: {}, tokenEpoch: 0, deleted: false, primary: false };
      svc._record('Calendars.insert', id, null);
      return clone(calendar);
    });
  }

  get(calendarId: string, optionalArgs: object = {}, headers: object = {}): CalendarResource {
    return this._svc._call('Calendars.get', 'calendarRead', () => {
      checkArgs(optionalArgs, new Set());
      checkHeaders(headers);
      return clone(this._svc._calendar(calendarId).calendar);
    });
  }

  patch(
    resource: CalendarResource,
    calendarId: string,
    optionalArgs: object = {},
    headers: object = {},
  ): CalendarResource {
    return this._svc._call('Calendars.patch', 'calendarMutation', () => {
      checkArgs(optionalArgs, new Set());
      checkHeaders(headers);
      const cal = this._svc._calendar(calendarId);
      return clone(this._write(cal, mergePatch(clone(cal.calendar), clone(resource))));
    });
  }

  update(
    resource: CalendarResource,
    calendarId: string,
    optionalArgs: object = {},
    headers: object = {},
  ): CalendarResource {
    return this._svc._call('Calendars.update', 'calendarMutation', () => {
      checkArgs(optionalArgs, new Set());
      checkHeaders(headers);
      const cal = this._svc._calendar(calendarId);
      return clone(this._write(cal, { ...clone(resource) }));
    });
  }

  remove(calendarId: string, optionalArgs: object = {}, headers: object = {}): void {
    this._svc._call('Calendars.remove', 'calendarMutation', () => {
      checkArgs(optionalArgs, new Set());
      checkHeaders(headers);
      const cal = this._svc._calendar(calendarId);
      // calendars/delete: "Deletes a secondary calendar. Use calendars.clear for clearing all events on primary calendars."
      if (cal.primary) throw CalendarErrors.cannotDeletePrimary();
      cal.deleted = true;
      this._svc._record('Calendars.remove', cal.calendar.id as string, null);
    });
  }

  private _write(cal: StoredCalendar, next: CalendarResource): CalendarResource {
    if (next.summary !== undefined && (typeof next.summary !== 'string' || next.summary.trim() === ''))
      throw CalendarErrors.invalidParameter('summary');
    if (next.timeZone !== undefined && next.timeZone !== null && !isValidTimeZone(next.timeZone))
      throw CalendarErrors.invalidParameter('timeZone');
    cal.calendar = {
      ...next,
      kind: 'calendar#calendar',
      id: cal.calendar.id,
      summary: next.summary ?? cal.calendar.summary,
      timeZone: next.timeZone ?? cal.calendar.timeZone,
      etag: this._svc._etag(),
    };
    this._svc._record('Calendars.write', cal.calendar.id as string, null);
    return cal.calendar;
  }
}

// ---- helpers ----

/** Enumerated fields of the events resource (developers.google.com/calendar/api/v3/reference/events). */
const EVENT_ENUMS: Record<'status' | 'visibility' | 'transparency', readonly string[]> = {
  status: ['confirmed', 'tentative', 'cancelled'],
  visibility: ['default', 'public', 'private', 'confidential'],
  transparency: ['opaque', 'transparent'],
};

/** A value outside its enumeration → 400 (text unverified). */
function checkEnums(event: Event): void {
  for (const [field, allowed] of Object.entries(EVENT_ENUMS)) {
    const value = (event as Record<string, unknown>)[field];
    if (value !== undefined && value !== null && !allowed.includes(value as string))
      throw CalendarErrors.invalidParameter(field);
  }
}

/** Unknown optional arguments are a mistake in the script: fail loudly (Google would ignore or 400; unverified). */
function checkArgs(args: object, allowed: Set<string>): void {
  if (args === null || typeof args !== 'object') return;
  for (const key of Object.keys(args))
    if (!allowed.has(key))
      throw new Error(`Pilote emulator: Calendar optional argument "${key}" is not implemented`);
}

/** Only If-Match is modelled (the advanced Calendar page lists If-Match and If-None-Match). */
function checkHeaders(headers: object): string | null {
  if (headers === null || typeof headers !== 'object') return null;
  let ifMatch: string | null = null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === 'if-match') ifMatch = String(value);
    else throw new Error(`Pilote emulator: Calendar request header "${key}" is not implemented`);
  }
  return ifMatch;
}

/** events/list timeMin/timeMax/updatedMin: "Must be an RFC3339 timestamp with mandatory time zone offset". */
function instantParam(value: unknown, name: string): number {
  const parsed = typeof value === 'string' ? parseDateTime(value) : null;
  if (!parsed || parsed.offsetMin === null) throw CalendarErrors.invalidParameter(name);
  return wallMs(parsed.wall) - parsed.offsetMin * 60000;
}

/**
 * `key=value` constraints. Several constraints are documented two ways: events/list says an event
 * must "match all given constraints", guides/extended-properties says they "are ORed together".
 * Until checked on Google, the emulator refuses more than one (a sync must not depend on either
 * reading): filter on one property and check the others in the script.
 */
function constraints(value: unknown, name: string): [string, string][] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > 1)
    throw new Error(
      `Pilote emulator: several ${name} constraints are documented both as AND (events/list) and OR (guides/extended-properties); use one`,
    );
  return list.map((c) => {
    const text = String(c);
    const eq = text.indexOf('=');
    if (eq <= 0) throw CalendarErrors.invalidParameter(name);
    return [text.slice(0, eq), text.slice(eq + 1)];
  });
}

function propsMatch(props: Record<string, string> | null | undefined, wanted: [string, string][]): boolean {
  return wanted.every(([k, v]) => props?.[k] === v);
}

function matchesText(event: Event, q: string): boolean {
  const hay = [event.summary, event.description, event.location].filter(Boolean).join(' ').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/** events (status): deleted events "are only guaranteed to have the id field populated". */
function minimalCancelled(event: Event): Event {
  return stripUndefined({
    kind: 'calendar#event',
    etag: event.etag,
    id: event.id,
    status: 'cancelled',
    recurringEventId: event.recurringEventId ?? undefined,
    originalStartTime: event.originalStartTime ? clone(event.originalStartTime) : undefined,
  });
}

/** The event's dateTimes re-rendered with the offset of `tz` (same instants), when asked. */
function renderIn(event: Event, tz: string | undefined): Event {
  if (tz === undefined) return event;
  for (const edge of [event.start, event.end, event.originalStartTime]) {
    if (!edge?.dateTime) continue;
    const parsed = parseDateTime(edge.dateTime);
    if (parsed && parsed.offsetMin !== null)
      edge.dateTime = formatInstant(wallMs(parsed.wall) - parsed.offsetMin * 60000, tz);
  }
  return event;
}

/** The instant of a stored start/end (all-day: midnight UTC of the date). */
function edgeMs(edge: Event['start'], tz: string): number {
  if (!edge) return 0;
  if (edge.date) return Date.parse(`${edge.date}T00:00:00Z`);
  const parsed = parseDateTime(String(edge.dateTime));
  if (!parsed) return 0;
  if (parsed.offsetMin === null) return instantOf(parsed.wall, edge.timeZone ?? tz);
  return wallMs(parsed.wall) - parsed.offsetMin * 60000;
}

/**
 * Patch semantics: the fields sent replace the stored ones, objects merge member by member,
 * arrays are replaced, null clears. guides/extended-properties: patch is "the preferred method,
 * as it allows you to manipulate some properties while leaving others untouched", and a property
 * is deleted by patching it to null; update drops the properties it does not carry.
 */
function mergePatch<T extends object>(into: T, patch: object): T {
  const target = into as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete target[k];
    else if (
      typeof v === 'object' &&
      !Array.isArray(v) &&
      typeof target[k] === 'object' &&
      target[k] !== null &&
      !Array.isArray(target[k])
    )
      target[k] = mergePatch(target[k] as object, v as object);
    else target[k] = v;
  }
  return into;
}

function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
