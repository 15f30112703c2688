/**
 * Occupancy of the spaces over a period, as « Réservations » and « Espaces » compute it: the
 * duration of an occurrence, the occurrences of a recurring booking in the period, the hours
 * booked per space (confirmed bookings) and the share of the hours each space is available.
 */

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

/** Hours of one occurrence; an all-day booking counts a day of the space's weekly hours ÷ 7. */
export function occurrenceHours(booking: FinanceRecord, weeklyHours: number): number | null {
  const start = isoDate(booking, 'startDate');
  if (start === null) return null;
  const end = isoDate(booking, 'endDate') ?? start;
  const days = dayNumber(end) - dayNumber(start);
  if (booking.startTime === null || booking.startTime === undefined || booking.startTime === '') {
    return cents((days + 1) * (weeklyHours / 7));
  }
  return cents(Math.max(0, days + dayFraction(booking, 'endTime') - dayFraction(booking, 'startTime')) * 24);
}

/** Occurrences of a booking in the period (weekly, fortnightly, monthly on the same day, or once). */
export function occurrencesIn(booking: FinanceRecord, period: Period): number {
  const startIso = isoDate(booking, 'startDate');
  if (startIso === null) return 0;
  const s = dayNumber(startIso);
  const p0 = dayNumber(period.start);
  const p1 = dayNumber(period.end);
  const until = isoDate(booking, 'recurrenceUntil');
  const from = Math.max(s, p0);
  const to = Math.min(until === null ? p1 : dayNumber(until), p1);
  const every = (step: number): number =>
    to < from ? 0 : Math.floor((to - s) / step) - Math.floor((from - s + step - 1) / step) + 1;
  switch (text(booking, 'recurrence')) {
    case 'Chaque semaine':
      return every(7);
    case 'Toutes les deux semaines':
      return every(14);
    case 'Chaque mois': {
      if (to < from) return 0;
      const date = (n: number) => new Date(n * 86_400_000);
      const sd = date(s);
      const index = (n: number, roundUp: boolean): number => {
        const d = date(n);
        const months = (d.getUTCFullYear() - sd.getUTCFullYear()) * 12 + d.getUTCMonth() - sd.getUTCMonth();
        if (roundUp) return months + (d.getUTCDate() > sd.getUTCDate() ? 1 : 0);
        return months - (d.getUTCDate() < sd.getUTCDate() ? 1 : 0);
      };
      return Math.max(0, index(to, false) - index(from, true) + 1);
    }
    default:
      return s >= p0 && s <= p1 ? 1 : 0;
  }
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
