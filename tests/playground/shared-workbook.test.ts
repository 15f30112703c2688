/**
 * One source of truth for the local workbook (issue 13): bookings created with
 * `npm run local -- call saveRecord …` while the playground serves its page, and bookings the
 * page creates at the same moment, all land in the saved workbook and in the page's view.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorSnapshot } from '../../local/emulator/emulator';
import { startPlayground } from '../../local/playground/server';
import { acquireLock, openWorkspace, ROOT, type Workspace } from '../../local/workspace';

/** Each booking on a day of its own (no two overlap in the demo's meeting room). */
let day = 0;
const booking = (title: string, requestId: string) => {
  day += 1;
  const date = new Date(Date.UTC(2027, 0, day));
  const startDate = `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/2027`;
  return {
    sheet: 'bookings',
    id: null,
    requestId,
    values: { space: 'Salle des Tisserands', title, startDate, startTime: '14h30', status: 'Confirmée' },
  };
};

/** `npm run local -- call saveRecord <json>` on the workbook of `dir`, as a separate process. */
function cliSave(dir: string, title: string, requestId: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'local/cli/main.ts',
        'call',
        'saveRecord',
        JSON.stringify(booking(title, requestId)),
      ],
      { cwd: ROOT, env: { ...process.env, PILOTE_LOCAL_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The booking titles of a workbook's « Réservations » sheet. */
function titles(workspace: Workspace): string[] {
  const wb = workspace.emulator.spreadsheetApp._workbook();
  const sheet = wb.state.sheets.find((s) => s.name === 'Réservations');
  if (!sheet) throw new Error('no Réservations sheet');
  let col = -1;
  for (let c = 1; c <= wb.lastColumn(sheet); c += 1) if (wb.jsValue(sheet.id, 1, c) === 'title') col = c;
  const out: string[] = [];
  for (let r = 3; r <= wb.lastRow(sheet); r += 1) out.push(String(wb.jsValue(sheet.id, r, col)));
  return out.filter((t) => t !== '');
}

let dir: string;
/** A copy of the new workbook that no playground serves: the CLI falls back to the file lock. */
let bare: string;
let workspace: Workspace;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pilote-shared-'));
  workspace = openWorkspace({ dir });
  bare = mkdtempSync(join(tmpdir(), 'pilote-bare-'));
  copyFileSync(join(dir, 'state.json'), join(bare, 'state.json'));
  server = await startPlayground(workspace, 0);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('playground did not listen');
  url = `http://127.0.0.1:${address.port}`;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function pageSave(title: string, requestId: string): Promise<{ ok: boolean }> {
  const res = await fetch(`${url}/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fn: 'saveRecord', args: [booking(title, requestId)] }),
  });
  return (await res.json()) as { ok: boolean };
}

test('three CLI saves and page saves at the same time: every booking is kept, in the file and in the page', async () => {
  const before = titles(workspace).length;
  const cli = ['CLI 1', 'CLI 2', 'CLI 3'].map((t, k) => cliSave(dir, `Atelier ${t}`, `shared-cli-${k}`));
  let cliDone = false;
  const allCli = Promise.all(cli).then((r) => {
    cliDone = true;
    return r;
  });
  // The page keeps saving while the CLI processes start, load and write.
  const pageTitles: string[] = [];
  for (let k = 0; !cliDone || k < 3; k += 1) {
    const title = `Atelier page ${k + 1}`;
    const answer = await pageSave(title, `shared-page-${k}`);
    expect(answer).toMatchObject({ ok: true });
    pageTitles.push(title);
    await new Promise((r) => setTimeout(r, 150));
  }
  const results = await allCli;
  for (const r of results) expect(r).toMatchObject({ code: 0 });
  // Each went through the running playground, not through a copy of the file.
  for (const r of results)
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      value: { ok: true },
      via: expect.stringMatching(/^playground /),
    });
  // One more page save after the last CLI write: it must not overwrite the CLI's bookings.
  expect(await pageSave('Atelier page final', 'shared-page-final')).toMatchObject({ ok: true });
  pageTitles.push('Atelier page final');

  const expected = [...pageTitles, 'Atelier CLI 1', 'Atelier CLI 2', 'Atelier CLI 3'].sort();
  // The page's view (GET /state reloads what another process saved).
  const view = (await (await fetch(`${url}/state`)).json()) as {
    sheets: { name: string; rows: string[][] }[];
  };
  const shown = view.sheets.find((s) => s.name === 'Réservations')?.rows.flat() ?? [];
  for (const t of expected) expect(shown).toContain(t);
  // The saved file, opened as a new process would.
  const saved = openWorkspace({ dir });
  const inFile = titles(saved).filter((t) => t.startsWith('Atelier CLI') || t.startsWith('Atelier page'));
  expect(inFile.sort()).toEqual(expected);
  expect(titles(saved).length).toBe(before + expected.length);
  // The file is whole JSON (saves are renamed into place) and no lock is left behind.
  expect(() => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as EmulatorSnapshot).not.toThrow();
  expect(() => readFileSync(join(dir, 'state.lock'))).toThrow();
}, 240_000);

test('no playground: two CLI processes and a third writer on the file lose nothing (lock, reload)', async () => {
  const writer = openWorkspace({ dir: bare });
  const before = titles(writer).length;
  let done = false;
  const cli = Promise.all([
    cliSave(bare, 'Atelier fichier CLI 1', 'bare-cli-1'),
    cliSave(bare, 'Atelier fichier CLI 2', 'bare-cli-2'),
  ]).then((r) => {
    done = true;
    return r;
  });
  const mine: string[] = [];
  for (let k = 0; !done || k < 2; k += 1) {
    const title = `Atelier fichier local ${k + 1}`;
    const outcome = writer.transaction(() =>
      writer.runner.call('saveRecord', booking(title, `bare-local-${k}`)),
    );
    expect(outcome).toMatchObject({ ok: true, value: { ok: true } });
    mine.push(title);
    await new Promise((r) => setTimeout(r, 500));
  }
  const results = await cli;
  for (const r of results) expect(r).toMatchObject({ code: 0 });
  for (const r of results) expect(JSON.parse(r.out).via).toBeUndefined();
  const expected = [...mine, 'Atelier fichier CLI 1', 'Atelier fichier CLI 2'].sort();
  const saved = openWorkspace({ dir: bare });
  expect(
    titles(saved)
      .filter((t) => t.startsWith('Atelier fichier'))
      .sort(),
  ).toEqual(expected);
  expect(titles(saved).length).toBe(before + expected.length);
  // The writer that held the workbook in memory sees the CLI's bookings after a sync.
  writer.sync();
  expect(titles(writer).length).toBe(before + expected.length);
}, 300_000);

test('a lock left by a dead process is taken over; a live one makes the CLI wait', () => {
  const lock = join(dir, 'other.lock');
  writeFileSync(lock, '999999999');
  const release = acquireLock(lock, 500);
  expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
  // Held by a live process (us): a second taker gives up with a French error after its wait.
  expect(() => acquireLock(lock, 100)).toThrow(/classeur local occupé/);
  release();
  expect(() => readFileSync(lock)).toThrow();
});
