/**
 * A space's bookings (« Réservations ») as an iCalendar file (RFC 5545), written with
 * ical-generator (MIT), read from the emulator's model without charged calls.
 *
 * - Timed bookings: `DTSTART;TZID=Europe/Paris:…` on the venue's wall clock, with the zone's
 *   VTIMEZONE, so a reader applies daylight saving as Google Calendar does for an event that
 *   carries its `timeZone` (developers.google.com/calendar/api/v3/reference/events, start.timeZone).
 * - All-day bookings: `VALUE=DATE`, DTEND the day after the last day (exclusive, RFC 5545
 *   §3.6.1: "the "DTEND" property … is non-inclusive").
 * - Repeats: the RRULE/EXDATE lines of `toCalendarRecurrence` (src/domain/bookings/recurrence.ts),
 *   the same lines the Calendar gateway sends; no second expansion here.
 * - UID: the booking's id (`RES-…@pilote`), stable across exports.
 * - Cancelled bookings are kept with STATUS:CANCELLED (RFC 5545 §3.8.1.11), so that a calendar
 *   that imported an earlier file drops the event; « Option » and « Demande » are TENTATIVE.
 */
import icalGenerator, { ICalEventClass, ICalEventStatus } from 'ical-generator';
import {
  type BookingSchedule,
  dayNumber,
  isoOfDay,
  type RecurrenceRule,
  recurrenceProblem,
  toCalendarRecurrence,
  WEEKDAYS,
  weekdayIndex,
} from '../../src/domain/bookings/recurrence';
import { tableRangeName } from '../../src/schema/layout';
import { bookingsSheet, spacesSheet } from '../../src/schema/sheets/spaces';
import type { Workbook } from '../emulator/spreadsheet/workbook';

/** Europe/Paris since 1996 (EU rule: last Sunday of March 01:00 UTC, last Sunday of October),
 * as tzurl.org publishes it for Europe/Paris. */
export const VTIMEZONE_EUROPE_PARIS = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'X-LIC-LOCATION:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export interface IcsReport {
  space: string;
  events: number;
  cancelled: number;
  recurring: number;
  /** Rows left out, and why (French, for the coordinator). */
  skipped: string[];
}

type Row = Record<string, string | number | boolean | null>;

/** The rows of a Pilote table by column key, from the model (row 1 keys, data from row 3). */
function readTable(wb: Workbook, rangeName: string): { rows: { row: number; record: Row }[] } | null {
  const named = wb.state.namedRanges.find((n) => n.name === rangeName);
  if (!named) return null;
  const sheet = wb.sheet(named.sheetId);
  const keys: string[] = [];
  for (let c = 1; c <= sheet.maxCols; c++) {
    const v = wb.view(sheet.id, 1, c).value;
    keys.push(typeof v === 'string' ? v : '');
  }
  const rows: { row: number; record: Row }[] = [];
  for (let r = 3; r <= wb.lastRow(sheet); r++) {
    const record: Row = {};
    let any = false;
    keys.forEach((key, i) => {
      if (!key) return;
      const view = wb.view(sheet.id, r, i + 1);
      const value = view.error ? null : view.value;
      record[key] = value === '' ? null : value;
      if (value !== null && value !== '' && !/^(period|occurrence)/.test(key)) any = true;
    });
    if (any) rows.push({ row: r, record });
  }
  return { rows };
}

function isoDateOf(v: unknown): string | null {
  if (typeof v !== 'number') return null;
  return isoOfDay(Math.floor(v) + dayNumber('1899-12-30'));
}

