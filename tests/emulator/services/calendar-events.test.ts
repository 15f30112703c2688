/**
 * Calendar.Events / Calendar.Calendars writes: each rule with the Calendar v3 page it follows
 * (developers.google.com/calendar/api/v3/reference/events/insert, /events (resource),
 * /events/delete, /calendars/insert, apps-script/guides/services/quotas).
 */
import { COSTS, Runtime } from '../../../local/emulator/runtime';
import {
  CALENDAR_LIMITS,
  CALENDAR_SCOPES,
  CalendarAdvancedService,
  type CalendarEvent,
  GoogleJsonResponseException,
  listCalendarEventsJson,
} from '../../../local/emulator/services/calendar';

function setup(options = {}) {
  const rt = new Runtime();
  const svc = new CalendarAdvancedService(rt, options);
  const cal = svc.Calendars.insert({ summary: 'Grande halle', timeZone: 'Europe/Paris' });
  return { rt, svc, calId: cal.id as string };
}

const ONE_HOUR: CalendarEvent = {
  summary: 'Répétition',
  start: { dateTime: '2026-03-03T14:00:00', timeZone: 'Europe/Paris' },
  end: { dateTime: '2026-03-03T15:00:00', timeZone: 'Europe/Paris' },
};

/** The Google error a call throws (fails the test if it does not throw). */
function googleError(fn: () => unknown): GoogleJsonResponseException {
  try {
    fn();
  } catch (e) {
    if (e instanceof GoogleJsonResponseException) return e;
    throw e;
  }
  throw new Error('expected a GoogleJsonResponseException');
}

describe('Calendar.Events.insert — client ids (events/insert, "id")', () => {
  test('a base32hex id of 5 to 1024 characters is kept', () => {
    const { svc, calId } = setup();
    expect(svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, calId).id).toBe('pilote0res0001');
    expect(svc.Events.insert({ ...ONE_HOUR, id: 'a'.repeat(1024) }, calId).id).toHaveLength(1024);
    expect(svc.Events.insert({ ...ONE_HOUR, id: 'abcde' }, calId).id).toBe('abcde');
  });

  test.each([
    ['w is outside base32hex', 'pilotew0001'],
    ['upper case', 'PILOTE00001'],
    ['a dash', 'pilote-0001'],
    ['four characters', 'abcd'],
    ['1025 characters', 'a'.repeat(1025)],
  ])('%s → 400 « Invalid resource id value. », nothing stored', (_why, id) => {
    const { svc, calId } = setup();
    const e = googleError(() => svc.Events.insert({ ...ONE_HOUR, id }, calId));
    expect(e.details.code).toBe(400);
    expect(e.message).toBe(
      'API call to calendar.events.insert failed with error: Invalid resource id value.',
    );
    expect(svc._events(calId)).toHaveLength(0);
  });

  test('a reused id → 409 « The requested identifier already exists. » (reason duplicate)', () => {
    const { svc, calId } = setup();
    svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, calId);
    const e = googleError(() =>
      svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001', summary: 'bis' }, calId),
    );
    expect(e.details).toMatchObject({ code: 409, errors: [{ reason: 'duplicate' }] });
    expect(e.message).toBe(
      'API call to calendar.events.insert failed with error: The requested identifier already exists.',
    );
    expect(svc._events(calId).map((x) => x.summary)).toEqual(['Répétition']);
  });

  test('the id of a deleted event stays taken: 409 (google-api-ruby-client#1811)', () => {
    const { svc, calId } = setup();
    svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, calId);
    svc.Events.remove(calId, 'pilote0res0001');
    expect(
      googleError(() => svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, calId)).details.code,
    ).toBe(409);
  });

  test('the same id in another calendar is fine (unique per calendar)', () => {
    const { svc, calId } = setup();
    const other = svc.Calendars.insert({ summary: 'Petite salle' }).id as string;
    svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, calId);
    expect(svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, other).id).toBe('pilote0res0001');
  });

  test('without an id the server makes a base32hex one', () => {
    const { svc, calId } = setup();
    const id = svc.Events.insert(ONE_HOUR, calId).id as string;
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(svc.Events.insert(ONE_HOUR, calId).id).not.toBe(id);
  });
});

