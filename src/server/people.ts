/**
 * Use cases of the people part (issue 12) the sidebar calls: the search of « Initiatives
 * inspirantes ». (Agreements ending and next steps due are pure functions of src/domain/people
 * that the reminders digest calls on the records it reads.)
 */
import { requireSheet } from '../schema';
import { type InitiativeMatch, matchInitiatives } from '../domain/people/initiatives';
import { TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError } from './errors';

export type { InitiativeMatch } from '../domain/people/initiatives';

/** Initiatives matching `{ query }` (2 to 200 characters): one read of the sheet. */
export function searchInitiatives(request: unknown): InitiativeMatch[] {
  const query =
    request && typeof request === 'object' && typeof (request as { query?: unknown }).query === 'string'
      ? (request as { query: string }).query.trim()
      : null;
  if (query === null || query.length < 2 || query.length > 200) throw new PiloteError('error.searchQuery');
  const records = new TableRepository(new WorkbookSession(), requireSheet('inspirations')).list();
  return matchInitiatives(records, query);
}
