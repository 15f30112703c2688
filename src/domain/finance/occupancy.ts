/**
 * Occupancy of the spaces over a period, as « Réservations » and « Espaces » compute it: the
 * duration of an occurrence, the occurrences of a recurring booking in the period, the hours
 * booked per space (confirmed bookings) and the share of the hours each space is available.
 */

import { bookingSchedule, occurrencesStartingBetween } from '../bookings/booking-record';
import type { BookingSchedule } from '../bookings/recurrence';
import { dayNumber } from './in-kind';
import { cents, type FinanceRecord, isoDate, num, text } from './records';

/** A period of days, ISO, both ends included. */
export interface Period {
  start: string;
  end: string;
}

/** A time of day (`19:30`) as the fraction of a day Sheets stores; 0 when empty. */
function dayFraction(record: FinanceRecord, key: string): number {
  const v = record[key];
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d{1,2}):(\d{2})/.exec(v) : null;
  return m ? (Number(m[1]) * 60 + Number(m[2])) / 1440 : 0;
}

/** A time field as `HH:mm` (the schedule's form), from the fraction of a day or the text Sheets holds. */
function hhmm(record: FinanceRecord, key: string): string | undefined {
  const v = record[key];
  if (v === null || v === undefined || v === '') return undefined;
  const minutes = Math.round(dayFraction(record, key) * 1440);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The booking's schedule as `booking-record.ts` reads its row: the one expansion Pilote has. */
function scheduleOf(booking: FinanceRecord): BookingSchedule | null {
  return bookingSchedule({
    startDate: isoDate(booking, 'startDate') ?? undefined,
    startTime: hhmm(booking, 'startTime'),
    endDate: isoDate(booking, 'endDate') ?? undefined,
    endTime: hhmm(booking, 'endTime'),
    recurrence: booking.recurrence,
    recurrenceUntil: isoDate(booking, 'recurrenceUntil') ?? undefined,
    recurrenceWeekdays: booking.recurrenceWeekdays,
    recurrenceInterval: booking.recurrenceInterval,
    recurrenceCount: booking.recurrenceCount,
    recurrenceExceptions: booking.recurrenceExceptions,
  });
}

/**
 * Hours of one occurrence; an all-day booking counts a day of the space's weekly hours ÷ 7. A
 * timed booking with no end date whose end is not after its start ends the next day (it crosses
 * midnight), as the schedule reads it.
 */
export function occurrenceHours(booking: FinanceRecord, weeklyHours: number): number | null {
  const start = isoDate(booking, 'startDate');
  if (start === null) return null;
  const timed = !(booking.startTime === null || booking.startTime === undefined || booking.startTime === '');
  const endTime = dayFraction(booking, 'endTime');
  const hasEnd = !(booking.endTime === null || booking.endTime === undefined || booking.endTime === '');
  const endDate = isoDate(booking, 'endDate');
  const overnight = endDate === null && timed && hasEnd && endTime <= dayFraction(booking, 'startTime');
  const days = endDate === null ? (overnight ? 1 : 0) : dayNumber(endDate) - dayNumber(start);
  if (!timed) return cents((days + 1) * (weeklyHours / 7));
  return cents(Math.max(0, days + endTime - dayFraction(booking, 'startTime')) * 24);
}

/**
 * Occurrences of a booking starting in the period, every kind of recurrence included: the
 * domain's own expansion (`occurrencesStartingBetween`), which « Occurrences sur la période »
 * computes in the sheet. A rule the schedule cannot read counts none.
 */
export function occurrencesIn(booking: FinanceRecord, period: Period): number {
  const schedule = scheduleOf(booking);
  return schedule ? occurrencesStartingBetween(schedule, period.start, period.end) : 0;
}

/** Hours a confirmed booking takes in the period; null for any other status. */
export function bookingHoursIn(booking: FinanceRecord, weeklyHours: number, period: Period): number | null {
  const hours = occurrenceHours(booking, weeklyHours);
  if (hours === null || text(booking, 'status') !== 'Confirmée') return null;
  return cents(hours * occurrencesIn(booking, period));
}

/** Hours booked per space name in the period, and each space's occupancy (null without weekly hours). */
export function occupancyBySpace(
  spaces: readonly FinanceRecord[],
  bookings: readonly FinanceRecord[],
  period: Period,
): Map<string, { hours: number; rate: number | null; weeklyHours: number }> {
  const weekly = new Map(spaces.map((s) => [text(s, 'name'), num(s, 'weeklyHours')]));
  const days = dayNumber(period.end) - dayNumber(period.start) + 1;
  const out = new Map<string, { hours: number; rate: number | null; weeklyHours: number }>();
  for (const space of spaces) {
    const name = text(space, 'name');
    let hours = 0;
    for (const b of bookings) {
      if (text(b, 'space') !== name) continue;
      hours += bookingHoursIn(b, weekly.get(name) ?? 0, period) ?? 0;
    }
    const w = num(space, 'weeklyHours');
    out.set(name, { hours, rate: w > 0 ? hours / ((w * days) / 7) : null, weeklyHours: w });
  }
  return out;
}

/** All spaces with weekly hours: booked hours over available hours in the period; null without any. */
export function overallOccupancy(
  bySpace: ReadonlyMap<string, { hours: number; weeklyHours: number }>,
  period: Period,
): number | null {
  const days = dayNumber(period.end) - dayNumber(period.start) + 1;
  let booked = 0;
  let weekly = 0;
  for (const s of bySpace.values()) {
    if (s.weeklyHours <= 0) continue;
    booked += s.hours;
    weekly += s.weeklyHours;
  }
  return weekly === 0 ? null : booked / ((weekly * days) / 7);
}
