/**
 * The persisted local workbook shared by the playground, the CLI and the bench: an emulator
 * restored from `.local/state.json` (git-ignored) and a runner over the built dist/Code.js.
 * A new workspace is set up the way a coordinator's first open would: onOpen, then setup.
 *
 * One source of truth: the file. Every process that changes the workbook (the playground
 * serving its page, each `npm run local -- call …`) does it inside {@link Workspace.transaction}:
 * it takes `.local/state.lock` (created exclusively, holding the owner's pid), reloads the
 * workbook if another process saved it since (the file's inode, size and mtime differ from
 * those of the last load or save), runs, saves (write to a temporary file, then rename, so a
 * reader never sees half a file) and releases the lock. A lock left by a dead process is taken
 * over. So a CLI write while `npm start` runs shows in the page and is never overwritten.
 * While a playground runs it also writes `playground.json` (pid, port) next to the state: the
 * CLI then sends its command to it over HTTP instead of opening the workbook itself (one process
 * owns the state, and a CLI call costs no reload of the page's workbook).
 *
 * The clock: the user's own workbook (`.local/`, i.e. `npm start` and `npm run local -- …` with
 * no `PILOTE_LOCAL_DIR`) follows real time: a new workbook starts at the real instant (so the
 * demo is loaded « seen from » today) and, before each step, the virtual clock is moved forward
 * to the real instant with the TriggerClock, firing the time-driven triggers that fell due
 * meanwhile (at most the last {@link CATCH_UP_MS}: a workbook left closed for a week does not
 * replay a week of triggers). It never goes back: executions' modelled costs may carry it a
 * little ahead of real time. Every other workbook (tests: a temporary `dir`) keeps the fixed
 * clock of the emulator (1 September 2026, 10:00 Paris) unless `realTime` says otherwise;
 * `PILOTE_CLOCK=real|fixed` overrides both.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { Emulator, type EmulatorSnapshot } from './emulator/emulator';
import { Runner } from './runner/runner';
import { TriggerClock, type TriggerRun } from './runner/triggers';

export const ROOT = resolve(__dirname, '..');

/** The folder of the local workbook: `PILOTE_LOCAL_DIR` if set (tests), else `.local/`. */
export function defaultDir(): string {
  return process.env.PILOTE_LOCAL_DIR ? resolve(process.env.PILOTE_LOCAL_DIR) : join(ROOT, '.local');
}

export interface WorkspaceOptions {
  /** Folder holding state.json; default {@link defaultDir}. */
  dir?: string;
  distDir?: string;
  echoLogs?: boolean;
  /** How long to wait for another process's lock before giving up (ms); default 120 s (opening the demo workbook takes ~20 s on a loaded machine). */
  lockTimeoutMs?: number;
  /**
   * The virtual clock follows real time (see the header). Default: true for the user's own
   * workbook (no `dir`, no `PILOTE_LOCAL_DIR`), false otherwise; `PILOTE_CLOCK` overrides.
   */
  realTime?: boolean;
  /** The real clock (tests of real time): epoch ms; default `Date.now`. */
  now?: () => number;
  /** How far back missed triggers are replayed (ms); default {@link CATCH_UP_MS}. */
  catchUpMs?: number;
}

/** How far back a real-time workbook replays, by default, the time-driven triggers it missed (24 h). */
export const CATCH_UP_MS = 24 * 3_600_000;

/** Whether a workspace opened with `options` follows real time. */
export function followsRealTime(options: WorkspaceOptions = {}, env = process.env): boolean {
  if (env.PILOTE_CLOCK === 'real') return true;
  if (env.PILOTE_CLOCK === 'fixed') return false;
  return options.realTime ?? (options.dir === undefined && !env.PILOTE_LOCAL_DIR);
}

export interface Workspace {
  /** The emulator of the current state (a new one after a reload: read it each time). */
  readonly emulator: Emulator;
  /** The runner over the current emulator (a new one after a reload). */
  readonly runner: Runner;
  readonly distDir: string;
  readonly statePath: string;
  /** The folder of state.json (and of state.lock, playground.json). */
  readonly dir: string;
  /** True when this open created the workbook. */
  readonly created: boolean;
  /** Writes the workbook to the file now (callers outside a transaction hold no lock: prefer transaction). */
  save(): void;
  /**
   * Runs `work` on the latest saved workbook under the file lock and saves after it, also when
   * it throws. Nested calls run inside the outer one.
   */
  transaction<T>(work: () => T): T;
  /** Reloads the workbook if another process saved it since (under the lock); true if it did. */
  sync(): boolean;
  /** True when the virtual clock follows real time. */
  readonly realTime: boolean;
  /**
   * Real time only: moves the clock to the real instant, firing the triggers due meanwhile, and
   * saves when one ran (the playground calls it as time passes). Returns the runs; none with a
   * fixed clock.
   */
  tick(): TriggerRun[];
  /** Every time-driven trigger run this workspace fired, oldest first. */
  readonly triggerRuns: TriggerRun[];
}

