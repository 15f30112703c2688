/**
 * The JSON contract between the sidebar and the server: every API function returns an
 * `RpcResult`, never throws to the client, and carries errors as a stable code plus a message
 * already localised for the user.
 */

/** An error the user can read: stable `code`, localised `message`, optional form `field`. */
export interface RpcError {
  code: string;
  message: string;
  field?: string;
  /** One entry per refused form field, messages already localised. */
  fields?: RpcFieldError[];
}

/** A refused form field: its column key, a stable code and a localised message. */
export interface RpcFieldError {
  field: string;
  code: string;
  message: string;
}

export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: RpcError };

/** The value inside an `RpcResult`. */
export type RpcData<R> = R extends { ok: true; data: infer T } ? T : never;

/** What the sidebar needs at open, in one call. */
/** A document type as the « Documents » panel lists it: key, name in the user's language, subject asked. */
export interface DocumentTypeSummary {
  key: string;
  title: string;
  subject: 'year' | 'period' | 'action' | 'grant' | 'meeting' | 'none';
}

export interface SidebarBootstrap {
  locale: 'fr' | 'en';
  appVersion: string;
  schemaVersion: number;
  workbookName: string;
  userEmail: string;
  /** Server-side duration of the call, modelled ms in the emulator, real ms on Google. */
  serverMs: number;
  /** The record forms of every table, grouped by domain. */
  catalogue: FormCatalogue;
  /** The « Documents » panel's types (in the bootstrap, so the sidebar still opens in one call). */
  documentTypes: DocumentTypeSummary[];
  /** Opened by « Modifier la ligne sélectionnée »: the record under the active cell… */
  selected?: FormData;
  /** …or why there is none (not a record, no table), localised. */
  selectionError?: RpcError;
}

/** A record to create (no `id`) or update (`id`), sent by a sidebar form. */
export interface SaveRecordRequest {
  /** Key of the table, e.g. `bookings`. */
  sheet: string;
  /** Absent or null to create. */
  id?: string | null;
  /** Field values as typed (strings, numbers, booleans, null); for an update, only the changed ones. */
  values: Record<string, unknown>;
  /** Unique per submission: a double submit writes one row. */
  requestId: string;
}

/** What a save did. */
export interface SavedRecord {
  sheet: string;
  id: string;
  row: number;
  /** True when this request had already been written (double submit): nothing new was written. */
  duplicate: boolean;
}

/** What setup did, for the user. */
export interface SetupSummary {
  message: string;
  createdSheets: string[];
  addedColumns: number;
  changed: boolean;
  schemaVersion: number;
}

/** A value as a form reads and the server returns it (dates as ISO strings). */
export type FormValue = number | string | boolean | null;

/** One editable field of a record form, derived from the schema. */
export interface FormField {
  key: string;
  /** French header, English label when the user's locale is English. */
  label: string;
  type: string;
  required: boolean;
  help?: string;
  options?: string[];
  multiple?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** For a reference: the key of the table whose labels it takes. */
  ref?: string;
}

/** The form of one table. */
export interface FormDescription {
  key: string;
  name: string;
  /** Key of the navigation domain the table belongs to. */
  domain: string;
  labelField: string;
  fields: FormField[];
}

/** A group of tables in the sidebar's navigation. */
export interface FormDomain {
  key: string;
  label: string;
  tables: string[];
}

/** Everything the record forms need at open, part of the bootstrap (no sheet read). */
export interface FormCatalogue {
  domains: FormDomain[];
  forms: FormDescription[];
}

/** A stored record as the sidebar edits it. */
export interface RecordView {
  sheet: string;
  id: string;
  row: number;
  label: string;
  values: Record<string, FormValue>;
}

/** What a form needs when it opens: the labels each reference may take, and the record to edit. */
export interface FormData {
  sheet: string;
  record: RecordView | null;
  /** Column key → labels of the referenced table (sorted, unique). */
  refOptions: Record<string, string[]>;
}

/** One search hit. */
export interface SearchHit {
  id: string;
  row: number;
  label: string;
  /** A second line: the first other non-empty short values. */
  detail: string;
}

/**
 * One page of a search: at most 50 hits from `offset`, most recent first, and how many matched
 * in all (« Voir plus » asks for the next page while `offset + hits.length < total`).
 */
export interface SearchResults {
  sheet: string;
  hits: SearchHit[];
  total: number;
  offset: number;
}
