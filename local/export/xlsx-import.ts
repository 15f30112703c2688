/**
 * An .xlsx file (downloaded from Google Sheets, « Fichier › Télécharger › Microsoft Excel », or
 * written by xlsx-export.ts) as the emulator's spreadsheet state: values, formulas (kept as
 * formulas, re-evaluated by the emulator), number formats, validations, conditional formats,
 * frozen panes, hidden rows and columns, widths, tab colours, styles of written cells and defined
 * names as named ranges.
 *
 * Pilote's markers: the key row (row 1) and the named ranges `PILOTE_T_*` / `PILOTE_F_*` /
 * `PILOTE_<SETTING>` travel as cells and defined names. The developer metadata
 * `pilote.schemaVersion` does not: XLSX has no developer metadata (Sheets API:
 * developers.google.com/sheets/api/guides/metadata — metadata belongs to the Google file). It
 * is read from the file's keywords when Pilote's export wrote it there, else inferred from the key rows (`inferSchemaVersion`): the version that introduced the newest
 * sheet or column present. That is a lower bound: a later version that changed only formulas
 * cannot be seen, and taking the lower bound makes setup re-apply that migration (which only
 * adds or rewrites Pilote's own formulas) rather than skip it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnNumber, quoteSheetName, type Rect, rectToA1 } from '../emulator/spreadsheet/a1';
import { columnRuns, setRows } from '../emulator/spreadsheet/layers';
import { serialToInstant } from '../emulator/spreadsheet/locale';
import {
  type CellStyle,
  type ColumnLayer,
  type ConditionalRuleState,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  type Literal,
  type NamedRangeState,
  newSheetState,
  type SheetState,
  type SpreadsheetState,
  type ValidationSpec,
} from '../emulator/spreadsheet/model';
import { SHEETS, type SheetDef } from '../../src/schema';
import { tableRangeName } from '../../src/schema/layout';
import { fromExcelFormat } from './number-formats';
import { DEFAULT_WIDTH_PX, LISTS_SHEET, SCHEMA_VERSION_KEY, type SheetValidations } from './xlsx-export';

export interface ImportReport {
  sheets: string[];
  cells: number;
  formulas: number;
  namedRanges: number;
  validations: number;
  conditionalFormats: number;
  /** Schema version stamped, and why; null when the file holds no Pilote table. */
  schemaVersion: { version: number; reason: string } | null;
  /** Columns whose key is not Pilote's, per sheet: the user's own, kept as they are. */
  userColumns: { sheet: string; headers: string[] }[];
  warnings: string[];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** exceljs turns date-formatted numbers into Dates (UTC): back to the serial the cell held. */
function serialOf(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

function hexOf(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const a = color?.argb;
  return a && a.length === 8 ? `#${a.slice(2).toLowerCase()}` : undefined;
}

/** `'Sheet'!$A$1:$B$2` or `Sheet!A1` → sheet name and rectangle. */
export function parseRef(ref: string): { sheet: string; rect: Rect } | null {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.slice(bang + 1));
  if (!m) return null;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { sheet, rect: { row: r1, col: c1, numRows: r2 - r1 + 1, numCols: c2 - c1 + 1 } };
}

function rectOfA1(a1: string): Rect | null {
  return parseRef(`X!${a1}`)?.rect ?? null;
}

/** Defined names as written in xl/workbook.xml (§18.2.5); exceljs keeps them cell by cell. */
async function readDefinedNames(buffer: Buffer): Promise<{ name: string; ref: string; local: boolean }[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const out: { name: string; ref: string; local: boolean }[] = [];
  const unescapeXml = (t: string) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (name)
      out.push({ name: unescapeXml(name), ref: unescapeXml(m[2]), local: /\blocalSheetId=/.test(m[1]) });
  }
  return out;
}

function literalOf(value: ExcelJS.CellValue): Literal | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialOf(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
    if ('error' in value) return (value as ExcelJS.CellErrorValue).error;
  }
  return null;
}

