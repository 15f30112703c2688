/**
 * Writes « Tableau de bord » from its declaration (src/schema/dashboard.ts): labels, one
 * `setFormulas` and one `setNumberFormats` for the KPI column, the year selector (dropdown and
 * named cell). Idempotent: when the selector exists and the formulas already match, it reads
 * once (one `getFormulas`) and writes nothing. The selected year is never overwritten.
 */
import type { FormulaEnvironment } from '../../schema';
import {
  balanceAlertFormula,
  DASHBOARD_FIRST_ROW,
  DASHBOARD_LABEL_COLUMN,
  DASHBOARD_TITLE_ROW,
  DASHBOARD_VALUE_COLUMN,
  DASHBOARD_YEAR_NAME,
  DASHBOARD_YEAR_ROW,
  dashboardYears,
  renderDashboard,
} from '../../schema/dashboard';
import { dashboardSheet } from '../../schema/sheets/system';
import type { WorkbookSession } from './workbook';

const LABEL_WIDTH = 420;
const VALUE_WIDTH = 160;

/** Lays the dashboard out; true when something was written. */
export function writeDashboard(
  workbook: WorkbookSession,
  env: FormulaEnvironment,
  now: Date = new Date(),
): boolean {
  let table = workbook.findTableRange(dashboardSheet);
  if (!table) {
    // Setup may have just created the sheet: its named range is newer than what was read.
    workbook.invalidate();
    table = workbook.findTableRange(dashboardSheet);
  }
  if (!table) return false;
  const sheet = table.getSheet();
  const dashboard = renderDashboard(env);
  const count = dashboard.rows.length;
  const formulas = dashboard.rows.map((r) => [r.formula]);
  const values = sheet.getRange(DASHBOARD_FIRST_ROW, DASHBOARD_VALUE_COLUMN, count, 1);
  const hasSelector = workbook.namedRanges().has(DASHBOARD_YEAR_NAME);
  if (hasSelector && sameFormulas(values.getFormulas(), formulas)) return false;

  // The named year first: formulas written before their name exists may stay at #NAME?.
  if (!hasSelector) {
    const year = Number(Utilities.formatDate(now, workbook.timeZone(), 'yyyy'));
    const cell = sheet.getRange(DASHBOARD_YEAR_ROW, DASHBOARD_VALUE_COLUMN);
    cell.setValue(year);
    cell.setNumberFormat('0');
    cell.setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList(dashboardYears(year).map(String), true)
        .setAllowInvalid(false)
        .setHelpText('L’exercice dont le tableau de bord montre les chiffres.')
        .build(),
    );
    workbook.spreadsheet.setNamedRange(DASHBOARD_YEAR_NAME, cell);
    sheet.setColumnWidth(DASHBOARD_LABEL_COLUMN, LABEL_WIDTH);
    sheet.setColumnWidth(DASHBOARD_VALUE_COLUMN, VALUE_WIDTH);
  }
  const lastRow = DASHBOARD_FIRST_ROW + count - 1;
  const labels: string[][] = [];
  for (let row = 1; row <= lastRow; row += 1) labels.push(['']);
  labels[DASHBOARD_TITLE_ROW - 1] = [`'${dashboard.title}`];
  labels[DASHBOARD_YEAR_ROW - 1] = [`'${dashboard.yearLabel}`];
  dashboard.rows.forEach((r, i) => {
    labels[DASHBOARD_FIRST_ROW - 1 + i] = [`'${r.label}`];
  });
  const labelRange = sheet.getRange(1, DASHBOARD_LABEL_COLUMN, lastRow, 1);
  labelRange.setValues(labels);
  labelRange.setFontWeights(
    labels.map((_, i) => {
      const row = i + 1;
      const k = row - DASHBOARD_FIRST_ROW;
      return [
        row === DASHBOARD_TITLE_ROW || (k >= 0 && dashboard.rows[k].kind === 'section') ? 'bold' : 'normal',
      ];
    }),
  );
  values.setFormulas(formulas);
  // A section title takes the format of the KPI below it: fewer runs, nothing shown there anyway.
  const formats = dashboard.rows.map(
    (r, i) => r.format ?? dashboard.rows.slice(i).find((n) => n.format)?.format ?? null,
  );
  values.setNumberFormats(formats.map((f) => [f ?? '0']));
  // An unbalanced budget shows in red in the sheet itself (label and value), live.
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

  workbook.invalidate();
  return true;
}

/**
 * Formulas as read back, compared loosely: Sheets drops the quotes of a sheet name that does
 * not need them (`'Opérations'!` → `Opérations!`) and may respace or recase what it stores.
 */
const ALERT_BACKGROUND = '#f4c7c3';
const ALERT_FONT = '#a50e0e';

function sameFormulas(found: string[][], expected: string[][]): boolean {
  const norm = (f: string): string =>
    f
      .replace(/'((?:[^']|'')*)'!/g, (_, name: string) => `${name.replace(/''/g, "'")}!`)
      .replace(/\s+/g, '')
      .toUpperCase();
  return expected.every((row, i) => norm(found[i]?.[0] ?? '') === norm(row[0]));
}
