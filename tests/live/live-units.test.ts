/** The live tier's pieces that need no network: credentials, pushed files, Google's errors, the scratch plan. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { script_v1 } from 'googleapis';
import { describeApiFailure, describeExecutionError } from '../../local/live/api-errors';
import { clasprcPath, missingScopes, readClaspCredentials, TOOL_SCOPES } from '../../local/live/credentials';
import { LiveFailure } from '../../local/live/failure';
import { operationResult, runThrough } from '../../local/live/google-apis';
import { buildPushFiles, liveManifest, manifestScopes, smokeSource } from '../../local/live/push-files';
import { type LiveApis, type LiveState, prepareScratch, readState } from '../../local/live/scratch';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pilote-live-unit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function failureOf(body: () => unknown): string {
  try {
    body();
  } catch (error) {
    if (error instanceof LiveFailure) return error.message;
    throw error;
  }
  throw new Error('expected a LiveFailure');
}

describe('readClaspCredentials', () => {
  const write = (content: unknown) =>
    writeFileSync(clasprcPath(dir), typeof content === 'string' ? content : JSON.stringify(content));
  const v3 = {
    type: 'authorized_user',
    client_id: 'mine.apps.googleusercontent.com',
    client_secret: 's',
    refresh_token: 'r',
  };

  test('reads clasp 3’s tokens.default', () => {
    write({ tokens: { default: { ...v3, access_token: 'a', expiry_date: 42 } } });
    expect(readClaspCredentials(dir, SCOPES)).toEqual({
      client_id: v3.client_id,
      client_secret: 's',
      refresh_token: 'r',
      access_token: 'a',
      expiry_date: 42,
    });
  });

  test('reads the clasp 1/2 local shape (token + oauth2ClientSettings)', () => {
    write({
      token: { refresh_token: 'r2', access_token: 'a2' },
      oauth2ClientSettings: { clientId: 'c2', clientSecret: 's2' },
    });
    expect(readClaspCredentials(dir, SCOPES)).toMatchObject({
      client_id: 'c2',
      client_secret: 's2',
      refresh_token: 'r2',
    });
  });

  test('each unusable file is one French line naming the file and the login command', () => {
    expect(failureOf(() => readClaspCredentials(dir, SCOPES))).toMatch(
      /aucun identifiant clasp .*absent.*npx clasp login --creds <client_secret.json> --extra-scopes https:\/\/www.googleapis.com\/auth\/spreadsheets.currentonly/,
    );
    write('{ pas du json');
    expect(failureOf(() => readClaspCredentials(dir, SCOPES))).toContain('n’est pas un JSON lisible');
    write({ tokens: { autre: v3 } });
    expect(failureOf(() => readClaspCredentials(dir, SCOPES))).toContain('aucun compte « default »');
    write({ tokens: { default: { ...v3, refresh_token: '' } } });
    expect(failureOf(() => readClaspCredentials(dir, SCOPES))).toContain(
      'n’a pas de client_id, client_secret ou refresh_token',
    );
    for (const line of [failureOf(() => readClaspCredentials(dir, SCOPES))])
      expect(line.split('\n')).toHaveLength(1);
  });

  test('credentials made with clasp’s own client are refused: scripts.run needs the user’s Cloud project', () => {
    write({ tokens: { default: { ...v3, client_id: 'clasp-own-id' } } });
    expect(failureOf(() => readClaspCredentials(dir, SCOPES, 'clasp-own-id'))).toContain(
      'client OAuth de clasp',
    );
    write({ access_token: 'old', refresh_token: 'r' });
    expect(failureOf(() => readClaspCredentials(dir, SCOPES, 'clasp-own-id'))).toContain(
      'client OAuth de clasp',
    );
  });

  test('missingScopes lists what the token lacks, once each', () => {
    expect(missingScopes([...TOOL_SCOPES], [...TOOL_SCOPES, ...SCOPES, ...SCOPES])).toEqual(SCOPES);
    expect(missingScopes([...TOOL_SCOPES, ...SCOPES], [...TOOL_SCOPES, ...SCOPES])).toEqual([]);
    // spreadsheets covers spreadsheets.currentonly; nothing else stands in for a scope.
    expect(missingScopes([...TOOL_SCOPES, 'https://www.googleapis.com/auth/spreadsheets'], SCOPES)).toEqual(
      [],
    );
    expect(
      missingScopes([...TOOL_SCOPES, 'https://www.googleapis.com/auth/spreadsheets.readonly'], SCOPES),
    ).toEqual(SCOPES);
    expect(missingScopes(['https://www.googleapis.com/auth/documents'], SCOPES)).toEqual(SCOPES);
  });
});

describe('buildPushFiles', () => {
  const files = buildPushFiles(DIST);
  const byName = new Map(files.map((f) => [f.name, f]));

  test('dist/ as clasp pushes it, plus LiveSmoke.js, each with its Apps Script file type', () => {
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['Code', 'SERVER_JS'],
      ['Sidebar', 'HTML'],
      ['appsscript', 'JSON'],
      ['LiveSmoke', 'SERVER_JS'],
    ]);
    expect(byName.get('Code')?.source).toBe(readFileSync(join(DIST, 'Code.js'), 'utf8'));
    expect(byName.get('Sidebar')?.source).toBe(readFileSync(join(DIST, 'Sidebar.html'), 'utf8'));
    expect(byName.get('LiveSmoke')?.source).toBe(smokeSource());
  });

  test('the manifest sent differs from dist’s by executionApi only, and dist/ stays without it', () => {
    const distManifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const sent = JSON.parse(byName.get('appsscript')?.source ?? '{}') as Record<string, unknown>;
    expect(distManifest.executionApi).toBeUndefined();
    const { executionApi, ...rest } = sent;
    expect(executionApi).toEqual({ access: 'MYSELF' });
    expect(rest).toEqual(distManifest);
    expect(manifestScopes(byName.get('appsscript')?.source ?? '')).toEqual(distManifest.oauthScopes);
  });

  test('the production bundle does not carry the smoke functions', () => {
    const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
    expect(code).not.toContain('liveSmoke');
    expect(smokeSource()).toContain('function liveSmokeConditionalRules(');
    expect(smokeSource()).toContain('function liveSmokeFormula(');
  });

  test('an incomplete dist/ or a bad manifest is a French line, nothing pushed', () => {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'Code.js'), '');
    expect(failureOf(() => buildPushFiles(join(dir, 'dist'), ''))).toBe(
      'dist/ incomplet (Sidebar.html, appsscript.json absent) : lancez « npm run build ».',
    );
    expect(failureOf(() => liveManifest('['))).toContain('n’est pas un JSON valide');
    expect(failureOf(() => liveManifest('[]'))).toContain('n’est pas un objet JSON');
    expect(failureOf(() => liveManifest('{"executionApi":{"access":"ANYONE"}}'))).toContain(
      'déclare déjà « executionApi »',
    );
  });
});

/** A gaxios-like error as googleapis throws it. */
function httpError(status: number, message: string, reason?: string): Error {
  return Object.assign(new Error(message), {
    status,
    response: { status, data: { error: { code: status, message, status: reason ?? 'X', details: [] } } },
  });
}