function timeOf(v: unknown): string | undefined {
  if (typeof v !== 'number') return undefined;
  const minutes = Math.round((v - Math.floor(v)) * 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The UTC instant of a wall time `yyyy-MM-ddTHH:mm` in `timeZone`, as `yyyyMMddTHHmmssZ`. */
export function wallToUtc(wall: string, timeZone: string): string {
  const asUtc = Date.UTC(
    Number(wall.slice(0, 4)),
    Number(wall.slice(5, 7)) - 1,
    Number(wall.slice(8, 10)),
    Number(wall.slice(11, 13)),
    Number(wall.slice(14, 16)),
  );
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const offsetAt = (ms: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - ms;
  };
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant);
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A row of « Réservations » as the schedule the domain expands. */
export function bookingSchedule(record: Row): BookingSchedule | null {
  const startDate = isoDateOf(record.startDate);
  if (!startDate) return null;
  const startTime = timeOf(record.startTime);
  const endDate = isoDateOf(record.endDate) ?? startDate;
  const endTime = startTime === undefined ? undefined : (timeOf(record.endTime) ?? startTime);
  const until = isoDateOf(record.recurrenceUntil) ?? undefined;
  const weekday = WEEKDAYS[weekdayIndex(dayNumber(startDate))];
  let rule: RecurrenceRule | undefined;
  switch (record.recurrence) {
    case 'Chaque semaine':
      rule = { frequency: 'weekly', weekdays: [weekday], interval: 1, until };
      break;
    case 'Toutes les deux semaines':
      rule = { frequency: 'weekly', weekdays: [weekday], interval: 2, until };
      break;
    case 'Chaque mois':
      rule = { frequency: 'monthlyByDate', interval: 1, until };
      break;
    default:
      rule = undefined;
  }
  if (rule && rule.until === undefined) delete rule.until;
  return { first: { startDate, startTime, endDate, endTime }, ...(rule ? { rule } : {}) };
}

const STATUS: Record<string, ICalEventStatus> = {
  Confirmée: ICalEventStatus.CONFIRMED,
  Option: ICalEventStatus.TENTATIVE,
  Demande: ICalEventStatus.TENTATIVE,
  Annulée: ICalEventStatus.CANCELLED,
};

/** The .ics text of the bookings of one space (its « Nom » in « Espaces »). */
export function exportBookingsIcs(
  wb: Workbook,
  space: string,
  now: Date = new Date(),
): { text: string; report: IcsReport } {
  const timeZone = wb.state.timeZone;
  if (timeZone !== 'Europe/Paris')
    throw new Error(
      `Fuseau horaire ${timeZone} non pris en charge par l’export .ics (Europe/Paris seulement).`,
    );
  const spaces = readTable(wb, tableRangeName(spacesSheet));
  const bookings = readTable(wb, tableRangeName(bookingsSheet));
  if (!spaces || !bookings)
    throw new Error('Le classeur n’est pas installé : lancez « Installer ou mettre à jour le classeur ».');
  const names = spaces.rows.map((s) => String(s.record.name ?? '')).filter(Boolean);
  const name = names.find((n) => n === space) ?? names.find((n) => n.toLowerCase() === space.toLowerCase());
  if (!name)
    throw new Error(
      `Espace inconnu : « ${space} ». Espaces du classeur : ${names.map((n) => `« ${n} »`).join(', ')}.`,
    );

  const calendar = icalGenerator({
    name: `${name} — réservations`,
    prodId: { company: 'Pilote', product: 'pilote-local', language: 'FR' },
    timezone: { name: timeZone, generator: () => VTIMEZONE_EUROPE_PARIS },
  });
  const report: IcsReport = { space: name, events: 0, cancelled: 0, recurring: 0, skipped: [] };
  for (const { row, record } of bookings.rows) {
    if (record.space !== name) continue;
    const where = `ligne ${row}`;
    const id = typeof record.id === 'string' && record.id ? record.id : null;
    if (!id) {
      report.skipped.push(`${where} : pas d’identifiant Pilote (ligne saisie hors de Pilote ?)`);
      continue;
    }
    const schedule = bookingSchedule(record);
    if (!schedule) {
      report.skipped.push(`${where} (${id}) : date de début manquante`);
      continue;
    }
    const problem = recurrenceProblem(schedule);
    if (problem) {
      report.skipped.push(`${where} (${id}) : récurrence impossible (${problem})`);
      continue;
    }
    const { first } = schedule;
    const allDay = first.startTime === undefined;
    const lines = toCalendarRecurrence(schedule, timeZone, (wall) => wallToUtc(wall, timeZone));
    const status = STATUS[String(record.status ?? '')] ?? ICalEventStatus.TENTATIVE;
    const description = [
      record.organiser ? `Structure : ${record.organiser}` : '',
      record.contact ? `Contact : ${record.contact}` : '',
      record.notes ? String(record.notes) : '',
    ]
      .filter(Boolean)
      .join('\n');
    calendar.createEvent({
      id: `${id}@pilote`,
      stamp: now,
      allDay,
      start: allDay ? first.startDate : `${first.startDate}T${first.startTime}:00`,
      end: allDay
        ? isoOfDay(dayNumber(first.endDate) + 1)
        : `${first.endDate}T${first.endTime ?? first.startTime}:00`,
      timezone: allDay ? undefined : timeZone,
      summary: String(record.title ?? ''),
      location: name,
      description: description || undefined,
      status,
      class: record.visibility === 'Privée' ? ICalEventClass.PRIVATE : ICalEventClass.PUBLIC,
      repeating: lines.length ? lines.join('\n') : undefined,
    });
    report.events += 1;
    if (status === ICalEventStatus.CANCELLED) report.cancelled += 1;
    if (lines.length) report.recurring += 1;
  }
  // With a calendar zone, ical-generator writes DTSTAMP as a wall time without Z (observed:
  // 10:00 for 09:00 UTC under TZ=Europe/Paris); RFC 5545 §3.8.7.2 requires UTC ("The value
  // MUST be specified in the UTC time format"): written here from the instant itself.
  const utcStamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const text = calendar.toString().replace(/^DTSTAMP:[0-9TZ]+(\r?)$/gm, `DTSTAMP:${utcStamp}$1`);
  return { text, report };
}
