/**
 * A row of « Réservations » → the one schedule recurrence.ts expands (booking-record.ts), for
 * every kind the sheet offers since schema 5, and the French errors that name the field.
 */
import {
  BOOKING_RECURRENCES,
  type BookingFields,
  bookingSchedule,
  canonicalExceptions,
  MONTHLY_LAST,
  MONTHLY_RANK,
  parseExceptions,
  parseWeekdays,
  readBookingSchedule,
} from '../../src/domain/bookings/booking-record';
import { occurrencesBetween, toCalendarRecurrence } from '../../src/domain/bookings/recurrence';
import { messagesEn, messagesFr } from '../../src/shared/messages';

const timed = { startTime: '18:00', endTime: '20:00' };
const untilUtc = (wall: string) => `${wall.replace(/[-:]/g, '')}00Z`;
const starts = (fields: BookingFields, from: string, to: string) => {
  const s = bookingSchedule(fields);
  if (!s) throw new Error(JSON.stringify(readBookingSchedule(fields).issue));
  return occurrencesBetween(s, from, to).map((o) => o.startDate);
};
const issue = (fields: BookingFields) => readBookingSchedule(fields, { strict: true }).issue;

describe('the kinds of « Récurrence »', () => {
  it('schema 1–4 values keep their meaning: weekly, fortnightly and monthly on the start’s day', () => {
    expect(
      starts({ startDate: '2026-03-03', recurrence: 'Chaque semaine', ...timed }, '2026-03-01', '2026-03-20'),
    ).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
    expect(
      starts(
        { startDate: '2026-03-03', recurrence: 'Toutes les deux semaines', recurrenceUntil: '2026-03-31' },
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual(['2026-03-03', '2026-03-17', '2026-03-31']);
    expect(
      starts({ startDate: '2026-01-31', recurrence: 'Chaque mois' }, '2026-01-01', '2026-06-30'),
    ).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
    // « Répéter jusqu’au » without a recurrence was ignored: rows read keep it so, a save is told.
    const legacy = { startDate: '2026-03-03', recurrence: 'Aucune', recurrenceUntil: '2026-04-01' };
    expect(starts(legacy, '2026-01-01', '2026-12-31')).toEqual(['2026-03-03']);
    expect(issue(legacy)).toEqual({ field: 'recurrenceUntil', code: 'withoutRecurrence', params: {} });
  });

  it('daily every 3 days, 4 times', () => {
    expect(
      starts(
        { startDate: '2026-03-30', recurrence: 'Chaque jour', recurrenceInterval: 3, recurrenceCount: 4 },
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual(['2026-03-30', '2026-04-02', '2026-04-05', '2026-04-08']);
  });

  it('weekly on « lun, mer, ven » every 2 weeks, and full names typed by hand', () => {
    const fields = {
      startDate: '2026-03-04',
      recurrence: 'Chaque semaine',
      recurrenceWeekdays: 'lun, mer, ven',
      recurrenceInterval: 2,
    };
    expect(starts(fields, '2026-03-01', '2026-03-22')).toEqual([
      '2026-03-04',
      '2026-03-06',
      '2026-03-16',
      '2026-03-18',
      '2026-03-20',
    ]);
    expect(parseWeekdays('Lundi ; mercredi et Vendredi')).toEqual({ weekdays: ['MO', 'WE', 'FR'] });
    expect(parseWeekdays('lun, mardo')).toEqual({ unknown: 'mardo' });
  });

  it('« au même rang » is the start’s rank (10/03/2026: 2e mardi), « le dernier » the last such weekday', () => {
    expect(starts({ startDate: '2026-03-10', recurrence: MONTHLY_RANK }, '2026-03-01', '2026-06-30')).toEqual(
      ['2026-03-10', '2026-04-14', '2026-05-12', '2026-06-09'],
    );
    expect(
      starts(
        { startDate: '2026-01-30', recurrence: MONTHLY_LAST, recurrenceCount: 3 },
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual(['2026-01-30', '2026-02-27', '2026-03-27']);
  });

  it('excluded dates are removed after the count (RFC 5545 EXDATE) and reach the RRULE', () => {
    const fields = {
      startDate: '2026-07-07',
      recurrence: 'Chaque semaine',
      recurrenceCount: 4,
      recurrenceExceptions: '14/07/2026, 2026-07-28',
      ...timed,
    };
    expect(starts(fields, '2026-01-01', '2026-12-31')).toEqual(['2026-07-07', '2026-07-21']);
    const schedule = bookingSchedule(fields);
    if (!schedule) throw new Error('no schedule');
    expect(toCalendarRecurrence(schedule, 'Europe/Paris', untilUtc)).toEqual([
      'RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=TU;COUNT=4',
      'EXDATE;TZID=Europe/Paris:20260714T180000,20260728T180000',
    ]);
    expect(canonicalExceptions(['2026-07-28', '2026-07-14'])).toBe('14/07/2026 ; 28/07/2026');
    expect(parseExceptions('31/02/2026')).toEqual({ unreadable: '31/02/2026' });
  });

  it('every option of the dropdown maps to a schedule', () => {
    for (const recurrence of BOOKING_RECURRENCES) {
      const startDate = recurrence === MONTHLY_LAST ? '2026-03-31' : '2026-03-10';
      expect(issue({ startDate, recurrence })).toBeNull();
    }
  });
});

describe('French errors that name the field, for what cannot be expanded', () => {
  const base = { startDate: '2026-03-10', ...timed };
  it.each([
    [
      'a wrong weekday',
      { recurrence: 'Chaque semaine', recurrenceWeekdays: 'lun, mardo' },
      'recurrenceWeekdays',
      'unknownWeekday',
    ],
    [
      'weekdays on a monthly booking',
      { recurrence: 'Chaque mois', recurrenceWeekdays: 'lun' },
      'recurrenceWeekdays',
      'weekdaysNotWeekly',
    ],
    [
      'a start not among the chosen days (10/03 is a Tuesday)',
      { recurrence: 'Chaque semaine', recurrenceWeekdays: 'lun, mer' },
      'startDate',
      'startNotOnWeekday',
    ],
    [
      'both until and a count',
      { recurrence: 'Chaque jour', recurrenceUntil: '2026-04-01', recurrenceCount: 3 },
      'recurrenceCount',
      'countAndUntil',
    ],
    [
      'an excluded date outside the series',
      { recurrence: 'Chaque semaine', recurrenceExceptions: '11/03/2026' },
      'recurrenceExceptions',
      'exceptionNotOccurrence',
    ],
    [
      'an excluded date after the last time',
      { recurrence: 'Chaque semaine', recurrenceCount: 2, recurrenceExceptions: '24/03/2026' },
      'recurrenceExceptions',
      'exceptionNotOccurrence',
    ],
    [
      'an unreadable excluded date',
      { recurrence: 'Chaque semaine', recurrenceExceptions: '17/03/2026 ; bientôt' },
      'recurrenceExceptions',
      'exceptionFormat',
    ],
    [
      '« le dernier » on a day that is not the last',
      { recurrence: MONTHLY_LAST },
      'startDate',
      'notLastWeekday',
    ],
    [
      '« au même rang » on a 5th weekday',
      { recurrence: MONTHLY_RANK, startDate: '2026-03-31' },
      'startDate',
      'fifthWeekday',
    ],
    [
      'an interval with « Toutes les deux semaines »',
      { recurrence: 'Toutes les deux semaines', recurrenceInterval: 3 },
      'recurrenceInterval',
      'intervalWithFortnight',
    ],
    [
      'a count without recurrence',
      { recurrence: 'Aucune', recurrenceCount: 3 },
      'recurrenceCount',
      'withoutRecurrence',
    ],
    [
      'until before the start',
      { recurrence: 'Chaque jour', recurrenceUntil: '2026-03-01' },
      'recurrenceUntil',
      'untilBeforeStart',
    ],
    [
      'an unknown recurrence typed by hand',
      { recurrence: 'Tous les ans' },
      'recurrence',
      'unknownRecurrence',
    ],
  ] as const)('%s', (_name, fields, field, code) => {
    const found = issue({ ...base, ...fields });
    expect(found).toMatchObject({ field, code });
    const key = `booking.schedule.${code}` as keyof typeof messagesFr;
    expect(messagesFr[key]).toBeDefined();
    expect(messagesEn[key]).toBeDefined();
    // A row read back with such values has no schedule: nothing expands it wrongly.
    expect(bookingSchedule({ ...base, ...fields })).toBeNull();
  });
});
