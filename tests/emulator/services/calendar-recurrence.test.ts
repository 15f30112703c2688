/**
 * Recurring events expanded as Google does with singleEvents=true and events.instances
 * (developers.google.com/calendar/api/v3/reference/events: recurrence is RFC 5545
 * RRULE/EXDATE/RDATE, expanded in start.timeZone; /events/instances; /concepts/events-calendars).
 */
import { Runtime } from '../../../local/emulator/runtime';
import {
  CalendarAdvancedService,
  type CalendarEvent,
  GoogleJsonResponseException,
} from '../../../local/emulator/services/calendar';

function setup() {
  const rt = new Runtime();
  const svc = new CalendarAdvancedService(rt);
  const calId = svc.Calendars.insert({ summary: 'Grande halle', timeZone: 'Europe/Paris' }).id as string;
  return { rt, svc, calId };
}

function series(
  recurrence: string[],
  start = '2026-03-03T10:00:00',
  end = '2026-03-03T11:00:00',
): CalendarEvent {
  return {
    id: 'pilote0serie01',
    summary: 'Atelier',
    start: { dateTime: start, timeZone: 'Europe/Paris' },
    end: { dateTime: end, timeZone: 'Europe/Paris' },
    recurrence,
  };
}

function googleError(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (e) {
    if (e instanceof GoogleJsonResponseException) return e;
    throw e;
  }
  throw new Error('expected a GoogleJsonResponseException');
}

/** Start dateTimes of the expanded instances between two instants. */
function starts(svc: CalendarAdvancedService, calId: string, timeMin: string, timeMax: string): string[] {
  const res = svc.Events.list(calId, {
    singleEvents: true,
    orderBy: 'startTime',
    timeMin,
    timeMax,
    maxResults: 2500,
  });
  return (res.items ?? []).map((e) => (e.start?.dateTime ?? e.start?.date) as string);
}

describe('time zone and daylight saving (start.timeZone: "the time zone in which the recurrence is expanded")', () => {
  test('a weekly 10:00 Europe/Paris event stays at 10:00 across 2026-03-29 and 2026-10-25', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=WEEKLY'], '2026-03-22T10:00:00', '2026-03-22T11:00:00'), calId);
    expect(starts(svc, calId, '2026-03-20T00:00:00Z', '2026-04-06T00:00:00Z')).toEqual([
      '2026-03-22T10:00:00+01:00',
      '2026-03-29T10:00:00+02:00',
      '2026-04-05T10:00:00+02:00',
    ]);
    expect(starts(svc, calId, '2026-10-17T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      '2026-10-18T10:00:00+02:00',
      '2026-10-25T10:00:00+01:00',
      '2026-11-01T10:00:00+01:00',
    ]);
    // The instant moves by the hour the clocks move: 09:00Z before, 08:00Z after.
    const inst = svc.Events.instances(calId, 'pilote0serie01', {
      timeMin: '2026-03-28T00:00:00Z',
      timeMax: '2026-03-30T00:00:00Z',
    });
    expect(inst.items?.[0].id).toBe('pilote0serie01_20260329T080000Z');
  });

  test('a recurring timed event without start.timeZone → 400 « Missing time zone definition for start time. »', () => {
    const { svc, calId } = setup();
    const e = googleError(() =>
      svc.Events.insert(
        {
          start: { dateTime: '2026-03-03T10:00:00+01:00' },
          end: { dateTime: '2026-03-03T11:00:00+01:00' },
          recurrence: ['RRULE:FREQ=DAILY;COUNT=2'],
        },
        calId,
      ),
    );
    expect(e.message).toContain('Missing time zone definition for start time.');
  });
});

