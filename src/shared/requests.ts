/**
 * Shapes of what the sidebar sends, checked with valibot on both sides: the client before
 * sending, the server again on arrival (it never trusts the client).
 */
import * as v from 'valibot';

const key = v.pipe(v.string(), v.regex(/^[a-z][A-Za-z0-9]{0,63}$/));
const fieldValue = v.union([v.string(), v.number(), v.boolean(), v.null()]);

export const SaveRecordRequestSchema = v.strictObject({
  sheet: key,
  id: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2,5}-\d{1,9}$/)))),
  values: v.record(key, fieldValue),
  requestId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
});

export const SheetKeySchema = key;

/** The first problem of `issues` as a short English description (for logs and error.invalidArgument). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${first.message}` : first.message;
}

const recordId = v.pipe(v.string(), v.regex(/^[A-Z]{2,5}-\d{1,9}$/));

/** `getRecord` / `getFormData`: a table and, to edit, one of its records. */
export const RecordRefSchema = v.strictObject({
  sheet: key,
  id: v.optional(v.nullable(recordId)),
});

/**
 * `searchRecords`: a table, the typed text (empty lists the latest records) and, for « Voir
 * plus », how many hits the sidebar already shows.
 */
export const SearchRequestSchema = v.strictObject({
  sheet: key,
  query: v.pipe(v.string(), v.maxLength(200)),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000))),
});

/** `getSidebarBootstrap`: nothing, or `{ start: 'selection' }` to also bring the selected record. */
export const BootstrapRequestSchema = v.optional(
  v.nullable(v.strictObject({ start: v.optional(v.picklist(['home', 'selection'])) })),
);
