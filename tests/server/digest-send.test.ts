/**
 * The opt-in daily digest, end to end on the demo workbook: opting in installs one trigger, the
 * trigger fires on the virtual clock at 7 h and sends each subscribed coordinator one e-mail,
 * once a day even when it fires twice; nobody subscribed or not a coordinator means no e-mail;
 * the mail quota is respected.
 */
import type { EmulatorSnapshot } from '../../local/emulator/emulator';
import { TriggerClock } from '../../local/runner/triggers';
import { demoHarness, type Harness, newHarness } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let loaded: EmulatorSnapshot;
let coordinators: string[];

beforeAll(() => {
  const h = demoHarness();
  loaded = h.emulator.snapshot();
  coordinators = String(h.ss.getRangeByName('PILOTE_COORDINATOR_EMAILS')?.getValue())
    .split(',')
    .map((s) => s.trim());
}, 120_000);

interface World {
  h: Harness;
  clock: TriggerClock;
}

function world(): World {
  const h = newHarness({}, JSON.parse(JSON.stringify(loaded)) as EmulatorSnapshot);
  return { h, clock: new TriggerClock(h.emulator, h.runner, { timeZone: 'Europe/Paris' }) };
}

function as<T>(w: World, email: string, fn: string, ...args: unknown[]) {
  w.h.emulator._actAs(email);
  return w.h.api<T>(fn, ...args);
}

const digestTriggers = (w: World) =>
  w.h.emulator.scriptApp._triggers().filter((t) => t.handler === 'dailyDigestTrigger');
const journalLines = (w: World) => {
  const wb = w.h.emulator.spreadsheetApp._workbook();
  const sheet = wb.state.sheets.find((s) => s.name === 'Journal');
  if (!sheet) throw new Error('no Journal');
  const out: string[] = [];
  for (let r = 3; r <= wb.lastRow(sheet); r += 1) out.push(wb.displayValue(sheet.id, r, 6));
  return out.filter((t) => t.includes('Récapitulatif'));
};

describe('opting in and out', () => {
  test('the demo has two coordinators, neither the emulator’s default user', () => {
    expect(coordinators).toHaveLength(2);
    expect(coordinators).not.toContain('coordination@tiers-lieu.example');
  });

  test('a coordinator opting in installs ONE everyDays(1).atHour(7) trigger; a second one adds none', () => {
    const w = world();
    const first = as<{ subscribed: boolean; triggerCreated: boolean }>(
      w,
      coordinators[0],
      'setDailyDigest',
      true,
    );
    expect(first.result).toMatchObject({ ok: true, data: { subscribed: true, triggerCreated: true } });
    expect(first.stats.byMethod['TriggerBuilder.create']).toBe(1);
    expect(first.stats.byMethod['ScriptApp.getProjectTriggers']).toBe(1);
    expect(digestTriggers(w)).toHaveLength(1);
    expect(digestTriggers(w)[0]).toMatchObject({
      owner: coordinators[0],
      schedule: { everyDays: 1, atHour: 7 },
    });
    // Again (double click): no second trigger. The other coordinator: found in the document's record.
    expect(
      as(w, coordinators[0], 'setDailyDigest', true).stats.byMethod['TriggerBuilder.create'],
    ).toBeUndefined();
    const second = as<{ triggerCreated: boolean }>(w, coordinators[1], 'setDailyDigest', true);
    expect(second.result).toMatchObject({ ok: true, data: { triggerCreated: false } });
    expect(second.stats.byMethod['TriggerBuilder.create']).toBeUndefined();
    expect(digestTriggers(w)).toHaveLength(1);
    expect(as<{ subscribed: boolean }>(w, coordinators[1], 'getTodo').result).toMatchObject({
      ok: true,
      data: { subscribed: true },
    });
  });

  test('someone not listed as a coordinator is refused in French and nothing changes', () => {
    const w = world();
    const before = JSON.stringify(w.h.emulator.properties.snapshot());
    const r = as(w, 'stranger@example.org', 'setDailyDigest', true);
    expect(r.result).toMatchObject({ ok: false, error: { code: 'digest.notCoordinator' } });
    if (!r.result.ok) expect(r.result.error.message).toContain('stranger@example.org');
    expect(digestTriggers(w)).toEqual([]);
    expect(JSON.stringify(w.h.emulator.properties.snapshot())).toBe(before);
    expect(as(w, coordinators[0], 'setDailyDigest', 'oui').result).toMatchObject({
      ok: false,
      error: { code: 'error.invalidArgument' },
    });
  });

  test('the last one out removes the trigger; the first one out leaves it to the other', () => {
    const w = world();
    as(w, coordinators[0], 'setDailyDigest', true);
    as(w, coordinators[1], 'setDailyDigest', true);
    const out1 = as<{ triggerRemoved: boolean }>(w, coordinators[1], 'setDailyDigest', false);
    expect(out1.result).toMatchObject({ ok: true, data: { subscribed: false, triggerRemoved: false } });
    expect(digestTriggers(w)).toHaveLength(1);
    const out0 = as<{ triggerRemoved: boolean }>(w, coordinators[0], 'setDailyDigest', false);
    expect(out0.result).toMatchObject({ ok: true, data: { triggerRemoved: true } });
    expect(out0.stats.byMethod['ScriptApp.deleteTrigger']).toBe(1);
    expect(digestTriggers(w)).toEqual([]);
  });

  test('the last one out not owning the trigger: it removes itself at its next run, sending nothing', () => {
    const w = world();
    as(w, coordinators[0], 'setDailyDigest', true);
    as(w, coordinators[1], 'setDailyDigest', true);
    as(w, coordinators[0], 'setDailyDigest', false); // the owner leaves first
    as(w, coordinators[1], 'setDailyDigest', false);
    expect(digestTriggers(w)).toHaveLength(1);
    const runs = w.clock.advance(DAY);
    expect(runs).toHaveLength(1);
    expect(w.h.emulator.mail.outbox).toEqual([]);
    expect(w.h.runner.lastStats?.byMethod['MailApp.sendEmail']).toBeUndefined();
    expect(digestTriggers(w)).toEqual([]);
  });
});