describe('RRULE (RFC 5545 §3.3.10)', () => {
  test('DAILY with COUNT', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=DAILY;COUNT=3']), calId);
    expect(starts(svc, calId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-03T10:00:00+01:00',
      '2026-03-04T10:00:00+01:00',
      '2026-03-05T10:00:00+01:00',
    ]);
  });

  test('WEEKLY on chosen weekdays, every 2 weeks, UNTIL inclusive', () => {
    const { svc, calId } = setup();
    // 2026-03-03 is a Tuesday.
    svc.Events.insert(series(['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20260317T090000Z']), calId);
    expect(starts(svc, calId, '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z')).toEqual([
      '2026-03-03T10:00:00+01:00',
      '2026-03-05T10:00:00+01:00',
      '2026-03-17T10:00:00+01:00',
    ]);
  });

  test('MONTHLY « le 2e mardi » (BYDAY=2TU) and the last Friday (BYDAY=-1FR)', () => {
    const { svc, calId } = setup();
    svc.Events.insert(
      series(['RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=4'], '2026-03-10T18:00:00', '2026-03-10T20:00:00'),
      calId,
    );
    expect(starts(svc, calId, '2026-03-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-03-10T18:00:00+01:00',
      '2026-04-14T18:00:00+02:00',
      '2026-05-12T18:00:00+02:00',
      '2026-06-09T18:00:00+02:00',
    ]);
    const other = svc.Calendars.insert({ summary: 'Autre', timeZone: 'Europe/Paris' }).id as string;
    svc.Events.insert(
      series(['RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=2'], '2026-03-27T18:00:00', '2026-03-27T19:00:00'),
      other,
    );
    expect(starts(svc, other, '2026-03-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-03-27T18:00:00+01:00',
      '2026-04-24T18:00:00+02:00',
    ]);
  });

  test('MONTHLY on the 31st skips months without one (RFC 5545)', () => {
    const { svc, calId } = setup();
    svc.Events.insert(
      series(['RRULE:FREQ=MONTHLY;COUNT=3'], '2026-01-31T09:00:00', '2026-01-31T10:00:00'),
      calId,
    );
    expect(starts(svc, calId, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual([
      '2026-01-31T09:00:00+01:00',
      '2026-03-31T09:00:00+02:00',
      '2026-05-31T09:00:00+02:00',
    ]);
  });

  test('EXDATE (with TZID) removes an occurrence; RDATE adds one', () => {
    const { svc, calId } = setup();
    svc.Events.insert(
      series([
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'EXDATE;TZID=Europe/Paris:20260310T100000',
        'RDATE;TZID=Europe/Paris:20260312T100000',
      ]),
      calId,
    );
    expect(starts(svc, calId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-03T10:00:00+01:00',
      '2026-03-12T10:00:00+01:00',
      '2026-03-17T10:00:00+01:00',
    ]);
  });

  test('all-day weekly series: dates with exclusive ends', () => {
    const { svc, calId } = setup();
    svc.Events.insert(
      {
        id: 'pilote0jour01',
        summary: 'Marché',
        start: { date: '2026-03-07' },
        end: { date: '2026-03-08' },
        recurrence: ['RRULE:FREQ=WEEKLY;COUNT=2'],
      },
      calId,
    );
    const res = svc.Events.list(calId, {
      singleEvents: true,
      timeMin: '2026-03-01T00:00:00Z',
      timeMax: '2026-04-01T00:00:00Z',
    });
    expect(res.items?.map((e) => [e.id, e.start?.date, e.end?.date])).toEqual([
      ['pilote0jour01_20260307', '2026-03-07', '2026-03-08'],
      ['pilote0jour01_20260314', '2026-03-14', '2026-03-15'],
    ]);
  });

  test('without singleEvents the series comes once, with its recurrence', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=DAILY;COUNT=5']), calId);
    const res = svc.Events.list(calId, { timeMin: '2026-03-05T00:00:00Z', timeMax: '2026-03-06T00:00:00Z' });
    expect(res.items?.map((e) => [e.id, e.recurrence])).toEqual([
      ['pilote0serie01', ['RRULE:FREQ=DAILY;COUNT=5']],
    ]);
    // …and not at all when no instance falls in the range.
    expect(
      svc.Events.list(calId, { timeMin: '2026-03-09T00:00:00Z', timeMax: '2026-03-10T00:00:00Z' }).items,
    ).toEqual([]);
  });

  test('instances carry recurringEventId and originalStartTime', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=DAILY;COUNT=2']), calId);
    const [first] = svc.Events.instances(calId, 'pilote0serie01').items ?? [];
    expect(first).toMatchObject({
      id: 'pilote0serie01_20260303T090000Z',
      recurringEventId: 'pilote0serie01',
      originalStartTime: { dateTime: '2026-03-03T10:00:00+01:00', timeZone: 'Europe/Paris' },
    });
    expect(first.recurrence).toBeUndefined();
  });

  test('malformed rules → 400; rule parts the emulator lacks fail loudly, never ignored', () => {
    const { svc, calId } = setup();
    expect(googleError(() => svc.Events.insert(series(['RRULE:FREQ=FORTNIGHTLY']), calId)).details.code).toBe(
      400,
    );
    expect(
      googleError(() => svc.Events.insert(series(['RRULE:FREQ=DAILY;COUNT=2;UNTIL=20260310T000000Z']), calId))
        .details.code,
    ).toBe(400);
    expect(() => svc.Events.insert(series(['RRULE:FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU']), calId)).toThrow(
      'not implemented',
    );
    expect(svc._events(calId)).toHaveLength(0);
  });
});

