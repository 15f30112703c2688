/**
 * Typing in the playground's grid fires the bundle's simple onEdit(e) trigger, as Sheets does
 * (developers.google.com/apps-script/guides/triggers/events, « Edit »): LIMITED, the edited
 * range, the spreadsheet, the new and the old value; a failing trigger leaves the edit in place.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editCell } from '../../local/playground/edit';
import { openWorkspace, ROOT, type Workspace } from '../../local/workspace';

const BUNDLE = `
function onOpen(e) {}
function onEdit(e) {
  var cell = e.range;
  if (cell.getA1Notation() === 'C3') throw new Error('onEdit a échoué');
  cell.offset(0, 1).setValue(
    [String(e.authMode), cell.getA1Notation(), e.source.getId() === SpreadsheetApp.getActiveSpreadsheet().getId(),
     e.value === undefined ? '(aucune)' : e.value, e.oldValue === undefined ? '(aucune)' : e.oldValue].join(' | '));
}
`;

function workspaceWith(bundle: string): Workspace {
  const dist = mkdtempSync(join(tmpdir(), 'pilote-onedit-dist-'));
  writeFileSync(join(dist, 'Code.js'), bundle);
  writeFileSync(join(dist, 'Sidebar.html'), '<!DOCTYPE html><html><head></head><body></body></html>');
  copyFileSync(join(ROOT, 'dist', 'appsscript.json'), join(dist, 'appsscript.json'));
  return openWorkspace({ dir: mkdtempSync(join(tmpdir(), 'pilote-onedit-')), distDir: dist });
}

const sheetName = (w: Workspace) => w.emulator.spreadsheetApp._workbook().state.sheets[0].name;
const shown = (w: Workspace, a1: string) =>
  w.emulator.spreadsheetApp._peekDisplayValues(sheetName(w), a1)[0][0];

test('each edit runs onEdit once, in LIMITED, with the range, the spreadsheet and both values', () => {
  const w = workspaceWith(BUNDLE);
  const runs = () => w.emulator.runtime.history.filter((h) => h.name.startsWith('onEdit')).length;
  const first = editCell(w, { sheet: sheetName(w), row: 2, column: 1, raw: '42' });
  expect(first).toMatchObject({ ok: true, trigger: { ok: true } });
  expect(shown(w, 'B2')).toBe('LIMITED | A2 | true | 42 | (aucune)');
  const second = editCell(w, { sheet: sheetName(w), row: 2, column: 1, raw: 'quarante-trois' });
  expect(second).toMatchObject({ ok: true, trigger: { ok: true } });
  expect(shown(w, 'B2')).toBe('LIMITED | A2 | true | quarante-trois | 42');
  const cleared = editCell(w, { sheet: sheetName(w), row: 2, column: 1, raw: '' });
  expect(cleared).toMatchObject({ ok: true });
  expect(shown(w, 'B2')).toBe('LIMITED | A2 | true | (aucune) | quarante-trois');
  expect(runs()).toBe(3);
});

test('a trigger that fails leaves the edit in place and says why', () => {
  const w = workspaceWith(BUNDLE);
  const outcome = editCell(w, { sheet: sheetName(w), row: 3, column: 3, raw: 'gardé' });
  expect(outcome).toMatchObject({ ok: true, trigger: { ok: false } });
  if (outcome.ok && outcome.trigger) expect(outcome.trigger.error).toContain('onEdit a échoué');
  expect(shown(w, 'C3')).toBe('gardé');
  expect(shown(w, 'D3')).toBe('');
});

test('a bundle without onEdit runs nothing after an edit (Pilote today)', () => {
  const w = workspaceWith('function onOpen(e) {}');
  const before = w.emulator.runtime.history.length;
  expect(editCell(w, { sheet: sheetName(w), row: 1, column: 1, raw: 'x' })).toEqual({ ok: true });
  expect(w.emulator.runtime.history.length).toBe(before);
});
