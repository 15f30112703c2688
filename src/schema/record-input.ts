/**
 * What a user may write into a record, checked against the schema: only editable columns,
 * each value parsed by its column's rule. Bad input yields one error per field and no value.
 */
import { hasOwn } from '../shared/objects';
import { parseCellInput } from '../domain/values';
import type { ParseContext, ValueErrorCode } from '../domain/value-types';
import type { CellValue, ColumnDef, SheetDef } from './types';

/** One refused field: the column key, a stable code and the message parameters. */
export interface FieldError {
  field: string;
  code: ValueErrorCode | 'unknown_field';
  params: Record<string, string | number>;
}

export type RecordInputResult =
  | { ok: true; values: Record<string, CellValue> }
  | { ok: false; errors: FieldError[] };

/** Columns people fill in: not the id, stamps, technical, computed or read-only ones. */
export function editableColumns(sheet: SheetDef): ColumnDef[] {
  return sheet.columns.filter((c) => !c.hidden && !c.readOnly && c.type !== 'formula' && c.type !== 'id');
}

/**
 * Parses `input` for `sheet`. `create` parses every editable column (absent ones count as
 * empty, so required ones are refused); `update` parses only the fields present. Unknown or
 * non-editable fields are refused: the server never trusts the client's idea of the schema.
 */
export function validateRecordInput(
  sheet: SheetDef,
  input: Record<string, unknown>,
  ctx: ParseContext,
  mode: 'create' | 'update',
): RecordInputResult {
  const editable = editableColumns(sheet);
  const byKey = new Map(editable.map((c) => [c.key, c]));
  const errors: FieldError[] = [];
  for (const key of Object.keys(input)) {
    if (!byKey.has(key)) errors.push({ field: key, code: 'unknown_field', params: { field: key } });
  }
  const values: Record<string, CellValue> = {};
  for (const column of editable) {
    const present = hasOwn(input, column.key);
    if (mode === 'update' && !present) continue;
    const result = parseCellInput(column, present ? input[column.key] : null, ctx);
    if (result.ok) values[column.key] = result.value;
    else errors.push({ field: column.key, code: result.error.code, params: result.error.params });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}
