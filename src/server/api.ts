/**
 * The functions the sidebar may call through `google.script.run`. Each validates its input,
 * takes and returns JSON only, and answers with an `RpcResult`.
 */
import * as v from 'valibot';
import type { StoredRecord } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import type {
  FormData,
  RecordView,
  RpcResult,
  SavedRecord,
  SearchResults,
  SetupSummary,
  SidebarBootstrap,
} from '../shared/rpc';
import { BootstrapRequestSchema, describeIssues } from '../shared/requests';
import { APP_VERSION } from '../shared/version';
import { PiloteError } from './errors';
import { userLocale } from './locale';
import { type DemoSummary, loadDemoWorkbook } from './demo';
import { formCatalogue } from './forms';
import { findRecords, readFormData, readRecord, readSelectedRecord } from './record-queries';
import { createOrUpdateRecord, readRecords } from './records';
import { respond } from './rpc';
import { installOrUpdateWorkbook } from './setup';
import { type PostedCost, type ProposalSummary, postMaintenanceCost, proposeSafetyChecks } from './safety';
import { type DocumentTypeSummary, listDocumentTypes } from './documents/catalogue';
import { type GenerateAnswer, generateDocument } from './documents/generate';
import { type SyncReport, syncCalendars } from './calendar-sync';
import { installSyncTrigger, removeSyncTrigger, type SyncTriggerState } from './bookings/sync-trigger';
import { type DigestState, setDigestSubscription, type TodoList, todoList } from './digest';
import { proposeWeekRota, readTodayRota, type RotaWeekAnswer, type TodayRota } from './rota';
import { readVolunteerEngagement } from './volunteers';
import type { EngagementFigures } from '../domain/volunteers/engagement';
import { type ProtectionsReport, updateProtections } from './restricted-sheets';
import { type InitiativeMatch, searchInitiatives } from './people';

/**
 * Everything the sidebar shows at open, in one call: the workbook and every table's form; with
 * `{ start: 'selection' }` (menu « Modifier la ligne sélectionnée ») also the selected record.
 */
export function getSidebarBootstrap(options?: unknown): RpcResult<SidebarBootstrap> {
  const started = Date.now();
  return respond(() => {
    const parsed = v.safeParse(BootstrapRequestSchema, options);
    if (!parsed.success)
      throw new PiloteError('error.invalidArgument', { detail: describeIssues(parsed.issues) });
    const workbook = new WorkbookSession();
    const locale = userLocale();
    const boot: SidebarBootstrap = {
      locale,
      catalogue: formCatalogue(locale),
      documentTypes: listDocumentTypes(locale),
      appVersion: APP_VERSION,
      schemaVersion: workbook.schemaVersion() ?? 0,
      workbookName: workbook.spreadsheet.getName(),
      userEmail: Session.getActiveUser().getEmail(),
      serverMs: 0,
    };
    if (parsed.output?.start === 'selection') {
      const selected = respond(() => readSelectedRecord(workbook));
      if (selected.ok) boot.selected = selected.data;
      else boot.selectionError = selected.error;
    }
    boot.serverMs = Date.now() - started;
    return boot;
  });
}

/** Creates (no id) or updates (id) a record; the request id makes a double submit harmless. */
export function saveRecord(request: unknown): RpcResult<SavedRecord> {
  return respond(() => createOrUpdateRecord(request));
}

/** What a form needs when it opens (`{ sheet, id? }`): reference labels and the record to edit. */
export function getFormData(request: unknown): RpcResult<FormData> {
  return respond(() => readFormData(request));
}

/** One record (`{ sheet, id }`), values as JSON. */
export function getRecord(request: unknown): RpcResult<RecordView> {
  return respond(() => readRecord(request));
}

/** Records of a table matching `{ sheet, query, offset? }`, case and accents ignored, 50 a page. */
export function searchRecords(request: unknown): RpcResult<SearchResults> {
  return respond(() => findRecords(request));
}

