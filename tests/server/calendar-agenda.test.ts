/**
 * Issue 10, « agenda » part, on the shipped bundle and the Calendar v3 emulator:
 * « Agenda public du lieu » (one way, hashes in the events, re-run = 0 writes), a space booked
 * through a Workspace room resource (attendee, decline flagged), instances of a recurring
 * booking edited one by one in Calendar (reported, never lost), and the document lock held only
 * around the sync's sheet I/O (a save arriving during a long sync is not refused).
 */
import { FIRST_DATA_ROW, KEY_ROW } from '../../src/schema';
import { FLUSH_EVERY } from '../../src/server/calendar-sync';
import { LOCK_WAIT_MS } from '../../src/server/lock';
import { seedBookings, seedLabels } from '../../local/fixtures';
import { type Harness, setUpHarness, sheetDisplay } from './harness';

interface Report {
  pushed: number;
  pulled: number;
  refused: { id: string; reason: string }[];
  failed: { id: string; reason: string }[];
  notices: { id: string; reason: string }[];
  calendarsCreated: number;
  publicAgenda: {
    calendarId: string;
    embedUrl: string;
    created: boolean;
    pushed: number;
    removed: number;
    failed: number;
    complete: boolean;
  } | null;
  complete: boolean;
  message: string;
}