describe('exceptions (events/instances: an instance is an event of its own)', () => {
  test('moving one instance: get/list show it moved, the others unchanged; sync returns the exception', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=WEEKLY;COUNT=3']), calId);
    const token = svc.Events.list(calId).nextSyncToken as string;
    svc._editExternally(calId, 'pilote0serie01_20260310T090000Z', {
      start: { dateTime: '2026-03-11T10:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-03-11T11:00:00', timeZone: 'Europe/Paris' },
    });
    expect(starts(svc, calId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-03T10:00:00+01:00',
      '2026-03-11T10:00:00+01:00',
      '2026-03-17T10:00:00+01:00',
    ]);
    const inc = svc.Events.list(calId, { syncToken: token });
    expect(inc.items?.map((e) => [e.id, e.recurringEventId])).toEqual([
      ['pilote0serie01_20260310T090000Z', 'pilote0serie01'],
    ]);
  });

  test('an invalid write to an instance creates no exception', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=WEEKLY;COUNT=3']), calId);
    expect(() =>
      svc.Events.patch({ visibility: 'secret' }, calId, 'pilote0serie01_20260310T090000Z'),
    ).toThrow('Invalid value for parameter: visibility');
    expect(svc._events(calId).map((e) => e.id)).toEqual(['pilote0serie01']);
  });

  test('deleting one instance leaves a cancelled exception, listed when showDeleted and singleEvents are both false', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=WEEKLY;COUNT=3']), calId);
    svc.Events.remove(calId, 'pilote0serie01_20260310T090000Z');
    expect(starts(svc, calId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toHaveLength(2);
    // events/list showDeleted: "Cancelled instances of recurring events (but not the underlying
    // recurring event) will still be included if showDeleted and singleEvents are both False."
    const plain = svc.Events.list(calId);
    expect(plain.items?.map((e) => [e.id, e.status])).toEqual([
      ['pilote0serie01', 'confirmed'],
      ['pilote0serie01_20260310T090000Z', 'cancelled'],
    ]);
  });

  test('deleting the series: incremental sync returns it cancelled', () => {
    const { svc, calId } = setup();
    svc.Events.insert(series(['RRULE:FREQ=WEEKLY;COUNT=3']), calId);
    const token = svc.Events.list(calId, { singleEvents: true }).nextSyncToken as string;
    svc._deleteExternally(calId, 'pilote0serie01');
    const inc = svc.Events.list(calId, { syncToken: token, singleEvents: true });
    expect(inc.items?.map((e) => [e.id, e.status])).toEqual([['pilote0serie01', 'cancelled']]);
    expect(starts(svc, calId, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([]);
  });
});

describe('wall clock in the gap and the overlap (RFC 5545 §3.3.5)', () => {
  test('02:30 on 2026-03-29 does not exist in Paris: it is taken as 03:30 summer time (Google unverified)', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(
      {
        start: { dateTime: '2026-03-29T02:30:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2026-03-29T04:00:00', timeZone: 'Europe/Paris' },
      },
      calId,
    );
    expect(ev.start?.dateTime).toBe('2026-03-29T03:30:00+02:00');
  });

  test('02:30 on 2026-10-25 happens twice: the first (summer-time) one is taken', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(
      {
        start: { dateTime: '2026-10-25T02:30:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2026-10-25T04:00:00', timeZone: 'Europe/Paris' },
      },
      calId,
    );
    expect(ev.start?.dateTime).toBe('2026-10-25T02:30:00+02:00');
    expect(ev.end?.dateTime).toBe('2026-10-25T04:00:00+01:00');
  });
});
