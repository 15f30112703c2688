/**
 * `npm run test:live`: pushes dist/ (+ LiveSmoke.js) to a scratch fr_FR spreadsheet's bound
 * script and runs the smoke scenario on Google through scripts.run. Opt-in, never part of
 * `npm test` (no network to Google there). Prints one French line per step; exit code 0 only
 * when every step passed. Without usable credentials: one French line, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { missingScopes, readClaspCredentials, TOOL_SCOPES, loginCommand } from './credentials';
import { LiveFailure } from './failure';
import { buildPushFiles, manifestScopes } from './push-files';
import { prepareScratch, readState, scriptUrl, spreadsheetUrl, writeState } from './scratch';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const STATE = join(ROOT, '.local', 'live.json');

/** clasp's own OAuth client id (its Cloud project is Google's: scripts.run cannot use it). */
async function claspDefaultClientId(): Promise<string | undefined> {
  try {
    const index = createRequire(join(ROOT, 'package.json')).resolve('@google/clasp');
    const mod = (await import(pathToFileURL(join(dirname(index), 'auth', 'oauth_client.js')).href)) as {
      DEFAULT_CLASP_OAUTH_CLIENT_ID?: string;
    };
    return mod.DEFAULT_CLASP_OAUTH_CLIENT_ID;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  // The source manifest says which scopes the login must grant, even before any build.
  const scriptScopes = manifestScopes(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
  const credential = readClaspCredentials(homedir(), scriptScopes, await claspDefaultClientId());
  const files = buildPushFiles(DIST);
  const pushedScopes = manifestScopes(files.find((f) => f.name === 'appsscript')?.source ?? '{}');

  const { googleApis, grantedScopes, oauthClient, scriptsRun } = await import('./google-apis');
  const client = oauthClient(credential);
  const missing = missingScopes(await grantedScopes(client, pushedScopes), [...TOOL_SCOPES, ...pushedScopes]);
  if (missing.length > 0)
    throw new LiveFailure(
      `✗ Test live impossible : le jeton de clasp n’a pas ${missing.join(', ')} — relancez « ${loginCommand(pushedScopes)} ».`,
    );

  const { state, created } = await prepareScratch(
    googleApis(client, pushedScopes),
    readState(STATE),
    files,
    (s) => writeState(STATE, s),
  );
  console.log(
    `${created ? '✓ Classeur d’essai créé' : '✓ Classeur d’essai réutilisé'} : ${spreadsheetUrl(state.spreadsheetId)} (script ${scriptUrl(state.scriptId)}), ${files.length} fichiers envoyés`,
  );
  if (created) {
    // A new script gets a default Cloud project, which scripts.run refuses
    // (developers.google.com/apps-script/api/how-tos/execute, Requirements): nothing to run yet.
    console.log(
      '✗ Une fois : ouvrez le script, Paramètres du projet → Projet Google Cloud Platform (GCP) → « Changer de projet », collez le numéro de votre projet Cloud standard, « Définir le projet », puis relancez « npm run test:live ».',
    );
    return 1;
  }

  const { runSmokeScenario } = await import('./scenario');
  const steps = await runSmokeScenario(
    scriptsRun(client, state, pushedScopes),
    new Date().toISOString().replace(/\D/g, '').slice(0, 14),
    (step) => console.log(step.line),
  );
  const failed = steps.filter((s) => !s.ok).length;
  console.log(
    failed === 0
      ? `✓ Test live : ${steps.length}/${steps.length} étapes réussies`
      : `✗ Test live : ${failed}/${steps.length} étapes en échec`,
  );
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const line =
      error instanceof LiveFailure ? error.message : `✗ Test live : erreur inattendue : ${String(error)}`;
    console.error(line.startsWith('✗') ? line : `✗ Test live impossible : ${line}`);
    process.exitCode = 2;
  },
);
