/**
 * Creates and migrates the workbook from the schema. Idempotent: a second run reads and writes
 * nothing. It only ever adds: missing sheets, missing columns (after the last used column, so no
 * existing cell moves), missing settings rows and named ranges. It never deletes, reorders or
 * overwrites what users typed, and it refuses a workbook stamped by a newer Pilote. The only
 * things it replaces are Pilote's own: computed formulas and conditional formats a newer schema
 * changed (a rule found by its previous formula; users' rules stay, in their order).
 */
import {
  DATA_ROW_COUNT,
  FIRST_DATA_ROW,
  type FormulaEnvironment,
  HEADER_ROW,
  KEY_ROW,
  LAST_DATA_ROW,
  numberFormatFor,
  renderColumnFormula,
  renderConditionalFormula,
  SCHEMA_VERSION,
  SHEETS,
  settingRangeName,
  TODAY_NAME,
} from '../../schema';
import { layoutFromKeyRow, type TableLayout, tableRangeName } from '../../schema/layout';
import type { ColumnDef, ConditionalFormatDef, SettingDef, SheetDef } from '../../schema/types';
import { encodeCell } from './cell-codec';
import { ensurePeriodSelector, writeDashboard } from './dashboard';
import { formatDataRows, runs } from './column-format';
import { extendFormulas, formulaEnd, writeFormulas } from './formula-writer';
import { TableRepository } from './table-repository';
import { SCHEMA_VERSION_KEY, type WorkbookSession } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** What a setup run changed. */
export interface SetupReport {
  fromVersion: number | null;
  toVersion: number;
  createdSheets: string[];
  addedColumns: { sheet: string; columns: string[] }[];
  addedSettings: string[];
  /** False when the workbook already matched the schema: nothing was written. */
  changed: boolean;
}

/** A table as found (or made) in the workbook during a run. */
interface TableState {
  def: SheetDef;
  sheet: Sheet;
  name: string;
  layout: TableLayout;
  /** Columns to format, validate and fill in the second pass. */
  pending: ColumnDef[];
  created: boolean;
  /** The sheet's size, read once and then tracked. */
  maxRows: number;
  maxCols: number;
}

const HEADER_BACKGROUND = '#e8eaed';

