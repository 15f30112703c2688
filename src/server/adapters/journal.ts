/**
 * The audit log: one line in « Journal » for each write made through Pilote, appended in one
 * call. The Journal is Pilote's own sheet (protected), so its columns are in schema order.
 */
import { requireSheet } from '../../schema';
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
}

const text = (value: string): string => (value === '' ? '' : `'${value}`);

/** Appends `entry` to the Journal (appendRow: one call, whatever the journal's length). */
export function appendJournal(workbook: WorkbookSession, entry: JournalEntry): void {
  const journal = workbook.tableRange(requireSheet('journal')).getSheet();
  journal.appendRow([
    entry.at,
    text(entry.user),
    text(entry.action),
    text(entry.sheet),
    text(entry.recordId),
    text(entry.summary.slice(0, 2000)),
  ]);
}