describe('describeApiFailure', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      '403 on scripts.run (Cloud project)',
      httpError(403, 'The caller does not have permission', 'PERMISSION_DENIED'),
      /Paramètres du projet → Projet Google Cloud Platform/,
    ],
    [
      'Apps Script API off for the user',
      httpError(
        403,
        'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
      ),
      /script.google.com\/home\/usersettings/,
    ],
    [
      'API off in the Cloud project',
      httpError(
        403,
        'Google Sheets API has not been used in project 123 before or it is disabled.',
        'PERMISSION_DENIED',
      ),
      /console.cloud.google.com\/apis\/library/,
    ],
    [
      'scopes',
      httpError(403, 'Request had insufficient authentication scopes.', 'PERMISSION_DENIED'),
      /n’a pas tous les scopes.*npx clasp login --creds/,
    ],
    ['revoked token', httpError(400, 'invalid_grant'), /identifiants refusés/],
    ['401', httpError(401, 'Request had invalid authentication credentials.'), /identifiants refusés/],
    ['404', httpError(404, 'Requested entity was not found.', 'NOT_FOUND'), /supprimez .local\/live.json/],
    [
      'offline',
      Object.assign(new Error('getaddrinfo ENOTFOUND script.googleapis.com'), { code: 'ENOTFOUND' }),
      /Google injoignable \(ENOTFOUND\)/,
    ],
    [
      'other',
      httpError(500, 'Internal error encountered.'),
      /erreur Google 500 \(Internal error encountered.\)/,
    ],
  ];
  test.each(cases)('%s', (_name, error, expected) => {
    const line = describeApiFailure('Exécution de setupWorkbook', error, SCOPES);
    expect(line).toMatch(/^Exécution de setupWorkbook : /);
    expect(line).toMatch(expected);
    expect(line.split('\n')).toHaveLength(1);
  });
});

