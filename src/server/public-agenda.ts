/**
 * « Agenda public du lieu »: one calendar, created by Pilote on demand, carrying the public
 * confirmed bookings (« Visibilité » Publique) and the events of « Événements » (a sheet of events
 * open to the public: all of its dated rows), with their title, space (as location), time and
 * recurrence — no organiser, no notes. One way only: the sheet is the source; what someone edits
 * in the public calendar never comes back into the workbook.
 *
 * Same guarantees as the space calendars, without a sheet column: each event carries the content
 * hash of what Pilote sent in `extendedProperties.private.piloteHash`, and one list of Pilote's
 * events of that calendar (events/list `privateExtendedProperty=piloteSpreadsheetId=<id>`, 2,500
 * per page) says what to insert, update or remove: a re-run with nothing changed makes no write.
 * Ids are deterministic (`pilotepub` + base32hex of `public/<spreadsheet>/<record>`, never a
 * space event's id), so a crash after an insert is a 409 on the next run, recognised and turned
 * into an update. Only events tagged `piloteAgenda: public` by this spreadsheet are ever written.
 *
 * The calendar's id is kept in the document property `pilote.publicCalendar` the moment Calendar
 * answers (a crash never makes two). Making it public needs an ACL rule (`scope.type: default`,
 * role reader) through Acl.insert, whose scopes are `calendar` or `calendar.acls`
 * (developers.google.com/calendar/api/v3/reference/acl/insert, Authorization) — not
 * `calendar.app.created`: Pilote does not ask for that wider right and tells the coordinator how
 * to make it public by hand (messages publicAgenda.howToPublish).
 */
import { bookingSchedule } from '../domain/bookings/booking-record';
import type { CellValue } from '../schema/types';
import { type CalendarGateway, classifyCalendarError } from './adapters/calendar-gateway';
import type { StoredRecord } from './adapters/table-repository';
import { base32hex, bookingEvent } from './bookings/events';

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

/** Document property holding the public calendar's id. */
export const PUBLIC_CALENDAR_PROPERTY = 'pilote.publicCalendar';

/** One thing the public agenda shows: a public confirmed booking or an event of « Événements ». */
export interface PublicItem {
  id: string;
  title: string;
  location: string;
  /** Schedule fields as a booking row has them (startDate, startTime, endDate, endTime, recurrence…). */
  fields: Record<string, CellValue>;
}

export interface PublicAgendaReport {
  calendarId: string;
  /** The address to embed on the venue's website (Google Calendar's embed page). */
  embedUrl: string;
  created: boolean;
  pushed: number;
  removed: number;
  failed: number;
  complete: boolean;
}

/** The public items of « Événements » rows and « Réservations » rows (confirmed and « Publique »). */
export function publicItems(
  eventRows: readonly StoredRecord[],
  bookingRows: readonly StoredRecord[],
): PublicItem[] {
  const out: PublicItem[] = [];
  for (const r of bookingRows) {
    if (r.values.status !== 'Confirmée' || r.values.visibility !== 'Publique') continue;
    if (!bookingSchedule(r.values)) continue;
    out.push({
      id: r.id,
      title: String(r.values.title ?? ''),
      location: String(r.values.space ?? ''),
      fields: r.values,
    });
  }
  for (const r of eventRows) {
    const fields = {
      startDate: r.values.date ?? null,
      startTime: r.values.startTime ?? null,
      endTime: r.values.endTime ?? null,
    };
    if (r.id === '' || !bookingSchedule(fields)) continue;
    out.push({
      id: r.id,
      title: String(r.values.title ?? ''),
      location: String(r.values.space ?? ''),
      fields,
    });
  }
  return out;
}

/** The public event id of a record: stable, and never the id of its space event. */
export function publicEventIdOf(spreadsheetId: string, recordId: string): string {
  return `pilotepub${base32hex(`public/${spreadsheetId}/${recordId}`)}`;
}

/** Google Calendar's embed address of a calendar, in the spreadsheet's time zone. */
export function embedUrlOf(calendarId: string, timeZone: string): string {
  return `https://calendar.google.com/calendar/embed?src=${encodeURIComponent(calendarId)}&ctz=${encodeURIComponent(timeZone)}`;
}

function hashOf(event: CalendarEvent): string {
  const digest = Utilities.computeDigest(
    Utilities.DigestAlgorithm.MD5,
    JSON.stringify(event),
    Utilities.Charset.UTF_8,
  );
  return Utilities.base64Encode(digest);
}

