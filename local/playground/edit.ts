/**
 * Typing into a cell of the playground's grid, as a user types in Sheets: the text goes through
 * the emulator's user edit (`_userEdit`: the spreadsheet locale's parsing of typed input, data
 * validation that rejects, protections), after the warning a warning-only protection shows
 * first. Read without charging an execution: a user's edit is not a script's call.
 */
import { localeInfo } from '../emulator/spreadsheet/locale';
import { formatGeneral, isDateFormat } from '../emulator/spreadsheet/number-format';
import type { Workspace } from '../workspace';
import { showsDropdown } from './view';

/** What the grid needs to edit one cell. */
export interface CellInfo {
  /** The text a user sees in the formula bar and the edit box: the formula, else the value as typed. */
  input: string;
  /** The cell's A1 address, as the name box shows it. */
  address: string;
  /** A dropdown's choices (data validation from a list or from a range), else null. */
  list: string[] | null;
  /** A checkbox rule's two values as typed (TRUE/FALSE in the locale's words by default), else null. */
  checkbox: { checked: string; unchecked: string } | null;
  /** The description of a warning-only protection covering the cell, else null. */
  warning: string | null;
}

/** What the bundle's simple `onEdit` did after the edit (absent when the bundle has none). */
export interface EditTrigger {
  ok: boolean;
  error?: string;
  calls: number;
  ms: number;
}

export type EditOutcome =
  | { ok: true; trigger?: EditTrigger }
  | { ok: false; warning: string }
  | { ok: false; error: string };

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

/**
 * What the formula bar shows for a cell holding no formula: the value as a user would type it
 * back, not its display — a number without its format's grouping, currency or rounding
 * (126 640,00 € shows 126640), in the spreadsheet locale's decimal separator; a percentage
 * with its sign (0,62 shows 62%); a date or time as displayed; TRUE/FALSE in the locale's words
 * (VRAI/FAUX). Sheets' formula bar (support.google.com/docs/answer/46977, "Edit data in a
 * cell"): the exact rules for currencies and percentages are unverified.
 */
function typedText(workspace: Workspace, sheetId: number, row: number, column: number): string {
  const wb = workspace.emulator.spreadsheetApp._workbook();
  const cell = wb.view(sheetId, row, column);
  if (cell.value === null || cell.error || typeof cell.value === 'string')
    return wb.displayValue(sheetId, row, column);
  const loc = localeInfo(wb.state.locale);
  if (typeof cell.value === 'boolean') return cell.value ? loc.trueWord : loc.falseWord;
  if (isDateFormat(cell.format)) return wb.displayValue(sheetId, row, column);
  if (cell.format?.includes('%')) return `${formatGeneral(Math.round(cell.value * 1e10) / 1e8, loc)}%`;
  return formatGeneral(cell.value, loc);
}

export function cellInfo(workspace: Workspace, name: string, row: number, column: number): CellInfo {
  const { wb, sheet } = sheetOf(workspace, name);
  const formula = wb.formula(sheet.id, row, column);
  const rule = wb.attr(sheet, 'validation', row, column);
  let list: string[] | null = null;
  // A rule built with showDropdown false shows no list: the user types (view.ts, showsDropdown).
  if (rule && !showsDropdown(rule)) list = null;
  else if (rule?.criteria === 'VALUE_IN_LIST') list = (rule.args[0] as string[]).map(String);
  else if (rule?.criteria === 'VALUE_IN_RANGE') {
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
    input: formula || typedText(workspace, sheet.id, row, column),
    address: a1Of(row, column),
    checkbox: checkboxValues(workspace, rule),
    list,
    warning: warningAt(workspace, name, row, column),
  };
}

/** What clicking a checkbox types: its checked and unchecked values. */
function checkboxValues(
  workspace: Workspace,
  rule: { criteria: string; args: unknown[] } | undefined,
): CellInfo['checkbox'] {
  if (rule?.criteria !== 'CHECKBOX') return null;
  const loc = localeInfo(workspace.emulator.spreadsheetApp._workbook().state.locale);
  if (rule.args.length === 0) return { checked: loc.trueWord, unchecked: loc.falseWord };
  return { checked: String(rule.args[0]), unchecked: rule.args.length > 1 ? String(rule.args[1]) : '' };
}

/** Types `raw` into the cell; a warning-protected cell needs `confirmed` (the user said OK). */
export function editCell(
  workspace: Workspace,
  edit: { sheet: string; row: number; column: number; raw: string; confirmed?: boolean },
): EditOutcome {
  const warning = warningAt(workspace, edit.sheet, edit.row, edit.column);
  if (warning && !edit.confirmed) return { ok: false, warning };
  const app = workspace.emulator.spreadsheetApp;
  const a1 = a1Of(edit.row, edit.column);
  const before = app._peekValues(edit.sheet, a1)[0][0];
  try {
    app._userEdit(edit.sheet, a1, edit.raw);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const trigger = fireOnEdit(workspace, edit.sheet, a1, before);
  return trigger ? { ok: true, trigger } : { ok: true };
}

/**
 * A user's edit fires the bundle's simple `onEdit(e)` trigger, as Sheets does
 * (developers.google.com/apps-script/guides/triggers#onedite and …/triggers/events, « Edit »):
 * in AuthMode.LIMITED, with `range` (the edited cell), `source` (the spreadsheet), `value` and
 * `oldValue` (a single cell; `oldValue` absent when the cell was empty). Values are passed as
 * text, as users report them (unverified on a reference page). `user` is left out: Google gives it
 * "if available", under security restrictions this emulator does not model. A failing trigger
 * does not undo the edit; its error is reported as the executions page would show it.
 */
function fireOnEdit(
  workspace: Workspace,
  sheetName: string,
  a1: string,
  before: unknown,
): EditTrigger | null {
  if (!workspace.runner.functionNames().includes('onEdit')) return null;
  const app = workspace.emulator.spreadsheetApp;
  const source = app.getActiveSpreadsheet();
  const range = source.getSheetByName(sheetName)?.getRange(a1);
  if (!range) return null;
  const after = app._peekValues(sheetName, a1)[0][0];
  const text = (v: unknown) => (v instanceof Date ? v.toString() : String(v));
  const event: Record<string, unknown> = { range, source };
  if (after !== '' && after !== null) event.value = text(after);
  if (before !== '' && before !== null) event.oldValue = text(before);
  try {
    const { stats } = workspace.runner.run('onEdit', event, 'simpleTrigger');
    return { ok: true, calls: stats.calls, ms: stats.ms };
  } catch (e) {
    const last = workspace.runner.lastStats;
    return {
      ok: false,
      error: e instanceof Error ? e.message : String(e),
      calls: last?.calls ?? 0,
      ms: last?.ms ?? 0,
    };
  }
}
