/**
 * The playground's picture of the workbook: each sheet's display values and formulas over its
 * used range (at most 500 rows shown), column widths, the add-on menu and the selection; and,
 * for the sheet the page shows (`detail`), what Sheets paints on its cells (the cells' own
 * styles, the conditional formats that hold, invalid entries) and its charts' data. Read
 * without charging: nothing here is a script's call.
 */
import { formatAt } from '../emulator/spreadsheet/conditional-format';
import type { Ctx } from '../emulator/spreadsheet/context';
import { passesValidation } from '../emulator/spreadsheet/data-validation';
import type { ChartState, SheetState, ValidationSpec } from '../emulator/spreadsheet/model';
import type { Workbook } from '../emulator/spreadsheet/workbook';
import type { Workspace } from '../workspace';

/** What Sheets paints on one cell beyond its text. Absent fields: Sheets' defaults. */
export interface CellLook {
  background?: string;
  color?: string;
  bold?: boolean;
  wrap?: boolean;
  align?: string;
  /** Index of the conditional format rule that painted the cell. */
  rule?: number;
  /** An entry a "show a warning" validation flags (Sheets marks the cell's corner). */
  invalid?: string;
  /** A list or range rule that shows its dropdown (requireValueInList's `showDropdown`). */
  dropdown?: boolean;
  /** A checkbox rule: Sheets draws a box, ticked when the cell holds the checked value. */
  checkbox?: 'checked' | 'unchecked';
}

