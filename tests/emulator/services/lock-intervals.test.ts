/**
 * The lock emulator's released holds (services/lock.ts header): an execution that takes and
 * releases the document lock several times blocks, for an execution arriving later in the run
 * order, only the instants its holds covered; its first hold counts from its start, so
 * executions arriving together still queue.
 */
import { Runtime } from '../../../local/emulator/runtime';
import { LockServiceEmulator } from '../../../local/emulator/services';

function longRun(rt: Runtime, svc: LockServiceEmulator, t0: number): void {
  // One execution: holds [t0, t0+1 s], then [t0+10 s, t0+11 s], with 9 s of other work between.
  rt.clock.set(t0);
  rt.beginExecution('sync', 'normal', false);
  svc._setExecution('sync');
  const first = svc.getDocumentLock() as NonNullable<ReturnType<LockServiceEmulator['getDocumentLock']>>;
  expect(first.tryLock(30_000)).toBe(true);
  rt.sleep(1000 - 20);
  first.releaseLock();
  rt.sleep(9000);
  const second = svc.getDocumentLock() as NonNullable<ReturnType<LockServiceEmulator['getDocumentLock']>>;
  expect(second.tryLock(30_000)).toBe(true);
  rt.sleep(1000 - 20);
  second.releaseLock();
  rt.endExecution();
  svc._releaseAllFor('sync');
  svc._setExecution(null);
}

function arriveAt(rt: Runtime, svc: LockServiceEmulator, at: number): number {
  rt.clock.set(at);
  rt.beginExecution('save', 'normal', false);
  svc._setExecution('save');
  const lock = svc.getDocumentLock() as NonNullable<ReturnType<LockServiceEmulator['getDocumentLock']>>;
  expect(lock.tryLock(30_000)).toBe(true);
  // From arrival to holding the lock: the acquire's own 20 ms, plus any wait.
  const waited = rt.clock.now() - at;
  lock.releaseLock();
  rt.endExecution();
  svc._releaseAllFor('save');
  svc._setExecution(null);
  return waited;
}

describe('released holds as intervals', () => {
  test('an execution arriving between two holds gets the lock at once', () => {
    const rt = new Runtime();
    const svc = new LockServiceEmulator(rt);
    const t0 = Date.UTC(2026, 0, 5, 9);
    longRun(rt, svc, t0);
    expect(arriveAt(rt, svc, t0 + 5000)).toBe(20);
  });

  test('one arriving inside a hold waits until that hold ends, not until the run ends', () => {
    const rt = new Runtime();
    const svc = new LockServiceEmulator(rt);
    const t0 = Date.UTC(2026, 0, 5, 9);
    longRun(rt, svc, t0);
    expect(arriveAt(rt, svc, t0 + 10_500)).toBe(500); // the hold ends at t0 + 11 s
  });

  test('one arriving with the long run waits for its first hold (counted from the run’s start)', () => {
    const rt = new Runtime();
    const svc = new LockServiceEmulator(rt);
    const t0 = Date.UTC(2026, 0, 5, 9);
    longRun(rt, svc, t0);
    expect(arriveAt(rt, svc, t0)).toBe(1000); // the first hold ends at t0 + 1 s
  });

  test('snapshot and restore keep the intervals that may still block', () => {
    const rt = new Runtime();
    const svc = new LockServiceEmulator(rt);
    const t0 = Date.UTC(2026, 0, 5, 9);
    longRun(rt, svc, t0);
    rt.clock.set(t0 + 10_200);
    const copy = new LockServiceEmulator(rt);
    copy.restore(svc.snapshot());
    expect(copy._holder('document')).toBe('sync');
    expect(arriveAt(rt, copy, t0 + 10_200)).toBe(800);
  });
});
