/**
 * The formula engine is built from the spreadsheet's state only when a formula is needed
 * (local/emulator/spreadsheet/engine.ts). Not a Google behaviour: an emulator economy that must be
 * invisible — every answer after a restore is what the eagerly built engine gave.
 */
import { EmuSpreadsheetApp } from '../../../local/emulator/spreadsheet';
import { setup } from './helpers';

function restored() {
  const { runtime, app, sheet } = setup();
  sheet.getRange('A1:A3').setValues([[10], [20], ['texte']]);
  sheet.getRange('B1:B2').setFormulas([['=SUM(A1:A2)'], ['=A3&"!"']]);
  const json = JSON.stringify(app._snapshot());
  const other = new EmuSpreadsheetApp(runtime, { ui: null });
  other._restore(JSON.parse(json));
  return { other, sheet: other.getActiveSpreadsheet().getSheets()[0] };
}

describe('a restored workbook builds its formula engine only when a formula is needed', () => {
  test('typed values are read and written without building it', () => {
    const { other, sheet } = restored();
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[10], [20], ['texte']]);
    sheet.getRange('A1').setValue(15);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('15');
    expect(other._workbook().engine.built).toBe(false);
  });

  test('a formula read after typed writes sees them', () => {
    const { other, sheet } = restored();
    sheet.getRange('A1').setValue(15);
    sheet.getRange('A3').setValue('autre');
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[35], ['autre!']]);
    expect(other._workbook().engine.built).toBe(true);
  });

  test('rows inserted before the engine is built move the formulas as Sheets does', () => {
    const { other, sheet } = restored();
    sheet.insertRowsBefore(2, 2);
    expect(other._workbook().engine.built).toBe(true);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A4)');
    expect(sheet.getRange('B4').getFormula()).toBe('=A5&"!"');
    expect(sheet.getRange('B1').getValue()).toBe(30);
  });

  test('a column deleted before the engine is built turns references to it into #REF!', () => {
    const { sheet } = restored();
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('#REF!');
  });

  test('a named range defined before the engine is built is known to formulas written later', () => {
    const { other, sheet } = restored();
    other.getActiveSpreadsheet().setNamedRange('MONTANTS', sheet.getRange('A1:A2'));
    sheet.getRange('C1').setFormula('=SUM(MONTANTS)');
    expect(sheet.getRange('C1').getValue()).toBe(30);
  });
});

describe('writes are evaluated together by the next read', () => {
  test('several writes then a read give what writing and reading one by one gives', () => {
    const { sheet } = setup();
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    sheet.getRange('B2').setFormula('=COUNTIFS(A1:A3, ">1")');
    expect(sheet.getRange('B1:B2').getValues()).toEqual([[0], [0]]);
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A2').setValue(2);
    sheet.getRange('A3').setFormula('=A2*2');
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('B2:B3').getValues()).toEqual([[7], [2]]);
  });

  test('TODAY() pending behind a write is computed on the day of the read', () => {
    const { runtime, sheet } = setup();
    sheet.getRange('A1').setFormula('=TODAY()');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('29/03/2026');
    sheet.getRange('B1').setValue('x');
    runtime.clock.advance(24 * 3600 * 1000);
    expect(sheet.getRange('A1').getDisplayValue()).toBe('30/03/2026');
  });
});
