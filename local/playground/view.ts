/**
 * The playground's picture of the workbook: each sheet's display values and formulas over its
 * used range (at most 500 rows shown), the add-on menu and the selection. Read without charging.
 */
import type { Workspace } from '../workspace';

export interface SheetView {
  name: string;
  width: number;
  frozenRows: number;
  hiddenColumns: number[];
  /** 1-based rows hidden in the sheet (Pilote's key row): shown dimmed, as a reminder. */
  hiddenRows: number[];
  rows: string[][];
  formulas: string[][];
  totalRows: number;
}

export interface WorkbookView {
  name: string;
  sheets: SheetView[];
  menuItems: { caption: string; functionName: string }[];
  selection: { sheet: string; row: number; column: number } | null;
}

const MAX_ROWS_SHOWN = 500;

export function workbookView(workspace: Workspace): WorkbookView {
  const { emulator } = workspace;
  const wb = emulator.spreadsheetApp._workbook();
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
      rows,
      formulas,
      totalRows: lastRow,
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
  };
}
