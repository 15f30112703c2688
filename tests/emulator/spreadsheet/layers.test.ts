/**
 * Number formats, validations, styles, notes and row properties are stored as runs of rows per
 * column (local/emulator/spreadsheet/layers.ts): big blocks stay small, and the runs move with
 * the cells on every structural change.
 */
import {
  type EmuDataValidation,
  type EmuSheet,
  EmuSpreadsheetApp,
  type Run,
  type SheetState,
  type SpreadsheetAppSnapshotV1,
} from '../../../local/emulator/spreadsheet';
import { expectGoogleError, setup } from './helpers';

const AUTO = '0.###############';

/** Every run list of a sheet is sorted, disjoint, inside the grid and has no equal neighbours. */
function expectCompact(sheet: SheetState): void {
  const lists: Run<unknown>[][] = [sheet.hiddenRows, sheet.rowHeights];
  for (const layer of Object.values(sheet.layers)) {
    expect(layer.length).toBeLessThanOrEqual(sheet.maxCols);
    for (const runs of layer) if (runs) lists.push(runs);
  }
  for (const runs of lists) {
    runs.forEach((r, i) => {
      expect(r.from).toBeGreaterThanOrEqual(1);
      expect(r.to).toBeGreaterThanOrEqual(r.from);
      expect(r.to).toBeLessThanOrEqual(sheet.maxRows);
      const next = runs[i + 1];
      if (next) {
        expect(next.from).toBeGreaterThan(r.to);
        if (next.from === r.to + 1) expect(JSON.stringify(next.value)).not.toBe(JSON.stringify(r.value));
      }
    });
  }
}

