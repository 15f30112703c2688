/** The add-on menu and the sidebar opener. */
import { t } from '../shared/i18n';
import { loadDemoData, setupWorkbook } from './api';
import { userLocale } from './locale';

/** Builds Extensions → Pilote. Runs as a simple trigger: no authorised service here. */
export function buildMenu(): void {
  const locale = userLocale();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t(locale, 'menu.open'), 'openSidebar')
    .addSeparator()
    .addItem(t(locale, 'menu.setup'), 'menuSetupWorkbook')
    .addItem(t(locale, 'menu.demo'), 'menuLoadDemoData')
    .addToUi();
}

/** Shows the sidebar built from dist/Sidebar.html. */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(userLocale(), 'sidebar.title'));
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
