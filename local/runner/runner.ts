/**
 * Runs the shipped bundle (dist/Code.js) as Apps Script does: each execution evaluates the whole
 * file in a fresh global scope (globals do not survive between executions), with the emulated
 * services as globals, a `Date` that follows the virtual clock, and the runtime counting calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { AUTH_MODES, type AuthModeName, type AuthPolicy, manifestScopes } from '../emulator/auth-mode';
import type { ExecutionKind, ExecutionStats, Runtime } from '../emulator/runtime';
import { APPS_SCRIPT_SCOPES, type ScopeTable } from '../emulator/scopes';
import { Membrane } from './membrane';

/** What a runner needs from the emulator. */
export interface EmulatorHost {
  readonly runtime: Runtime;
  /**
   * The Apps Script globals (SpreadsheetApp, Session, …) for one execution; the manifest decides
   * which advanced services (e.g. `Calendar`) are among them.
   */
  globals(manifest?: Manifest): Record<string, unknown>;
  /**
   * Called around each execution (locks held by an execution are released at its end); the
   * auth mode tells services what a limited execution sees (e.g. an empty e-mail).
   */
  beginExecution(name: string, kind: ExecutionKind, authMode?: AuthModeName): void;
  endExecution(name: string): void;
  /** Scopes per method of every emulated class (default: the Apps Script services' table). */
  readonly scopeTable?: ScopeTable;
}

/** What the runner reads from appsscript.json. */
export interface Manifest {
  timeZone?: string;
  /** Explicit scopes: every call needs one of its method's scopes in this list. */
  oauthScopes?: string[];
  /** `enabledAdvancedServices`: the advanced services the script may use. */
  dependencies?: {
    enabledAdvancedServices?: { userSymbol?: string; serviceId?: string; version?: string }[];
  };
}

export interface RunnerOptions {
  /** Path of the bundle; read once. */
  bundlePath: string;
  host: EmulatorHost;
  /** Print the script's console output to stderr as well as recording it. */
  echoLogs?: boolean;
  /**
   * The manifest executions run with, instead of the `appsscript.json` next to the bundle
   * (tests use a copy with a scope removed).
   */
  manifest?: Manifest;
}

/** How `run` executes a trigger or menu function. */
export interface RunOptions {
  /**
   * `ScriptApp.AuthMode` of the execution, also set as the event's `authMode`. Default: the
   * event's own `authMode` if it has one, else LIMITED for a simple trigger (FULL for
   * `onInstall`) and FULL otherwise.
   */
  authMode?: AuthModeName;
}

/** A line the script logged through console or Logger. */
export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  text: string;
}

/** The outcome of `call`: as google.script.run's success or failure handler would see it. */
export type CallOutcome =
  | { ok: true; value: unknown; stats: ExecutionStats }
  | { ok: false; error: string; stats: ExecutionStats | null };

/** Google's text when a google.script.run argument holds a forbidden type (as reported by users). */
export const ILLEGAL_ARGUMENT = (path: string) => `Failed due to illegal value in property: ${path}`;

/**
 * One compiled script per bundle text in this process: V8 then shares the compiled functions
 * between the executions' contexts (each execution still runs the whole file in a fresh global,
 * as Apps Script does), so a new Runner over the same dist/Code.js costs no second parse.
 */
const compiled = new Map<string, { code: string; script: vm.Script }>();

function compiledBundle(path: string): vm.Script {
  const code = readFileSync(path, 'utf8');
  const known = compiled.get(path);
  if (known && known.code === code) return known.script;
  const script = new vm.Script(code, { filename: 'Code.gs' });
  compiled.set(path, { code, script });
  return script;
}

export class Runner {
  private readonly script: vm.Script;
  readonly logs: LogLine[] = [];
  /** The stats of the last execution. */
  lastStats: ExecutionStats | null = null;

  /** The manifest's explicit scopes (null: none listed, Google infers them from the code). */
  readonly grantedScopes: ReadonlySet<string> | null;
  private readonly manifest: Manifest;

  constructor(private readonly options: RunnerOptions) {
    this.script = compiledBundle(options.bundlePath);
    const manifestPath = join(dirname(options.bundlePath), 'appsscript.json');
    const manifest: Manifest =
      options.manifest ??
      (existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : {});
    this.manifest = manifest;
    this.grantedScopes = manifestScopes(manifest);
    // Apps Script runs the script in the manifest's time zone: Date's local methods follow it.
    process.env.TZ = manifest.timeZone ?? 'Europe/Paris';
  }

  /** The global function names the bundle declares, as the Apps Script editor lists them. */
  functionNames(): string[] {
    const context = this.newContext('FULL').context;
    return Object.keys(context).filter((k) => typeof context[k] === 'function' && !BUILTIN_GLOBALS.has(k));
  }

