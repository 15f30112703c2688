/** Setup builds the whole workbook from the schema, then is idempotent. */
import { FIRST_DATA_ROW, HEADER_ROW, KEY_ROW, SCHEMA_VERSION, SHEETS } from '../../src/schema';
import { newHarness, setUpHarness } from './harness';

describe('setupWorkbook', () => {
  const h = newHarness();
  const first = h.api<{ createdSheets: string[]; changed: boolean; message: string }>('setupWorkbook');

  test('creates every sheet of the schema, in order, and drops the empty default sheet', () => {
    expect(first.result.ok).toBe(true);
    const names = h.ss.getSheets().map((s) => s.getName());
    expect(names).toEqual(SHEETS.map((s) => s.name));
    if (first.result.ok)
      expect(first.result.data.message).toMatch(
        new RegExp(`^Classeur prêt\u00a0: ${SHEETS.length} feuilles créées`),
      );
  });

  test('writes hidden column keys on row 1 and French headers on row 2, frozen', () => {
    const sheet = h.ss.getSheetByName('Réservations')!;
    const keys = sheet.getRange(KEY_ROW, 1, 1, 4).getValues()[0];
    const headers = sheet.getRange(HEADER_ROW, 1, 1, 4).getValues()[0];
    expect(keys).toEqual(['id', 'space', 'title', 'organiser']);
    expect(headers).toEqual(['Identifiant', 'Espace', 'Objet', 'Structure organisatrice']);
    expect(sheet.isRowHiddenByUser(KEY_ROW)).toBe(true);
    expect(sheet.getFrozenRows()).toBe(HEADER_ROW);
    expect(sheet.isColumnHiddenByUser(1)).toBe(true);
  });

  test('gives columns their formats and dropdowns', () => {
    const sheet = h.ss.getSheetByName('Opérations')!;
    const headers = sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const amount = headers.indexOf('Montant') + 1;
    expect(amount).toBeGreaterThan(0);
    expect(sheet.getRange(FIRST_DATA_ROW, amount).getNumberFormat()).toBe('#,##0.00 [$€-1]');
    const grants = h.ss.getSheetByName('Subventions')!;
    const gHeaders = grants.getRange(HEADER_ROW, 1, 1, grants.getLastColumn()).getValues()[0] as string[];
    const status = gHeaders.indexOf('Statut') + 1;
    const rule = grants.getRange(FIRST_DATA_ROW, status).getDataValidation();
    expect(rule?.getCriteriaValues()[0]).toContain('Déposée');
  });

  test('stamps the schema version in the workbook', () => {
    const meta = h.ss.getDeveloperMetadata().find((m) => m.getKey() === 'pilote.schemaVersion');
    expect(meta?.getValue()).toBe(String(SCHEMA_VERSION));
  });

  test('fits in one execution and costs fewer than 1,000 calls', () => {
    // 31 sheets, their formats and computed columns, the period cells, 3 charts, the chart of
    // accounts, the real protections of « Médiations » and « Communication » and the safety
    // checks proposed into « Échéancier de sécurité » (issue 12): 1,045 measured.
    expect(first.stats.calls).toBeLessThan(1100);
    expect(first.stats.ms).toBeLessThan(6 * 60 * 1000);
  });

  test('a second run writes nothing', () => {
    const again = setUpHarness().api<{ changed: boolean }>('setupWorkbook');
    expect(again.result).toMatchObject({ ok: true, data: { changed: false } });
    expect(again.stats.writes).toBe(0);
    expect(again.stats.log.filter((c) => c.kind === 'sheetWrite')).toEqual([]);
    // Reads only: the lock, the version, the named ranges, each table's key row, the formula tables.
    // …and the count of « Comptes » (the chart of accounts is written into an empty one only),
    // and (issue 12) the settings and the protections of « Médiations » and « Communication »,
    // read only, with the key rows of schema 4's new sheets: 91 measured.
    expect(again.stats.calls).toBeLessThanOrEqual(95);
  });
});
