/**
 * Sheets' function semantics in the emulator (local/emulator/spreadsheet/sheets-functions.ts):
 * every override is evaluated through SpreadsheetApp (setFormula, then getValue/getDisplayValue)
 * and each test names the Google help page it follows.
 */
import { HyperFormula } from 'hyperformula';
import {
  FUNCTION_REVIEW,
  OVERRIDDEN_FUNCTIONS,
  reviewGaps,
  sheetsRound,
} from '../../../local/emulator/spreadsheet/sheets-functions';
import { cents } from '../../../src/domain/finance/records';
import { ALLOWED_FUNCTIONS } from '../../../src/schema/formula';
import { EmuSpreadsheetApp } from '../../../local/emulator/spreadsheet';
import { setup } from './helpers';

/** Writes each formula in column D of a fresh sheet (after `prepare`) and reads the values back. */
function evaluate(
  formulas: string[],
  prepare: (sheet: ReturnType<typeof setup>['sheet']) => void = () => {},
) {
  const { sheet } = setup();
  prepare(sheet);
  formulas.forEach((f, i) => {
    sheet.getRange(`D${i + 1}`).setFormula(f);
  });
  return {
    values: formulas.map((_, i) => sheet.getRange(`D${i + 1}`).getValue()),
    display: formulas.map((_, i) => sheet.getRange(`D${i + 1}`).getDisplayValue()),
  };
}

describe('the review of ALLOWED_FUNCTIONS', () => {
  test('every allowed function has a review row with a Google help page, and no row is outside the list', () => {
    expect(reviewGaps()).toEqual({ unreviewed: [], notAllowed: [] });
    for (const name of ALLOWED_FUNCTIONS) {
      expect(FUNCTION_REVIEW[name].page).toMatch(/^https:\/\/support\.google\.com\/docs\/answer\/\d+$/);
    }
  });

  test('every override is an allowed function marked "override", and is what HyperFormula now runs', () => {
    for (const name of OVERRIDDEN_FUNCTIONS) {
      expect(ALLOWED_FUNCTIONS).toContain(name);
      expect(FUNCTION_REVIEW[name].status).toBe('override');
      expect(HyperFormula.getFunctionPlugin(name)?.name).toMatch(/^Sheets/);
    }
    const marked = Object.keys(FUNCTION_REVIEW).filter(
      (f) => FUNCTION_REVIEW[f].status === 'override' && f !== 'TODAY',
    );
    expect([...marked].sort()).toEqual([...OVERRIDDEN_FUNCTIONS].sort());
  });
});

describe('INT — support.google.com/docs/answer/3093490 (rounds down to the integer ≤ the value)', () => {
  test('negative values go down, not toward zero', () => {
    const { values } = evaluate(['=INT(-0.5)', '=INT(-2.2)', '=INT(2.7)', '=INT(-3)', '=INT(A1)'], (s) =>
      s.getRange('A1').setValue(-0.25),
    );
    expect(values).toEqual([-1, -3, 2, -3, -1]);
  });
});

describe('ROUND — support.google.com/docs/answer/3093440 (digit ≥ 5 rounds up in magnitude)', () => {
  test('halves on the decimal digits round away from zero, whatever their binary value', () => {
    const { values, display } = evaluate([
      '=ROUND(1.005, 2)',
      '=ROUND(0.285, 2)',
      '=ROUND(-1.005, 2)',
      '=ROUND(5.015, 2)',
      '=ROUND(2.5)',
      '=ROUND(-2.5)',
      '=ROUND(1234.5, -1)',
      '=ROUND(1.44, 1)',
      '=ROUND(0.1+0.2, 15)',
    ]);
    expect(values).toEqual([1.01, 0.29, -1.01, 5.02, 3, -3, 1230, 1.4, 0.3]);
    expect(display[0]).toBe('1,01');
  });

  test('a fractional number of places is truncated (unverified on Sheets; HyperFormula used 10^0.9)', () => {
    const { values } = evaluate(['=ROUND(1.25, 1.9)', '=ROUND(7, 0.9)']);
    expect(values).toEqual([1.3, 7]);
  });

  test('the helper keeps values it cannot shift and zero', () => {
    expect(sheetsRound(0, 2)).toBe(0);
    expect(sheetsRound(1e300, 2)).toBe(1e300);
    expect(sheetsRound(-0.004, 2)).toBe(0);
    expect(sheetsRound(123456789.125, 2)).toBe(123456789.13);
  });
});

