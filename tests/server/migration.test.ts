/**
 * Migration from a previous schema version: a workbook that users have lived in (their rows,
 * their own column, a moved column, a renamed header) is brought to the current schema with
 * every original cell intact, and Pilote keeps writing to the right columns.
 */
import { FIRST_DATA_ROW, HEADER_ROW, requireSheet, SCHEMA_VERSION, SHEETS } from '../../src/schema';
import type { SheetDef } from '../../src/schema/types';
import { WorkbookSession } from '../../src/server/adapters/workbook';
import { applySchema } from '../../src/server/adapters/workbook-setup';
import { seedLabels } from '../../local/fixtures';
import { type Harness, newHarness } from './harness';

/** The schema as version 0 had it: no « Initiatives inspirantes », fewer columns here and there. */
const DROPPED: Record<string, string[]> = {
  bookings: ['visibility', 'paid', 'notes'],
  grants: ['amountDue'],
};
/** Stand-in for a formula a later schema changed (`formulaSince`). */
const OLD_FORMULA = '=0';
const previousSchema: SheetDef[] = SHEETS.filter((s) => s.key !== 'inspirations').map((s) => ({
  ...s,
  columns: s.columns
    .filter((c) => !(DROPPED[s.key] ?? []).includes(c.key))
    .map((c) => (c.formulaSince ? { ...c, formula: () => OLD_FORMULA } : c)),
  conditionalFormats: s.conditionalFormats?.filter((f) => f.since === undefined),
}));

/** Runs src/ code directly against the emulator, as the bundle would (set-up of an old workbook). */
function withAppsScriptGlobals<T>(h: Harness, work: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const globals = h.emulator.globals();
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  try {
    return work();
  } finally {
    for (const [k, v] of saved) g[k] = v;
  }
}

type Cells = Map<string, string>;

/** Every non-empty cell of every sheet: `sheet!R,C` → value or formula (uncharged). */
function allCells(h: Harness): Cells {
  const wb = h.emulator.spreadsheetApp._workbook();
  const cells: Cells = new Map();
  for (const sheet of wb.state.sheets) {
    for (let r = 1; r <= wb.lastRow(sheet); r += 1) {
      for (let c = 1; c <= wb.lastColumn(sheet); c += 1) {
        const formula = wb.formula(sheet.id, r, c);
        const value = formula || String(wb.jsValue(sheet.id, r, c));
        if (value !== '') cells.set(`${sheet.name}!${r},${c}`, value);
      }
    }
  }
  return cells;
}