/** Identity of one saved version of the file: a save renames a new file over it. */
function stampOf(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock file (exclusive create); returns its release. */
export function acquireLock(lockPath: string, timeoutMs = 120_000): () => void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(lockPath, 'utf8'));
    } catch {
      continue; // released between our create and our read: try again
    }
    // A lock whose pid is written and dead was left by a crash: take it over. (An empty file is
    // a lock being written right now.)
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`classeur local occupé : ${lockPath} est tenu par le processus ${owner}`);
    sleepSync(20);
  }
}

/** Opens the local workbook, creating and setting it up on first use. */
export function openWorkspace(options: WorkspaceOptions = {}): Workspace {
  const dir = options.dir ?? defaultDir();
  const distDir = options.distDir ?? join(ROOT, 'dist');
  const statePath = join(dir, 'state.json');
  const lockPath = join(dir, 'state.lock');
  const bundlePath = join(distDir, 'Code.js');
  if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run \`npm run build\` first`);
  const files = { Sidebar: readFileSync(join(distDir, 'Sidebar.html'), 'utf8') };
  mkdirSync(dir, { recursive: true });

  let emulator: Emulator;
  let runner: Runner;
  let stamp: string | null = null;
  let depth = 0;
  const realTime = followsRealTime(options);
  const now = options.now ?? Date.now;
  const triggerRuns: TriggerRun[] = [];

  const attach = (next: Emulator) => {
    emulator = next;
    runner = new Runner({ bundlePath, host: emulator, echoLogs: options.echoLogs });
  };
  const save = () => {
    const temporary = `${statePath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(emulator.snapshot()));
    renameSync(temporary, statePath);
    stamp = stampOf(statePath);
  };
  /** The saved workbook, or a new one set up as a first open does (no file yet, or a reset). */
  const load = (): boolean => {
    if (existsSync(statePath)) {
      const text = readFileSync(statePath, 'utf8');
      stamp = stampOf(statePath);
      attach(Emulator.fromSnapshot(JSON.parse(text) as EmulatorSnapshot, { htmlFiles: files }));
      return false;
    }
    attach(new Emulator({ htmlFiles: files, ...(realTime ? { startAt: now() } : {}) }));
    runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
    const names = runner.functionNames();
    if (names.includes('setupWorkbook')) runner.run('setupWorkbook');
    if (names.includes('loadDemoData')) runner.run('loadDemoData');
    save();
    return true;
  };
  const locked = <T>(work: () => T): T => {
    if (depth > 0) return work();
    const release = acquireLock(lockPath, options.lockTimeoutMs);
    depth += 1;
    try {
      return work();
    } finally {
      depth -= 1;
      release();
    }
  };
  const syncLocked = (): boolean => {
    if (stampOf(statePath) === stamp) return false;
    load();
    return true;
  };
  /** Real time: the clock catches up with the real instant, firing what fell due (under the lock). */
  const follow = (): TriggerRun[] => {
    if (!realTime) return [];
    const clock = emulator.runtime.clock;
    const target = now();
    if (target <= clock.now()) return [];
    const catchUp = options.catchUpMs ?? CATCH_UP_MS;
    if (target - clock.now() > catchUp) clock.set(target - catchUp);
    const runs = new TriggerClock(emulator, runner).advance(target - clock.now());
    for (const run of runs) {
      triggerRuns.push(run);
      if (options.echoLogs)
        process.stdout.write(
          `déclencheur ${run.handler} (${new Date(run.at).toISOString()}) : ${run.ok ? 'ok' : run.error}\n`,
        );
    }
    return runs;
  };

  const created = locked(() => {
    const fresh = load();
    // Opening the document runs onOpen (a new workbook ran it while being set up).
    if (!fresh) {
      if (follow().length > 0) save();
      runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
    }
    return fresh;
  });

  return {
    get emulator() {
      return emulator;
    },
    get runner() {
      return runner;
    },
    distDir,
    statePath,
    dir,
    created,
    save,
    transaction: <T>(work: () => T): T =>
      locked(() => {
        syncLocked();
        follow();
        try {
          return work();
        } finally {
          save();
        }
      }),
    sync: () => locked(syncLocked),
    realTime,
    tick: () =>
      locked(() => {
        syncLocked();
        const runs = follow();
        if (runs.length > 0) save();
        return runs;
      }),
    triggerRuns,
  };
}

/** Deletes the local workbook (under its lock: a running playground recreates it at its next step). */
export function resetWorkspace(dir = defaultDir()): void {
  mkdirSync(dir, { recursive: true });
  const release = acquireLock(join(dir, 'state.lock'));
  try {
    rmSync(join(dir, 'state.json'), { force: true });
  } finally {
    release();
  }
}

/** Where a running playground says it listens. */
export const playgroundFile = (dir = defaultDir()) => join(dir, 'playground.json');

export interface RunningPlayground {
  pid: number;
  port: number;
}

/** The playground serving the workbook of `dir`, if one runs (its file names a live pid). */
export function runningPlayground(dir = defaultDir()): RunningPlayground | null {
  try {
    const info = JSON.parse(readFileSync(playgroundFile(dir), 'utf8')) as RunningPlayground;
    return Number.isInteger(info.pid) && Number.isInteger(info.port) && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}
