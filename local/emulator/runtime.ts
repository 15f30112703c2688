/**
 * The emulator's runtime: virtual clock, per-execution call counters, the cost model of
 * ../shared/DESIGN.md, execution time limits and fault injection. Every emulated service
 * charges each round trip through {@link Runtime.charge}; nothing else advances the clock.
 */

/** What a round trip costs, in virtual milliseconds (DESIGN.md, "Cost model"). */
export const COSTS = {
  coldStart: 300,
  sheetReadUncached: 150,
  sheetReadCached: 2,
  sheetWrite: 50,
  flush: 30,
  lockAcquire: 20,
  propertiesRead: 30,
  propertiesWrite: 62,
  cacheRead: 3,
  cacheWrite: 93,
  calendarListPage: 300,
  calendarMutation: 400,
  calendarRead: 300,
  driveMakeCopy: 1500,
  driveRead: 150,
  docsOpen: 300,
  docsBatchEdit: 200,
  docsSave: 300,
  pdfExport: 2000,
  mailSend: 300,
  ui: 0,
  local: 0,
} as const;

/**
 * What a read or write costs per cell it moves, in virtual MICROseconds, on top of its call's cost
 * (ARCHITECTURE.md, "Cost per size"). Estimates, not measurements of Google:
 * - sheetWritePerCell: one published figure, a single `setValues` of 4,000 cells followed by
 *   `SpreadsheetApp.flush()` took ~610 ms (Stack Overflow, "What is faster: ScriptDb or
 *   SpreadsheetApp?", 2013: "a single write of a 4000-cell spreadsheet took less than 50ms, and
 *   adding a call to flush() increased that to 610ms"); minus the per-call costs above
 *   (50 + 30 ms) that is ~130 µs per committed cell. Assumption: a write is committed by the end of
 *   the execution anyway, so every written cell pays it.
 * - sheetReadPerCell: no published per-cell figure found; estimate (unverified) of 5 µs, i.e. a
 *   100,000 × 30 table read whole costs 15 s, a 100,000-row column 0.5 s.
 * - sheetSearchPerCell: TextFinder and getNextDataCell scan on Google's side and move only what
 *   they find; estimate (unverified) of 0.2 µs per cell scanned (20 ms per 100,000 cells).
 */
export const CELL_COSTS_US = {
  sheetReadPerCell: 5,
  sheetWritePerCell: 130,
  sheetSearchPerCell: 0.2,
} as const;

/** How much a sheet call moves (cells read or written) and scans on Google's side. */
export interface CallVolume {
  /** Cells whose content crosses to or from the script. */
  cells?: number;
  /** Cells searched on Google's side without being moved (TextFinder, getNextDataCell). */
  scanned?: number;
}

/** The kinds of round trip; `sheetRead` is priced cached or uncached by the runtime itself. */
export type CostKind = keyof typeof COSTS | 'sheetRead';

/** Execution time limits, in virtual ms, and Google's message when one is exceeded. */
export const LIMITS = {
  executionMs: 6 * 60 * 1000,
  simpleTriggerMs: 30 * 1000,
  exceededMessage: 'Exceeded maximum execution time',
} as const;

/** One counted round trip. */
export interface CallRecord {
  service: string;
  method: string;
  kind: CostKind;
  ms: number;
  /** Cells moved by this call (read or written), 0 for calls that move none. */
  cells: number;
}

/** What one execution (one `google.script.run` call, trigger or menu click) cost. */
export interface ExecutionStats {
  name: string;
  calls: number;
  ms: number;
  reads: number;
  writes: number;
  /** Cells moved by sheet reads and writes, and scanned by searches (see CELL_COSTS_US). */
  cells: { read: number; written: number; scanned: number };
  byMethod: Record<string, number>;
  log: CallRecord[];
}

/** The kinds of execution Google distinguishes for time limits. */
export type ExecutionKind = 'normal' | 'simpleTrigger';

/** An error as Google's services throw it: `Exception: <message>`. */
export class GoogleException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** A fault that a test injects: the next matching call(s) throw `error` instead of running. */
export interface FaultRule {
  /** `Service.method`, `Service.*` or `*`. */
  match: string;
  error: () => Error;
  /** How many matching calls fail; Infinity for all. */
  times: number;
}

/**
 * Virtual wall clock, epoch milliseconds. Starts at a fixed instant so runs are reproducible.
 * Per-cell costs advance it by fractions of a millisecond: it keeps them, and shows whole ms.
 */
export class VirtualClock {
  constructor(private nowMs: number = Date.UTC(2026, 8, 1, 8, 0, 0)) {}
  now(): number {
    return Math.floor(this.nowMs);
  }
  advance(ms: number): void {
    if (ms < 0 || !Number.isFinite(ms)) throw new RangeError(`cannot advance the clock by ${ms}`);
    this.nowMs += ms;
  }
  set(nowMs: number): void {
    this.nowMs = nowMs;
  }
}

interface ActiveExecution {
  stats: ExecutionStats;
  kind: ExecutionKind;
  startedAt: number;
  sheetCacheWarm: boolean;
}

/**
 * Shared state of one emulated Google account/project: the clock, the active execution's
 * counters and the injected faults. Services receive it at construction.
 */
export class Runtime {
  readonly clock: VirtualClock;
  private active: ActiveExecution | null = null;
  private faults: FaultRule[] = [];
  /** Stats of every finished execution, oldest first. */
  readonly history: ExecutionStats[] = [];
  /** Calls made outside any execution (test set-up); counted so nothing is free by accident. */
  readonly outside: ExecutionStats = emptyStats('(outside)');