/** The record under the active cell of the workbook, with its form's data. */
export function getSelectedRecord(): RpcResult<FormData> {
  return respond(() => readSelectedRecord());
}

/** The records of one table (dates as ISO strings). */
export function listRecords(sheetKey: unknown): RpcResult<StoredRecord[]> {
  return respond(() => readRecords(sheetKey));
}

/** Fills an empty workbook with the demo tiers-lieu; refused when records exist. */
export function loadDemoData(): RpcResult<DemoSummary> {
  return respond(() => loadDemoWorkbook());
}

/** Installs or updates the workbook's sheets; writes nothing when it is up to date. */
export function setupWorkbook(): RpcResult<SetupSummary> {
  return respond(() => installOrUpdateWorkbook());
}

/** The document types the « Documents » panel offers, with the subject each asks for. */
export function getDocumentTypes(): RpcResult<DocumentTypeSummary[]> {
  return respond(() => listDocumentTypes());
}

/**
 * Generates a document `{ type, subject, mode?, overwrite? }`. A document edited since Pilote
 * wrote it answers `status: 'editedByUser'` and is left alone unless `overwrite: true`.
 */
export function makeDocument(request: unknown): RpcResult<GenerateAnswer> {
  return respond(() => generateDocument(request));
}

/** Sends changed bookings to the spaces' calendars and brings back what changed there. */
export function syncBookingCalendars(): RpcResult<SyncReport> {
  return respond(() => syncCalendars());
}

/** Installs the hourly calendar sync (once: a second call creates nothing). */
export function installCalendarSyncTrigger(): RpcResult<SyncTriggerState> {
  return respond(() => installSyncTrigger());
}

/** Removes the hourly calendar sync. */
export function removeCalendarSyncTrigger(): RpcResult<SyncTriggerState> {
  return respond(() => removeSyncTrigger());
}

/** The « À faire » panel: what is due today, grouped, and whether the user receives the digest. */
export function getTodo(): RpcResult<TodoList> {
  return respond(() => todoList(userLocale()));
}

/** « Recevoir le récapitulatif quotidien »: `true` subscribes the current user, `false` stops it. */
export function setDailyDigest(on?: unknown): RpcResult<DigestState> {
  return respond(() => {
    if (typeof on !== 'boolean') throw new PiloteError('error.invalidArgument', { detail: 'on: boolean' });
    return setDigestSubscription(on, userLocale());
  });
}

/**
 * Proposes the rota of a week (`{ weekOf?, requestId }`, default the coming week) into
 * « Ouverture et fermeture »; lines people edited are kept, a retried request writes nothing.
 */
export function proposeRotaWeek(request: unknown): RpcResult<RotaWeekAnswer> {
  return respond(() => proposeWeekRota(request));
}

/** Today's lines of « Ouverture et fermeture »: who opens and closes, times, checklist. */
export function getTodayRota(): RpcResult<TodayRota> {
  return respond(() => readTodayRota());
}

/** Volunteers' engagement figures of `{ year }` (active, hours by month and task type, retention). */
export function getVolunteerEngagement(request: unknown): RpcResult<EngagementFigures> {
  return respond(() => readVolunteerEngagement(request));
}

/** Re-applies the protections of « Médiations » and « Communication » from the settings' lists. */
export function updateSheetProtections(): RpcResult<ProtectionsReport> {
  return respond(() => updateProtections());
}

/** « Initiatives inspirantes » matching `{ query }` (title, themes, lessons, place; accents and case ignored). */
export function findInitiatives(request: unknown): RpcResult<InitiativeMatch[]> {
  return respond(() => searchInitiatives(request));
}

/** Adds to « Échéancier de sécurité » the checks the venue's equipment calls for and it lacks. */
export function proposeSafetyCheckList(): RpcResult<ProposalSummary> {
  return respond(() => proposeSafetyChecks());
}

/** Posts a maintenance job's cost `{ id, requestId }` to « Opérations », once. */
export function postMaintenanceCostToOperations(request: unknown): RpcResult<PostedCost> {
  return respond(() => postMaintenanceCost(request));
}
