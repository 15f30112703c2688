/**
 * The CLI's file commands (`npm run local -- export|import …`) over the local workbook:
 *   export xlsx <file>           the whole workbook, formulas with their values, as .xlsx
 *   import xlsx <file>           replaces the local workbook by an .xlsx (from Google Sheets or export xlsx)
 *   export ics <space> <file>    a space's bookings as an iCalendar file
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Emulator } from '../emulator/emulator';
import { runningPlayground, type Workspace } from '../workspace';
import { exportBookingsIcs } from './ics-export';
import { exportXlsx } from './xlsx-export';
import { importXlsx } from './xlsx-import';

export const FILE_COMMANDS_USAGE = 'export xlsx <file> | import xlsx <file> | export ics <space> <file>';

/** Replaces the emulator's active spreadsheet by the file's, keeping its id, name, locale and
 * time zone (the script's container; XLSX carries neither locale nor zone). Nothing changes
 * when the file cannot be read. */
export async function importIntoEmulator(emulator: Emulator, buffer: Buffer) {
  const app = emulator.spreadsheetApp;
  const current = app._workbook().state;
  const { state, report } = await importXlsx(buffer, current);
  const snapshot = app._snapshot();
  snapshot.spreadsheets = snapshot.spreadsheets.map((s) => (s.id === current.id ? state : s));
  app._restore(snapshot);
  return report;
}

/** Runs one file command; prints JSON like the other commands; returns the exit code. */
export async function runFileCommand(
  command: string,
  args: string[],
  open: () => Workspace,
  print: (value: unknown) => void,
): Promise<number> {
  const [kind, ...rest] = args;
  if (command === 'export' && kind === 'xlsx' && rest.length === 1) {
    const file = resolve(rest[0]);
    const { buffer, report } = await exportXlsx(open().emulator.spreadsheetApp._workbook());
    writeFileSync(file, buffer);
    print({ ok: true, file, bytes: buffer.length, ...report });
    return 0;
  }
  if (command === 'import' && kind === 'xlsx' && rest.length === 1) {
    // The running playground holds the workbook in memory and would save its copy over the import.
    const running = runningPlayground();
    if (running)
      throw new Error(
        `Un terrain de jeu tourne (npm start, pid ${running.pid}) : arrêtez-le avant d’importer un classeur, puis relancez-le.`,
      );
    const file = resolve(rest[0]);
    const buffer = readFileSync(file);
    const workspace = open();
    const report = await importIntoEmulator(workspace.emulator, buffer);
    workspace.save();
    print({ ok: true, file, workbook: workspace.statePath, ...report });
    return 0;
  }
  if (command === 'export' && kind === 'ics' && rest.length === 2) {
    const [space, target] = rest;
    const file = resolve(target);
    const { text, report } = exportBookingsIcs(open().emulator.spreadsheetApp._workbook(), space);
    writeFileSync(file, text);
    print({ ok: true, file, ...report });
    return 0;
  }
  process.stderr.write(`usage: npm run local -- ${FILE_COMMANDS_USAGE}\n`);
  return 2;
}
