/**
 * Calendar.Events.list: paging, incremental sync and filters, per
 * developers.google.com/calendar/api/v3/reference/events/list and
 * developers.google.com/calendar/api/guides/sync.
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

function booking(n: number, extra: CalendarEvent = {}): CalendarEvent {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    id: `pilote0res${String(n).padStart(4, '0')}`,
    summary: `Réservation ${n}`,
    start: { dateTime: `2026-03-${day}T14:00:00`, timeZone: 'Europe/Paris' },
    end: { dateTime: `2026-03-${day}T15:00:00`, timeZone: 'Europe/Paris' },
    extendedProperties: { private: { piloteBookingId: `RES-${n}`, piloteSpreadsheetId: 'ss1' } },
    ...extra,
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

/** All pages of a list; returns the items and the final response. */
function listAll(svc: CalendarAdvancedService, calId: string, args: Record<string, unknown>) {
  const items: CalendarEvent[] = [];
  let pageToken: string | undefined;
  let pages = 0;
  for (;;) {
    const res = svc.Events.list(calId, pageToken ? { ...args, pageToken } : args);
    pages += 1;
    items.push(...(res.items ?? []));
    if (!res.nextPageToken) return { items, last: res, pages };
    pageToken = res.nextPageToken;
  }
}

describe('paging (events/list maxResults, pageToken; guides/sync)', () => {
  test('pages of maxResults; nextSyncToken only on the last page', () => {
    const { svc, calId } = setup();
    for (let i = 0; i < 5; i++) svc.Events.insert(booking(i), calId);
    const first = svc.Events.list(calId, { maxResults: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextPageToken).toBeDefined();
    expect(first.nextSyncToken).toBeUndefined();
    const { items, last, pages } = listAll(svc, calId, { maxResults: 2 });
    expect(pages).toBe(3);
    expect(items.map((e) => e.id)).toEqual([0, 1, 2, 3, 4].map((i) => booking(i).id));
    expect(last.nextSyncToken).toBeDefined();
  });

  test('the default page is 250 events and no page is larger than 2,500', () => {
    const { svc, calId } = setup();
    for (let i = 0; i < 260; i++) svc._addExternalEvent(calId, booking(i));
    expect(svc.Events.list(calId).items).toHaveLength(250);
    expect(svc.Events.list(calId, { maxResults: 5000 }).items).toHaveLength(260);
  });

  test('a page token used with other parameters → 400', () => {
    const { svc, calId } = setup();
    for (let i = 0; i < 3; i++) svc.Events.insert(booking(i), calId);
    const token = svc.Events.list(calId, { maxResults: 1 }).nextPageToken as string;
    expect(googleError(() => svc.Events.list(calId, { maxResults: 2, pageToken: token })).details.code).toBe(
      400,
    );
  });

  test('maxResults 0 → 400', () => {
    const { svc, calId } = setup();
    expect(googleError(() => svc.Events.list(calId, { maxResults: 0 })).details.code).toBe(400);
  });
});

describe('incremental sync (guides/sync, events/list syncToken)', () => {
  test('a sync token returns only what changed since, deletions as status cancelled with only the id guaranteed', () => {
    const { svc, calId } = setup();
    for (let i = 0; i < 3; i++) svc.Events.insert(booking(i), calId);
    const token = listAll(svc, calId, {}).last.nextSyncToken as string;
    expect(svc.Events.list(calId, { syncToken: token }).items).toEqual([]);
    svc._editExternally(calId, booking(1).id as string, { summary: 'Déplacée' });
    svc._deleteExternally(calId, booking(2).id as string);
    const inc = svc.Events.list(calId, { syncToken: token });
    expect(inc.items?.map((e) => [e.id, e.status])).toEqual([
      [booking(1).id, 'confirmed'],
      [booking(2).id, 'cancelled'],
    ]);
    const deleted = inc.items?.[1] as CalendarEvent;
    // events resource, status: "Deleted events are only guaranteed to have the id field populated"
    // — and an incremental sync without showDeleted does not return their details.
    expect(deleted.extendedProperties).toBeUndefined();
    expect(deleted.summary).toBeUndefined();
    expect(inc.nextSyncToken).toBeDefined();
    expect(svc.Events.list(calId, { syncToken: inc.nextSyncToken }).items).toEqual([]);
  });

  test('a full list without showDeleted leaves deleted events out', () => {
    const { svc, calId } = setup();
    svc.Events.insert(booking(1), calId);
    svc.Events.remove(calId, booking(1).id as string);
    expect(svc.Events.list(calId).items).toEqual([]);
    expect(svc.Events.list(calId, { showDeleted: true }).items?.map((e) => e.summary)).toEqual([
      'Réservation 1',
    ]);
  });

  test('an expired or foreign sync token → 410 « Sync token is no longer valid, a full sync is required. »', () => {
    const { svc, calId } = setup();
    svc.Events.insert(booking(1), calId);
    const token = svc.Events.list(calId).nextSyncToken as string;
    svc._expireTokens(calId);
    const e = googleError(() => svc.Events.list(calId, { syncToken: token }));
    expect(e.details).toMatchObject({ code: 410, errors: [{ reason: 'fullSyncRequired' }] });
    expect(e.message).toBe(
      'API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync is required.',
    );
    const other = svc.Calendars.insert({ summary: 'Autre' }).id as string;
    const otherToken = svc.Events.list(other).nextSyncToken as string;
    expect(googleError(() => svc.Events.list(calId, { syncToken: otherToken })).details.code).toBe(410);
    expect(googleError(() => svc.Events.list(calId, { syncToken: 'garbage' })).details.code).toBe(410);
    // A full resync gives a token that works again.
    const fresh = svc.Events.list(calId).nextSyncToken as string;
    expect(svc.Events.list(calId, { syncToken: fresh }).items).toEqual([]);
  });

  test.each([
    'iCalUID',
    'orderBy',
    'privateExtendedProperty',
    'q',
    'sharedExtendedProperty',
    'timeMin',
    'timeMax',
    'updatedMin',
  ])('syncToken with %s → 400 (events/list: "cannot be specified together with nextSyncToken")', (name) => {
    const { svc, calId } = setup();
    const token = svc.Events.list(calId).nextSyncToken as string;
    const values: Record<string, unknown> = {
      iCalUID: 'x@google.com',
      orderBy: 'updated',
      privateExtendedProperty: 'piloteSpreadsheetId=ss1',
      q: 'x',
      sharedExtendedProperty: 'a=b',
      timeMin: '2026-01-01T00:00:00Z',
      timeMax: '2027-01-01T00:00:00Z',
      updatedMin: '2026-01-01T00:00:00Z',
    };
    expect(
      googleError(() => svc.Events.list(calId, { syncToken: token, [name]: values[name] })).details.code,
    ).toBe(400);
  });

  test('syncToken with showDeleted=false → 400 ("it is not allowed to set showDeleted to False")', () => {
    const { svc, calId } = setup();
    const token = svc.Events.list(calId).nextSyncToken as string;
    expect(
      googleError(() => svc.Events.list(calId, { syncToken: token, showDeleted: false })).details.code,
    ).toBe(400);
  });

  test('incremental results page like a full list; the new token comes on the last page only', () => {
    const { svc, calId } = setup();
    const token = svc.Events.list(calId).nextSyncToken as string;
    for (let i = 0; i < 5; i++) svc.Events.insert(booking(i), calId);
    const { items, pages, last } = listAll(svc, calId, { syncToken: token, maxResults: 2 });
    expect(pages).toBe(3);
    expect(items).toHaveLength(5);
    expect(last.nextSyncToken).toBeDefined();
  });

  test('a change made while paging is not lost: it comes with the next incremental sync', () => {
    const { svc, calId } = setup();
    for (let i = 0; i < 4; i++) svc.Events.insert(booking(i), calId);
    const first = svc.Events.list(calId, { maxResults: 2 });
    svc._editExternally(calId, booking(3).id as string, { summary: 'changée pendant la lecture' });
    const second = svc.Events.list(calId, { maxResults: 2, pageToken: first.nextPageToken });
    const next = svc.Events.list(calId, { syncToken: second.nextSyncToken });
    expect(next.items?.map((e) => e.summary)).toEqual(['changée pendant la lecture']);
  });
});

describe('filters (events/list)', () => {
  test('privateExtendedProperty key=value finds our events, not the others', () => {
    const { svc, calId } = setup();
    svc.Events.insert(booking(1), calId);
    svc.Events.insert(
      booking(2, {
        extendedProperties: { private: { piloteBookingId: 'RES-2', piloteSpreadsheetId: 'other' } },
      }),
      calId,
    );
    svc._addExternalEvent(calId, { ...booking(3), extendedProperties: undefined, id: undefined });
    const ours = svc.Events.list(calId, { privateExtendedProperty: 'piloteSpreadsheetId=ss1' });
    expect(ours.items?.map((e) => e.id)).toEqual([booking(1).id]);
    expect(
      svc.Events.list(calId, { privateExtendedProperty: ['piloteBookingId=RES-2'] }).items?.map((e) => e.id),
    ).toEqual([booking(2).id]);
    // Shared properties are another namespace.
    expect(svc.Events.list(calId, { sharedExtendedProperty: 'piloteSpreadsheetId=ss1' }).items).toEqual([]);
    expect(
      googleError(() => svc.Events.list(calId, { privateExtendedProperty: 'novalue' })).details.code,
    ).toBe(400);
  });

  test('several constraints are refused: AND (events/list) or OR (guides/extended-properties) is undecided', () => {
    const { svc, calId } = setup();
    expect(() =>
      svc.Events.list(calId, {
        privateExtendedProperty: ['piloteSpreadsheetId=ss1', 'piloteBookingId=RES-1'],
      }),
    ).toThrow('documented both as AND (events/list) and OR (guides/extended-properties)');
  });

  test('patching a private property to null deletes it; update drops those it does not carry (guides/extended-properties)', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(booking(1), calId);
    const patched = svc.Events.patch(
      { extendedProperties: { private: { piloteBookingId: null } } } as unknown as CalendarEvent,
      calId,
      ev.id as string,
    );
    expect(patched.extendedProperties?.private).toEqual({ piloteSpreadsheetId: 'ss1' });
    const updated = svc.Events.update(
      { ...booking(1), extendedProperties: { private: { a: '1' } } },
      calId,
      ev.id as string,
    );
    expect(updated.extendedProperties?.private).toEqual({ a: '1' });
  });

  test('timeMin is exclusive on the end, timeMax exclusive on the start; both need an offset', () => {
    const { svc, calId } = setup();
    svc.Events.insert(booking(3), calId); // 2026-03-04 14:00–15:00 Paris = 13:00–14:00Z
    const at = (timeMin: string, timeMax: string) =>
      svc.Events.list(calId, { timeMin, timeMax }).items?.length;
    expect(at('2026-03-04T14:00:00Z', '2026-03-05T00:00:00Z')).toBe(0);
    expect(at('2026-03-04T13:59:00Z', '2026-03-05T00:00:00Z')).toBe(1);
    expect(at('2026-03-04T00:00:00Z', '2026-03-04T13:00:00Z')).toBe(0);
    expect(at('2026-03-04T00:00:00Z', '2026-03-04T13:01:00Z')).toBe(1);
    expect(googleError(() => svc.Events.list(calId, { timeMin: '2026-03-04T00:00:00' })).details.code).toBe(
      400,
    );
  });

  test('timeMin ≥ timeMax → 400 « The specified time range is empty. » (guides/errors)', () => {
    const { svc, calId } = setup();
    const e = googleError(() =>
      svc.Events.list(calId, { timeMin: '2026-03-05T00:00:00Z', timeMax: '2026-03-04T00:00:00Z' }),
    );
    expect(e.details.errors[0]).toMatchObject({ reason: 'timeRangeEmpty', location: 'timeMax' });
  });

  test('orderBy startTime needs singleEvents=true', () => {
    const { svc, calId } = setup();
    svc.Events.insert(booking(5), calId);
    svc.Events.insert(booking(2), calId);
    expect(googleError(() => svc.Events.list(calId, { orderBy: 'startTime' })).details.code).toBe(400);
    const sorted = svc.Events.list(calId, { orderBy: 'startTime', singleEvents: true });
    expect(sorted.items?.map((e) => e.id)).toEqual([booking(2).id, booking(5).id]);
    expect(googleError(() => svc.Events.list(calId, { orderBy: 'summary' })).details.code).toBe(400);
  });

  test('iCalUID finds one event; unknown optional arguments fail loudly', () => {
    const { svc, calId } = setup();
    const ev = svc.Events.insert(booking(1), calId);
    svc.Events.insert(booking(2), calId);
    expect(svc.Events.list(calId, { iCalUID: ev.iCalUID }).items?.map((e) => e.id)).toEqual([ev.id]);
    expect(() => svc.Events.list(calId, { privateExtendedProperties: 'a=b' })).toThrow('is not implemented');
  });

  test('updatedMin includes deletions made since, whatever showDeleted says', () => {
    const { rt, svc, calId } = setup();
    svc.Events.insert(booking(1), calId);
    svc.Events.insert(booking(2), calId);
    rt.clock.advance(60_000);
    const since = new Date(rt.clock.now()).toISOString();
    svc.Events.remove(calId, booking(2).id as string);
    const res = svc.Events.list(calId, { updatedMin: since });
    expect(res.items?.map((e) => [e.id, e.status])).toEqual([[booking(2).id, 'cancelled']]);
  });
});

