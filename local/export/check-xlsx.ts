/**
 * `npm run check:xlsx`: LibreOffice as a second engine for the exported workbook (not part of
 * `npm test`: it needs LibreOffice, ~40 s to install, ~10 s to run).
 *
 * Builds the demo workbook in a fresh local workspace (onOpen, setup, demo data), exports it
 * without cached results (every formula must be computed by the reader), converts each sheet
 * to CSV with LibreOffice headless (its own profile, /work/shared/notes/libreoffice-recalc.md),
 * and compares every formula cell with the emulator's value: the dashboard's KPIs one by one,
 * the per-row totals sheet by sheet, then `N égaux, M différents`. Then imports the export (with
 * cached results) into a fresh emulator and compares every table's records (listRecords).
 *
 * Exit code: 0 when all are equal, 1 when some differ, 2 when LibreOffice is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Workbook } from '../emulator/spreadsheet/workbook';
import { Emulator } from '../emulator/emulator';
import { Runner } from '../runner/runner';
import { ROOT } from '../workspace';
import { SHEETS } from '../../src/schema';
import { importIntoEmulator } from './commands';
import { csvNumber, parseCsv, sameValue } from './libre-csv';
import { exportXlsx } from './xlsx-export';

const INSTALL = 'apt-get install -y libreoffice-calc';

function soffice(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 180_000 });
  return {
    ok: r.status === 0 && !r.error,
    out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
  };
}

interface Tally {
  equal: number;
  different: number;
  examples: string[];
}

function compareSheet(
  wb: Workbook,
  sheetName: string,
  csv: string[][],
  tally: Tally,
  rows?: (r: number) => boolean,
) {
  const sheet = wb.sheetByName(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  wb.forEachCell(sheet, (cell, r, c) => {
    if (cell.formula === undefined || (rows && !rows(r))) return;
    const view = wb.view(sheet.id, r, c);
    const libre = csv[r - 1]?.[c - 1] ?? '';
    if (sameValue(view.value, view.error, libre)) tally.equal += 1;
    else {
      tally.different += 1;
      if (tally.examples.length < 8)
        tally.examples.push(
          `${sheetName}!R${r}C${c} ${cell.formula.slice(0, 60)} : émulateur ${JSON.stringify(view.value)}, LibreOffice ${JSON.stringify(libre)}`,
        );
    }
  });
}

async function main(): Promise<number> {
  const version = soffice(['--version']);
  if (!version.ok) {
    process.stdout.write(
      `LibreOffice introuvable (soffice). Installez-le : ${INSTALL} (environ 40 s), puis relancez.\n`,
    );
    return 2;
  }
  process.stdout.write(`${version.out.trim()}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'pilote-check-xlsx-'));
  try {
    const started = Date.now();
    process.stdout.write('Classeur de démonstration (installation + données d’exemple)…\n');
    // LibreOffice's TODAY() is this machine's day: the emulator's virtual clock starts there too,
    // so the figures that count days (grants due, late actions, checks overdue) are comparable.
    const distDir = join(ROOT, 'dist');
    const emulator = new Emulator({
      htmlFiles: { Sidebar: readFileSync(join(distDir, 'Sidebar.html'), 'utf8') },
      startAt: Date.now(),
    });
    const runner = new Runner({ bundlePath: join(distDir, 'Code.js'), host: emulator });
    runner.run('onOpen', { authMode: 'LIMITED' }, 'simpleTrigger');
    runner.run('setupWorkbook');
    runner.run('loadDemoData');
    const wb = emulator.spreadsheetApp._workbook();
    const { buffer, report } = await exportXlsx(wb, { cachedResults: false });
    const file = join(dir, 'pilote-demo.xlsx');
    writeFileSync(file, buffer);
    process.stdout.write(
      `Export sans résultats en cache : ${report.formulas} formules, ${report.sheets} feuilles.\n`,
    );

    const profile = join(dir, 'lo-profile');
    const out = join(dir, 'csv');
    mkdirSync(out);
    const convert = soffice([
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      out,
      file,
    ]);
    const files = readdirSync(out);
    if (!convert.ok || files.length === 0) {
      process.stdout.write(`La conversion LibreOffice a échoué :\n${convert.out}\n`);
      return 1;
    }
    // -1: one file per sheet, `<name>-<sheet>.csv`.
    const csvOf = (sheetName: string): string[][] => {
      const name = files.find((f) => f === `pilote-demo-${sheetName}.csv`);
      if (!name) throw new Error(`LibreOffice n’a pas écrit la feuille ${sheetName} (${files.join(', ')})`);
      return parseCsv(readFileSync(join(out, name), 'utf8'));
    };

    const total: Tally = { equal: 0, different: 0, examples: [] };
    // The dashboard's KPIs: label in A, figure in B.
    const dashboard = wb.state.sheets[0];
    const dashCsv = csvOf(dashboard.name);
    const lines: string[] = [];
    for (let r = 1; r <= wb.lastRow(dashboard); r++) {
      const cell = wb.cell(dashboard, r, 2);
      if (cell?.formula === undefined) continue;
      const view = wb.view(dashboard.id, r, 2);
      const libre = dashCsv[r - 1]?.[1] ?? '';
      const equal = sameValue(view.value, view.error, libre);
      const label = String(wb.view(dashboard.id, r, 1).value ?? '').slice(0, 58);
      const shown = (v: unknown) =>
        typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : String(v ?? '');
      const theirs = Number.isNaN(csvNumber(libre)) ? libre : csvNumber(libre);
      lines.push(
        `${label.padEnd(58)} ${shown(view.value).padStart(12)} ${shown(theirs).padStart(12)}  ${equal ? '=' : '≠'}`,
      );
    }
    process.stdout.write(
      `\n${'Tableau de bord'.padEnd(58)} ${'émulateur'.padStart(12)} ${'LibreOffice'.padStart(12)}\n`,
    );
    process.stdout.write(`${lines.join('\n')}\n\n`);
    const dash: Tally = { equal: 0, different: 0, examples: total.examples };
    compareSheet(wb, dashboard.name, dashCsv, dash);
    process.stdout.write(
      `${'Tableau de bord (toutes ses formules)'.padEnd(40)} ${dash.equal} égales, ${dash.different} différentes\n`,
    );
    total.equal += dash.equal;
    total.different += dash.different;
    // Per-row totals: every formula cell of the other sheets.
    for (const sheet of wb.state.sheets.slice(1)) {
      const t: Tally = { equal: 0, different: 0, examples: total.examples };
      compareSheet(wb, sheet.name, csvOf(sheet.name), t);
      if (t.equal + t.different === 0) continue;
      process.stdout.write(`${sheet.name.padEnd(40)} ${t.equal} égales, ${t.different} différentes\n`);
      total.equal += t.equal;
      total.different += t.different;
    }
    if (total.examples.length)
      process.stdout.write(`\nExemples de différences :\n  ${total.examples.join('\n  ')}\n`);
    // The round trip: the export (with cached results) imported into a fresh emulator gives the
    // same records through the shipped bundle's listRecords, table by table.
    const back = new Emulator({ htmlFiles: { Sidebar: '' }, startAt: Date.now() });
    await importIntoEmulator(back, (await exportXlsx(wb)).buffer);
    const backRunner = new Runner({ bundlePath: join(distDir, 'Code.js'), host: back });
    let same = 0;
    let records = 0;
    const changed: string[] = [];
    for (const def of SHEETS.filter((d) => d.kind === 'table')) {
      const before = runner.call('listRecords', def.key);
      const after = backRunner.call('listRecords', def.key);
      const value = before.ok ? (before.value as { ok: boolean; data?: unknown[] }) : null;
      const theirs = after.ok ? after.value : null;
      if (value?.ok && JSON.stringify(value) === JSON.stringify(theirs)) {
        same += 1;
        records += value.data?.length ?? 0;
      } else changed.push(def.name);
    }
    process.stdout.write(
      `\nRéimport de l’export : ${same} tables identiques (${records} enregistrements), ${changed.length} différentes${changed.length ? ` (${changed.join(', ')})` : ''}\n`,
    );
    process.stdout.write(
      `\n(${Math.round((Date.now() - started) / 1000)} s)\n${total.equal} égaux, ${total.different} différents\n`,
    );
    return total.different === 0 && changed.length === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
