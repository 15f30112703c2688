/** Writes run one at a time per workbook: the document lock, always released in `finally`. */

/** How long a write waits for another one to finish before telling the user to retry. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `work` holding the document lock (the script lock where Google gives no document lock);
 * Google's timeout surfaces as `error.busy`.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
