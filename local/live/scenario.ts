/**
 * The smoke scenario: what a coordinator does first, run on a real spreadsheet through
 * scripts.run (or, in the tests, on the emulator through the runner). Each step prints one
 * French line, ✓ or ✗, with its figure.
 */
import { renderConditionalFormula, requireSheet, SCHEMA_VERSION } from '../../src/schema';
import { LiveFailure } from './failure';

/** Calls a global function of the pushed project; resolves to what it returned, or throws a LiveFailure. */
export type RunFunction = (fn: string, parameters: unknown[]) => Promise<unknown>;

export interface StepReport {
  ok: boolean;
  line: string;
}

/**
 * The English-syntax formula written with setFormula in the fr_FR spreadsheet, and what it must
 * give. That setFormula takes English names and `,` separators whatever the locale, and that
 * fr_FR shows the automatic number format with a decimal comma, are what formula-writer.ts
 * assumes and no Google page we found states: unverified until this step passes on Google.
 */
export const SMOKE_FORMULA = { formula: '=ROUND(SUM(1.25,2.5),1)', value: 3.8, display: '3,8' } as const;

/** The table a record is saved in, and the sheet whose conditional formats are read back. */
const RECORD_TABLE = 'spaces';
const RULES_TABLE = 'bookings';

type Rpc<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The data of an RpcResult, or a LiveFailure with Pilote's own (French) message. */
function rpcData<T>(fn: string, answer: unknown): T {
  if (!isRecord(answer) || typeof answer.ok !== 'boolean')
    throw new LiveFailure(`${fn} n’a pas répondu un RpcResult (${JSON.stringify(answer)?.slice(0, 200)})`);
  const rpc = answer as Rpc<T>;
  if (!rpc.ok) throw new LiveFailure(`${fn} a répondu ${rpc.error.code} : ${rpc.error.message}`);
  return rpc.data;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new LiveFailure(what);
}

interface RuleData {
  criteria: string | null;
  values: string[];
  background: string | null;
  fontColor: string | null;
}

const colour = (c: string | null | undefined) => (c ? c.toLowerCase() : null);
const compact = (formula: string) => formula.replace(/\s+/g, '');

/** How many of the schema's rules for `sheetKey` Google holds with the same formula and colours. */
export function matchRules(
  sheetKey: string,
  rules: readonly RuleData[],
): { expected: number; matched: number; missing: string[] } {
  const sheet = requireSheet(sheetKey);
  const missing: string[] = [];
  const formats = sheet.conditionalFormats ?? [];
  for (const format of formats) {
    const formula = compact(renderConditionalFormula(sheet, format));
    const found = rules.some(
      (r) =>
        r.criteria === 'CUSTOM_FORMULA' &&
        compact(r.values[0] ?? '') === formula &&
        colour(r.background) === colour(format.background) &&
        colour(r.fontColor) === colour(format.fontColor),
    );
    if (!found) missing.push(format.key);
  }
  return { expected: formats.length, matched: formats.length - missing.length, missing };
}

