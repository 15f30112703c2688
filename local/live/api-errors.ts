/**
 * Google's answers turned into one French line each. Two shapes reach us:
 * - an HTTP error thrown by googleapis (gaxios): `status`, and the body's
 *   `{ error: { code, message, status, details } }` (cloud.google.com/apis/design/errors);
 * - a scripts.run answer whose `error` is a Status with one ExecutionError in `details`
 *   (`errorMessage`, `errorType`, `scriptStackTraceElements`), code 10 for SCRIPT_TIMEOUT
 *   (developers.google.com/apps-script/api/reference/rest/v1/scripts/run, Operation / Status).
 */
import type { script_v1 } from 'googleapis';
import { loginCommand } from './credentials';

interface HttpErrorFacts {
  status?: number;
  code?: string;
  reason?: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a thrown googleapis error says, whatever its exact shape. */
export function httpErrorFacts(error: unknown): HttpErrorFacts {
  if (!isRecord(error)) return { message: String(error) };
  const facts: HttpErrorFacts = {
    message: typeof error.message === 'string' ? error.message : String(error),
  };
  if (typeof error.code === 'string') facts.code = error.code;
  const response = isRecord(error.response) ? error.response : undefined;
  const status = typeof error.status === 'number' ? error.status : response?.status;
  if (typeof status === 'number') facts.status = status;
  const body =
    response && isRecord(response.data) && isRecord(response.data.error) ? response.data.error : undefined;
  if (body) {
    if (typeof body.message === 'string') facts.message = body.message;
    if (typeof body.status === 'string') facts.reason = body.status;
    if (Array.isArray(body.details))
      for (const detail of body.details)
        if (isRecord(detail) && typeof detail.reason === 'string') facts.reason = detail.reason;
  } else if (response && typeof response.data === 'string' && response.data !== '') {
    // OAuth token endpoint: `{"error":"invalid_grant",...}` may arrive as text.
    facts.message = `${facts.message} ${response.data}`;
  }
  return facts;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
]);

/**
 * One French line for a failed API call. `action` says what was attempted (« création du
 * classeur »); `scriptScopes` completes the login command when a scope is missing.
 */
export function describeApiFailure(
  action: string,
  error: unknown,
  scriptScopes: readonly string[] = [],
): string {
  const f = httpErrorFacts(error);
  const said = `${f.message} ${f.reason ?? ''}`;
  if (f.code && NETWORK_CODES.has(f.code)) return `${action} : Google injoignable (${f.code}).`;
  if (/invalid_grant|invalid_client|unauthorized_client/i.test(said) || f.status === 401)
    return `${action} : identifiants refusés par Google (jeton expiré ou révoqué) — relancez « ${loginCommand(scriptScopes)} ».`;
  if (/User has not enabled the Apps Script API/i.test(said))
    return `${action} : l’API Apps Script est désactivée pour votre compte — activez-la sur https://script.google.com/home/usersettings puis relancez.`;
  if (/SERVICE_DISABLED|accessNotConfigured|has not been used in project|is disabled/i.test(said))
    return `${action} : une API n’est pas activée dans le projet Cloud de votre client OAuth (Apps Script API, Google Sheets API, Google Drive API) — activez-la dans console.cloud.google.com/apis/library (${f.message}).`;
  if (
    /ACCESS_TOKEN_SCOPE_INSUFFICIENT|insufficient authentication scopes|insufficientPermissions/i.test(said)
  )
    return `${action} : le jeton n’a pas tous les scopes nécessaires — relancez « ${loginCommand(scriptScopes)} ».`;
  if (f.status === 403 && /caller does not have permission/i.test(said))
    return `${action} : le script n’utilise pas le projet Cloud de votre client OAuth — dans l’éditeur du script, Paramètres du projet → Projet Google Cloud Platform → « Changer de projet », saisissez le numéro de votre projet standard.`;
  if (f.status === 404)
    return `${action} : introuvable chez Google (404 : ${f.message}) — supprimez .local/live.json pour recréer le classeur d’essai.`;
  if (f.status === 429) return `${action} : quota Google dépassé (429) — réessayez plus tard.`;
  return `${action} : erreur Google${f.status ? ` ${f.status}` : ''} (${f.message}).`;
}

/** One French line for a scripts.run answer that carries an error (the function threw, or timed out). */
export function describeExecutionError(fn: string, error: script_v1.Schema$Status): string {
  const detail = (error.details ?? []).find(isRecord) as script_v1.Schema$ExecutionError | undefined;
  if (error.code === 10) return `${fn} : le script a dépassé le temps d’exécution maximal (SCRIPT_TIMEOUT).`;
  if (!detail) return `${fn} : échec de l’exécution (${error.message ?? `code ${error.code ?? '?'}`}).`;
  const top = detail.scriptStackTraceElements?.[0];
  const where = top ? ` (à ${top.function ?? '?'}:${top.lineNumber ?? '?'})` : '';
  const message = detail.errorMessage ?? error.message ?? '';
  const hint = /You do not have permission to call|Required permissions/i.test(message)
    ? ' — un scope manque dans appsscript.json, ou au jeton de clasp login'
    : '';
  return `${fn} : le script a levé ${detail.errorType ?? 'une exception'} : ${message}${where}${hint}.`;
}
