/**
 * The entry Apps Script sees: every global function (simple triggers, menu handlers, the
 * sidebar API) and nothing else. The build turns each export into a top-level declaration.
 */
import {
  buildMenu,
  digestFromMenu,
  loadDemoFromMenu,
  proposeRotaFromMenu,
  protectionsFromMenu,
  postCostFromMenu,
  proposeChecksFromMenu,
  setupFromMenu,
  showSidebar,
  syncFromMenu,
} from './menu';

export {
  getDocumentTypes,
  getFormData,
  getRecord,
  getSelectedRecord,
  getSidebarBootstrap,
  listRecords,
  loadDemoData,
  makeDocument,
  postMaintenanceCostToOperations,
  proposeSafetyCheckList,
  saveRecord,
  searchRecords,
  setupWorkbook,
  syncBookingCalendars,
  installCalendarSyncTrigger,
  updateSheetProtections,
  findInitiatives,
  removeCalendarSyncTrigger,
  getTodo,
  setDailyDigest,
  proposeRotaWeek,
  getTodayRota,
  getVolunteerEngagement,
} from './api';
import { syncCalendars } from './calendar-sync';
import { sendDailyDigest } from './digest';

/** Simple trigger: the spreadsheet was opened (AuthMode.NONE, LIMITED or FULL). */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e?.authMode);
}

/** Simple trigger: the add-on was installed from the Marketplace (AuthMode.FULL). */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e?.authMode);
}

/** Menu: Extensions → Pilote → Ouvrir Pilote. */
export function openSidebar(): void {
  showSidebar();
}

/** Menu: Extensions → Pilote → Modifier la ligne sélectionnée (the sidebar opens on its record). */
export function menuEditSelection(): void {
  showSidebar('selection');
}

/** Menu: Extensions → Pilote → Produire un document (the sidebar opens on its « Documents » panel). */
export function menuDocuments(): void {
  showSidebar('documents');
}

/** Menu: Extensions → Pilote → Installer ou mettre à jour le classeur. */
export function menuSetupWorkbook(): void {
  setupFromMenu();
}

/** Menu: Extensions → Pilote → Mettre à jour les protections (issue 12). */
export function menuUpdateProtections(): void {
  protectionsFromMenu();
}

/** Menu: Extensions → Pilote → Charger des données d’exemple. */
export function menuLoadDemoData(): void {
  loadDemoFromMenu();
}

/** Menu: Extensions → Pilote → Synchroniser les agendas. */
export function menuSyncCalendars(): void {
  syncFromMenu();
}

/** Menu: Extensions → Pilote → Proposer le planning de la semaine (the coming week). */
export function menuProposeRota(): void {
  proposeRotaFromMenu();
}

/** Menu: Extensions → Pilote → Proposer les vérifications de sécurité. */
export function menuProposeSafetyChecks(): void {
  proposeChecksFromMenu();
}

/** Menu: Extensions → Pilote → Passer en charge dans les opérations (the selected « Maintenance » row). */
export function menuPostMaintenanceCost(): void {
  postCostFromMenu();
}

/** Installable time-driven trigger (installCalendarSyncTrigger): the hourly calendar sync. */
export function syncCalendarsTrigger(): void {
  const report = syncCalendars();
  console.log(report.message);
}

/** Menu: Extensions → Pilote → Recevoir le récapitulatif quotidien (turns it on, or off when on). */
export function menuDailyDigest(): void {
  digestFromMenu();
}

/** Installable time-driven trigger (setDailyDigest): the daily digest, every day around 7 h. */
export function dailyDigestTrigger(): void {
  const report = sendDailyDigest();
  console.log(JSON.stringify(report));
}