describe('scripts.run answers', () => {
  test('a result is returned; a thrown script error is one French line with Google’s text and place', () => {
    expect(operationResult('f', { done: true, response: { '@type': 'x', result: { ok: true } } })).toEqual({
      ok: true,
    });
    expect(operationResult('f', { done: true, response: {} })).toBeNull();
    const op: script_v1.Schema$Operation = {
      done: true,
      error: {
        code: 3,
        message: 'ScriptError',
        details: [
          {
            '@type': 'type.googleapis.com/google.apps.script.v1.ExecutionError',
            errorType: 'ScriptError',
            errorMessage:
              'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
            scriptStackTraceElements: [{ function: 'getSidebarBootstrap', lineNumber: 120 }],
          },
        ],
      },
    };
    expect(failureOf(() => operationResult('getSidebarBootstrap', op))).toBe(
      'getSidebarBootstrap : le script a levé ScriptError : You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email (à getSidebarBootstrap:120) — un scope manque dans appsscript.json, ou au jeton de clasp login.',
    );
    expect(describeExecutionError('f', { code: 10, message: 'timeout' })).toContain('SCRIPT_TIMEOUT');
  });
});

describe('prepareScratch', () => {
  type Calls = Record<keyof LiveApis, unknown[][]>;
  function fakeApis(usable: boolean): { apis: LiveApis; calls: Calls } {
    const calls: Calls = {
      createSpreadsheet: [],
      spreadsheetUsable: [],
      createBoundScript: [],
      pushContent: [],
      createDeployment: [],
    };
    const apis: LiveApis = {
      createSpreadsheet: async (...a) => {
        calls.createSpreadsheet.push(a);
        return 'sheet-new-0123456789';
      },
      spreadsheetUsable: async (...a) => {
        calls.spreadsheetUsable.push(a);
        return usable;
      },
      createBoundScript: async (...a) => {
        calls.createBoundScript.push(a);
        return 'script-new-0123456789';
      },
      pushContent: async (...a) => {
        calls.pushContent.push(a);
      },
      createDeployment: async (...a) => {
        calls.createDeployment.push(a);
        return 'deploy-new-0123456789';
      },
    };
    return { apis, calls };
  }
  const files: script_v1.Schema$File[] = [{ name: 'Code', type: 'SERVER_JS', source: '' }];
  const old: LiveState = {
    spreadsheetId: 'sheet-old-0123456789',
    scriptId: 'script-old-0123456789',
    deploymentId: 'deploy-old-0123456789',
  };

  test('first run: a fr_FR spreadsheet, its bound script, one push, one deployment, remembered', async () => {
    const { apis, calls } = fakeApis(true);
    const saved: LiveState[] = [];
    const outcome = await prepareScratch(apis, null, files, (s) => saved.push(s));
    expect(calls.createSpreadsheet).toEqual([['Pilote — classeur d’essai live', 'fr_FR', 'Europe/Paris']]);
    expect(calls.createBoundScript).toEqual([['Pilote — classeur d’essai live', 'sheet-new-0123456789']]);
    expect(calls.pushContent).toEqual([['script-new-0123456789', files]]);
    expect(calls.createDeployment).toHaveLength(1);
    expect(calls.spreadsheetUsable).toHaveLength(0);
    expect(saved).toEqual([outcome.state]);
    expect(outcome).toEqual({
      created: true,
      state: {
        spreadsheetId: 'sheet-new-0123456789',
        scriptId: 'script-new-0123456789',
        deploymentId: 'deploy-new-0123456789',
      },
    });
  });

  test('later runs: one check and one push, no new spreadsheet, script, version or deployment', async () => {
    const { apis, calls } = fakeApis(true);
    const saved: LiveState[] = [];
    const outcome = await prepareScratch(apis, old, files, (s) => saved.push(s));
    expect(outcome).toEqual({ created: false, state: old });
    expect(calls.spreadsheetUsable).toEqual([[old.spreadsheetId]]);
    expect(calls.pushContent).toEqual([[old.scriptId, files]]);
    expect(
      calls.createSpreadsheet.length + calls.createBoundScript.length + calls.createDeployment.length,
    ).toBe(0);
    expect(saved).toEqual([]);
  });

  test('a remembered spreadsheet gone or trashed: everything is made anew', async () => {
    const { apis, calls } = fakeApis(false);
    const outcome = await prepareScratch(apis, old, files, () => {});
    expect(outcome.created).toBe(true);
    expect(calls.createSpreadsheet).toHaveLength(1);
    expect(calls.pushContent).toEqual([['script-new-0123456789', files]]);
  });

  test('readState: none, valid, and a damaged file is a French line (not overwritten)', () => {
    const path = join(dir, 'live.json');
    expect(readState(path)).toBeNull();
    writeFileSync(path, JSON.stringify(old));
    expect(readState(path)).toEqual(old);
    writeFileSync(path, JSON.stringify({ ...old, scriptId: 'x' }));
    expect(failureOf(() => readState(path))).toContain(
      '« scriptId » manque ou n’est pas un identifiant Google',
    );
    writeFileSync(path, '{');
    expect(failureOf(() => readState(path))).toContain('n’est pas un JSON lisible');
    expect(readFileSync(path, 'utf8')).toBe('{');
  });
});

