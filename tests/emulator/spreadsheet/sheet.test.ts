import { expectGoogleError, setup } from './helpers';

describe('Spreadsheet and sheets', () => {
  test('identity, locale and time zone', () => {
    const { ss } = setup();
    expect(ss.getId()).toBe('emu-spreadsheet-1');
    expect(ss.getName()).toBe('Pilote');
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/emu-spreadsheet-1/edit');
    expect(ss.getSpreadsheetLocale()).toBe('fr_FR');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Paris');
    ss.setSpreadsheetLocale('en_US');
    ss.setSpreadsheetTimeZone('America/New_York');
    expect([ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual(['en_US', 'America/New_York']);
  });

  test('insertSheet appends or inserts at a 0-based index and activates the new sheet', () => {
    const { ss } = setup();
    ss.insertSheet('Budget');
    ss.insertSheet('Accueil', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Accueil', 'Feuille 1', 'Budget']);
    expect(ss.getActiveSheet().getName()).toBe('Accueil');
    expect(ss.getSheetByName('Budget')?.getIndex()).toBe(3);
  });

  test('insertSheet with a duplicate name (case-insensitive) throws', () => {
    const { ss } = setup();
    ss.insertSheet('Budget');
    expectGoogleError(
      () => ss.insertSheet('budget'),
      'A sheet with the name "budget" already exists. Please enter another name.',
    );
  });

  test('renaming onto an existing name throws the same error', () => {
    const { ss } = setup();
    const b = ss.insertSheet('Budget');
    expectGoogleError(
      () => b.setName('Feuille 1'),
      'A sheet with the name "Feuille 1" already exists. Please enter another name.',
    );
  });

  test('getSheetByName of a missing sheet returns null', () => {
    const { ss } = setup();
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  test('the last sheet cannot be deleted', () => {
    const { ss, sheet } = setup();
    expectGoogleError(() => ss.deleteSheet(sheet), "You can't remove all the sheets in a document.");
    const other = ss.insertSheet('X');
    ss.deleteSheet(other);
    expect(ss.getSheets()).toHaveLength(1);
  });

  test('10,000,000 cells per spreadsheet when inserting sheets, rows or columns', () => {
    const { ss, sheet } = setup();
    sheet.insertRowsAfter(1000, 383_000); // 384,000 rows x 26 = 9,984,000 cells
    expect(sheet.getMaxRows()).toBe(384_000);
    const msg =
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
    expectGoogleError(() => ss.insertSheet('Trop'), msg);
    expectGoogleError(() => sheet.insertColumnsAfter(26, 1), msg);
    expectGoogleError(() => sheet.insertRowsAfter(1, 1000), msg);
    sheet.insertRowsAfter(1, 615); // 384,615 x 26 = 9,999,990: still allowed
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(9_999_990);
    expectGoogleError(() => sheet.insertRowsAfter(1, 1), msg);
  });

  test('getRange on the spreadsheet with a sheet name, and on the active sheet without', () => {
    const { ss } = setup();
    ss.insertSheet('Budget').getRange('B2').setValue(5);
    expect(ss.getRange("'Budget'!B2").getValue()).toBe(5);
    expect(ss.getRange('B2').getSheet().getName()).toBe('Budget');
    expectGoogleError(() => ss.getRange('Nope!A1'), 'Range not found');
  });

  test('active range: selection set by the user or by the script', () => {
    const { app, ss, sheet } = setup();
    expect(ss.getActiveRange()).toBeNull();
    app._userSelect('Feuille 1', 'A5:D5');
    expect(ss.getActiveRange()?.getRow()).toBe(5);
    sheet.setActiveRange(sheet.getRange('B7'));
    expect(ss.getActiveRange()?.getA1Notation()).toBe('B7');
    ss.setActiveSelection("'Feuille 1'!C3");
    expect(ss.getCurrentCell()?.getA1Notation()).toBe('C3');
  });

  test('toasts are recorded; getUi returns the given object without charge', () => {
    const { app, ss, runtime } = setup();
    ss.toast('Enregistré', 'Pilote', 3);
    expect(app._toasts()).toEqual([
      { message: 'Enregistré', title: 'Pilote', timeoutSeconds: 3, at: runtime.clock.now() },
    ]);
    const calls = runtime.current().calls;
    expect(app.getUi()).toEqual({ kind: 'ui' });
    expect(runtime.current().calls).toBe(calls);
  });
});

describe('Sheet', () => {
  test('getLastRow/getLastColumn count content only; getDataRange', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C4').setValue('x');
    sheet.getRange('E9').setNumberFormat('0.00');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  test('appendRow writes after the last row, parsing strings, and grows the grid', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['Nom', 'Montant']]);
    sheet.appendRow(['Loyer', '1 200,00']);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['Loyer', 1200]]);
    sheet.getRange('A1000').setValue('fin');
    sheet.appendRow(['après']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange('A1001').getValue()).toBe('après');
  });

  test('insert and delete rows and columns, with bounds', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    sheet.deleteRows(2, 2);
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertColumns(1, 2);
    expect(sheet.getRange('C1').getValue()).toBe(1);
    sheet.insertColumnAfter(3);
    expect(sheet.getMaxColumns()).toBe(29);
    expectGoogleError(() => sheet.deleteRows(999, 5), 'Those rows are out of bounds.');
    expectGoogleError(() => sheet.deleteRows(1, 1000), "You can't delete all the rows on the sheet.");
    expectGoogleError(() => sheet.insertColumnsAfter(30, 1), 'Those columns are out of bounds.');
  });

  test('frozen rows, column widths, hidden columns, tab colour', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    sheet.setColumnWidth(2, 180).setColumnWidths(3, 2, 90);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([
      100, 180, 90,
    ]);
    sheet.hideColumns(5);
    expect([sheet.isColumnHiddenByUser(5), sheet.isColumnHiddenByUser(6)]).toEqual([true, false]);
    sheet.insertColumnsBefore(1, 1);
    expect([sheet.isColumnHiddenByUser(6), sheet.getColumnWidth(3)]).toEqual([true, 180]);
    sheet.setTabColor('#ff0000');
    expect(sheet.getTabColor()).toBe('#ff0000');
    expectGoogleError(() => sheet.hideColumns(27, 2), 'Those columns are out of bounds.');
  });

  test('clear empties the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(1).setNumberFormat('0.00');
    sheet.clear();
    expect([sheet.getLastRow(), sheet.getRange('A1').getNumberFormat()]).toEqual([0, '0.###############']);
  });

  test('conditional format rules are stored and read back', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2<TODAY()')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('A2:F100')])
      .build();
    sheet.setConditionalFormatRules([
      rule,
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#ffffff')
        .setRanges([sheet.getRange('B2:B9')])
        .build(),
    ]);
    const back = sheet.getConditionalFormatRules();
    expect(back).toHaveLength(2);
    expect(String(back[0].getBooleanCondition()?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(back[0].getBooleanCondition()?.getCriteriaValues()).toEqual(['=$C2<TODAY()']);
    expect(back[0].getRanges()[0].getA1Notation()).toBe('A2:F100');
    expect(back[1].getBooleanCondition()?.getCriteriaType()).toBe(app.BooleanCriteria.CELL_EMPTY);
  });

  test('charts are recorded as data', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:B5'))
      .setOption('title', 'Budget')
      .setPosition(2, 4, 0, 0)
      .build();
    sheet.insertChart(chart);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]._state()).toMatchObject({
      type: 'COLUMN',
      ranges: [{ row: 1, col: 1, numRows: 5, numCols: 2 }],
      options: { title: 'Budget' },
      position: { row: 2, col: 4 },
    });
    sheet.removeChart(charts[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  test('a chart may read another sheet: its ranges keep their sheet', () => {
    const { sheet } = setup();
    const source = sheet.getParent().insertSheet('Espaces');
    source.getRange('A1').setValue('Nom');
    sheet.insertChart(sheet.newChart().asBarChart().addRange(source.getRange('A1:A5')).build());
    const [range] = sheet.getCharts()[0].getRanges();
    expect(range.getSheet().getName()).toBe('Espaces');
    expect(range.getA1Notation()).toBe('A1:A5');
    expect(range.getValues()[0][0]).toBe('Nom');
  });
});