describe('EOMONTH — support.google.com/docs/answer/3093044 (decimal months are truncated)', () => {
  test('EOMONTH(A2, 2.6) is EOMONTH(A2, 2), also backwards', () => {
    const { display } = evaluate(
      ['=EOMONTH(A1, 2.6)', '=EOMONTH(A1, 2)', '=EOMONTH(A1, -1.5)', '=EOMONTH(A1, 0)', '=EOMONTH(A1, 13)'],
      (s) => s.getRange('A1').setFormula('=DATE(2026, 1, 31)'),
    );
    expect(display).toEqual(['31/03/2026', '31/03/2026', '31/12/2025', '31/01/2026', '28/02/2027']);
  });

  test('the result is a date (formatted automatically) and a negative start is #NUM!', () => {
    const { values } = evaluate(['=EOMONTH(DATE(2026, 2, 10), 0.5)', '=EOMONTH(-1, 0)']);
    expect(values[0]).toBeInstanceOf(Date);
    expect(values[1]).toBe('#NUM!');
  });
});

describe('EDATE — support.google.com/docs/answer/3092974 (months after a date; decimals truncated)', () => {
  test('the day is clamped to a shorter month: 31 Jan + 1, 29 Feb 2028 + 12, 31 Mar − 1', () => {
    const { display } = evaluate([
      '=EDATE(DATE(2026, 1, 31), 1)',
      '=EDATE(DATE(2028, 1, 31), 1)',
      '=EDATE(DATE(2028, 2, 29), 12)',
      '=EDATE(DATE(2028, 2, 29), 48)',
      '=EDATE(DATE(2026, 3, 31), -1)',
      '=EDATE(DATE(2026, 8, 15), 6)',
    ]);
    expect(display).toEqual([
      '28/02/2026',
      '29/02/2028',
      '28/02/2029',
      '29/02/2032',
      '28/02/2026',
      '15/02/2027',
    ]);
  });

  test('EDATE(A2, 2.6) is EDATE(A2, 2), also backwards; a negative start is #NUM!', () => {
    const { display, values } = evaluate(
      ['=EDATE(A1, 2.6)', '=EDATE(A1, 2)', '=EDATE(A1, -1.5)', '=EDATE(-1, 1)'],
      (s) => s.getRange('A1').setFormula('=DATE(2026, 1, 31)'),
    );
    expect(display.slice(0, 3)).toEqual(['31/03/2026', '31/03/2026', '31/12/2025']);
    expect(values[3]).toBe('#NUM!');
  });
});

describe('MAXIFS — support.google.com/docs/answer/7013817 (criteria as SUMIFS; 0 when none match)', () => {
  test('the latest date of a type, of a type and an installation, 0 when nothing matches', () => {
    const { values } = evaluate(
      [
        '=MAXIFS(A1:A4, B1:B4, "Gaz – vérification")',
        '=MAXIFS(A1:A4, B1:B4, "gaz – vérification", C1:C4, "Cuisine")',
        '=MAXIFS(A1:A4, B1:B4, "Ascenseurs")',
        '=MAXIFS(A1:A4, B1:B4, "Gaz – verification")',
      ],
      (s) =>
        s.getRange('A1:C4').setValues([
          [46000, 'Gaz – vérification', 'Cuisine'],
          [46100, 'Gaz – vérification', 'Chaufferie'],
          [45900, 'Gaz – vérification', 'Cuisine'],
          [46200, 'Extincteurs – vérification', 'Cuisine'],
        ]),
    );
    // Case ignored, accents kept (as SUMIFS here: sheetsCriterion).
    expect(values).toEqual([46100, 46000, 0, 0]);
  });
});