/** One embedded chart, with the values of its source ranges. */
export interface ChartView {
  id: number;
  /** Sheets' chart type: COLUMN, BAR, LINE, PIE, AREA, COMBO… */
  type: string;
  title: string;
  /** Anchor cell (1-based) and pixel offsets, as setPosition gave them. */
  position: { row: number; col: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  legend: string | null;
  /** The value axis shows percentages (option `hAxis.format`/`vAxis.format` = "percent"). */
  percent: boolean;
  labels: string[];
  series: { name: string; data: (number | null)[] }[];
}

export interface SheetView {
  name: string;
  width: number;
  frozenRows: number;
  hiddenColumns: number[];
  /** 1-based rows hidden in the sheet (Pilote's key row): shown dimmed, as a reminder. */
  hiddenRows: number[];
  /** Pixel width of each column 1..width (100 when the sheet sets none, as in Sheets). */
  columnWidths: number[];
  rows: string[][];
  formulas: string[][];
  totalRows: number;
  /** Only for the detailed sheet: painted cells keyed `row,column` (1-based); else null. */
  looks: Record<string, CellLook> | null;
  /** Only for the detailed sheet: its charts; else null. */
  charts: ChartView[] | null;
}

export interface WorkbookView {
  name: string;
  sheets: SheetView[];
  menuItems: { caption: string; functionName: string }[];
  selection: { sheet: string; row: number; column: number } | null;
  /** The sheet whose looks and charts are included. */
  detail: string | null;
  /** The spreadsheet's locale (fr_FR): the charts' numbers are written in it. */
  locale: string;
}

const MAX_ROWS_SHOWN = 500;
/**
 * Sheets' default column width, 100 px (Sheet.setColumnWidth's reference gives widths in
 * pixels; the 100 px default is what a new sheet shows — unverified against a Google page).
 */
export const DEFAULT_COLUMN_WIDTH = 100;
/**
 * An embedded chart's size when the builder sets no `width`/`height` option: 600 × 371 px,
 * the size Sheets gives a new chart (unverified against a Google page).
 */
export const DEFAULT_CHART_SIZE = { width: 600, height: 371 };

/**
 * The whole workbook; `detail` names the sheet whose looks and charts are computed (the first
 * sheet when absent or unknown): evaluating every conditional format of every sheet on each
 * refresh would cost seconds.
 */
export function workbookView(workspace: Workspace, detail?: string): WorkbookView {
  const { emulator } = workspace;
  const wb = emulator.spreadsheetApp._workbook();
  const detailed = wb.state.sheets.find((s) => s.name === detail) ?? wb.state.sheets[0];
  const sheets = wb.state.sheets.map((sheet): SheetView => {
    const lastRow = wb.lastRow(sheet);
    const lastCol = wb.lastColumn(sheet);
    const shownRows = Math.min(lastRow, MAX_ROWS_SHOWN);
    const rows: string[][] = [];
    const formulas: string[][] = [];
    for (let r = 1; r <= shownRows; r += 1) {
      const values: string[] = [];
      const f: string[] = [];
      for (let c = 1; c <= lastCol; c += 1) {
        values.push(wb.displayValue(sheet.id, r, c));
        f.push(wb.formula(sheet.id, r, c));
      }
      rows.push(values);
      formulas.push(f);
    }
    const isDetail = sheet === detailed;
    return {
      name: sheet.name,
      width: lastCol,
      frozenRows: sheet.frozenRows,
      hiddenColumns: sheet.hiddenColumns.flatMap((h, i) => (h ? [i + 1] : [])),
      hiddenRows: sheet.hiddenRows.flatMap((run) =>
        Array.from(
          { length: Math.max(0, Math.min(run.to, shownRows) - run.from + 1) },
          (_, k) => run.from + k,
        ),
      ),
      columnWidths: Array.from({ length: lastCol }, (_, i) => sheet.columnWidths[i] ?? DEFAULT_COLUMN_WIDTH),
      rows,
      formulas,
      totalRows: lastRow,
      looks: isDetail ? cellLooks(wb, sheet, shownRows, lastCol) : null,
      charts: isDetail ? sheet.charts.map((chart) => chartView(wb, sheet, chart)) : null,
    };
  });
  const menuItems = [...emulator.ui.menus.values()].flatMap((menu) =>
    menu.entries.flatMap((e) =>
      e.kind === 'item' ? [{ caption: e.caption, functionName: e.functionName }] : [],
    ),
  );
  const sel = wb.state.selection;
  const selSheet = sel ? wb.state.sheets.find((s) => s.id === sel.sheetId) : undefined;
  return {
    name: wb.state.name,
    sheets,
    menuItems,
    selection: sel && selSheet ? { sheet: selSheet.name, row: sel.rect.row, column: sel.rect.col } : null,
    detail: detailed?.name ?? null,
    locale: wb.state.locale,
  };
}

/**
 * What each shown cell of `sheet` looks like: its own style (Range.setBackground,
 * setFontWeight, setFontColor, setWrap, setHorizontalAlignment), overlaid by the first
 * conditional format rule that holds (Sheets: "the first rule that's true" wins,
 * support.google.com/docs/answer/78413; a rule's format replaces the cell's own colours where
 * it sets one), and the entries a "Show a warning" validation flags
 * (support.google.com/docs/answer/186103: "If the data is invalid: Show a warning").
 */
function cellLooks(wb: Workbook, sheet: SheetState, rows: number, cols: number): Record<string, CellLook> {
  const looks: Record<string, CellLook> = {};
  const memo = new Map<string, boolean>();
  for (let r = 1; r <= rows; r += 1) {
    for (let c = 1; c <= cols; c += 1) {
      const look: CellLook = {};
      const style = wb.attr(sheet, 'style', r, c);
      if (style?.background) look.background = style.background;
      if (style?.fontColor) look.color = style.fontColor;
      if (style?.fontWeight) look.bold = style.fontWeight === 'bold';
      if (style?.wrap) look.wrap = true;
      if (style?.horizontalAlignment && style.horizontalAlignment !== 'normal')
        look.align = style.horizontalAlignment;
      else {
        // Sheets' default alignment: numbers (dates included) right, booleans centred, text left.
        const value = wb.view(sheet.id, r, c).value;
        if (typeof value === 'number') look.align = 'right';
        else if (typeof value === 'boolean') look.align = 'center';
      }
      const painted = sheet.conditionalRules.length ? formatAt(wb, sheet.id, r, c, memo) : null;
      if (painted) {
        look.rule = painted.ruleIndex;
        if (painted.background) look.background = painted.background;
        if (painted.fontColor) look.color = painted.fontColor;
        if (painted.bold !== null) look.bold = painted.bold;
      }
      const rule = wb.attr(sheet, 'validation', r, c);
      if (rule?.allowInvalid && !passes(wb, sheet, rule, r, c)) look.invalid = invalidText(wb, rule);
      if (rule && showsDropdown(rule)) look.dropdown = true;
      if (rule?.criteria === 'CHECKBOX') look.checkbox = checked(rule, wb.view(sheet.id, r, c).value);
      if (Object.keys(look).length) looks[`${r},${c}`] = look;
    }
  }
  return looks;
}

/**
 * A list from values or from a range shows a dropdown unless built with `showDropdown` false
 * (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requirevalueinlistvalues,-showdropdown).
 */
export function showsDropdown(rule: ValidationSpec): boolean {
  return (rule.criteria === 'VALUE_IN_LIST' || rule.criteria === 'VALUE_IN_RANGE') && rule.args[1] !== false;
}

/**
 * A checkbox is ticked when the cell holds TRUE, or the custom checked value of
 * requireCheckbox(checkedValue, uncheckedValue)
 * (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requirecheckboxcheckedvalue,-uncheckedvalue).
 */
function checked(rule: ValidationSpec, value: unknown): 'checked' | 'unchecked' {
  if (rule.args.length === 0) return value === true ? 'checked' : 'unchecked';
  return String(value) === String(rule.args[0]) ? 'checked' : 'unchecked';
}

/** Whether the cell's current value passes its rule, as the emulator checks typed input. */
function passes(wb: Workbook, sheet: SheetState, rule: ValidationSpec, row: number, col: number): boolean {
  const cell = wb.view(sheet.id, row, col);
  if (cell.error) return false;
  if (rule.criteria === 'VALUE_IN_RANGE') {
    // Read through the workbook directly: resolving the range through EmuSheet would charge.
    const qualified = (rule.args[0] as { range: string }).range;
    const bang = qualified.lastIndexOf('!');
    const name = qualified
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    const source = wb.sheetByName(name);
    if (!source || cell.value === null || cell.value === '') return true;
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+)?)?$/.exec(qualified.slice(bang + 1));
    if (!m) return true;
    const colOf = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const c1 = colOf(m[1]);
    const c2 = m[3] ? colOf(m[3]) : c1;
    const r1 = Number(m[2]);
    const r2 = m[4] ? Number(m[4]) : m[3] ? wb.lastRow(source) : r1;
    for (let r = r1; r <= r2; r += 1) {
      for (let c = c1; c <= c2; c += 1) {
        const v = wb.view(source.id, r, c).value;
        if (v !== null && String(v) === String(cell.value)) return true;
      }
    }
    return false;
  }
  // The other criteria read nothing but the workbook (no charged call).
  return passesValidation({ wb } as Ctx, rule, cell.value);
}

