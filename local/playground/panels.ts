/**
 * The playground's « Agendas » and « Documents » panels (issue 13): routes read the emulator's
 * state directly (no execution, nothing charged, the virtual clock untouched), as a coordinator
 * would look at Google Calendar or Drive beside the sheet.
 *
 * - `GET /panels.js`: the panels' script (panels-ui.js), loaded by page.html;
 * - `GET /panels/calendar?week=yyyy-mm-dd`: each space's week (Monday to Sunday, the week of the
 *   given day, or of the virtual clock's today in the script's time zone): Pilote's bookings read
 *   from « Réservations » (their recurrences expanded by the domain's own `occurrencesBetween`)
 *   and the external events of the space's calendar, read from the emulated Calendar with the
 *   fake's own `events.list` paging (`singleEvents: true`, so recurrences are expanded as the
 *   fake expands them, exceptions applied); Pilote's own events there are the bookings already;
 * - `GET /panels/documents`: the generated documents, from « Documents » and from Drive;
 * - `GET /panels/document?id=`: one Google Doc rendered as HTML (local/render/html.ts);
 * - `GET /panels/document.docx?id=`: the same as .docx bytes, `content-disposition: attachment`.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { bookingSchedule } from '../../src/domain/bookings/booking-record';
import { occurrencesBetween, recurrenceProblem } from '../../src/domain/bookings/recurrence';
import type { Emulator } from '../emulator/emulator';
import { renderDocx } from '../render/docx';
import { renderHtml } from '../render/html';
import type { Workspace } from '../workspace';

type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;

/** One thing on a space's week: a Pilote booking or an event created in the calendar by someone else. */
export interface WeekItem {
  kind: 'booking' | 'external';
  title: string;
  /** ISO first day and last day (inclusive) of this occurrence. */
  startDate: string;
  endDate: string;
  /** `HH:mm`, absent for a whole day. */
  startTime?: string;
  endTime?: string;
  /** Bookings: « Confirmée », « Option », « Annulée »…; external events: `confirmed`, `tentative`. */
  status: string;
  /** Bookings: the record id (RES-0001); external events: the event id. */
  id: string;
  /** Bookings: the row was sent to the space's calendar (it has an event id). */
  synced?: boolean;
  /** External events: who created it. */
  creator?: string;
  recurring: boolean;
}

export interface SpaceWeek {
  space: string;
  calendarId: string | null;
  items: WeekItem[];
}

export interface CalendarWeek {
  /** The virtual clock's day in the script's time zone. */
  today: string;
  monday: string;
  sunday: string;
  timeZone: string;
  spaces: SpaceWeek[];
}