describe('DATE — support.google.com/docs/answer/3092969', () => {
  test('month 13 and 0, day 0 and 32 roll over; decimals are truncated', () => {
    const { display } = evaluate([
      '=DATE(1969, 13, 1)',
      '=DATE(1969, 1, 32)',
      '=DATE(2026, 0, 1)',
      '=DATE(2026, 3, 0)',
      '=DATE(2026, 12.75, 1.9)',
      '=DATE(2026, -1, 1)',
    ]);
    expect(display).toEqual([
      '01/01/1970',
      '01/02/1969',
      '01/12/2025',
      '28/02/2026',
      '01/12/2026',
      '01/11/2025',
    ]);
  });

  test('a year between 0 and 1899 has 1900 added; below 0 or above 9999 is #NUM!', () => {
    const { values, display } = evaluate(['=DATE(119, 2, 1)', '=DATE(-1, 1, 1)', '=DATE(10000, 1, 1)']);
    expect(display[0]).toBe('01/02/2019');
    expect(values.slice(1)).toEqual(['#NUM!', '#NUM!']);
  });

  test('a string, or a reference to a cell holding one, is #VALUE! (HyperFormula parsed "2026")', () => {
    const { values } = evaluate(['=DATE("2026", 1, 1)', '=DATE(A1, 1, 1)', '=DATE(2026, A2, 1)'], (s) => {
      s.getRange('A1').setValue("'2026");
      s.getRange('A2').setValue('mars');
    });
    expect(values).toEqual(['#VALUE!', '#VALUE!', '#VALUE!']);
  });
});

/**
 * A1:A8: the number 2026, the text "2026", a blank cell, a formula giving "", the text "x",
 * the number 0, the text "Réservée", the number 2027; B1:B8 the powers of two (1 … 128), so a
 * SUMIFS says exactly which rows matched.
 */
function criteriaSheet(sheet: ReturnType<typeof setup>['sheet']): void {
  sheet.getRange('A1').setValue(2026);
  sheet.getRange('A2').setValue("'2026");
  sheet.getRange('A4').setFormula('=""');
  sheet.getRange('A5').setValue('x');
  sheet.getRange('A6').setValue(0);
  sheet.getRange('A7').setValue('Réservée');
  sheet.getRange('A8').setValue(2027);
  sheet.getRange('B1:B8').setValues([[1], [2], [4], [8], [16], [32], [64], [128]]);
}

