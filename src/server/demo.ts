/**
 * Use case: fill an empty workbook with the demo tiers-lieu (a fixed seed, so every run gives
 * the same figures), to discover Pilote or to train a team. Refused on a workbook that already
 * holds records: demo data never mixes with real data.
 */
import { hasOwn } from '../shared/objects';
import { generateDemoData } from '../demo';
import { SHEETS } from '../schema';
import { layoutFromKeyRow } from '../schema/layout';
import { validateRecordInput } from '../schema/record-input';
import type { CellValue } from '../schema/types';
import { t } from '../shared/i18n';
import { extendFormulas, workbookEnvironment } from './adapters/formula-writer';
import { appendJournal } from './adapters/journal';
import { SettingsRepository } from './adapters/settings-repository';
import { TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { applySchema } from './adapters/workbook-setup';
import { seedChartOfAccounts } from './accounts';
import { PiloteError } from './errors';
import { userLocale } from './locale';
import { withDocumentLock } from './lock';
import { applyRestrictedSheets } from './restricted-sheets';
import { clearSchedule } from './safety';
import { parseCellInput } from '../domain/values';

/** What was loaded. */
export interface DemoSummary {
  message: string;
  records: number;
}

/** Loads the demo dataset into an empty workbook (setting it up first when needed). */
export function loadDemoWorkbook(): DemoSummary {
  return withDocumentLock(() => {
    const workbook = new WorkbookSession();
    if (SHEETS.some((def) => def.kind === 'table' && !workbook.findTableRange(def))) applySchema(workbook);
    // The demo's budget and operations use accounts of the chart that setup writes.
    seedChartOfAccounts(workbook);
    const timeZone = Session.getScriptTimeZone();
    // The story is seen from today (the year is today's): past events done, future ones planned.
    const today = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
    const dataset = generateDemoData({ seed: 1, today });
    const ctx = { locale: 'fr' as const, timeZone };
    const repositories = dataset.tables.map((table) => {
      const def = SHEETS.find((s) => s.key === table.sheet && s.kind === 'table');
      if (!def) throw new Error(`demo data for unknown table ${table.sheet}`);
      return { def, table, repository: new TableRepository(workbook, def) };
    });
    // « Échéancier de sécurité » holds what setup proposed from default settings, not records
    // people typed: the demo venue's schedule replaces it.
    if (repositories.some(({ def, repository }) => def.key !== 'safetySchedule' && repository.count() > 0))
      throw new PiloteError('error.demoNotEmpty');
    if (clearSchedule(workbook) > 0) {
      const at = repositories.findIndex(({ def }) => def.key === 'safetySchedule');
      if (at >= 0) repositories[at].repository = new TableRepository(workbook, repositories[at].def);
    }
    const now = new Date();
    let total = 0;
    const env = workbookEnvironment(workbook);
    for (const { def, table, repository } of repositories) {
      const records = table.records.map((record, i) => {
        const checked = validateRecordInput(def, record, ctx, 'create');
        if (!checked.ok) throw new Error(`demo ${def.key}[${i}] invalid: ${JSON.stringify(checked.errors)}`);
        return checked.values;
      });
      const { firstRow, ids } = repository.insertMany(records, now);
      total += ids.length;
      const range = workbook.tableRange(def);
      const sheet = range.getSheet();
      const keys = sheet.getRange(1, 1, 1, range.getNumColumns()).getValues()[0];
      extendFormulas(workbook, def, sheet, layoutFromKeyRow(def, keys), firstRow + ids.length, env);
    }
    const settingsDef = SHEETS.find((s) => s.kind === 'settings');
    const settings: Record<string, CellValue> = {};
    for (const setting of settingsDef?.settings ?? []) {
      if (!hasOwn(dataset.settings, setting.key)) continue;
      const parsed = parseCellInput(setting, dataset.settings[setting.key], ctx);
      if (!parsed.ok) throw new Error(`demo setting ${setting.key} invalid: ${parsed.error.code}`);
      settings[setting.key] = parsed.value;
    }
    new SettingsRepository(workbook).write(settings);
    // The demo lists coordinators: the restricted sheets now follow them (issue 12).
    applyRestrictedSheets(workbook);
    const message = t(userLocale(), 'demo.loaded', { n: total });
    appendJournal(workbook, {
      at: now,
      user: Session.getActiveUser().getEmail(),
      action: 'Import',
      sheet: '',
      recordId: '',
      summary: message,
    });
    return { message, records: total };
  });
}
