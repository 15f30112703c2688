/**
 * Writes « Tableau de bord » from its declaration (src/schema/dashboard.ts). The period selector
 * (year and month, validated cells, and the first and last day they give) is made first, before
 * any formula of the workbook reads its names; then labels, one `setFormulas` and one
 * `setNumberFormats` for the KPI column, the red balance alerts, the chart table and the charts.
 * Idempotent: when the selector exists and the formulas already match, it reads once (one
 * `getFormulas`) and writes nothing. The chosen period is never overwritten.
 */
import type { FormulaEnvironment } from '../../schema';
import {
  balanceAlertFormula,
  DASHBOARD_FIRST_ROW,
  DASHBOARD_LABEL_COLUMN,
  DASHBOARD_PERIOD,
  DASHBOARD_TITLE_ROW,
  DASHBOARD_VALUE_COLUMN,
  dashboardYears,
  type RenderedChart,
  type RenderedDashboard,
  renderDashboard,
} from '../../schema/dashboard';
import { NUMBER_FORMATS } from '../../schema/formats';
import { dashboardSheet } from '../../schema/sheets/system';
import type { WorkbookSession } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LABEL_WIDTH = 420;
const VALUE_WIDTH = 160;
const ALERT_BACKGROUND = '#f4c7c3';
const ALERT_FONT = '#a50e0e';

/** The dashboard's sheet, found by its named range (re-read when setup has just created it). */
function dashboardOf(workbook: WorkbookSession): Sheet | null {
  let table = workbook.findTableRange(dashboardSheet);
  if (!table) {
    workbook.invalidate();
    table = workbook.findTableRange(dashboardSheet);
  }
  return table ? table.getSheet() : null;
}

/**
 * Makes the period cells that are missing (a workbook of schema 1 has the year only): label,
 * value or formula, format, validation and name. True when something was written.
 */
export function ensurePeriodSelector(workbook: WorkbookSession, now: Date = new Date()): boolean {
  const named = workbook.namedRanges();
  const missing = DASHBOARD_PERIOD.rows.filter((r) => !named.has(r.name));
  if (missing.length === 0) return false;
  const sheet = dashboardOf(workbook);
  if (!sheet) return false;
  const year = Number(Utilities.formatDate(now, workbook.timeZone(), 'yyyy'));
  for (const period of missing) {
    sheet.getRange(period.row, DASHBOARD_LABEL_COLUMN).setValue(`'${period.label}`);
    const cell = sheet.getRange(period.row, DASHBOARD_VALUE_COLUMN);
    if (period.kind === 'year') {
      cell.setValue(year);
      cell.setNumberFormat('0');
      cell.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList(dashboardYears(year).map(String), true)
          .setAllowInvalid(false)
          .setHelpText(
            'L’exercice dont le tableau de bord et les colonnes «\u00a0(exercice)\u00a0» montrent les chiffres.',
          )
          .build(),
      );
    } else if (period.kind === 'month') {
      cell.setValue(`'${DASHBOARD_PERIOD.wholeYear}`);
      cell.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInList([...DASHBOARD_PERIOD.monthChoices], true)
          .setAllowInvalid(false)
          .setHelpText(
            'Un mois de l’exercice, ou toute l’année, pour les chiffres «\u00a0de la période\u00a0».',
          )
          .build(),
      );
    } else {
      cell.setFormula(period.formula ?? '');
      cell.setNumberFormat(NUMBER_FORMATS.date ?? 'dd/mm/yyyy');
    }
    workbook.spreadsheet.setNamedRange(period.name, cell);
  }
  sheet.setColumnWidth(DASHBOARD_LABEL_COLUMN, LABEL_WIDTH);
  sheet.setColumnWidth(DASHBOARD_VALUE_COLUMN, VALUE_WIDTH);
  workbook.invalidate();
  return true;
}

/** Lays the dashboard out; true when something was written. */
export function writeDashboard(
  workbook: WorkbookSession,
  env: FormulaEnvironment,
  now: Date = new Date(),
): boolean {
  const selectorChanged = ensurePeriodSelector(workbook, now);
  const sheet = dashboardOf(workbook);
  if (!sheet) return selectorChanged;
  const dashboard = renderDashboard(env);
  const count = dashboard.rows.length;
  const formulas = dashboard.rows.map((r) => [r.formula]);
  const values = sheet.getRange(DASHBOARD_FIRST_ROW, DASHBOARD_VALUE_COLUMN, count, 1);
  if (sameFormulas(values.getFormulas(), formulas)) return selectorChanged;

  writeLabels(sheet, dashboard);
  values.setFormulas(formulas);
  // A section title takes the format of the KPI below it: fewer runs, nothing shown there anyway.
  const formats = dashboard.rows.map(
    (r, i) => r.format ?? dashboard.rows.slice(i).find((n) => n.format)?.format ?? null,
  );
  values.setNumberFormats(formats.map((f) => [f ?? '0']));
  writeBalanceAlerts(sheet, dashboard);
  const table = dashboard.chartTable;
  const cells = sheet.getRange(table.row, table.column, table.cells.length, table.cells[0].length);
  cells.setValues(table.cells.map((row) => row.map((cell) => (cell.startsWith('=') ? cell : `'${cell}`))));
  writeCharts(sheet, dashboard.charts);
  workbook.invalidate();
  return true;
}