/** Brings the workbook to `version` of `sheets` (the schema by default). */
export function applySchema(
  workbook: WorkbookSession,
  sheets: readonly SheetDef[] = SHEETS,
  version: number = SCHEMA_VERSION,
): SetupReport {
  workbook.assertWritable();
  const ss = workbook.spreadsheet;
  const fromVersion = workbook.schemaVersion();
  const named = workbook.namedRanges();
  const report: SetupReport = {
    fromVersion,
    toVersion: version,
    createdSheets: [],
    addedColumns: [],
    addedSettings: [],
    changed: false,
  };

  let sheetCount: number | null = null;
  let byName: Map<string, Sheet> | null = null;
  const sheetsByName = (): Map<string, Sheet> => {
    if (!byName) byName = new Map(ss.getSheets().map((s) => [s.getName(), s]));
    return byName;
  };

  // Pass 1: every sheet exists and has every column key and header.
  const tables: TableState[] = [];
  sheets.forEach((def, position) => {
    const range = named.get(tableRangeName(def));
    const state = range ? openTable(def, range) : adoptOrCreate(def, position);
    if (state.created) report.createdSheets.push(def.name);
    else if (state.pending.length > 0) {
      report.addedColumns.push({ sheet: def.name, columns: state.pending.map((c) => c.key) });
    }
    tables.push(state);
  });

  // Settings first: their named cells (hourly value, today…) must exist before formulas use them.
  for (const state of tables) {
    if (state.def.kind === 'settings') report.addedSettings = ensureSettings(ss, state, named);
  }

  // The period cells next: « Comptes », « Espaces »… read their names.
  const periodCreated = ensurePeriodSelector(workbook);

  // Pass 2: formats, validations and formulas, now that every referenced sheet exists.
  const env = environment(tables);
  const sheetOf = (key: string) => tables.find((t) => t.def.key === key)?.sheet;
  for (const state of tables) {
    if (state.pending.length > 0) finishColumns(state, env, sheetOf);
    if (state.created) decorateNewSheet(state, env);
    else if (fromVersion !== null && fromVersion < version) {
      migrateConditionalFormats(state, env, fromVersion);
      refreshChangedOptions(state, env, sheetOf, fromVersion);
    }
    fillComputedColumns(state, env);
  }

  if (fromVersion !== version) {
    const existing = ss.getDeveloperMetadata().find((m) => m.getKey() === SCHEMA_VERSION_KEY);
    if (existing) existing.setValue(String(version));
    else ss.addDeveloperMetadata(SCHEMA_VERSION_KEY, String(version));
  }
  if (fromVersion === null && report.createdSheets.length > 0) removeUntouchedDefaultSheet(ss, sheets);

  report.changed =
    periodCreated ||
    fromVersion !== version ||
    report.createdSheets.length > 0 ||
    report.addedColumns.length > 0 ||
    report.addedSettings.length > 0;
  if (writeDashboard(workbook, env)) report.changed = true;
  if (report.changed) workbook.invalidate();
  return report;

  /**
   * Computed columns hold formulas one block beyond the last used row; a computed column added
   * by this run is first filled as far as the others already go.
   */
  function fillComputedColumns(state: TableState, env: FormulaEnvironment): void {
    const { def, sheet, layout } = state;
    if (def.kind !== 'table') return;
    const added = state.pending.filter((c) => c.type === 'formula' && c.formula);
    // A formula changed by a newer schema is rewritten: computed cells hold nothing people typed.
    const changed = def.columns.filter(
      (c) =>
        c.type === 'formula' &&
        c.formula &&
        fromVersion !== null &&
        (c.formulaSince ?? 0) > fromVersion &&
        !added.includes(c) &&
        layout.indexOf(c.key) >= 0,
    );
    const rewrite = [...added, ...changed];
    if (rewrite.length > 0 && !state.created) {
      writeFormulas(def, sheet, layout, rewrite, FIRST_DATA_ROW, formulaEnd(workbook, def), env);
    }
    if (!def.columns.some((c) => c.type === 'formula')) return;
    // The last record, not getLastRow(): formulas written ahead count as content for Sheets.
    const lastRecord = state.created ? HEADER_ROW : new TableRepository(workbook, def).lastUsedRow();
    extendFormulas(workbook, def, sheet, layout, lastRecord + 1, env);
  }

  /** A table found through its named range: reads its key row, adds missing columns. */
  function openTable(def: SheetDef, range: Range): TableState {
    const sheet = range.getSheet();
    const keyRow = sheet.getRange(range.getRow(), range.getColumn(), 1, range.getNumColumns()).getValues()[0];
    const state: TableState = {
      def,
      sheet,
      name: sheet.getName(),
      layout: layoutFromKeyRow(def, keyRow),
      pending: [],
      created: false,
      maxRows: range.getNumRows(),
      maxCols: range.getNumColumns(),
    };
    addMissingColumns(state);
    return state;
  }

  /** A sheet of the right name that carries our keys is adopted; otherwise a new sheet is made. */
  function adoptOrCreate(def: SheetDef, position: number): TableState {
    const candidate = sheetsByName().get(def.name);
    if (candidate) {
      const keyRow = candidate.getRange(KEY_ROW, 1, 1, candidate.getLastColumn() || 1).getValues()[0];
      const layout = layoutFromKeyRow(def, keyRow);
      if (layout.missing.length < def.columns.length || def.columns.length === 0) {
        const state: TableState = {
          def,
          sheet: candidate,
          name: def.name,
          layout,
          pending: [],
          created: false,
          maxRows: candidate.getMaxRows(),
          maxCols: candidate.getMaxColumns(),
        };
        if ((def.kind === 'table' || def.kind === 'log') && state.maxRows < LAST_DATA_ROW) {
          candidate.insertRowsAfter(state.maxRows, LAST_DATA_ROW - state.maxRows);
          state.maxRows = LAST_DATA_ROW;
        }
        addMissingColumns(state);
        ss.setNamedRange(tableRangeName(def), candidate.getRange(1, 1, state.maxRows, state.maxCols));
        return state;
      }
    }
    const name = candidate ? `${def.name} (Pilote)` : def.name;
    return createSheet(def, name, position);
  }

  function createSheet(def: SheetDef, name: string, position: number): TableState {
    if (sheetCount === null) sheetCount = ss.getNumSheets();
    const sheet = ss.insertSheet(name, Math.min(position, sheetCount));
    sheetCount += 1;
    let maxRows = sheet.getMaxRows();
    let maxCols = sheet.getMaxColumns();
    const width = Math.max(def.columns.length, 1);
    if (def.kind === 'table' || def.kind === 'log') {
      if (maxRows < LAST_DATA_ROW) sheet.insertRowsAfter(maxRows, LAST_DATA_ROW - maxRows);
      maxRows = Math.max(maxRows, LAST_DATA_ROW);
    }
    if (maxCols < width) sheet.insertColumnsAfter(maxCols, width - maxCols);
    maxCols = Math.max(maxCols, width);
    if (def.columns.length > 0) writeKeysAndHeaders(sheet, 1, def.columns);
    const state: TableState = {
      def,
      sheet,
      name,
      layout: layoutFromKeyRow(
        def,
        def.columns.map((c) => c.key),
      ),
      pending: [...def.columns],
      created: true,
      maxRows,
      maxCols,
    };
    ss.setNamedRange(tableRangeName(def), sheet.getRange(1, 1, maxRows, maxCols));
    return state;
  }

  /** Missing columns go after the last used column: nothing that exists moves. */
  function addMissingColumns(state: TableState): void {
    const { def, sheet } = state;
    if (state.layout.missing.length === 0) return;
    const start = sheet.getLastColumn() + 1;
    const missing = [...state.layout.missing];
    const needed = start - 1 + missing.length;
    // The sheet may be wider than the table's range: new columns go after everything.
    state.maxCols = sheet.getMaxColumns();
    if (state.maxCols < needed) {
      sheet.insertColumnsAfter(state.maxCols, needed - state.maxCols);
      state.maxCols = needed;
    }
    writeKeysAndHeaders(sheet, start, missing);
    const keyRow: unknown[] = [];
    for (let c = 0; c < start - 1 + missing.length; c += 1) keyRow.push('');
    for (let c = 1; c <= def.columns.length; c += 1) {
      const key = def.columns[c - 1].key;
      const at = state.layout.indexOf(key);
      if (at >= 0) keyRow[at] = key;
    }
    missing.forEach((column, i) => {
      keyRow[start - 1 + i] = column.key;
    });
    state.layout = layoutFromKeyRow(def, keyRow);
    state.pending = missing;
    ss.setNamedRange(tableRangeName(def), sheet.getRange(1, 1, state.maxRows, state.maxCols));
  }
}

