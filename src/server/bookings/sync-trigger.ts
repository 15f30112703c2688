/**
 * The one time-driven trigger that runs the calendar sync every hour (an installable trigger:
 * developers.google.com/apps-script/guides/triggers/installable, scope script.scriptapp). Installed
 * once: a second install finds it by its handler and creates nothing; removable.
 */

/** Whether the hourly sync is installed after the call, and what the call changed. */
export interface SyncTriggerState {
  installed: boolean;
  created: boolean;
  removed?: number;
}

/** The global function the trigger calls (src/server/main.ts). */
export const SYNC_TRIGGER_HANDLER = 'syncCalendarsTrigger';

function ours(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SYNC_TRIGGER_HANDLER);
}

/** Installs the hourly sync unless it exists. */
export function installSyncTrigger(): SyncTriggerState {
  const existing = ours();
  if (existing.length > 0) return { installed: true, created: false };
  ScriptApp.newTrigger(SYNC_TRIGGER_HANDLER).timeBased().everyHours(1).create();
  return { installed: true, created: true };
}

/** Removes the hourly sync (every copy, should there be several). */
export function removeSyncTrigger(): SyncTriggerState {
  const existing = ours();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  return { installed: false, created: false, removed: existing.length };
}
