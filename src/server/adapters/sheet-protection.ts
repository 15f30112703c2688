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
  const removed = current.filter((e) => !editors.some((w) => same(w, e)));
  const added = editors.filter((w) => !current.some((e) => same(w, e)));
  if (removed.length > 0) protection.removeEditors(removed);
  if (added.length > 0) protection.addEditors([...added]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return { created: existing === null, added, removed };
}

/** Whether the user running the script may edit `sheet` (no real protection, or an editor of it). */
export function mayEditSheet(sheet: Sheet): boolean {
  const protection = sheetProtection(sheet);
  return !protection || protection.isWarningOnly() || protection.canEdit();
}