/** Rows 1 (keys) and 2 (French headers) of `columns`, from `startColumn`, in one write. */
function writeKeysAndHeaders(sheet: Sheet, startColumn: number, columns: readonly ColumnDef[]): void {
  sheet
    .getRange(KEY_ROW, startColumn, 2, columns.length)
    .setValues([columns.map((c) => `'${c.key}`), columns.map((c) => `'${c.header}`)]);
}

/** Where formulas must point: the sheets' real names and the columns' real positions. */
function environment(tables: readonly TableState[]): FormulaEnvironment {
  const byKey = new Map(tables.map((t) => [t.def.key, t]));
  return {
    sheets: tables.map((t) => ({ ...t.def, name: t.name })),
    locate: (sheet, columnKey) => byKey.get(sheet.key)?.layout.indexOf(columnKey) ?? -1,
  };
}

/** Formats, validations, widths and hidden state of the pending columns. */
function finishColumns(
  state: TableState,
  env: FormulaEnvironment,
  sheetOf: (key: string) => Sheet | undefined,
): void {
  const { def, sheet, layout } = state;
  if (def.kind === 'settings' || def.kind === 'dashboard') return;
  const rows = Math.min(DATA_ROW_COUNT, state.maxRows - FIRST_DATA_ROW + 1);
  const columns = state.pending.map((column) => ({ column, at: layout.indexOf(column.key) + 1 }));
  formatDataRows(sheet, columns, FIRST_DATA_ROW, rows, env, sheetOf);
  for (const run of runs(columns, (c) => (c.column.hidden ? null : (c.column.width ?? null)))) {
    if (run.value) sheet.setColumnWidths(run.start, run.length, Number(run.value));
  }
  for (const run of runs(columns, (c) => (c.column.hidden ? 'hidden' : null))) {
    if (run.value) sheet.hideColumns(run.start, run.length);
  }
  for (const run of runs(columns, (c) => (c.column.type === 'formula' ? 'computed' : null))) {
    if (!run.value) continue;
    sheet
      .getRange(FIRST_DATA_ROW, run.start, rows, run.length)
      .protect()
      .setDescription('Pilote : colonne calculée (formule posée par Pilote)')
      .setWarningOnly(true);
  }
  const first = Math.min(...columns.map((c) => c.at));
  const last = Math.max(...columns.map((c) => c.at));
  const header = sheet.getRange(HEADER_ROW, first, 1, last - first + 1);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  if (!state.created) {
    sheet
      .getRange(KEY_ROW, first, 1, last - first + 1)
      .protect()
      .setDescription('Pilote : clés des colonnes (ne pas modifier)')
      .setWarningOnly(true);
  }
}

