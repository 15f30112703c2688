/**
 * Real (not warning-only) protection of a whole sheet with a list of editors, following
 * developers.google.com/apps-script/reference/spreadsheet/protection: the owner and the user
 * running the script always stay editors; domain edit is switched off (when it is on) so that
 * only the listed people edit. A re-run that changes nothing makes no write call.
 */
import { PiloteError } from '../errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The sheet's own protection (not a range's), or null. One call. */
export function sheetProtection(sheet: Sheet): Protection | null {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? null;
}

/** What {@link restrictSheet} did. */
export interface RestrictOutcome {
  created: boolean;
  added: string[];
  removed: string[];
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Protects `sheet` so that only `editors` (plus the owner and the user running this) edit it.
 * Refuses, with `error.protectionNotAllowed`, a user who may not edit the existing protection.
 */
export function restrictSheet(
  sheet: Sheet,
  description: string,
  editors: readonly string[],
): RestrictOutcome {
  const existing = sheetProtection(sheet);
  if (existing && !existing.canEdit()) {
    throw new PiloteError('error.protectionNotAllowed', { sheet: sheet.getName() });
  }
  const protection = existing ?? sheet.protect();
  if (protection.getDescription() !== description) protection.setDescription(description);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  const current = protection.getEditors().map((u) => u.getEmail());
  const added = editors.filter((w) => !current.some((e) => same(w, e)));
  let removed = current.filter((e) => !editors.some((w) => same(w, e)));
  if (removed.length > 0) {
    // Google keeps the owner and the current user whatever is asked: those found kept before
    // are not asked again, so that a re-run with unchanged lists makes no write.
    const kept = keptEditors(sheet);
    removed = removed.filter((e) => !kept.some((k) => same(k, e)));
    if (removed.length > 0) {
      protection.removeEditors(removed);
      const after = protection.getEditors().map((u) => u.getEmail());
      const stay = removed.filter((e) => after.some((a) => same(a, e)));
      if (stay.length > 0) rememberKept(sheet, [...kept, ...stay]);
      removed = removed.filter((e) => !stay.includes(e));
    }
  }
  if (added.length > 0) protection.addEditors([...added]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return { created: existing === null, added, removed };
}

const KEPT_PREFIX = 'pilote.protection.kept.';

/** Editors a previous run asked off and Google kept (the owner, whoever applied it). */
function keptEditors(sheet: Sheet): string[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEPT_PREFIX + sheet.getSheetId());
  try {
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? list.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

function rememberKept(sheet: Sheet, emails: string[]): void {
  PropertiesService.getDocumentProperties().setProperty(
    KEPT_PREFIX + sheet.getSheetId(),
    JSON.stringify(emails),
  );
}

/** Whether the user running the script may edit `sheet` (no real protection, or an editor of it). */
export function mayEditSheet(sheet: Sheet): boolean {
  const protection = sheetProtection(sheet);
  return !protection || protection.isWarningOnly() || protection.canEdit();
}
