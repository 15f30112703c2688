/**
 * Test harness for server code: the built dist/Code.js in a runner over a fresh emulator.
 * Setting up a workbook takes seconds, so a set-up workbook is made once per test file and
 * each test restores its own copy from that snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator, type EmulatorOptions, type EmulatorSnapshot } from '../../local/emulator/emulator';
import type { ExecutionStats } from '../../local/emulator/runtime';
import { type CallOutcome, Runner } from '../../local/runner/runner';

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

let setUp: EmulatorSnapshot | null = null;

/** A harness on a workbook that setup has already built (built once per test file). */
export function setUpHarness(): Harness {
  if (!setUp) {
    const h = newHarness();
    const { result } = h.api('setupWorkbook');
    if (!result.ok) throw new Error(`setup failed: ${result.error.message}`);
    setUp = h.emulator.snapshot();
  }
  return newHarness({}, JSON.parse(JSON.stringify(setUp)) as EmulatorSnapshot);
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
