/**
 * Migration from a previous schema version: a workbook that users have lived in (their rows,
 * their own column, a moved column, a renamed header) is brought to the current schema with
 * every original cell intact, and Pilote keeps writing to the right columns.
 */
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  renderConditionalFormula,
  requireSheet,
  SCHEMA_VERSION,
  SHEETS,
} from '../../src/schema';
import type { ConditionalRuleState } from '../../local/emulator/spreadsheet/model';
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
    // Budget lines' actual and volunteer hours' value, over their whole pre-filled block; the
    // register's next due (EDATE since schema 4); the bookings' duration and occurrences (schema 5).
    expect(new Set(rewritten.map(([address]) => address.split('!')[0]))).toEqual(
      new Set(['Budget prévisionnel', 'Heures de bénévolat', 'Registre de sécurité', 'Réservations']),
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

/** The 14 rules schema 2 wrote with PILOTE_TODAY, verbatim (rendered against the schema's layout). */
const SCHEMA_2_RULES: Record<string, Record<string, string>> = {
  structures: {
    agreementExpired: '=AND($O3<>"", $O3<PILOTE_TODAY)',
    agreementEndingSoon: '=AND($O3<>"", $O3>=PILOTE_TODAY, $O3<=PILOTE_TODAY+60)',
  },
  actions: {
    late: '=AND($J3<>"", $J3<PILOTE_TODAY, OR($K3="En cours", $K3="En préparation"))',
  },
  events: {
    attendanceMissing: '=AND($C3<>"", $C3<PILOTE_TODAY, $K3="")',
  },
  communication: {
    overdue: '=AND($G3<>"", $G3<PILOTE_TODAY, $H3<>"Publiée", $H3<>"Annulée")',
  },
  grants: {
    deadlineSoon:
      '=AND($J3<>"", $J3>=PILOTE_TODAY, $J3<=PILOTE_TODAY+30, OR($I3="À étudier", $I3="En préparation"))',
    deadlineMissed: '=AND($J3<>"", $J3<PILOTE_TODAY, OR($I3="À étudier", $I3="En préparation"))',
    reportOverdue: '=AND($Q3<>"", $Q3<PILOTE_TODAY, $I3<>"Soldée", $I3<>"Refusée")',
    financialReportSoon: '=AND($Z3<>"", $Z3>=PILOTE_TODAY, $Z3<=PILOTE_TODAY+30)',
    financialReportLate: '=AND($Z3<>"", $Z3<PILOTE_TODAY)',
  },
  safetyChecks: {
    overdue: '=AND($Q3<>"", $Q3<PILOTE_TODAY)',
    dueSoon: '=AND($Q3<>"", $Q3>=PILOTE_TODAY, $Q3<=PILOTE_TODAY+30)',
  },
  maintenance: {
    late: '=AND($J3<>"", $J3<PILOTE_TODAY, $H3<>"Terminée", $H3<>"Abandonnée")',
  },
  openingRota: {
    today: '=$B3=PILOTE_TODAY',
  },
};

describe('migrating a workbook of schema 2: date rules that read PILOTE_TODAY', () => {
  const h = newHarness();
  withAppsScriptGlobals(h, () => applySchema(new WorkbookSession(), SHEETS, 2));
  const wb = h.emulator.spreadsheetApp._workbook();
  const rulesOf = (sheetKey: string): ConditionalRuleState[] => {
    const sheet = wb.state.sheets.find((s) => s.name === requireSheet(sheetKey).name);
    if (!sheet) throw new Error(`no sheet ${sheetKey}`);
    return sheet.conditionalRules;
  };
  const formulasOf = (sheetKey: string): string[] =>
    rulesOf(sheetKey).map((r) => r.condition.values[0] ?? '');
  const indexOf = (sheetKey: string, ruleKey: string): number =>
    (requireSheet(sheetKey).conditionalFormats ?? []).findIndex((f) => f.key === ruleKey);

  // The workbook as schema 2 left it, written straight into the emulator (the emulator now
  // refuses these formulas, as Sheets does): each date rule with its PILOTE_TODAY text.
  const pilote = new Map<ConditionalRuleState, string>();
  for (const [sheetKey, rules] of Object.entries(SCHEMA_2_RULES)) {
    for (const [ruleKey, formula] of Object.entries(rules)) {
      const rule = rulesOf(sheetKey)[indexOf(sheetKey, ruleKey)];
      rule.condition.values = [formula];
      pilote.set(rule, ruleKey);
    }
  }
  // What users did meanwhile: a rule of their own between Pilote's on « Subventions », one at
  // the end of « Maintenance », a Pilote rule they retouched (same colours, still on
  // PILOTE_TODAY), and one that Google dropped (named ranges in rules): « Permanences » has none.
  const grantsUserRule: ConditionalRuleState = {
    condition: { type: 'CUSTOM_FORMULA', values: ['=$I3="Refusée"'] },
    format: { background: '#eeeeee' },
    ranges: [{ row: FIRST_DATA_ROW, col: 9, numRows: 100, numCols: 1 }],
  };
  rulesOf('grants').splice(2, 0, grantsUserRule);
  const emptyRule: ConditionalRuleState = {
    condition: { type: 'CELL_EMPTY', values: [] },
    format: { background: '#fff2cc' },
    ranges: [{ row: FIRST_DATA_ROW, col: 2, numRows: 100, numCols: 1 }],
  };
  rulesOf('maintenance').push(emptyRule);
  rulesOf('safetyChecks')[indexOf('safetyChecks', 'dueSoon')].condition.values = [
    '=AND($Q3<>"", $Q3>=PILOTE_TODAY, $Q3<=PILOTE_TODAY+45)',
  ];
  const rota = rulesOf('openingRota');
  rota.splice(0, rota.length);

  // What each sheet must hold after: Pilote's rules rewritten where they stood, users' as they were.
  const shown = (r: ConditionalRuleState): string => r.condition.values[0] ?? r.condition.type;
  const expected = new Map(
    Object.keys(SCHEMA_2_RULES).map((sheetKey) => {
      const def = requireSheet(sheetKey);
      const rendered = (ruleKey: string) =>
        renderConditionalFormula(def, def.conditionalFormats!.find((f) => f.key === ruleKey)!);
      const list = rulesOf(sheetKey).map((r) => (pilote.has(r) ? rendered(pilote.get(r)!) : shown(r)));
      // The rule Google dropped comes back, after the others.
      // The rule Google dropped comes back, then schema 4's rule for a shift with nobody.
      if (sheetKey === 'openingRota') list.push(rendered('today'), rendered('unstaffed'));
      return [sheetKey, list] as const;
    }),
  );

  const { result, stats } = h.api<{ changed: boolean }>('setupWorkbook');

  test('the migration runs, with one rules read and one rules write per sheet it changes', () => {
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    // The sheets whose date rules change, and « Réservations », which gets schema 3's « conflict » rule.
    const sheets = Object.keys(SCHEMA_2_RULES).length + 1;
    expect(stats.byMethod['Sheet.getConditionalFormatRules']).toBe(sheets);
    expect(stats.byMethod['Sheet.setConditionalFormatRules']).toBe(sheets);
  });

  test('no rule of the workbook reads PILOTE_TODAY, another sheet or a named range any more', () => {
    for (const sheet of wb.state.sheets) {
      for (const rule of sheet.conditionalRules) {
        expect({ sheet: sheet.name, formula: rule.condition.values[0] ?? '' }).not.toEqual({
          sheet: sheet.name,
          formula: expect.stringMatching(/PILOTE_|!/),
        });
      }
    }
  });

  test("each old rule is replaced by the new one where it stood; users' rules stay, in their order", () => {
    for (const sheetKey of Object.keys(SCHEMA_2_RULES)) {
      expect({ sheetKey, after: rulesOf(sheetKey).map(shown) }).toEqual({
        sheetKey,
        after: expected.get(sheetKey),
      });
    }
    expect(rulesOf('grants')[2]).toEqual(grantsUserRule);
    expect(rulesOf('maintenance').at(-1)).toEqual(emptyRule);
    expect(formulasOf('safetyChecks')[indexOf('safetyChecks', 'dueSoon')]).toMatch(/<=TODAY\(\)\+30\)$/);
    expect(formulasOf('grants').filter((f) => /TODAY\(\)/.test(f))).toHaveLength(5);
    expect(expected.get('openingRota')).toEqual(['=$B3=TODAY()', '=AND($B3<>"", $F3="")']);
  });

  test('the new rules paint: a grant whose deadline passed is red again', () => {
    h.emulator.runtime.clock.set(Date.UTC(2026, 5, 10, 8));
    const grants = requireSheet('grants');
    const app = h.emulator.spreadsheetApp;
    app._userEdit(grants.name, `J${FIRST_DATA_ROW}`, '09/06/2026');
    app._userEdit(grants.name, `I${FIRST_DATA_ROW}`, 'À étudier');
    const missed = grants.conditionalFormats!.find((f) => f.key === 'deadlineMissed')!;
    // Index 2 is the user's rule: Pilote's deadlineMissed stayed at 1.
    expect(app._formatAt(grants.name, `J${FIRST_DATA_ROW}`)).toMatchObject({
      background: missed.background,
      ruleIndex: 1,
    });
  });

  test('the workbook is at the current schema and a second setup makes no write', () => {
    const meta = h.ss.getDeveloperMetadata().find((m) => m.getKey() === 'pilote.schemaVersion');
    expect(meta?.getValue()).toBe(String(SCHEMA_VERSION));
    expect(SCHEMA_VERSION).toBe(5);
    const again = h.api('setupWorkbook');
    expect(again.stats.writes).toBe(0);
    expect(again.stats.byMethod['Sheet.getConditionalFormatRules'] ?? 0).toBe(0);
  });
});