describe('a large formatted and validated block', () => {
  test('4998 x 20 cells: formats, validations and display values read back; the snapshot stays small', () => {
    const { app, ss, sheet } = setup();
    sheet.insertRowsAfter(sheet.getMaxRows(), 4000);
    expect(sheet.getMaxRows()).toBe(5000);
    const block = sheet.getRange('A3:T5000');
    block.setNumberFormat('0.00');
    // Column-specific formats, as setNumberFormats with identical rows.
    const formats = Array.from({ length: 4998 }, () =>
      Array.from({ length: 20 }, (_, j) => (j % 3 === 0 ? 'dd/MM/yyyy' : j % 3 === 1 ? '#,##0.00' : '@')),
    );
    block.setNumberFormats(formats);
    const yesNo = app.newDataValidation().requireValueInList(['Oui', 'Non']).setAllowInvalid(false).build();
    const positive = app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build();
    const rules = Array.from({ length: 4998 }, () =>
      Array.from({ length: 20 }, (_, j): EmuDataValidation | null =>
        j === 2 ? yesNo : j === 4 ? positive : null,
      ),
    );
    block.setDataValidations(rules);
    sheet.getRange('A1:T1').setBackground('#eeeeee').setFontWeight('bold');
    sheet.getRange('A3:B3').setValues([[46111, 1234.5]]);
    sheet.getRange('A5000:B5000').setValues([[46112, 7]]);

    expect(block.getNumberFormats()).toEqual(formats);
    const back = block.getDataValidations();
    expect(back).toHaveLength(4998);
    expect(back[4997][2]?.getCriteriaValues()).toEqual([['Oui', 'Non'], true]);
    expect(back[0][4]?.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO);
    expect(back.every((row) => row.filter((r) => r !== null).length === 2)).toBe(true);
    expect(sheet.getRange('A3:B3').getDisplayValues()).toEqual([['30/03/2026', '1\u202f234,50']]);
    expect(sheet.getRange('A5000:C5000').getDisplayValues()).toEqual([['31/03/2026', '7,00', '']]);
    expect(sheet.getRange('A1').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A2').getNumberFormat()).toBe(AUTO);
    expect(() => app._userEdit('Feuille 1', 'C4000', 'Peut-être')).toThrow('violates the data validation');

    const state = app._workbook().state.sheets[0];
    expectCompact(state);
    // One run per column and attribute.
    expect(state.layers.numberFormat.every((runs) => runs?.length === 1)).toBe(true);
    expect(state.layers.validation.filter((runs) => runs && runs.length > 0)).toHaveLength(2);

    for (let i = 0; i < 23; i++) {
      const other = ss.insertSheet(`S${i}`);
      other.insertRowsAfter(other.getMaxRows(), 4000);
      other.getRange('A3:T5000').setNumberFormats(formats).setDataValidations(rules);
    }
    const json = JSON.stringify(app._snapshot());
    expect(json.length).toBeLessThan(24 * 50_000);
    const one = setup();
    one.sheet.insertRowsAfter(1000, 4000);
    one.sheet.getRange('A3:T5000').setNumberFormats(formats).setDataValidations(rules);
    expect(JSON.stringify(one.app._snapshot()).length).toBeLessThan(50_000);
  });

  test('setValues of typed dates gives automatic cells a date format, merged per column', () => {
    const { app, sheet } = setup();
    sheet.getRange('B3').setNumberFormat('0.00');
    const rows = Array.from({ length: 500 }, (_, i) => [`${(i % 28) + 1}/03/2026`, '12']);
    sheet.getRange(2, 2, 500, 2).setValues(rows);
    expect(sheet.getRange('B2:C4').getNumberFormats()).toEqual([
      ['dd/MM/yyyy', AUTO],
      ['0.00', AUTO],
      ['dd/MM/yyyy', AUTO],
    ]);
    const runs = app._workbook().state.sheets[0].layers.numberFormat[1];
    expect(runs).toEqual([
      { from: 2, to: 2, value: 'dd/MM/yyyy' },
      { from: 3, to: 3, value: '0.00' },
      { from: 4, to: 501, value: 'dd/MM/yyyy' },
    ]);
  });
});

describe('layers move with the cells', () => {
  function formatted() {
    const env = setup();
    const { app, sheet } = env;
    sheet.getRange('B2:B10').setNumberFormat('0.00');
    sheet.getRange('C2:C10').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('D5').setNote('n').setBackground('#ff0000');
    return env;
  }
  const formatsOf = (sheet: EmuSheet, a1: string) =>
    sheet
      .getRange(a1)
      .getNumberFormats()
      .map((r) => r[0]);
  const validated = (sheet: EmuSheet, a1: string) =>
    sheet
      .getRange(a1)
      .getDataValidations()
      .map((r) => r[0] !== null);

  test('inserted rows inherit nothing; rows below move down', () => {
    const { app, sheet } = formatted();
    sheet.insertRowsBefore(5, 2);
    expect(formatsOf(sheet, 'B4:B8')).toEqual(['0.00', AUTO, AUTO, '0.00', '0.00']);
    expect(formatsOf(sheet, 'B12:B13')).toEqual(['0.00', AUTO]);
    expect(validated(sheet, 'C4:C7')).toEqual([true, false, false, true]);
    expect([sheet.getRange('D7').getNote(), sheet.getRange('D7').getBackground()]).toEqual(['n', '#ff0000']);
    expect(sheet.getRange('D5').getNote()).toBe('');
    sheet.insertRowsAfter(12, 1);
    sheet.insertRowAfter(2);
    sheet.insertRows(2);
    expect(formatsOf(sheet, 'B2:B5')).toEqual([AUTO, '0.00', AUTO, '0.00']);
    expectCompact(app._workbook().state.sheets[0]);
  });

  test('deleted rows take their layers with them; the runs around them merge', () => {
    const { app, sheet } = formatted();
    sheet.getRange('B5').setNumberFormat('@');
    sheet.deleteRows(4, 3);
    expect(formatsOf(sheet, 'B1:B8')).toEqual([AUTO, '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', AUTO]);
    expect(app._workbook().state.sheets[0].layers.numberFormat[1]).toEqual([
      { from: 2, to: 7, value: '0.00' },
    ]);
    expect(sheet.getRange('D4:D6').getValues()).toEqual([[''], [''], ['']]);
    expect(app._workbook().state.sheets[0].layers.note[3]).toEqual([]);
    sheet.deleteRow(1);
    expect(formatsOf(sheet, 'B1:B2')).toEqual(['0.00', '0.00']);
    app._userDeleteRows('Feuille 1', 1, 6);
    expect(formatsOf(sheet, 'B1')).toEqual([AUTO]);
    expectCompact(app._workbook().state.sheets[0]);
  });

  test('column insertion, deletion and moves carry every layer', () => {
    const { app, sheet } = formatted();
    sheet.insertColumnsBefore(2, 2);
    expect(formatsOf(sheet, 'D2')).toEqual(['0.00']);
    expect(formatsOf(sheet, 'B2')).toEqual([AUTO]);
    expect(validated(sheet, 'E2')).toEqual([true]);
    expect(sheet.getRange('F5').getNote()).toBe('n');
    sheet.deleteColumns(1, 3); // A, B, C: B's formats (now D) become A
    expect(formatsOf(sheet, 'A2')).toEqual(['0.00']);
    expect(validated(sheet, 'B2:B3')).toEqual([true, true]);
    app._userMoveColumn('Feuille 1', 1, 3); // A → C; B, C shift left
    expect(formatsOf(sheet, 'C2')).toEqual(['0.00']);
    expect(validated(sheet, 'A2')).toEqual([true]);
    expect(sheet.getRange('B5').getNote()).toBe('n');
    app._userMoveColumn('Feuille 1', 3, 1);
    expect(formatsOf(sheet, 'A2')).toEqual(['0.00']);
    app._userInsertColumn('Feuille 1', 1);
    expect([formatsOf(sheet, 'A2')[0], formatsOf(sheet, 'B2')[0]]).toEqual([AUTO, '0.00']);
    sheet.insertColumnAfter(sheet.getMaxColumns());
    expectCompact(app._workbook().state.sheets[0]);
  });

  test('random edits and structural changes agree with a per-cell model', () => {
    const { app, sheet } = setup();
    sheet.deleteRows(13, 988);
    sheet.deleteColumns(8, 19);
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    const choices = ['0.00', '@', '0%', undefined];
    const blank = (rows: number, cols: number): (string | undefined)[][] =>
      Array.from({ length: rows }, () => new Array(cols).fill(undefined));
    // Number formats, backgrounds (style patches) and validations (list value), per cell.
    const models = [blank(12, 7), blank(12, 7), blank(12, 7)];
    const model = models[0];
    const rules = ['a', 'b'].map((v) => app.newDataValidation().requireValueInList([v]).build());
    const rect = () => {
      const rows = model.length;
      const cols = model[0].length;
      const r = 1 + rand(rows);
      const c = 1 + rand(cols);
      return { r, c, h: 1 + rand(rows - r + 1), w: 1 + rand(cols - c + 1) };
    };
    for (let step = 0; step < 400; step++) {
      const op = rand(12);
      const { r, c, h, w } = rect();
      const fill = (fn: (i: number, j: number) => string | undefined, m = model) => {
        for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) m[r - 1 + i][c - 1 + j] = fn(i, j);
      };
      const everyModel = (fn: (m: (string | undefined)[][]) => void) => {
        for (const m of models) fn(m);
      };
      if (op === 0) {
        const f = choices[rand(3)] as string;
        sheet.getRange(r, c, h, w).setNumberFormat(f);
        fill(() => f);
      } else if (op === 1) {
        const line = Array.from({ length: w }, () => choices[rand(3)] as string);
        const grid = Array.from({ length: h }, (_, i) => (i % 2 && rand(2) ? line.map(() => '@') : line));
        sheet.getRange(r, c, h, w).setNumberFormats(grid);
        fill((i, j) => grid[i][j]);
      } else if (op === 2) {
        const all = rand(2);
        if (all) sheet.getRange(r, c, h, w).clear();
        else sheet.getRange(r, c, h, w).clearFormat();
        fill(() => undefined);
        fill(() => undefined, models[1]);
        if (all) fill(() => undefined, models[2]);
      } else if (op === 3 && model.length < 30) {
        const n = 1 + rand(3);
        sheet.insertRowsBefore(r, n);
        everyModel((m) => m.splice(r - 1, 0, ...blank(n, m[0].length)));
      } else if (op === 4 && model.length > 3) {
        const n = Math.min(h, model.length - 1);
        sheet.deleteRows(r, n);
        everyModel((m) => m.splice(r - 1, n));
      } else if (op === 5 && model[0].length < 14) {
        sheet.insertColumnsAfter(c, 1);
        everyModel((m) => {
          for (const line of m) line.splice(c, 0, undefined);
        });
      } else if (op === 6 && model[0].length > 3) {
        const n = Math.min(w, model[0].length - 1);
        sheet.deleteColumns(c, n);
        everyModel((m) => {
          for (const line of m) line.splice(c - 1, n);
        });
      } else if (op === 7) {
        const to = 1 + rand(model[0].length);
        app._userMoveColumn('Feuille 1', c, to);
        everyModel((m) => {
          for (const line of m) line.splice(to - 1, 0, ...line.splice(c - 1, 1));
        });
      } else if (op === 8) {
        sheet.insertRowsAfter(model.length, 1);
        everyModel((m) => m.push(new Array(m[0].length).fill(undefined)));
      } else if (op === 9) {
        const color = ['#ff0000', '#00ff00'][rand(2)];
        sheet.getRange(r, c, h, w).setBackground(color);
        fill(() => color, models[1]);
      } else if (op === 10) {
        const k = rand(3);
        sheet.getRange(r, c, h, w).setDataValidation(k < 2 ? rules[k] : null);
        fill(() => (k < 2 ? 'ab'[k] : undefined), models[2]);
      } else if (op === 11) {
        sheet.getRange(r, c, h, w).clearDataValidations();
        fill(() => undefined, models[2]);
      }
      expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([model.length, model[0].length]);
      const all = sheet.getRange(1, 1, model.length, model[0].length);
      expect([step, all.getNumberFormats()]).toEqual([step, model.map((line) => line.map((f) => f ?? AUTO))]);
      const backgrounds = models[1].map((line, i) =>
        line.map((_, j) => sheet.getRange(i + 1, j + 1).getBackground()),
      );
      expect([step, backgrounds]).toEqual([step, models[1].map((line) => line.map((b) => b ?? '#ffffff'))]);
      const lists = all
        .getDataValidations()
        .map((line) => line.map((v) => (v ? (v.getCriteriaValues()[0] as string[])[0] : undefined)));
      expect([step, lists]).toEqual([step, models[2]]);
      expectCompact(app._workbook().state.sheets[0]);
    }
  });
});

