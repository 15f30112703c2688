import { expectGoogleError, setup } from './helpers';

describe('Range values', () => {
  test('numbers, booleans and strings round-trip; empty cells read as ""', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([[1.5, true, 'Salle A']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1.5, true, 'Salle A', '']]);
  });

  test('strings are parsed as typed: unprotected user text starting with - becomes a formula', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['- à revoir', "'- à revoir", '-12,50']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#ERROR!', '- à revoir', -12.5]]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=- à revoir', '', '']]);
  });

  test('a Date is stored as a serial in the spreadsheet time zone and read back as a Date', () => {
    const { sheet } = setup();
    const instant = new Date(Date.UTC(2026, 2, 29, 12, 30)); // 14:30 in Paris (CEST)
    sheet.getRange('A1').setValue(instant);
    const back = sheet.getRange('A1').getValue();
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(instant.getTime());
    expect(sheet.getRange('A1').getNumberFormat()).toBe('dd/MM/yyyy HH:mm:ss');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('29/03/2026 14:30:00');
    // As a number format, the serial is the Paris wall clock.
    sheet.getRange('A1').setNumberFormat('0.00');
    expect(sheet.getRange('A1').getValue()).toBeCloseTo(46110 + 14.5 / 24, 8);
  });

  test('a midnight Date gets a date format; an existing format is kept', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(new Date(Date.UTC(2026, 0, 14, 23, 0))); // 15/01 00:00 Paris
    expect(sheet.getRange('A1').getDisplayValue()).toBe('15/01/2026');
    sheet
      .getRange('B1')
      .setNumberFormat('yyyy-MM-dd')
      .setValue(new Date(Date.UTC(2026, 0, 14, 23, 0)));
    expect(sheet.getRange('B1').getDisplayValue()).toBe('2026-01-15');
  });

  test('a date typed as a string in the locale becomes a date value', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('29/03/2026');
    const v = sheet.getRange('A1').getValue() as Date;
    expect(v).toBeInstanceOf(Date);
    expect(v.toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  test('getDisplayValues formats with the cell format in the locale', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1234.5, 0.125, true]]);
    sheet.getRange('A1:C1').setNumberFormats([['#,##0.00 [$€-1]', '0.0%', '0']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1\u202f234,50\u00a0€', '12,5%', 'VRAI']]);
  });

  test('getNumberFormat of an untouched cell is the automatic format', () => {
    const { sheet } = setup();
    expect(sheet.getRange('B2').getNumberFormat()).toBe('0.###############');
  });

  test('setValue on a multi-cell range fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue(0);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  test('clearContent keeps formats; clear removes both', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1');
    r.setNumberFormat('0.00').setValue(3);
    r.clearContent();
    expect(r.getValue()).toBe('');
    expect(r.getNumberFormat()).toBe('0.00');
    r.setValue(3).clear();
    expect(r.getNumberFormat()).toBe('0.###############');
  });

  test('navigation: row, column, sizes, A1 notation, offset, last row of the range', () => {
    const { sheet } = setup();
    const r = sheet.getRange(2, 3, 4, 2);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow()]).toEqual([
      2, 3, 4, 2, 5,
    ]);
    expect(r.getA1Notation()).toBe('C2:D5');
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:C6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(sheet.getRange('B:B').getA1Notation()).toBe('B:B');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
    expect(r.getSheet().getName()).toBe('Feuille 1');
  });

  test('notes, styles and alignment are stored', () => {
    const { app, sheet } = setup();
    sheet
      .getRange('A1')
      .setNote('Créé par Pilote')
      .setFontWeight('bold')
      .setBackground('#eeeeee')
      .setWrap(true)
      .setHorizontalAlignment('center');
    expect(sheet.getRange('A1').getNote()).toBe('Créé par Pilote');
    expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
    expect(app._workbook().state.sheets[0].layers.style[0]).toEqual([
      {
        from: 1,
        to: 1,
        value: { fontWeight: 'bold', background: '#eeeeee', wrap: true, horizontalAlignment: 'center' },
      },
    ]);
  });
});

describe('Range strictness (Google error texts)', () => {
  test('setValues with too few rows', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1:B2').setValues([[1, 2]]),
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  test('setValues with the wrong number of columns', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1:D1').setValues([[1, 2, 3, 4, 5]]),
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
  });

  test('setValues with a non-rectangular array fails on the short row and writes nothing', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1:B2').setValues([[1, 2], [3]]),
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  test('setValues with a 1-D array is a signature error', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1:C1').setValues([1, 2, 3] as unknown as unknown[][]),
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('functions and plain objects are refused', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1').setValues([[{ a: 1 }]]),
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expectGoogleError(
      () => sheet.getRange('A1').setValue(() => 1),
      "The parameters (Function) don't match the method signature for SpreadsheetApp.Range.setValue.",
    );
  });

  test('more than 50,000 characters in a cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('x'.repeat(50_000));
    expectGoogleError(
      () => sheet.getRange('A1').setValue('x'.repeat(50_001)),
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  test('indexes are 1-based', () => {
    const { sheet } = setup();
    expectGoogleError(() => sheet.getRange(0, 1), 'The starting row of the range is too small.');
    expectGoogleError(() => sheet.getRange(1, 0), 'The starting column of the range is too small.');
    expectGoogleError(
      () => sheet.getRange(1, 1, 0, 1),
      'The number of rows in the range must be at least 1.',
    );
    expectGoogleError(
      () => sheet.getRange(1, 1, 1, 0),
      'The number of columns in the range must be at least 1.',
    );
  });

  test('ranges beyond the sheet (1000 rows x 26 columns by default) throw', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    sheet.getRange(1000, 26);
    expectGoogleError(
      () => sheet.getRange(1001, 1),
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expectGoogleError(
      () => sheet.getRange(1, 27),
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expectGoogleError(
      () => sheet.getRange('AA1'),
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  test('malformed A1 notation', () => {
    const { sheet } = setup();
    expectGoogleError(() => sheet.getRange('A0'), 'Range not found');
    expectGoogleError(() => sheet.getRange('hello world'), 'Range not found');
  });

  test('setFormulas checks dimensions like setValues', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1:A2').setFormulas([['=1']]),
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });
});
