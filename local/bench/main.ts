/**
 * `npm run bench`: service calls, cells moved and modelled milliseconds per operation, on the
 * built dist/Code.js in the emulator (cost model of DESIGN.md, per-cell costs of runtime.ts).
 * Each operation runs on a fresh copy of a set-up workbook, at 10, 10,000 and 100,000 bookings
 * where size could matter. Prints its own wall time and the seeding time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator, type EmulatorSnapshot } from '../emulator/emulator';
import { CELL_COSTS_US, type ExecutionStats } from '../emulator/runtime';
import { seedBookings, seedLabels } from '../fixtures';
import { Runner } from '../runner/runner';
import { MIME } from '../emulator/services/drive/store';

const DIST = join(__dirname, '..', '..', 'dist');
const htmlFiles = { Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8') };

interface Row {
  operation: string;
  rows: number | '';
  calls: number;
  reads: number;
  writes: number;
  cellsRead: number;
  cellsWritten: number;
  ms: number;
}

function open(snapshot?: EmulatorSnapshot): { emulator: Emulator; runner: Runner } {
  const emulator = snapshot ? Emulator.fromSnapshot(snapshot, { htmlFiles }) : new Emulator({ htmlFiles });
  return { emulator, runner: new Runner({ bundlePath: join(DIST, 'Code.js'), host: emulator }) };
}

function measure(operation: string, rows: number | '', stats: ExecutionStats | null | undefined): Row {
  if (!stats) throw new Error(`${operation}: no stats`);
  return {
    operation,
    rows,
    calls: stats.calls,
    reads: stats.reads,
    writes: stats.writes,
    cellsRead: stats.cells.read,
    cellsWritten: stats.cells.written,
    ms: stats.ms,
  };
}

function call(runner: Runner, fn: string, ...args: unknown[]): ExecutionStats {
  const outcome = runner.call(fn, ...args);
  if (!outcome.ok) throw new Error(`${fn}: ${outcome.error}`);
  const value = outcome.value as { ok: boolean; error?: { message: string } };
  if (!value.ok) throw new Error(`${fn}: ${value.error?.message}`);
  return outcome.stats;
}

const booking = (n: number) => ({
  sheet: 'bookings',
  values: {
    space: 'Grande salle',
    title: `Atelier ${n}`,
    startDate: '29/03/2026',
    startTime: '14h30',
    status: 'Confirmée',
    price: '45,00',
  },
  requestId: `bench-${String(n).padStart(8, '0')}`,
});

/**
 * Documents (issue 11): a meeting's minutes, first made (folders and default template included),
 * regenerated with 3 and 200 decisions (table rows), then from a user's template of 5 and of 200
 * placeholders. Column « rows » is the number of repeated rows, or of placeholders for the last two.
 */
function documentRows(setUp: EmulatorSnapshot): Row[] {
  const { emulator, runner } = open(setUp);
  const meeting = (n: number, decisions: number): string => {
    const outcome = runner.call('saveRecord', {
      sheet: 'meetings',
      values: {
        title: `Réunion ${n}`,
        type: 'Conseil d’administration',
        date: '2026-03-12',
        decisions: Array.from({ length: decisions }, (_, i) => `Décision ${i + 1}`).join('\n'),
      },
      requestId: `bench-meeting-${String(n).padStart(6, '0')}`,
    });
    const value = outcome.ok ? (outcome.value as { ok: boolean; data?: { id: string } }) : null;
    if (!value?.ok || !value.data) throw new Error('bench: meeting not saved');
    return value.data.id;
  };
  const make = (id: string) => call(runner, 'makeDocument', { type: 'meetingMinutes', subject: id });
  const rows: Row[] = [];
  const first = meeting(1, 3);
  rows.push(measure('Document : première production (dossiers, modèle)', 3, make(first)));
  rows.push(measure('Document : nouvelle production, même document', 3, make(first)));
  rows.push(measure('Document : production, tableau de 200 lignes', 200, make(meeting(2, 200))));
  const settingsRow = (key: string): number => {
    const sheet = emulator.spreadsheetApp
      ._workbook()
      .state.sheets.find((x) => x.name === 'Paramètres du lieu');
    if (!sheet) throw new Error('bench: no settings sheet');
    const wb = emulator.spreadsheetApp._workbook();
    for (let r = 1; r <= wb.lastRow(sheet); r += 1) if (wb.displayValue(sheet.id, r, 1) === key) return r;
    throw new Error(`bench: no setting ${key}`);
  };
  for (const [n, placeholders] of [
    [3, 5],
    [4, 200],
  ] as const) {
    const item = emulator.drive.add(`Modèle ${placeholders}`, MIME.GOOGLE_DOCS, emulator.drive.rootId);
    emulator.documentApp._userEdits(item.id, (c) => {
      c.body.children = Array.from({ length: placeholders }, (_, i) => ({
        type: 'PARAGRAPH' as const,
        heading: 'NORMAL',
        alignment: null,
        runs: [{ text: `${i + 1}. {{titre}}`, attrs: {} }],
      }));
    });
    emulator.spreadsheetApp._userEdit(
      'Paramètres du lieu',
      `C${settingsRow('templateMeetingMinutes')}`,
      item.id,
    );
    rows.push(
      measure(
        `Document : modèle de l’utilisateur, ${placeholders} champs`,
        placeholders,
        make(meeting(n, 3)),
      ),
    );
  }
  return rows;
}

