/**
 * Sheets only some people may edit (issue 12): « Médiations » (the coordinators of « Paramètres
 * du lieu ») and « Communication », the communication plan (the coordinators and the
 * communication service). Setup, the demo loader and the menu « Mettre à jour les protections »
 * apply the protections; the save path refuses, in French, a user who may not edit them.
 * A protection restricts editing only: whoever can open the workbook can still read the sheet.
 */
import { requireSheet, type SheetDef } from '../schema';
import { t, type MessageKey } from '../shared/i18n';
import { restrictSheet, mayEditSheet } from './adapters/sheet-protection';
import { SettingsRepository } from './adapters/settings-repository';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError } from './errors';
import { userLocale } from './locale';
import { withDocumentLock } from './lock';
import type { CellValue } from '../schema/types';

/** A restricted sheet: who may edit it, by the settings that list them. */
export interface RestrictedSheet {
  sheet: string;
  /** Settings whose e-mails are the editors (besides the owner and whoever applies it). */
  editorSettings: readonly string[];
  who: MessageKey;
  description: MessageKey;
}

export const RESTRICTED_SHEETS: readonly RestrictedSheet[] = [
  {
    sheet: 'mediations',
    editorSettings: ['coordinatorEmails'],
    who: 'restricted.who.coordinators',
    description: 'restricted.description.mediations',
  },
  {
    sheet: 'communication',
    editorSettings: ['coordinatorEmails', 'communicationServiceEmail'],
    who: 'restricted.who.communication',
    description: 'restricted.description.communication',
  },
];

/** The e-mails of a multiple e-mail setting (`a@x.org, b@y.org`), trimmed, without repeats. */
export function emailsOf(value: CellValue | undefined): string[] {
  if (typeof value !== 'string') return [];
  const out: string[] = [];
  for (const part of value.split(/[,;\s]+/)) {
    const email = part.trim();
    if (email !== '' && !out.some((e) => e.toLowerCase() === email.toLowerCase())) out.push(email);
  }
  return out;
}

/** The editors of `restricted` from the settings' values. */
export function editorsOf(restricted: RestrictedSheet, settings: Record<string, CellValue>): string[] {
  const all = restricted.editorSettings.flatMap((key) => emailsOf(settings[key]));
  return all.filter((e, i) => all.findIndex((o) => o.toLowerCase() === e.toLowerCase()) === i);
}

/** What applying the protections did. */
export interface ProtectionsReport {
  sheets: number;
  editors: number;
  message: string;
}

/**
 * Protects every restricted sheet the workbook has with the editors the settings list (one
 * read of the settings; per sheet a few Protection calls, writes only for what changed).
 */
export function applyRestrictedSheets(workbook: WorkbookSession): ProtectionsReport {
  const settings = new SettingsRepository(workbook).read();
  let sheets = 0;
  const everyone = new Set<string>();
  for (const restricted of RESTRICTED_SHEETS) {
    const range = workbook.findTableRange(requireSheet(restricted.sheet));
    if (!range) continue;
    const editors = editorsOf(restricted, settings);
    for (const e of editors) everyone.add(e.toLowerCase());
    restrictSheet(range.getSheet(), t('fr', restricted.description), editors);
    sheets += 1;
  }
  return {
    sheets,
    editors: everyone.size,
    message: t(userLocale(), 'restricted.done', { sheets, editors: everyone.size }),
  };
}

/** Menu « Mettre à jour les protections »: re-applies them after the lists changed. */
export function updateProtections(): ProtectionsReport {
  return withDocumentLock(() => applyRestrictedSheets(new WorkbookSession()));
}

/**
 * Refuses, before anything is written, a save into a restricted sheet by a user who may not
 * edit it (Google would refuse the write itself with an English message).
 */
export function requireMayEdit(workbook: WorkbookSession, def: SheetDef): void {
  const restricted = RESTRICTED_SHEETS.find((r) => r.sheet === def.key);
  if (!restricted) return;
  const range = workbook.findTableRange(def);
  if (!range || mayEditSheet(range.getSheet())) return;
  const locale = userLocale();
  throw new PiloteError('error.sheetRestricted', {
    sheet: locale === 'en' ? def.nameEn : def.name,
    who: t(locale, restricted.who),
  });
}
