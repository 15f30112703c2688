/**
 * TextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder) and
 * Range.getNextDataCell (developers.google.com/apps-script/reference/spreadsheet/range), which
 * the write path uses to find a row without reading a whole column.
 */
import { CELL_COSTS_US, COSTS } from '../../../local/emulator/runtime';
import { setup } from './helpers';

function column(values: string[]) {
  const s = setup();
  s.sheet.getRange(1, 1, values.length, 1).setValues(values.map((v) => [v]));
  return s;
}

describe('TextFinder', () => {
  test('is case-insensitive and partial by default', () => {
    const { sheet } = column(['Salle A', 'salle a', 'Grande salle', 'Sällé A']);
    const found = sheet.getRange('A1:A4').createTextFinder('SALLE').findAll();
    expect(found.map((r) => r.getA1Notation())).toEqual(['A1', 'A2', 'A3']);
  });

  test('matchEntireCell, matchCase and ignoreDiacritics narrow or widen the match', () => {
    const { sheet } = column(['Salle A', 'salle a', 'Grande salle', 'Sällé A']);
    const range = sheet.getRange('A1:A4');
    const rows = (f: { findAll(): { getRow(): number }[] }) => f.findAll().map((r) => r.getRow());
    expect(rows(range.createTextFinder('salle a').matchEntireCell(true))).toEqual([1, 2]);
    expect(rows(range.createTextFinder('salle a').matchEntireCell(true).matchCase(true))).toEqual([2]);
    expect(rows(range.createTextFinder('salle a').matchEntireCell(true).ignoreDiacritics(true))).toEqual([
      1, 2, 4,
    ]);
  });

  test('findNext walks the matches in order and ends with null', () => {
    const { sheet } = column(['x', 'RES-0001', 'y', 'RES-0001']);
    const finder = sheet.getRange('A1:A4').createTextFinder('RES-0001').matchEntireCell(true);
    expect(finder.findNext()?.getRow()).toBe(2);
    expect(finder.findNext()?.getRow()).toBe(4);
    expect(finder.findNext()).toBeNull();
  });

  test('a find is one read that moves what it finds and scans the range', () => {
    const { sheet, runtime } = column(['a', 'b', 'a', 'c']);
    runtime.beginExecution('t', 'normal', false);
    const finder = sheet.getRange('A1:A4').createTextFinder('a');
    finder.findAll();
    const stats = runtime.endExecution();
    expect(stats.byMethod).toEqual({ 'TextFinder.findAll': 1 });
    expect(stats.cells).toEqual({ read: 2, written: 0, scanned: 4 });
    expect(stats.ms).toBeCloseTo(
      COSTS.sheetReadUncached +
        (2 * CELL_COSTS_US.sheetReadPerCell + 4 * CELL_COSTS_US.sheetSearchPerCell) / 1000,
      3,
    );
  });

  test('options the emulator does not model throw instead of matching differently', () => {
    const { sheet } = column(['a']);
    const finder = sheet.getRange('A1').createTextFinder('a');
    expect(() => finder.useRegularExpression(true)).toThrow(/not emulated/);
    expect(() => finder.matchFormulaText(true)).toThrow(/not emulated/);
    expect(() => sheet.getRange('A1').createTextFinder('')).toThrow(/not emulated/);
  });
});

describe('Range.getNextDataCell', () => {
  test('UP from an empty cell stops on the last cell with data, as Ctrl+Up', () => {
    const { sheet, app } = column(['id', 'RES-0001', 'RES-0002', '', 'RES-0004']);
    expect(sheet.getRange('A20').getNextDataCell(app.Direction.UP).getA1Notation()).toBe('A5');
    expect(sheet.getRange('A4').getNextDataCell(app.Direction.UP).getA1Notation()).toBe('A3');
  });

  test('UP from a cell with data above goes to the top of the block; over nothing, to the edge', () => {
    const { sheet, app } = column(['id', 'RES-0001', 'RES-0002']);
    expect(sheet.getRange('A3').getNextDataCell(app.Direction.UP).getA1Notation()).toBe('A1');
    expect(sheet.getRange('B20').getNextDataCell(app.Direction.UP).getA1Notation()).toBe('B1');
  });

  test('is one read that moves no cell', () => {
    const { sheet, app, runtime } = column(['id', 'RES-0001']);
    runtime.beginExecution('t', 'normal', false);
    sheet.getRange('A100').getNextDataCell(app.Direction.UP);
    const stats = runtime.endExecution();
    expect(stats.calls).toBe(1);
    expect(stats.cells).toEqual({ read: 0, written: 0, scanned: 98 });
  });
});
