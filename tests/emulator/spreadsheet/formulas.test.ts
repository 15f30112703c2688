import { expectGoogleError, setup } from './helpers';

describe('formulas (HyperFormula, English names, comma separators)', () => {
  test('SUMIFS, IFERROR, INDEX/MATCH, EOMONTH evaluate; getFormulas returns "" for values', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B3').setValues([
      ['a', 10],
      ['b', 20],
      ['a', 5],
    ]);
    sheet
      .getRange('C1:C4')
      .setFormulas([
        ['=SUMIFS(B1:B3,A1:A3,"a")'],
        ['=IFERROR(1/0,"x")'],
        ['=INDEX(B1:B3,MATCH("b",A1:A3,0))'],
        ['=EOMONTH(DATE(2026,2,10),0)'],
      ]);
    const values = sheet.getRange('C1:C4').getValues();
    expect(values.slice(0, 3)).toEqual([[15], ['x'], [20]]);
    // A date result is formatted as a date automatically, so getValues returns a Date.
    expect((values[3][0] as Date).toISOString()).toBe('2026-02-27T23:00:00.000Z');
    expect(sheet.getRange('C4').getDisplayValue()).toBe('28/02/2026');
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '=SUMIFS(B1:B3,A1:A3,"a")']]);
  });

  test('errors come back as Google error strings', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:A5')
      .setFormulas([['=1/0'], ['=NOPE(1)'], ['=SUM('], ['=MATCH(9,B1:B2,0)'], ['=1+"x"']]);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([
      ['#DIV/0!'],
      ['#NAME?'],
      ['#ERROR!'],
      ['#N/A'],
      ['#VALUE!'],
    ]);
    expect(sheet.getRange('A1:A5').getDisplayValues()).toEqual([
      ['#DIV/0!'],
      ['#NAME?'],
      ['#ERROR!'],
      ['#N/A'],
      ['#VALUE!'],
    ]);
  });

  test('French separators in a formula are a parse error (setFormulas takes English syntax)', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=SOMME(1;2)');
    expect(sheet.getRange('A1').getValue()).toBe('#ERROR!');
  });

  test('a circular reference is #REF!', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setFormulas([['=A2'], ['=A1']]);
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  });

  test('TODAY() follows the virtual clock in the spreadsheet time zone', () => {
    const { runtime, sheet } = setup();
    runtime.clock.set(Date.UTC(2026, 2, 28, 23, 30)); // already 29/03 in Paris
    sheet.getRange('A1').setFormula('=TODAY()');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('29/03/2026');
    runtime.clock.advance(24 * 3600 * 1000);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('30/03/2026');
  });

  test('a new day recomputes what depends on TODAY(), on every sheet, and nothing else changes', () => {
    // Sheets recalculates volatile functions (TODAY) and what depends on them as time passes
    // (https://support.google.com/docs/answer/58515, « Recalculation »).
    const { ss, runtime, sheet } = setup();
    runtime.clock.set(Date.UTC(2026, 5, 10, 10));
    const other = ss.insertSheet('Échéances');
    sheet.getRange('A1:C1').setFormulas([['=N(TODAY())', '=A1+30', '=2*3']]);
    other.getRange('A1').setValue(46200); // 27/06/2026
    other.getRange('B1').setFormula(`=IF(A1<'${sheet.getName()}'!A1, "En retard", "À venir")`);
    expect(sheet.getRange('A1:C1').getValues()[0]).toEqual([46183, 46213, 6]);
    expect(other.getRange('B1').getValue()).toBe('À venir');
    runtime.clock.advance(40 * 24 * 3600 * 1000);
    expect(sheet.getRange('A1:C1').getValues()[0]).toEqual([46223, 46253, 6]);
    expect(other.getRange('B1').getValue()).toBe('En retard');
  });

  test('cross-sheet references follow a sheet rename', () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet('Réservations');
    other.getRange('A1').setValue(7);
    sheet.getRange('A1').setFormula("='Réservations'!A1*2");
    other.setName('Resa');
    expect(sheet.getRange('A1').getFormula()).toBe('=Resa!A1*2');
    expect(sheet.getRange('A1').getValue()).toBe(14);
  });

  test('references move when columns and rows are inserted or deleted', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[2, 3]]);
    sheet.getRange('C1').setFormula('=A1*B1');
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('D1').getFormula()).toBe('=A1*C1');
    expect(sheet.getRange('D1').getValue()).toBe(6);
    sheet.insertRowsAfter(0 + 1, 2);
    sheet.getRange('A2').setValue(1);
    expect(sheet.getRange('D1').getValue()).toBe(6);
    sheet.getRange('A5').setFormula('=SUM(A1:A4)');
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A4').getFormula()).toBe('=SUM(A1:A3)');
    expect(sheet.getRange('A4').getValue()).toBe(2);
  });

  test('named ranges are usable in formulas and move with their cells', () => {
    const { ss, sheet } = setup();
    sheet.getRange('B2').setValue(0.2);
    ss.setNamedRange('Taux', sheet.getRange('B2'));
    sheet.getRange('A1').setFormula('=Taux*100');
    expect(sheet.getRange('A1').getValue()).toBe(20);
    sheet.insertRowsBefore(1, 1);
    expect(ss.getRangeByName('Taux')?.getA1Notation()).toBe('B3');
    expect(sheet.getRange('A2').getValue()).toBe(20);
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Taux']);
    expect(ss.getRangeByName('Absent')).toBeNull();
    ss.removeNamedRange('Taux');
    expect(sheet.getRange('A2').getValue()).toBe('#NAME?');
  });

  test('a reference to an empty cell reads as empty, arithmetic treats it as 0', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setFormulas([['=B1'], ['=B1+1']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[''], [1]]);
  });

  test('setFormula on a multi-cell range is refused by the emulator (not emulated)', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:A2').setFormula('=1')).toThrow('not emulated');
  });

  test('a formula longer than 50,000 characters is refused', () => {
    const { sheet } = setup();
    expectGoogleError(
      () => sheet.getRange('A1').setFormula(`="${'x'.repeat(50_000)}"`),
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });
});