describe('start / end (events resource: start.dateTime, timeZone, end exclusive)', () => {
  test('dateTime without offset and without timeZone → 400 « Missing time zone definition for start time. »', () => {
    const { svc, calId } = setup();
    const e = googleError(() =>
      svc.Events.insert(
        { start: { dateTime: '2026-03-03T14:00:00' }, end: { dateTime: '2026-03-03T15:00:00Z' } },
        calId,
      ),
    );
    expect(e.details.code).toBe(400);
    expect(e.message).toContain('Missing time zone definition for start time.');
    expect(svc._events(calId)).toHaveLength(0);
  });

  test('an offset is enough without timeZone', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(
      { start: { dateTime: '2026-03-03T14:00:00+01:00' }, end: { dateTime: '2026-03-03T15:00:00+01:00' } },
      calId,
    );
    expect(ev.start?.dateTime).toBe('2026-03-03T14:00:00+01:00');
  });

  test('the response carries the offset of the wall time in its zone (summer and winter)', () => {
    const { svc, calId } = setup();
    const summer = svc.Events.insert(
      {
        start: { dateTime: '2026-03-29T10:00:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2026-03-29T11:00:00', timeZone: 'Europe/Paris' },
      },
      calId,
    );
    expect(summer.start).toEqual({ dateTime: '2026-03-29T10:00:00+02:00', timeZone: 'Europe/Paris' });
    const winter = svc.Events.insert(
      {
        start: { dateTime: '2026-10-25T10:00:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2026-10-25T11:00:00', timeZone: 'Europe/Paris' },
      },
      calId,
    );
    expect(winter.start?.dateTime).toBe('2026-10-25T10:00:00+01:00');
  });

  test('an unknown time zone → 400 « Invalid time zone definition for start time. » (GAS-ICS-Sync#305)', () => {
    const { svc, calId } = setup();
    const e = googleError(() =>
      svc.Events.insert(
        {
          start: { dateTime: '2026-03-03T14:00:00', timeZone: 'Europe/Pariss' },
          end: { dateTime: '2026-03-03T15:00:00', timeZone: 'Europe/Paris' },
        },
        calId,
      ),
    );
    expect(e.message).toContain('Invalid time zone definition for start time.');
  });

  test('a date start with a dateTime end → 400 Bad Request (GAS-ICS-Sync#289)', () => {
    const { svc, calId } = setup();
    const e = googleError(() =>
      svc.Events.insert({ start: { date: '2026-03-03' }, end: { dateTime: '2026-03-04T00:00:00Z' } }, calId),
    );
    expect(e.message).toBe('API call to calendar.events.insert failed with error: Bad Request');
  });

  test('missing end → 400; end before or equal to start → 400 timeRangeEmpty', () => {
    const { svc, calId } = setup();
    expect(googleError(() => svc.Events.insert({ start: ONE_HOUR.start }, calId)).details.code).toBe(400);
    const e = googleError(() => svc.Events.insert({ start: ONE_HOUR.end, end: ONE_HOUR.start }, calId));
    expect(e.details.errors[0].reason).toBe('timeRangeEmpty');
  });

  test('all-day: the end date is exclusive — a 3-day booking ends the day after its last day', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(
      { summary: 'Festival', start: { date: '2026-07-10' }, end: { date: '2026-07-13' } },
      calId,
    );
    expect(ev.end).toEqual({ date: '2026-07-13' });
    // Same start and end date is an empty range.
    const e = googleError(() =>
      svc.Events.insert({ start: { date: '2026-07-10' }, end: { date: '2026-07-10' } }, calId),
    );
    expect(e.details.errors[0].reason).toBe('timeRangeEmpty');
    // It occupies the 10th, 11th and 12th, not the 13th.
    const on13 = svc.Events.list(calId, { timeMin: '2026-07-13T00:00:00Z', timeMax: '2026-07-14T00:00:00Z' });
    const on12 = svc.Events.list(calId, { timeMin: '2026-07-12T00:00:00Z', timeMax: '2026-07-13T00:00:00Z' });
    expect(on13.items).toHaveLength(0);
    expect(on12.items?.map((x) => x.summary)).toEqual(['Festival']);
  });
});

describe('enumerated fields (events resource: status, visibility, transparency)', () => {
  test('visibility private is kept (issue 10 sends private bookings so); an unknown value → 400', () => {
    const { svc, calId } = setup();
    expect(svc.Events.insert({ ...ONE_HOUR, visibility: 'private' }, calId).visibility).toBe('private');
    expect(
      googleError(() => svc.Events.insert({ ...ONE_HOUR, visibility: 'secret' }, calId)).details.code,
    ).toBe(400);
    expect(
      googleError(() => svc.Events.insert({ ...ONE_HOUR, transparency: 'busy' }, calId)).details.code,
    ).toBe(400);
    expect(googleError(() => svc.Events.insert({ ...ONE_HOUR, status: 'annulée' }, calId)).details.code).toBe(
      400,
    );
    expect(svc._events(calId)).toHaveLength(1);
  });
});

