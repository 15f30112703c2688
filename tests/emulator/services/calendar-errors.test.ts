/**
 * Google's error shapes as the Advanced Calendar service throws them to a script
 * (developers.google.com/calendar/api/guides/errors for the bodies; the message form
 * `API call to calendar.events.insert failed with error: …` from public reports, see errors.ts),
 * faults injected through the runtime, and the script-facing surface seen through the Membrane.
 */
import vm from 'node:vm';
import { Runtime } from '../../../local/emulator/runtime';
import {
  CalendarAdvancedService,
  type CalendarEvent,
  GoogleJsonResponseException,
  PORTUGUESE_PREFIX,
  calendarScopeError,
  injectCalendarFault,
} from '../../../local/emulator/services/calendar';
import { Membrane } from '../../../local/runner/membrane';

const EVENT: CalendarEvent = {
  id: 'pilote0res0001',
  summary: 'Répétition',
  start: { dateTime: '2026-03-03T14:00:00', timeZone: 'Europe/Paris' },
  end: { dateTime: '2026-03-03T15:00:00', timeZone: 'Europe/Paris' },
};

function setup(options = {}) {
  const rt = new Runtime();
  const svc = new CalendarAdvancedService(rt, options);
  const calId = svc.Calendars.insert({ summary: 'Grande halle', timeZone: 'Europe/Paris' }).id as string;
  return { rt, svc, calId };
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

describe('error shape', () => {
  test('name GoogleJsonResponseException, message « API call to calendar.<resource>.<method> failed with error: … », details = the JSON body', () => {
    const { svc, calId } = setup();
    svc.Events.insert(EVENT, calId);
    const e = googleError(() => svc.Events.insert(EVENT, calId));
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe(
      'API call to calendar.events.insert failed with error: The requested identifier already exists.',
    );
    expect(e.details).toEqual({
      code: 409,
      message: 'The requested identifier already exists.',
      errors: [
        { domain: 'global', reason: 'duplicate', message: 'The requested identifier already exists.' },
      ],
    });
  });

  test('remove is reported as calendar.events.delete, Calendars.get as calendar.calendars.get', () => {
    const { svc, calId } = setup();
    expect(googleError(() => svc.Events.remove(calId, 'nothere00')).message).toBe(
      'API call to calendar.events.delete failed with error: Not Found',
    );
    expect(googleError(() => svc.Calendars.get('nope')).message).toBe(
      'API call to calendar.calendars.get failed with error: Not Found',
    );
  });

  test('the prefix is localised on Google (gcal-sync#98); the API message after it is not', () => {
    const { svc, calId } = setup({ messagePrefix: PORTUGUESE_PREFIX });
    svc.Events.insert(EVENT, calId);
    const e = googleError(() => svc.Events.insert(EVENT, calId));
    expect(e.message).toBe(
      'Falha na chamada de API para calendar.events.insert com o erro The requested identifier already exists.',
    );
    expect(e.message.endsWith('The requested identifier already exists.')).toBe(true);
  });
});

describe('missing scope (advanced services answer as the REST API does)', () => {
  test('calendarScopeError: 403 « Request had insufficient authentication scopes. » (apps-script-samples#159)', () => {
    const e = calendarScopeError('Events.list');
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e.message).toBe(
      'API call to calendar.events.list failed with error: Request had insufficient authentication scopes.',
    );
    expect(e.details).toMatchObject({ code: 403, errors: [{ reason: 'insufficientPermissions' }] });
    expect(calendarScopeError('Calendars.remove').message).toContain('calendar.calendars.delete');
  });
});

describe('injected faults (guides/errors: 403 rateLimitExceeded, 429, 503; quotas)', () => {
  test.each([
    [403, 'Rate Limit Exceeded', 'rateLimitExceeded'],
    ['403-user', 'User Rate Limit Exceeded', 'userRateLimitExceeded'],
    ['403-quota', 'Calendar usage limits exceeded.', 'quotaExceeded'],
    [429, 'Rate Limit Exceeded', 'rateLimitExceeded'],
    [503, 'Service Unavailable', 'backendError'],
  ] as const)(
    '%s: the call throws Google’s body, has no effect, and the next call succeeds',
    (fault, message, reason) => {
      const { rt, svc, calId } = setup();
      injectCalendarFault(rt, 'Events.insert', fault);
      rt.beginExecution('sync', 'normal', false);
      const e = googleError(() => svc.Events.insert(EVENT, calId));
      expect(e.message).toBe(`API call to calendar.events.insert failed with error: ${message}`);
      expect(e.details.errors[0].reason).toBe(reason);
      expect(svc._events(calId)).toHaveLength(0);
      expect(svc.Events.insert(EVENT, calId).id).toBe('pilote0res0001');
      // Runtime.charge fires injected faults before counting: only the successful call is counted
      // (on Google the refused call is a round trip too; the runtime's choice, reported to the lead).
      expect(rt.endExecution().byMethod['Calendar.Events.insert']).toBe(1);
    },
  );

  test('a fault after N successes: `times` and the method filter are honoured', () => {
    const { rt, svc, calId } = setup();
    injectCalendarFault(rt, 'Events.list', 429, 2);
    svc.Events.insert(EVENT, calId); // not a list: unaffected
    expect(googleError(() => svc.Events.list(calId)).details.code).toBe(429);
    expect(googleError(() => svc.Events.list(calId)).details.code).toBe(429);
    expect(svc.Events.list(calId).items).toHaveLength(1);
  });

  test('an injected 410 on list is the fullSyncRequired body', () => {
    const { rt, svc, calId } = setup();
    injectCalendarFault(rt, 'Events.list', 410);
    expect(googleError(() => svc.Events.list(calId)).message).toBe(
      'API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync is required.',
    );
  });
});

describe('through the Membrane (what dist/Code.js sees)', () => {
  function script(svc: CalendarAdvancedService, source: string): unknown {
    const context = vm.createContext({});
    const membrane = new Membrane(context);
    context.Calendar = membrane.toScript(svc);
    return membrane.toHost(vm.runInContext(source, context));
  }

  test('a script inserts with insert(resource, calendarId) and reads back its own realm’s objects', () => {
    const { svc, calId } = setup();
    const out = script(
      svc,
      `var ev = Calendar.Events.insert(${JSON.stringify(EVENT)}, ${JSON.stringify(calId)});
       var list = Calendar.Events.list(${JSON.stringify(calId)}, { privateExtendedProperty: [] });
       [ev.id, ev.start.dateTime, list.items instanceof Array, list.items.length]`,
    );
    expect(out).toEqual(['pilote0res0001', '2026-03-03T14:00:00+01:00', true, 1]);
  });

  test('a script catches the error as its own Error with Google’s name and message', () => {
    const { svc, calId } = setup();
    svc.Events.insert(EVENT, calId);
    const out = script(
      svc,
      `try { Calendar.Events.insert(${JSON.stringify(EVENT)}, ${JSON.stringify(calId)}); null; }
       catch (e) { [e instanceof Error, e.name, e.message.indexOf('The requested identifier already exists.') >= 0]; }`,
    );
    expect(out).toEqual([true, 'GoogleJsonResponseException', true]);
  });

  test('test helpers, persistence and internals are hidden; missing members are reported', () => {
    const { svc } = setup();
    for (const member of [
      'Calendar._events',
      'Calendar._addExternalEvent',
      'Calendar.snapshot',
      'Calendar._state',
      'Calendar.Events._store',
      'Calendar.CalendarList',
      'Calendar.Events.quickAdd',
    ])
      expect(() => script(svc, `${member}`)).toThrow('is not implemented');
  });
});
