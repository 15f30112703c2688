/**
 * Reading records for the sidebar's forms: one record, a search, the record under the user's
 * selection, and the labels each reference of a form may take. Each table is read once per
 * execution (one `getValues`), whatever the number of references to it.
 */
import * as v from 'valibot';
import { choiceKey } from '../domain/values';
import type { SheetDef } from '../schema/types';
import { describeIssues, RecordRefSchema, SearchRequestSchema } from '../shared/requests';
import type { FormData, FormValue, RecordView, SearchHit, SearchResults } from '../shared/rpc';
import { readTargetLabels, requestTargets, targetKey } from './adapters/reference-labels';
import { type StoredRecord, TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError } from './errors';
import { recordTables } from './forms';
import { tableByKey } from './records';

/** Most hits a search returns. */
export const MAX_HITS = 50;
/** Most labels offered for one reference (the datalist stays usable). */
const MAX_REF_OPTIONS = 2000;
const SEARCHED_TYPES = new Set(['text', 'longText', 'enum', 'ref', 'email']);

/** The tables of one execution, each read at most once. */
class Tables {
  private readonly repositories = new Map<string, TableRepository>();
  private readonly lists = new Map<string, StoredRecord[]>();
  constructor(readonly workbook: WorkbookSession = new WorkbookSession()) {}

  records(sheet: SheetDef): StoredRecord[] {
    let list = this.lists.get(sheet.key);
    if (!list) {
      let repository = this.repositories.get(sheet.key);
      if (!repository) {
        repository = new TableRepository(this.workbook, sheet);
        this.repositories.set(sheet.key, repository);
      }
      list = repository.list();
      this.lists.set(sheet.key, list);
    }
    return list;
  }
}

function parse<T extends v.GenericSchema>(schema: T, input: unknown): v.InferOutput<T> {
  const parsed = v.safeParse(schema, input);
  if (!parsed.success)
    throw new PiloteError('error.invalidArgument', { detail: describeIssues(parsed.issues) });
  return parsed.output;
}

function view(sheet: SheetDef, record: StoredRecord): RecordView {
  const values: Record<string, FormValue> = {};
  for (const column of sheet.columns) if (!column.hidden) values[column.key] = record.values[column.key];
  return { sheet: sheet.key, id: record.id, row: record.row, label: labelOf(sheet, record), values };
}

function labelOf(sheet: SheetDef, record: StoredRecord): string {
  const label = record.values[sheet.labelColumn ?? 'id'];
  return label === null || label === undefined || label === '' ? record.id : String(label);
}

function findRecord(tables: Tables, sheet: SheetDef, id: string): StoredRecord {
  const found = tables.records(sheet).find((r) => r.id === id);
  if (!found) throw new PiloteError('error.recordNotFound', { id, sheet: sheet.name });
  return found;
}

/**
 * The labels each reference column of `sheet` may take, read from the referenced tables: only
 * the target columns, one read per referenced table.
 */
function refOptions(tables: Tables, sheet: SheetDef): Record<string, string[]> {
  const columns = sheet.columns.filter(
    (c) => c.ref && !c.hidden && !c.readOnly && recordTables().some((s) => s.key === c.ref?.sheet),
  );
  const labels = readTargetLabels(tables.workbook, recordTables(), requestTargets(new Map(), columns));
  const out: Record<string, string[]> = {};
  for (const column of columns) {
    const ref = column.ref as NonNullable<typeof column.ref>;
    const found = labels.get(targetKey(ref.sheet, ref.column));
    if (!found) continue;
    out[column.key] = [...found].sort((a, b) => a.localeCompare(b, 'fr')).slice(0, MAX_REF_OPTIONS);
  }
  return out;
}

/** One record of a table. */
export function readRecord(request: unknown): RecordView {
  const { sheet: key, id } = parse(RecordRefSchema, request);
  const sheet = tableByKey(key);
  if (!id) throw new PiloteError('error.invalidArgument', { detail: 'id: required' });
  return view(sheet, findRecord(new Tables(), sheet, id));
}

/** What a form needs when it opens: reference labels, and the record when editing. */
export function readFormData(request: unknown): FormData {
  const { sheet: key, id } = parse(RecordRefSchema, request);
  const sheet = tableByKey(key);
  const tables = new Tables();
  const record = id ? view(sheet, findRecord(tables, sheet, id)) : null;
  return { sheet: sheet.key, record, refOptions: refOptions(tables, sheet) };
}

/**
 * Records whose label or text columns contain every word of the query, case and accents
 * ignored; most recent (lowest in the sheet) first, one page of at most `MAX_HITS` from
 * `offset`. Each page costs one read of the table, whatever its size.
 */
export function findRecords(request: unknown): SearchResults {
  const { sheet: key, query, offset = 0 } = parse(SearchRequestSchema, request);
  const sheet = tableByKey(key);
  const words = choiceKey(query)
    .split(' ')
    .filter((w) => w !== '');
  const searched = sheet.columns.filter((c) => !c.hidden && SEARCHED_TYPES.has(c.type));
  const matches: StoredRecord[] = [];
  for (const record of new Tables().records(sheet)) {
    const haystack = choiceKey(
      [labelOf(sheet, record), record.id, ...searched.map((c) => record.values[c.key] ?? '')].join(
        ' \u0000 ',
      ),
    );
    if (words.every((w) => haystack.indexOf(w) >= 0)) matches.push(record);
  }
  const hits: SearchHit[] = matches
    .reverse()
    .slice(offset, offset + MAX_HITS)
    .map((record) => ({
      id: record.id,
      row: record.row,
      label: labelOf(sheet, record),
      detail: detailOf(sheet, record),
    }));
  return { sheet: sheet.key, hits, total: matches.length, offset };
}

function detailOf(sheet: SheetDef, record: StoredRecord): string {
  const parts: string[] = [];
  for (const column of sheet.columns) {
    if (parts.length >= 3 || column.hidden || column.key === sheet.labelColumn) continue;
    const value = record.values[column.key];
    if (typeof value === 'string' && value !== '' && value.length <= 40 && column.type !== 'longText')
      parts.push(value);
  }
  return parts.join(' · ');
}

/** The record under the active cell, with what its form needs; refused outside a table's records. */
export function readSelectedRecord(workbook: WorkbookSession = new WorkbookSession()): FormData {
  const range = workbook.spreadsheet.getActiveRange();
  if (!range) throw new PiloteError('error.noSelection');
  const sheetName = range.getSheet().getName();
  const row = range.getRow();
  const sheet = tableOfSheet(workbook, sheetName);
  if (!sheet) throw new PiloteError('error.noSelection');
  const tables = new Tables(workbook);
  const record = tables.records(sheet).find((r) => r.row === row);
  if (!record) throw new PiloteError('error.notARecord', { row, sheet: sheetName });
  return { sheet: sheet.key, record: view(sheet, record), refOptions: refOptions(tables, sheet) };
}

/** The table whose named range lies on the sheet called `name` (schema name tried first). */
function tableOfSheet(workbook: WorkbookSession, name: string): SheetDef | null {
  const tables = recordTables();
  const ordered = [...tables.filter((s) => s.name === name), ...tables.filter((s) => s.name !== name)];
  for (const sheet of ordered) {
    const range = workbook.findTableRange(sheet);
    if (range && range.getSheet().getName() === name) return sheet;
  }
  return null;
}
