/**
 * The playground's view of the workbook (issue 13): what it paints (the cells' own styles, the
 * conditional formats the emulator evaluates, the entries a "show a warning" validation flags),
 * the charts' data read from their source ranges, the formula bar's text — all read without
 * charging a single call.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellInfo } from '../../local/playground/edit';
import { workbookView } from '../../local/playground/view';
import { openWorkspace, type Workspace } from '../../local/workspace';

let workspace: Workspace;
beforeAll(() => {
  workspace = openWorkspace({ dir: mkdtempSync(join(tmpdir(), 'pilote-view-')) });
}, 120_000);

const app = () => workspace.emulator.spreadsheetApp;
const sheetState = (name: string) => {
  const s = app()
    ._workbook()
    .state.sheets.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};
const a1 = (row: number, col: number) => {
  let letters = '';
  for (let k = col; k > 0; k = Math.floor((k - 1) / 26))
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return `${letters}${row}`;
};

/** Calls charged and executions recorded: a view must add none. */
const charged = () => ({
  calls: workspace.emulator.runtime.current().calls,
  executions: workspace.emulator.runtime.history.length,
});

test('every painted cell of « Réservations » is the rule _formatAt names, with its colours; no call charged', () => {
  const before = charged();
  const view = workbookView(workspace, 'Réservations');
  expect(charged()).toEqual(before);
  const sheet = view.sheets.find((s) => s.name === 'Réservations');
  expect(view.detail).toBe('Réservations');
  expect(sheet?.looks).not.toBeNull();
  // Only the detailed sheet carries looks and charts.
  expect(view.sheets.find((s) => s.name === 'Espaces')?.looks).toBeNull();
  const looks = sheet?.looks ?? {};
  let painted = 0;
  for (let r = 3; r <= (sheet?.rows.length ?? 0); r += 1) {
    for (let c = 1; c <= (sheet?.width ?? 0); c += 1) {
      const expected = app()._formatAt('Réservations', a1(r, c));
      const look = looks[`${r},${c}`];
      expect(look?.rule ?? null).toBe(expected?.ruleIndex ?? null);
      if (expected) {
        painted += 1;
        if (expected.fontColor) expect(look?.color).toBe(expected.fontColor);
        if (expected.background) expect(look?.background).toBe(expected.background);
      }
    }
  }
  expect(painted).toBeGreaterThan(30);
  // The header row's own style, set by setup.
  expect(looks['2,2']).toMatchObject({ background: '#e8eaed', bold: true });
});

test('a style set on a range shows; a conditional format that holds paints over it', () => {
  const wb = app()._workbook();
  const dash = sheetState('Tableau de bord');
  wb.setAttr(
    dash.id,
    'style',
    { row: 40, col: 3, numRows: 1, numCols: 1 },
    { background: '#abcdef', wrap: true },
  );
  const looks = workbookView(workspace, 'Tableau de bord').sheets[0].looks ?? {};
  expect(looks['40,3']).toMatchObject({ background: '#abcdef', wrap: true });
  wb.setAttr(dash.id, 'style', { row: 40, col: 3, numRows: 1, numCols: 1 }, undefined);
  // Row 14's rule paints A14:B14 when B14 is not zero: put the budget out of balance.
  app()._userEdit('Tableau de bord', 'B14', '12');
  const after = workbookView(workspace, 'Tableau de bord').sheets[0].looks ?? {};
  expect(after['14,1']).toMatchObject({ rule: 0, background: '#f4c7c3', color: '#a50e0e' });
  expect(after['14,3']?.rule).toBeUndefined();
});

test('an entry a "show a warning" list rule refuses is flagged; a listed one is not', () => {
  const params = sheetState('Paramètres du lieu');
  const rule = app()._workbook().attr(params, 'validation', 8, 3);
  expect(rule).toMatchObject({ criteria: 'VALUE_IN_LIST', allowInvalid: true });
  const listed = String((rule?.args[0] as string[] | undefined)?.[0]);
  app()._userEdit('Paramètres du lieu', 'C8', listed);
  const ok = workbookView(workspace, 'Paramètres du lieu').sheets.find(
    (s) => s.name === 'Paramètres du lieu',
  );
  expect(ok?.looks?.['8,3']?.invalid).toBeUndefined();
  app()._userEdit('Paramètres du lieu', 'C8', 'pas dans la liste');
  const bad = workbookView(workspace, 'Paramètres du lieu').sheets.find(
    (s) => s.name === 'Paramètres du lieu',
  );
  expect(bad?.looks?.['8,3']?.invalid).toMatch(/liste/);
  app()._userEdit('Paramètres du lieu', 'C8', listed);
});

