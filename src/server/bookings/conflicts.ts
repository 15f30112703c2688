/**
 * No double booking on save. Called by `createOrUpdateRecord` under the document lock, with the
 * bookings table the save already read: the candidate (the record as it will be stored) is
 * expanded by the domain (booking-record.ts, recurrence.ts) and checked against every other
 * booking of the same space up to the horizon (CONFLICT_HORIZON_DAYS, about 2 years, stated in
 * the status column's help), and against the events of the space's calendar that Pilote did not
 * create (one `Events.list` bounded by timeMin/timeMax, instances expanded).
 *
 * - a « Confirmée » booking over another « Confirmée » one or over an outside event is refused:
 *   French error naming the other booking, its date and time, nothing written;
 * - an « Option » (or a confirmed booking over an option) is kept and flagged: « Conflit » names
 *   what it overlaps;
 * - « Demande » and « Annulée » block nothing and are not checked.
 */
import {
  bookingSchedule,
  canonicalExceptions,
  describeSlot,
  readBookingSchedule,
} from '../../domain/bookings/booking-record';
import { type Occupant, CONFLICT_HORIZON_DAYS, findConflicts } from '../../domain/bookings/conflicts';
import { dayNumber, isoOfDay, lastDay } from '../../domain/bookings/recurrence';
import { spacesSheet } from '../../schema/sheets/spaces';
import type { CellValue } from '../../schema/types';
import { calendarGateway } from '../adapters/calendar-gateway';
import { TableRepository } from '../adapters/table-repository';
import type { WorkbookSession } from '../adapters/workbook';
import type { MessageKey } from '../../shared/i18n';
import { PiloteError } from '../errors';
import { eventOccupant, isPiloteEvent } from './events';

/** The fields whose change can make a booking overlap another. */
const SCHEDULE_FIELDS = [
  'space',
  'status',
  'startDate',
  'startTime',
  'endDate',
  'endTime',
  'recurrence',
  'recurrenceUntil',
  'recurrenceWeekdays',
  'recurrenceInterval',
  'recurrenceCount',
  'recurrenceExceptions',
] as const;

/** Statuses that occupy a slot. */
const BLOCKING = new Set(['Confirmée', 'Option']);

/**
 * The values to store for a booking: unchanged, plus `conflictWith` (empty or the overlap's
 * description). Throws `booking.conflict` when a confirmed booking would overlap another.
 */
export function checkBookingConflicts(
  workbook: WorkbookSession,
  bookings: TableRepository,
  id: string | null | undefined,
  input: Record<string, CellValue>,
): Record<string, CellValue> {
  let values = input;
  // An edit that changes neither the space, the status nor the schedule cannot create a conflict.
  if (id && !SCHEDULE_FIELDS.some((k) => k in values)) return values;
  // An edit: the stored record (one search of the id column, one read of its row).
  const own = id ? bookings.recordsWhere('id', id)[0] : undefined;
  const merged: Record<string, CellValue> = { ...(own?.values ?? {}), ...values };
  const status = String(merged.status ?? '');
  // Whatever its status, a booking is stored only with a schedule the domain can expand: a
  // French error names the field, nothing is written (booking-record.ts).
  const read = readBookingSchedule(merged, { strict: true });
  if (read.issue) {
    throw new PiloteError(
      `booking.schedule.${read.issue.code}` as MessageKey,
      read.issue.params,
      read.issue.field,
    );
  }
  const schedule = read.schedule;
  // « Dates exclues » is stored in the one layout the occupancy formula reads.
  if (typeof values.recurrenceExceptions === 'string' && schedule?.rule) {
    const canonical = canonicalExceptions(schedule.rule.exceptions ?? []);
    if (canonical !== values.recurrenceExceptions) values = { ...values, recurrenceExceptions: canonical };
  }
  const space = String(merged.space ?? '');
  const existing = own;
  if (!BLOCKING.has(status) || !schedule || space === '') return withFlag(values, existing?.values, '');
  // The space's bookings only: one search of the space column, one read of the rows it spans.
  const records = bookings.recordsWhere('space', space);
  const timeZone = workbook.timeZone();
  const today = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
  const candidate: Occupant = { id: id ?? '', title: String(merged.title ?? ''), space, schedule };
  const occupants: Occupant[] = [];
  const options = new Set<string>();
  for (const r of records) {
    if (r.id === id || r.values.space !== space || !BLOCKING.has(String(r.values.status ?? ''))) continue;
    const s = bookingSchedule(r.values);
    if (!s) continue;
    occupants.push({ id: r.id, title: String(r.values.title ?? ''), space, schedule: s });
    if (r.values.status === 'Option') options.add(r.id);
  }
  occupants.push(...outsideEvents(workbook, space, schedule, today, timeZone));
  const conflicts = findConflicts(candidate, occupants, today, CONFLICT_HORIZON_DAYS);
  const hard = status === 'Confirmée' ? conflicts.find((c) => !options.has(c.occupant.id)) : undefined;
  if (hard) {
    const outside = hard.occupant.external === true;
    throw new PiloteError(
      outside ? 'booking.conflictOutside' : 'booking.conflict',
      { id: hard.occupant.id, title: hard.occupant.title, slot: describeSlot(hard.other) },
      'startDate',
    );
  }
  const first = conflicts[0];
  const flag = first
    ? `${first.occupant.external ? 'Agenda' : first.occupant.id} «\u00a0${first.occupant.title}\u00a0» ${describeSlot(first.other)}`
    : '';
  return withFlag(values, existing?.values, flag);
}

function withFlag(
  values: Record<string, CellValue>,
  before: Record<string, CellValue> | undefined,
  flag: string,
): Record<string, CellValue> {
  // An edit that changes nothing about the flag writes nothing more.
  if (before && (before.conflictWith ?? '') === flag) return values;
  if (!before && flag === '') return values;
  return { ...values, conflictWith: flag === '' ? null : flag };
}

/**
 * The events Pilote did not create in the space's calendar over the candidate's days, as
 * occupants (ids `cal:<event id>`). No calendar, no call.
 */
function outsideEvents(
  workbook: WorkbookSession,
  space: string,
  schedule: NonNullable<ReturnType<typeof bookingSchedule>>,
  today: string,
  timeZone: string,
): Occupant[] {
  const spaces = new TableRepository(workbook, spacesSheet).recordsWhere('name', space);
  const calendarId = String(spaces[0]?.values.calendarId ?? '');
  if (calendarId === '') return [];
  const horizon = isoOfDay(
    Math.max(dayNumber(today), dayNumber(schedule.first.startDate)) + CONFLICT_HORIZON_DAYS,
  );
  const last = lastDay(schedule);
  const to = last === null || last > horizon ? horizon : last;
  // A day of margin each side in UTC: the overlap itself is decided on the wall clock.
  const timeMin = `${isoOfDay(dayNumber(schedule.first.startDate) - 1)}T00:00:00Z`;
  const timeMax = `${isoOfDay(dayNumber(to) + 2)}T00:00:00Z`;
  return calendarGateway
    .listBetween(calendarId, timeMin, timeMax)
    .filter((e) => e.status !== 'cancelled' && e.transparency !== 'transparent' && !isPiloteEvent(e))
    .map((e) => eventOccupant(e, space, timeZone))
    .filter((o): o is Occupant => o !== null);
}
