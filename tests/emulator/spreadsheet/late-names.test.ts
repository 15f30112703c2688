/** A formula may name a range defined later: #NAME? until then, its value once it exists (as on Sheets). */
import { Emulator } from '../../../local/emulator/emulator';

test('a formula written before its named range is computed once the name is set', () => {
  const emulator = new Emulator();
  const ss = emulator.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1').setValue(21);
  sheet.getRange('B1').setFormula('=RATE_LATER*2');
  expect(sheet.getRange('B1').getValue()).toBe('#NAME?');
  ss.setNamedRange('RATE_LATER', sheet.getRange('A1'));
  expect(sheet.getRange('B1').getValue()).toBe(42);
  sheet.getRange('A1').setValue(5);
  expect(sheet.getRange('B1').getValue()).toBe(10);
});
