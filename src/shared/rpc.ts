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
export interface SidebarBootstrap {
  locale: 'fr' | 'en';
  appVersion: string;
  schemaVersion: number;
  workbookName: string;
  userEmail: string;
  /** Server-side duration of the call, modelled ms in the emulator, real ms on Google. */
  serverMs: number;
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