/** Google and Excel prefix newer functions (`_xlfn.IFS`): the emulator takes the bare name. */
function cleanFormula(formula: string): string {
  return `=${formula.replace(/_xlfn\.|_xlws\./g, '')}`;
}

function toValidationSpec(
  dv: ExcelJS.DataValidation,
  lists: Map<string, string[]>,
  timeZone: string,
): ValidationSpec | null {
  const allowInvalid =
    dv.showErrorMessage !== true || (dv.errorStyle !== undefined && dv.errorStyle !== 'stop');
  const helpText = dv.prompt ? String(dv.prompt) : null;
  const spec = (criteria: string, args: unknown[]): ValidationSpec => ({
    criteria,
    args,
    allowInvalid,
    helpText,
  });
  const f = dv.formulae ?? [];
  const dateArg = (x: unknown) => ({
    date: serialToInstant(x instanceof Date ? serialOf(x) : Number(x), timeZone),
  });
  switch (dv.type) {
    case 'list': {
      const text = String(f[0] ?? '');
      if (text.startsWith('"')) {
        const items = text.slice(1, -1).split(',');
        if (items.length === 2 && items[0] === 'TRUE' && items[1] === 'FALSE') return spec('CHECKBOX', []);
        return spec('VALUE_IN_LIST', [items, true]);
      }
      const ref = parseRef(text);
      if (!ref) return null;
      const listed = lists.get(rectToA1(ref.rect));
      if (ref.sheet === LISTS_SHEET && listed) return spec('VALUE_IN_LIST', [listed, true]);
      return spec('VALUE_IN_RANGE', [{ range: `${quoteSheetName(ref.sheet)}!${rectToA1(ref.rect)}` }, true]);
    }
    case 'date': {
      const op = dv.operator ?? 'between';
      if (op === 'greaterThanOrEqual' && Number(f[0] instanceof Date ? serialOf(f[0]) : f[0]) <= 1)
        return spec('DATE_IS_VALID_DATE', []);
      if (op === 'greaterThan') return spec('DATE_AFTER', [dateArg(f[0])]);
      if (op === 'lessThan') return spec('DATE_BEFORE', [dateArg(f[0])]);
      if (op === 'greaterThanOrEqual') return spec('DATE_ON_OR_AFTER', [dateArg(f[0])]);
      if (op === 'between') return spec('DATE_BETWEEN', [dateArg(f[0]), dateArg(f[1])]);
      return null;
    }
    case 'decimal':
    case 'whole': {
      const op = dv.operator ?? 'between';
      if (op === 'between') return spec('NUMBER_BETWEEN', [Number(f[0]), Number(f[1])]);
      if (op === 'greaterThan') return spec('NUMBER_GREATER_THAN', [Number(f[0])]);
      if (op === 'greaterThanOrEqual') return spec('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(f[0])]);
      if (op === 'lessThanOrEqual') return spec('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(f[0])]);
      return null;
    }
    case 'custom': {
      const text = String(f[0] ?? '');
      if (/^ISNUMBER\(SEARCH\("@",\$?[A-Z]+\$?\d+\)\)$/.test(text)) return spec('TEXT_IS_VALID_EMAIL', []);
      return spec('CUSTOM_FORMULA', [`=${text}`]);
    }
    default:
      return null;
  }
}

function setCellAttr<T>(layer: ColumnLayer<T>, row: number, col: number, value: T | undefined) {
  setRows(columnRuns(layer, col), row, row, value);
}

/** The schema version the key rows show (see the header), or null without Pilote's tables. */
export function inferSchemaVersion(
  state: SpreadsheetState,
  sheets: readonly SheetDef[] = SHEETS,
): { version: number; reason: string } | null {
  let version = 0;
  let why = '';
  for (const def of sheets) {
    const named = state.namedRanges.find((n) => n.name === tableRangeName(def));
    const sheet = named ? state.sheets.find((s) => s.id === named.sheetId) : undefined;
    if (!sheet) continue;
    if (def.since > version) {
      version = def.since;
      why = `la feuille « ${def.name} » (version ${def.since})`;
    }
    const keys = new Set((sheet.rows[0] ?? []).map((c) => (typeof c?.value === 'string' ? c.value : '')));
    for (const column of def.columns) {
      const since = column.since ?? def.since;
      if (keys.has(column.key) && since > version) {
        version = since;
        why = `la colonne « ${column.header} » de « ${def.name} » (version ${since})`;
      }
    }
  }
  return version === 0 ? null : { version, reason: `déduite de ${why}, la plus récente présente` };
}

/** Reads .xlsx bytes into a spreadsheet state (ids from 1; `base` gives id, name, locale, zone). */
export async function importXlsx(
  buffer: Buffer,
  base: Pick<SpreadsheetState, 'id' | 'name' | 'locale' | 'timeZone'>,
): Promise<{ state: SpreadsheetState; report: ImportReport }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new Error(
      `Ce fichier n’est pas un classeur .xlsx lisible (${e instanceof Error ? e.message : String(e)}). Téléchargez-le depuis Google Sheets avec « Fichier › Télécharger › Microsoft Excel (.xlsx) ».`,
    );
  }
  const report: ImportReport = {
    sheets: [],
    cells: 0,
    formulas: 0,
    namedRanges: 0,
    validations: 0,
    conditionalFormats: 0,
    schemaVersion: null,
    userColumns: [],
    warnings: [],
  };
  let nextId = 1;
  const state: SpreadsheetState = {
    ...base,
    sheets: [],
    namedRanges: [],
    metadata: [],
    protections: [],
    activeSheetId: 1,
    selection: null,
    toasts: [],
    nextId: 1,
  };
  // The export's lists sheet: its columns become the lists of the rules that point at it.
  const lists = new Map<string, string[]>();
  const listsSheet = book.getWorksheet(LISTS_SHEET);
  if (listsSheet) {
    for (let c = 1; c <= listsSheet.columnCount; c++) {
      const items: string[] = [];
      for (let r = 1; r <= listsSheet.rowCount; r++) {
        const v = literalOf(listsSheet.getCell(r, c).value);
        if (v === null || v === '') break;
        items.push(String(v));
      }
      lists.set(rectToA1({ row: 1, col: c, numRows: items.length, numCols: 1 }), items);
    }
  }
  const names = (await readDefinedNames(buffer)).filter((n) => !n.local && !n.name.startsWith('_xlnm.'));
  const extents = new Map<string, { rows: number; cols: number }>();
  const grow = (sheet: string, rect: Rect) => {
    const e = extents.get(sheet) ?? { rows: 0, cols: 0 };
    e.rows = Math.max(e.rows, rect.row + rect.numRows - 1);
    e.cols = Math.max(e.cols, rect.col + rect.numCols - 1);
    extents.set(sheet, e);
  };
  for (const n of names) {
    const ref = parseRef(n.ref);
    if (ref) grow(ref.sheet, ref.rect);
  }

  book.eachSheet((ws) => {
    if (ws.name === LISTS_SHEET) return;
    const sheet: SheetState = newSheetState(nextId++, ws.name, 1, 1);
    const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenCols = view.xSplit ?? 0;
    }
    const tab = hexOf(ws.properties.tabColor);
    if (tab) sheet.tabColor = tab;
    // Columns: width, hidden, the column's format over every row.
    const colFormat: (string | undefined)[] = [];
    const lastCol = Math.max(ws.columnCount, ws.actualColumnCount);
    let maxRows = Math.max(DEFAULT_ROWS, ws.rowCount, extents.get(ws.name)?.rows ?? 0);
    let maxCols = Math.max(DEFAULT_COLS, lastCol, extents.get(ws.name)?.cols ?? 0);
    const dvs = Object.entries((ws as unknown as SheetValidations).dataValidations.model ?? {}).filter(
      (e): e is [string, ExcelJS.DataValidation] => e[1] !== undefined,
    );
    for (const [address] of dvs) {
      const rect = rectOfA1(address);
      if (rect) {
        maxRows = Math.max(maxRows, rect.row);
        maxCols = Math.max(maxCols, rect.col);
      }
    }
    sheet.maxRows = maxRows;
    sheet.maxCols = maxCols;
    for (let c = 1; c <= lastCol; c++) {
      const column = ws.getColumn(c);
      const px = column.width ? Math.round(column.width * 7 + 5) : DEFAULT_WIDTH_PX;
      sheet.columnWidths[c - 1] = px === DEFAULT_WIDTH_PX ? null : px;
      sheet.hiddenColumns[c - 1] = column.hidden ? true : (null as unknown as boolean);
      const fmt = fromExcelFormat(column.style?.numFmt);
      if (fmt !== undefined) {
        colFormat[c] = fmt;
        setRows(columnRuns(sheet.layers.numberFormat, c), 1, maxRows, fmt);
      }
    }
    // The model keeps these arrays only as long as their last set column.
    while (sheet.columnWidths.length && sheet.columnWidths[sheet.columnWidths.length - 1] === null)
      sheet.columnWidths.pop();
    while (sheet.hiddenColumns.length && !sheet.hiddenColumns[sheet.hiddenColumns.length - 1])
      sheet.hiddenColumns.pop();

    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.hidden) sheet.hiddenRows.push({ from: r, to: r, value: true });
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const formula = cell.formula;
        const fmt = fromExcelFormat(cell.numFmt);
        if (fmt !== colFormat[c]) setCellAttr(sheet.layers.numberFormat, r, c, fmt);
        if (!sheet.rows[r - 1]) sheet.rows[r - 1] = [];
        const line = sheet.rows[r - 1];
        if (formula) {
          line[c - 1] = { formula: cleanFormula(formula) };
          report.formulas += 1;
        } else {
          const literal = literalOf(cell.value);
          if (literal === null || literal === '') return;
          line[c - 1] = { value: literal };
        }
        report.cells += 1;
        const style: CellStyle = {};
        if (cell.font?.bold) style.fontWeight = 'bold';
        const fontColor = hexOf(cell.font?.color);
        if (fontColor && fontColor !== '#000000') style.fontColor = fontColor;
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const background =
          fill?.type === 'pattern' && fill.pattern === 'solid' ? hexOf(fill.fgColor) : undefined;
        if (background) style.background = background;
        if (cell.alignment?.wrapText) style.wrap = true;
        if (cell.alignment?.horizontal) style.horizontalAlignment = cell.alignment.horizontal;
        if (Object.keys(style).length) setCellAttr(sheet.layers.style, r, c, style);
      });
    });
    // Merge the one-row hidden runs.
    sheet.hiddenRows = sheet.hiddenRows.reduce<typeof sheet.hiddenRows>((runs, run) => {
      const last = runs[runs.length - 1];
      if (last && last.to + 1 === run.from) last.to = run.to;
      else runs.push({ ...run });
      return runs;
    }, []);

    // Validations: exceljs gives one entry per cell, sharing the object of one rule; set back
    // as runs of rows per column.
    const specs = new Map<ExcelJS.DataValidation, ValidationSpec | null>();
    const cellsOf = new Map<ValidationSpec, Map<number, number[]>>();
    for (const [address, dv] of dvs) {
      if (!specs.has(dv)) {
        const spec = toValidationSpec(dv, lists, state.timeZone);
        specs.set(dv, spec);
        if (spec) report.validations += 1;
        else
          report.warnings.push(`${ws.name}!${address}: validation ${dv.type} ${dv.operator ?? ''} ignorée`);
      }
      const spec = specs.get(dv);
      const rect = rectOfA1(address);
      if (!spec || !rect) continue;
      const byCol = cellsOf.get(spec) ?? new Map<number, number[]>();
      cellsOf.set(spec, byCol);
      const rows = byCol.get(rect.col) ?? [];
      byCol.set(rect.col, rows);
      rows.push(rect.row);
    }
    for (const [spec, byCol] of cellsOf) {
      for (const [col, rows] of byCol) {
        rows.sort((x, y) => x - y);
        let from = rows[0];
        for (let i = 1; i <= rows.length; i++) {
          if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
          setRows(columnRuns(sheet.layers.validation, col), from, rows[i - 1], spec);
          from = rows[i];
        }
      }
    }

    // Conditional formats, by priority (the first that holds wins, as in Sheets).
    const rules: { priority: number; rule: ConditionalRuleState }[] = [];
    for (const cf of (ws as unknown as SheetValidations).conditionalFormattings ?? []) {
      const ranges = cf.ref
        .split(/\s+/)
        .map(rectOfA1)
        .filter((r): r is Rect => r !== null);
      for (const rule of cf.rules) {
        if (rule.type !== 'expression' || !rule.formulae?.[0]) {
          report.warnings.push(`${ws.name}!${cf.ref}: mise en forme conditionnelle ${rule.type} ignorée`);
          continue;
        }
        const style = (rule as { style?: Partial<ExcelJS.Style> }).style ?? {};
        const fill = style.fill as ExcelJS.FillPattern | undefined;
        const format: ConditionalRuleState['format'] = {};
        const background = hexOf(fill?.bgColor) ?? hexOf(fill?.fgColor);
        if (background) format.background = background;
        const fontColor = hexOf(style.font?.color);
        if (fontColor) format.fontColor = fontColor;
        if (style.font?.bold) format.bold = true;
        rules.push({
          priority: rule.priority ?? rules.length + 1,
          rule: {
            condition: { type: 'CUSTOM_FORMULA', values: [cleanFormula(String(rule.formulae[0]))] },
            format,
            ranges,
          },
        });
      }
    }
    sheet.conditionalRules = rules.sort((a, b) => a.priority - b.priority).map((r) => r.rule);
    report.conditionalFormats += sheet.conditionalRules.length;
    if (ws.state === 'hidden' || ws.state === 'veryHidden')
      report.warnings.push(
        `${ws.name}: feuille masquée dans le fichier, affichée ici (l’émulateur ne masque pas de feuille)`,
      );
    state.sheets.push(sheet);
    report.sheets.push(ws.name);
  });

  for (const n of names) {
    const ref = parseRef(n.ref);
    const sheet = ref && state.sheets.find((s) => s.name === ref.sheet);
    if (!ref || !sheet) {
      report.warnings.push(`plage nommée ${n.name} (${n.ref}) ignorée`);
      continue;
    }
    const named: NamedRangeState = { name: n.name, sheetId: sheet.id, rect: ref.rect };
    state.namedRanges.push(named);
  }
  report.namedRanges = state.namedRanges.length;
  if (state.sheets.length === 0) throw new Error('Le fichier ne contient aucune feuille.');
  state.activeSheetId = state.sheets[0].id;

  // User columns: keys in row 1 of Pilote's tables that the schema does not know.
  for (const def of SHEETS) {
    if (def.kind !== 'table') continue;
    const named = state.namedRanges.find((n) => n.name === tableRangeName(def));
    const sheet = named && state.sheets.find((s) => s.id === named.sheetId);
    if (!sheet) continue;
    const known = new Set(def.columns.map((c) => c.key));
    const headers: string[] = [];
    const width = Math.max(sheet.rows[0]?.length ?? 0, sheet.rows[1]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const key = sheet.rows[0]?.[c]?.value;
      const header = sheet.rows[1]?.[c]?.value;
      if (header !== undefined && header !== '' && (typeof key !== 'string' || !known.has(key)))
        headers.push(String(header));
    }
    if (headers.length) report.userColumns.push({ sheet: sheet.name, headers });
  }

  const stamped = new RegExp(`${SCHEMA_VERSION_KEY.replace('.', '\\.')}=(\\d+)`).exec(book.keywords ?? '');
  const inferred = stamped
    ? {
        version: Number(stamped[1]),
        reason: 'lue dans les mots-clés du fichier (écrits par l’export de Pilote)',
      }
    : inferSchemaVersion(state);
  report.schemaVersion = inferred;
  if (inferred) {
    state.metadata.push({
      id: nextId++,
      key: SCHEMA_VERSION_KEY,
      value: String(inferred.version),
      visibility: 'DOCUMENT',
      location: { type: 'SPREADSHEET' },
    });
  }
  state.nextId = nextId;
  return { state, report };
}
