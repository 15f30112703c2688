/**
 * Conditional formats in the emulator: what Sheets refuses in a custom formula (another sheet,
 * a named range: support.google.com/docs/answer/78413) and which rule a cell shows
 * (`_formatAt`): relative references shifted from the rule's top-left cell, `$` parts fixed,
 * the first true rule in the sheet's order wins, TODAY() on the virtual clock.
 */
import { expectGoogleError, setup } from './helpers';

const RED = '#f4cccc';
const ORANGE = '#fce8b2';
const DAY = 24 * 60 * 60 * 1000;

/** A sheet « Suivi » with a custom-formula rule over `a1`. */
function withRule(formula: string, a1 = 'A2:C10', background = RED) {
  const env = setup();
  const { app, sheet } = env;
  sheet.setName('Suivi');
  sheet.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(background)
      .setRanges([sheet.getRange(a1)])
      .build(),
  ]);
  return env;
}

describe('a custom formula references its own sheet only', () => {
  test.each([
    ['=AND($A2<>"", $A2<\'Autre feuille\'!$A$1)', 'another sheet'],
    ['=$A2<Feuille2!A1', 'another sheet'],
    ["=$A2<'Suivi'!$A$1", 'another sheet'],
    ['=$A2<PILOTE_TODAY', 'a named range'],
    ['=AND($A2<>"", $A2<LIMITE+30)', 'a named range'],
  ])('%s is refused and nothing is stored', (formula, what) => {
    const { app, ss, sheet } = setup();
    sheet.setName('Suivi');
    ss.insertSheet('Autre feuille');
    if (what === 'a named range')
      ss.setNamedRange('PILOTE_TODAY', ss.getSheetByName('Autre feuille')!.getRange('A1'));
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(RED)
      .setRanges([sheet.getRange('A2:C10')])
      .build();
    const token = /'[^']*'!|[A-Za-z0-9]+!|PILOTE_TODAY|LIMITE/.exec(formula)![0];
    expectGoogleError(
      () => sheet.setConditionalFormatRules([rule]),
      `Conditional format rule formula cannot reference ${what} (${token}): ${formula}`,
    );
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  test('TODAY(), functions, text holding "!" or names, and TRUE are accepted', () => {
    const formula = '=AND($A2<>"Feuille2!A1 PILOTE_TODAY", $A2<TODAY()+30, OR($B2=TRUE, ROUND($C2, 2)<>0))';
    const { sheet } = withRule(formula);
    expect(sheet.getConditionalFormatRules()[0].getBooleanCondition()?.getCriteriaValues()).toEqual([
      formula,
    ]);
  });

  test('a dropdown listing a range of another sheet stays allowed', () => {
    const { app, ss, sheet } = setup();
    const other = ss.insertSheet('Espaces');
    other.getRange('A1:A2').setValues([['Salle'], ['Jardin']]);
    sheet
      .getRange('B2')
      .setDataValidation(app.newDataValidation().requireValueInRange(other.getRange('A1:A2')).build());
    expect(sheet.getRange('B2').getDataValidation()).not.toBeNull();
  });
});

describe('which rule a cell shows', () => {
  test('relative references shift from the top-left cell of the range to the cell', () => {
    const { app, sheet } = withRule('=B2>10', 'A2:A10');
    sheet.getRange('B2:B4').setValues([[5], [20], [11]]);
    expect(app._formatAt('Suivi', 'A2')).toBeNull();
    expect(app._formatAt('Suivi', 'A3')).toEqual({
      background: RED,
      fontColor: null,
      bold: null,
      ruleIndex: 0,
    });
    expect(app._formatAt('Suivi', 'A4')?.background).toBe(RED);
    // Outside the rule's range, nothing.
    sheet.getRange('B11').setValue(99);
    expect(app._formatAt('Suivi', 'A11')).toBeNull();
  });

  test('a $ column is fixed while the row follows; a $ row is fixed entirely', () => {
    const { app, sheet } = withRule('=AND($B2="oui", C$1>0)', 'C2:D5');
    sheet.getRange('B2:B3').setValues([['oui'], ['non']]);
    sheet.getRange('C1:D1').setValues([[1, 0]]);
    // C2: $B2 = oui, C$1 = 1 → red. D2: $B2 still B, D$1 = 0 → none. C3: $B3 = non → none.
    expect(app._formatAt('Suivi', 'C2')?.ruleIndex).toBe(0);
    expect(app._formatAt('Suivi', 'D2')).toBeNull();
    expect(app._formatAt('Suivi', 'C3')).toBeNull();
    sheet.getRange('D1').setValue(5);
    expect(app._formatAt('Suivi', 'D2')?.background).toBe(RED);
  });

  test('the first true rule in the sheet order wins', () => {
    const { app, sheet } = setup();
    sheet.setName('Suivi');
    const rule = (formula: string, colour: string, bold = false) =>
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground(colour)
        .setBold(bold)
        .setRanges([sheet.getRange('A2:B10')])
        .build();
    sheet.setConditionalFormatRules([rule('=$A2>100', RED, true), rule('=$A2>10', ORANGE)]);
    sheet.getRange('A2:A4').setValues([[500], [50], [5]]);
    expect(app._formatAt('Suivi', 'B2')).toEqual({
      background: RED,
      fontColor: null,
      bold: true,
      ruleIndex: 0,
    });
    expect(app._formatAt('Suivi', 'B3')).toEqual({
      background: ORANGE,
      fontColor: null,
      bold: false,
      ruleIndex: 1,
    });
    expect(app._formatAt('Suivi', 'B4')).toBeNull();
    // Reversing the order changes what 500 shows.
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules()].reverse());
    expect(app._formatAt('Suivi', 'B2')?.background).toBe(ORANGE);
  });

  test('TODAY() inside a rule follows the virtual clock, in the spreadsheet time zone', () => {
    const { app, sheet, runtime } = withRule('=AND($A2<>"", $A2<TODAY())', 'A2:A10');
    // Dates typed as serial numbers: 46110 is 29/03/2026, the harness' day.
    sheet.getRange('A2:A3').setValues([[46110], [46111]]);
    sheet.getRange('A2:A3').setNumberFormat('dd/mm/yyyy');
    expect(app._formatAt('Suivi', 'A2')).toBeNull();
    expect(app._formatAt('Suivi', 'A4')).toBeNull(); // empty: the AND guard
    runtime.clock.advance(DAY);
    expect(app._formatAt('Suivi', 'A2')?.background).toBe(RED);
    expect(app._formatAt('Suivi', 'A3')).toBeNull();
    runtime.clock.advance(DAY);
    expect(app._formatAt('Suivi', 'A3')?.background).toBe(RED);
  });

  test('a formula whose shifted reference leaves the sheet, an error or a text result paints nothing', () => {
    const { app, sheet } = withRule('=A1>0', 'B2:B5');
    sheet.getRange('A1').setValue(1);
    expect(app._formatAt('Suivi', 'B2')?.ruleIndex).toBe(0); // B2 reads A1
    const env = withRule('=1/$A2', 'A2:A3');
    env.sheet.getRange('A2:A3').setValues([[0], ['x']]);
    expect(env.app._formatAt('Suivi', 'A2')).toBeNull();
    expect(env.app._formatAt('Suivi', 'A3')).toBeNull();
    const text = withRule('="oui"', 'A2:A3');
    expect(text.app._formatAt('Suivi', 'A2')).toBeNull();
  });

  test('boolean conditions: empty, text, numbers and dates', () => {
    const { app, sheet } = setup();
    sheet.setName('Suivi');
    const at = (a1: string) => sheet.getRange(a1);
    const build = () => app.newConditionalFormatRule().setBackground(RED);
    sheet.setConditionalFormatRules([
      build()
        .whenCellEmpty()
        .setRanges([at('A1:A2')])
        .build(),
      build()
        .whenTextContains('urgent')
        .setRanges([at('B1:B2')])
        .build(),
      build()
        .whenNumberBetween(10, 1)
        .setRanges([at('C1:C2')])
        .build(),
      build()
        .whenNumberEqualTo(3)
        .setRanges([at('D1:D2')])
        .build(),
      build()
        .whenDateBefore(new Date(Date.UTC(2026, 0, 15, 12)))
        .setRanges([at('E1:E2')])
        .build(),
      build()
        .whenNumberGreaterThan(0)
        .setRanges([at('F1:F2')])
        .build(),
    ]);
    at('A2').setValue('x');
    at('B1:B2').setValues([['Très URGENT'], ['plus tard']]);
    at('C1:C2').setValues([[10], [11]]);
    at('D1:D2').setValues([[3], ["'3"]]); // the text 3 is no number
    at('E1:E2').setValues([[46036], [46037]]); // 14/01/2026, 15/01/2026
    at('E1:E2').setNumberFormat('dd/mm/yyyy');
    at('F1').setValue(-1);
    const painted = ['A', 'B', 'C', 'D', 'E', 'F'].map((c) => [
      app._formatAt('Suivi', `${c}1`)?.ruleIndex ?? null,
      app._formatAt('Suivi', `${c}2`)?.ruleIndex ?? null,
    ]);
    // F2 is empty: a number condition does not paint an empty cell.
    expect(painted).toEqual([
      [0, null],
      [1, null],
      [2, null],
      [3, null],
      [4, null],
      [null, null],
    ]);
    const dates = sheet.getConditionalFormatRules()[4].getBooleanCondition()?.getCriteriaValues();
    expect(dates?.[0]).toBeInstanceOf(Date);
  });

  test('bad arguments to the new builder methods fail with the signature error', () => {
    const { app } = setup();
    expectGoogleError(
      () => app.newConditionalFormatRule().whenNumberEqualTo('3' as unknown as number),
      "The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberEqualTo.",
    );
    expectGoogleError(
      () => app.newConditionalFormatRule().whenDateAfter('2026-01-01' as unknown as Date),
      "The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenDateAfter.",
    );
  });
});
