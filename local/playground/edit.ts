/**
 * Typing into a cell of the playground's grid, as a user types in Sheets: the text goes through
 * the emulator's user edit (`_userEdit`: the spreadsheet locale's parsing of typed input, data
 * validation that rejects, protections), after the warning a warning-only protection shows
 * first. Read without charging an execution: a user's edit is not a script's call.
 */
import type { Workspace } from '../workspace';

/** What the grid needs to edit one cell. */
export interface CellInfo {
  /** The text a user sees in the edit box: the formula, else the display value. */
  input: string;
  /** A dropdown's choices (data validation from a list or from a range), else null. */
  list: string[] | null;
  /** The description of a warning-only protection covering the cell, else null. */
  warning: string | null;
}

export type EditOutcome = { ok: true } | { ok: false; warning: string } | { ok: false; error: string };

const a1Of = (row: number, column: number) => {
  let s = '';
  for (let k = column; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return `${s}${row}`;
};

const inside = (
  r: { row: number; col: number; numRows: number; numCols: number },
  row: number,
  col: number,
) => row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;

function sheetOf(workspace: Workspace, name: string) {
  const wb = workspace.emulator.spreadsheetApp._workbook();
  const sheet = wb.state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`feuille inconnue : ${name}`);
  return { wb, sheet };
}

/**
 * A warning-only protection over the cell. Sheets asks before such an edit ("Heads up! You're
 * trying to edit part of this sheet that shouldn't be changed accidentally", Protect range help,
 * https://support.google.com/docs/answer/1218656: "Show a warning when editing this range").
 */
function warningAt(workspace: Workspace, name: string, row: number, column: number): string | null {
  const { wb, sheet } = sheetOf(workspace, name);
  const hit = wb.state.protections.find(
    (p) =>
      p.sheetId === sheet.id &&
      p.warningOnly &&
      (p.type === 'SHEET'
        ? !p.unprotected.some((r) => inside(r, row, column))
        : !!p.rect && inside(p.rect, row, column)),
  );
  return hit ? hit.description || name : null;
}

export function cellInfo(workspace: Workspace, name: string, row: number, column: number): CellInfo {
  const { wb, sheet } = sheetOf(workspace, name);
  const formula = wb.formula(sheet.id, row, column);
  const rule = wb.attr(sheet, 'validation', row, column);
  let list: string[] | null = null;
  if (rule?.criteria === 'VALUE_IN_LIST') list = (rule.args[0] as string[]).map(String);
  if (rule?.criteria === 'VALUE_IN_RANGE') {
    const qualified = (rule.args[0] as { range: string }).range;
    const bang = qualified.lastIndexOf('!');
    const source = qualified
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    const app = workspace.emulator.spreadsheetApp;
    list = app
      ._peekDisplayValues(source, qualified.slice(bang + 1))
      .flat()
      .filter((v) => v !== '');
  }
  return {
    input: formula || wb.displayValue(sheet.id, row, column),
    list,
    warning: warningAt(workspace, name, row, column),
  };
}

/** Types `raw` into the cell; a warning-protected cell needs `confirmed` (the user said OK). */
export function editCell(
  workspace: Workspace,
  edit: { sheet: string; row: number; column: number; raw: string; confirmed?: boolean },
): EditOutcome {
  const warning = warningAt(workspace, edit.sheet, edit.row, edit.column);
  if (warning && !edit.confirmed) return { ok: false, warning };
  try {
    workspace.emulator.spreadsheetApp._userEdit(edit.sheet, a1Of(edit.row, edit.column), edit.raw);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
