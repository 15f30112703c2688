/**
 * Two-way sync of « Réservations » with one Google calendar per space (Calendar API v3 through
 * adapters/calendar-gateway.ts), and one-way to « Agenda public du lieu » (public-agenda.ts).
 *
 * The document lock is held only around sheet reads and writes (`flush`), never across a Calendar
 * call: one read of the tables at the start, then the write-backs in batches of
 * {@link FLUSH_EVERY} rows. A coordinator saving a booking while a long sync runs waits for one
 * batch (about a second), not for the whole run. What the sync writes while not holding the lock
 * was decided on the rows it read: a row pulled from Calendar is written only if the sheet still
 * holds what was read (else the sheet wins and is sent on the next run); its technical columns
 * (event id, state, hash) are written whatever the user changed meanwhile: a changed row no
 * longer matches its hash, so the next run sends it again. One run:
 *
 * 1. calendars: a space with bookings to send and no « Agenda » gets a calendar « Pilote — <space> »
 *    (created by Pilote, so `calendar.app.created` covers it), its id written back;
 * 2. pull: per calendar, the changes since the stored sync token (document property
 *    `pilote.calendarSync.<calendarId>`; none or a 410 → full sync, same end state). Only this
 *    spreadsheet's events are looked at (extendedProperties.private); others are never touched.
 *    An event of ours moved or retitled in Calendar updates its row when the row did not change
 *    since it was sent (else the sheet wins and is sent again); deleted in Calendar → « Annulée »
 *    (the row stays). Each is journaled;
 * 3. push: only rows whose event differs from the stored content hash (« Empreinte synchronisée »):
 *    insert with the deterministic id (a 409 after a crash is recognised: update instead), update,
 *    or remove when the booking was cancelled. A confirmed row that overlaps another confirmed
 *    booking (typed in the sheet) is refused, never sent: « Erreur » and the reason. A space
 *    naming a Workspace room resource (« Ressource Workspace ») gets it as an attendee
 *    (`attendees: [{email, resource: true}]`); the room's decline, pulled back, flags the row;
 *    instances of our recurring events edited one by one in Calendar (exceptions: an event with
 *    `recurringEventId` and `originalStartTime`; a cancelled one is `status: 'cancelled'`,
 *    developers.google.com/calendar/api/v3/reference/events, and guides/recurringevents) are
 *    reported in French, in the journal and the report, never lost silently: the sheet has no
 *    column for excluded dates yet, so a cancelled instance is not written into the row;
 * 4. each row's write-back (event id, state, hash) right after its Calendar write; the run stops
 *    before `budgetMs` (default 4.5 min, under the 6-minute limit) and the next run resumes:
 *    rows already sent carry their hash, so nothing is sent twice.
 */
import { bookingSchedule, describeSlot, readBookingSchedule } from '../domain/bookings/booking-record';
import { type Occupant, findConflicts } from '../domain/bookings/conflicts';
import { bookingsSheet, spacesSheet } from '../schema/sheets/spaces';
import type { CellValue } from '../schema/types';
import { type MessageKey, t } from '../shared/i18n';
import { type CalendarGateway, calendarGateway, classifyCalendarError } from './adapters/calendar-gateway';
import { appendJournal } from './adapters/journal';
import { type StoredRecord, TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { bookingEvent, bookingIdOf, eventFields } from './bookings/events';
import { userLocale } from './locale';
import { withDocumentLock } from './lock';
import { type PublicAgendaReport, type PublicItem, publicItems, syncPublicAgenda } from './public-agenda';
import { eventsSheet } from '../schema/sheets/activity';

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

/** What one run did (the sidebar and the menu show it). */
export interface SyncReport {
  pushed: number;
  pulled: number;
  refused: { id: string; reason: string }[];
  failed: { id: string; reason: string }[];
  calendarsCreated: number;
  /**
   * What Calendar did that the sheet cannot take as is: a room resource that declined, an
   * instance of a recurring booking cancelled or moved in Calendar (French, one per booking and change).
   */
  notices: { id: string; reason: string }[];
  /** « Agenda public du lieu »: its id, embed address and what was sent (null before it exists). */
  publicAgenda: PublicAgendaReport | null;
  /** False when the run stopped at its time budget: the next run goes on. */
  complete: boolean;
  message: string;
}

export interface SyncOptions {
  /** Virtual ms after which no new Calendar write starts (default 270 000: 4.5 min). */
  budgetMs?: number;
  gateway?: CalendarGateway;
}

const DEFAULT_BUDGET_MS = 270_000;
const TOKEN_PREFIX = 'pilote.calendarSync.';
/** Document property: the calendar Pilote created for a space (by the space's record id). */
const CALENDAR_PREFIX = 'pilote.spaceCalendar.';
/** Document property: instance exceptions already reported, per calendar ({instanceId: updated}). */
const INSTANCES_PREFIX = 'pilote.calendarInstances.';
/** How many exceptions a calendar's property remembers (a property value holds 9 KB). */
const INSTANCES_KEPT = 100;
const BLOCKING = new Set(['Confirmée', 'Option']);
const REMOVED = 'removed';
/** Write-backs per hold of the document lock (25 Calendar writes ≈ 10 s between two holds). */
export const FLUSH_EVERY = 25;

/** The content hash of an event as Pilote sends it. */
export function hashOf(event: CalendarEvent): string {
  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.MD5,
    JSON.stringify(event),
    Utilities.Charset.UTF_8,
  );
  return Utilities.base64Encode(digest);
}

