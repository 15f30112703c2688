/**
 * A row of « Réservations » as the one schedule the domain expands (recurrence.ts): the mapping
 * from the sheet's French values to a `BookingSchedule`, used by conflicts on save and by the
 * calendar sync alike, so the two never disagree on what a row means.
 *
 * Today's recurrence values keep their meaning (schema 1–3): « Chaque semaine » is weekly on the
 * start's weekday, « Toutes les deux semaines » the same every 2 weeks, « Chaque mois » monthly
 * on the start's date (RFC 5545: a month without that date has no occurrence — the occupancy
 * formula counts every month, see ARCHITECTURE.md), up to « Répéter jusqu’au » inclusive.
 * A timed booking whose end time is not after its start time and has no end date ends the next
 * day (it crosses midnight).
 */
import {
  type BookingSchedule,
  dayNumber,
  isoOfDay,
  type RecurrenceRule,
  WEEKDAYS,
  weekdayIndex,
} from './recurrence';

/** The values of a booking row the schedule reads (ISO dates, `HH:mm` times, French enums). */
export interface BookingFields {
  startDate?: unknown;
  startTime?: unknown;
  endDate?: unknown;
  endTime?: unknown;
  recurrence?: unknown;
  recurrenceUntil?: unknown;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The booking's schedule, or null when its dates cannot be read (an incomplete row). */
export function bookingSchedule(fields: BookingFields): BookingSchedule | null {
  const startDate = text(fields.startDate);
  if (!startDate || !ISO_DATE.test(startDate)) return null;
  const startTime = text(fields.startTime);
  const endTimeRaw = text(fields.endTime);
  const endDateRaw = text(fields.endDate);
  if (startTime !== undefined && !TIME.test(startTime)) return null;
  if (endTimeRaw !== undefined && !TIME.test(endTimeRaw)) return null;
  if (endDateRaw !== undefined && !ISO_DATE.test(endDateRaw)) return null;
  let endDate = endDateRaw ?? startDate;
  const first =
    startTime === undefined
      ? { startDate, endDate }
      : (() => {
          const endTime = endTimeRaw ?? startTime;
          // No end date and an end not after the start: the booking ends the next day.
          if (endDateRaw === undefined && endTimeRaw !== undefined && endTime <= startTime)
            endDate = isoOfDay(dayNumber(startDate) + 1);
          return { startDate, startTime, endDate, endTime };
        })();
  const rule = ruleOf(text(fields.recurrence), startDate, text(fields.recurrenceUntil));
  return rule ? { first, rule } : { first };
}

function ruleOf(
  recurrence: string | undefined,
  startDate: string,
  until: string | undefined,
): RecurrenceRule | null {
  const bound = until && ISO_DATE.test(until) ? { until } : {};
  const weekday = WEEKDAYS[weekdayIndex(dayNumber(startDate))];
  switch (recurrence) {
    case 'Chaque semaine':
      return { frequency: 'weekly', weekdays: [weekday], interval: 1, ...bound };
    case 'Toutes les deux semaines':
      return { frequency: 'weekly', weekdays: [weekday], interval: 2, ...bound };
    case 'Chaque mois':
      return { frequency: 'monthlyByDate', interval: 1, ...bound };
    default:
      return null;
  }
}

/** `03/01/2026 14:00–18:00`, `03/01/2026 (journée)`, `03/01/2026 22:00 – 04/01/2026 02:00`: how errors name a slot. */
export function describeSlot(o: {
  startDate: string;
  startTime?: string;
  endDate: string;
  endTime?: string;
}): string {
  const fr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  if (o.startTime === undefined)
    return o.endDate === o.startDate
      ? `${fr(o.startDate)} (journée entière)`
      : `du ${fr(o.startDate)} au ${fr(o.endDate)}`;
  if (o.endDate === o.startDate) return `${fr(o.startDate)} ${o.startTime}–${o.endTime ?? o.startTime}`;
  return `${fr(o.startDate)} ${o.startTime} – ${fr(o.endDate)} ${o.endTime ?? o.startTime}`;
}