describe('SUMIFS/COUNTIFS criteria — COUNTIF 3093480, SUMIF 3093583, COUNTBLANK 3093403, SUMIFS 3238496, COUNTIFS 3256550', () => {
  test('a number criterion checks numbers only: 2026, ">=2026" and "=2026" never meet the text "2026"', () => {
    const { values } = evaluate(
      [
        '=SUMIFS(B1:B8, A1:A8, 2026)',
        '=SUMIFS(B1:B8, A1:A8, ">=2026")',
        '=SUMIFS(B1:B8, A1:A8, "=2026")',
        '=SUMIFS(B1:B8, A1:A8, "<2027")',
        '=COUNTIFS(A1:A8, 2026)',
      ],
      criteriaSheet,
    );
    expect(values).toEqual([1, 1 + 128, 1, 1 + 32, 1]);
  });

  test('the string "2026" checks numbers and text for equality (both bullets of COUNTIF help)', () => {
    const { values } = evaluate(['=SUMIFS(B1:B8, A1:A8, "2026")'], criteriaSheet);
    expect(values).toEqual([1 + 2]);
  });

  test('"" meets blank cells and a formula\'s empty text; "<>" meets the other cells', () => {
    const { values } = evaluate(
      [
        '=SUMIFS(B1:B8, A1:A8, "")',
        '=COUNTIFS(A1:A8, "")',
        '=SUMIFS(B1:B8, A1:A8, "<>")',
        '=COUNTIFS(A1:A8, "<>")',
        '=SUMIFS(B1:B8, A1:A8, A3&"")',
      ],
      criteriaSheet,
    );
    expect(values).toEqual([4 + 8, 2, 1 + 2 + 16 + 32 + 64 + 128, 6, 4 + 8]);
  });

  test('text equality ignores case, keeps accents; wildcards and ~ escapes follow the page', () => {
    const { values } = evaluate(
      [
        '=SUMIFS(B1:B8, A1:A8, "X")',
        '=SUMIFS(B1:B8, A1:A8, "réservée")',
        '=SUMIFS(B1:B8, A1:A8, "Reservee")',
        '=SUMIFS(B1:B8, A1:A8, "R*")',
        '=SUMIFS(B1:B8, A1:A8, "20?6")',
        '=SUMIFS(B1:B8, A1:A8, "*")',
        '=COUNTIFS(C1:C2, "a~*")',
      ],
      (s) => {
        criteriaSheet(s);
        s.getRange('C1:C2').setValues([['a*'], ['ab']]);
      },
    );
    // "20?6" meets the text "2026" only: a wildcard never meets a number.
    expect(values).toEqual([16, 64, 0, 64, 2, 2 + 16 + 64, 1]);
  });

  test('"<>x" meets every cell "x" does not, blanks included', () => {
    const { values } = evaluate(
      ['=SUMIFS(B1:B8, A1:A8, "<>x")', '=SUMIFS(B1:B8, A1:A8, "<>2026")'],
      criteriaSheet,
    );
    expect(values).toEqual([255 - 16, 255 - 1]);
  });

  test('a criterion pointing at an empty cell counts as 0 (HyperFormula answered #VALUE!)', () => {
    const { values } = evaluate(['=SUMIFS(B1:B8, A1:A8, A3)', '=COUNTIFS(A1:A8, C9)'], criteriaSheet);
    expect(values).toEqual([32, 1]);
  });

  test('ranges of different sizes are #VALUE!; several criteria all apply', () => {
    const { values } = evaluate(
      [
        '=SUMIFS(B1:B8, A1:A7, 2026)',
        '=SUMIFS(B1:B8, A1:A8, ">0", B1:B8, ">100")',
        '=COUNTIFS(A1:A8, ">=0", A1:A8, "<2027")',
      ],
      criteriaSheet,
    );
    expect(values).toEqual(['#VALUE!', 128, 2]);
  });

  test('criteria follow later edits (HyperFormula caches per range: the cache must not serve stale figures)', () => {
    const { sheet } = setup();
    criteriaSheet(sheet);
    sheet.getRange('D1').setFormula('=SUMIFS(B1:B8, A1:A8, 2026)');
    sheet.getRange('D2').setFormula('=SUMIFS(B1:B8, A1:A8, "2026")');
    expect(sheet.getRange('D1:D2').getValues()).toEqual([[1], [3]]);
    sheet.getRange('A3').setValue(2026);
    sheet.getRange('A2').setValue('y');
    expect(sheet.getRange('D1:D2').getValues()).toEqual([[5], [5]]);
  });
});

describe('SUMPRODUCT — support.google.com/docs/answer/3094294 (corresponding entries of arrays)', () => {
  test('array expressions are multiplied entry by entry; text counts as 0', () => {
    const { values } = evaluate(
      [
        '=SUMPRODUCT((B1:B3>1)*B1:B3)',
        '=SUMPRODUCT((A1:A3=2026)*B1:B3)',
        '=SUMPRODUCT(--(A1:A3=5))',
        '=SUMPRODUCT(A1:A3, B1:B3)',
        '=SUMPRODUCT(B1:B2, B1:B3)',
      ],
      (s) =>
        s.getRange('A1:B3').setValues([
          [2026, 1],
          ["'2026", 2],
          [5, 4],
        ]),
    );
    expect(values).toEqual([6, 1, 1, 2026 + 20, '#VALUE!']);
  });
});

describe('MATCH — support.google.com/docs/answer/3093378 (exact search keeps accents: unverified)', () => {
  test("the first cell equal ignoring case only, not HyperFormula's accent-folded first hit", () => {
    const { values } = evaluate(
      [
        '=MATCH("reservee", A1:A4, 0)',
        '=MATCH("RÉSERVÉE", A1:A4, 0)',
        '=MATCH("elan", A1:A4, 0)',
        '=MATCH("x", B1:E1, 0)',
      ],
      (s) => {
        s.getRange('A1:A4').setValues([['Réservée'], ['Reservee'], ['x'], ['Élan']]);
        s.getRange('B1:E1').setValues([['a', 'é', 'e', 'X']]);
      },
    );
    expect(values).toEqual([2, 1, '#N/A', 4]);
  });
});

