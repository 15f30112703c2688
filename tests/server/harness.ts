/**
 * Test harness for server code: the built dist/Code.js in a runner over a fresh emulator.
 * Setting up a workbook (and loading the demo) takes seconds, so each is made once for every
 * test file and kept on disk (tests/cached-workbook.ts); each test restores its own copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator, type EmulatorOptions, type EmulatorSnapshot } from '../../local/emulator/emulator';
import type { ExecutionStats } from '../../local/emulator/runtime';
import { type CallOutcome, Runner } from '../../local/runner/runner';
import { cachedText } from '../cached-workbook';

export const DIST = join(__dirname, '..', '..', 'dist');

export interface Harness {
  emulator: Emulator;
  runner: Runner;
  /** Calls an API function like google.script.run and returns its RpcResult and stats. */
  api<T = unknown>(fn: string, ...args: unknown[]): { result: RpcAnswer<T>; stats: ExecutionStats };
  ss: ReturnType<Emulator['spreadsheetApp']['getActiveSpreadsheet']>;
}

export type RpcAnswer<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: { code: string; message: string; fields?: { field: string; code: string; message: string }[] };
    };

export function newHarness(options: EmulatorOptions = {}, snapshot?: EmulatorSnapshot): Harness {
  const htmlFiles = { Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8') };
  const emulator = snapshot
    ? Emulator.fromSnapshot(snapshot, { ...options, htmlFiles })
    : new Emulator({ ...options, htmlFiles });
  const runner = new Runner({ bundlePath: join(DIST, 'Code.js'), host: emulator });
  return {
    emulator,
    runner,
    ss: emulator.spreadsheetApp.getActiveSpreadsheet(),
    api<T>(fn: string, ...args: unknown[]) {
      const outcome: CallOutcome = runner.call(fn, ...args);
      if (!outcome.ok) throw new Error(`${fn} failed in the runner: ${outcome.error}`);
      return { result: outcome.value as RpcAnswer<T>, stats: outcome.stats };
    },
  };
}

let setUp: string | null = null;
let demo: string | null = null;

/** The set-up workbook's snapshot as JSON, made once (see tests/cached-workbook.ts). */
function setUpSnapshot(): string {
  setUp ??= cachedText('setup', '', () => {
    const h = newHarness();
    const { result } = h.api('setupWorkbook');
    if (!result.ok) throw new Error(`setup failed: ${result.error.message}`);
    return JSON.stringify(h.emulator.snapshot());
  });
  return setUp;
}

/**
 * A harness on the set-up workbook with the demo loaded (`loadDemoData` once, cached like the
 * set-up workbook). Tests of the loading itself call `loadDemoData` on their own harness.
 */
export function demoHarness(): Harness {
  demo ??= cachedText('demo', '', () => {
    const h = setUpHarness();
    const { result } = h.api('loadDemoData');
    if (!result.ok) throw new Error(`loadDemoData failed: ${result.error.message}`);
    return JSON.stringify(h.emulator.snapshot());
  });
  return newHarness({}, JSON.parse(demo) as EmulatorSnapshot);
}

/** A harness on a workbook that setup has already built (made once, see {@link setUpSnapshot}). */
export function setUpHarness(): Harness {
  return newHarness({}, JSON.parse(setUpSnapshot()) as EmulatorSnapshot);
}

/** Display values of a whole sheet (uncharged), rows × columns of its used range. */
export function sheetDisplay(h: Harness, sheetName: string): string[][] {
  const wb = h.emulator.spreadsheetApp._workbook();
  const sheet = wb.state.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: string[][] = [];
  for (let r = 1; r <= wb.lastRow(sheet); r += 1) {
    const row: string[] = [];
    for (let c = 1; c <= wb.lastColumn(sheet); c += 1) row.push(wb.displayValue(sheet.id, r, c));
    rows.push(row);
  }
  return rows;
}

/** Types `value` into a setting of « Paramètres du lieu » (uncharged: outside any execution). */
export function setSetting(h: Harness, key: string, value: string | boolean): void {
  const sheet = h.ss.getSheetByName('Paramètres du lieu');
  if (!sheet) throw new Error('no settings sheet');
  const keys = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  const row = keys.indexOf(key) + 1;
  if (row < 1) throw new Error(`no setting ${key}`);
  sheet.getRange(row, 3).setValue(value);
}

/** Runs the next executions as `email` (Session's active and effective user). */
export function actAs(h: Harness, email: string): void {
  h.emulator.session._configure({ activeUserEmail: email, effectiveUserEmail: email });
}