/** Column A: title, period labels, section titles (bold) and KPI labels, in one write each. */
function writeLabels(sheet: Sheet, dashboard: RenderedDashboard): void {
  const lastRow = DASHBOARD_FIRST_ROW + dashboard.rows.length - 1;
  const labels: string[][] = [];
  for (let row = 1; row <= lastRow; row += 1) labels.push(['']);
  labels[DASHBOARD_TITLE_ROW - 1] = [`'${dashboard.title}`];
  for (const period of dashboard.period.rows) labels[period.row - 1] = [`'${period.label}`];
  dashboard.rows.forEach((r, i) => {
    labels[DASHBOARD_FIRST_ROW - 1 + i] = [`'${r.label}`];
  });
  const range = sheet.getRange(1, DASHBOARD_LABEL_COLUMN, lastRow, 1);
  range.setValues(labels);
  // The longest labels (about 90 characters) are wider than the column: wrapped, they show whole.
  range.setWrap(true);
  range.setFontWeights(
    labels.map((_, i) => {
      const row = i + 1;
      const k = row - DASHBOARD_FIRST_ROW;
      return [
        row === DASHBOARD_TITLE_ROW || (k >= 0 && dashboard.rows[k].kind === 'section') ? 'bold' : 'normal',
      ];
    }),
  );
}

/** An unbalanced budget shows in red in the sheet itself (label and value), live. */
function writeBalanceAlerts(sheet: Sheet, dashboard: RenderedDashboard): void {
  const alerts = dashboard.rows.flatMap((r, i) => {
    if (!r.mustBeZero) return [];
    const row = DASHBOARD_FIRST_ROW + i;
    return [
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(balanceAlertFormula(row))
        .setBackground(ALERT_BACKGROUND)
        .setFontColor(ALERT_FONT)
        .setRanges([
          sheet.getRange(row, DASHBOARD_LABEL_COLUMN, 1, DASHBOARD_VALUE_COLUMN - DASHBOARD_LABEL_COLUMN + 1),
        ])
        .build(),
    ];
  });
  if (alerts.length > 0) sheet.setConditionalFormatRules(alerts);
}

/**
 * The charts, replacing those Pilote drew before (found by title); charts people added stay.
 * Sheets draws them from live ranges: no script run is needed when figures change.
 */
function writeCharts(sheet: Sheet, charts: readonly RenderedChart[]): void {
  const titles = new Set(charts.map((c) => c.title));
  for (const existing of sheet.getCharts()) {
    if (titles.has(String(existing.getOptions().get('title') ?? ''))) sheet.removeChart(existing);
  }
  const ss = sheet.getParent();
  for (const chart of charts) {
    const builder = sheet.newChart();
    for (const r of chart.ranges) {
      const source = r.sheetName === sheet.getName() ? sheet : ss.getSheetByName(r.sheetName);
      if (source) builder.addRange(source.getRange(r.row, r.column, r.numRows, r.numColumns));
    }
    const typed =
      chart.type === 'pie'
        ? builder.asPieChart()
        : chart.type === 'bar'
          ? builder.asBarChart()
          : builder.asColumnChart();
    typed
      .setTitle(chart.title)
      .setOption('legend', { position: chart.type === 'pie' ? 'right' : 'top' })
      .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0);
    if (chart.percent) typed.setOption('hAxis', { format: 'percent' });
    sheet.insertChart(typed.build());
  }
}

/**
 * Formulas as read back, compared loosely: Sheets drops the quotes of a sheet name that does
 * not need them (`'Opérations'!` → `Opérations!`) and may respace or recase what it stores.
 */
function sameFormulas(found: string[][], expected: string[][]): boolean {
  const norm = (f: string): string =>
    f
      .replace(/'((?:[^']|'')*)'!/g, (_, name: string) => `${name.replace(/''/g, "'")}!`)
      .replace(/\s+/g, '')
      .toUpperCase();
  return expected.every((row, i) => norm(found[i]?.[0] ?? '') === norm(row[0]));
}