/** The hover text of a flagged entry: the rule's help text, else Sheets' wording (unverified). */
function invalidText(wb: Workbook, rule: ValidationSpec): string {
  if (rule.helpText) return rule.helpText;
  const fr = wb.state.locale.startsWith('fr');
  if (rule.criteria === 'VALUE_IN_LIST' || rule.criteria === 'VALUE_IN_RANGE')
    return fr
      ? 'Non valide : la valeur doit figurer dans la liste.'
      : 'Invalid: Input must be an item on specified list';
  return fr
    ? 'Non valide : la valeur ne respecte pas la règle de validation.'
    : 'Invalid: Input violates the validation rule';
}

const PERCENT = 'percent';

/**
 * A chart's data as Sheets reads its source ranges: the ranges side by side, the first column
 * the labels (domain) and every other column a series; the first row holds the series' names
 * when `numHeaders` says so, or, without it, when the series' cells of that row are all text
 * (Sheets' guess; unverified). Rows whose label and values are all empty are left out, as
 * Sheets leaves out the empty rows of an open-ended range (unverified).
 */
function chartView(wb: Workbook, sheet: SheetState, chart: ChartState): ChartView {
  const columns: { value: unknown; text: string }[][] = [];
  for (const range of chart.ranges) {
    const sourceId = range.sheetId ?? sheet.id;
    for (let c = range.col; c < range.col + range.numCols; c += 1) {
      const column: { value: unknown; text: string }[] = [];
      for (let r = range.row; r < range.row + range.numRows; r += 1) {
        const cell = wb.view(sourceId, r, c);
        column.push({ value: cell.error ? null : cell.value, text: wb.displayValue(sourceId, r, c) });
      }
      columns.push(column);
    }
  }
  const height = Math.max(0, ...columns.map((col) => col.length));
  const numHeaders = chart.options.numHeaders;
  const headed =
    typeof numHeaders === 'number'
      ? numHeaders > 0
      : columns.length > 1 &&
        columns.slice(1).every((col) => typeof col[0]?.value === 'string' && col[0].value !== '');
  const first = headed ? 1 : 0;
  const [domain = [], ...rest] = columns;
  const labels: string[] = [];
  const series = rest.map((col, i) => ({
    name: headed ? (col[0]?.text ?? '') : `${i + 1}`,
    data: [] as (number | null)[],
  }));
  for (let r = first; r < height; r += 1) {
    const values = rest.map((col) => {
      const v = col[r]?.value;
      return typeof v === 'number' ? v : null;
    });
    const label = domain[r]?.text ?? '';
    if (label === '' && values.every((v) => v === null)) continue;
    labels.push(label);
    for (const [i, v] of values.entries()) series[i].data.push(v);
  }
  const o = chart.options as Record<string, unknown>;
  const axisFormat = (key: string) => (o[key] as { format?: unknown } | undefined)?.format;
  const legend = (o.legend as { position?: unknown } | undefined)?.position;
  return {
    id: chart.id,
    type: chart.type,
    title: typeof o.title === 'string' ? o.title : '',
    position: { ...chart.position },
    width: typeof o.width === 'number' ? o.width : DEFAULT_CHART_SIZE.width,
    height: typeof o.height === 'number' ? o.height : DEFAULT_CHART_SIZE.height,
    legend: typeof legend === 'string' ? legend : null,
    percent: axisFormat('hAxis') === PERCENT || axisFormat('vAxis') === PERCENT,
    labels,
    series,
  };
}