function same(a: Record<string, CellValue> | null, b: Record<string, CellValue> | null): boolean {
  if (!a || !b) return false;
  return ['title', 'startDate', 'startTime', 'endDate', 'endTime'].every(
    (k) => (a[k] ?? null) === (b[k] ?? null) || ((a[k] ?? '') === '' && (b[k] ?? '') === ''),
  );
}

/** One write the sync queues for the next hold of the lock. */
interface PendingWrite {
  sheet: 'bookings' | 'spaces';
  id: string;
  changes: Record<string, CellValue>;
  /** Written only if the row still holds these values (a row pulled from Calendar). */
  guard?: Record<string, CellValue>;
  /** A journal line written with it (skipped with it). */
  journal?: string;
}

const sameCell = (a: CellValue | undefined, b: CellValue | undefined): boolean =>
  (a ?? null) === (b ?? null) || ((a ?? '') === '' && (b ?? '') === '');

/** Runs one sync (menu, sidebar, time-driven trigger); the document lock only around sheet I/O. */
export function syncCalendars(options: SyncOptions = {}): SyncReport {
  return runSync(options);
}

function runSync(options: SyncOptions): SyncReport {
  const started = Date.now();
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const gateway = options.gateway ?? calendarGateway;
  const locale = userLocale();
  const workbook = new WorkbookSession();
  const spreadsheetId = workbook.spreadsheet.getId();
  const timeZone = workbook.timeZone();
  const bookings = new TableRepository(workbook, bookingsSheet);
  const spaces = new TableRepository(workbook, spacesSheet);
  const user = Session.getActiveUser().getEmail();
  const report: SyncReport = {
    pushed: 0,
    pulled: 0,
    refused: [],
    failed: [],
    calendarsCreated: 0,
    notices: [],
    publicAgenda: null,
    complete: true,
    message: '',
  };
  const now = () => new Date();
  const stamp = () => ({ now: now(), requestId: null });
  const journal = (recordId: string, summary: string) =>
    appendJournal(workbook, {
      at: now(),
      user,
      action: 'Synchronisation',
      sheet: bookingsSheet.name,
      recordId,
      summary,
    });
  // The one read under the lock: everything below is decided on these rows.
  const { rows, spaceRows, publicRows } = withDocumentLock(() => {
    const read = {
      rows: bookings.list(),
      spaceRows: spaces.list(),
      publicRows: publicItems(new TableRepository(workbook, eventsSheet).list(), []),
    };
    return read;
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byEventId = new Map<string, StoredRecord>();
  for (const r of rows) {
    const eventId = String(r.values.calendarEventId ?? '');
    if (eventId !== '') byEventId.set(eventId, r);
  }
  const calendarOf = new Map<string, string>();
  const resourceOf = new Map<string, string>();
  for (const s of spaceRows) {
    const id = String(s.values.calendarId ?? '');
    const name = String(s.values.name ?? '');
    if (id !== '') calendarOf.set(name, id);
    const room = String(s.values.roomResource ?? '').trim();
    if (room !== '') resourceOf.set(name, room);
  }
  const contextOf = (space: string) => ({ spreadsheetId, timeZone, space });
  /** The event Pilote sends for a row: the booking's, plus the space's room resource as attendee. */
  const eventOf = (row: StoredRecord): CalendarEvent | null => {
    const space = String(row.values.space ?? '');
    const event = bookingEvent(row.id, row.values, contextOf(space));
    const room = resourceOf.get(space);
    // events resource, attendees[].resource: "Whether the attendee is a resource. Can only be set
    // when the attendee is added to the event for the first time."
    if (event && room) event.attendees = [{ email: room, resource: true }];
    return event;
  };

  // Writes queued for the next hold of the lock (flushed every FLUSH_EVERY, and at the end).
  const pending: PendingWrite[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending.splice(0);
    withDocumentLock(() => {
      // Fresh repositories: rows may have moved (sorted, deleted) since the first read.
      const repos = {
        bookings: new TableRepository(workbook, bookingsSheet),
        spaces: new TableRepository(workbook, spacesSheet),
      };
      const current = new Map<string, Map<string, StoredRecord>>();
      const rowsOf = (sheet: 'bookings' | 'spaces') => {
        let found = current.get(sheet);
        if (!found) {
          found = new Map(repos[sheet].list().map((r) => [r.id, r]));
          current.set(sheet, found);
        }
        return found;
      };
      for (const w of batch) {
        // One read of the table serves the whole batch (cheaper than one search per row).
        const now = rowsOf(w.sheet).get(w.id);
        if (!now) continue; // deleted from the sheet meanwhile: nothing to write back
        if (w.guard && !Object.entries(w.guard).every(([k, v]) => sameCell(now.values[k], v))) continue;
        repos[w.sheet].update(w.id, w.changes, stamp());
        Object.assign(now.values, w.changes);
        if (w.journal) journal(w.id, w.journal);
      }
    });
  };
  const queue = (w: PendingWrite): void => {
    pending.push(w);
    if (pending.length >= FLUSH_EVERY) flush();
  };
  try {
    runPhases();
  } catch (e) {
    // What was already written to Calendar is written back before the error reaches the user;
    // if that fails too, the next run recognises the events by their ids (409, hash).
    try {
      flush();
    } catch {
      // the first error is the one to report
    }
    throw e;
  }
  flush();

  function runPhases(): void {
    const syncedAt = () => Utilities.formatDate(now(), timeZone, "yyyy-MM-dd'T'HH:mm");
    const overBudget = () => Date.now() - started > budget;

    // 1. A calendar for each space that has something to send. Its id goes into the document's
    // properties the moment Calendar answers, before the sheet: a run that dies between the two
    // finds it there and writes it back instead of creating a second calendar (listing the user's
    // calendars to find it would need a calendar-list scope the manifest does not ask for).
    const props = PropertiesService.getDocumentProperties();
    for (const s of spaceRows) {
      const name = String(s.values.name ?? '');
      if (name === '' || calendarOf.has(name)) continue;
      if (!rows.some((r) => r.values.space === name && BLOCKING.has(String(r.values.status ?? '')))) continue;
      const remembered = props.getProperty(CALENDAR_PREFIX + s.id);
      const id = remembered ?? gateway.createCalendar(`Pilote — ${name}`, timeZone);
      if (!remembered) {
        props.setProperty(CALENDAR_PREFIX + s.id, id);
        report.calendarsCreated += 1;
      }
      queue({ sheet: 'spaces', id: s.id, changes: { calendarId: id } });
      calendarOf.set(name, id);
    }
    flush();

    // 2. Pull what changed in Calendar.
    for (const calendarId of new Set(calendarOf.values())) {
      let token = props.getProperty(TOKEN_PREFIX + calendarId);
      let pageToken: string | undefined;
      let nextSyncToken: string | undefined;
      const seenKey = INSTANCES_PREFIX + calendarId;
      const seen = readSeen(props.getProperty(seenKey));
      const seenBefore = JSON.stringify(seen);
      for (;;) {
        const page = gateway.listChanges(calendarId, token, pageToken);
        if (page.expired) {
          // 410: the token is no longer valid; a full sync reaches the same end state.
          token = null;
          pageToken = undefined;
          continue;
        }
        for (const e of page.items) {
          if (e.recurringEventId) {
            // Our series (found by the event id the row keeps): a cancelled exception carries
            // only id, recurringEventId and originalStartTime for sure (events resource, status).
            const series = byEventId.get(e.recurringEventId);
            if (series) instanceChanged(series, e, seen);
            continue;
          }
          const id = bookingIdOf(e, spreadsheetId);
          const row = id ? byId.get(id) : undefined;
          if (!row) continue;
          if (pullOne(row, e)) report.pulled += 1;
        }
        pageToken = page.nextPageToken;
        nextSyncToken = page.nextSyncToken;
        if (!pageToken) break;
      }
      // The rows first, then the token: a run dying in between pulls the same changes again.
      flush();
      if (nextSyncToken) props.setProperty(TOKEN_PREFIX + calendarId, nextSyncToken);
      if (JSON.stringify(seen) !== seenBefore) props.setProperty(seenKey, JSON.stringify(seen));
    }

    // 3. Push what changed in the sheet.
    let stop = false;
    for (const row of rows) {
      if (stop) break;
      const status = String(row.values.status ?? '');
      const space = String(row.values.space ?? '');
      const calendarId = calendarOf.get(space);
      const eventId = String(row.values.calendarEventId ?? '');
      if (!calendarId) continue;
      if (!BLOCKING.has(status)) {
        if (eventId === '' || row.values.syncHash === REMOVED) continue;
        if (overBudget()) {
          report.complete = false;
          break;
        }
        try {
          gateway.removeEvent(calendarId, eventId);
        } catch (e) {
          const kind = classifyCalendarError(e);
          if (kind !== 'notFound' && kind !== 'gone') {
            stop = fail(row, e);
            continue;
          }
        }
        writeBack(row, {
          syncHash: REMOVED,
          syncState: 'Synchronisée',
          syncError: null,
          lastSyncAt: syncedAt(),
        });
        report.pushed += 1;
        continue;
      }
      // A rule typed by hand that the domain cannot expand is reported, never sent half-read.
      const scheduleIssue = readBookingSchedule(row.values).issue;
      if (scheduleIssue) {
        const reason = t(locale, 'sync.refusedSchedule', {
          problem: t(locale, `booking.schedule.${scheduleIssue.code}` as MessageKey, scheduleIssue.params),
        });
        report.refused.push({ id: row.id, reason });
        if (row.values.syncError !== reason) writeBack(row, { syncState: 'Erreur', syncError: reason });
        continue;
      }
      const event = eventOf(row);
      if (!event) continue;
      const hash = hashOf(event);
      if (hash === row.values.syncHash && eventId !== '') continue;
      const overlap = status === 'Confirmée' ? confirmedOverlap(row, rows) : null;
      if (overlap) {
        const reason = t(locale, 'sync.refusedConflict', overlap);
        report.refused.push({ id: row.id, reason });
        if (row.values.syncError !== reason) writeBack(row, { syncState: 'Erreur', syncError: reason });
        continue;
      }
      if (overBudget()) {
        report.complete = false;
        break;
      }
      try {
        pushOne(calendarId, eventId, event);
      } catch (e) {
        stop = fail(row, e);
        continue;
      }
      writeBack(row, {
        calendarEventId: event.id ?? null,
        syncHash: hash,
        syncState: 'Synchronisée',
        syncError: null,
        lastSyncAt: syncedAt(),
      });
      report.pushed += 1;
    }
    flush();

    // 4. « Agenda public du lieu »: one way, from the rows read (Calendar writes only, no sheet write).
    if (!stop && report.complete) {
      const items: PublicItem[] = publicItems([], rows).concat(publicRows);
      const outcome = syncPublicAgenda(items, {
        spreadsheetId,
        timeZone,
        gateway,
        props,
        overBudget,
        title: t(locale, 'publicAgenda.title'),
      });
      report.publicAgenda = outcome;
      if (outcome && !outcome.complete) report.complete = false;
      if (outcome?.created) {
        const url = outcome.embedUrl;
        withDocumentLock(() => journal('', t(locale, 'publicAgenda.journalCreated', { url })));
      }
    }
  }

  function pullOne(row: StoredRecord, e: CalendarEvent): boolean {
    if (String(row.values.calendarEventId ?? '') !== e.id) return false;
    const guard = { ...pick(row.values), syncHash: row.values.syncHash ?? null };
    if (e.status === 'cancelled') {
      if (row.values.syncHash === REMOVED || row.values.status === 'Annulée') return false;
      const changes = { status: 'Annulée', syncHash: REMOVED, syncState: 'Synchronisée', syncError: null };
      queue({
        sheet: 'bookings',
        id: row.id,
        changes,
        guard: { ...guard, status: row.values.status ?? null },
        journal: t(locale, 'sync.journalDeleted', { id: row.id, title: String(row.values.title ?? '') }),
      });
      Object.assign(row.values, changes);
      return true;
    }
    const sent = eventOf(row);
    // The sheet changed since the last push: the sheet wins (it is sent below).
    if (!sent || hashOf(sent) !== row.values.syncHash) return false;
    resourceAnswer(row, e);
    const theirs = eventFields(e, timeZone);
    const ours = eventFields(sent, timeZone);
    if (!theirs || same(theirs, ours)) return false;
    const updated = { ...row.values, ...theirs };
    const next = eventOf({ ...row, values: updated });
    const changes: Record<string, CellValue> = { ...theirs, syncHash: next ? hashOf(next) : null };
    queue({
      sheet: 'bookings',
      id: row.id,
      changes,
      guard,
      journal: t(locale, 'sync.journalMoved', {
        id: row.id,
        title: String(theirs.title ?? ''),
        slot: describeSlot(bookingSchedule(updated)?.first ?? { startDate: '', endDate: '' }),
      }),
    });
    Object.assign(row.values, changes);
    return true;
  }

  /** The space's room resource declined the booking's event: the row says so (once). */
  function resourceAnswer(row: StoredRecord, e: CalendarEvent): void {
    const room = resourceOf.get(String(row.values.space ?? ''));
    if (!room) return;
    const answer = (e.attendees ?? []).find(
      (a) => a.resource && a.email?.toLowerCase() === room.toLowerCase(),
    );
    if (answer?.responseStatus !== 'declined') return;
    const reason = t(locale, 'sync.resourceDeclined', { id: row.id, room });
    report.notices.push({ id: row.id, reason });
    if (row.values.syncError === reason) return;
    writeBack(row, { syncState: 'Erreur', syncError: reason }, reason);
  }

  /**
   * One instance of a booking's recurring event changed alone in Calendar (an exception). A
   * cancelled instance becomes an excluded date of the booking (« Dates exclues », schema 5, in
   * the layout Pilote stores), journaled; the push below then sends the series with that EXDATE,
   * so Calendar and the sheet agree. When the row cannot take it (already 10 dates, a date the
   * row no longer has, or the row edited in the sheet since its last push: the sheet wins) it is
   * reported instead and the row keeps its dates. A moved or retitled instance is reported and
   * flags the row. Each exception is handled once (its `updated` remembered).
   */
  function instanceChanged(row: StoredRecord, e: CalendarEvent, seen: Record<string, string>): void {
    const key = String(e.id ?? '');
    const version = `${e.status ?? ''}|${e.updated ?? ''}|${JSON.stringify(e.start ?? null)}`;
    if (key === '' || seen[key] === version) return;
    seen[key] = version;
    const keys = Object.keys(seen);
    for (const old of keys.slice(0, Math.max(0, keys.length - INSTANCES_KEPT))) delete seen[old];
    const original = eventFields({ start: e.originalStartTime, end: e.originalStartTime }, timeZone);
    const date = original ? frenchDate(String(original.startDate)) : '';
    const title = String(row.values.title ?? '');
    if (e.status === 'cancelled') {
      const excluded = original ? withExcludedDay(row, String(original.startDate)) : null;
      if (excluded !== null) {
        const reason = t(locale, 'sync.instanceExcluded', { id: row.id, title, date });
        report.notices.push({ id: row.id, reason });
        writeBack(row, { recurrenceExceptions: excluded }, reason);
        report.pulled += 1;
        return;
      }
      const reason = t(locale, 'sync.instanceCancelled', { id: row.id, title, date });
      report.notices.push({ id: row.id, reason });
      withDocumentLock(() => journal(row.id, reason));
      return;
    }
    const moved = eventFields(e, timeZone);
    const slot = moved ? describeSlot(bookingSchedule(moved)?.first ?? { startDate: '', endDate: '' }) : '';
    const reason = t(locale, 'sync.instanceMoved', { id: row.id, title, date, slot });
    report.notices.push({ id: row.id, reason });
    writeBack(row, { syncState: 'Erreur', syncError: reason }, reason);
  }

  /**
   * The row's « Dates exclues » with `isoDay` added (`jj/mm/aaaa ; jj/mm/aaaa`, in date order), or
   * null when it cannot take it: the row changed in the sheet since its last push, the day is not
   * an occurrence of its schedule any more, or the schedule would not read back (10 dates at most).
   */
  function withExcludedDay(row: StoredRecord, isoDay: string): string | null {
    const event = eventOf(row);
    if (!event || hashOf(event) !== row.values.syncHash) return null;
    const current = String(row.values.recurrenceExceptions ?? '')
      .split(/[;,]/)
      .map((d) => d.trim())
      .filter((d) => d !== '');
    const french = frenchDate(isoDay);
    if (current.includes(french)) return null;
    const iso = (d: string) => d.split('/').reverse().join('-');
    const next = [...current, french].sort((a, b) => iso(a).localeCompare(iso(b))).join(' ; ');
    const read = readBookingSchedule({ ...row.values, recurrenceExceptions: next });
    if (read.issue || !read.schedule) return null;
    return next;
  }

  function pushOne(calendarId: string, eventId: string, event: CalendarEvent): void {
    const id = String(event.id);
    if (eventId === '') {
      try {
        gateway.insertEvent(calendarId, event);
        return;
      } catch (e) {
        // A crash after an earlier insert: the deterministic id already exists, update it.
        if (classifyCalendarError(e) !== 'duplicate') throw e;
      }
    }
    gateway.updateEvent(calendarId, id, event);
  }

  /** Queues `changes` to the row (with a journal line when given) and keeps the read row in step. */
  function writeBack(row: StoredRecord, changes: Record<string, CellValue>, journal?: string): void {
    queue({ sheet: 'bookings', id: row.id, changes, ...(journal === undefined ? {} : { journal }) });
    Object.assign(row.values, changes);
  }

  /** Records a failed write on its row; true when the run must stop (quota, permission). */
  function fail(row: StoredRecord, e: unknown): boolean {
    const kind = classifyCalendarError(e);
    const reason = t(
      locale,
      kind === 'quota'
        ? 'sync.errorQuota'
        : kind === 'permission'
          ? 'sync.errorPermission'
          : kind === 'transient'
            ? 'sync.errorTransient'
            : 'sync.errorOther',
      {
        detail: e instanceof Error ? e.message.slice(0, 200) : String(e),
      },
    );
    report.failed.push({ id: row.id, reason });
    writeBack(row, { syncState: 'Erreur', syncError: reason });
    if (kind === 'quota' || kind === 'permission') {
      report.complete = false;
      return true;
    }
    return false;
  }

  report.message = t(locale, report.complete ? 'sync.done' : 'sync.partial', {
    pushed: report.pushed,
    pulled: report.pulled,
    refused: report.refused.length,
    failed: report.failed.length,
  });
  return report;
}

/** The fields a pull may overwrite, as read (the guard of its write). */
function pick(values: Record<string, CellValue>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const k of ['title', 'startDate', 'startTime', 'endDate', 'endTime']) out[k] = values[k] ?? null;
  return out;
}

/** `dd/MM/yyyy` of an ISO date. */
function frenchDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/** The remembered exceptions of a calendar, from its document property. */
function readSeen(text: string | null): Record<string, string> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The first confirmed booking above `row` in the sheet, same space, that it overlaps (for the refusal). */
function confirmedOverlap(
  row: StoredRecord,
  rows: readonly StoredRecord[],
): { id: string; other: string; title: string; slot: string } | null {
  const schedule = bookingSchedule(row.values);
  if (!schedule) return null;
  const space = row.values.space;
  const occupants: Occupant[] = [];
  for (const r of rows) {
    // The booking higher in the sheet keeps the slot: of two overlapping rows, the later one is refused.
    if (r.row >= row.row || r.values.space !== space || r.values.status !== 'Confirmée') continue;
    const s = bookingSchedule(r.values);
    if (s)
      occupants.push({ id: r.id, title: String(r.values.title ?? ''), space: String(space), schedule: s });
  }
  const today = Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd');
  const hit = findConflicts({ id: row.id, title: '', space: String(space), schedule }, occupants, today)[0];
  return hit
    ? { id: row.id, other: hit.occupant.id, title: hit.occupant.title, slot: describeSlot(hit.other) }
    : null;
}
