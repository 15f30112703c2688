/**
 * « Médiations » (issue 12): a sheet only the coordinators of « Paramètres du lieu » edit — a real
 * protection with editors, enforced by the emulator for the user a script runs as — kept out of
 * the Journal's summaries.
 */
import type { EmulatorSnapshot } from '../../local/emulator/emulator';
import {
  actAs,
  type Harness,
  newHarness,
  type RpcAnswer,
  setSetting,
  setUpHarness,
  sheetDisplay,
} from './harness';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const SETUP_USER = 'coordination@tiers-lieu.example';
const COORDINATOR = 'camille@tiers-lieu.example';
const VOLUNTEER = 'benevole@tiers-lieu.example';
const OWNER = 'owner@example.org';

function mediationProtection(h: Harness) {
  const sheet = h.ss.getSheetByName('Médiations');
  if (!sheet) throw new Error('no Médiations sheet');
  const [p] = sheet.getProtections(h.emulator.spreadsheetApp.ProtectionType.SHEET);
  return { sheet, p };
}

const save = (h: Harness, values: Record<string, unknown>, id?: string) =>
  h.api<{ id: string }>('saveRecord', {
    sheet: 'mediations',
    ...(id ? { id } : {}),
    values,
    requestId: `req-${Math.random().toString(36).slice(2)}`,
  });

const MEDIATION = {
  date: '14/04/2026',
  parties: 'Atelier bois, Compagnie',
  subject: 'Bruit pendant les répétitions',
  status: 'En cours',
  confidentialNotes: 'Tension ancienne, ne pas diffuser.',
};

let prepared: EmulatorSnapshot | null = null;

/** A set-up workbook with two structures and the coordinator listed, protections applied. */
function workbook(): Harness {
  if (prepared) return newHarness({}, JSON.parse(JSON.stringify(prepared)) as EmulatorSnapshot);
  const h = setUpHarness();
  for (const [i, name] of ['Atelier bois', 'Compagnie'].entries()) {
    const r = h.api('saveRecord', { sheet: 'structures', values: { name }, requestId: `structure-${i}` });
    expect(r.result.ok).toBe(true);
  }
  setSetting(h, 'coordinatorEmails', `${COORDINATOR}, ${SETUP_USER}`);
  const { result } = h.api<{ message: string }>('updateSheetProtections');
  expect(result).toMatchObject({ ok: true });
  prepared = h.emulator.snapshot();
  return h;
}

describe('the Médiations sheet is protected for the listed coordinators', () => {
  test('setup protects the whole sheet for real: the coordinators and the owner, no domain edit', () => {
    const h = workbook();
    const { p } = mediationProtection(h);
    expect(p.isWarningOnly()).toBe(false);
    expect(p.canDomainEdit()).toBe(false);
    expect(p.getDescription()).toBe(
      'Pilote\u00a0: médiations, modifiables par les coordinateur·ices seulement',
    );
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([COORDINATOR, SETUP_USER, OWNER].sort());
  });

  test('a listed coordinator saves a mediation through Pilote', () => {
    const h = workbook();
    actAs(h, COORDINATOR);
    const { result } = save(h, MEDIATION);
    expect(result).toMatchObject({ ok: true, data: { id: 'MED-0001' } });
  });

  test('a user who is not a listed coordinator gets a clear French error and nothing is written', () => {
    const h = workbook();
    actAs(h, COORDINATOR);
    expect(save(h, MEDIATION).result.ok).toBe(true);
    const before = sheetDisplay(h, 'Médiations');
    const journalBefore = sheetDisplay(h, 'Journal').length;
    actAs(h, VOLUNTEER);
    const created: RpcAnswer<unknown> = save(h, { ...MEDIATION, subject: 'Autre conflit' }).result;
    expect(created).toEqual({
      ok: false,
      error: {
        code: 'error.sheetRestricted',
        message:
          'La feuille «\u00a0Médiations\u00a0» est protégée\u00a0: seules les personnes listées dans «\u00a0Paramètres du lieu\u00a0» (les coordinateur·ices) peuvent la modifier. Rien n’a été enregistré.',
      },
    });
    const updated = save(h, { status: 'Close' }, 'MED-0001').result;
    expect(updated).toMatchObject({ ok: false, error: { code: 'error.sheetRestricted' } });
    expect(sheetDisplay(h, 'Médiations')).toEqual(before);
    expect(sheetDisplay(h, 'Journal')).toHaveLength(journalBefore);
  });

  test('a direct write by a script running as a non-coordinator is refused by the protection itself', () => {
    const h = workbook();
    const { sheet } = mediationProtection(h);
    actAs(h, VOLUNTEER);
    let caught: unknown;
    try {
      sheet.getRange(3, 2).setValue('écrit en douce');
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).message).toBe(PROTECTED);
    expect(h.emulator.spreadsheetApp._peekValues('Médiations', 'B3')).toEqual([['']]);
    // And typing in the sheet as that user is refused too.
    expect(() => h.emulator.spreadsheetApp._userEdit('Médiations', 'B3', 'x', { as: VOLUNTEER })).toThrow(
      PROTECTED,
    );
  });

  test('a coordinator removed from the list loses the right when the protections are updated', () => {
    const h = workbook();
    setSetting(h, 'coordinatorEmails', SETUP_USER);
    expect(h.api('updateSheetProtections').result.ok).toBe(true);
    actAs(h, COORDINATOR);
    expect(save(h, MEDIATION).result).toMatchObject({ ok: false, error: { code: 'error.sheetRestricted' } });
    const { p } = mediationProtection(h);
    expect(p.getEditors().map((u) => u.getEmail())).not.toContain(COORDINATOR);
  });

  test('a non-coordinator may not re-apply the protections', () => {
    const h = workbook();
    actAs(h, VOLUNTEER);
    const { result } = h.api('updateSheetProtections');
    expect(result).toMatchObject({ ok: false, error: { code: 'error.protectionNotAllowed' } });
    actAs(h, SETUP_USER);
    expect(
      mediationProtection(h)
        .p.getEditors()
        .map((u) => u.getEmail()),
    ).not.toContain(VOLUNTEER);
  });

  test('re-applying unchanged lists creates, adds and changes nothing', () => {
    const h = workbook();
    const { result, stats } = h.api('updateSheetProtections');
    expect(result.ok).toBe(true);
    const writes = Object.keys(stats.byMethod).filter((m) => /Protection\.(set|add)|Sheet\.protect/.test(m));
    expect(writes).toEqual([]);
    // The owner is listed by getEditors() and asked off each time; Google keeps them (no change).
    expect(stats.byMethod['Protection.removeEditors'] ?? 0).toBeLessThanOrEqual(2);
    expect(mediationProtection(h).p.getEditors()).toHaveLength(3);
  });

  test('the Journal names a mediation by its id only', () => {
    const h = workbook();
    actAs(h, COORDINATOR);
    expect(save(h, MEDIATION).result.ok).toBe(true);
    expect(save(h, { confidentialNotes: 'Nouvelle note secrète' }, 'MED-0001').result.ok).toBe(true);
    const journal = sheetDisplay(h, 'Journal');
    const lines = journal.filter((row) => row.includes('Médiations'));
    expect(lines.map((row) => row[5])).toEqual([
      'Médiation enregistrée (MED-0001)',
      'Médiation enregistrée (MED-0001)',
    ]);
    const all = JSON.stringify(journal);
    for (const secret of [
      'Bruit pendant',
      'Atelier bois, Compagnie',
      'Tension',
      'secrète',
      'Notes confidentielles',
    ])
      expect(all).not.toContain(secret);
  });
});
