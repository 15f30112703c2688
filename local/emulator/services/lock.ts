/**
 * LockService emulator: script, user and document locks contended on the virtual clock
 * (developers.google.com/apps-script/reference/lock/lock-service and .../lock/lock).
 *
 * Overlapping executions. The runner runs one execution at a time, but executions that overlap
 * on Google can be modelled: run them one after another in order of arrival, each starting at
 * its arrival instant (`runtime.clock.set(arrival)` before the call). A released lock stays
 * held, for any execution whose clock is earlier, until the instant it was released; so the
 * k-th arrival waits in `tryLock`/`waitLock` until the (k-1)-th released it, exactly as a queue
 * of waiters on Google (first come, first served: Google documents no order, unverified; the
 * last waiter's wait is the sum of the others' holds whatever the order). What runs before the
 * lock is taken must not read state another overlapping execution writes: the model serialises
 * only the lock's timeline.
 *
 * One execution may take and release the lock many times (the calendar sync holds it only
 * around its sheet reads and writes): each released hold is kept as an interval, from the
 * instant it was taken (the execution's start for its first hold, so that executions arriving
 * together still queue as above) to its release, and a later-run execution arriving between two
 * intervals gets the lock at once. Its own hold may then overlap a later interval of the
 * earlier-run execution: on Google that execution's next `tryLock` would have waited instead, a
 * delay the model does not charge to it (it lands on the long execution, never on the short one
 * arriving; unverified beyond LockService's documented mutual exclusion).
 */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';

/**
 * Round trips and their price. Acquiring goes to Google (then waits, on the virtual clock, while
 * another execution holds the lock). The cost model prices no release, so releaseLock is counted
 * at 0 ms; hasLock is answered by the Lock object itself.
 */
const COST: Record<string, CostKind> = {
  getScriptLock: 'local',
  getUserLock: 'local',
  getDocumentLock: 'local',
  tryLock: 'lockAcquire',
  waitLock: 'lockAcquire',
  releaseLock: 'local',
  hasLock: 'local',
};

/** waitLock's message on timeout, as users report it (many public GAS projects quote it). */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * The same message as a French user may read it: Google shows script errors in the user's
 * language. The exact French wording is unverified; it exists so that tests prove no code
 * recognises the English text (`_setTimeoutMessage`).
 */
export const LOCK_TIMEOUT_MESSAGE_FR =
  'Délai d’attente du verrouillage dépassé : un autre processus a conservé le verrou trop longtemps.';

/**
 * Who holds one lock scope. `until` is set for holds made by {@link LockServiceEmulator._holdBy}
 * and for released locks (held until the instant of release, for executions that started earlier).
 */
interface Holder {
  owner: string;
  /** Virtual instant the hold began (released holds of an execution); absent = since ever. */
  from?: number;
  /** The Lock object holding it, for holds by the current execution. */
  token?: number;
  /** Virtual epoch ms at which the holder releases it (or released it); absent = until released. */
  until?: number;
}

/** One lock (`GoogleAppsScript.Lock.Lock`). Each `get*Lock()` call returns a new object. */
export class Lock {
  private held = false;

  constructor(
    private readonly service: LockServiceEmulator,
    private readonly runtime: Runtime,
    private readonly scope: string,
    private readonly token: number,
  ) {}

  /** Waits up to `timeoutInMillis` (virtual) for the lock; false when another holder kept it. */
  tryLock(timeoutInMillis: number): boolean {
    this.runtime.charge('Lock', 'tryLock', COST.tryLock);
    return this.acquire(timeoutInMillis);
  }

  /** As tryLock, but throws Google's timeout exception instead of returning false. */
  waitLock(timeoutInMillis: number): void {
    this.runtime.charge('Lock', 'waitLock', COST.waitLock);
    if (!this.acquire(timeoutInMillis)) throw new GoogleException(this.service._timeoutMessage());
  }

  /** True only while this very object holds the lock (Lock reference: hasLock). */
  hasLock(): boolean {
    this.runtime.charge('Lock', 'hasLock', COST.hasLock);
    this.held = this.held && this.service._holderToken(this.scope) === this.token;
    return this.held;
  }

