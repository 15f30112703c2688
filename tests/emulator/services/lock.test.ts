import { COSTS, GoogleException, LIMITS, Runtime } from '../../../local/emulator/runtime';
import { LOCK_TIMEOUT_MESSAGE, LockServiceEmulator } from '../../../local/emulator/services';
import { LOCK_TIMEOUT_MESSAGE_FR } from '../../../local/emulator/services/lock';

function setup() {
  const rt = new Runtime();
  rt.beginExecution('exec-1', 'normal', false);
  return { rt, svc: new LockServiceEmulator(rt) };
}

describe('LockService', () => {
  test('a free lock is acquired at once and charged one lock acquire', () => {
    const { rt, svc } = setup();
    const lock = svc.getScriptLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(rt.endExecution().ms).toBe(COSTS.lockAcquire);
  });

  test('tryLock waits on the virtual clock for another execution, then gets the lock', () => {
    const { rt, svc } = setup();
    const t0 = rt.clock.now();
    svc._holdBy('other', t0 + 3000);
    expect(svc.getScriptLock().tryLock(5000)).toBe(true);
    expect(rt.clock.now() - t0).toBe(3000);
    expect(svc._holder()).toBe('exec-1');
  });

  test('tryLock returns false after waiting its whole timeout', () => {
    const { rt, svc } = setup();
    const t0 = rt.clock.now();
    svc._holdBy('other', t0 + 60_000);
    const lock = svc.getScriptLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(rt.clock.now() - t0).toBe(COSTS.lockAcquire + 5000);
    expect(lock.hasLock()).toBe(false);
  });

  test('waitLock throws Google’s exact text on timeout', () => {
    const { rt, svc } = setup();
    svc._holdBy('other', rt.clock.now() + 60_000);
    let error: unknown;
    try {
      svc.getScriptLock().waitLock(10_000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GoogleException);
    expect((error as Error).message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(LOCK_TIMEOUT_MESSAGE).toBe((error as Error).message);
  });

  test('a long wait counts toward the execution time limit', () => {
    const { rt, svc } = setup();
    svc._holdBy('other', rt.clock.now() + 10 * 60_000);
    expect(() => svc.getScriptLock().waitLock(LIMITS.executionMs + 1000)).toThrow(LIMITS.exceededMessage);
  });

  test('a lock held by a finished execution that did not release blocks until the runner frees it', () => {
    const { rt, svc } = setup();
    svc.getScriptLock().waitLock(1000);
    rt.endExecution();
    rt.beginExecution('exec-2', 'normal', false);
    expect(svc.getScriptLock().tryLock(100)).toBe(false);
    svc._releaseAllFor('exec-1');
    expect(svc.getScriptLock().tryLock(100)).toBe(true);
  });

  test('releaseLock frees the lock for the next acquirer', () => {
    const { svc } = setup();
    const a = svc.getScriptLock();
    a.waitLock(1000);
    a.releaseLock();
    expect(a.hasLock()).toBe(false);
    expect(svc._holder()).toBeNull();
  });

  test('a second Lock object in the same execution contends with the first (stricter reading)', () => {
    const { svc } = setup();
    svc.getScriptLock().waitLock(1000);
    expect(svc.getScriptLock().tryLock(500)).toBe(false);
  });

  test('the same Lock object may lock again while it holds the lock', () => {
    const { svc } = setup();
    const a = svc.getScriptLock();
    a.waitLock(1000);
    expect(a.tryLock(0)).toBe(true);
  });

  test('script, user and document locks are independent', () => {
    const { rt, svc } = setup();
    svc._holdBy('other', rt.clock.now() + 60_000);
    expect(svc.getUserLock().tryLock(0)).toBe(true);
    expect(svc.getDocumentLock()!.tryLock(0)).toBe(true);
  });

  test('_setExecution names the owner explicitly', () => {
    const { svc } = setup();
    svc._setExecution('api.saveBooking#7');
    svc.getScriptLock().waitLock(100);
    expect(svc._holder()).toBe('api.saveBooking#7');
  });

  test('snapshot keeps other executions’ holds across a restore', () => {
    const { rt, svc } = setup();
    svc._holdBy('other', rt.clock.now() + 60_000);
    const again = new LockServiceEmulator(rt);
    again.restore(JSON.parse(JSON.stringify(svc.snapshot())));
    expect(again._holder()).toBe('other');
  });

  test('waitLock’s timeout text can be the localised one a French user reads (option or test hook)', () => {
    const rt = new Runtime();
    rt.beginExecution('exec-1', 'normal', false);
    const svc = new LockServiceEmulator(rt, { timeoutMessage: LOCK_TIMEOUT_MESSAGE_FR });
    svc._holdBy('other', rt.clock.now() + 60_000);
    expect(() => svc.getScriptLock().waitLock(1000)).toThrow(LOCK_TIMEOUT_MESSAGE_FR);
    svc._setTimeoutMessage('autre texte');
    expect(() => svc.getScriptLock().waitLock(1000)).toThrow('autre texte');
    expect(LOCK_TIMEOUT_MESSAGE_FR).not.toMatch(/Lock timeout/i);
  });

  describe('overlapping executions (run in order of arrival, each from its arrival instant)', () => {
    /** One execution arriving at `at`: waits for the lock, holds it `holdMs`, releases it. */
    function arrive(
      rt: Runtime,
      svc: LockServiceEmulator,
      name: string,
      at: number,
      holdMs: number,
      wait = 10_000,
    ) {
      rt.clock.set(at);
      rt.beginExecution(name, 'normal', false);
      svc._setExecution(name);
      const lock = svc.getDocumentLock()!;
      const got = lock.tryLock(wait);
      const acquiredAt = rt.clock.now();
      if (got) {
        rt.sleep(holdMs);
        lock.releaseLock();
      }
      const releasedAt = rt.clock.now();
      rt.endExecution();
      svc._releaseAllFor(name);
      svc._setExecution(null);
      return { got, acquiredAt, releasedAt };
    }

    test('a lock released at R stays held until R for an execution that arrived earlier', () => {
      const rt = new Runtime();
      const svc = new LockServiceEmulator(rt);
      const t0 = rt.clock.now();
      const first = arrive(rt, svc, 'a', t0, 400);
      const second = arrive(rt, svc, 'b', t0, 400);
      expect(first.acquiredAt - t0).toBe(COSTS.lockAcquire);
      // b arrived at t0 too: it waits for a's release, then holds the lock for its own 400 ms.
      expect(second.acquiredAt).toBe(first.releasedAt);
      expect(second.releasedAt - t0).toBe(COSTS.lockAcquire + 400 + 400);
    });

    test('ten arrivals at once queue one behind the other; the last waits the sum of the holds', () => {
      const rt = new Runtime();
      const svc = new LockServiceEmulator(rt);
      const t0 = rt.clock.now();
      const runs = Array.from({ length: 10 }, (_, k) => arrive(rt, svc, `e${k}`, t0, 300));
      for (let k = 1; k < runs.length; k += 1) expect(runs[k].acquiredAt).toBe(runs[k - 1].releasedAt);
      expect(runs[9].acquiredAt - t0).toBe(COSTS.lockAcquire + 9 * 300);
      expect(runs.every((r) => r.got)).toBe(true);
    });

    test('an arrival whose wait would exceed its timeout gets false after waiting the timeout', () => {
      const rt = new Runtime();
      const svc = new LockServiceEmulator(rt);
      const t0 = rt.clock.now();
      arrive(rt, svc, 'long', t0, 5000);
      const late = arrive(rt, svc, 'late', t0, 100, 1000);
      expect(late.got).toBe(false);
      expect(late.releasedAt - t0).toBe(COSTS.lockAcquire + 1000);
    });

    test('a later arrival after the release finds the lock free; the snapshot keeps no released lock', () => {
      const rt = new Runtime();
      const svc = new LockServiceEmulator(rt);
      const t0 = rt.clock.now();
      const first = arrive(rt, svc, 'a', t0, 400);
      const later = arrive(rt, svc, 'b', first.releasedAt + 1, 100);
      expect(later.acquiredAt - (first.releasedAt + 1)).toBe(COSTS.lockAcquire);
      expect(svc.snapshot().holders).toEqual({});
    });
  });
});
