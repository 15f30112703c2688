/** Clock triggers firing on the virtual clock: when they run, as whom, with which event. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../../local/emulator/emulator';
import { Runtime } from '../../../local/emulator/runtime';
import {
  clockFirings,
  dailyMinute,
  ScriptAppEmulator,
  zonedEpoch,
} from '../../../local/emulator/services/script-app';
import { Runner } from '../../../local/runner/runner';
import { TriggerClock, timeDrivenEvent } from '../../../local/runner/triggers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SCRIPT = `
function install() { return ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create().getUniqueId(); }
function installHourly() { ScriptApp.newTrigger('hourly').timeBased().everyHours(4).create(); }
function daily(e) {
  var p = PropertiesService.getDocumentProperties();
  var runs = JSON.parse(p.getProperty('runs') || '[]');
  runs.push({ user: Session.getEffectiveUser().getEmail(), active: Session.getActiveUser().getEmail(),
    mode: String(e.authMode), uid: e.triggerUid, hour: e.hour, minute: e.minute, year: e.year,
    month: e.month, day: e['day-of-month'], local: Utilities.formatDate(new Date(), 'Europe/Paris', 'yyyy-MM-dd HH:mm') });
  p.setProperty('runs', JSON.stringify(runs));
}
function hourly() { var p = PropertiesService.getDocumentProperties(); p.setProperty('n', String(Number(p.getProperty('n') || 0) + 1)); }
function broken() { throw new Error('boom'); }
`;

function setup(startAt = Date.UTC(2026, 9, 1, 12, 0)) {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-clock-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Paris' }));
  const emulator = new Emulator({ startAt, userEmail: 'owner@x.fr' });
  const runner = new Runner({ bundlePath: join(dir, 'Code.js'), host: emulator });
  return { emulator, runner, clock: new TriggerClock(emulator, runner, { timeZone: 'Europe/Paris' }) };
}

const runs = (emulator: Emulator) =>
  JSON.parse(emulator.properties.snapshot().document.runs ?? '[]') as Record<string, unknown>[];

describe('clock trigger schedule', () => {
  test('everyDays(1).atHour(7) runs once a day within 7 h Paris time, at the minute its id gives', () => {
    const rt = new Runtime();
    rt.clock.set(Date.UTC(2026, 9, 1, 12, 0)); // 1 Oct 2026, 14:00 in Paris (UTC+2)
    const app = new ScriptAppEmulator(rt);
    app.newTrigger('h').timeBased().everyDays(1).atHour(7).create();
    const t = app._triggers()[0];
    const minute = dailyMinute(t.id);
    expect(minute).toBe(Number(t.id) % 60);
    const at = clockFirings(t, rt.clock.now(), rt.clock.now() + 3 * DAY, 'Europe/Paris');
    expect(at).toEqual([
      Date.UTC(2026, 9, 2, 5, minute),
      Date.UTC(2026, 9, 3, 5, minute),
      Date.UTC(2026, 9, 4, 5, minute),
    ]);
  });

  test('atHour follows the time zone across the change to winter time (25 Oct 2026)', () => {
    const rt = new Runtime();
    rt.clock.set(Date.UTC(2026, 9, 24, 12, 0));
    const app = new ScriptAppEmulator(rt);
    app.newTrigger('h').timeBased().everyDays(1).atHour(7).create();
    const t = app._triggers()[0];
    const m = dailyMinute(t.id);
    expect(clockFirings(t, rt.clock.now(), rt.clock.now() + 2 * DAY, 'Europe/Paris')).toEqual([
      Date.UTC(2026, 9, 25, 6, m), // 07:mm CET (UTC+1) on the first winter day
      Date.UTC(2026, 9, 26, 6, m),
    ]);
    expect(zonedEpoch(2026, 10, 24, 7, 0, 'Europe/Paris')).toBe(Date.UTC(2026, 9, 24, 5, 0));
  });

  test('created after that day’s hour, it first runs the next day; everyDays(2) every other day', () => {
    const rt = new Runtime();
    rt.clock.set(Date.UTC(2026, 9, 1, 6, 30)); // 08:30 Paris
    const app = new ScriptAppEmulator(rt);
    app.newTrigger('h').timeBased().everyDays(2).atHour(7).create();
    const t = app._triggers()[0];
    const m = dailyMinute(t.id);
    expect(clockFirings(t, rt.clock.now(), rt.clock.now() + 5 * DAY, 'Europe/Paris')).toEqual([
      Date.UTC(2026, 9, 2, 5, m),
      Date.UTC(2026, 9, 4, 5, m),
      Date.UTC(2026, 9, 6, 5, m),
    ]);
  });

  test('everyHours(4) runs every 4 hours after its creation; an interval holds only its own runs', () => {
    const rt = new Runtime();
    const app = new ScriptAppEmulator(rt);
    app.newTrigger('h').timeBased().everyHours(4).create();
    const t = app._triggers()[0];
    const t0 = t.createdAt ?? Number.NaN;
    expect(clockFirings(t, t0, t0 + 12 * HOUR, 'UTC')).toEqual([
      t0 + 4 * HOUR,
      t0 + 8 * HOUR,
      t0 + 12 * HOUR,
    ]);
    expect(clockFirings(t, t0 + 4 * HOUR, t0 + 8 * HOUR - 1, 'UTC')).toEqual([]);
  });

  test('the event object of a time-driven trigger', () => {
    const app = new ScriptAppEmulator(new Runtime());
    app.newTrigger('h').timeBased().everyDays(1).atHour(7).create();
    const t = app._triggers()[0];
    expect(timeDrivenEvent(t, Date.UTC(2026, 9, 2, 5, 17, 9))).toEqual({
      authMode: 'FULL',
      triggerUid: t.id,
      year: 2026,
      month: 10,
      'day-of-month': 2,
      'day-of-week': 5,
      'week-of-year': 40,
      hour: 5,
      minute: 17,
      second: 9,
      timezone: 'UTC',
    });
  });
});

describe('TriggerClock', () => {
  test('advancing the clock runs the handler as a trigger execution of its owner, in FULL', () => {
    const { emulator, runner, clock } = setup();
    const id = runner.run('install').value as string;
    emulator._actAs('someone-else@x.fr'); // the user at the keyboard changes; the trigger's owner does not
    const done = clock.advance(2 * DAY);
    expect(done.map((r) => r.ok)).toEqual([true, true]);
    const m = dailyMinute(id);
    const mm = String(m).padStart(2, '0');
    expect(runs(emulator)).toEqual([
      {
        user: 'owner@x.fr',
        active: 'owner@x.fr',
        mode: 'FULL',
        uid: id,
        hour: 5,
        minute: m,
        year: 2026,
        month: 10,
        day: 2,
        local: `2026-10-02 07:${mm}`,
      },
      {
        user: 'owner@x.fr',
        active: 'owner@x.fr',
        mode: 'FULL',
        uid: id,
        hour: 5,
        minute: m,
        year: 2026,
        month: 10,
        day: 3,
        local: `2026-10-03 07:${mm}`,
      },
    ]);
    expect(runner.lastStats?.name.startsWith('daily#')).toBe(true);
  });

  test('nothing runs before the hour comes; the clock ends where asked', () => {
    const { emulator, runner, clock } = setup();
    runner.run('install');
    const start = emulator.runtime.clock.now();
    expect(clock.advance(HOUR)).toEqual([]);
    expect(emulator.runtime.clock.now()).toBe(start + HOUR);
    expect(runs(emulator)).toEqual([]);
  });

  test('fire(id) runs a trigger again now: a trigger that fires twice is testable', () => {
    const { emulator, runner, clock } = setup();
    const id = runner.run('install').value as string;
    clock.fire(id);
    clock.fire(id);
    expect(runs(emulator)).toHaveLength(2);
    expect(() => clock.fire('42')).toThrow('no trigger 42');
  });

  test('a deleted trigger no longer fires; a failing handler is recorded, the clock goes on', () => {
    const { emulator, runner, clock } = setup();
    runner.run('installHourly');
    emulator.scriptApp._setUser('owner@x.fr');
    expect(clock.advance(9 * HOUR)).toHaveLength(2);
    expect(emulator.properties.snapshot().document.n).toBe('2');
    const [t] = emulator.scriptApp.getProjectTriggers();
    emulator.scriptApp.deleteTrigger(t);
    expect(clock.advance(DAY)).toEqual([]);
    emulator.scriptApp.newTrigger('broken').timeBased().everyHours(1).create();
    const [run] = clock.advance(HOUR);
    expect(run).toMatchObject({ handler: 'broken', ok: false, error: 'Error: boom' });
    expect(clock.runs.map((r) => r.handler)).toEqual(['hourly', 'hourly', 'broken']);
  });
});