describe('clearing', () => {
  test('clearContent keeps formats and validation; clear removes them but keeps notes; clearFormat keeps validation', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberBetween(0, 10).build();
    const r = sheet.getRange('A1:B2');
    r.setNumberFormat('0.00').setDataValidation(rule).setNote('note').setBackground('#00ff00').setValue(3);
    r.clearContent();
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect([r.getNumberFormat(), r.getDataValidation() !== null, r.getBackground()]).toEqual([
      '0.00',
      true,
      '#00ff00',
    ]);
    r.clearFormat();
    expect([r.getNumberFormat(), r.getDataValidation() !== null, r.getBackground()]).toEqual([
      AUTO,
      true,
      '#ffffff',
    ]);
    r.setNumberFormat('0.00').setValue(4);
    sheet.getRange('A1').clear();
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([[AUTO, '0.00']]);
    expect(
      sheet
        .getRange('A1:B1')
        .getDataValidations()
        .map((row) => row.map((v) => v !== null)),
    ).toEqual([[false, true]]);
    expect([sheet.getRange('A1').getValue(), sheet.getRange('B1').getValue()]).toEqual(['', 4]);
    expect(sheet.getRange('A1').getNote()).toBe('note');
    sheet.clear();
    expect([r.getNumberFormat(), r.getDataValidation(), r.getNote()]).toEqual([AUTO, null, 'note']);
    // Cleared columns leave nothing behind in the layers.
    expect(app._workbook().state.sheets[0].layers.numberFormat).toEqual([]);
  });

  test('Sheet.clearContents keeps formats', () => {
    const { sheet } = setup();
    sheet.getRange('C3').setValue(1).setNumberFormat('0.0');
    sheet.clearContents();
    expect([sheet.getLastRow(), sheet.getRange('C3').getNumberFormat()]).toEqual([0, '0.0']);
  });

  test('a deleted sheet takes its layers away; a new sheet of the same name starts blank', () => {
    const { ss } = setup();
    const s = ss.insertSheet('Tmp');
    s.getRange('A1:A100').setNumberFormat('@');
    ss.deleteSheet(s);
    expect(ss.insertSheet('Tmp').getRange('A1').getNumberFormat()).toBe(AUTO);
  });
});