  releaseLock(): void {
    this.runtime.charge('Lock', 'releaseLock', COST.releaseLock);
    if (this.held && this.service._holderToken(this.scope) === this.token) this.service._free(this.scope);
    this.held = false;
  }

  private acquire(timeoutMs: number): boolean {
    if (this.held && this.service._holderToken(this.scope) === this.token) return true;
    const wait = this.service._waitFor(this.scope);
    const timeout = Math.max(0, Number(timeoutMs) || 0);
    if (wait > timeout) {
      if (timeout > 0) this.runtime.sleep(timeout);
      return false;
    }
    if (wait > 0) this.runtime.sleep(wait);
    this.service._take(this.scope, this.token);
    this.held = true;
    return true;
  }
}

/** JSON form: the holds by other executions that outlive a run (`_holdBy`). */
export interface LockSnapshot {
  holders: Record<string, Holder>;
  /** Released holds that may still block an execution arriving earlier (see the header). */
  released?: Record<string, Holder[]>;
}

/** How long a released interval is kept: no execution outlives 6 minutes, so none arrives earlier. */
const RELEASED_KEPT_MS = 10 * 60_000;

/** Options of {@link LockServiceEmulator}. */
export interface LockOptions {
  user?: string;
  /** False for a standalone script: `getDocumentLock` returns null. */
  hasDocument?: boolean;
  /** waitLock's timeout text (default {@link LOCK_TIMEOUT_MESSAGE}); Google localises it. */
  timeoutMessage?: string;
}

/**
 * `LockService`. The owner of a hold is the current execution: the name given to
 * `runtime.beginExecution`, unless the runner sets one with {@link _setExecution}. A lock
 * obtained twice in one execution through two Lock objects contends with itself (not verified
 * against Google; the stricter reading). The runner calls {@link _releaseAllFor} when an
 * execution ends, as Google releases a finished script's locks.
 */
export class LockServiceEmulator {
  private holders: Record<string, Holder> = {};
  private released: Record<string, Holder[]> = {};
  /** Owners that already took a lock in the current execution (their first hold starts at its start). */
  private tookBefore = new Set<string>();
  private nextToken = 1;
  private execution: string | null = null;
  private user: string;
  private readonly hasDocument: boolean;
  private timeoutText: string;

  constructor(
    private readonly runtime: Runtime,
    options: LockOptions = {},
  ) {
    this.user = options.user ?? 'user@example.com';
    this.hasDocument = options.hasDocument ?? true;
    this.timeoutText = options.timeoutMessage ?? LOCK_TIMEOUT_MESSAGE;
  }

  getScriptLock(): Lock {
    this.runtime.charge('LockService', 'getScriptLock', COST.getScriptLock);
    return this.lock('script');
  }

  getUserLock(): Lock {
    this.runtime.charge('LockService', 'getUserLock', COST.getUserLock);
    return this.lock(`user:${this.user}`);
  }

  getDocumentLock(): Lock | null {
    this.runtime.charge('LockService', 'getDocumentLock', COST.getDocumentLock);
    return this.hasDocument ? this.lock('document') : null;
  }

  private lock(scope: string): Lock {
    return new Lock(this, this.runtime, scope, this.nextToken++);
  }

  private currentOwner(): string {
    return this.execution ?? this.runtime.current().name;
  }

  /** Test helper: "another execution" named `owner` holds the lock until virtual instant `untilMs`. */
  _holdBy(owner: string, untilMs: number, scope: 'script' | 'document' | `user:${string}` = 'script'): void {
    this.holders[scope] = { owner, until: untilMs };
  }

  /** Runner helper: names the execution now running (defaults to the runtime's execution name). */
  _setExecution(name: string | null): void {
    this.execution = name;
  }

  /** Test helper: the text waitLock throws on timeout, e.g. {@link LOCK_TIMEOUT_MESSAGE_FR}. */
  _setTimeoutMessage(text: string): void {
    this.timeoutText = text;
  }

