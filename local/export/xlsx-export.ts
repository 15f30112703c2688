/**
 * The emulated workbook as an .xlsx file (exceljs, MIT), read from the emulator's model without
 * any charged script call: every sheet in its order, values, formulas (English syntax, as stored)
 * with their current values as cached results, number formats, data validations, conditional
 * formats, frozen rows and columns, hidden rows and columns, column widths, tab colours, named
 * ranges as defined names, and sheet protections where XLSX has one.
 *
 * Kept to what Excel, LibreOffice and Google Sheets' import all read (ECMA-376 Part 1, §18).
 * What XLSX cannot carry is listed in `ExportReport.dropped`, never silently lost:
 * - warning-only protections (Sheets: "Show a warning when editing this range",
 *   developers.google.com/apps-script/reference/spreadsheet/protection#setwarningonlywarningonly)
 *   and range protections: XLSX protects whole sheets only (§18.3.1.85 sheetProtection);
 * - embedded charts (exceljs writes none);
 * - formats and styles of empty cells, except a column's format (written as the column style).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetters, quoteSheetName, type Rect, rectToA1 } from '../emulator/spreadsheet/a1';
import { instantToSerial } from '../emulator/spreadsheet/locale';
import type { CellStyle, Run, SheetState, ValidationSpec } from '../emulator/spreadsheet/model';
import type { Workbook } from '../emulator/spreadsheet/workbook';
import { toExcelFormat } from './number-formats';

export interface XlsxExportOptions {
  /** Write each formula's current value as its cached result (default true). Without them,
   * every reader must compute the formulas on load (what the LibreOffice check needs). */
  cachedResults?: boolean;
}

export interface ExportReport {
  sheets: number;
  cells: number;
  formulas: number;
  validations: number;
  conditionalFormats: number;
  definedNames: number;
  /** What the file could not carry, one line each. */
  dropped: string[];
}

/** `#1a73e8` → `FF1A73E8` (exceljs colours are ARGB). */
export function argb(color: string): string {
  const hex = color.replace('#', '').toUpperCase();
  return `FF${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

/** Excel's column width unit is the width of a digit of the default font: 7 px, plus 5 px of
 * padding (ECMA-376 §18.3.1.13, col@width). */
export function pxToWidth(px: number): number {
  return Math.round(((px - 5) / 7) * 100) / 100;
}

/** `'Sheet'!$A$3:$A$1000`. */
export function absoluteRef(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectToA1(rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
}

/** exceljs has `Worksheet.dataValidations` (lib/doc/data-validations.js); its typings omit it. */
export interface SheetValidations {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
}

/** Sheets' default column width (model.ts: null = 100 px). */
export const DEFAULT_WIDTH_PX = 100;
const MAX_STYLED_EMPTY = 2000;

function runRect(col: number, run: Run<unknown>): Rect {
  return { row: run.from, col, numRows: run.to - run.from + 1, numCols: 1 };
}

/** The hidden sheet holding the dropdown lists too long or too rich to sit in their rule; import
 * turns its references back into lists and drops it. */
/** Pilote's developer metadata key (src/server/adapters/workbook.ts). */
export const SCHEMA_VERSION_KEY = 'pilote.schemaVersion';

export const LISTS_SHEET = 'Pilote — listes';

/** The list formula of a VALUE_IN_LIST rule, or null when Excel cannot hold it inline (a
 * comma or quote inside an item, or more than 255 characters: ECMA-376 §18.3.1.32, Excel's
 * documented limit for a list typed in the rule). */
function inlineList(items: string[]): string | null {
  if (items.some((i) => i.includes(',') || i.includes('"'))) return null;
  const text = `"${items.join(',')}"`;
  return text.length - 2 > 255 ? null : text;
}

/** The exceljs rule of a Sheets validation, or null when XLSX has no equivalent. The top-left
 * cell `anchor` (`C3`) is what relative formulas refer to. */
function toExcelValidation(
  spec: ValidationSpec,
  anchor: string,
  serialOfDate: (ms: number) => number,
  longList: (items: string[]) => string,
): ExcelJS.DataValidation | null {
  const errorStyle = spec.allowInvalid ? 'warning' : 'stop';
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle,
    ...(spec.helpText ? { prompt: spec.helpText, showInputMessage: true } : {}),
  };
  const a = spec.args;
  const num = (i: number) => Number(a[i]);
  // exceljs writes a date criterion from a Date (UTC midnight of the serial's day).
  const day = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  const date = (i: number) => day(serialOfDate((a[i] as { date: number }).date));
  switch (spec.criteria) {
    case 'VALUE_IN_LIST': {
      const items = (a[0] as unknown[]).map(String);
      return { ...base, type: 'list', formulae: [inlineList(items) ?? longList(items)] };
    }
    case 'VALUE_IN_RANGE': {
      const ref = (a[0] as { range: string }).range;
      const bang = ref.lastIndexOf('!');
      const abs = `${ref.slice(0, bang)}!${ref.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      return { ...base, type: 'list', formulae: [abs] };
    }
    case 'CHECKBOX':
      // XLSX has no checkbox: TRUE/FALSE is the value a Sheets checkbox holds.
      return a.length === 0 ? { ...base, type: 'list', formulae: ['"TRUE,FALSE"'] } : null;
    case 'DATE_IS_VALID_DATE':
      return { ...base, type: 'date', operator: 'greaterThanOrEqual', formulae: [day(1)] };
    case 'DATE_AFTER':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [date(0)] };
    case 'DATE_BEFORE':
      return { ...base, type: 'date', operator: 'lessThan', formulae: [date(0)] };
    case 'DATE_ON_OR_AFTER':
      return { ...base, type: 'date', operator: 'greaterThanOrEqual', formulae: [date(0)] };
    case 'DATE_BETWEEN':
      return { ...base, type: 'date', operator: 'between', formulae: [date(0), date(1)] };
    case 'NUMBER_BETWEEN':
      return { ...base, type: 'decimal', operator: 'between', formulae: [num(0), num(1)] };
    case 'NUMBER_GREATER_THAN':
      return { ...base, type: 'decimal', operator: 'greaterThan', formulae: [num(0)] };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [num(0)] };
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return { ...base, type: 'decimal', operator: 'lessThanOrEqual', formulae: [num(0)] };
    case 'TEXT_IS_VALID_EMAIL':
      // No e-mail rule in XLSX: the nearest custom formula, recognised again on import.
      return { ...base, type: 'custom', formulae: [`ISNUMBER(SEARCH("@",${anchor}))`] };
    default:
      return null;
  }
}

