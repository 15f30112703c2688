/**
 * `LiveApis` and scripts.run with googleapis, authorised by the user's clasp credential.
 * References: Sheets spreadsheets.create (developers.google.com/sheets/api/reference/rest/v4/spreadsheets/create,
 * scope drive.file), Drive files.get (developers.google.com/drive/api/reference/rest/v3/files/get),
 * Apps Script projects.create / updateContent / versions.create / deployments.create and
 * scripts.run (developers.google.com/apps-script/api/reference/rest/v1).
 */
import { google, type script_v1 } from 'googleapis';
import { describeApiFailure, describeExecutionError, httpErrorFacts } from './api-errors';
import type { ClaspCredential } from './credentials';
import { LiveFailure } from './failure';
import type { LiveApis, LiveState } from './scratch';
import type { RunFunction } from './scenario';

export type OAuthClient = InstanceType<typeof google.auth.OAuth2>;

/** An OAuth2 client from the clasp credential; refreshes its access token as needed. */
export function oauthClient(credential: ClaspCredential): OAuthClient {
  const client = new google.auth.OAuth2(credential.client_id, credential.client_secret);
  client.setCredentials({
    refresh_token: credential.refresh_token,
    access_token: credential.access_token ?? null,
    expiry_date: credential.expiry_date ?? null,
  });
  return client;
}

/** The scopes the access token was granted (tokeninfo), refreshing it first. */
export async function grantedScopes(client: OAuthClient, scriptScopes: readonly string[]): Promise<string[]> {
  try {
    const { token } = await client.getAccessToken();
    if (!token) throw new LiveFailure('Google n’a pas donné de jeton d’accès.');
    return (await client.getTokenInfo(token)).scopes;
  } catch (error) {
    if (error instanceof LiveFailure) throw error;
    throw new LiveFailure(describeApiFailure('Connexion à Google', error, scriptScopes));
  }
}

async function call<T>(action: string, scopes: readonly string[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw new LiveFailure(describeApiFailure(action, error, scopes));
  }
}

export function googleApis(client: OAuthClient, scriptScopes: readonly string[]): LiveApis {
  const sheets = google.sheets({ version: 'v4', auth: client });
  const drive = google.drive({ version: 'v3', auth: client });
  const script = google.script({ version: 'v1', auth: client });
  return {
    createSpreadsheet: (title, locale, timeZone) =>
      call('Création du classeur d’essai', scriptScopes, async () => {
        const res = await sheets.spreadsheets.create({
          requestBody: { properties: { title, locale, timeZone } },
          fields: 'spreadsheetId',
        });
        if (!res.data.spreadsheetId) throw new Error('no spreadsheetId');
        return res.data.spreadsheetId;
      }),
    spreadsheetUsable: async (fileId) => {
      try {
        const res = await drive.files.get({ fileId, fields: 'id,trashed' });
        return res.data.trashed !== true;
      } catch (error) {
        if (httpErrorFacts(error).status === 404) return false;
        throw new LiveFailure(describeApiFailure('Vérification du classeur d’essai', error, scriptScopes));
      }
    },
    createBoundScript: (title, parentId) =>
      call('Création du projet Apps Script lié', scriptScopes, async () => {
        const res = await script.projects.create({ requestBody: { title, parentId } });
        if (!res.data.scriptId) throw new Error('no scriptId');
        return res.data.scriptId;
      }),
    pushContent: (scriptId, files) =>
      call('Envoi de dist/ et LiveSmoke.js', scriptScopes, async () => {
        await script.projects.updateContent({ scriptId, requestBody: { scriptId, files } });
      }),
    createDeployment: (scriptId, description) =>
      call('Déploiement « exécutable d’API »', scriptScopes, async () => {
        const version = await script.projects.versions.create({ scriptId, requestBody: { description } });
        const res = await script.projects.deployments.create({
          scriptId,
          requestBody: {
            versionNumber: version.data.versionNumber,
            manifestFileName: 'appsscript',
            description,
          },
        });
        if (!res.data.deploymentId) throw new Error('no deploymentId');
        return res.data.deploymentId;
      }),
  };
}

/**
 * The function's return value from a scripts.run Operation, or a LiveFailure: `error` when the
 * script threw, `response.result` otherwise (absent when the function returned undefined).
 */
export function operationResult(fn: string, operation: script_v1.Schema$Operation): unknown {
  if (operation.error) throw new LiveFailure(describeExecutionError(fn, operation.error));
  if (operation.done === false) throw new LiveFailure(`${fn} : exécution non terminée (done: false).`);
  return (operation.response as { result?: unknown } | null | undefined)?.result ?? null;
}

/** One raw scripts.run call: `target` in the URL, the request body, Google's Operation back. */
export type RawRun = (
  target: string,
  body: script_v1.Schema$ExecutionRequest,
) => Promise<script_v1.Schema$Operation>;

/**
 * scripts.run with devMode (the owner runs the code just pushed). The reference page names the
 * path parameter `deploymentId` (the API executable deployment); googleapis still calls it
 * `scriptId` and clasp's `run` sends the script id: the deployment is tried first and, on a
 * 404, the script id, once; whichever answered is kept for the next calls (which of the two
 * Google takes with devMode is unverified until the first real run).
 */
export function runThrough(
  raw: RawRun,
  targets: readonly string[],
  scriptScopes: readonly string[],
): RunFunction {
  let order = [...targets];
  return async (fn, parameters) => {
    const body = { function: fn, parameters, devMode: true };
    for (const [at, target] of order.entries()) {
      try {
        const operation = await raw(target, body);
        order = [target, ...order.filter((t) => t !== target)];
        return operationResult(fn, operation);
      } catch (error) {
        if (error instanceof LiveFailure) throw error;
        if (httpErrorFacts(error).status === 404 && at < order.length - 1) continue;
        throw new LiveFailure(describeApiFailure(`Exécution de ${fn}`, error, scriptScopes));
      }
    }
    throw new LiveFailure(`Exécution de ${fn} : aucune cible scripts.run.`);
  };
}

/** scripts.run on the scratch project through googleapis. */
export function scriptsRun(
  client: OAuthClient,
  state: LiveState,
  scriptScopes: readonly string[],
): RunFunction {
  const script = google.script({ version: 'v1', auth: client });
  const raw: RawRun = async (target, requestBody) =>
    (await script.scripts.run({ scriptId: target, requestBody })).data;
  return runThrough(raw, [state.deploymentId, state.scriptId], scriptScopes);
}