function main(): void {
  const started = Date.now();
  const seeding: string[] = [];
  const results: Row[] = [];
  const fresh = open();
  const install = call(fresh.runner, 'setupWorkbook');
  results.push(measure('Installation du classeur (vide)', '', install));
  const setUp = fresh.emulator.snapshot();
  results.push(
    measure('Mise à jour du classeur (déjà à jour)', '', call(open(setUp).runner, 'setupWorkbook')),
  );
  results.push(measure('Chargement des données d’exemple', '', call(open(setUp).runner, 'loadDemoData')));
  if (process.env.BENCH_ONLY === 'documents') {
    // `BENCH_ONLY=documents npm run bench`: the documents rows only (no 100,000-booking seeding).
    printTable([...results, ...documentRows(setUp)]);
    return;
  }

  for (const size of [10, 10_000, 100_000]) {
    const { emulator, runner } = open(setUp);
    const seedStart = Date.now();
    seedBookings(emulator, size);
    seeding.push(`${size} : ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    seedLabels(emulator, 'spaces', ['Grande salle']); // a booking's space must exist
    const menu = runner.run('openSidebar').stats;
    results.push(measure('Ouverture de la barre latérale : menu', size, menu));
    results.push(
      measure('Ouverture de la barre latérale : chargement', size, call(runner, 'getSidebarBootstrap')),
    );
    results.push(measure('Création d’une réservation', size, call(runner, 'saveRecord', booking(1))));
    results.push(
      measure(
        'Modification d’une réservation',
        size,
        call(runner, 'saveRecord', {
          sheet: 'bookings',
          id: 'RES-0002',
          values: { title: 'Renommée' },
          requestId: 'bench-update-0001',
        }),
      ),
    );
    results.push(measure('Double envoi (même requête)', size, call(runner, 'saveRecord', booking(1))));
    // Listing reads the whole table (3.5 million cells at 100,000): measured up to 10,000.
    if (size <= 10_000) {
      results.push(measure('Liste des réservations', size, call(runner, 'listRecords', 'bookings')));
    }
  }
  results.push(...documentRows(setUp));
  printTable(results);
  const formulaWrites = install.byMethod['Range.setFormulas'] ?? 0;
  const formulaCells = fresh.emulator.spreadsheetApp
    .getActiveSpreadsheet()
    .getSheets()
    .reduce((n, sheet) => {
      const range = sheet.getDataRange();
      return n + range.getFormulas().reduce((k, row) => k + row.filter((f) => f !== '').length, 0);
    }, 0);
  process.stdout.write(
    `\nToutes les formules du classeur (installation) : ${formulaWrites} appels Range.setFormulas ` +
      `(un par colonne calculée, un pour le tableau de bord) pour ${formulaCells} cellules à formule.\n`,
  );
  process.stdout.write(
    `Coûts par cellule (estimations, voir ARCHITECTURE.md) : lecture ${CELL_COSTS_US.sheetReadPerCell} µs, ` +
      `écriture ${CELL_COSTS_US.sheetWritePerCell} µs, recherche ${CELL_COSTS_US.sheetSearchPerCell} µs.\n` +
      `Remplissage des réservations (hors mesure) : ${seeding.join(', ')}.\n` +
      `Durée réelle du banc : ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
}

function printTable(rows: Row[]): void {
  const header = [
    'opération',
    'lignes',
    'appels',
    'lectures',
    'écritures',
    'cellules lues',
    'cellules écrites',
    'ms modélisées',
  ];
  const body = rows.map((r) => [
    r.operation,
    String(r.rows),
    String(r.calls),
    String(r.reads),
    String(r.writes),
    String(r.cellsRead),
    String(r.cellsWritten),
    r.ms.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  process.stdout.write(
    `${line(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|\n`,
  );
  for (const b of body) process.stdout.write(`${line(b)}\n`);
}

main();
