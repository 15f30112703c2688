/** Use case: install or update the workbook (menu and sidebar), under the document lock. */
import { SCHEMA_VERSION } from '../schema';
import { t } from '../shared/i18n';
import type { SetupSummary } from '../shared/rpc';
import { appendJournal } from './adapters/journal';
import { WorkbookSession } from './adapters/workbook';
import { applySchema } from './adapters/workbook-setup';
import { seedChartOfAccounts } from './accounts';
import { userLocale } from './locale';
import { withDocumentLock } from './lock';
import { applyRestrictedSheets } from './restricted-sheets';
import { proposeMissingChecks } from './safety';

/** Creates what is missing; a second run writes nothing. */
export function installOrUpdateWorkbook(): SetupSummary {
  return withDocumentLock(() => {
    const workbook = new WorkbookSession();
    const report = applySchema(workbook);
    if (seedChartOfAccounts(workbook) > 0) report.changed = true;
    // Médiations and Communication: real protections with the settings' editors (issue 12).
    applyRestrictedSheets(workbook);
    // First setup and the migration to schema 4 propose the safety schedule from the settings.
    const fromBefore4 = report.fromVersion === null || report.fromVersion < 4;
    if (fromBefore4 && proposeMissingChecks(workbook) > 0) report.changed = true;
    const addedColumns = report.addedColumns.reduce((n, a) => n + a.columns.length, 0);
    if (report.changed) {
      appendJournal(workbook, {
        at: new Date(),
        user: Session.getActiveUser().getEmail(),
        action: 'Mise à jour du classeur',
        sheet: '',
        recordId: '',
        summary: t(userLocale(), 'journal.setup', { version: SCHEMA_VERSION }),
      });
    }
    return {
      message: t(userLocale(), 'setup.done', { created: report.createdSheets.length, columns: addedColumns }),
      createdSheets: report.createdSheets,
      addedColumns,
      changed: report.changed,
      schemaVersion: report.toVersion,
    };
  });
}
