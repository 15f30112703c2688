/** The comparison behind `npm run check:xlsx` (local/export/libre-csv.ts): what counts as equal. */
import { csvNumber, parseCsv, sameValue } from '../../local/export/libre-csv';

describe('LibreOffice CSV', () => {
  test('parses quotes, doubled quotes, commas and newlines inside fields, CRLF', () => {
    expect(parseCsv('a,"b,c","d ""e""",\r\n"x\ny",2\n')).toEqual([
      ['a', 'b,c', 'd "e"', ''],
      ['x\ny', '2'],
    ]);
  });

  test('numbers behind percentages, en-US dates and times', () => {
    expect(csvNumber('61.9414008212255%')).toBeCloseTo(0.619414008212255, 15);
    expect(csvNumber('01/01/2026')).toBe(46023);
    expect(csvNumber('12/31/2026')).toBe(46387);
    expect(csvNumber('10:30')).toBeCloseTo(10.5 / 24, 12);
    expect(csvNumber('-22235.49')).toBe(-22235.49);
    expect(csvNumber('')).toBeNaN();
    expect(csvNumber('Grande halle')).toBeNaN();
  });

  test('equal within rounding; a different figure, a text for a number, a missing value are not', () => {
    expect(sameValue(0.6194140082122552, false, '61.9414008212255%')).toBe(true);
    expect(sameValue(2, false, '0')).toBe(false);
    expect(sameValue(2, false, '')).toBe(false);
    expect(sameValue(126640, false, '126640.0000001')).toBe(true);
    expect(sameValue(126640, false, '126640.01')).toBe(false);
    expect(sameValue('Confirmée', false, 'Confirmée')).toBe(true);
    expect(sameValue('Confirmée', false, 'Annulée')).toBe(false);
    expect(sameValue(null, false, '')).toBe(true);
    expect(sameValue('', false, '0')).toBe(false);
    expect(sameValue(true, false, 'TRUE')).toBe(true);
    expect(sameValue('#N/A', true, '#N/A')).toBe(true);
    expect(sameValue('#N/A', true, '4')).toBe(false);
  });
});