describe('timeZone of the response (events/list timeZone)', () => {
  test('dateTimes come back in the zone asked, same instant; the event keeps its own timeZone', () => {
    const { svc, calId } = setup();
    svc.Events.insert(booking(1), calId); // 2026-03-02 14:00 Paris
    const res = svc.Events.list(calId, { timeZone: 'UTC' });
    expect(res.timeZone).toBe('UTC');
    expect(res.items?.[0].start).toEqual({ dateTime: '2026-03-02T13:00:00Z', timeZone: 'Europe/Paris' });
    expect(svc.Events.list(calId).items?.[0].start?.dateTime).toBe('2026-03-02T14:00:00+01:00');
    expect(googleError(() => svc.Events.list(calId, { timeZone: 'Mars/Olympus' })).details.code).toBe(400);
  });
});

describe('a full sync of 2,000 events (the size of issue 10)', () => {
  test('8 pages of 250, each one list round trip (300 ms); then 20 changes come back in one page', () => {
    const { rt, svc, calId } = setup();
    for (let i = 0; i < 2000; i++) svc._addExternalEvent(calId, booking(i));
    rt.beginExecution('full sync', 'normal', false);
    const { items, pages, last } = listAll(svc, calId, {
      privateExtendedProperty: 'piloteSpreadsheetId=ss1',
    });
    const stats = rt.endExecution();
    expect(items).toHaveLength(2000);
    expect(pages).toBe(8);
    expect(stats.byMethod).toEqual({ 'Calendar.Events.list': 8 });
    expect(stats.ms).toBe(8 * 300);
    for (let i = 0; i < 20; i++)
      svc._editExternally(calId, booking(i * 50).id as string, { summary: `changée ${i}` });
    const inc = svc.Events.list(calId, { syncToken: last.nextSyncToken });
    expect(inc.items).toHaveLength(20);
    expect(inc.nextPageToken).toBeUndefined();
  });
});
