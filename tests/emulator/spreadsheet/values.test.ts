import { formatNumber, localeInfo, parseInput } from '../../../local/emulator/spreadsheet';

const fr = localeInfo('fr_FR');
const en = localeInfo('en_US');

describe('parseInput: strings read as typed input', () => {
  test('apostrophe protects text and is removed', () => {
    expect(parseInput("'=SUM(A1)", 'fr_FR')).toEqual({ kind: 'value', value: '=SUM(A1)' });
    expect(parseInput("'-12", 'fr_FR')).toEqual({ kind: 'value', value: '-12' });
  });
  test('= starts a formula', () => {
    expect(parseInput('=1+1', 'fr_FR')).toEqual({ kind: 'formula', text: '=1+1' });
  });
  test('+ or - followed by something that is not a number is a formula', () => {
    expect(parseInput('- à revoir', 'fr_FR')).toEqual({ kind: 'formula', text: '=- à revoir' });
    expect(parseInput('+33 6 12 34 56 78', 'fr_FR')).toEqual({ kind: 'formula', text: '=+33 6 12 34 56 78' });
  });
  test('French numbers, percents, currencies and booleans', () => {
    expect(parseInput('1 234,5', 'fr_FR')).toEqual({ kind: 'value', value: 1234.5 });
    expect(parseInput('1\u202f234,5', 'fr_FR')).toEqual({ kind: 'value', value: 1234.5 });
    expect(parseInput('-12,50', 'fr_FR')).toEqual({ kind: 'value', value: -12.5 });
    expect(parseInput('12,5 %', 'fr_FR')).toEqual({ kind: 'value', value: 0.125, format: '0.00%' });
    expect(parseInput('12,50 €', 'fr_FR')).toEqual({ kind: 'value', value: 12.5, format: '#,##0.00 [$€-1]' });
    expect(parseInput('VRAI', 'fr_FR')).toEqual({ kind: 'value', value: true });
    expect(parseInput('faux', 'fr_FR')).toEqual({ kind: 'value', value: false });
    // A dot is not the French decimal separator: text.
    expect(parseInput('1.5', 'fr_FR')).toEqual({ kind: 'value', value: '1.5' });
    expect(parseInput('TRUE', 'fr_FR')).toEqual({ kind: 'value', value: 'TRUE' });
  });
  test('English numbers and booleans', () => {
    expect(parseInput('1,234.5', 'en_US')).toEqual({ kind: 'value', value: 1234.5 });
    expect(parseInput('TRUE', 'en_US')).toEqual({ kind: 'value', value: true });
    expect(parseInput('1 234,5', 'en_US')).toEqual({ kind: 'value', value: '1 234,5' });
  });
  test('dates in the locale order, and ISO everywhere', () => {
    expect(parseInput('29/03/2026', 'fr_FR')).toEqual({ kind: 'value', value: 46110, format: 'dd/MM/yyyy' });
    expect(parseInput('3/29/2026', 'en_US')).toEqual({ kind: 'value', value: 46110, format: 'M/d/yyyy' });
    expect(parseInput('2026-03-29', 'en_US')).toEqual({ kind: 'value', value: 46110, format: 'yyyy-MM-dd' });
    expect(parseInput('31/02/2026', 'fr_FR')).toEqual({ kind: 'value', value: '31/02/2026' });
    expect(parseInput('29/03/2026 14:30', 'fr_FR')).toEqual({
      kind: 'value',
      value: 46110 + 14.5 / 24,
      format: 'dd/MM/yyyy HH:mm:ss',
    });
  });
  test('plain text stays text, empty clears', () => {
    expect(parseInput('Salle A', 'fr_FR')).toEqual({ kind: 'value', value: 'Salle A' });
    expect(parseInput('@moi', 'fr_FR')).toEqual({ kind: 'value', value: '@moi' });
    expect(parseInput('', 'fr_FR')).toEqual({ kind: 'empty' });
  });
});

describe('formatNumber: display in the spreadsheet locale', () => {
  test('General', () => {
    expect(formatNumber(1234.5, undefined, fr)).toBe('1234,5');
    expect(formatNumber(1 / 3, undefined, en)).toBe('0.3333333333');
    expect(formatNumber(10 / 3, undefined, en)).toBe('3.333333333');
    expect(formatNumber(42, '0.###############', fr)).toBe('42');
  });
  test('digit patterns', () => {
    expect(formatNumber(3.7, '0', fr)).toBe('4');
    expect(formatNumber(2.456, '0.00', fr)).toBe('2,46');
    expect(formatNumber(1234567, '#,##0', fr)).toBe('1\u202f234\u202f567');
    expect(formatNumber(1234567, '#,##0', en)).toBe('1,234,567');
    expect(formatNumber(-1234.5, '#,##0.00', en)).toBe('-1,234.50');
  });
  test('euros in fr_FR: narrow no-break space grouping, no-break space before €', () => {
    expect(formatNumber(1234.5, '#,##0.00 [$€-1]', fr)).toBe('1\u202f234,50\u00a0€');
    expect(formatNumber(1234.5, '#,##0.00 "€"', fr)).toBe('1\u202f234,50\u00a0€');
    expect(formatNumber(-12.5, '#,##0.00 [$€-1]', fr)).toBe('-12,50\u00a0€');
  });
  test('percents', () => {
    expect(formatNumber(0.125, '0%', fr)).toBe('13%');
    expect(formatNumber(0.125, '0.0%', fr)).toBe('12,5%');
  });
  test('dates, times and durations', () => {
    const serial = 46110 + (14 * 60 + 5) / 1440; // 29/03/2026 14:05
    expect(formatNumber(serial, 'dd/MM/yyyy', fr)).toBe('29/03/2026');
    expect(formatNumber(serial, 'dd/MM/yyyy HH:mm', fr)).toBe('29/03/2026 14:05');
    expect(formatNumber(serial, 'HH:mm', fr)).toBe('14:05');
    expect(formatNumber(serial, 'yyyy-MM-dd', fr)).toBe('2026-03-29');
    expect(formatNumber(1.5 + 10 / 1440, '[h]:mm', fr)).toBe('36:10');
  });
});
