/**
 * Live tier only (`npm run test:live`): pushed beside dist/ to the scratch project, never in
 * dist/. Apps Script files share one global scope (V8 runtime, as the manifest says), so these
 * functions see the same SpreadsheetApp as Code.js; they return plain data for scripts.run
 * (primitives, arrays and objects only: developers.google.com/apps-script/api/reference/rest/v1/scripts/run).
 */

/** The conditional-format rules of a sheet, as data (ranges, condition, colours). */
// biome-ignore lint/correctness/noUnusedVariables: called by scripts.run
function liveSmokeConditionalRules(sheetName) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return { found: false, rules: [] };
  const rules = sheet.getConditionalFormatRules().map((rule) => {
    const condition = rule.getBooleanCondition();
    return {
      ranges: rule.getRanges().map((range) => range.getA1Notation()),
      criteria: condition ? String(condition.getCriteriaType()) : null,
      values: condition ? condition.getCriteriaValues().map((value) => String(value)) : [],
      background: condition ? condition.getBackground() : null,
      fontColor: condition ? condition.getFontColor() : null,
    };
  });
  return { found: true, rules };
}

/**
 * Writes `formula` with setFormula in A1 of a new sheet, reads it back, deletes the sheet.
 * Returns the spreadsheet's locale and what Sheets computed.
 */
// biome-ignore lint/correctness/noUnusedVariables: called by scripts.run
function liveSmokeFormula(formula) {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.insertSheet(`Pilote essai live ${Date.now()}`);
  try {
    const cell = sheet.getRange(1, 1);
    cell.setFormula(formula);
    SpreadsheetApp.flush();
    return {
      locale: spreadsheet.getSpreadsheetLocale(),
      formula: cell.getFormula(),
      value: cell.getValue(),
      display: cell.getDisplayValue(),
    };
  } finally {
    spreadsheet.deleteSheet(sheet);
  }
}