describe('rows: growth, hiding and heights', () => {
  test('growing a sheet at its end is cheap and adds unformatted rows', () => {
    const { sheet } = setup();
    sheet.getRange('A1000').setNumberFormat('0.00').setValue(1);
    sheet.getRange('A999').setFormula('=SUM(A1000:A1000)');
    const started = Date.now();
    for (let i = 0; i < 200; i++) sheet.insertRowsAfter(sheet.getMaxRows(), 1000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sheet.getMaxRows()).toBe(201_000);
    expect(sheet.getRange('A1000:A1001').getNumberFormats()).toEqual([['0.00'], [AUTO]]);
    expect(sheet.getRange('A999').getFormula()).toBe('=SUM(A1000:A1000)');
    sheet.getRange('A201000').setValue(5);
    expect(sheet.getLastRow()).toBe(201_000);
  });

  test('hideRows, showRows, isRowHiddenByUser and row heights follow row insertion and deletion', () => {
    const { app, runtime, sheet } = setup();
    runtime.beginExecution('t', 'normal', false);
    sheet.hideRows(1);
    sheet.hideRows(5, 3);
    sheet.setRowHeight(6, 40);
    expect([1, 2, 5, 6, 7, 8].map((r) => sheet.isRowHiddenByUser(r))).toEqual([
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
    expect([sheet.getRowHeight(6), sheet.getRowHeight(7)]).toEqual([40, 21]);
    const stats = runtime.endExecution();
    expect(stats.byMethod).toEqual({
      'Sheet.hideRows': 2,
      'Sheet.setRowHeight': 1,
      'Sheet.isRowHiddenByUser': 6,
      'Sheet.getRowHeight': 2,
    });
    expect([stats.writes, stats.reads]).toEqual([3, 8]);
    sheet.insertRowsBefore(6, 2);
    expect([5, 6, 7, 8, 9, 10].map((r) => sheet.isRowHiddenByUser(r))).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(sheet.getRowHeight(8)).toBe(40);
    sheet.showRows(9);
    sheet.deleteRows(1, 2);
    expect([1, 3, 6, 7].map((r) => sheet.isRowHiddenByUser(r))).toEqual([false, true, true, false]);
    expect(sheet.getRowHeight(6)).toBe(40);
    expectCompact(app._workbook().state.sheets[0]);
    expectGoogleError(() => sheet.hideRows(1000, 2), 'Those rows are out of bounds.');
    expectGoogleError(() => sheet.isRowHiddenByUser(0), 'Those rows are out of bounds.');
    expectGoogleError(
      () => sheet.setRowHeight(1, '40' as unknown as number),
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.setRowHeight.",
    );
  });
});

describe('snapshots', () => {
  test('version 2 round-trips layers and row properties', () => {
    const { runtime, app, sheet } = setup();
    sheet
      .getRange('A2:A4')
      .setNumberFormat('0.00')
      .setValues([[1], [2], [3]]);
    sheet.getRange('B2').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
    sheet.hideRows(1);
    const snap = app._snapshot();
    expect(snap.version).toBe(2);
    const other = new EmuSpreadsheetApp(runtime, { ui: null });
    other._restore(JSON.parse(JSON.stringify(snap)));
    const s2 = other.getActiveSheet();
    expect(s2.getRange('A2:A4').getDisplayValues()).toEqual([['1,00'], ['2,00'], ['3,00']]);
    expect(s2.getRange('B2').getDataValidation()?.getCriteriaValues()).toEqual([['x'], true]);
    expect(s2.isRowHiddenByUser(1)).toBe(true);
  });

  test('a version 1 snapshot (attributes on cells) is converted on restore', () => {
    const { runtime, app } = setup();
    const base = app._snapshot();
    const sheet = base.spreadsheets[0].sheets[0] as unknown as Record<string, unknown>;
    delete sheet.layers;
    delete sheet.hiddenRows;
    delete sheet.rowHeights;
    const spec = {
      criteria: 'VALUE_IN_LIST',
      args: [['Oui', 'Non'], true],
      allowInvalid: false,
      helpText: null,
    };
    sheet.rows = [
      [{ value: 'Titre', style: { fontWeight: 'bold' }, note: 'clé' }],
      null,
      [{ value: 46111, numberFormat: 'dd/MM/yyyy' }, { validation: spec }],
      [{ numberFormat: 'dd/MM/yyyy' }, { value: 'Oui', validation: spec }],
      [{ numberFormat: 'dd/MM/yyyy' }, { validation: spec }, { formula: '=A3+1', numberFormat: '0.0' }],
    ];
    const v1: SpreadsheetAppSnapshotV1 = { ...base, version: 1 };
    const other = new EmuSpreadsheetApp(runtime, { ui: null });
    other._restore(JSON.parse(JSON.stringify(v1)));
    const s = other.getActiveSheet();
    expect(s.getRange('A1').getFontWeight()).toBe('bold');
    expect(s.getRange('A1').getNote()).toBe('clé');
    expect(s.getRange('A3:C5').getDisplayValues()).toEqual([
      ['30/03/2026', '', ''],
      ['', 'Oui', ''],
      ['', '', '46112,0'],
    ]);
    expect(
      s
        .getRange('B3:B5')
        .getDataValidations()
        .map((r) => r[0]?.getCriteriaValues()[0]),
    ).toEqual([
      ['Oui', 'Non'],
      ['Oui', 'Non'],
      ['Oui', 'Non'],
    ]);
    expect(() => other._userEdit(s.getName(), 'B4', 'Peut-être')).toThrow('violates the data validation');
    const upgraded = other._snapshot();
    expect(upgraded.version).toBe(2);
    const state = upgraded.spreadsheets[0].sheets[0];
    expect(state.layers.numberFormat[0]).toEqual([{ from: 3, to: 5, value: 'dd/MM/yyyy' }]);
    expect(state.layers.validation[1]).toEqual([{ from: 3, to: 5, value: spec }]);
    // Cells keep only their content: A4 held a format alone and is gone from `rows`.
    expect([state.rows[3]?.[0], state.rows[3]?.[1], state.rows[4]?.[2]]).toEqual([
      undefined,
      { value: 'Oui' },
      { formula: '=A3+1' },
    ]);
    expect([state.hiddenRows, state.rowHeights]).toEqual([[], []]);
    expectCompact(state);
  });

  test('an unknown snapshot version is refused', () => {
    const { app } = setup();
    const snap = { ...app._snapshot(), version: 3 } as unknown as SpreadsheetAppSnapshotV1;
    expect(() => app._restore(snap)).toThrow('emulator: unknown snapshot version 3');
  });
});
