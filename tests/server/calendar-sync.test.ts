/**
 * The two-way Calendar sync (src/server/calendar-sync.ts) on the shipped bundle and the Calendar
 * v3 emulator: what is sent (deterministic id, private extended properties, wall-clock dateTime +
 * timeZone, exclusive all-day end, visibility), that only changes are sent, what comes back from
 * Calendar (moved, retitled, deleted), that other people's events are never touched, and that a
 * fault at each step converges to the no-fault end state with no duplicate event.
 */
import { KEY_ROW } from '../../src/schema';
import { seedLabels } from '../../local/fixtures';
import { injectCalendarFault } from '../../local/emulator/services/calendar';
import { GoogleException } from '../../local/emulator/runtime';
import { type Harness, setUpHarness, sheetDisplay } from './harness';

interface Report {
  pushed: number;
  pulled: number;
  refused: { id: string; reason: string }[];
  failed: { id: string; reason: string }[];
  calendarsCreated: number;
  complete: boolean;
  message: string;
}

let counter = 0;
function save(h: Harness, values: Record<string, string>, id: string | null = null) {
  counter += 1;
  const { result } = h.api<{ id: string; row: number }>('saveRecord', {
    sheet: 'bookings',
    id,
    requestId: `sync-${String(counter).padStart(6, '0')}`,
    values,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

function sync(h: Harness): Report {
  const { result } = h.api<Report>('syncBookingCalendars');
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

function column(h: Harness, key: string): string[] {
  const rows = sheetDisplay(h, 'Réservations');
  const at = rows[KEY_ROW - 1].indexOf(key);
  if (at < 0) throw new Error(`no column ${key}`);
  return rows.slice(KEY_ROW + 1, KEY_ROW + 1 + countRows(rows)).map((r) => r[at]);
}
function countRows(rows: string[][]): number {
  const idAt = rows[KEY_ROW - 1].indexOf('id');
  return rows.slice(KEY_ROW + 1).filter((r) => r[idAt] !== '').length;
}

function spaceCalendar(h: Harness, name = 'Grande halle'): string {
  const rows = sheetDisplay(h, 'Espaces');
  const at = rows[KEY_ROW - 1].indexOf('calendarId');
  const row = rows.find((r) => r.includes(name));
  return row ? row[at] : '';
}

const BASE = { space: 'Grande halle', status: 'Confirmée' };
const BOOKINGS = [
  {
    ...BASE,
    title: 'Passage à l’heure d’été',
    startDate: '29/03/2026',
    startTime: '10:00',
    endTime: '12:00',
  },
  {
    ...BASE,
    title: 'Retour à l’heure d’hiver',
    startDate: '25/10/2026',
    startTime: '10:00',
    endTime: '12:00',
  },
  { ...BASE, title: 'Festival (trois jours)', startDate: '10/04/2026', endDate: '12/04/2026' },
  {
    ...BASE,
    title: 'Atelier du jeudi',
    startDate: '08/01/2026',
    startTime: '18:00',
    endTime: '20:00',
    recurrence: 'Chaque semaine',
    recurrenceUntil: '26/02/2026',
  },
  {
    ...BASE,
    title: 'Rendez-vous privé',
    startDate: '15/01/2026',
    startTime: '09:00',
    endTime: '10:00',
    visibility: 'Privée',
  },
];

function world(): { h: Harness; ids: string[] } {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande halle']);
  const ids = BOOKINGS.map((b) => save(h, b).id);
  return { h, ids };
}

/** Events of the space's calendar (not deleted), by booking id. */
function events(h: Harness) {
  const calendarId = spaceCalendar(h);
  return h.emulator.calendar._events(calendarId).filter((e) => e.status !== 'cancelled');
}

/** What the end state is: rows' sync columns and the calendar's events (no etag or timestamps). */
function endState(h: Harness) {
  const evs = events(h).map((e) => ({
    id: e.id,
    summary: e.summary,
    start: e.start,
    end: e.end,
    recurrence: e.recurrence,
    status: e.status,
    own: e.extendedProperties?.private,
  }));
  return {
    ids: column(h, 'id'),
    status: column(h, 'status'),
    eventIds: column(h, 'calendarEventId'),
    states: column(h, 'syncState'),
    errors: column(h, 'syncError'),
    events: evs.sort((a, b) => String(a.id).localeCompare(String(b.id))),
  };
}

describe('the first sync', () => {
  const { h, ids } = world();
  const report = sync(h);
  const calendarId = spaceCalendar(h);
  const byBooking = new Map(events(h).map((e) => [e.extendedProperties?.private?.piloteBookingId, e]));

  test('creates the space’s calendar, writes its id back, sends every booking once', () => {
    expect(report).toMatchObject({
      pushed: 5,
      pulled: 0,
      refused: [],
      failed: [],
      calendarsCreated: 1,
      complete: true,
    });
    expect(calendarId).not.toBe('');
    expect(h.emulator.calendar._calendars().find((c) => c.id === calendarId)?.summary).toBe(
      'Pilote — Grande halle',
    );
    expect(events(h)).toHaveLength(5);
    expect(column(h, 'syncState')).toEqual(Array(5).fill('Synchronisée'));
    const inserts = h.emulator.calendar._writes().filter((w) => w.method === 'Events.insert');
    expect(inserts).toHaveLength(5);
  });

  test('each event: deterministic base32hex id, private extended properties, no offset + timeZone', () => {
    const ssId = h.ss.getId();
    for (const id of ids) {
      const e = byBooking.get(id);
      expect(e?.id).toMatch(/^[0-9a-v]{5,1024}$/);
      expect(e?.extendedProperties?.private).toEqual({ piloteBookingId: id, piloteSpreadsheetId: ssId });
    }
    expect(byBooking.get(ids[0])?.start).toMatchObject({
      dateTime: expect.stringMatching(/^2026-03-29T10:00:00/),
      timeZone: 'Europe/Paris',
    });
    expect(column(h, 'calendarEventId')).toEqual(ids.map((id) => byBooking.get(id)?.id));
  });

  test('DST in Europe/Paris: 29/03 and 25/10 at 10:00 wall clock (08:00Z and 09:00Z)', () => {
    const instant = (e: ReturnType<typeof events>[number] | undefined) =>
      h.emulator.calendar.Events.list(calendarId, {
        singleEvents: true,
        timeZone: 'UTC',
        iCalUID: e?.iCalUID,
      }).items?.[0]?.start?.dateTime;
    expect(instant(byBooking.get(ids[0]))).toMatch(/^2026-03-29T08:00:00(Z|\+00:00)$/);
    expect(instant(byBooking.get(ids[1]))).toMatch(/^2026-10-25T09:00:00(Z|\+00:00)$/);
  });

  test('an all-day booking over three days ends on the exclusive date; weekly has its RRULE; private is private', () => {
    expect(byBooking.get(ids[2])?.start).toEqual({ date: '2026-04-10' });
    expect(byBooking.get(ids[2])?.end).toEqual({ date: '2026-04-13' });
    expect(byBooking.get(ids[3])?.recurrence?.[0]).toMatch(
      /^RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=TH;UNTIL=20260226T170000Z$/,
    );
    expect(byBooking.get(ids[4])?.visibility).toBe('private');
    expect(byBooking.get(ids[0])?.visibility).not.toBe('private');
  });

  test('a second run sends nothing and changes nothing (DST bookings come back unchanged)', () => {
    const before = endState(h);
    const writes = h.emulator.calendar._writes().length;
    const again = sync(h);
    expect(again).toMatchObject({ pushed: 0, pulled: 0, refused: [], failed: [] });
    expect(h.emulator.calendar._writes().length).toBe(writes);
    expect(endState(h)).toEqual(before);
    expect(column(h, 'startTime').slice(0, 2)).toEqual(['10:00', '10:00']);
  });

  test('only the changed booking is sent again', () => {
    save(h, { title: 'Passage à l’heure d’été (déplacé)' }, ids[0]);
    const writes = h.emulator.calendar._writes().length;
    expect(sync(h)).toMatchObject({ pushed: 1, pulled: 0 });
    const made = h.emulator.calendar._writes().slice(writes);
    expect(made.map((w) => w.method)).toEqual(['Events.update']);
    expect(events(h).find((e) => e.id === made[0].eventId)?.summary).toBe(
      'Passage à l’heure d’été (déplacé)',
    );
  });
});

describe('changes made in Calendar', () => {
  test('moved or retitled: the row follows and the journal says so; deleted: « Annulée », the row stays', () => {
    const { h, ids } = world();
    sync(h);
    const calendarId = spaceCalendar(h);
    const eventIds = column(h, 'calendarEventId');
    h.emulator.calendar._editExternally(calendarId, eventIds[4], {
      summary: 'Rendez-vous déplacé',
      start: { dateTime: '2026-01-16T11:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-01-16T12:30:00', timeZone: 'Europe/Paris' },
    });
    h.emulator.calendar._deleteExternally(calendarId, eventIds[1]);
    const writes = h.emulator.calendar._writes().length;
    const report = sync(h);
    expect(report).toMatchObject({ pulled: 2, pushed: 0 });
    expect(h.emulator.calendar._writes().length).toBe(writes);
    expect(column(h, 'title')[4]).toBe('Rendez-vous déplacé');
    expect(column(h, 'startDate')[4]).toBe('16/01/2026');
    expect(column(h, 'startTime')[4]).toBe('11:00');
    expect(column(h, 'endTime')[4]).toBe('12:30');
    expect(column(h, 'status')[1]).toBe('Annulée');
    expect(column(h, 'id')).toEqual(ids);
    const journal = sheetDisplay(h, 'Journal').map((r) => r.join(' | '));
    expect(
      journal.some((l) => l.includes('Synchronisation') && l.includes(`${ids[4]} modifiée dans l’agenda`)),
    ).toBe(true);
    expect(journal.some((l) => l.includes(`${ids[1]}`) && l.includes('supprimée dans l’agenda'))).toBe(true);
    // And nothing more on the next run.
    expect(sync(h)).toMatchObject({ pulled: 0, pushed: 0 });
  });

  test('events Pilote did not create are never modified or deleted', () => {
    const { h } = world();
    sync(h);
    const calendarId = spaceCalendar(h);
    const theirs = h.emulator.calendar._addExternalEvent(calendarId, {
      summary: 'Réunion du syndic',
      start: { dateTime: '2026-02-02T18:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-02-02T19:00:00', timeZone: 'Europe/Paris' },
    });
    h.emulator.calendar._expireTokens(calendarId);
    sync(h);
    sync(h);
    expect(h.emulator.calendar._writes().filter((w) => w.eventId === theirs.id)).toEqual([]);
    expect(events(h).find((e) => e.id === theirs.id)?.summary).toBe('Réunion du syndic');
  });
});

describe('a booking typed into the sheet that overlaps a confirmed one', () => {
  test('is refused by the sync, with the reason in « Erreur de synchronisation », never sent', () => {
    const { h, ids } = world();
    // Saved as an option (allowed), then confirmed by hand in the sheet.
    const typed = save(h, {
      ...BASE,
      title: 'Tapée à la main',
      startDate: '29/03/2026',
      startTime: '11:00',
      endTime: '13:00',
      status: 'Option',
    });
    const rows = sheetDisplay(h, 'Réservations');
    const statusAt = rows[KEY_ROW - 1].indexOf('status') + 1;
    h.ss.getSheetByName('Réservations')?.getRange(typed.row, statusAt).setValue('Confirmée');
    const report = sync(h);
    expect(report.refused).toEqual([
      { id: typed.id, reason: expect.stringContaining(`chevauche ${ids[0]}`) },
    ]);
    expect(column(h, 'syncState')[5]).toBe('Erreur');
    expect(column(h, 'syncError')[5]).toContain('29/03/2026 10:00–12:00');
    expect(events(h).map((e) => e.extendedProperties?.private?.piloteBookingId)).not.toContain(typed.id);
  });
});

describe('faults converge to the no-fault end state, with no duplicate event', () => {
  const reference = (() => {
    const { h } = world();
    sync(h);
    return endState(h);
  })();

  const converge = (inject: (h: Harness) => void) => {
    const { h } = world();
    inject(h);
    try {
      h.api('syncBookingCalendars');
    } catch {
      // A crash of the execution: the next run picks up.
    }
    h.emulator.runtime.clearFaults();
    sync(h);
    sync(h);
    const state = endState(h);
    const perBooking = new Map<string, number>();
    for (const e of events(h)) {
      const id = String(e.extendedProperties?.private?.piloteBookingId);
      perBooking.set(id, (perBooking.get(id) ?? 0) + 1);
    }
    expect([...perBooking.values()].every((n) => n === 1)).toBe(true);
    // Event ids are derived from the spreadsheet id, the same in every world.
    expect(state).toEqual(reference);
    return h;
  };

  test('429 and 503 on an insert are retried with backoff (no error left)', () => {
    const h = converge((w) => {
      injectCalendarFault(w.emulator.runtime, 'Events.insert', 429, 2);
      injectCalendarFault(w.emulator.runtime, 'Events.list', 503, 1);
    });
    expect(column(h, 'syncError')).toEqual(Array(5).fill(''));
  });

  test('the backoff sleeps 1 s then 2 s (plus jitter under 1 s) before the third attempt', () => {
    const { h } = world();
    injectCalendarFault(h.emulator.runtime, 'Events.insert', 429, 2);
    sync(h);
    const sleeps = (h.runner.lastStats?.log ?? []).filter((c) => c.method === 'sleep');
    expect(sleeps).toHaveLength(2);
    expect(events(h)).toHaveLength(5);
  });

  test('the daily quota is not retried: a French error on the row, then the next run completes', () => {
    const { h } = world();
    injectCalendarFault(h.emulator.runtime, 'Events.insert', '403-quota', 1);
    const report = sync(h);
    expect(report.failed).toEqual([
      { id: column(h, 'id')[0], reason: expect.stringContaining('limite quotidienne') },
    ]);
    expect(report.complete).toBe(false);
    // The refused insert fired before it was logged; no retry (no sleep) and no other insert after it.
    const log = h.runner.lastStats?.log ?? [];
    expect(log.filter((c) => c.method === 'Events.insert')).toHaveLength(0);
    expect(log.filter((c) => c.method === 'sleep')).toHaveLength(0);
    expect(column(h, 'syncState')[0]).toBe('Erreur');
    sync(h);
    expect(column(h, 'syncState')).toEqual(Array(5).fill('Synchronisée'));
  });

  test('before a Calendar write (the insert fails)', () => {
    converge((w) => injectCalendarFault(w.emulator.runtime, 'Events.insert', '403-daily', 1));
  });

  test('after a Calendar write, before its write-back (the execution crashes): the 409 is recognised', () => {
    const { h } = world();
    sync(h);
    const added = save(h, {
      ...BASE,
      title: 'Ajoutée après',
      startDate: '20/05/2026',
      startTime: '09:00',
      endTime: '10:00',
    });
    // The sync's first sheet write after its Calendar insert is that booking's write-back.
    h.emulator.runtime.injectFault(
      'Range.setValues',
      () => new GoogleException('Service Spreadsheets failed while accessing document'),
      1,
    );
    const crashed = h.api<Report>('syncBookingCalendars').result;
    expect(crashed.ok).toBe(false);
    expect(events(h).filter((e) => e.extendedProperties?.private?.piloteBookingId === added.id)).toHaveLength(
      1,
    );
    expect(column(h, 'calendarEventId')[5]).toBe('');
    h.emulator.runtime.clearFaults();
    const writes = h.emulator.calendar._writes().length;
    expect(sync(h)).toMatchObject({ pushed: 1, failed: [] });
    // The insert answered 409 (not a write), then one update.
    expect(
      h.emulator.calendar
        ._writes()
        .slice(writes)
        .map((w) => w.method),
    ).toEqual(['Events.update']);
    expect(events(h).filter((e) => e.extendedProperties?.private?.piloteBookingId === added.id)).toHaveLength(
      1,
    );
    expect(column(h, 'syncState')[5]).toBe('Synchronisée');
    expect(sync(h)).toMatchObject({ pushed: 0, pulled: 0 });
  });

  test('after the space’s calendar is created, before its id is written back: no second calendar', () => {
    const { h } = world();
    // The sync's first sheet write is the calendar id written back into « Espaces ».
    h.emulator.runtime.injectFault(
      'Range.setValues',
      () => new GoogleException('Service Spreadsheets failed while accessing document'),
      1,
    );
    const pilotes = () =>
      h.emulator.calendar._calendars().filter((c) => c.summary === 'Pilote — Grande halle');
    expect(h.api<Report>('syncBookingCalendars').result.ok).toBe(false);
    expect(pilotes()).toHaveLength(1);
    expect(spaceCalendar(h)).toBe('');
    h.emulator.runtime.clearFaults();
    expect(sync(h)).toMatchObject({ pushed: 5, calendarsCreated: 0, failed: [] });
    expect(pilotes()).toHaveLength(1);
    expect(spaceCalendar(h)).toBe(pilotes()[0].id);
    expect(events(h)).toHaveLength(5);
  });

  test('410 on the stored sync token: a full sync, same end state', () => {
    const { h } = world();
    sync(h);
    const before = endState(h);
    h.emulator.calendar._expireTokens();
    const writes = h.emulator.calendar._writes().length;
    expect(sync(h)).toMatchObject({ pushed: 0, pulled: 0 });
    expect(h.emulator.calendar._writes().length).toBe(writes);
    expect(endState(h)).toEqual(before);
  });
});
