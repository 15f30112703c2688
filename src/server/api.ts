/**
 * The functions the sidebar may call through `google.script.run`. Each validates its input,
 * takes and returns JSON only, and answers with an `RpcResult`.
 */
import type { RpcResult, SidebarBootstrap } from '../shared/rpc';
import { APP_VERSION } from '../shared/version';
import { userLocale } from './locale';
import { respond } from './rpc';

const SCHEMA_VERSION_UNKNOWN = 0;

/** Everything the sidebar shows at open, in one call (one sheet read at most). */
export function getSidebarBootstrap(): RpcResult<SidebarBootstrap> {
  const started = Date.now();
  return respond(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return {
      locale: userLocale(),
      appVersion: APP_VERSION,
      schemaVersion: SCHEMA_VERSION_UNKNOWN,
      workbookName: spreadsheet.getName(),
      userEmail: Session.getActiveUser().getEmail(),
      serverMs: Date.now() - started,
    };
  });
}
