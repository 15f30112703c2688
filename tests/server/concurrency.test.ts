/**
 * Simultaneous submissions on the shipped bundle: writes queue on the document lock and all land,
 * each once; a lock held longer than the wait is « occupé » (error.busy) whatever Google's text.
 *
 * How "at once" is modelled (local/emulator/services/lock.ts, header): the runner runs one
 * execution at a time, so the executions run in order of arrival, each from its own arrival
 * instant on the virtual clock; a lock released at R stays held until R for the executions that
 * arrived earlier, so each waits in `tryLock` for the ones before it. Google runs at most 10
 * `google.script.run` calls of one user at once (DESIGN.md; the playground's shim queues the
 * rest): 30 at once are 3 coordinators with 10 calls each, or one coordinator whose 11th call
 * starts when the 1st returns.
 */
import { KEY_ROW } from '../../src/schema';
import { LOCK_WAIT_MS } from '../../src/server/lock';
import { seedBookings, seedLabels } from '../../local/fixtures';
import type { ExecutionStats } from '../../local/emulator/runtime';
import { LOCK_TIMEOUT_MESSAGE, LOCK_TIMEOUT_MESSAGE_FR } from '../../local/emulator/services/lock';
import { type Harness, type RpcAnswer, setUpHarness, sheetDisplay } from './harness';

interface Saved {
  id: string;
  row: number;
  duplicate: boolean;
}

function harness(): Harness {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande salle']);
  return h;
}

/** The values of column `key` on every data row of `sheetName` (uncharged). */
function column(h: Harness, sheetName: string, key: string): string[] {
  const rows = sheetDisplay(h, sheetName);
  const at = rows[KEY_ROW - 1].indexOf(key);
  if (at < 0) throw new Error(`no column ${key} in ${sheetName}`);
  return rows.slice(KEY_ROW + 1).map((r) => r[at]);
}

/**
 * A valid booking of « Grande salle ». A « Demande » blocks no slot: thirty of them on one day
 * are thirty rows (confirmed ones would be refused as double bookings, tests/server/bookings-conflicts.test.ts).
 */
const booking = (title: string) => ({
  space: 'Grande salle',
  title,
  startDate: '29/03/2026',
  status: 'Demande',
});

const filled = (values: string[]) => values.filter((v) => v !== '');

/**
 * The virtual ms an execution spent waiting (lock waits are the only sleeps of a save), to the
 * microsecond: per-cell costs are fractions of a ms, and their sum depends on the order of addition.
 */
const waited = (stats: ExecutionStats) =>
  Math.round((stats.ms - stats.log.reduce((sum, c) => sum + c.ms, 0)) * 1000) / 1000;

interface Submission {
  user: string;
  requestId: string;
  title: string;
}

/** Runs `saveRecord` for `s` as an execution arriving at virtual instant `at`. */
function submitAt(h: Harness, at: number, s: Submission) {
  h.emulator.runtime.clock.set(at);
  h.emulator.session._configure({ activeUserEmail: s.user, effectiveUserEmail: s.user });
  h.emulator.lock._setUser(s.user);
  const { result, stats } = h.api<Saved>('saveRecord', {
    sheet: 'bookings',
    id: null,
    requestId: s.requestId,
    values: booking(s.title),
  });
  return { result, stats, end: h.emulator.runtime.clock.now() };
}

const USERS = ['awa@tiers-lieu.example', 'bruno@tiers-lieu.example', 'chloe@tiers-lieu.example'];
const submissions: Submission[] = Array.from({ length: 30 }, (_, k) => ({
  user: USERS[Math.floor(k / 10)],
  requestId: `concurrent-${String(k).padStart(2, '0')}`,
  title: `Atelier simultané ${k + 1}`,
}));

function expectAllLandedOnce(
  h: Harness,
  results: RpcAnswer<Saved>[],
  before: { rows: number; journal: number },
) {
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(submissions.map(() => 'ok'));
  const saved = results.map((r) => (r.ok ? r.data : null)).filter((d): d is Saved => d !== null);
  expect(saved.every((d) => !d.duplicate)).toBe(true);
  expect(new Set(saved.map((d) => d.id)).size).toBe(30);
  expect(new Set(saved.map((d) => d.row)).size).toBe(30);
  const requestIds = filled(column(h, 'Réservations', 'requestId'));
  expect(requestIds.length - before.rows).toBe(30);
  for (const s of submissions) expect(requestIds.filter((r) => r === s.requestId)).toHaveLength(1);
  const titles = filled(column(h, 'Réservations', 'title'));
  for (const s of submissions) expect(titles.filter((t) => t === s.title)).toHaveLength(1);
  const journalUsers = filled(column(h, 'Journal', 'user'));
  expect(journalUsers.length - before.journal).toBe(30);
  for (const user of USERS)
    expect(journalUsers.slice(before.journal).filter((u) => u === user)).toHaveLength(10);
}

function counts(h: Harness) {
  return {
    rows: filled(column(h, 'Réservations', 'requestId')).length,
    journal: filled(column(h, 'Journal', 'user')).length,
  };
}

