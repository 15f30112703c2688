/**
 * What an execution may call, from the manifest's scopes and the execution's `ScriptApp.AuthMode`
 * (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle, « Authorization
 * modes »; developers.google.com/apps-script/reference/script/auth-mode;
 * developers.google.com/apps-script/guides/triggers, « Restrictions »):
 *
 * - FULL (menu items, sidebar calls, `onInstall`, installable triggers): whatever the manifest's
 *   scopes allow.
 * - LIMITED (`onOpen`/`onEdit` simple triggers of a bound script or of an add-on enabled in the
 *   document): "a limited subset of services" — the bound document and add-on menus, but "they
 *   cannot access services that require authorization" (no dialog or sidebar, no trigger, no
 *   mail, no other file). The active user's e-mail "is not available in any context that allows
 *   a script to run without that user's authorization, like a simple onOpen(e) or onEdit(e)
 *   trigger" (reference/base/user): `Session.getActiveUser()` answers a user whose e-mail is "".
 * - NONE (`onOpen` of an add-on installed by the user but not yet used in this document): "does
 *   not allow access to any services that require authorization" — the add-on menu can be built
 *   ("Add a normal menu item (works in all authorization modes)"), properties cannot be read
 *   ("doesn't work in AuthMode.NONE", reference/script/auth-mode). The guide's table gives NONE
 *   only menus and the Logger/Utilities services; the emulator follows it and refuses the rest —
 *   the user's locale included (unverified: the guide may allow the locale; refusing is the
 *   stricter side).
 */
import { noPermissionMessage, SCOPE, type ScopeTable, insufficientScopesMessage } from './scopes';

/** `ScriptApp.AuthMode` values an execution can run in (CUSTOM_FUNCTION is never given to Pilote). */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export const AUTH_MODES: readonly AuthModeName[] = ['NONE', 'LIMITED', 'FULL'];

/** Members callable in AuthMode.NONE: building the add-on menu, and services with no user data. */
const NONE_ALLOWED =
  /^(Utilities|Blob|Menu|EnumValue)\.|^SpreadsheetApp\.getUi$|^Ui\.(createAddonMenu|createMenu)$/;

/** Members a simple trigger may call although their page lists a scope (they answer less). */
const LIMITED_ANONYMOUS = new Set(['Session.getActiveUser', 'Session.getEffectiveUser']);

/** What one execution is allowed. */
export interface AuthPolicy {
  /** The manifest's `oauthScopes`; null when the manifest lists none (Google infers them). */
  readonly grantedScopes: ReadonlySet<string> | null;
  readonly authMode: AuthModeName;
  readonly table: ScopeTable;
}

/**
 * Why `member` (`'Class.method'`) may not run under `policy`, as Google's message, or null when
 * it may. Members absent from the table are not checked here (the membrane hides them).
 */
export function refusal(policy: AuthPolicy, member: string): string | null {
  const scopes = policy.table[member];
  if (scopes === undefined) return null;
  const granted = policy.grantedScopes;
  if (granted && scopes.length > 0 && !scopes.some((s) => granted.has(s))) {
    return insufficientScopesMessage(member, scopes);
  }
  if (policy.authMode === 'FULL') return null;
  if (policy.authMode === 'NONE')
    return NONE_ALLOWED.test(member) ? null : noPermissionMessage(member, scopes);
  if (scopes.length === 0 || scopes.includes(SCOPE.sheetsCurrentOnly) || LIMITED_ANONYMOUS.has(member))
    return null;
  return noPermissionMessage(member, scopes);
}

/** The `oauthScopes` of a manifest object (null when it has none: Google then infers them). */
export function manifestScopes(manifest: { oauthScopes?: unknown }): ReadonlySet<string> | null {
  const list = manifest.oauthScopes;
  if (list === undefined) return null;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) {
    throw new Error('appsscript.json: oauthScopes must be an array of strings');
  }
  return new Set(list as string[]);
}
