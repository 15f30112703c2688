/** The add-on menu and the sidebar opener. */
import { t } from '../shared/i18n';
import {
  loadDemoData,
  proposeRotaWeek,
  proposeSafetyCheckList,
  setDailyDigest,
  setupWorkbook,
  syncBookingCalendars,
  updateSheetProtections,
} from './api';
import { isSubscribed } from './digest';
import { respond } from './rpc';
import { postSelectedMaintenanceCost } from './safety';
import { userLocale } from './locale';

/**
 * Builds Extensions → Pilote. Runs in `onOpen`, a simple trigger: in AuthMode.NONE (an add-on
 * installed but not yet used in this document) only the menu may be built — not even the user's
 * locale is read, so the menu is French; in LIMITED and FULL it follows the user's locale.
 */
export function buildMenu(authMode?: GoogleAppsScript.Script.AuthMode): void {
  const locale = authMode === ScriptApp.AuthMode.NONE ? 'fr' : userLocale();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(locale, 'menu.open'), 'openSidebar')
    .addItem(t(locale, 'menu.editSelection'), 'menuEditSelection')
    .addItem(t(locale, 'menu.documents'), 'menuDocuments')
    .addItem(t(locale, 'menu.sync'), 'menuSyncCalendars')
    .addItem(t(locale, 'menu.digest'), 'menuDailyDigest')
    .addItem(t(locale, 'menu.rota'), 'menuProposeRota')
    .addItem(t(locale, 'menu.proposeChecks'), 'menuProposeSafetyChecks')
    .addItem(t(locale, 'menu.postMaintenanceCost'), 'menuPostMaintenanceCost')
    .addSeparator()
    .addItem(t(locale, 'menu.setup'), 'menuSetupWorkbook')
    .addItem(t(locale, 'menu.protections'), 'menuUpdateProtections')
    .addItem(t(locale, 'menu.demo'), 'menuLoadDemoData')
    .addToUi();
}

/** What the sidebar shows first: its home, or the form of the record under the active cell. */
export type SidebarStart = 'home' | 'selection' | 'documents';

/**
 * Shows the sidebar built from dist/Sidebar.html. `selection` marks the page (a constant
 * attribute, no data) so that its first call also brings the selected record.
 */
export function showSidebar(start: SidebarStart = 'home'): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(userLocale(), 'sidebar.title'));
  if (start !== 'home') {
    html.setContent(html.getContent().replace('<main id="app"', `<main id="app" data-start="${start}"`));
  }
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: installs or updates the workbook and tells the user what changed. */
export function setupFromMenu(): void {
  const result = setupWorkbook();
  const ui = SpreadsheetApp.getUi();
  ui.alert(result.ok ? result.data.message : result.error.message);
}

/** Menu: loads the demo tiers-lieu into an empty workbook and says what happened. */
export function loadDemoFromMenu(): void {
  const result = loadDemoData();
  SpreadsheetApp.getUi().alert(result.ok ? result.data.message : result.error.message);
}

/** Menu: syncs the spaces' calendars and says what was sent, received and refused. */
export function syncFromMenu(): void {
  const result = syncBookingCalendars();
  if (!result.ok) {
    SpreadsheetApp.getUi().alert(result.error.message);
    return;
  }
  // The public agenda's embed address and how to make it public, after the counts.
  const agenda = result.data.publicAgenda;
  const locale = userLocale();
  const more = agenda
    ? `\n\n${t(locale, 'publicAgenda.summary', { pushed: agenda.pushed, removed: agenda.removed })} ${agenda.embedUrl}\n${t(locale, 'publicAgenda.howToPublish')}`
    : '';
  SpreadsheetApp.getUi().alert(`${result.data.message}${more}`);
}

/** Menu: turns the daily digest on for the current user, or off when they already receive it. */
export function digestFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const result = setDailyDigest(!isSubscribed());
  ui.alert(result.ok ? result.data.message : result.error.message);
}

/**
 * Menu: proposes the coming week's rota and says what was written. One request id per click
 * (a menu click is not retried by the client; the sidebar keeps its own across retries).
 */
export function proposeRotaFromMenu(): void {
  const result = proposeRotaWeek({ requestId: `menu-${Utilities.getUuid()}` });
  SpreadsheetApp.getUi().alert(result.ok ? result.data.message : result.error.message);
}

/** Menu: re-applies the protections of « Médiations » and « Communication » (issue 12). */
export function protectionsFromMenu(): void {
  const result = updateSheetProtections();
  SpreadsheetApp.getUi().alert(result.ok ? result.data.message : result.error.message);
}

/** Menu: proposes the safety checks the venue's equipment calls for and says how many were added. */
export function proposeChecksFromMenu(): void {
  const result = proposeSafetyCheckList();
  SpreadsheetApp.getUi().alert(result.ok ? result.data.message : result.error.message);
}

/** Menu: posts the cost of the selected « Maintenance » row to « Opérations » and says what happened. */
export function postCostFromMenu(): void {
  const result = respond(() => postSelectedMaintenanceCost());
  SpreadsheetApp.getUi().alert(result.ok ? result.data.message : result.error.message);
}