function excelStyle(style: CellStyle | undefined): Partial<ExcelJS.Style> {
  if (!style) return {};
  const out: Partial<ExcelJS.Style> = {};
  if (style.fontWeight === 'bold' || style.fontColor) {
    out.font = {
      ...(style.fontWeight === 'bold' ? { bold: true } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.background)
    out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.background) } };
  if (style.wrap || style.horizontalAlignment) {
    out.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontalAlignment
        ? { horizontal: style.horizontalAlignment as ExcelJS.Alignment['horizontal'] }
        : {}),
    };
  }
  return out;
}

/** The run covering the most rows: written as the column's style. */
function dominant<T>(runs: Run<T>[] | null | undefined): Run<T> | undefined {
  let best: Run<T> | undefined;
  for (const r of runs ?? []) if (!best || r.to - r.from > best.to - best.from) best = r;
  return best;
}

function addSheet(
  book: ExcelJS.Workbook,
  wb: Workbook,
  sheet: SheetState,
  cached: boolean,
  report: ExportReport,
  longList: (items: string[]) => string,
) {
  const ws = book.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views:
      sheet.frozenRows || sheet.frozenCols
        ? [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows }]
        : [],
  });
  const formats = sheet.layers.numberFormat;
  const lastCol = Math.max(
    sheet.columnWidths.length,
    sheet.hiddenColumns.length,
    formats.length,
    ...sheet.rows.map((r) => r?.length ?? 0),
  );
  // Columns first: cells created afterwards take the column's style (exceljs Cell constructor).
  const columnFormat: (string | undefined)[] = [];
  for (let c = 1; c <= lastCol; c++) {
    const column = ws.getColumn(c);
    // Every column gets its width: exceljs would write 9 (63 px) for a styled column without one.
    column.width = pxToWidth(sheet.columnWidths[c - 1] ?? DEFAULT_WIDTH_PX);
    if (sheet.hiddenColumns[c - 1]) column.hidden = true;
    // The column style covers every row: only a run reaching the sheet's last row may be it, and
    // the rows above it are written with their own format (General when none).
    const main = dominant(formats[c - 1]);
    if (main && main.to >= sheet.maxRows) {
      column.numFmt = toExcelFormat(main.value);
      columnFormat[c] = main.value;
    }
  }
  for (const run of sheet.hiddenRows) for (let r = run.from; r <= run.to; r++) ws.getRow(r).hidden = true;
  for (const run of sheet.rowHeights)
    for (let r = run.from; r <= run.to; r++) ws.getRow(r).height = run.value * 0.75;

  // Cells, with their own format where it is not the column's.
  wb.forEachCell(sheet, (cell, row, col) => {
    if (cell.formula === undefined && (cell.value === undefined || cell.value === '')) return;
    const target = ws.getCell(row, col);
    if (cell.formula !== undefined) {
      report.formulas += 1;
      const formula = cell.formula.replace(/^=/, '');
      const view = wb.view(sheet.id, row, col);
      if (!cached || view.value === null) target.value = { formula } as ExcelJS.CellFormulaValue;
      else if (view.error)
        target.value = { formula, result: { error: String(view.value) as ExcelJS.CellErrorValue['error'] } };
      else target.value = { formula, result: view.value } as ExcelJS.CellFormulaValue;
    } else {
      target.value = cell.value as ExcelJS.CellValue;
    }
    report.cells += 1;
    const format = wb.attr(sheet, 'numberFormat', row, col);
    if (format !== columnFormat[col]) target.numFmt = toExcelFormat(format);
    const style = excelStyle(wb.attr(sheet, 'style', row, col));
    if (style.font) target.font = style.font;
    if (style.fill) target.fill = style.fill;
    if (style.alignment) target.alignment = style.alignment;
  });
  // Formats of empty cells outside the column's main run (the header rows, the dashboard's
  // cells): one styled cell each, up to MAX_STYLED_EMPTY rows per column.
  for (let c = 1; c <= lastCol; c++) {
    const runs = formats[c - 1] ?? [];
    const mainFrom = columnFormat[c] === undefined ? Number.POSITIVE_INFINITY : (dominant(runs)?.from ?? 1);
    const last = Math.min(sheet.maxRows, Math.max(0, ...runs.map((r) => r.to)), mainFrom - 1);
    let written = 0;
    for (let r = 1; r <= (columnFormat[c] === undefined ? last : mainFrom - 1); r++) {
      const format = wb.attr(sheet, 'numberFormat', r, c);
      if (columnFormat[c] === undefined && format === undefined) continue;
      if (written++ >= MAX_STYLED_EMPTY) {
        report.dropped.push(
          `${sheet.name}!${columnLetters(c)}${r}:${columnLetters(c)}${last}: formats of empty cells`,
        );
        break;
      }
      const cell = ws.getCell(r, c);
      if (cell.value === null) cell.numFmt = toExcelFormat(format);
    }
  }

  // Validations, one rule per run of a column.
  const serialOfDate = (ms: number) => Math.floor(instantToSerial(ms, wb.state.timeZone));
  sheet.layers.validation.forEach((runs, i) => {
    const c = i + 1;
    for (const run of runs ?? []) {
      const rect = runRect(c, run);
      const rule = toExcelValidation(run.value, `${columnLetters(c)}${run.from}`, serialOfDate, longList);
      if (!rule) {
        report.dropped.push(`${sheet.name}!${rectToA1(rect)}: validation ${run.value.criteria}`);
        continue;
      }
      (ws as unknown as SheetValidations).dataValidations.add(rectToA1(rect), rule);
      report.validations += 1;
    }
  });

  // Conditional formats, in Sheets' order: the first rule that holds wins, hence stopIfTrue
  // (ECMA-376 §18.3.1.10). Unverified on Google's own help; third-party guides say the topmost
  // matching rule applies alone, and the emulator's renderer does the same.
  sheet.conditionalRules.forEach((rule, index) => {
    if (rule.condition.type !== 'CUSTOM_FORMULA' || rule.ranges.length === 0) {
      report.dropped.push(`${sheet.name}: conditional format ${rule.condition.type}`);
      return;
    }
    const style: Partial<ExcelJS.Style> = {};
    if (rule.format.fontColor || rule.format.bold)
      style.font = {
        ...(rule.format.bold ? { bold: true } : {}),
        ...(rule.format.fontColor ? { color: { argb: argb(rule.format.fontColor) } } : {}),
      };
    // Differential fills take the colour as bgColor (ECMA-376 §18.8.20, dxf patternFill).
    if (rule.format.background)
      style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.format.background) } };
    ws.addConditionalFormatting({
      ref: rule.ranges.map(rectToA1).join(' '),
      rules: [
        {
          type: 'expression',
          priority: index + 1,
          stopIfTrue: true,
          formulae: [rule.condition.values[0].replace(/^=/, '')],
          style,
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
    report.conditionalFormats += 1;
  });
  if (sheet.charts.length) report.dropped.push(`${sheet.name}: ${sheet.charts.length} chart(s)`);
  return ws;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Adds `<definedNames>` to xl/workbook.xml (§18.2.6). exceljs keeps names cell by cell, which
 * for a table-wide name costs one entry per cell; the XML takes the range as it is. */
async function addDefinedNames(buffer: Buffer, names: { name: string; ref: string }[]): Promise<Buffer> {
  if (names.length === 0) return buffer;
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('xl/workbook.xml');
  if (!file) throw new Error('xlsx: xl/workbook.xml missing');
  const xml = await file.async('string');
  if (xml.includes('<definedNames')) throw new Error('xlsx: exceljs already wrote defined names');
  const block = `<definedNames>${names
    .map((n) => `<definedName name="${escapeXml(n.name)}">${escapeXml(n.ref)}</definedName>`)
    .join('')}</definedNames>`;
  zip.file('xl/workbook.xml', xml.replace('</sheets>', `</sheets>${block}`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Writes the workbook as .xlsx bytes. */
export async function exportXlsx(
  wb: Workbook,
  options: XlsxExportOptions = {},
): Promise<{ buffer: Buffer; report: ExportReport }> {
  const cached = options.cachedResults ?? true;
  const report: ExportReport = {
    sheets: 0,
    cells: 0,
    formulas: 0,
    validations: 0,
    conditionalFormats: 0,
    definedNames: 0,
    dropped: [],
  };
  const book = new ExcelJS.Workbook();
  book.creator = 'Pilote (émulateur local)';
  book.calcProperties.fullCalcOnLoad = !cached;
  const state = wb.state;
  // XLSX has no developer metadata: the schema version rides in the document's keywords
  // (docProps/core.xml), read back by the import; a file downloaded from Google has none.
  const version = state.metadata.find(
    (m) => m.key === SCHEMA_VERSION_KEY && m.location.type === 'SPREADSHEET',
  );
  if (version?.value) book.keywords = `${SCHEMA_VERSION_KEY}=${version.value}`;
  const lists: string[][] = [];
  const longList = (items: string[]): string => {
    let index = lists.findIndex((l) => l.join('\n') === items.join('\n'));
    if (index < 0) index = lists.push(items) - 1;
    return absoluteRef(LISTS_SHEET, { row: 1, col: index + 1, numRows: items.length, numCols: 1 });
  };
  for (const sheet of state.sheets) {
    const ws = addSheet(book, wb, sheet, cached, report, longList);
    report.sheets += 1;
    const protection = state.protections.find(
      (p) => p.sheetId === sheet.id && p.type === 'SHEET' && !p.warningOnly,
    );
    if (protection) {
      for (const rect of protection.unprotected)
        for (let r = rect.row; r < rect.row + rect.numRows; r++)
          for (let c = rect.col; c < rect.col + rect.numCols; c++)
            ws.getCell(r, c).protection = { locked: false };
      await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
    }
  }
  if (lists.length) {
    const ws = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    lists.forEach((items, i) => {
      items.forEach((item, r) => {
        ws.getCell(r + 1, i + 1).value = item;
      });
    });
  }
  const active = state.sheets.findIndex((s) => s.id === state.activeSheetId);
  book.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, active),
      visibility: 'visible',
    },
  ];
  for (const p of state.protections) {
    if (p.type === 'SHEET' && !p.warningOnly) continue;
    const sheet = state.sheets.find((s) => s.id === p.sheetId);
    const where = p.rect ? `!${rectToA1(p.rect)}` : '';
    report.dropped.push(
      `${sheet?.name ?? p.sheetId}${where}: ${p.warningOnly ? 'warning-only ' : ''}${p.type.toLowerCase()} protection « ${p.description} »`,
    );
  }
  const names = state.namedRanges
    .filter((n) => state.sheets.some((s) => s.id === n.sheetId))
    .map((n) => ({ name: n.name, ref: absoluteRef(wb.sheet(n.sheetId).name, n.rect) }));
  report.definedNames = names.length;
  const raw = Buffer.from(await book.xlsx.writeBuffer());
  return { buffer: await addDefinedNames(raw, names), report };
}
