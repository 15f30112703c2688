/** Writes run one at a time per workbook: the document lock, always released in `finally`. */
import { PiloteError } from './errors';

/**
 * How long a write waits for the writes before it. In the cost model a booking's save holds the
 * lock 0.26 s: of 30 saves arriving together the last waits 7.4 s, 8.5 s when one of them grows
 * the table (tests/server/concurrency.test.ts). Those are typical latencies, so 10 s would leave
 * almost no margin on a slow day; 30 s covers calls 3.5 times slower than modelled, stays far
 * below the 6-minute execution limit, and is the wait of Google's own example
 * (developers.google.com/apps-script/reference/lock/lock).
 */
export const LOCK_WAIT_MS = 30_000;

/**
 * Runs `work` holding the document lock (the script lock where Google gives no document lock).
 * Contention is read from `tryLock`'s boolean
 * (developers.google.com/apps-script/reference/lock/lock#tryLock(Integer)), never from an
 * exception's text: Google words its messages in the user's language. A lock still held after
 * {@link LOCK_WAIT_MS} is `error.busy`, before anything is written.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new PiloteError('error.busy');
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
