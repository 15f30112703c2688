/**
 * « Proposer les vérifications »: setup proposes the schedule from the settings (first setup and
 * migration to schema 4); after the settings change, the action adds only the missing checks and
 * never changes a row people edited.
 */
import { SCHEMA_VERSION } from '../../src/schema';
import { type Harness, setSetting, setUpHarness, sheetDisplay } from './harness';

jest.setTimeout(240_000);

const list = (h: Harness) => {
  const { result } = h.api<{ id: string; values: Record<string, unknown> }[]>(
    'listRecords',
    'safetySchedule',
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

/** Types a setting's value in « Paramètres du lieu », as a person would (outside Pilote). */

const journalLines = (h: Harness) => sheetDisplay(h, 'Journal').length;

const DEFAULT_CHECKS = [
  'Installations électriques – vérification périodique',
  'Éclairage de sécurité – essai de fonctionnement',
  'Éclairage de sécurité – contrôle d’autonomie (1 h)',
  'Extincteurs – vérification',
  'Extincteurs – révision',
  'Chauffage, ventilation, climatisation – vérification',
  'Exercice d’évacuation',
];

test('the first setup proposes the checks of the default profile (5th category, no equipment)', () => {
  const h = setUpHarness();
  expect(list(h).map((r) => r.values.checkType)).toEqual(DEFAULT_CHECKS);
});

test('after the settings change, the action adds only the missing checks, once, with one journal line', () => {
  const h = setUpHarness();
  // A person edits a proposed row: Pilote must leave it as it is.
  const electrical = list(h)[0];
  const edit = h.api('saveRecord', {
    sheet: 'safetySchedule',
    id: electrical.id,
    values: { periodicityMonths: 24, notes: 'Contrat de deux ans' },
    requestId: 'edit-sched-0001',
  });
  expect(edit.result.ok).toBe(true);
  setSetting(h, 'hasKitchen', true);
  setSetting(h, 'hasLift', true);
  const before = journalLines(h);
  const { result, stats } = h.api<{ added: number; message: string }>('proposeSafetyCheckList');
  expect(result).toEqual({
    ok: true,
    data: { added: 2, message: '2 vérifications ajoutées à l’échéancier de sécurité.' },
  });
  // One block for the two rows, one journal line.
  expect(stats.byMethod['Range.setValues']).toBe(1);
  expect(stats.byMethod['Sheet.appendRow']).toBe(1);
  expect(journalLines(h)).toBe(before + 1);
  const rows = list(h);
  expect(rows.map((r) => r.values.checkType)).toEqual([
    ...DEFAULT_CHECKS,
    'Appareils de cuisson – vérification',
    'Ascenseurs – vérification',
  ]);
  expect(rows[0].values).toMatchObject({ periodicityMonths: 24, notes: 'Contrat de deux ans' });
  expect(rows[8].values).toMatchObject({
    providerKind: 'Technicien compétent',
    regulation: 'AS 9 ; PE 4 §2',
    toVerify: true,
  });

  const again = h.api<{ added: number; message: string }>('proposeSafetyCheckList');
  expect(again.result).toMatchObject({ ok: true, data: { added: 0 } });
  expect(again.result.ok && again.result.data.message).toMatch(/^Aucune vérification à ajouter/);
  expect(again.stats.byMethod['Range.setValues'] ?? 0).toBe(0);
  expect(again.stats.byMethod['Sheet.appendRow'] ?? 0).toBe(0);
  expect(list(h)).toHaveLength(9);
});

test('a row deleted by hand comes back; a row whose installation was typed counts as its own check', () => {
  const h = setUpHarness();
  const drill = list(h).find((r) => r.values.checkType === 'Exercice d’évacuation');
  const sheet = h.ss.getSheetByName('Échéancier de sécurité');
  if (!sheet || !drill) throw new Error('no schedule');
  // The person types an installation on the drill row: it is now « drill of the east wing ».
  const edit = h.api('saveRecord', {
    sheet: 'safetySchedule',
    id: drill.id,
    values: { installation: 'Aile est' },
    requestId: 'edit-sched-0002',
  });
  expect(edit.result.ok).toBe(true);
  const { result } = h.api<{ added: number }>('proposeSafetyCheckList');
  expect(result).toMatchObject({ ok: true, data: { added: 1 } });
  const drills = list(h).filter((r) => r.values.checkType === 'Exercice d’évacuation');
  expect(drills.map((r) => r.values.installation)).toEqual(['Aile est', null]);
});

test('the migration to schema 4 proposes the schedule of a workbook whose schedule is empty', () => {
  const h = setUpHarness();
  setSetting(h, 'hasGas', true);
  // A workbook stamped 3 whose schedule sheet is empty (as the migration finds it once created).
  const sheet = h.ss.getSheetByName('Échéancier de sécurité');
  if (!sheet) throw new Error('no schedule');
  sheet.getRange(3, 1, 20, 12).clearContent();
  const meta = h.ss.getDeveloperMetadata().find((m) => m.getKey() === 'pilote.schemaVersion');
  meta?.setValue('3');
  const { result } = h.api<{ changed: boolean; schemaVersion: number }>('setupWorkbook');
  expect(result).toMatchObject({ ok: true, data: { schemaVersion: SCHEMA_VERSION } });
  expect(list(h).map((r) => r.values.checkType)).toEqual([
    ...DEFAULT_CHECKS.slice(0, 6),
    'Gaz – vérification',
    'Exercice d’évacuation',
  ]);
  // A second setup proposes nothing more.
  const again = h.api<{ changed: boolean }>('setupWorkbook');
  expect(again.result).toMatchObject({ ok: true, data: { changed: false } });
  expect(list(h)).toHaveLength(8);
});
