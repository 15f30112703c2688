/** Repeating bookings: one expansion for conflicts, occupancy and the Calendar RRULE (RFC 5545). */
import { findConflicts, type Occupant } from '../../src/domain/bookings/conflicts';
import {
  type BookingSchedule,
  lastDay,
  occurrencesBetween,
  recurrenceProblem,
  toCalendarRecurrence,
} from '../../src/domain/bookings/recurrence';

const timed = (date: string, start: string, end: string, endDate = date) => ({
  startDate: date,
  startTime: start,
  endDate,
  endTime: end,
});
const starts = (s: BookingSchedule, from: string, to: string) =>
  occurrencesBetween(s, from, to).map((o) => (o.startTime ? `${o.startDate} ${o.startTime}` : o.startDate));
const untilUtc = (wall: string) => `${wall.replace(/[-:]/g, '')}00Z`;

describe('expansion', () => {
  it('a one-off booking is its only occurrence, inside or outside the window', () => {
    const s = { first: timed('2026-03-29', '10:00', '12:00') };
    expect(starts(s, '2026-03-01', '2026-03-31')).toEqual(['2026-03-29 10:00']);
    expect(starts(s, '2026-04-01', '2026-04-30')).toEqual([]);
  });

  it('weekly on chosen weekdays keeps its wall-clock hour across the 2026 daylight-saving changes', () => {
    const s: BookingSchedule = {
      first: timed('2026-03-24', '10:00', '11:00'),
      rule: { frequency: 'weekly', weekdays: ['TU', 'SU'], interval: 1 },
    };
    expect(starts(s, '2026-03-24', '2026-04-01')).toEqual([
      '2026-03-24 10:00',
      '2026-03-29 10:00',
      '2026-03-31 10:00',
    ]);
    expect(starts(s, '2026-10-24', '2026-10-27')).toEqual(['2026-10-25 10:00', '2026-10-27 10:00']);
  });

  it('every N weeks counts weeks from the start week (Monday first)', () => {
    const s: BookingSchedule = {
      first: timed('2026-01-07', '18:00', '20:00'),
      rule: { frequency: 'weekly', weekdays: ['WE', 'FR'], interval: 2 },
    };
    expect(starts(s, '2026-01-01', '2026-01-31')).toEqual([
      '2026-01-07 18:00',
      '2026-01-09 18:00',
      '2026-01-21 18:00',
      '2026-01-23 18:00',
    ]);
  });

  it('daily every 3 days until a date, the until day included', () => {
    const s: BookingSchedule = {
      first: timed('2026-05-01', '09:00', '10:00'),
      rule: { frequency: 'daily', interval: 3, until: '2026-05-10' },
    };
    expect(starts(s, '2026-01-01', '2026-12-31')).toEqual([
      '2026-05-01 09:00',
      '2026-05-04 09:00',
      '2026-05-07 09:00',
      '2026-05-10 09:00',
    ]);
    expect(lastDay(s)).toBe('2026-05-10');
  });

  it('monthly on the 31st skips the months that lack it, as BYMONTHDAY=31 does', () => {
    const s: BookingSchedule = {
      first: timed('2026-01-31', '19:00', '21:00'),
      rule: { frequency: 'monthlyByDate', interval: 1, until: '2026-12-31' },
    };
    expect(starts(s, '2026-01-01', '2026-12-31').map((d) => d.slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
  });

  it('« le 2e mardi » and « le dernier vendredi » of each month', () => {
    const second: BookingSchedule = {
      first: timed('2026-01-13', '14:00', '16:00'),
      rule: { frequency: 'monthlyByWeekday', ordinal: 2, weekday: 'TU', interval: 1, count: 4 },
    };
    expect(starts(second, '2026-01-01', '2026-12-31').map((d) => d.slice(0, 10))).toEqual([
      '2026-01-13',
      '2026-02-10',
      '2026-03-10',
      '2026-04-14',
    ]);
    const last: BookingSchedule = {
      first: timed('2026-01-30', '17:00', '19:00'),
      rule: { frequency: 'monthlyByWeekday', ordinal: -1, weekday: 'FR', interval: 2, count: 3 },
    };
    expect(starts(last, '2026-01-01', '2026-12-31').map((d) => d.slice(0, 10))).toEqual([
      '2026-01-30',
      '2026-03-27',
      '2026-05-29',
    ]);
  });

  it('N times counts generated occurrences; an excluded date is then removed (EXDATE after COUNT)', () => {
    const s: BookingSchedule = {
      first: timed('2026-07-07', '10:00', '12:00'),
      rule: { frequency: 'weekly', weekdays: ['TU'], interval: 1, count: 3, exceptions: ['2026-07-14'] },
    };
    expect(starts(s, '2026-01-01', '2026-12-31')).toEqual(['2026-07-07 10:00', '2026-07-21 10:00']);
    expect(lastDay(s)).toBe('2026-07-21');
  });

  it('a multi-day occurrence running into the window is included; all-day ends on its last day', () => {
    const s: BookingSchedule = {
      first: { startDate: '2026-06-01', endDate: '2026-06-03' },
      rule: { frequency: 'weekly', weekdays: ['MO'], interval: 1, count: 2 },
    };
    expect(occurrencesBetween(s, '2026-06-03', '2026-06-03')).toEqual([
      { startDate: '2026-06-01', endDate: '2026-06-03' },
    ]);
    expect(occurrencesBetween(s, '2026-06-04', '2026-06-30')).toEqual([
      { startDate: '2026-06-08', endDate: '2026-06-10' },
    ]);
  });

  it('an open-ended rule has no last day', () => {
    expect(
      lastDay({ first: timed('2026-01-05', '10:00', '11:00'), rule: { frequency: 'daily', interval: 1 } }),
    ).toBeNull();
  });
});

describe('validation', () => {
  const first = timed('2026-01-13', '14:00', '16:00'); // a Tuesday, the 2nd of January 2026
  it.each([
    [{ frequency: 'weekly', weekdays: [], interval: 1 }, 'noWeekday'],
    [{ frequency: 'weekly', weekdays: ['MO'], interval: 1 }, 'startNotOnWeekday'],
    [{ frequency: 'monthlyByWeekday', ordinal: 3, weekday: 'TU', interval: 1 }, 'startNotOnOrdinal'],
    [{ frequency: 'daily', interval: 0 }, 'interval'],
    [{ frequency: 'daily', interval: 1, count: 0 }, 'count'],
    [{ frequency: 'daily', interval: 1, count: 3, until: '2026-02-01' }, 'countAndUntil'],
    [{ frequency: 'daily', interval: 1, until: '2026-01-12' }, 'untilBeforeStart'],
  ] as const)('%j is refused as %s', (rule, problem) => {
    expect(recurrenceProblem({ first, rule: rule as never })).toBe(problem);
  });

  it('an end before the start is refused; a booking crossing midnight is fine', () => {
    expect(recurrenceProblem({ first: timed('2026-01-13', '16:00', '14:00') })).toBe('endBeforeStart');
    expect(recurrenceProblem({ first: timed('2026-01-13', '22:00', '02:00', '2026-01-14') })).toBeNull();
  });
});

describe('Calendar recurrence lines', () => {
  it('weekly every 2 weeks on Tuesday and Thursday until a date, with an excluded day', () => {
    const s: BookingSchedule = {
      first: timed('2026-03-03', '14:30', '16:00'),
      rule: {
        frequency: 'weekly',
        weekdays: ['TH', 'TU'],
        interval: 2,
        until: '2026-06-30',
        exceptions: ['2026-04-14'],
      },
    };
    expect(toCalendarRecurrence(s, 'Europe/Paris', untilUtc)).toEqual([
      'RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=TU,TH;UNTIL=20260630T143000Z',
      'EXDATE;TZID=Europe/Paris:20260414T143000',
    ]);
  });

  it('monthly « 2e mardi » N times; all-day monthly by date until a date', () => {
    expect(
      toCalendarRecurrence(
        {
          first: timed('2026-01-13', '14:00', '16:00'),
          rule: { frequency: 'monthlyByWeekday', ordinal: 2, weekday: 'TU', interval: 1, count: 10 },
        },
        'Europe/Paris',
        untilUtc,
      ),
    ).toEqual(['RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=10']);
    expect(
      toCalendarRecurrence(
        {
          first: { startDate: '2026-01-31', endDate: '2026-01-31' },
          rule: { frequency: 'monthlyByDate', interval: 1, until: '2026-12-31', exceptions: ['2026-05-31'] },
        },
        'Europe/Paris',
        untilUtc,
      ),
    ).toEqual(['RRULE:FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20261231', 'EXDATE;VALUE=DATE:20260531']);
  });

  it('a one-off booking has no recurrence lines', () => {
    expect(
      toCalendarRecurrence({ first: timed('2026-01-13', '14:00', '16:00') }, 'Europe/Paris', untilUtc),
    ).toEqual([]);
  });
});

describe('conflicts', () => {
  const booking = (id: string, schedule: BookingSchedule, space = 'Grande halle'): Occupant => ({
    id,
    title: `Réservation ${id}`,
    space,
    schedule,
  });
  const today = '2026-01-01';

  it('a one-off booking inside a weekly one clashes with the matching occurrence', () => {
    const weekly = booking('RES-0001', {
      first: timed('2026-01-06', '18:00', '20:00'),
      rule: { frequency: 'weekly', weekdays: ['TU'], interval: 1 },
    });
    const oneOff = booking('RES-0002', { first: timed('2026-03-03', '19:00', '19:30') });
    const [hit, ...rest] = findConflicts(oneOff, [weekly], today);
    expect(rest).toEqual([]);
    expect(hit.occupant.id).toBe('RES-0001');
    expect(hit.other).toEqual(timed('2026-03-03', '18:00', '20:00'));
    // The other way round: the weekly booking meets the one-off on its 9th occurrence.
    expect(findConflicts(weekly, [oneOff], today)[0].occurrence).toEqual(
      timed('2026-03-03', '18:00', '20:00'),
    );
  });

  it('back-to-back bookings, another space, an excluded date and itself do not clash', () => {
    const a = booking('RES-0001', { first: timed('2026-03-01', '14:00', '18:00') });
    expect(
      findConflicts(booking('RES-0002', { first: timed('2026-03-01', '18:00', '19:00') }), [a], today),
    ).toEqual([]);
    expect(
      findConflicts(
        booking('RES-0003', { first: timed('2026-03-01', '15:00', '16:00') }, 'Atelier'),
        [a],
        today,
      ),
    ).toEqual([]);
    expect(findConflicts(a, [a], today)).toEqual([]);
    const weekly = booking('RES-0004', {
      first: timed('2026-02-22', '15:00', '16:00'),
      rule: { frequency: 'weekly', weekdays: ['SU'], interval: 1, exceptions: ['2026-03-01'] },
    });
    expect(findConflicts(weekly, [a], today)).toEqual([]);
  });

  it('a booking crossing midnight clashes with the next morning; an all-day booking with any hour', () => {
    const night = booking('RES-0001', { first: timed('2026-03-06', '22:00', '02:00', '2026-03-07') });
    const morning = booking('RES-0002', { first: timed('2026-03-07', '01:00', '03:00') });
    expect(findConflicts(morning, [night], today).map((c) => c.occupant.id)).toEqual(['RES-0001']);
    const allDay = booking('RES-0003', { first: { startDate: '2026-03-07', endDate: '2026-03-07' } });
    expect(findConflicts(allDay, [night, morning], today).map((c) => c.occupant.id)).toEqual([
      'RES-0001',
      'RES-0002',
    ]);
  });

  it('an open-ended weekly booking is checked up to the horizon, not beyond', () => {
    const weekly = booking('RES-0001', {
      first: timed('2026-01-05', '10:00', '11:00'),
      rule: { frequency: 'weekly', weekdays: ['MO'], interval: 1 },
    });
    const soon = booking('RES-0002', { first: timed('2027-12-27', '10:30', '11:30') });
    const later = booking('RES-0003', { first: timed('2028-02-07', '10:30', '11:30') });
    expect(findConflicts(weekly, [soon, later], today).map((c) => c.occupant.id)).toEqual(['RES-0002']);
  });
});