  /** @internal */
  _timeoutMessage(): string {
    return this.timeoutText;
  }

  /** Runner helper: which user `getUserLock` belongs to. */
  _setUser(email: string): void {
    this.user = email;
  }

  /** Runner helper, at the end of each execution: frees every lock it still holds. */
  _releaseAllFor(executionName: string): void {
    for (const [scope, h] of Object.entries(this.holders)) {
      if (h.owner === executionName && h.until === undefined) this._free(scope);
    }
    this.tookBefore.delete(executionName);
  }

  /** Test helper: who holds `scope` now (null when free or the hold has expired). */
  _holder(scope = 'script'): string | null {
    const now = this.runtime.clock.now();
    return (
      this.active(scope)?.owner ??
      this.intervals(scope).find((h) => (h.from ?? 0) <= now && now < (h.until as number))?.owner ??
      null
    );
  }

  /** @internal virtual ms until `scope` is free for the current execution (Infinity if never). */
  _waitFor(scope: string): number {
    const now = this.runtime.clock.now();
    const h = this.active(scope);
    if (h && h.until === undefined) return Number.POSITIVE_INFINITY;
    let at = h ? Math.max(now, h.until as number) : now;
    // Released holds of earlier-run executions: wait through every one the instant falls in.
    const intervals = this.intervals(scope);
    for (let moved = true; moved; ) {
      moved = false;
      for (const i of intervals)
        if ((i.from ?? Number.NEGATIVE_INFINITY) <= at && at < (i.until as number)) {
          at = i.until as number;
          moved = true;
        }
    }
    return at - now;
  }

  private intervals(scope: string): Holder[] {
    const now = this.runtime.clock.now();
    const kept = (this.released[scope] ?? []).filter((i) => (i.until as number) > now - RELEASED_KEPT_MS);
    this.released[scope] = kept;
    return kept;
  }

  /** @internal */
  _holderToken(scope: string): number | undefined {
    return this.active(scope)?.token;
  }

  /** @internal */
  _take(scope: string, token: number): void {
    const owner = this.currentOwner();
    // The first hold of an execution counts from its start (executions arriving together queue).
    const from = this.tookBefore.has(owner) ? this.runtime.clock.now() : this.runtime.executionStartedAt();
    this.tookBefore.add(owner);
    this.holders[scope] = { owner, token, from };
  }

  /**
   * @internal Releases `scope` now: it stays held until this instant for an execution whose
   * clock is earlier (an overlapping execution that arrived before this release, see the header).
   */
  _free(scope: string): void {
    const h = this.holders[scope];
    if (!h) return;
    const until = this.runtime.clock.now();
    if (h.from === undefined) {
      this.holders[scope] = { owner: h.owner, until };
      return;
    }
    // A hold taken by an execution becomes an interval: it blocks only the instants it covered.
    delete this.holders[scope];
    this.released[scope] = [...(this.released[scope] ?? []), { owner: h.owner, from: h.from, until }];
  }

  private active(scope: string): Holder | undefined {
    const h = this.holders[scope];
    if (h && h.until !== undefined && h.until <= this.runtime.clock.now()) {
      delete this.holders[scope];
      return undefined;
    }
    return h;
  }

  snapshot(): LockSnapshot {
    const holders: Record<string, Holder> = {};
    const now = this.runtime.clock.now();
    for (const [scope, h] of Object.entries(this.holders)) {
      if (h.until !== undefined && h.until > now) holders[scope] = { owner: h.owner, until: h.until };
    }
    const released: Record<string, Holder[]> = {};
    for (const scope of Object.keys(this.released)) {
      const kept = this.intervals(scope).filter((i) => (i.until as number) > now);
      if (kept.length > 0) released[scope] = kept.map((i) => ({ ...i }));
    }
    return { holders, released };
  }

  restore(s: LockSnapshot): void {
    this.holders = JSON.parse(JSON.stringify(s.holders)) as Record<string, Holder>;
    this.released = JSON.parse(JSON.stringify(s.released ?? {})) as Record<string, Holder[]>;
    this.tookBefore.clear();
  }
}