describe('the trigger sends the digest', () => {
  test('at 7 h Paris time, one e-mail per subscribed coordinator, HTML and text, listing today’s items', () => {
    const w = world();
    as(w, coordinators[0], 'setDailyDigest', true);
    as(w, coordinators[1], 'setDailyDigest', true);
    // What the panel lists on the day the trigger fires (2 September).
    w.h.emulator.runtime.clock.set(Date.UTC(2026, 8, 2, 4, 0));
    const todo = as<{ count: number; groups: { label: string; items: { title: string; date: string }[] }[] }>(
      w,
      coordinators[0],
      'getTodo',
    ).result;
    if (!todo.ok) throw new Error(todo.error.message);
    w.h.emulator.runtime.clock.set(Date.UTC(2026, 8, 2, 4, 0)); // 06:00 in Paris
    const runs = w.clock.advance(2 * HOUR);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ ok: true, owner: coordinators[0] });
    const at = new Date(runs[0].at);
    expect(at.getUTCHours()).toBe(5); // 07:mm CEST
    const stats = w.h.runner.lastStats;
    expect(stats?.byMethod['MailApp.getRemainingDailyQuota']).toBe(1);
    expect(stats?.byMethod['MailApp.sendEmail']).toBe(2);
    expect(stats?.byMethod['Sheet.appendRow']).toBe(2);
    const outbox = w.h.emulator.mail.outbox;
    expect(outbox.map((m) => m.to)).toEqual([[coordinators[0]], [coordinators[1]]]);
    for (const m of outbox) {
      expect(m.subject).toBe('Pilote — à faire au 02/09/2026');
      expect(m.name).toBe('Pilote');
      expect(m.htmlBody).toContain('<ul>');
      expect(m.body).toContain(`${todo.data.count} choses à faire au 02/09/2026`);
      for (const g of todo.data.groups) {
        expect(m.body).toContain(g.label);
        for (const item of g.items) {
          expect(m.body).toContain(item.title);
          if (item.date) expect(m.body).toContain(item.date);
        }
      }
    }
    expect(journalLines(w)).toEqual([
      `Récapitulatif quotidien envoyé à ${coordinators[0]}\u00a0: ${todo.data.count} éléments`,
      `Récapitulatif quotidien envoyé à ${coordinators[1]}\u00a0: ${todo.data.count} éléments`,
    ]);
  });

  test('fired twice the same day (or at the next hour), it sends nothing the second time', () => {
    const w = world();
    as(w, coordinators[0], 'setDailyDigest', true);
    w.h.emulator.runtime.clock.set(Date.UTC(2026, 8, 2, 4, 0));
    w.clock.advance(2 * HOUR);
    expect(w.h.emulator.mail.outbox).toHaveLength(1);
    const [t] = digestTriggers(w);
    const again = w.clock.fire(t.id);
    expect(again.ok).toBe(true);
    expect(w.h.emulator.mail.outbox).toHaveLength(1);
    expect(w.h.runner.lastStats?.byMethod['MailApp.sendEmail']).toBeUndefined();
    expect(w.h.runner.lastStats?.byMethod['Range.getValues']).toBeUndefined(); // stops before reading
    // The next day it sends again.
    w.clock.advance(DAY);
    expect(w.h.emulator.mail.outbox).toHaveLength(2);
    expect(w.h.emulator.mail.outbox[1].subject).toBe('Pilote — à faire au 03/09/2026');
  });

  test('nobody opted in: no trigger, and a stray run sends nothing', () => {
    const w = world();
    expect(w.clock.advance(2 * DAY)).toEqual([]);
    w.h.emulator._actAs(coordinators[0]);
    const r = w.h.runner.run('dailyDigestTrigger', {}, 'normal', { authMode: 'FULL' });
    expect(r.stats.byMethod['MailApp.sendEmail']).toBeUndefined();
    expect(r.stats.byMethod['MailApp.getRemainingDailyQuota']).toBeUndefined();
    expect(w.h.emulator.mail.outbox).toEqual([]);
  });

  test('a subscriber removed from the coordinators’ list receives nothing', () => {
    const w = world();
    as(w, coordinators[0], 'setDailyDigest', true);
    as(w, coordinators[1], 'setDailyDigest', true);
    w.h.ss.getRangeByName('PILOTE_COORDINATOR_EMAILS')?.setValue(coordinators[1]);
    w.h.emulator.runtime.clock.set(Date.UTC(2026, 8, 2, 4, 0));
    w.clock.advance(2 * HOUR);
    expect(w.h.emulator.mail.outbox.map((m) => m.to)).toEqual([[coordinators[1]]]);
  });

  test('quota too low for every recipient: nothing sent, logged and journaled; sent the next day', () => {
    const w = world();
    as(w, coordinators[0], 'setDailyDigest', true);
    as(w, coordinators[1], 'setDailyDigest', true);
    w.h.emulator.runtime.clock.set(Date.UTC(2026, 8, 2, 4, 0));
    // 99 of the 100 recipients of the day already used by this account.
    w.h.emulator.mail.restore({ outbox: [], windowStart: w.h.emulator.runtime.clock.now(), used: 99 });
    const [run] = w.clock.advance(2 * HOUR);
    expect(run.ok).toBe(true);
    expect(w.h.emulator.mail.outbox).toEqual([]);
    expect(w.h.runner.lastStats?.byMethod['MailApp.getRemainingDailyQuota']).toBe(1);
    expect(w.h.runner.lastStats?.byMethod['MailApp.sendEmail']).toBeUndefined();
    expect(w.h.runner.logs.some((l) => l.level === 'warn' && l.text.includes('il reste 1 envoi'))).toBe(true);
    const wb = w.h.emulator.spreadsheetApp._workbook();
    const journal = wb.state.sheets.find((s) => s.name === 'Journal');
    if (!journal) throw new Error('no Journal');
    expect(wb.displayValue(journal.id, wb.lastRow(journal), 3)).toBe('Erreur');
    // Next morning the quota has reset (24 h after its first use): both receive it.
    w.clock.advance(DAY);
    expect(w.h.emulator.mail.outbox).toHaveLength(2);
  });
});

test('the e-mail names the venue and escapes what users typed', () => {
  const w = world();
  const venue = String(w.h.ss.getRangeByName('PILOTE_VENUE_NAME')?.getValue());
  expect(venue.length).toBeGreaterThan(0);
  w.h.ss.getRangeByName('PILOTE_VENUE_NAME')?.setValue('Le <Lieu> & Co');
  as(w, coordinators[0], 'setDailyDigest', true);
  w.h.emulator.runtime.clock.set(Date.UTC(2026, 8, 2, 4, 0));
  w.clock.advance(2 * HOUR);
  const [m] = w.h.emulator.mail.outbox;
  expect(m.body.startsWith('Le <Lieu> & Co\u00a0: ')).toBe(true);
  expect(m.htmlBody).toContain('Le &lt;Lieu&gt; &amp; Co');
  expect(m.htmlBody).not.toContain('<Lieu>');
});