test('the dashboard’s charts carry their source ranges’ values, headers and options', () => {
  const view = workbookView(workspace, 'Tableau de bord');
  const charts = view.sheets[0].charts ?? [];
  expect(charts.map((c) => c.type)).toEqual(['COLUMN', 'PIE', 'BAR']);
  const [budget, grants, occupancy] = charts;
  // D2:F4: row 2 names the series, column D labels the categories.
  const source = app()._peekValues('Tableau de bord', 'D2:F4');
  expect(budget.labels).toEqual([source[1][0], source[2][0]]);
  expect(budget.series.map((s) => s.name)).toEqual([source[0][1], source[0][2]]);
  expect(budget.series[0].data).toEqual([source[1][1], source[2][1]]);
  expect(budget.series[1].data).toEqual([source[1][2], source[2][2]]);
  expect(budget.position).toEqual({ row: 6, col: 4, offsetX: 0, offsetY: 0 });
  expect(budget.title).toBe(sheetState('Tableau de bord').charts[0].options.title);
  expect(budget.title).toMatch(/^Budget de l’exercice/);
  // A30:B37: no header row (B30 is a number), one series.
  const statuses = app()._peekValues('Tableau de bord', 'A30:B37');
  expect(grants.labels).toEqual(statuses.map((r) => r[0]));
  expect(grants.series).toHaveLength(1);
  expect(grants.series[0].data).toEqual(statuses.map((r) => r[1]));
  // Espaces B2:B102 and the rates' column: the spaces' names and rates, the empty rows left out.
  const names = app()
    ._peekDisplayValues('Espaces', 'B3:B102')
    .map((r) => r[0])
    .filter((n) => n !== '');
  expect(occupancy.labels).toEqual(names);
  expect(occupancy.percent).toBe(true);
  // The series is named by the header of the rate's column, wherever the schema puts it.
  const spaces = sheetState('Espaces');
  const headers = Array.from({ length: app()._workbook().lastColumn(spaces) }, (_, i) =>
    app()
      ._workbook()
      .displayValue(spaces.id, 2, i + 1),
  );
  expect(headers).toContain(occupancy.series[0].name);
  expect(occupancy.series[0].name).toMatch(/^Taux d’occupation/);
});

test('the formula bar: a formula, else the value as typed back (no grouping, currency or rounding)', () => {
  const before = charged();
  expect(cellInfo(workspace, 'Tableau de bord', 8, 2)).toMatchObject({
    address: 'B8',
    input: app()._peekFormulas('Tableau de bord', 'B8')[0][0],
  });
  const wb = app()._workbook();
  const dash = sheetState('Tableau de bord');
  const put = (a: string, raw: string, format?: string) => {
    app()._userEdit('Tableau de bord', a, raw);
    const rect = { row: Number(a.slice(1)), col: a.charCodeAt(0) - 64, numRows: 1, numCols: 1 };
    if (format) wb.setAttr(dash.id, 'numberFormat', rect, format);
  };
  put('H1', '126640,5', '#,##0.00 [$€]');
  expect(app()._peekDisplayValues('Tableau de bord', 'H1')[0][0]).not.toBe('126640,5');
  expect(cellInfo(workspace, 'Tableau de bord', 1, 8).input).toBe('126640,5');
  put('H2', '0,625', '0%');
  expect(cellInfo(workspace, 'Tableau de bord', 2, 8).input).toBe('62,5%');
  put('H3', '01/03/2026');
  expect(cellInfo(workspace, 'Tableau de bord', 3, 8).input).toBe('01/03/2026');
  put('H4', 'VRAI');
  expect(cellInfo(workspace, 'Tableau de bord', 4, 8).input).toBe('VRAI');
  put('H5', 'du texte');
  expect(cellInfo(workspace, 'Tableau de bord', 5, 8)).toMatchObject({ address: 'H5', input: 'du texte' });
  expect(charged()).toEqual(before);
});

test('dropdowns follow showDropdown; a checkbox cell knows the values a click types', () => {
  const wb = app()._workbook();
  const dash = sheetState('Tableau de bord');
  const rect = { row: 6, col: 8, numRows: 1, numCols: 1 };
  const rule = (showDropdown: boolean) => ({
    criteria: 'VALUE_IN_LIST',
    args: [['un', 'deux'], showDropdown],
    allowInvalid: false,
    helpText: null,
  });
  wb.setAttr(dash.id, 'validation', rect, rule(true));
  expect(cellInfo(workspace, 'Tableau de bord', 6, 8).list).toEqual(['un', 'deux']);
  expect(workbookView(workspace, 'Tableau de bord').sheets[0].looks?.['6,8']?.dropdown).toBe(true);
  wb.setAttr(dash.id, 'validation', rect, rule(false));
  expect(cellInfo(workspace, 'Tableau de bord', 6, 8).list).toBeNull();
  expect(workbookView(workspace, 'Tableau de bord').sheets[0].looks?.['6,8']?.dropdown).toBeUndefined();
  wb.setAttr(dash.id, 'validation', rect, undefined);
  // Espaces!H3 holds a plain checkbox rule: a click types VRAI or FAUX (the spreadsheet is French).
  expect(cellInfo(workspace, 'Espaces', 3, 8).checkbox).toEqual({ checked: 'VRAI', unchecked: 'FAUX' });
  expect(cellInfo(workspace, 'Espaces', 3, 2).checkbox).toBeNull();
  app()._userEdit('Espaces', 'H3', 'VRAI');
  const espaces = workbookView(workspace, 'Espaces').sheets.find((s) => s.name === 'Espaces');
  expect(espaces?.looks?.['3,8']?.checkbox).toBe('checked');
  app()._userEdit('Espaces', 'H3', 'FAUX');
  const after = workbookView(workspace, 'Espaces').sheets.find((s) => s.name === 'Espaces');
  expect(after?.looks?.['3,8']?.checkbox).toBe('unchecked');
});