let counter = 0;
function save(h: Harness, sheet: string, values: Record<string, string>, id: string | null = null) {
  counter += 1;
  const { result } = h.api<{ id: string; row: number }>('saveRecord', {
    sheet,
    id,
    requestId: `agenda-${String(counter).padStart(6, '0')}`,
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

function column(h: Harness, key: string, sheet = 'Réservations'): string[] {
  const rows = sheetDisplay(h, sheet);
  const at = rows[KEY_ROW - 1].indexOf(key);
  const idAt = rows[KEY_ROW - 1].indexOf('id');
  if (at < 0) throw new Error(`no column ${key}`);
  return rows
    .slice(KEY_ROW + 1)
    .filter((r) => r[idAt] !== '')
    .map((r) => r[at]);
}

function spaceCalendar(h: Harness, name = 'Grande halle'): string {
  const rows = sheetDisplay(h, 'Espaces');
  const at = rows[KEY_ROW - 1].indexOf('calendarId');
  const row = rows.find((r) => r.includes(name));
  return row ? row[at] : '';
}

const live = (h: Harness, calendarId: string) =>
  h.emulator.calendar._events(calendarId).filter((e) => e.status !== 'cancelled');

const journalLines = (h: Harness) => sheetDisplay(h, 'Journal').map((r) => r.join(' | '));

const HALL = { space: 'Grande halle', status: 'Confirmée' };

describe('« Agenda public du lieu »', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande halle']);
  const concert = save(h, 'bookings', {
    ...HALL,
    title: 'Concert de printemps',
    startDate: '21/03/2026',
    startTime: '20:00',
    endTime: '23:00',
    visibility: 'Publique',
    notes: 'Cachet à régler',
  });
  const choir = save(h, 'bookings', {
    ...HALL,
    title: 'Chorale du mardi',
    startDate: '06/01/2026',
    startTime: '19:00',
    endTime: '21:00',
    recurrence: 'Chaque semaine',
    recurrenceUntil: '31/03/2026',
    visibility: 'Publique',
  });
  const privateOne = save(h, 'bookings', {
    ...HALL,
    title: 'Conseil d’administration',
    startDate: '12/01/2026',
    startTime: '18:00',
    endTime: '20:00',
    visibility: 'Privée',
  });
  const option = save(h, 'bookings', {
    ...HALL,
    status: 'Option',
    title: 'Salon (option)',
    startDate: '02/05/2026',
    visibility: 'Publique',
  });
  const unsaid = save(h, 'bookings', {
    ...HALL,
    title: 'Sans visibilité choisie',
    startDate: '03/05/2026',
    startTime: '10:00',
    endTime: '11:00',
  });
  const fair = save(h, 'events', {
    title: 'Fête du quartier',
    date: '13/06/2026',
    startTime: '14:00',
    endTime: '19:00',
    space: 'Grande halle',
  });
  const first = sync(h);
  const publicId = first.publicAgenda?.calendarId ?? '';

  test('created on demand, its id kept, its embed address in the report and the journal', () => {
    expect(first.publicAgenda).toMatchObject({
      created: true,
      pushed: 3,
      removed: 0,
      failed: 0,
      complete: true,
    });
    expect(publicId).toMatch(/@group\.calendar\.google\.com$/);
    expect(first.publicAgenda?.embedUrl).toBe(
      `https://calendar.google.com/calendar/embed?src=${encodeURIComponent(publicId)}&ctz=Europe%2FParis`,
    );
    const calendars = h.emulator.calendar._calendars().filter((c) => c.summary === 'Agenda public du lieu');
    expect(calendars.map((c) => c.id)).toEqual([publicId]);
    expect(h.emulator.properties.getDocumentProperties()?.getProperty('pilote.publicCalendar')).toBe(
      publicId,
    );
    expect(
      journalLines(h).some(
        (l) => l.includes('Agenda public du lieu créé') && l.includes(first.publicAgenda?.embedUrl ?? '?'),
      ),
    ).toBe(true);
  });

  test('carries the public confirmed bookings and the events: title, space, time, recurrence; nothing private', () => {
    const events = live(h, publicId);
    const byRecord = new Map(events.map((e) => [e.extendedProperties?.private?.piloteRecordId, e]));
    expect([...byRecord.keys()].sort()).toEqual([concert.id, choir.id, fair.id].sort());
    expect(byRecord.has(privateOne.id) || byRecord.has(option.id) || byRecord.has(unsaid.id)).toBe(false);
    const spaceEvents = new Map(
      live(h, spaceCalendar(h)).map((e) => [e.extendedProperties?.private?.piloteBookingId, e]),
    );
    const c = byRecord.get(concert.id);
    expect(c).toMatchObject({
      summary: 'Concert de printemps',
      location: 'Grande halle',
      visibility: 'public',
      // Sent without offset plus the time zone; Google answers with the offset.
      start: { dateTime: expect.stringMatching(/^2026-03-21T20:00:00/), timeZone: 'Europe/Paris' },
      end: { dateTime: expect.stringMatching(/^2026-03-21T23:00:00/), timeZone: 'Europe/Paris' },
    });
    expect(c?.description).toBeUndefined();
    // Its own deterministic id, never the space event's.
    expect(c?.id).toMatch(/^pilotepub[0-9a-v]+$/);
    expect(c?.id).not.toBe(spaceEvents.get(concert.id)?.id);
    expect(byRecord.get(choir.id)?.recurrence).toEqual(spaceEvents.get(choir.id)?.recurrence);
    expect(byRecord.get(fair.id)).toMatchObject({
      summary: 'Fête du quartier',
      location: 'Grande halle',
      start: { dateTime: expect.stringMatching(/^2026-06-13T14:00:00/), timeZone: 'Europe/Paris' },
    });
  });

  test('a second run makes no Calendar write and no second calendar', () => {
    const writes = h.emulator.calendar._writes().length;
    const again = sync(h);
    expect(again.publicAgenda).toMatchObject({ created: false, pushed: 0, removed: 0 });
    expect(h.emulator.calendar._writes().length).toBe(writes);
    expect(
      h.emulator.calendar._calendars().filter((c) => c.summary === 'Agenda public du lieu'),
    ).toHaveLength(1);
  });

  test('an edit in the public agenda is not pulled back; events Pilote did not create there are untouched', () => {
    const ours = live(h, publicId).find((e) => e.extendedProperties?.private?.piloteRecordId === concert.id);
    h.emulator.calendar._editExternally(publicId, String(ours?.id), { summary: 'Retouché à la main' });
    const theirs = h.emulator.calendar._addExternalEvent(publicId, {
      summary: 'Marché (ajouté à la main)',
      start: { date: '2026-04-04' },
      end: { date: '2026-04-05' },
    });
    const writes = h.emulator.calendar._writes().length;
    const report = sync(h);
    expect(report.pulled).toBe(0);
    expect(column(h, 'title')[0]).toBe('Concert de printemps');
    expect(h.emulator.calendar._writes().length).toBe(writes);
    expect(live(h, publicId).find((e) => e.id === theirs.id)?.summary).toBe('Marché (ajouté à la main)');
  });

  test('a booking turned « Privée » or cancelled leaves it; the others and foreign events stay', () => {
    save(h, 'bookings', { visibility: 'Privée' }, concert.id);
    save(h, 'bookings', { status: 'Annulée' }, choir.id);
    const writes = h.emulator.calendar._writes().length;
    const report = sync(h);
    expect(report.publicAgenda).toMatchObject({ pushed: 0, removed: 2 });
    const removed = h.emulator.calendar
      ._writes()
      .slice(writes)
      .filter((w) => w.calendarId === publicId);
    expect(removed.map((w) => w.method)).toEqual(['Events.remove', 'Events.remove']);
    const left = live(h, publicId).map((e) => e.extendedProperties?.private?.piloteRecordId ?? e.summary);
    expect(left.sort()).toEqual([fair.id, 'Marché (ajouté à la main)'].sort());
    expect(sync(h).publicAgenda).toMatchObject({ pushed: 0, removed: 0 });
  });

  test('an event deleted by hand in the public agenda comes back (its id answers 409, recognised)', () => {
    const ours = live(h, publicId).find((e) => e.extendedProperties?.private?.piloteRecordId === fair.id);
    h.emulator.calendar._deleteExternally(publicId, String(ours?.id));
    const writes = h.emulator.calendar._writes().length;
    expect(sync(h).publicAgenda).toMatchObject({ pushed: 1, failed: 0 });
    expect(
      h.emulator.calendar
        ._writes()
        .slice(writes)
        .map((w) => w.method),
    ).toEqual(['Events.update']);
    expect(
      live(h, publicId).filter((e) => e.extendedProperties?.private?.piloteRecordId === fair.id),
    ).toHaveLength(1);
  });
});

describe('a space booked through a Workspace room resource', () => {
  const ROOM = 'c_1888abc2defg@resource.calendar.google.com';
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', [{ name: 'Salle du conseil', roomResource: ROOM }]);
  const ROOMED = { space: 'Salle du conseil', status: 'Confirmée' };
  const a = save(h, 'bookings', {
    ...ROOMED,
    title: 'Bureau',
    startDate: '10/02/2026',
    startTime: '18:00',
    endTime: '20:00',
  });
  const first = sync(h);
  const calendarId = spaceCalendar(h, 'Salle du conseil');

  test('the booking’s event is in the space’s Pilote calendar with the room as attendee, accepted', () => {
    expect(first).toMatchObject({ pushed: 1, failed: [], notices: [] });
    const [event] = live(h, calendarId);
    expect(event.attendees).toEqual([{ email: ROOM, resource: true, responseStatus: 'accepted' }]);
    expect(column(h, 'syncState')).toEqual(['Synchronisée']);
  });

  test('the room declining (pulled back) flags the booking in « Erreur de synchronisation », once', () => {
    const [event] = live(h, calendarId);
    h.emulator.calendar._roomResponds(calendarId, String(event.id), ROOM, 'declined');
    const report = sync(h);
    expect(report.notices).toEqual([{ id: a.id, reason: expect.stringContaining('a refusé l’invitation') }]);
    expect(column(h, 'syncState')).toEqual(['Erreur']);
    expect(column(h, 'syncError')[0]).toContain(`la salle ${ROOM} a refusé`);
    expect(journalLines(h).filter((l) => l.includes('a refusé l’invitation'))).toHaveLength(1);
    const writes = h.emulator.calendar._writes().length;
    expect(sync(h)).toMatchObject({ pushed: 0, pulled: 0, notices: [] });
    expect(h.emulator.calendar._writes().length).toBe(writes);
  });

  test('a room that declines at once (busy elsewhere) is flagged by the next pull', () => {
    h.emulator.calendar._setRoomAnswer(ROOM, 'declined');
    const b = save(h, 'bookings', {
      ...ROOMED,
      title: 'Commission',
      startDate: '11/02/2026',
      startTime: '18:00',
      endTime: '19:00',
    });
    sync(h);
    const event = live(h, calendarId).find((e) => e.extendedProperties?.private?.piloteBookingId === b.id);
    expect(event?.attendees?.[0]).toMatchObject({ email: ROOM, responseStatus: 'declined' });
    const next = sync(h);
    expect(next.notices.map((n) => n.id)).toEqual([b.id]);
    expect(column(h, 'syncState')[1]).toBe('Erreur');
    h.emulator.calendar._setRoomAnswer(ROOM, null);
  });
});

describe('instances of a recurring booking edited one by one in Calendar', () => {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande halle']);
  const weekly = save(h, 'bookings', {
    ...HALL,
    title: 'Atelier du jeudi',
    startDate: '08/01/2026',
    startTime: '18:00',
    endTime: '20:00',
    recurrence: 'Chaque semaine',
    recurrenceUntil: '26/02/2026',
  });
  sync(h);
  const calendarId = spaceCalendar(h);
  const seriesId = column(h, 'calendarEventId')[0];
  // Google's instance ids: `<series>_<original start in UTC>`; 18:00 Paris in winter is 17:00Z.
  const instance = (day: string) => `${seriesId}_${day}T170000Z`;

  test('a cancelled instance becomes an excluded date of the booking, journaled once; Calendar gets the EXDATE', () => {
    h.emulator.calendar._deleteExternally(calendarId, instance('20260122'));
    const report = sync(h);
    expect(report.notices).toEqual([
      { id: weekly.id, reason: expect.stringContaining('l’occurrence du 22/01/2026 a été supprimée') },
    ]);
    expect(column(h, 'status')).toEqual(['Confirmée']);
    expect(column(h, 'recurrence')).toEqual(['Chaque semaine']);
    expect(column(h, 'recurrenceExceptions')).toEqual(['22/01/2026']);
    expect(journalLines(h).filter((l) => l.includes('22/01/2026 a été supprimée'))).toHaveLength(1);
    // The series was sent again with its EXDATE: Calendar's expansion skips the 22nd.
    const series = live(h, calendarId).find((e) => e.id === seriesId);
    expect(series?.recurrence?.some((line) => line.startsWith('EXDATE') && line.includes('20260122'))).toBe(
      true,
    );
    // Not again, even after a full resync (410), and nothing more to write.
    const writes = h.emulator.calendar._writes().length;
    h.emulator.calendar._expireTokens(calendarId);
    expect(sync(h).notices).toEqual([]);
    expect(h.emulator.calendar._writes().length).toBe(writes);
    expect(column(h, 'recurrenceExceptions')).toEqual(['22/01/2026']);
    expect(journalLines(h).filter((l) => l.includes('22/01/2026 a été supprimée'))).toHaveLength(1);
  });

  test('a moved instance is reported and flags the row, never lost silently', () => {
    h.emulator.calendar._editExternally(calendarId, instance('20260205'), {
      start: { dateTime: '2026-02-06T18:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-02-06T20:00:00', timeZone: 'Europe/Paris' },
    });
    const report = sync(h);
    expect(report.notices).toEqual([
      { id: weekly.id, reason: expect.stringContaining('l’occurrence du 05/02/2026 a été modifiée seule') },
    ]);
    expect(column(h, 'syncState')).toEqual(['Erreur']);
    expect(column(h, 'syncError')[0]).toContain('06/02/2026');
    // The series itself is unchanged in the sheet and in Calendar.
    expect(column(h, 'startDate')).toEqual(['08/01/2026']);
    expect(sync(h).notices).toEqual([]);
  });

  test('a row edited in the sheet since its last push keeps its dates: the cancelled instance is reported', () => {
    const other = save(h, 'bookings', {
      ...HALL,
      title: 'Atelier du mardi',
      startDate: '06/01/2026',
      startTime: '10:00',
      endTime: '12:00',
      recurrence: 'Chaque semaine',
      recurrenceUntil: '24/02/2026',
    });
    sync(h);
    const otherSeries = column(h, 'calendarEventId')[1];
    h.emulator.calendar._deleteExternally(calendarId, `${otherSeries}_20260113T090000Z`);
    // The coordinator changes the title in the sheet before the next sync: the sheet wins.
    const { result } = h.api('saveRecord', {
      sheet: 'bookings',
      id: other.id,
      values: { title: 'Atelier du mardi (salle du fond)' },
      requestId: 'req-instance-edit',
    });
    expect(result).toMatchObject({ ok: true });
    const report = sync(h);
    expect(report.notices).toEqual([
      { id: other.id, reason: expect.stringContaining('n’a pas pu la prendre dans ses') },
    ]);
    expect(column(h, 'recurrenceExceptions')[1]).toBe('');
  });
});

describe('the document lock during a long sync', () => {
  const COUNT = 150;
  const h = setUpHarness();
  seedBookings(h.emulator, COUNT);
  seedLabels(h.emulator, 'spaces', ['Grande halle']);
  const sheet = h.ss.getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const put = (key: string, value: (i: number) => string | number) =>
    sheet
      .getRange(FIRST_DATA_ROW, keys.indexOf(key) + 1, COUNT, 1)
      .setValues(Array.from({ length: COUNT }, (_, i) => [value(i)]));
  put('space', () => "'Grande halle");
  put('status', () => "'Confirmée");
  put('startDate', (i) => 46023 + i);
  put('startTime', () => 10 / 24);
  put('endTime', () => 11 / 24);

  test('is held only around sheet I/O: a save arriving 40 s into the sync waits about a second, not the whole run', () => {
    const t0 = Date.UTC(2026, 0, 5, 9);
    h.emulator.runtime.clock.set(t0);
    const run = h.api<Report>('syncBookingCalendars');
    expect(run.result).toMatchObject({ ok: true, data: { pushed: COUNT, complete: true } });
    const syncEnd = h.emulator.runtime.clock.now();
    // Long enough that holding the lock for the whole run would refuse the save below (30 s wait).
    expect(syncEnd - t0).toBeGreaterThan(40_000 + LOCK_WAIT_MS);
    const holds = run.stats.log.filter((c) => c.method === 'tryLock').length;
    expect(holds).toBeGreaterThanOrEqual(Math.ceil(COUNT / FLUSH_EVERY));
    h.emulator.runtime.clock.set(t0 + 40_000);
    const saved = h.api<{ id: string }>('saveRecord', {
      sheet: 'bookings',
      id: null,
      requestId: 'agenda-during-sync',
      values: {
        space: 'Grande halle',
        title: 'Pendant la synchro',
        startDate: '30/12/2027',
        status: 'Demande',
      },
    });
    expect(saved.result.ok).toBe(true);
    const waited = saved.stats.ms - saved.stats.log.reduce((sum, c) => sum + c.ms, 0);
    expect(waited).toBeLessThan(3_000);
    expect(saved.stats.ms).toBeLessThan(5_000);
    expect(column(h, 'title')).toContain('Pendant la synchro');
  });
});