function headerPosition(h: Harness, sheetName: string, header: string): number {
  const sheet = h.ss.getSheetByName(sheetName)!;
  return (
    (sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf(header) + 1
  );
}

describe('migrating a lived-in workbook of the previous schema version', () => {
  const h = newHarness();
  withAppsScriptGlobals(h, () => applySchema(new WorkbookSession(), previousSchema, 0));
  const app = h.emulator.spreadsheetApp;

  // What users did meanwhile: rows typed by hand, their own column, a moved column, a renamed header.
  const bookings = h.ss.getSheetByName('Réservations')!;
  const typed = [
    ['RES-0001', 'Grande salle', 'Répétition chorale', '', '', '12/01/2026'],
    ['RES-0002', 'Atelier bois', 'Réparer son vélo', '', '', '13/01/2026'],
  ];
  typed.forEach((row, i) => {
    row.forEach((value, c) => {
      if (value) app._userEdit('Réservations', `${String.fromCharCode(65 + c)}${FIRST_DATA_ROW + i}`, value);
    });
  });
  const grants = h.ss.getSheetByName('Subventions')!;
  grants.getRange(FIRST_DATA_ROW, 2, 1, 1).setValue('ignored by the test');
  const titleAt = headerPosition(h, 'Réservations', 'Objet');
  app._userInsertColumn('Réservations', titleAt + 1);
  app._userRenameHeader('Réservations', titleAt + 1, 'Ma note perso', HEADER_ROW);
  app._userEdit('Réservations', `${String.fromCharCode(64 + titleAt + 1)}${FIRST_DATA_ROW}`, 'à rappeler');
  const statusAt = headerPosition(h, 'Réservations', 'Statut');
  app._userMoveColumn('Réservations', statusAt, 2);
  app._userRenameHeader('Réservations', headerPosition(h, 'Réservations', 'Espace'), 'Salle', HEADER_ROW);

  const before = allCells(h);
  const { result, stats } = h.api<{ changed: boolean; addedColumns: number; createdSheets: string[] }>(
    'setupWorkbook',
  );
  const after = allCells(h);

  test('reports what it added', () => {
    expect(result).toMatchObject({
      ok: true,
      data: { changed: true, createdSheets: ['Initiatives inspirantes'], addedColumns: 4 },
    });
    expect(stats.ms).toBeLessThan(6 * 60 * 1000);
  });

  test('every original cell is intact, at the same address (but the formulas a newer schema changed)', () => {
    const changed = [...before].filter(([address, value]) => after.get(address) !== value);
    const rewritten = changed.filter(([, value]) => value === OLD_FORMULA);
    expect(changed.filter(([, value]) => value !== OLD_FORMULA)).toEqual([]);
    // Budget lines' actual and volunteer hours' value, over their whole pre-filled block.
    expect(new Set(rewritten.map(([address]) => address.split('!')[0]))).toEqual(
      new Set(['Budget prévisionnel', 'Heures de bénévolat']),
    );
    expect(before.size).toBeGreaterThan(500);
  });

  test('missing columns are appended after the last used column, with keys and headers', () => {
    const lastBefore = Math.max(
      ...[...before.keys()].filter((a) => a.startsWith('Réservations!')).map((a) => Number(a.split(',')[1])),
    );
    const keys = bookings.getRange(1, lastBefore + 1, 1, 3).getValues()[0];
    expect(keys).toEqual(['visibility', 'paid', 'notes']);
    expect(bookings.getRange(HEADER_ROW, lastBefore + 1).getValue()).toBe('Visibilité');
  });

  test('a computed column added by the migration is filled for existing rows', () => {
    const at = headerPosition(h, 'Subventions', 'Reste à recevoir');
    expect(at).toBeGreaterThan(0);
    expect(grants.getRange(FIRST_DATA_ROW, at).getFormula()).toMatch(/^=/);
  });

  test('a formula a newer schema changed is rewritten over its whole block; newer highlights are added once', () => {
    const budget = requireSheet('budget');
    const actualAt = headerPosition(h, 'Budget prévisionnel', 'Réalisé');
    const sheet = h.ss.getSheetByName('Budget prévisionnel')!;
    const formulas = sheet
      .getRange(FIRST_DATA_ROW, actualAt, 3, 1)
      .getFormulas()
      .map((r) => r[0]);
    const column = budget.columns.find((c) => c.key === 'actual')!;
    expect(column.formulaSince).toBe(2);
    expect(formulas).not.toContain(OLD_FORMULA);
    expect(formulas[0]).toMatch(/Heures de bénévolat/);
    const grants = requireSheet('grants');
    const rules = h.ss.getSheetByName('Subventions')!.getConditionalFormatRules();
    expect(rules).toHaveLength(grants.conditionalFormats?.length ?? 0);
  });

  test('the workbook now carries the current schema version, and a second run writes nothing', () => {
    const meta = h.ss.getDeveloperMetadata().find((m) => m.getKey() === 'pilote.schemaVersion');
    expect(meta?.getValue()).toBe(String(SCHEMA_VERSION));
    const again = h.api('setupWorkbook');
    expect(again.stats.writes).toBe(0);
  });

  test('Pilote then writes each value under its key, whatever users did to the columns', () => {
    seedLabels(h.emulator, 'spaces', ['Jardin']); // references are checked: the space exists
    const { result: saved } = h.api<{ row: number }>('saveRecord', {
      sheet: 'bookings',
      values: {
        space: 'Jardin',
        title: 'Troc de plantes',
        startDate: '18/04/2026',
        status: 'Option',
        paid: 'non',
      },
      requestId: 'migration-0001',
    });
    expect(saved).toMatchObject({ ok: true, data: { id: 'RES-0003', row: FIRST_DATA_ROW + 2 } });
    const row = FIRST_DATA_ROW + 2;
    const at = (header: string) =>
      bookings.getRange(row, headerPosition(h, 'Réservations', header)).getValue();
    expect(at('Salle')).toBe('Jardin');
    expect(at('Statut')).toBe('Option');
    expect(at('Objet')).toBe('Troc de plantes');
    expect(at('Payée')).toBe(false);
    expect(at('Ma note perso')).toBe('');
    expect(headerPosition(h, 'Réservations', 'Statut')).toBe(2);
  });
});