/**
 * A dropdown whose options a newer schema changed (`optionsSince`) is set again over the
 * column's data rows, so the sheet offers what forms offer; values already typed stay.
 */
function refreshChangedOptions(
  state: TableState,
  env: FormulaEnvironment,
  sheetOf: (key: string) => Sheet | undefined,
  fromVersion: number,
): void {
  const { def, sheet, layout } = state;
  const rows = state.maxRows - FIRST_DATA_ROW + 1;
  const columns = def.columns
    .filter((c) => (c.optionsSince ?? 0) > fromVersion && !state.pending.includes(c))
    .map((column) => ({ column, at: layout.indexOf(column.key) + 1 }))
    .filter((c) => c.at > 0);
  for (const c of columns) formatDataRows(sheet, [c], FIRST_DATA_ROW, rows, env, sheetOf);
}

/** What only a new sheet gets: frozen headers, hidden key row, protections, colours, rules. */
function decorateNewSheet(state: TableState, env: FormulaEnvironment): void {
  const { def, sheet } = state;
  sheet.setTabColor(def.tabColor);
  if (def.columns.length === 0) return;
  sheet.setFrozenRows(HEADER_ROW);
  sheet.hideRows(KEY_ROW);
  const keys = sheet.getRange(KEY_ROW, 1, 1, state.maxCols).protect();
  keys.setDescription('Pilote : clés des colonnes (ne pas modifier)').setWarningOnly(true);
  if (def.kind === 'log') {
    sheet
      .protect()
      .setDescription('Pilote : journal des modifications (tenu par Pilote)')
      .setWarningOnly(true);
  }
  const formats = def.conditionalFormats ?? [];
  if (formats.length > 0) sheet.setConditionalFormatRules(formats.map((f) => conditionalRule(state, f, env)));
}

/** A conditional format of the schema as a rule over the data rows of its columns. */
function conditionalRule(
  state: TableState,
  f: ConditionalFormatDef,
  env: FormulaEnvironment,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const { def, sheet } = state;
  const builder = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(
    renderConditionalFormula(def, f, env),
  );
  if (f.background) builder.setBackground(f.background);
  if (f.fontColor) builder.setFontColor(f.fontColor);
  if (f.bold) builder.setBold(true);
  const targets = f.columns && f.columns.length > 0 ? f.columns : null;
  const ranges = targets
    ? targets.map((key) => sheet.getRange(FIRST_DATA_ROW, state.layout.indexOf(key) + 1, DATA_ROW_COUNT, 1))
    : [sheet.getRange(FIRST_DATA_ROW, 1, DATA_ROW_COUNT, def.columns.length)];
  return builder.setRanges(ranges).build();
}

/**
 * Conditional formats of an existing sheet brought to the schema in one read and one write, on
 * the run that migrates only. A rule whose formula a newer schema changed (`formulaSince`)
 * replaces Pilote's previous rule where it stands; a rule a newer schema introduced (`since`)
 * goes after the rules already there. Rules users added stay, in their order.
 */
function migrateConditionalFormats(state: TableState, env: FormulaEnvironment, fromVersion: number): void {
  const defs = state.def.conditionalFormats ?? [];
  const changed = defs.filter((f) => (f.formulaSince ?? 0) > fromVersion && (f.since ?? 0) <= fromVersion);
  const added = defs.filter((f) => (f.since ?? 0) > fromVersion);
  if (changed.length === 0 && added.length === 0) return;
  const rules = state.sheet.getConditionalFormatRules();
  const seen = rules.map(customFormula);
  const claimed = new Set<number>();
  const appended: ConditionalRule[] = [];
  const claim = (index: number, f: ConditionalFormatDef): boolean => {
    if (index < 0) return false;
    claimed.add(index);
    rules[index] = conditionalRule(state, f, env);
    return true;
  };
  for (const f of changed) {
    const formula = renderConditionalFormula(state.def, f, env);
    const identities = [formula, previousRuleFormula(formula)];
    const byFormula = seen.findIndex(
      (s, i) => !claimed.has(i) && s !== null && identities.includes(s.formula),
    );
    // A rule whose references moved with the user's columns: same colours, still on PILOTE_TODAY.
    const byLook = seen.findIndex(
      (s, i) =>
        !claimed.has(i) &&
        s !== null &&
        new RegExp(`(^|[^A-Za-z0-9_])${TODAY_NAME}([^A-Za-z0-9_]|$)`).test(s.formula) &&
        s.background === (f.background ?? null) &&
        s.fontColor === (f.fontColor ?? null),
    );
    // Google may have dropped the old rule (named ranges in rules): the new one is then added.
    if (!claim(byFormula, f) && !claim(byLook, f)) appended.push(conditionalRule(state, f, env));
  }
  for (const f of added) {
    const formula = renderConditionalFormula(state.def, f, env);
    if (!seen.some((s) => s?.formula === formula)) appended.push(conditionalRule(state, f, env));
  }
  state.sheet.setConditionalFormatRules([...rules, ...appended]);
}

type ConditionalRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** A rule's custom formula and colours, or null for any other kind of rule. */
function customFormula(
  rule: ConditionalRule,
): { formula: string; background: string | null; fontColor: string | null } | null {
  const condition = rule.getBooleanCondition();
  if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA)
    return null;
  const formula = condition.getCriteriaValues()[0];
  if (typeof formula !== 'string') return null;
  return { formula, background: condition.getBackground(), fontColor: condition.getFontColor() };
}

/**
 * The formula schema 2 wrote for a rule that now calls TODAY(): the same text reading the
 * PILOTE_TODAY cell instead (schema 3 changed only that in the 14 date rules).
 */
export function previousRuleFormula(formula: string): string {
  return formula.split('TODAY()').join(TODAY_NAME);
}

/** Adds the settings rows the sheet lacks, and the named range of each setting's value. */
function ensureSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: TableState,
  named: Map<string, Range>,
): string[] {
  const { def, sheet, layout } = state;
  const settings = def.settings ?? [];
  const keyAt = layout.indexOf('key') + 1;
  const valueAt = layout.indexOf('value') + 1;
  const labelAt = layout.indexOf('label') + 1;
  const helpAt = layout.indexOf('help') + 1;
  const width = sheet.getLastColumn();
  const lastRow = Math.max(sheet.getLastRow(), HEADER_ROW);
  const existing = new Map<string, number>();
  if (lastRow >= FIRST_DATA_ROW) {
    const keys = sheet.getRange(FIRST_DATA_ROW, keyAt, lastRow - FIRST_DATA_ROW + 1, 1).getValues();
    keys.forEach(([key], i) => {
      if (typeof key === 'string' && key !== '' && !existing.has(key)) existing.set(key, FIRST_DATA_ROW + i);
    });
  }
  const added: SettingDef[] = settings.filter((s) => !existing.has(s.key));
  if (added.length > 0) {
    const firstNew = lastRow + 1;
    const rows = added.map((setting) => {
      const row: (string | number | boolean)[] = new Array(width).fill('');
      row[keyAt - 1] = `'${setting.key}`;
      row[labelAt - 1] = `'${setting.header}`;
      row[helpAt - 1] = setting.help ? `'${setting.help}` : '';
      row[valueAt - 1] =
        setting.type === 'formula' || setting.defaultValue === undefined
          ? ''
          : encodeCell(setting, setting.defaultValue);
      return row;
    });
    sheet.getRange(firstNew, 1, rows.length, width).setValues(rows);
    added.forEach((setting, i) => {
      const row = firstNew + i;
      existing.set(setting.key, row);
      const cell = sheet.getRange(row, valueAt);
      const format = numberFormatFor(
        setting.type === 'formula' ? { ...setting, type: setting.resultType ?? 'text' } : setting,
      );
      if (format) cell.setNumberFormat(format);
      if (setting.type === 'formula' && setting.formula)
        cell.setFormula(renderColumnFormula(def, setting, row));
      else if (setting.type === 'enum' && setting.options) {
        cell.setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireValueInList([...setting.options], true)
            .build(),
        );
      } else if (setting.type === 'boolean') {
        cell.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      }
    });
  }
  for (const setting of settings) {
    const name = setting.key === 'today' ? TODAY_NAME : settingRangeName(setting.key);
    const row = existing.get(setting.key);
    if (row !== undefined && !named.has(name)) {
      ss.setNamedRange(name, sheet.getRange(row, valueAt));
    }
  }
  return added.map((s) => s.key);
}

/** A new spreadsheet's empty first sheet ("Feuille 1") goes once Pilote's sheets exist. */
function removeUntouchedDefaultSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheets: readonly SheetDef[],
): void {
  const ours = new Set(sheets.map((s) => s.name));
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (
      !ours.has(name) &&
      /^(Feuille|Sheet) ?1$/.test(name) &&
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0
    ) {
      ss.deleteSheet(sheet);
    }
  }
}