/** Runs every step, each isolated: a failed step is reported and the next ones still run. */
export async function runSmokeScenario(
  run: RunFunction,
  stamp: string,
  report: (step: StepReport) => void = () => {},
): Promise<StepReport[]> {
  const steps: StepReport[] = [];
  const step = async (label: string, body: () => Promise<string>): Promise<boolean> => {
    let result: StepReport;
    try {
      result = { ok: true, line: `✓ ${label} : ${await body()}` };
    } catch (error) {
      const why = error instanceof LiveFailure ? error.message : `erreur inattendue : ${String(error)}`;
      result = { ok: false, line: `✗ ${label} : ${why}` };
    }
    steps.push(result);
    report(result);
    return result.ok;
  };

  await step('Installation du classeur', async () => {
    const data = rpcData<{ schemaVersion: number; createdSheets: string[]; addedColumns: number }>(
      'setupWorkbook',
      await run('setupWorkbook', []),
    );
    check(data.schemaVersion === SCHEMA_VERSION, `schéma ${data.schemaVersion} au lieu de ${SCHEMA_VERSION}`);
    return `schéma ${data.schemaVersion}, ${data.createdSheets.length} feuilles créées, ${data.addedColumns} colonnes ajoutées`;
  });

  await step('Ouverture du panneau', async () => {
    const data = rpcData<{
      locale: string;
      schemaVersion: number;
      catalogue: { forms?: unknown[] };
      userEmail: string;
    }>('getSidebarBootstrap', await run('getSidebarBootstrap', []));
    const forms = Array.isArray(data.catalogue?.forms) ? data.catalogue.forms.length : 0;
    check(data.schemaVersion === SCHEMA_VERSION, `schéma ${data.schemaVersion} vu par le panneau`);
    check(forms > 0, 'aucun formulaire dans le catalogue');
    return `${forms} formulaires, langue ${data.locale}, e-mail ${data.userEmail ? 'lu' : 'vide'}`;
  });

  const name = `Salle essai live ${stamp}`;
  const requestId = `live-${stamp}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  const save = { sheet: RECORD_TABLE, values: { name, capacity: '12' }, requestId };
  let savedId: string | null = null;
  await step('Enregistrement d’une fiche', async () => {
    const data = rpcData<{ id: string; row: number; duplicate: boolean }>(
      'saveRecord',
      await run('saveRecord', [save]),
    );
    check(!data.duplicate, 'la première soumission est vue comme un doublon');
    savedId = data.id;
    const again = rpcData<{ id: string; duplicate: boolean }>('saveRecord', await run('saveRecord', [save]));
    check(again.duplicate && again.id === data.id, `la même demande renvoyée a écrit ${again.id} (doublon)`);
    return `${data.id} ligne ${data.row}, même demande renvoyée : doublon évité`;
  });

  await step('Relecture de la fiche', async () => {
    check(savedId !== null, 'non lancée, l’enregistrement a échoué');
    const data = rpcData<{ id: string; values: Record<string, unknown> }>(
      'getRecord',
      await run('getRecord', [{ sheet: RECORD_TABLE, id: savedId }]),
    );
    check(data.values.name === name, `nom relu « ${String(data.values.name)} » au lieu de « ${name} »`);
    check(
      data.values.capacity === 12,
      `capacité relue ${JSON.stringify(data.values.capacity)} au lieu de 12`,
    );
    return `${data.id} relue : « ${name} », capacité 12`;
  });

  const rulesSheet = requireSheet(RULES_TABLE);
  await step('Couleurs des mises en forme conditionnelles', async () => {
    const answer = await run('liveSmokeConditionalRules', [rulesSheet.name]);
    check(isRecord(answer) && answer.found === true, `feuille « ${rulesSheet.name} » introuvable`);
    const rules = (answer as { rules: RuleData[] }).rules;
    const { expected, matched, missing } = matchRules(RULES_TABLE, rules);
    check(expected > 0, `le schéma ne déclare aucune règle sur « ${rulesSheet.name} »`);
    check(
      missing.length === 0,
      `${matched}/${expected} règles conformes sur « ${rulesSheet.name} », manquent ${missing.join(', ')}`,
    );
    const colours = (rulesSheet.conditionalFormats ?? []).map((f) => f.background ?? f.fontColor).join(', ');
    return `${matched}/${expected} règles conformes sur « ${rulesSheet.name} » (${colours})`;
  });

  await step('Formule anglaise dans un classeur fr_FR', async () => {
    const answer = await run('liveSmokeFormula', [SMOKE_FORMULA.formula]);
    check(isRecord(answer), `réponse inattendue ${JSON.stringify(answer)}`);
    const got = answer as { locale: string; formula: string; value: unknown; display: string };
    check(got.locale === 'fr_FR', `classeur en ${got.locale}, pas en fr_FR`);
    check(
      got.value === SMOKE_FORMULA.value,
      `${SMOKE_FORMULA.formula} vaut ${JSON.stringify(got.value)} au lieu de ${SMOKE_FORMULA.value}`,
    );
    check(
      got.display === SMOKE_FORMULA.display,
      `affiché « ${got.display} » au lieu de « ${SMOKE_FORMULA.display} »`,
    );
    return `${got.locale} : ${SMOKE_FORMULA.formula} → ${got.display} (relue ${got.formula})`;
  });

  return steps;
}