  /**
   * Calls `fn` as `google.script.run.fn(...args)` does: arguments and result are copied as JSON-like
   * values; a Date or function anywhere in the arguments fails the request; a result holding one
   * reaches the success handler as `null` (what Google does).
   */
  call(fn: string, ...args: unknown[]): CallOutcome {
    for (let i = 0; i < args.length; i += 1) {
      const bad = findIllegal(args[i], String(i));
      if (bad !== null) return { ok: false, error: ILLEGAL_ARGUMENT(bad), stats: null };
    }
    const json = JSON.stringify(args);
    try {
      const { value, stats } = this.execute(
        fn,
        'normal',
        'FULL',
        (ctx) => vm.runInContext(`JSON.parse(${JSON.stringify(json)})`, ctx) as unknown[],
      );
      const result = findIllegal(value, 'result') === null ? cloneJson(value) : null;
      return { ok: true, value: result, stats };
    } catch (e) {
      return {
        ok: false,
        error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        stats: this.lastStats,
      };
    }
  }

  /**
   * Runs a trigger or menu function with an event object (no JSON rules); throws what it throws.
   * The event's `authMode` is the execution's (see {@link RunOptions}).
   */
  run(
    fn: string,
    event?: unknown,
    kind: ExecutionKind = 'normal',
    options: RunOptions = {},
  ): { value: unknown; stats: ExecutionStats } {
    const own = (event as { authMode?: unknown } | undefined)?.authMode;
    if (own !== undefined && !AUTH_MODES.includes(own as AuthModeName)) {
      throw new Error(`emulator: authMode ${String(own)} is not one of ${AUTH_MODES.join(', ')}`);
    }
    // onInstall runs in FULL (editor-auth-lifecycle: "onInstall() runs in AuthMode.FULL").
    const simpleDefault = kind === 'simpleTrigger' && fn !== 'onInstall' ? 'LIMITED' : 'FULL';
    const authMode = options.authMode ?? (own as AuthModeName | undefined) ?? simpleDefault;
    const withMode = event !== null && typeof event === 'object' ? { ...(event as object), authMode } : event;
    return this.execute(fn, kind, authMode, (_ctx, membrane) =>
      withMode === undefined ? [] : [membrane.toScript(withMode)],
    );
  }

  private execute(
    fn: string,
    kind: ExecutionKind,
    authMode: AuthModeName,
    makeArgs: (ctx: vm.Context, membrane: Membrane) => unknown[],
  ): { value: unknown; stats: ExecutionStats } {
    const { host } = this.options;
    host.beginExecution(fn, kind, authMode);
    let stats: ExecutionStats | null = null;
    try {
      const { context, membrane } = this.newContext(authMode);
      const target = context[fn];
      if (typeof target !== 'function') {
        throw new Error(`Script function not found: ${fn}`);
      }
      const value = (target as (...a: unknown[]) => unknown)(...makeArgs(context, membrane));
      return { value, stats: host.runtime.current() };
    } finally {
      host.endExecution(fn);
      stats = host.runtime.history[host.runtime.history.length - 1] ?? null;
      this.lastStats = stats;
    }
  }

  private newContext(authMode: AuthModeName): { context: vm.Context; membrane: Membrane } {
    const { host } = this.options;
    const policy: AuthPolicy = {
      grantedScopes: this.grantedScopes,
      authMode,
      table: host.scopeTable ?? APPS_SCRIPT_SCOPES,
    };
    const context = vm.createContext({});
    const now = () => host.runtime.clock.now();
    const installDate = vm.runInContext(
      `(function (now) {
        const RealDate = Date;
        class VirtualDate extends RealDate {
          constructor(...args) { if (args.length === 0) super(now()); else super(...args); }
          static now() { return now(); }
        }
        globalThis.Date = VirtualDate;
      })`,
      context,
    ) as (now: () => number) => void;
    installDate(now);
    // After the Date swap, so that dates the membrane builds are instances of the script's Date.
    const membrane = new Membrane(context, policy);
    const record =
      (level: LogLine['level']) =>
      (...parts: unknown[]) => {
        const text = parts.map((p) => (typeof p === 'string' ? p : safeJson(p))).join(' ');
        this.logs.push({ level, text });
        if (this.options.echoLogs) process.stderr.write(`[${level}] ${text}\n`);
      };
    context.console = {
      log: record('log'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    };
    context.Logger = { log: record('log') };
    for (const [name, service] of Object.entries(host.globals(this.manifest)))
      context[name] = membrane.toScript(service);
    this.script.runInContext(context);
    return { context, membrane };
  }
}

/** Globals the runner itself installs (the virtual-clock Date is assigned, hence enumerable). */
const BUILTIN_GLOBALS = new Set(['console', 'Logger', 'Date']);

/** The path of the first Date, function or other non-JSON value inside `v`, or null. */
function findIllegal(v: unknown, path: string, seen = new Set<unknown>()): string | null {
  if (v === null || v === undefined) return null;
  const type = typeof v;
  if (type === 'string' || type === 'number' || type === 'boolean') return null;
  if (type !== 'object') return path;
  if (Object.prototype.toString.call(v) === '[object Date]') return path;
  if (seen.has(v)) return path;
  seen.add(v);
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as object);
  for (const [k, x] of entries) {
    const bad = findIllegal(x, k, seen);
    if (bad !== null) return bad;
  }
  seen.delete(v);
  return null;
}

function cloneJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

function safeJson(v: unknown): string {
  try {
    return v instanceof Error ? `${v.name}: ${v.message}` : JSON.stringify(v);
  } catch {
    return String(v);
  }
}