describe('30 submissions at once', () => {
  test('3 coordinators × 10 calls arriving at the same instant: all 30 land, each once', () => {
    const h = harness();
    const before = counts(h);
    const t0 = h.emulator.runtime.clock.now() + 1000;
    const runs = submissions.map((s) => submitAt(h, t0, s));
    expectAllLandedOnce(
      h,
      runs.map((r) => r.result),
      before,
    );
    // Every one after the first waited for the lock; the last waited for the 29 others.
    const waits = runs.map((r) => waited(r.stats));
    // Per-cell costs are fractions of a ms: their sum may differ from the total by a rounding.
    expect(waits[0]).toBeCloseTo(0, 6);
    expect(waits.slice(1).every((w) => w > 0)).toBe(true);
    expect(Math.max(...waits)).toBe(waits[29]);
    expect(waits[29]).toBeLessThan(LOCK_WAIT_MS);
    // Each execution took the lock once with tryLock; nothing called waitLock.
    for (const r of runs) {
      expect(r.stats.byMethod['Lock.tryLock']).toBe(1);
      expect(r.stats.byMethod['Lock.waitLock']).toBeUndefined();
    }
    // The modelled figures, for the report: the last save answers after the 30 writes.
    process.stdout.write(
      `[concurrency] 3×10 at once: last wait ${waits[29]} ms, last answer at +${runs[29].end - t0} ms, ` +
        `one save ${runs[0].stats.ms} ms (wait ${LOCK_WAIT_MS} ms)\n`,
    );
  });

  test('30 at once while the table must grow: the save that grows it holds the lock longer, all land', () => {
    const h = harness();
    // 985 bookings: the table is full after a dozen more, so one of the 30 inserts 1,000 rows.
    seedBookings(h.emulator, 985, 0);
    const before = counts(h);
    const rowsBefore = h.ss.getSheetByName('Réservations')!.getMaxRows();
    const t0 = h.emulator.runtime.clock.now() + 1000;
    const runs = submissions.map((s) => submitAt(h, t0, s));
    expectAllLandedOnce(
      h,
      runs.map((r) => r.result),
      before,
    );
    expect(h.ss.getSheetByName('Réservations')!.getMaxRows()).toBeGreaterThan(rowsBefore);
    const grower = runs.findIndex((r) => (r.stats.byMethod['Sheet.insertRowsBefore'] ?? 0) > 0);
    expect(grower).toBeGreaterThan(0);
    const waits = runs.map((r) => waited(r.stats));
    expect(waits[29]).toBeLessThan(LOCK_WAIT_MS);
    process.stdout.write(
      `[concurrency] 3×10 at once with growth (save ${grower + 1}, ${runs[grower].stats.calls} calls, ` +
        `${runs[grower].stats.ms - waits[grower]} ms): last wait ${waits[29]} ms\n`,
    );
  });

  test('one coordinator with 30 calls: 10 run at once, each further call starts when one returns', () => {
    const h = harness();
    const before = counts(h);
    const t0 = h.emulator.runtime.clock.now() + 1000;
    const single = submissions.map((s) => ({ ...s, user: USERS[0] }));
    const ends: number[] = [];
    const results = single.map((s, k) => {
      const run = submitAt(h, k < 10 ? t0 : ends[k - 10], s);
      ends.push(run.end);
      return run.result;
    });
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = results.map((r) => (r.ok ? r.data.id : ''));
    expect(new Set(ids).size).toBe(30);
    const requestIds = filled(column(h, 'Réservations', 'requestId'));
    expect(requestIds.length - before.rows).toBe(30);
    for (const s of single) expect(requestIds.filter((r) => r === s.requestId)).toHaveLength(1);
    expect(filled(column(h, 'Journal', 'user')).length - before.journal).toBe(30);
  });
});

describe('a lock held longer than the wait', () => {
  test.each([
    ['Google’s English text', LOCK_TIMEOUT_MESSAGE, 'fr', /occupé/],
    ['a French-localised text', LOCK_TIMEOUT_MESSAGE_FR, 'fr', /occupé/],
    ['an English user', LOCK_TIMEOUT_MESSAGE, 'en', /busy/],
  ])('with %s: « occupé » (error.busy), nothing written, no text parsed', (_what, text, locale, expected) => {
    const h = harness();
    h.emulator.lock._setTimeoutMessage(text);
    h.emulator.session._configure({ locale });
    const before = counts(h);
    const heldUntil = h.emulator.runtime.clock.now() + LOCK_WAIT_MS + 60_000;
    h.emulator.lock._holdBy('a long setup', heldUntil, 'document');
    const { result, stats } = h.api<Saved>('saveRecord', {
      sheet: 'bookings',
      id: null,
      requestId: 'busy-0001',
      values: booking('Atelier bloqué'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('error.busy');
    expect(result.error.message).toMatch(expected);
    expect(result.error.message).not.toContain(text);
    // It waited the whole wait, then gave up before any read or write of the workbook.
    expect(waited(stats)).toBe(LOCK_WAIT_MS);
    expect(stats.byMethod['Lock.tryLock']).toBe(1);
    expect(stats.byMethod['Lock.waitLock']).toBeUndefined();
    expect(stats.writes).toBe(0);
    expect(stats.reads).toBe(0);
    expect(counts(h)).toEqual(before);
    expect(filled(column(h, 'Réservations', 'title'))).not.toContain('Atelier bloqué');
  });

  test('once the other holder is done, the same request lands', () => {
    const h = harness();
    const before = counts(h);
    const now = h.emulator.runtime.clock.now();
    h.emulator.lock._holdBy('a long setup', now + LOCK_WAIT_MS + 60_000, 'document');
    const request = {
      sheet: 'bookings',
      id: null,
      requestId: 'busy-0002',
      values: booking('Atelier repris'),
    };
    expect(h.api<Saved>('saveRecord', request).result.ok).toBe(false);
    h.emulator.runtime.clock.set(now + LOCK_WAIT_MS + 61_000);
    const again = h.api<Saved>('saveRecord', request).result;
    expect(again.ok && !again.data.duplicate).toBe(true);
    expect(counts(h).rows - before.rows).toBe(1);
  });
});
