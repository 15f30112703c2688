import { CELL_COSTS_US, COSTS, GoogleException } from '../../../local/emulator/runtime';
import { EmuSpreadsheetApp, SPREADSHEET_COSTS } from '../../../local/emulator/spreadsheet';
import { setup } from './helpers';

describe('charging', () => {
  test('reads, writes and flush are charged; navigation and builders are free', () => {
    const { runtime, app } = setup();
    runtime.beginExecution('t', 'normal', false);
    const ss = app.getActiveSpreadsheet();
    const range = ss.getSheets()[0].getRange(1, 1, 2, 2);
    range.getRow();
    range.getA1Notation();
    range.offset(1, 1);
    app.newDataValidation().requireNumberBetween(1, 2).build();
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    app.flush();
    const stats = runtime.endExecution();
    expect(stats.byMethod).toEqual({
      'Spreadsheet.getSheets': 1,
      'Range.setValues': 1,
      'Range.getValues': 2,
      'SpreadsheetApp.flush': 1,
    });
    expect(stats.reads).toBe(3);
    expect(stats.writes).toBe(1);
    // Each getValues and the setValues move the 4 cells of the range (ARCHITECTURE.md, cost per size).
    expect(stats.cells).toEqual({ read: 8, written: 4, scanned: 0 });
    expect(stats.ms).toBeCloseTo(
      COSTS.sheetReadUncached +
        COSTS.sheetWrite +
        COSTS.sheetReadUncached +
        COSTS.sheetReadCached +
        COSTS.flush +
        (8 * CELL_COSTS_US.sheetReadPerCell + 4 * CELL_COSTS_US.sheetWritePerCell) / 1000,
      3,
    );
  });

  test('emulator helpers are not charged', () => {
    const { runtime, app } = setup();
    const before = runtime.current().calls;
    app._userEdit('Feuille 1', 'A1', '12');
    app._peekValues('Feuille 1', 'A1');
    app._peekDisplayValues('Feuille 1', 'A1');
    app._snapshot();
    expect(runtime.current().calls).toBe(before);
  });

  test('an injected fault fires before the write has any effect', () => {
    const { runtime, sheet, app } = setup();
    runtime.injectFault(
      'Range.setValues',
      () => new GoogleException('Service Spreadsheets failed while accessing document'),
    );
    expect(() => sheet.getRange('A1').setValues([[1]])).toThrow('Service Spreadsheets failed');
    expect(app._peekValues('Feuille 1', 'A1')).toEqual([['']]);
  });

  test('every charged method of the table exists on an emulator class', () => {
    const { app, ss, sheet } = setup();
    ss.setNamedRange('N', sheet.getRange('A1'));
    const samples: Record<string, object> = {
      SpreadsheetApp: app,
      Spreadsheet: ss,
      Sheet: sheet,
      Range: sheet.getRange('A1'),
      DeveloperMetadataFinder: ss.createDeveloperMetadataFinder(),
      Protection: sheet.protect(),
      NamedRange: ss.getNamedRanges()[0],
      TextFinder: sheet.getRange('A1').createTextFinder('x'),
    };
    sheet.getRange('A:A').addDeveloperMetadata('k');
    samples.DeveloperMetadata = ss.createDeveloperMetadataFinder().find()[0];
    for (const [cls, methods] of Object.entries(SPREADSHEET_COSTS)) {
      for (const m of Object.keys(methods)) {
        expect([cls, m, typeof (samples[cls] as Record<string, unknown>)[m]]).toEqual([cls, m, 'function']);
      }
    }
  });

  test('methods Google has but the emulator does not are simply absent', () => {
    const { sheet } = setup();
    expect((sheet as unknown as Record<string, unknown>).sort).toBeUndefined();
    expect((sheet.getRange('A1') as unknown as Record<string, unknown>).merge).toBeUndefined();
  });
});

describe('snapshot and restore', () => {
  test('a snapshot is JSON and restores values, formulas, formats, metadata, names and protections', () => {
    const { runtime, app, ss, sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, '=A1*10']]);
    sheet.getRange('A1').setNumberFormat('0.00');
    sheet.getRange('B:B').addDeveloperMetadata('pilote.total');
    ss.setNamedRange('Base', sheet.getRange('A1'));
    sheet.getRange('C1').setFormula('=Base+1');
    sheet.getRange('A1:B1').protect().setDescription('p');
    const json = JSON.stringify(app._snapshot());

    const other = new EmuSpreadsheetApp(runtime, { ui: null });
    other._restore(JSON.parse(json));
    const s2 = other.getActiveSpreadsheet().getSheetByName('Feuille 1');
    expect(s2?.getRange('A1:C1').getValues()).toEqual([[2, 20, 3]]);
    expect(s2?.getRange('A1:C1').getDisplayValues()).toEqual([['2,00', '20', '3']]);
    expect(s2?.getRange('B1').getFormula()).toBe('=A1*10');
    expect(
      other.getActiveSpreadsheet().createDeveloperMetadataFinder().withKey('pilote.total').find(),
    ).toHaveLength(1);
    expect(other.getActiveSpreadsheet().getProtections(other.ProtectionType.RANGE)[0].getDescription()).toBe(
      'p',
    );
    // The restored workbook is independent of the original.
    s2?.getRange('A1').setValue(5);
    expect(sheet.getRange('B1').getValue()).toBe(20);
    expect(s2?.getRange('B1').getValue()).toBe(50);
  });

  test('create() makes another spreadsheet that openById finds', () => {
    const { app } = setup();
    const created = app.create('Archive 2025');
    expect(app.openById(created.getId()).getName()).toBe('Archive 2025');
    expect(app.getActiveSpreadsheet().getName()).toBe('Pilote');
  });

  test('an en_US spreadsheet names its first sheet Sheet1 and displays en_US values', () => {
    const { app, sheet } = setup({ locale: 'en_US', timeZone: 'America/New_York' });
    expect(sheet.getName()).toBe('Sheet1');
    sheet.getRange('A1:B1').setValues([['1,234.5', '3/29/2026']]);
    sheet.getRange('A1').setNumberFormat('#,##0.00');
    expect(app._peekDisplayValues('Sheet1', 'A1:B1')).toEqual([['1,234.50', '3/29/2026']]);
    expect((sheet.getRange('B1').getValue() as Date).toISOString()).toBe('2026-03-29T04:00:00.000Z');
  });
});