describe('text comparison (no help page states it: unverified)', () => {
  test('"=" and MATCH ignore case but not accents', () => {
    const { values } = evaluate(
      ['="é"="e"', '="A"="a"', '=MATCH("reservee", A1:A8, 0)', '=MATCH("RÉSERVÉE", A1:A8, 0)'],
      criteriaSheet,
    );
    expect(values).toEqual([false, true, '#N/A', 7]);
  });
});

describe('functions reviewed as "same as Sheets": what our formulas rely on', () => {
  test('MATCH defaults to type 1 (3093378) and a number never meets the text "2026"', () => {
    const { values } = evaluate(
      ['=MATCH(5, B1:B3)', '=MATCH(2026, A1:A2, 0)', '=MATCH("2026", A1:A2, 0)'],
      (s) =>
        s.getRange('A1:B3').setValues([
          ["'2026", 1],
          [2026, 4],
          ['', 8],
        ]),
    );
    expect(values).toEqual([2, 2, 1]);
  });

  test('MIN/MAX of blanks are 0; IF without a false branch is FALSE; AND of comparisons', () => {
    const { values } = evaluate([
      '=MIN(A1:A3)',
      '=MAX(A1:A3)',
      '=IF(1>2, 1)',
      '=AND(1<2, 2<3)',
      '=OR(1>2, 0)',
    ]);
    expect(values).toEqual([0, 0, false, true, false]);
  });

  test('YEAR/MONTH/DAY/LEFT/LEN of serials and numbers', () => {
    const { values } = evaluate([
      '=YEAR(46112)',
      '=MONTH(46112)',
      '=DAY(46112)',
      '=LEFT(6061, 2)',
      '=LEN(6061)',
    ]);
    expect(values).toEqual([2026, 3, 31, '60', 4]);
  });

  // support.google.com/docs/answer/3094129: index from 1; past the end, what is left of the string.
  test('MID of « Dates exclues » text, past its end, and as DATE parts', () => {
    const { values } = evaluate([
      '=MID("get this", 5, 4)',
      '=MID("14/07/2026 ; 15/08/2026", 20, 10)',
      '=MID("14/07/2026", 20, 2)',
      '=DATE(MID("14/07/2026", 7, 4)*1, MID("14/07/2026", 4, 2)*1, MID("14/07/2026", 1, 2)*1)=46217',
    ]);
    expect(values).toEqual(['this', '2026', '', true]);
  });
});

describe('the TypeScript mirror (src/domain/finance cents) rounds as the sheet’s ROUND(x, 2)', () => {
  test('same cents as the emulator on halves, negatives and binary-inexact values', () => {
    const samples = [
      1.005,
      0.285,
      -1.005,
      -2.675,
      2.675,
      5.015,
      18.745,
      -0.005,
      0.004,
      1234.565,
      0.1 + 0.2,
      1e-9,
    ];
    const { values } = evaluate(samples.map((x) => `=ROUND(${x}, 2)`));
    expect(samples.map(cents)).toEqual(values);
    expect(cents(1.005)).toBe(1.01);
    expect(cents(-0.004)).toBe(0);
    expect(Object.is(cents(-0.004), 0)).toBe(true);
  });
});

describe('a workbook restored from a snapshot (playground, server harness)', () => {
  test('its rebuilt engine runs the Sheets overrides', () => {
    const { runtime, app, sheet } = setup();
    sheet.getRange('A1:A2').setValues([[2026], ["'2026"]]);
    sheet
      .getRange('B1:B4')
      .setFormulas([['=INT(-0.5)'], ['=ROUND(1.005, 2)'], ['=COUNTIFS(A1:A2, 2026)'], ['=EOMONTH(0, 1.5)']]);
    const json = JSON.stringify(app._snapshot());
    const other = new EmuSpreadsheetApp(runtime, { ui: null });
    other._restore(JSON.parse(json));
    const restored = other.getActiveSpreadsheet().getSheets()[0];
    expect(restored.getRange('B1:B3').getValues()).toEqual([[-1], [1.01], [1]]);
    expect(restored.getRange('B4').getDisplayValue()).toBe('31/01/1900');
  });
});
