/**
 * The user's clasp credentials (`~/.clasprc.json`, written by `npx clasp login`), read the way
 * clasp 3 reads them (node_modules/@google/clasp/build/src/auth/file_credential_store.js):
 * `{ tokens: { default: { type: 'authorized_user', client_id, client_secret, refresh_token,
 * access_token?, expiry_date? } } }`, or the older clasp 1/2 shapes (a local file with `token` +
 * `oauth2ClientSettings`, a global one with `access_token` at the top, made with clasp's own client).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiveFailure } from './failure';

export interface ClaspCredential {
  client_id: string;
  client_secret: string;
  refresh_token: string;
  access_token?: string;
  expiry_date?: number;
}

/** Scopes the live tier itself uses; `clasp login` grants all three by default (login.js DEFAULT_SCOPES). */
export const TOOL_SCOPES = [
  'https://www.googleapis.com/auth/script.projects', // projects.create, updateContent, versions.create
  'https://www.googleapis.com/auth/script.deployments', // projects.deployments.create
  'https://www.googleapis.com/auth/drive.file', // spreadsheets.create, files.get on the file it made
] as const;

export function clasprcPath(home: string): string {
  return join(home, '.clasprc.json');
}

/** The one command to run once, with the scopes the pushed script needs (scripts.run requires them all). */
export function loginCommand(scriptScopes: readonly string[]): string {
  const extra = scriptScopes.length > 0 ? ` --extra-scopes ${scriptScopes.join(',')}` : '';
  return `npx clasp login --creds <client_secret.json>${extra}`;
}

/** The single French line printed when the credentials are missing or unusable. */
export function credentialsLine(problem: string, scriptScopes: readonly string[]): string {
  return (
    `✗ Test live impossible : ${problem} — lancez une fois « ${loginCommand(scriptScopes)} » ` +
    'avec le client OAuth « Application de bureau » de votre projet Google Cloud standard ' +
    '(README, section « Test live sur Google »).'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The stored credential of `user` in `home`/.clasprc.json, or a LiveFailure whose message is the
 * one French line to print. `defaultClientId` is clasp's own OAuth client: its Cloud project is
 * not the user's, so scripts.run refuses it (it needs the script's Cloud project, see README).
 */
export function readClaspCredentials(
  home: string,
  scriptScopes: readonly string[],
  defaultClientId?: string,
  user = 'default',
): ClaspCredential {
  const path = clasprcPath(home);
  if (!existsSync(path))
    throw new LiveFailure(credentialsLine(`aucun identifiant clasp (${path} absent)`, scriptScopes));
  let store: unknown;
  try {
    store = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new LiveFailure(credentialsLine(`${path} n’est pas un JSON lisible`, scriptScopes));
  }
  if (!isRecord(store))
    throw new LiveFailure(credentialsLine(`${path} n’est pas un objet JSON`, scriptScopes));
  let raw: Record<string, unknown> | undefined;
  const tokens = store.tokens;
  if (isRecord(tokens) && isRecord(tokens[user])) raw = tokens[user];
  else if (user === 'default' && isRecord(store.token) && isRecord(store.oauth2ClientSettings))
    raw = {
      ...store.token,
      client_id: store.oauth2ClientSettings.clientId,
      client_secret: store.oauth2ClientSettings.clientSecret,
    };
  else if (user === 'default' && text(store.access_token))
    raw = { ...store, client_id: defaultClientId ?? 'clasp-default-client' };
  if (!raw) throw new LiveFailure(credentialsLine(`aucun compte « ${user} » dans ${path}`, scriptScopes));
  const clientId = text(raw.client_id);
  const clientSecret = text(raw.client_secret);
  const refreshToken = text(raw.refresh_token);
  if (clientId === 'clasp-default-client' || (defaultClientId && clientId === defaultClientId))
    throw new LiveFailure(
      credentialsLine(
        `${path} vient du client OAuth de clasp, dont le projet Cloud n’est pas le vôtre (scripts.run le refuse)`,
        scriptScopes,
      ),
    );
  if (!clientId || !clientSecret || !refreshToken)
    throw new LiveFailure(
      credentialsLine(
        `le compte « ${user} » de ${path} n’a pas de client_id, client_secret ou refresh_token`,
        scriptScopes,
      ),
    );
  const credential: ClaspCredential = {
    client_id: clientId,
    client_secret: clientSecret,
    refresh_token: refreshToken,
  };
  const accessToken = text(raw.access_token);
  if (accessToken) credential.access_token = accessToken;
  if (typeof raw.expiry_date === 'number') credential.expiry_date = raw.expiry_date;
  return credential;
}

/**
 * The scopes of `required` that the access token was not granted. A `….currentonly` scope
 * (spreadsheets, documents, forms, presentations) counts as granted with its whole-Drive scope:
 * Google's OAuth scope list (developers.google.com/identity/protocols/oauth2/scopes) does not
 * offer the currentonly ones to an OAuth client, and the broader scope includes what they allow
 * (unverified that scripts.run accepts the substitution: the first real run will say).
 */
export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  const have = new Set(granted);
  const covered = (scope: string) => have.has(scope) || have.has(scope.replace(/\.currentonly$/, ''));
  return [...new Set(required)].filter((scope) => !covered(scope));
}
