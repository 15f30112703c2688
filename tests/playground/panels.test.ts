/**
 * The playground's calendar and documents panels (local/playground/panels.ts) and the clock
 * that follows real time (local/workspace.ts), issue 13. The workbook is created as `npm start`
 * creates it, at a "real" instant the test chooses (Wednesday 17 March 2027, 10:30 in Paris):
 * records are stamped then, the demo is seen from that day, the dashboard shows 2027.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { attachmentHeader, calendarWeek, documentList, mondayOf } from '../../local/playground/panels';
import { startPlayground } from '../../local/playground/server';
import { CATCH_UP_MS, followsRealTime, openWorkspace, type Workspace } from '../../local/workspace';

const HOUR = 3_600_000;
/** Missed triggers replayed after an absence: 3 h here (24 h by default), to keep the test short. */
const CATCH_UP = 3 * HOUR;
const REAL_START = Date.UTC(2027, 2, 17, 9, 30); // 10:30 in Paris (UTC+1 in March before the 28th)
let real = REAL_START;
let workspace: Workspace;
let server: Server;
let url: string;

/** A sheet's display values by column key (row 1), data rows only. */
function rows(sheetName: string): Record<string, string>[] {
  const wb = workspace.emulator.spreadsheetApp._workbook();
  const sheet = wb.state.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const width = wb.lastColumn(sheet);
  const out: Record<string, string>[] = [];
  for (let r = 3; r <= wb.lastRow(sheet); r += 1) {
    const row: Record<string, string> = {};
    for (let c = 1; c <= width; c += 1)
      row[String(wb.jsValue(sheet.id, 1, c))] = wb.displayValue(sheet.id, r, c);
    if (Object.values(row).some((v) => v !== '')) out.push(row);
  }
  return out;
}