export interface DocumentEntry {
  /** The Drive file id (null for a row of « Documents » whose file is not in Drive). */
  id: string | null;
  title: string;
  kind: string;
  generatedAt: string;
  status: string;
  /** Listed in « Documents » (false: a Doc found in Drive only). */
  inSheet: boolean;
  recordId: string | null;
}

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The wall date and time of an instant in `timeZone`: `yyyy-mm-dd`, `HH:mm`. */
export function wallOf(ms: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The Monday of the week holding `iso` (ISO weeks start on Monday). */
export function mondayOf(iso: string): string {
  const day = dayNumber(iso);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // 0 = Monday
  return isoOfDay(day - weekday);
}

/** The instant a wall reading in `timeZone` names (the first of two in the autumn hour). */
function instantOf(iso: string, time: string, timeZone: string): number {
  const guess = Date.parse(`${iso}T${time}:00Z`);
  let ms = guess;
  for (let i = 0; i < 2; i += 1) {
    const w = wallOf(ms, timeZone);
    ms += guess - Date.parse(`${w.date}T${w.time}:00Z`);
  }
  return ms;
}

/** A table's rows as `column key → display value`, read without charging (key row 1, data from row 3). */
function tableRows(emulator: Emulator, tableKey: string): Record<string, string>[] {
  const wb = emulator.spreadsheetApp._workbook();
  const named = wb.state.namedRanges.find((n) => n.name === `PILOTE_T_${tableKey.toUpperCase()}`);
  const sheet = named ? wb.state.sheets.find((s) => s.id === named.sheetId) : undefined;
  if (!sheet) return [];
  const width = wb.lastColumn(sheet);
  const keys: string[] = [];
  for (let c = 1; c <= width; c += 1) keys.push(String(wb.jsValue(sheet.id, 1, c) ?? ''));
  const rows: Record<string, string>[] = [];
  for (let r = 3; r <= wb.lastRow(sheet); r += 1) {
    const row: Record<string, string> = {};
    let any = false;
    keys.forEach((key, i) => {
      if (!key) return;
      const text = wb.displayValue(sheet.id, r, i + 1);
      row[key] = text;
      if (text !== '' && key !== 'id') any = true;
    });
    if (any) rows.push(row);
  }
  return rows;
}

/** `03/01/2026` → `2026-01-03`; anything else → ''. */
function isoOfFrench(text: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

function timeOf(text: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(text.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : '';
}

/** The external events of a calendar over [fromMs, toMs), as the fake's events.list returns them. */
function listInstances(
  emulator: Emulator,
  calendarId: string,
  fromMs: number,
  toMs: number,
): CalendarEvent[] {
  const service = emulator.calendar;
  const stored = service._calendar(calendarId);
  // The fake's own listing, uncharged: Events.list would charge the runtime and move the clock.
  const events = service.Events as unknown as {
    _listPage(
      cal: unknown,
      args: Record<string, unknown>,
      onlySeries: string | null,
    ): { items?: CalendarEvent[]; nextPageToken?: string };
  };
  const out: CalendarEvent[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = {
      singleEvents: true,
      orderBy: 'startTime',
      timeMin: new Date(fromMs).toISOString(),
      timeMax: new Date(toMs).toISOString(),
      maxResults: 2500,
    };
    if (pageToken) args.pageToken = pageToken;
    const page = events._listPage(stored, args, null);
    out.push(...(page.items ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

const isPilote = (e: CalendarEvent) => {
  const own = e.extendedProperties?.private as Record<string, string> | undefined;
  return typeof own?.piloteBookingId === 'string' && own.piloteBookingId !== '';
};

function edge(
  edgeTime: GoogleAppsScript.Calendar.Schema.EventDateTime | undefined,
  timeZone: string,
  isEnd: boolean,
): { date: string; time?: string } {
  if (edgeTime?.date) {
    // An all-day event's end date is exclusive.
    return { date: isEnd ? isoOfDay(dayNumber(edgeTime.date) - 1) : edgeTime.date };
  }
  const w = wallOf(Date.parse(String(edgeTime?.dateTime)), timeZone);
  return { date: w.date, time: w.time };
}

/** Each space's week holding `day` (ISO); today's week when `day` is not given. */
export function calendarWeek(emulator: Emulator, day?: string | null): CalendarWeek {
  const timeZone = emulator.spreadsheetApp._workbook().state.timeZone ?? 'Europe/Paris';
  const today = wallOf(emulator.runtime.clock.now(), timeZone).date;
  const monday = mondayOf(day && ISO.test(day) ? day : today);
  const sunday = isoOfDay(dayNumber(monday) + 6);
  const calendars = emulator.calendar._calendars();
  const spaces = tableRows(emulator, 'spaces').filter((s) => s.name);
  const bookings = tableRows(emulator, 'bookings');
  const weeks = spaces.map((space): SpaceWeek => {
    const items: WeekItem[] = [];
    for (const b of bookings.filter((row) => row.space === space.name)) {
      const schedule = bookingSchedule({
        startDate: isoOfFrench(b.startDate ?? ''),
        startTime: timeOf(b.startTime ?? ''),
        endDate: isoOfFrench(b.endDate ?? ''),
        endTime: timeOf(b.endTime ?? ''),
        recurrence: b.recurrence,
        recurrenceUntil: isoOfFrench(b.recurrenceUntil ?? ''),
        // Schema 5: the rest of the rule, as the sheet shows it (booking-record.ts reads it).
        recurrenceWeekdays: b.recurrenceWeekdays,
        recurrenceInterval: b.recurrenceInterval,
        recurrenceCount: b.recurrenceCount,
        recurrenceExceptions: b.recurrenceExceptions,
      });
      if (!schedule || recurrenceProblem(schedule)) continue;
      for (const o of occurrencesBetween(schedule, monday, sunday))
        items.push({
          kind: 'booking',
          title: b.title ?? '',
          startDate: o.startDate,
          endDate: o.endDate,
          ...(o.startTime ? { startTime: o.startTime, endTime: o.endTime } : {}),
          status: b.status ?? '',
          id: b.id ?? '',
          synced: (b.calendarEventId ?? '') !== '',
          recurring: !!schedule.rule,
        });
    }
    // The space's calendar: the id in « Agenda », else the one Pilote names « Pilote — <space> ».
    const calendar =
      calendars.find((c) => c.id === space.calendarId && space.calendarId) ??
      calendars.find((c) => c.summary === `Pilote — ${space.name}`);
    if (calendar?.id) {
      const from = instantOf(monday, '00:00', timeZone);
      const to = instantOf(isoOfDay(dayNumber(sunday) + 1), '00:00', timeZone);
      for (const e of listInstances(emulator, calendar.id, from, to)) {
        if (e.status === 'cancelled' || isPilote(e)) continue;
        const start = edge(e.start, timeZone, false);
        const end = edge(e.end, timeZone, true);
        // The listing compares instants; an all-day event is kept by its days (its end is exclusive).
        if (start.date > sunday || end.date < monday) continue;
        items.push({
          kind: 'external',
          title: e.summary ?? '',
          startDate: start.date,
          // ISO days compare as text: the later of the two.
          endDate: [start.date, end.date].sort()[1],
          ...(start.time ? { startTime: start.time, endTime: end.time } : {}),
          status: e.status ?? 'confirmed',
          id: e.id ?? '',
          creator: e.creator?.email ?? '',
          recurring: !!e.recurringEventId,
        });
      }
    }
    items.sort(
      (a, b) =>
        a.startDate.localeCompare(b.startDate) ||
        (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
        a.title.localeCompare(b.title),
    );
    return { space: space.name, calendarId: calendar?.id ?? null, items };
  });
  return { today, monday, sunday, timeZone, spaces: weeks };
}

/** The generated documents: rows of « Documents » (newest first), then Docs found only in Drive. */
export function documentList(emulator: Emulator): DocumentEntry[] {
  const docs = new Set(emulator.documentApp._documentIds());
  const live = (id: string) => docs.has(id) && emulator.drive.items.get(id)?.trashed !== true;
  const rows = tableRows(emulator, 'documents')
    .filter((r) => r.title)
    .map(
      (r): DocumentEntry => ({
        id: r.fileId && live(r.fileId) ? r.fileId : null,
        title: r.title,
        kind: r.kind ?? '',
        generatedAt: r.generatedAt ?? '',
        status: r.status ?? '',
        inSheet: true,
        recordId: r.id ?? null,
      }),
    )
    .reverse();
  const listed = new Set(rows.map((r) => r.id));
  const driveOnly = [...docs]
    .filter((id) => live(id) && !listed.has(id))
    .map(
      (id): DocumentEntry => ({
        id,
        title: emulator.drive.items.get(id)?.name ?? id,
        kind: '',
        generatedAt: '',
        status: '',
        inSheet: false,
        recordId: null,
      }),
    );
  return [...rows, ...driveOnly];
}

function documentOf(emulator: Emulator, id: string | null) {
  if (!id || !emulator.documentApp._documentIds().includes(id)) return null;
  return { content: emulator.documentApp._document(id), name: emulator.drive.items.get(id)?.name ?? id };
}

/** `attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266, RFC 5987). */
export function attachmentHeader(name: string): string {
  const base = `${name.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim() || 'document'}.docx`;
  const ascii =
    base
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'document.docx';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(base)}`;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * Answers the panels' routes; false for any other request (server.ts goes on). Reads the latest
 * saved workbook first (what the CLI saved shows too).
 */
export async function panelsRoute(
  workspace: Workspace,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (req.method !== 'GET') return false;
  const path = url.pathname;
  if (path === '/panels.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    // The file is not named panels.js: jest and tsx would resolve `./panels` to it.
    res.end(readFileSync(join(__dirname, 'panels-ui.js'), 'utf8'));
    return true;
  }
  if (!path.startsWith('/panels/')) return false;
  workspace.sync();
  const { emulator } = workspace;
  if (path === '/panels/calendar') {
    json(res, 200, calendarWeek(emulator, url.searchParams.get('week')));
    return true;
  }
  if (path === '/panels/documents') {
    json(res, 200, documentList(emulator));
    return true;
  }
  if (path === '/panels/document' || path === '/panels/document.docx') {
    const doc = documentOf(emulator, url.searchParams.get('id'));
    if (!doc) {
      json(res, 404, { error: 'document inconnu' });
      return true;
    }
    if (path === '/panels/document') {
      // Shown in a sandboxed iframe; nothing in it may run.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      });
      res.end(renderHtml(doc.content, doc.name));
      return true;
    }
    const bytes = await renderDocx(doc.content, doc.name);
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': attachmentHeader(doc.name),
      'content-length': String(bytes.length),
      'cache-control': 'no-store',
    });
    res.end(bytes);
    return true;
  }
  json(res, 404, { error: 'not found' });
  return true;
}