describe('updated / etag / sequence (events resource)', () => {
  test('insert sets created = updated, sequence 0, an etag, status confirmed', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(ONE_HOUR, calId);
    expect(ev).toMatchObject({ kind: 'calendar#event', status: 'confirmed', sequence: 0 });
    expect(ev.created).toBe(ev.updated);
    expect(ev.etag).toMatch(/^"\d+"$/);
  });

  test('a retitle changes updated and etag, not sequence; a move bumps sequence', () => {
    const { rt, svc, calId } = setup();
    const ev = svc.Events.insert(ONE_HOUR, calId);
    rt.clock.advance(60_000);
    const retitled = svc.Events.patch({ summary: 'Répétition générale' }, calId, ev.id as string);
    expect(retitled.sequence).toBe(0);
    expect(retitled.etag).not.toBe(ev.etag);
    expect(Date.parse(retitled.updated as string)).toBeGreaterThan(Date.parse(ev.updated as string));
    expect(retitled.start).toEqual(ev.start);
    const moved = svc.Events.patch(
      {
        start: { dateTime: '2026-03-03T16:00:00', timeZone: 'Europe/Paris' },
        end: { dateTime: '2026-03-03T17:00:00', timeZone: 'Europe/Paris' },
      },
      calId,
      ev.id as string,
    );
    expect(moved.sequence).toBe(1);
    expect(moved.summary).toBe('Répétition générale');
  });

  test('a sequence below the stored one → 400 and nothing changes', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert({ ...ONE_HOUR, sequence: 3 }, calId);
    const e = googleError(() =>
      svc.Events.update({ ...ONE_HOUR, summary: 'x', sequence: 2 }, calId, ev.id as string),
    );
    expect(e.details.code).toBe(400);
    expect(svc.Events.get(calId, ev.id as string).summary).toBe('Répétition');
  });

  test('update replaces the resource (fields not sent are gone), keeping id, created and iCalUID', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert({ ...ONE_HOUR, location: 'Halle', description: 'd' }, calId);
    const up = svc.Events.update({ ...ONE_HOUR, summary: 'Nouveau' }, calId, ev.id as string);
    expect(up.location).toBeUndefined();
    expect(up.description).toBeUndefined();
    expect(up).toMatchObject({ id: ev.id, created: ev.created, iCalUID: ev.iCalUID, summary: 'Nouveau' });
  });

  test('patch merges extendedProperties.private member by member (guides/extended-properties)', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(
      {
        ...ONE_HOUR,
        extendedProperties: { private: { piloteBookingId: 'RES-0001', piloteSpreadsheetId: 'ss1' } },
      },
      calId,
    );
    const p = svc.Events.patch(
      { extendedProperties: { private: { piloteHash: 'h1' } } },
      calId,
      ev.id as string,
    );
    expect(p.extendedProperties?.private).toEqual({
      piloteBookingId: 'RES-0001',
      piloteSpreadsheetId: 'ss1',
      piloteHash: 'h1',
    });
  });

  test('If-Match with a stale etag → 412 Precondition Failed (advanced Calendar service page)', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(ONE_HOUR, calId);
    svc.Events.patch({ summary: 'changed elsewhere' }, calId, ev.id as string);
    const e = googleError(() =>
      svc.Events.patch({ summary: 'mine' }, calId, ev.id as string, {}, { 'If-Match': ev.etag }),
    );
    expect(e.details.code).toBe(412);
    expect(svc.Events.get(calId, ev.id as string).summary).toBe('changed elsewhere');
  });
});

describe('remove / get (events/delete, events resource "status")', () => {
  test('a deleted event is kept as status cancelled; get still returns it', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(ONE_HOUR, calId);
    svc.Events.remove(calId, ev.id as string);
    expect(svc.Events.get(calId, ev.id as string).status).toBe('cancelled');
    expect(svc.Events.list(calId).items).toHaveLength(0);
  });

  test('deleting twice → 410 « Resource has been deleted » (google-api-python-client#210)', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(ONE_HOUR, calId);
    svc.Events.remove(calId, ev.id as string);
    const e = googleError(() => svc.Events.remove(calId, ev.id as string));
    expect(e.details.code).toBe(410);
    expect(e.message).toBe('API call to calendar.events.delete failed with error: Resource has been deleted');
  });

  test('an unknown event or calendar → 404 Not Found', () => {
    const { svc, calId } = setup();
    expect(googleError(() => svc.Events.get(calId, 'nothere00')).details.code).toBe(404);
    expect(
      googleError(() => svc.Events.insert(ONE_HOUR, 'nope@group.calendar.google.com')).details.code,
    ).toBe(404);
  });

  test('the script cannot mutate stored state through a returned object', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(ONE_HOUR, calId);
    ev.summary = 'mutated';
    expect(svc.Events.get(calId, ev.id as string).summary).toBe('Répétition');
  });
});

