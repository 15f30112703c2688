/**
 * Use cases on records: create or update one record of a table (validated against the schema,
 * under the document lock, journaled), list the records of a table.
 */
import * as v from 'valibot';
import { SHEETS } from '../schema';
import { validateRecordInput } from '../schema/record-input';
import type { CellValue, SheetDef } from '../schema/types';
import { describeIssues, SaveRecordRequestSchema, SheetKeySchema } from '../shared/requests';
import type { SavedRecord } from '../shared/rpc';
import { t } from '../shared/i18n';
import { extendFormulas, formulaEnd, workbookEnvironment } from './adapters/formula-writer';
import { appendJournal, journalHasRequest } from './adapters/journal';
import { growTable } from './adapters/table-growth';
import { type StoredRecord, TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError, ValidationError } from './errors';
import { userLocale } from './locale';
import { withDocumentLock } from './lock';
import { checkBookingConflicts } from './bookings/conflicts';
import { checkReferences } from './references';
import { requireMayEdit } from './restricted-sheets';
import { afterSafetyCheckSaved } from './safety';

/** The table `key` (only tables hold records). */
export function tableByKey(key: unknown): SheetDef {
  const parsed = v.safeParse(SheetKeySchema, key);
  const sheet = parsed.success
    ? SHEETS.find((s) => s.key === parsed.output && s.kind === 'table')
    : undefined;
  if (!sheet) throw new PiloteError('error.unknownSheet', { sheet: String(key).slice(0, 40) });
  return sheet;
}

/** Creates or updates a record from a sidebar form. */
export function createOrUpdateRecord(request: unknown): SavedRecord {
  const parsed = v.safeParse(SaveRecordRequestSchema, request);
  if (!parsed.success)
    throw new PiloteError('error.invalidArgument', { detail: describeIssues(parsed.issues) });
  const { sheet: sheetKey, id, values, requestId } = parsed.output;
  const sheet = tableByKey(sheetKey);
  const locale = userLocale();
  const mode = id ? 'update' : 'create';
  const checked = validateRecordInput(sheet, values, { locale, timeZone: Session.getScriptTimeZone() }, mode);
  if (!checked.ok) {
    throw new ValidationError(
      checked.errors.map((e) => {
        const column = sheet.columns.find((c) => c.key === e.field);
        const label = column ? (locale === 'en' ? column.labelEn : column.header) : e.field;
        return { field: e.field, code: e.code, params: { ...e.params, field: label } };
      }),
    );
  }
  return withDocumentLock(() => {
    const workbook = new WorkbookSession();
    // « Médiations », « Communication »: only the people the settings list (restricted-sheets.ts).
    requireMayEdit(workbook, sheet);
    const repository = new TableRepository(workbook, sheet);
    const now = new Date();
    const stamp = { now, requestId };
    const written = repository.findByRequest(requestId);
    // A request already written answers as before; otherwise references are checked first.
    const referenced = written ? checked.values : checkReferences(workbook, sheet, checked.values, locale);
    if (!written) checkLabelUnique(sheet, repository, id ?? null, referenced, locale);
    // Bookings: no double booking (bookings/conflicts.ts); an overlapping option is flagged.
    const values =
      sheet.key === 'bookings' && !written
        ? checkBookingConflicts(workbook, repository, id, referenced)
        : referenced;
    if (!id && !written && repository.needsRoomFor(1)) {
      growTable(workbook, sheet, repository);
    }
    const saved = id ? repository.update(id, values, stamp) : repository.insert(values, stamp);
    if (!id && !saved.duplicate) keepFormulasAhead(workbook, sheet, repository, saved.row);
    // Register entries open or close their maintenance ticket (idempotent: found by its link).
    const followUp = sheet.key === 'safetyChecks' ? afterSafetyCheckSaved(workbook, saved.id, now) : '';
    // A submission resent after an error that struck between the row and its journal line gets
    // the line it missed; one that was journaled already gets nothing.
    if (!saved.duplicate || !journalHasRequest(workbook, requestId)) {
      appendJournal(workbook, {
        at: now,
        user: Session.getActiveUser().getEmail(),
        action: id ? 'Modification' : 'Création',
        sheet: sheet.name,
        recordId: saved.id,
        summary:
          summarise(sheet, saved.id, values, id ? 'updated' : 'created') + (followUp ? ` ; ${followUp}` : ''),
        requestId,
      });
    }
    return { sheet: sheet.key, id: saved.id, row: saved.row, duplicate: saved.duplicate };
  });
}

