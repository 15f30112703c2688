/** Writes run one at a time per workbook: the document lock, always released in `finally`. */
import { PiloteError } from './errors';

/**
 * How long a write waits for the writes before it. In the cost model a booking's save holds the
 * lock about 0.26 s, so of 30 saves arriving together the last waits 7.4 s
 * (tests/server/concurrency.test.ts); those figures are typical latencies, and a save that grows
 * its table or checks several references holds the lock longer. 30 s keeps a factor of 4 over
 * the typical case and stays far below the 6-minute execution limit; it is also the wait of
 * Google's own example (developers.google.com/apps-script/reference/lock/lock).
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