/** The event the public agenda shows for an item, its hash inside. */
function publicEvent(item: PublicItem, spreadsheetId: string, timeZone: string): CalendarEvent | null {
  const base = bookingEvent(
    item.id,
    { ...item.fields, status: 'Confirmée', visibility: null },
    {
      spreadsheetId,
      timeZone,
      space: item.location,
    },
  );
  if (!base) return null;
  const event: CalendarEvent = {
    id: publicEventIdOf(spreadsheetId, item.id),
    summary: item.title,
    start: base.start,
    end: base.end,
    status: 'confirmed',
    visibility: 'public',
    transparency: 'transparent',
    extendedProperties: {
      private: { piloteSpreadsheetId: spreadsheetId, piloteAgenda: 'public', piloteRecordId: item.id },
    },
  };
  if (item.location !== '') event.location = item.location;
  if (base.recurrence) event.recurrence = base.recurrence;
  const hash = hashOf(event);
  (event.extendedProperties?.private as Record<string, string>).piloteHash = hash;
  return event;
}

export interface PublicAgendaContext {
  spreadsheetId: string;
  timeZone: string;
  gateway: CalendarGateway;
  props: GoogleAppsScript.Properties.Properties;
  /** True once no new Calendar write may start (the run's time budget). */
  overBudget: () => boolean;
  /** The calendar's name when Pilote creates it. */
  title: string;
}

/**
 * Brings the public calendar to `items`: inserts what is missing, updates what changed, removes
 * Pilote's events that no longer belong there. Null when there is nothing to show and no calendar yet.
 */
export function syncPublicAgenda(
  items: readonly PublicItem[],
  ctx: PublicAgendaContext,
): PublicAgendaReport | null {
  const { spreadsheetId, timeZone, gateway, props } = ctx;
  let calendarId = props.getProperty(PUBLIC_CALENDAR_PROPERTY);
  let created = false;
  if (!calendarId) {
    if (items.length === 0) return null;
    calendarId = gateway.createCalendar(ctx.title, timeZone);
    props.setProperty(PUBLIC_CALENDAR_PROPERTY, calendarId);
    created = true;
  }
  const report: PublicAgendaReport = {
    calendarId,
    embedUrl: embedUrlOf(calendarId, timeZone),
    created,
    pushed: 0,
    removed: 0,
    failed: 0,
    complete: true,
  };
  const existing = new Map<string, CalendarEvent>();
  if (!created)
    for (const e of gateway.listTagged(calendarId, 'piloteSpreadsheetId', spreadsheetId)) {
      const own = e.extendedProperties?.private as Record<string, string> | undefined;
      // Instances edited one by one in the public agenda are not Pilote's to judge: their series is.
      if (own?.piloteAgenda !== 'public' || e.recurringEventId || !e.id) continue;
      existing.set(e.id, e);
    }
  const wanted = new Set<string>();
  const write = (work: () => void): boolean => {
    if (ctx.overBudget()) {
      report.complete = false;
      return false;
    }
    try {
      work();
      return true;
    } catch (e) {
      const kind = classifyCalendarError(e);
      report.failed += 1;
      if (kind === 'quota' || kind === 'permission') {
        report.complete = false;
        return false;
      }
      return true;
    }
  };
  for (const item of items) {
    const event = publicEvent(item, spreadsheetId, timeZone);
    if (!event?.id) continue;
    const id = event.id;
    wanted.add(id);
    const current = existing.get(id);
    const hash = (event.extendedProperties?.private as Record<string, string> | undefined)?.piloteHash;
    const theirs = current?.extendedProperties?.private as Record<string, string> | undefined;
    if (current && theirs?.piloteHash === hash) continue;
    const go = write(() => {
      if (!current) {
        try {
          gateway.insertEvent(calendarId as string, event);
          report.pushed += 1;
          return;
        } catch (e) {
          // Inserted by a run that died, or deleted by hand in the public agenda: the id exists.
          if (classifyCalendarError(e) !== 'duplicate') throw e;
        }
      }
      gateway.updateEvent(calendarId as string, id, event);
      report.pushed += 1;
    });
    if (!go) return report;
  }
  for (const id of existing.keys()) {
    if (wanted.has(id)) continue;
    const go = write(() => {
      try {
        gateway.removeEvent(calendarId as string, id);
      } catch (e) {
        const kind = classifyCalendarError(e);
        if (kind !== 'notFound' && kind !== 'gone') throw e;
      }
      report.removed += 1;
    });
    if (!go) return report;
  }
  return report;
}
