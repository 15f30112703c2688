/**
 * Use case: « Comptes » starts with the plan comptable associatif (classes 6, 7, 86 and 87), so
 * that budget lines and operations can pick an account from the first day. Users add their own
 * sub-accounts (`6061 Fournitures d’ateliers`): Pilote only fills an empty « Comptes ».
 */
import { CHART_OF_ACCOUNTS } from '../domain/finance/chart-of-accounts';
import { accountsSheet } from '../schema/sheets/finance';
import type { CellValue } from '../schema/types';
import { extendFormulas, formulaEnd, workbookEnvironment } from './adapters/formula-writer';
import { TableRepository } from './adapters/table-repository';
import type { WorkbookSession } from './adapters/workbook';

/** The chart as « Comptes » records. */
export function chartOfAccountsRecords(): Record<string, CellValue>[] {
  return CHART_OF_ACCOUNTS.map((a) => ({
    number: a.number,
    label: a.label,
    accountClass: a.accountClass,
    nature: a.nature,
    cerfaLine: a.cerfaLine,
    notes: a.notes,
  }));
}

/** Writes the chart into an empty « Comptes » (one read, one block write); the number of accounts added. */
export function seedChartOfAccounts(workbook: WorkbookSession, now: Date = new Date()): number {
  if (!workbook.findTableRange(accountsSheet)) return 0;
  const repository = new TableRepository(workbook, accountsSheet);
  if (repository.count() > 0) return 0;
  const { firstRow, ids } = repository.insertMany(chartOfAccountsRecords(), now);
  const lastRow = firstRow + ids.length - 1;
  // Setup writes computed columns one block ahead: only a very short block needs extending.
  if (lastRow >= formulaEnd(workbook, accountsSheet)) {
    extendFormulas(
      workbook,
      accountsSheet,
      repository.sheetHandle(),
      repository.layout(),
      lastRow + 1,
      workbookEnvironment(workbook),
    );
  }
  return ids.length;
}
