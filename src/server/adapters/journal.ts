/**
 * The audit log: one line in « Journal » for each write made through Pilote, appended in one
 * call. The Journal is Pilote's own sheet (protected), so its columns are in schema order.
 */
import { requireSheet } from '../../schema';
import { t } from '../../shared/i18n';
import type { JOURNAL_ACTIONS } from '../../schema/sheets/system';
import type { WorkbookSession } from './workbook';

export type JournalAction = (typeof JOURNAL_ACTIONS)[number];

export interface JournalEntry {
  at: Date;
  user: string;
  action: JournalAction;
  sheet: string;
  recordId: string;
  summary: string;
  /** The submission's request id, so a retried one is journaled once (schema 3 on). */
  requestId?: string;
}

/** Schema version that gave the Journal its request-id column (its 7th, after « Résumé »). */
const REQUEST_ID_SINCE = 3;
const REQUEST_ID_COLUMN = 7;

/**
 * True when the Journal already has the line of request `requestId`: one Google-side search of
 * its request-id column, made only when a submission comes back (the rare retry path). A
 * workbook not yet migrated has no such column: the retry then writes the line again rather
 * than lose it.
 */
export function journalHasRequest(workbook: WorkbookSession, requestId: string): boolean {
  if ((workbook.schemaVersion() ?? 0) < REQUEST_ID_SINCE) return false;
  const journal = workbook.tableRange(requireSheet('journal')).getSheet();
  const column = journal.getRange(1, REQUEST_ID_COLUMN, journal.getMaxRows(), 1);
  return column.createTextFinder(requestId).matchEntireCell(true).matchCase(true).findNext() !== null;
}

const text = (value: string): string => (value === '' ? '' : `'${value}`);

/**
 * The summary the Journal keeps: a mediation's line names its id only, never its parties,
 * subject or notes (« Médiations » is confidential; the Journal is readable by every editor).
 */
export function journalSummary(entry: JournalEntry): string {
  if (entry.sheet === requireSheet('mediations').name)
    return t('fr', 'journal.mediation', { id: entry.recordId });
  return entry.summary.slice(0, 2000);
}

/** Appends `entry` to the Journal (appendRow: one call, whatever the journal's length). */
export function appendJournal(workbook: WorkbookSession, entry: JournalEntry): void {
  const journal = workbook.tableRange(requireSheet('journal')).getSheet();
  const line: (Date | string)[] = [
    entry.at,
    text(entry.user),
    text(entry.action),
    text(entry.sheet),
    text(entry.recordId),
    text(journalSummary(entry)),
  ];
  // Before migration the 7th column is not the Journal's: write nothing there.
  if ((workbook.schemaVersion() ?? 0) >= REQUEST_ID_SINCE) line.push(text(entry.requestId ?? ''));
  journal.appendRow(line);
}