describe('Calendars (calendars/insert, get, patch, delete)', () => {
  test('insert needs a summary; gives a group calendar id and the zone asked for', () => {
    const { svc } = setup();
    const cal = svc.Calendars.insert({ summary: 'Atelier', timeZone: 'Europe/Paris' });
    expect(cal.id).toMatch(/@group\.calendar\.google\.com$/);
    expect(svc.Calendars.get(cal.id as string)).toMatchObject({
      summary: 'Atelier',
      timeZone: 'Europe/Paris',
    });
    expect(googleError(() => svc.Calendars.insert({ description: 'no title' })).details.code).toBe(400);
  });

  test('patch renames; remove makes it 404 for calendars and events alike; primary cannot be removed', () => {
    const { svc, calId } = setup();
    expect(svc.Calendars.patch({ summary: 'Halle' }, calId).summary).toBe('Halle');
    svc.Calendars.remove(calId);
    expect(googleError(() => svc.Calendars.get(calId)).details.code).toBe(404);
    expect(googleError(() => svc.Events.list(calId)).details.code).toBe(404);
    expect(googleError(() => svc.Calendars.remove('primary')).details.code).toBe(400);
  });
});

describe('quotas (apps-script/guides/services/quotas: « Calendar events created 5,000 / day »)', () => {
  test('the default daily creation quota is 5,000 (consumer account, assumption for the Advanced service)', () => {
    expect(CALENDAR_LIMITS.dailyEventsCreated).toBe(5000);
    const { svc } = setup();
    expect(svc._remainingEventQuota()).toBe(5000);
  });

  test('past the quota, insert → 403 quotaExceeded « Calendar usage limits exceeded. », nothing stored; resets after 24 h', () => {
    const { rt, svc, calId } = setup({ dailyEventQuota: 3 });
    for (let i = 0; i < 3; i++) svc.Events.insert(ONE_HOUR, calId);
    const e = googleError(() => svc.Events.insert(ONE_HOUR, calId));
    expect(e.details).toMatchObject({
      code: 403,
      errors: [{ domain: 'usageLimits', reason: 'quotaExceeded' }],
    });
    expect(e.message).toContain('Calendar usage limits exceeded.');
    expect(svc._events(calId)).toHaveLength(3);
    rt.clock.advance(CALENDAR_LIMITS.quotaWindowMs);
    expect(svc.Events.insert(ONE_HOUR, calId).id).toBeDefined();
  });

  test('patches and events put by someone else do not count', () => {
    const { svc, calId } = setup({ dailyEventQuota: 1 });
    svc._addExternalEvent(calId, ONE_HOUR);
    const ev = svc.Events.insert(ONE_HOUR, calId);
    svc.Events.patch({ summary: 'x' }, calId, ev.id as string);
    expect(svc._remainingEventQuota()).toBe(0);
  });
});

describe('charges through the runtime', () => {
  test('each call is one round trip: mutations 400 ms, get 300 ms, a list page 300 ms', () => {
    const { rt, svc, calId } = setup();
    rt.beginExecution('sync', 'normal', false);
    const ev = svc.Events.insert(ONE_HOUR, calId);
    svc.Events.patch({ summary: 'x' }, calId, ev.id as string);
    svc.Events.get(calId, ev.id as string);
    svc.Events.list(calId);
    svc.Events.remove(calId, ev.id as string);
    const stats = rt.endExecution();
    expect(stats.byMethod).toEqual({
      'Calendar.Events.insert': 1,
      'Calendar.Events.patch': 1,
      'Calendar.Events.get': 1,
      'Calendar.Events.list': 1,
      'Calendar.Events.remove': 1,
    });
    expect(stats.ms).toBe(3 * COSTS.calendarMutation + COSTS.calendarRead + COSTS.calendarListPage);
  });

  test('a call refused by Google still costs its round trip', () => {
    const { rt, svc, calId } = setup();
    rt.beginExecution('x', 'normal', false);
    googleError(() => svc.Events.insert({ ...ONE_HOUR, id: 'BAD' }, calId));
    expect(rt.endExecution().calls).toBe(1);
  });

  test('test helpers are free', () => {
    const { rt, svc, calId } = setup();
    rt.beginExecution('x', 'normal', false);
    svc._addExternalEvent(calId, ONE_HOUR);
    svc._events(calId);
    expect(rt.endExecution().calls).toBe(0);
  });
});