  constructor(clock: VirtualClock = new VirtualClock()) {
    this.clock = clock;
  }

  /** Starts an execution: charges the cold start and opens fresh counters. */
  beginExecution(name: string, kind: ExecutionKind = 'normal', coldStart = true): void {
    if (this.active) throw new Error(`emulator: execution "${this.active.stats.name}" is still running`);
    this.active = { stats: emptyStats(name), kind, startedAt: this.clock.now(), sheetCacheWarm: false };
    if (coldStart) this.chargeMs('ScriptApp', '(cold start)', 'coldStart', COSTS.coldStart, false);
  }

  /** Ends the active execution and returns its stats. */
  endExecution(): ExecutionStats {
    const active = this.active;
    if (!active) throw new Error('emulator: no execution is running');
    this.active = null;
    this.history.push(active.stats);
    return active.stats;
  }

  /** The stats of the running execution (or of calls outside any execution). */
  current(): ExecutionStats {
    return this.active ? this.active.stats : this.outside;
  }

  get inExecution(): boolean {
    return this.active !== null;
  }

  /**
   * Counts one round trip of `service.method`, advances the clock by its cost and enforces the
   * execution time limit. Injected faults fire here, before the call has any effect. A sheet
   * read or write also pays for the cells it moves and scans (`volume`, see CELL_COSTS_US).
   */
  charge(service: string, method: string, kind: CostKind, volume: CallVolume = {}): void {
    this.fireFault(service, method);
    let ms: number;
    const cells = volume.cells ?? 0;
    const scanned = volume.scanned ?? 0;
    if (cells < 0 || scanned < 0 || !Number.isFinite(cells) || !Number.isFinite(scanned)) {
      throw new RangeError(`emulator: bad call volume for ${service}.${method}`);
    }
    if (kind === 'sheetRead') {
      const warm = this.active ? this.active.sheetCacheWarm : false;
      ms = warm ? COSTS.sheetReadCached : COSTS.sheetReadUncached;
      if (this.active) this.active.sheetCacheWarm = true;
      ms += (cells * CELL_COSTS_US.sheetReadPerCell + scanned * CELL_COSTS_US.sheetSearchPerCell) / 1000;
    } else {
      ms = COSTS[kind];
      if (this.active && (kind === 'sheetWrite' || kind === 'flush')) this.active.sheetCacheWarm = false;
      if (kind === 'sheetWrite') ms += (cells * CELL_COSTS_US.sheetWritePerCell) / 1000;
      else if (cells > 0 || scanned > 0) {
        throw new Error(`emulator: ${service}.${method} (${kind}) cannot move cells`);
      }
    }
    const stats = this.current();
    if (kind === 'sheetRead') stats.cells.read += cells;
    if (kind === 'sheetWrite') stats.cells.written += cells;
    stats.cells.scanned += scanned;
    // A 'local' call is resolved inside Apps Script (builders, formatting): logged, not a round trip.
    this.chargeMs(service, method, kind, roundMs(ms), kind !== 'local', cells);
  }

  /** Advances the virtual clock inside the execution (Utilities.sleep, lock waits) with limit checks. */
  sleep(ms: number): void {
    this.clock.advance(ms);
    if (this.active) this.active.stats.ms = roundMs(this.active.stats.ms + ms);
    this.checkLimit();
  }

  /** Virtual instant at which the active execution began (the clock's now outside one). */
  executionStartedAt(): number {
    return this.active ? this.active.startedAt : this.clock.now();
  }

  /** Milliseconds left before the active execution hits its limit (Infinity outside one). */
  remainingMs(): number {
    if (!this.active) return Number.POSITIVE_INFINITY;
    const limit = this.active.kind === 'simpleTrigger' ? LIMITS.simpleTriggerMs : LIMITS.executionMs;
    return limit - (this.clock.now() - this.active.startedAt);
  }

  /** Makes the next `times` calls matching `match` throw `error()`. */
  injectFault(match: string, error: () => Error, times = 1): void {
    this.faults.push({ match, error, times });
  }

  clearFaults(): void {
    this.faults = [];
  }

  private fireFault(service: string, method: string): void {
    const key = `${service}.${method}`;
    const rule = this.faults.find(
      (f) => f.times > 0 && (f.match === '*' || f.match === key || f.match === `${service}.*`),
    );
    if (!rule) return;
    rule.times -= 1;
    if (rule.times <= 0) this.faults = this.faults.filter((f) => f !== rule);
    throw rule.error();
  }

  private chargeMs(
    service: string,
    method: string,
    kind: CostKind,
    ms: number,
    counted: boolean,
    cells = 0,
  ): void {
    const stats = this.current();
    const key = `${service}.${method}`;
    if (counted) {
      stats.calls += 1;
      stats.byMethod[key] = (stats.byMethod[key] ?? 0) + 1;
      if (kind === 'sheetRead') stats.reads += 1;
      if (kind === 'sheetWrite') stats.writes += 1;
    }
    stats.ms = roundMs(stats.ms + ms);
    stats.log.push({ service, method, kind, ms, cells });
    this.clock.advance(ms);
    this.checkLimit();
  }

  private checkLimit(): void {
    if (this.active && this.remainingMs() < 0) {
      throw new GoogleException(LIMITS.exceededMessage);
    }
  }
}

function emptyStats(name: string): ExecutionStats {
  return {
    name,
    calls: 0,
    ms: 0,
    reads: 0,
    writes: 0,
    cells: { read: 0, written: 0, scanned: 0 },
    byMethod: {},
    log: [],
  };
}

/** Milliseconds kept to the microsecond, so that sums of per-cell costs stay exact enough to read. */
function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