describe('runThrough (scripts.run)', () => {
  const ok = (result: unknown): script_v1.Schema$Operation => ({ done: true, response: { result } });
  const notFound = () => httpError(404, 'Requested entity was not found.', 'NOT_FOUND');

  test('the deployment id first; a 404 falls back to the script id, kept for the next calls', async () => {
    const seen: [string, script_v1.Schema$ExecutionRequest][] = [];
    const run = runThrough(
      async (target, body) => {
        seen.push([target, body]);
        if (target === 'deployment') throw notFound();
        return ok(body.function);
      },
      ['deployment', 'script'],
      SCOPES,
    );
    expect(await run('setupWorkbook', [])).toBe('setupWorkbook');
    expect(await run('getRecord', [{ sheet: 'spaces', id: 'ESP-0001' }])).toBe('getRecord');
    expect(seen.map(([t]) => t)).toEqual(['deployment', 'script', 'script']);
    expect(seen[2]?.[1]).toEqual({
      function: 'getRecord',
      parameters: [{ sheet: 'spaces', id: 'ESP-0001' }],
      devMode: true,
    });
  });

  test('a 404 on every target, or a 403, is one French line; a script error is not retried', async () => {
    let calls = 0;
    const always404 = runThrough(
      async () => {
        calls += 1;
        throw notFound();
      },
      ['deployment', 'script'],
      SCOPES,
    );
    await expect(always404('f', [])).rejects.toThrow(/^Exécution de f : introuvable chez Google \(404/);
    expect(calls).toBe(2);
    calls = 0;
    const denied = runThrough(
      async () => {
        calls += 1;
        throw httpError(403, 'The caller does not have permission', 'PERMISSION_DENIED');
      },
      ['deployment', 'script'],
      SCOPES,
    );
    await expect(denied('f', [])).rejects.toThrow(/Projet Google Cloud Platform/);
    expect(calls).toBe(1);
    calls = 0;
    const threw = runThrough(
      async () => {
        calls += 1;
        return {
          done: true,
          error: { code: 3, details: [{ errorType: 'ScriptError', errorMessage: 'boom' }] },
        };
      },
      ['deployment', 'script'],
      SCOPES,
    );
    await expect(threw('f', [])).rejects.toThrow('f : le script a levé ScriptError : boom.');
    expect(calls).toBe(1);
  });
});
