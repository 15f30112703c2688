/**
 * The smoke scenario of `npm run test:live`, run here on the emulator over the very file set
 * the live tier pushes (Code.js + LiveSmoke.js in one scope, the live manifest beside them):
 * the steps pass on a sound bundle, and each check fails when Google would answer otherwise.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../local/emulator/emulator';
import { LiveFailure } from '../../local/live/failure';
import { buildPushFiles } from '../../local/live/push-files';
import { matchRules, type RunFunction, runSmokeScenario, SMOKE_FORMULA } from '../../local/live/scenario';
import { Runner } from '../../local/runner/runner';
import { requireSheet, SCHEMA_VERSION } from '../../src/schema';

/** The bookings sheet's rules, as the schema declares them (the smoke step compares them all). */
const BOOKING_RULES = (requireSheet('bookings').conditionalFormats ?? []).map((r) => r.key);
const N = BOOKING_RULES.length;
const PAINTED = (requireSheet('bookings').conditionalFormats ?? [])
  .filter((r) => r.background)
  .map((r) => r.key);

const DIST = join(__dirname, '..', '..', 'dist');

/** The pushed files laid out for the runner: server files concatenated as Apps Script joins them in one scope. */
function emulatedProject(): { run: RunFunction; calls: string[]; emulator: Emulator; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-live-emu-'));
  const files = buildPushFiles(DIST);
  const source = (name: string) => files.find((f) => f.name === name)?.source ?? '';
  writeFileSync(
    join(dir, 'Code.js'),
    files
      .filter((f) => f.type === 'SERVER_JS')
      .map((f) => f.source)
      .join('\n'),
  );
  writeFileSync(join(dir, 'appsscript.json'), source('appsscript'));
  const emulator = new Emulator({ htmlFiles: { Sidebar: source('Sidebar') } });
  const runner = new Runner({ bundlePath: join(dir, 'Code.js'), host: emulator });
  const calls: string[] = [];
  const run: RunFunction = async (fn, parameters) => {
    calls.push(fn);
    const outcome = runner.call(fn, ...parameters);
    if (!outcome.ok) throw new LiveFailure(`${fn} : ${outcome.error}`);
    return outcome.value;
  };
  return { run, calls, emulator, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('smoke scenario on the emulator', () => {
  // One emulated project for the file: setup takes seconds; the second scenario finds it set up.
  let project: ReturnType<typeof emulatedProject>;
  beforeAll(() => {
    project = emulatedProject();
  });
  afterAll(() => project.cleanup());

  test('every step passes on the built bundle, one French ✓ line each, in order', async () => {
    {
      const printed: string[] = [];
      const steps = await runSmokeScenario(project.run, '20260401120000', (s) => printed.push(s.line));
      expect(steps.map((s) => s.line)).toEqual(printed);
      expect(steps.filter((s) => !s.ok).map((s) => s.line)).toEqual([]);
      expect(printed.map((l) => l.split(' :')[0])).toEqual([
        '✓ Installation du classeur',
        '✓ Ouverture du panneau',
        '✓ Enregistrement d’une fiche',
        '✓ Relecture de la fiche',
        '✓ Couleurs des mises en forme conditionnelles',
        '✓ Formule anglaise dans un classeur fr_FR',
      ]);
      expect(printed[2]).toMatch(
        /^✓ Enregistrement d’une fiche : [A-Z]+-\d+ ligne \d+, même demande renvoyée : doublon évité$/,
      );
      expect(printed[4]).toMatch(
        new RegExp(
          `^✓ Couleurs des mises en forme conditionnelles : ${N}/${N} règles conformes sur « Réservations » \\(`,
        ),
      );
      expect(printed[5]).toBe(
        `✓ Formule anglaise dans un classeur fr_FR : fr_FR : ${SMOKE_FORMULA.formula} → 3,8 (relue ${SMOKE_FORMULA.formula})`,
      );
      // One scripts.run per step, two for the double submit.
      expect(project.calls).toEqual([
        'setupWorkbook',
        'getSidebarBootstrap',
        'saveRecord',
        'saveRecord',
        'getRecord',
        'liveSmokeConditionalRules',
        'liveSmokeFormula',
      ]);
      // The formula's scratch sheet is gone.
      const names = project.emulator.spreadsheetApp
        .getActiveSpreadsheet()
        .getSheets()
        .map((s) => s.getName());
      expect(names.filter((n) => n.startsWith('Pilote essai live'))).toEqual([]);
    }
  });

  test('a wrong answer from Google turns its step ✗ with the figure, the others still run', async () => {
    {
      const tampered: RunFunction = async (fn, parameters) => {
        const value = await project.run(fn, parameters);
        if (fn === 'liveSmokeFormula') return { ...(value as object), value: 3.75, display: '3,75' };
        if (fn === 'liveSmokeConditionalRules') {
          const data = value as { found: boolean; rules: { background: string | null }[] };
          return {
            ...data,
            rules: data.rules.map((r) => ({ ...r, background: r.background ? '#ffffff' : null })),
          };
        }
        if (fn === 'saveRecord' && (parameters[0] as { values: object }).values) {
          const answer = value as { ok: boolean; data?: { duplicate: boolean } };
          if (answer.ok && answer.data?.duplicate)
            return { ...answer, data: { ...answer.data, id: 'SPA-999' } };
        }
        return value;
      };
      project.calls.length = 0;
      const steps = await runSmokeScenario(tampered, '20260401120001');
      expect(steps[0]?.line).toBe(
        `✓ Installation du classeur : schéma ${SCHEMA_VERSION}, 0 feuilles créées, 0 colonnes ajoutées`,
      );
      expect(steps.map((s) => s.ok)).toEqual([true, true, false, true, false, false]);
      expect(steps[2]?.line).toBe(
        '✗ Enregistrement d’une fiche : la même demande renvoyée a écrit SPA-999 (doublon)',
      );
      expect(steps[4]?.line).toBe(
        // Every rule with a background was made white: those are the ones missing.
        `✗ Couleurs des mises en forme conditionnelles : ${N - PAINTED.length}/${N} règles conformes sur « Réservations », manquent ${PAINTED.join(', ')}`,
      );
      expect(steps[5]?.line).toBe(
        `✗ Formule anglaise dans un classeur fr_FR : ${SMOKE_FORMULA.formula} vaut 3.75 au lieu de 3.8`,
      );
    }
  });

  test('Pilote’s own error and a failed save are reported, the read-back is not attempted', async () => {
    const calls: string[] = [];
    const failing: RunFunction = async (fn) => {
      calls.push(fn);
      if (fn === 'saveRecord') throw new LiveFailure('Exécution de saveRecord : erreur Google 500 (boom).');
      return { ok: false, error: { code: 'error.internal', message: 'Une erreur inattendue est survenue.' } };
    };
    const steps = await runSmokeScenario(failing, 'x');
    expect(steps.every((s) => !s.ok)).toBe(true);
    expect(steps[0]?.line).toBe(
      '✗ Installation du classeur : setupWorkbook a répondu error.internal : Une erreur inattendue est survenue.',
    );
    expect(steps[2]?.line).toBe(
      '✗ Enregistrement d’une fiche : Exécution de saveRecord : erreur Google 500 (boom).',
    );
    expect(steps[3]?.line).toBe('✗ Relecture de la fiche : non lancée, l’enregistrement a échoué');
    expect(calls).not.toContain('getRecord');
  });

  test('matchRules: a rule with another formula or colour does not count', () => {
    expect(matchRules('bookings', []).missing).toEqual(BOOKING_RULES);
  });
});
