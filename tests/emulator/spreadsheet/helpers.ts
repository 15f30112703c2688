/** Shared set-up for the SpreadsheetApp emulator tests. */
import { GoogleException, Runtime, VirtualClock } from '../../../local/emulator/runtime';
import { EmuSpreadsheetApp, type SpreadsheetAppOptions } from '../../../local/emulator/spreadsheet';

/** A fresh runtime + app (fr_FR, Europe/Paris unless overridden). */
export function setup(options: Partial<SpreadsheetAppOptions> = {}) {
  const runtime = new Runtime(new VirtualClock(Date.UTC(2026, 2, 29, 10, 0, 0)));
  const app = new EmuSpreadsheetApp(runtime, { ui: { kind: 'ui' }, ...options });
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { runtime, app, ss, sheet };
}

/** Asserts that `fn` throws Google's Exception with exactly `message`. */
export function expectGoogleError(fn: () => unknown, message: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(GoogleException);
  expect((caught as Error).message).toBe(message);
}
