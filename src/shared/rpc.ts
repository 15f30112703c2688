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
