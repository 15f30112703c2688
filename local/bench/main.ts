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
import { FIRST_DATA_ROW, KEY_ROW } from '../../src/schema';
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
        runs: [{ text: `${i + 1}. {{reunion.titre}}`, attrs: {} }],
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
  if (process.env.BENCH_ONLY === 'sync') {
    // `BENCH_ONLY=sync npm run bench`: the calendar sync rows only (no 100,000-booking seeding).
    const sync = calendarSyncRows(setUp);
    printTable([...results, ...sync.rows]);
    process.stdout.write(`\n${sync.note}\n`);
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
  const sync = calendarSyncRows(setUp);
  results.push(...sync.rows);
  printTable(results);
  process.stdout.write(`\n${sync.note}\n`);
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

/** 2,000 confirmed one-hour bookings of « Grande halle », one a day from 01/01/2026 (as tests/server/calendar-sync-scale.test.ts). */
function seedScheduledBookings(emulator: Emulator, count: number): void {
  seedBookings(emulator, count);
  seedLabels(emulator, 'spaces', ['Grande halle']);
  const sheet = emulator.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const put = (key: string, value: (i: number) => string | number) =>
    sheet
      .getRange(FIRST_DATA_ROW, keys.indexOf(key) + 1, count, 1)
      .setValues(Array.from({ length: count }, (_, i) => [value(i)]));
  put('space', () => "'Grande halle");
  put('status', () => "'Confirmée");
  put('startDate', (i) => 46023 + i);
  put('startTime', () => 10 / 24);
  put('endTime', () => 11 / 24);
}

const CALENDAR_WRITES = new Set([
  'Events.insert',
  'Events.update',
  'Events.patch',
  'Events.remove',
  'Calendars.insert',
]);

/**
 * The calendar sync on 2,000 bookings (issue 10): the initial sync (runs until complete, each
 * under the 6-minute limit), 20 bookings changed, nothing changed; and beside them the peer way
 * (every event rewritten each run), measured by forgetting the content hashes before a run.
 */
function calendarSyncRows(setUp: EmulatorSnapshot): { rows: Row[]; note: string } {
  const count = 2000;
  const { emulator, runner } = open(setUp);
  seedScheduledBookings(emulator, count);
  const run = () => {
    const stats = call(runner, 'syncBookingCalendars');
    const writes = stats.log.filter((c) => CALENDAR_WRITES.has(c.method)).length;
    const lists = stats.log.filter((c) => c.method === 'Events.list').length;
    return { stats, writes, lists };
  };
  const rows: Row[] = [];
  const initial: ReturnType<typeof run>[] = [];
  for (let k = 0; k < 12; k += 1) {
    const r = run();
    initial.push(r);
    if (r.writes === 0) break;
  }
  initial.pop(); // the last run found nothing left to send
  initial.forEach((r, k) => {
    rows.push(measure(`Synchronisation initiale, passage ${k + 1}`, count, r.stats));
  });
  const sheet = emulator.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Réservations');
  if (!sheet) throw new Error('no bookings');
  const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  for (let k = 0; k < 20; k += 1)
    sheet.getRange(FIRST_DATA_ROW + k * 97, keys.indexOf('title') + 1).setValue(`'Renommée ${k}`);
  const changed = run();
  rows.push(measure('Synchronisation, 20 réservations modifiées', count, changed.stats));
  const unchanged = run();
  rows.push(measure('Synchronisation sans changement', count, unchanged.stats));
  // The peer way: every event rewritten on every run (no content hash).
  sheet
    .getRange(FIRST_DATA_ROW, keys.indexOf('syncHash') + 1, count, 1)
    .setValues(Array.from({ length: count }, () => ['']));
  let peerMs = 0;
  let peerWrites = 0;
  let peerRuns = 0;
  for (let k = 0; k < 12; k += 1) {
    const r = run();
    if (r.writes === 0) break;
    peerMs += r.stats.ms;
    peerWrites += r.writes;
    peerRuns += 1;
  }
  const note =
    `Synchronisation des agendas (2 000 réservations) : initiale en ${initial.length} passages ` +
    `(${initial.map((r) => r.writes).join(' + ')} écritures d’agenda, chaque passage < 6 min) ; ` +
    `20 modifiées : ${changed.writes} écritures + ${changed.lists} page de liste, ${(changed.stats.ms / 1000).toFixed(1)} s ; ` +
    `sans changement : ${unchanged.writes} écriture, ${(unchanged.stats.ms / 1000).toFixed(1)} s.\n` +
    `À la manière des scripts pairs (tout réécrire à chaque passage) : ${peerWrites} écritures en ${peerRuns} passages, ` +
    `${(peerMs / 1000).toFixed(1)} s, soit ×${(peerWrites / Math.max(1, changed.writes)).toFixed(0)} écritures et ` +
    `×${(peerMs / changed.stats.ms).toFixed(0)} en temps par rapport à Pilote pour 20 modifications.`;
  return { rows, note };
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