describe('scopes (Authorization section of each v3 reference page)', () => {
  test('every implemented method has its scopes; writes never accept a read-only scope', () => {
    for (const m of ['insert', 'get', 'patch', 'update', 'remove', 'list', 'instances'])
      expect(CALENDAR_SCOPES[`Calendar.Events.${m}`]).toContain('https://www.googleapis.com/auth/calendar');
    for (const m of ['insert', 'patch', 'update', 'remove']) {
      expect(CALENDAR_SCOPES[`Calendar.Events.${m}`]).toContain(
        'https://www.googleapis.com/auth/calendar.events',
      );
      expect(CALENDAR_SCOPES[`Calendar.Events.${m}`].some((s) => s.endsWith('readonly'))).toBe(false);
    }
    expect(CALENDAR_SCOPES['Calendar.Events.list']).toContain(
      'https://www.googleapis.com/auth/calendar.readonly',
    );
  });

  test('creating a calendar is not allowed by calendar.events (calendars/insert)', () => {
    expect(CALENDAR_SCOPES['Calendar.Calendars.insert']).not.toContain(
      'https://www.googleapis.com/auth/calendar.events',
    );
    expect(CALENDAR_SCOPES['Calendar.Calendars.insert']).toContain(
      'https://www.googleapis.com/auth/calendar.app.created',
    );
  });

  test('each class names itself as the membrane will in permission errors', () => {
    const { svc } = setup();
    expect((svc.Events.constructor as unknown as { googleClassName: string }).googleClassName).toBe(
      'Calendar.Events',
    );
    expect((svc.Calendars.constructor as unknown as { googleClassName: string }).googleClassName).toBe(
      'Calendar.Calendars',
    );
  });
});

describe('snapshot / restore, test helpers, CLI', () => {
  test('restore gives back calendars, events, tokens and quota as they were', () => {
    const { rt, svc, calId } = setup();
    svc.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, calId);
    const token = svc.Events.list(calId).nextSyncToken as string;
    const snap = JSON.parse(JSON.stringify(svc.snapshot()));
    svc.Events.insert(ONE_HOUR, calId);
    const copy = new CalendarAdvancedService(rt);
    copy.restore(snap);
    expect(copy._events(calId).map((e) => e.id)).toEqual(['pilote0res0001']);
    expect(copy.Events.list(calId, { syncToken: token }).items).toHaveLength(0);
    expect(
      googleError(() => copy.Events.insert({ ...ONE_HOUR, id: 'pilote0res0001' }, calId)).details.code,
    ).toBe(409);
  });

  test('_editExternally and _deleteExternally change events as the Calendar UI would, not logged as script writes', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(ONE_HOUR, calId);
    svc._editExternally(calId, ev.id as string, { summary: 'Déplacé' });
    expect(svc.Events.get(calId, ev.id as string).summary).toBe('Déplacé');
    svc._deleteExternally(calId, ev.id as string);
    expect(svc.Events.get(calId, ev.id as string).status).toBe('cancelled');
    expect(svc._writes().map((w) => w.method)).toEqual(['Calendars.insert', 'Events.insert']);
  });

  test('_addExternalEvent is organised by someone else', () => {
    const { svc, calId } = setup();
    const ev = svc._addExternalEvent(calId, ONE_HOUR);
    expect(ev.organizer?.email).toBe('someone.else@example.org');
    expect(svc._writes().filter((w) => w.eventId === ev.id)).toHaveLength(0);
  });

  test('listCalendarEventsJson finds a calendar by id or summary and prints its live events', () => {
    const { svc, calId } = setup();
    svc.Events.insert(ONE_HOUR, calId);
    const gone = svc.Events.insert({ ...ONE_HOUR, summary: 'Annulé' }, calId);
    svc.Events.remove(calId, gone.id as string);
    const byName = JSON.parse(listCalendarEventsJson(svc, 'Grande halle'));
    expect(byName.calendar).toEqual({ id: calId, summary: 'Grande halle', timeZone: 'Europe/Paris' });
    expect(byName.events.map((e: CalendarEvent) => e.summary)).toEqual(['Répétition']);
    expect(JSON.parse(listCalendarEventsJson(svc, calId, { showDeleted: true })).events).toHaveLength(2);
    expect(() => listCalendarEventsJson(svc, 'Salle inconnue')).toThrow(
      'Agenda inconnu : « Salle inconnue »',
    );
  });
});