/**
 * Tables whose label names a record for references (a reference points at their label column):
 * that label is unique, case and accents ignored, so that a reference resolves to one record.
 * Other tables' labels (a booking's title, an operation's label) may repeat.
 */
export function hasIdentifyingLabel(sheet: SheetDef): boolean {
  const key = sheet.labelColumn;
  const column = sheet.columns.find((c) => c.key === key);
  if (!key || !column || column.type === 'formula') return false;
  return SHEETS.some((other) =>
    other.columns.some((c) => c.ref?.sheet === sheet.key && c.ref.column === key),
  );
}

/**
 * Refuses, on the label's field, a label another record of the table already has (« Salle A »,
 * « salle a » and « Sällé A » are one label). An edit keeping its own label passes. One
 * Google-side search of the label column, only when the label is being set.
 */
function checkLabelUnique(
  sheet: SheetDef,
  repository: TableRepository,
  id: string | null,
  values: Record<string, CellValue>,
  locale: 'fr' | 'en',
): void {
  const key = sheet.labelColumn as string;
  const label = values[key];
  if (!hasIdentifyingLabel(sheet) || typeof label !== 'string' || label.trim() === '') return;
  const twins = repository.rowsWithLabel(label);
  if (twins.length === 0) return;
  const own = id ? repository.rowOf(id) : -1;
  const others = twins.filter((row) => row !== own);
  if (others.length === 0) return;
  const column = sheet.columns.find((c) => c.key === key);
  throw new ValidationError([
    {
      field: key,
      code: 'error.duplicateLabel',
      params: {
        field: column ? (locale === 'en' ? column.labelEn : column.header) : key,
        value: label.slice(0, 80),
        sheet: locale === 'en' ? sheet.nameEn : sheet.name,
        row: others[0],
      },
    },
  ]);
}

/**
 * Computed columns are filled a block ahead of the data; when a new record reaches the end of
 * that block, the next block is written (a few calls, once every FORMULA_BLOCK_ROWS records).
 */
function keepFormulasAhead(
  workbook: WorkbookSession,
  sheet: SheetDef,
  repository: TableRepository,
  row: number,
): void {
  if (!sheet.columns.some((c) => c.type === 'formula')) return;
  if (row < formulaEnd(workbook, sheet)) return;
  extendFormulas(
    workbook,
    sheet,
    repository.sheetHandle(),
    repository.layout(),
    row + 1,
    workbookEnvironment(workbook),
  );
}

/** Every record of a table, values as JSON (dates as ISO strings). */
export function readRecords(sheetKey: unknown): StoredRecord[] {
  const sheet = tableByKey(sheetKey);
  return new TableRepository(new WorkbookSession(), sheet).list();
}

function summarise(
  sheet: SheetDef,
  id: string,
  values: Record<string, CellValue>,
  kind: 'created' | 'updated',
): string {
  const labelKey = sheet.labelColumn ?? 'id';
  const label = values[labelKey] === undefined || values[labelKey] === null ? id : String(values[labelKey]);
  const locale = userLocale();
  if (kind === 'created') return t(locale, 'journal.created', { sheet: sheet.name, label });
  const fields = Object.keys(values)
    .map((key) => sheet.columns.find((c) => c.key === key)?.header ?? key)
    .join(', ');
  return t(locale, 'journal.updated', { sheet: sheet.name, label, fields });
}
