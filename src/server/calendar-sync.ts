/**
 * Two-way sync of « Réservations » with one Google calendar per space (Calendar API v3 through
 * adapters/calendar-gateway.ts). One run, under the document lock:
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
 *    booking (typed in the sheet) is refused, never sent: « Erreur » and the reason;
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

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

/** What one run did (the sidebar and the menu show it). */
export interface SyncReport {
  pushed: number;
  pulled: number;
  refused: { id: string; reason: string }[];
  failed: { id: string; reason: string }[];
  calendarsCreated: number;
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
const BLOCKING = new Set(['Confirmée', 'Option']);
const REMOVED = 'removed';

/** The content hash of an event as Pilote sends it. */
function hashOf(event: CalendarEvent): string {
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

/** Runs one sync (menu, sidebar, time-driven trigger). */
export function syncCalendars(options: SyncOptions = {}): SyncReport {
  return withDocumentLock(() => runSync(options));
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
  const rows = bookings.list();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const spaceRows = spaces.list();
  const calendarOf = new Map<string, string>();
  for (const s of spaceRows) {
    const id = String(s.values.calendarId ?? '');
    if (id !== '') calendarOf.set(String(s.values.name ?? ''), id);
  }
  const contextOf = (space: string) => ({ spreadsheetId, timeZone, space });
  const syncedAt = () => Utilities.formatDate(now(), timeZone, "yyyy-MM-dd'T'HH:mm");

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
    spaces.update(s.id, { calendarId: id }, stamp());
    calendarOf.set(name, id);
  }

  // 2. Pull what changed in Calendar.
  for (const calendarId of new Set(calendarOf.values())) {
    let token = props.getProperty(TOKEN_PREFIX + calendarId);
    let pageToken: string | undefined;
    let nextSyncToken: string | undefined;
    for (;;) {
      const page = gateway.listChanges(calendarId, token, pageToken);
      if (page.expired) {
        // 410: the token is no longer valid; a full sync reaches the same end state.
        token = null;
        pageToken = undefined;
        continue;
      }
      for (const e of page.items) {
        const id = bookingIdOf(e, spreadsheetId);
        const row = id ? byId.get(id) : undefined;
        if (!row) continue;
        if (pullOne(row, e)) report.pulled += 1;
      }
      pageToken = page.nextPageToken;
      nextSyncToken = page.nextSyncToken;
      if (!pageToken) break;
    }
    if (nextSyncToken) props.setProperty(TOKEN_PREFIX + calendarId, nextSyncToken);
  }

  function pullOne(row: StoredRecord, e: CalendarEvent): boolean {
    if (String(row.values.calendarEventId ?? '') !== e.id) return false;
    if (e.status === 'cancelled') {
      if (row.values.syncHash === REMOVED || row.values.status === 'Annulée') return false;
      const changes = { status: 'Annulée', syncHash: REMOVED, syncState: 'Synchronisée', syncError: null };
      bookings.update(row.id, changes, stamp());
      Object.assign(row.values, changes);
      journal(
        row.id,
        t(locale, 'sync.journalDeleted', { id: row.id, title: String(row.values.title ?? '') }),
      );
      return true;
    }
    const space = String(row.values.space ?? '');
    const sent = bookingEvent(row.id, row.values, contextOf(space));
    // The sheet changed since the last push: the sheet wins (it is sent below).
    if (!sent || hashOf(sent) !== row.values.syncHash) return false;
    const theirs = eventFields(e, timeZone);
    const ours = eventFields(sent, timeZone);
    if (!theirs || same(theirs, ours)) return false;
    const updated = { ...row.values, ...theirs };
    const next = bookingEvent(row.id, updated, contextOf(space));
    const changes: Record<string, CellValue> = { ...theirs, syncHash: next ? hashOf(next) : null };
    bookings.update(row.id, changes, stamp());
    Object.assign(row.values, changes);
    journal(
      row.id,
      t(locale, 'sync.journalMoved', {
        id: row.id,
        title: String(theirs.title ?? ''),
        slot: describeSlot(bookingSchedule(updated)?.first ?? { startDate: '', endDate: '' }),
      }),
    );
    return true;
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
      if (Date.now() - started > budget) {
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
    const event = bookingEvent(row.id, row.values, contextOf(space));
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
    if (Date.now() - started > budget) {
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

  function writeBack(row: StoredRecord, changes: Record<string, CellValue>): void {
    bookings.update(row.id, changes, stamp());
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