beforeAll(async () => {
  workspace = openWorkspace({
    dir: mkdtempSync(join(tmpdir(), 'pilote-panels-')),
    realTime: true,
    now: () => real,
    catchUpMs: CATCH_UP,
  });
  server = await startPlayground(workspace, 0);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
}, 120000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('which workbooks follow real time', () => {
  it('the user’s own workbook does, a test’s temporary one does not, PILOTE_CLOCK decides over both', () => {
    expect(followsRealTime({}, {})).toBe(true);
    expect(followsRealTime({}, { PILOTE_LOCAL_DIR: '/tmp/x' })).toBe(false);
    expect(followsRealTime({ dir: '/tmp/x' }, {})).toBe(false);
    expect(followsRealTime({ dir: '/tmp/x', realTime: true }, {})).toBe(true);
    expect(followsRealTime({ dir: '/tmp/x' }, { PILOTE_CLOCK: 'real' })).toBe(true);
    expect(followsRealTime({}, { PILOTE_CLOCK: 'fixed' })).toBe(false);
  });
});

describe('a workbook created at the real instant', () => {
  it('stamps its records with the real date and time, and loads the demo seen from that day', () => {
    expect(workspace.realTime).toBe(true);
    const bookings = rows('Réservations');
    expect(bookings.length).toBeGreaterThan(100);
    // Setting the workbook up and loading the demo costs modelled seconds, not hours.
    for (const b of bookings.slice(0, 3)) expect(b.createdAt).toMatch(/^17\/03\/2027 10:3\d$/);
    const iso = (fr: string) => fr.split('/').reverse().join('-');
    for (const v of rows('Bénévoles')) if (v.since) expect(iso(v.since) <= '2027-03-17').toBe(true);
    for (const e of rows('Événements')) {
      expect(e.date.endsWith('/2027')).toBe(true);
      if (iso(e.date) > '2027-03-17') expect(e.attendance).toBe('');
    }
    const dashboard = workspace.emulator.spreadsheetApp._peekValues('Tableau de bord', 'B2');
    expect(dashboard[0][0]).toBe(2027);
  });

  it('moves the clock to the real instant before each call: a save an hour later is stamped then', () => {
    real = REAL_START + HOUR;
    const saved = workspace.transaction(() =>
      workspace.runner.call('saveRecord', {
        sheet: 'bookings',
        id: null,
        requestId: 'clock-test-0001',
        values: {
          space: 'Salle des Tisserands',
          title: 'Une heure plus tard',
          startDate: '18/03/2027',
          startTime: '14h',
          endTime: '15h',
          status: 'Option',
        },
      }),
    );
    expect(saved.ok ? saved.value : saved.error).toMatchObject({ ok: true });
    const row = rows('Réservations').find((b) => b.title === 'Une heure plus tard');
    expect(row?.createdAt).toBe('17/03/2027 11:30');
  });

  it('fires the time-driven triggers that fell due as time passes, and never goes back', () => {
    const installed = workspace.transaction(() => workspace.runner.call('installCalendarSyncTrigger'));
    expect(installed.ok).toBe(true);
    const before = workspace.emulator.runtime.clock.now();
    // A tick with no time passed runs nothing.
    expect(workspace.tick()).toEqual([]);
    real = before + 2 * HOUR + 60_000;
    const runs = workspace.tick();
    expect(runs.map((r) => r.handler)).toEqual(['syncCalendarsTrigger', 'syncCalendarsTrigger']);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(workspace.triggerRuns.length).toBe(2);
    expect(workspace.emulator.runtime.clock.now()).toBeGreaterThanOrEqual(real);
    // The real clock behind the virtual one (modelled costs ran ahead): nothing moves back.
    const now = workspace.emulator.runtime.clock.now();
    real = now - 10 * 60_000;
    expect(workspace.tick()).toEqual([]);
    expect(workspace.emulator.runtime.clock.now()).toBe(now);
  }, 60000);

  it('replays only the last catch-up interval of missed triggers after a long absence', () => {
    expect(CATCH_UP_MS).toBe(24 * HOUR);
    const from = workspace.emulator.runtime.clock.now();
    real = from + 10 * 24 * HOUR;
    const runs = workspace.tick();
    // Hourly: 3 (or 2 when a firing falls on the interval's edge) in the last 3 hours, none before.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(3);
    for (const r of runs) expect(r.at).toBeGreaterThanOrEqual(real - CATCH_UP);
    const removed = workspace.transaction(() => workspace.runner.call('removeCalendarSyncTrigger'));
    expect(removed.ok).toBe(true);
  }, 120000);
});

describe('the calendar panel', () => {
  const week = '2027-03-22';

  it('shows each space’s week from Monday to Sunday: Pilote’s bookings, recurrences expanded', () => {
    expect(mondayOf('2027-03-28')).toBe('2027-03-22');
    expect(mondayOf('2027-03-22')).toBe('2027-03-22');
    const view = calendarWeek(workspace.emulator, week);
    expect([view.monday, view.sunday]).toEqual(['2027-03-22', '2027-03-28']);
    expect(view.spaces.length).toBeGreaterThan(3);
    const bookings = view.spaces.flatMap((s) => s.items.filter((i) => i.kind === 'booking'));
    expect(bookings.length).toBeGreaterThan(0);
    for (const b of bookings) expect(b.startDate <= '2027-03-28' && b.endDate >= '2027-03-22').toBe(true);
    // The sync ran: the bookings went to the spaces' calendars, and are not shown twice.
    expect(bookings.some((b) => b.synced)).toBe(true);
    expect(view.spaces.flatMap((s) => s.items).filter((i) => i.kind === 'external')).toEqual([]);
  });

  it('tells apart the external events of the space’s calendar, a weekly series expanded across the DST change', () => {
    const space = calendarWeek(workspace.emulator, week).spaces.find((s) => s.calendarId);
    if (!space?.calendarId) throw new Error('no space with a calendar after the sync');
    workspace.emulator.calendar._addExternalEvent(space.calendarId, {
      summary: 'Yoga du mercredi',
      start: { dateTime: '2027-03-17T18:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2027-03-17T19:00:00', timeZone: 'Europe/Paris' },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'],
    });
    workspace.emulator.calendar._addExternalEvent(space.calendarId, {
      summary: 'Vide-grenier',
      start: { date: '2027-03-27' },
      end: { date: '2027-03-29' },
    });
    const items = (w: string) =>
      calendarWeek(workspace.emulator, w)
        .spaces.find((s) => s.space === space.space)
        ?.items.filter((i) => i.kind === 'external') ?? [];
    // 24 March is before the change to summer time (28 March), 31 March after: 18:00 both times.
    expect(items(week).map((i) => [i.title, i.startDate, i.startTime ?? null, i.endDate])).toEqual([
      ['Yoga du mercredi', '2027-03-24', '18:00', '2027-03-24'],
      ['Vide-grenier', '2027-03-27', null, '2027-03-28'],
    ]);
    expect(items('2027-03-29').map((i) => [i.title, i.startDate, i.startTime])).toEqual([
      ['Yoga du mercredi', '2027-03-31', '18:00'],
    ]);
    expect(items('2027-04-05')).toEqual([]); // COUNT=3: 17, 24, 31 March
    expect(items(week)[0]).toMatchObject({ recurring: true, creator: 'someone.else@example.org' });
  });

  it('says a space is empty: its items are none in a week with nothing', () => {
    const view = calendarWeek(workspace.emulator, '2031-01-06');
    expect(view.spaces.length).toBeGreaterThan(0);
    for (const s of view.spaces) expect(s.items).toEqual([]);
  });

  it('reads the emulator’s state without charging: no execution, no call, the clock untouched', () => {
    const { runtime } = workspace.emulator;
    const before = { now: runtime.clock.now(), runs: runtime.history.length, outside: runtime.outside.calls };
    calendarWeek(workspace.emulator, week);
    calendarWeek(workspace.emulator);
    documentList(workspace.emulator);
    expect({
      now: runtime.clock.now(),
      runs: runtime.history.length,
      outside: runtime.outside.calls,
    }).toEqual(before);
  });

  it('serves the week of the clock’s today by default, and the panels’ script', async () => {
    const answer = await fetch(`${url}/panels/calendar`);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { today: string; monday: string };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
      workspace.emulator.runtime.clock.now(),
    );
    expect(body.today).toBe(today);
    expect(body.monday).toBe(mondayOf(today));
    const script = await fetch(`${url}/panels.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('calendar-panel');
    const page = await (await fetch(`${url}/`)).text();
    expect(page).toContain('<div id="panels"></div>');
    expect(page).toContain('<script src="/panels.js"></script>');
  });
});

describe('the documents panel', () => {
  let id: string;
  let title: string;

  it('lists nothing before a document is made, then the document of « Documents »', () => {
    expect(documentList(workspace.emulator)).toEqual([]);
    const types = workspace.runner.call('getDocumentTypes');
    if (!types.ok) throw new Error(types.error);
    const minutes = (types.value as { data: { key: string; subject: string }[] }).data.find(
      (t) => t.subject === 'meeting',
    );
    const meetings = workspace.runner.call('listRecords', 'meetings');
    if (!meetings.ok || !minutes) throw new Error('no meeting minutes');
    const meeting = (meetings.value as { data: { id: string }[] }).data[0];
    const made = workspace.transaction(() =>
      workspace.runner.call('makeDocument', { type: minutes.key, subject: meeting.id }),
    );
    if (!made.ok) throw new Error(made.error);
    const list = documentList(workspace.emulator);
    // The row of « Documents » first; then the Docs found in Drive only (the type's template).
    expect(list.map((d) => d.inSheet)).toEqual([true, ...list.slice(1).map(() => false)]);
    expect(list[0]).toMatchObject({ kind: 'Compte rendu de réunion', recordId: 'DOC-0001' });
    expect(list.slice(1).every((d) => d.id !== null)).toBe(true);
    expect(list[0].id).toMatch(/^[A-Za-z0-9_-]+$/);
    id = list[0].id as string;
    title = list[0].title;
    expect(title.length).toBeGreaterThan(5);
  }, 60000);

  it('renders it as HTML that runs nothing', async () => {
    const answer = await fetch(`${url}/panels/document?id=${encodeURIComponent(id)}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await answer.text();
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).not.toMatch(/<script/i);
  });

  it('downloads it as .docx: an attachment whose bytes parse and hold the title', async () => {
    const answer = await fetch(`${url}/panels/document.docx?id=${encodeURIComponent(id)}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]+\.docx"; filename\*=UTF-8''/,
    );
    const bytes = Buffer.from(await answer.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    const name = workspace.emulator.drive.items.get(id)?.name ?? '';
    expect(name.length).toBeGreaterThan(0);
    expect(value.replace(/\s+/g, ' ')).toContain(title.replace(/\s+/g, ' ').slice(0, 20));
  });

  it('answers 404 to an unknown document and names the file safely', async () => {
    expect((await fetch(`${url}/panels/document.docx?id=nope`)).status).toBe(404);
    expect((await fetch(`${url}/panels/document`)).status).toBe(404);
    expect(attachmentHeader('Compte rendu — CA « mai »/2027')).toBe(
      `attachment; filename="Compte rendu  CA  mai  2027.docx"; filename*=UTF-8''${encodeURIComponent('Compte rendu — CA « mai » 2027.docx')}`,
    );
  });
});
