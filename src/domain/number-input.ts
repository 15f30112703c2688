/** Reading numbers typed the French or the English way: `1 234,50 €`, `-12,50`, `12,5 %`, `1,234.50`. */

/** Spaces people (and spreadsheets) put between digit groups: space, no-break, narrow no-break, thin. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;

/** A number read from text, with what decorated it. */
export interface NumberInput {
  value: number;
  hadPercent: boolean;
  hadCurrency: boolean;
  /** Digits after the decimal separator. */
  decimals: number;
}

/**
 * Reads a decimal number from text, or returns null if the text is not exactly a number.
 * Accepts a leading sign (`-`, `+`, `−`), digit groups separated by spaces or by the grouping
 * separator of the locale (groups of three), a decimal comma or point, a trailing `%`, and a
 * leading or trailing `€` / `EUR`. A comma is the decimal separator, except in English for a
 * strict thousands pattern such as `1,500`; when both `,` and `.` appear the last one is decimal.
 * No exponent, no expression: `-2+3`, `1e5`, `=1` are not numbers.
 */
export function readNumber(text: string, locale: 'fr' | 'en'): NumberInput | null {
  let s = text.trim();
  let hadPercent = false;
  let hadCurrency = false;
  const percent = /[ \u00a0\u202f\u2009]*%$/;
  if (percent.test(s)) {
    hadPercent = true;
    s = s.replace(percent, '');
  }
  const currencyEnd = /[ \u00a0\u202f\u2009]*(€|eur|euros?)$/i;
  const currencyStart = /^(€|eur)[ \u00a0\u202f\u2009]*/i;
  if (!hadPercent && currencyEnd.test(s)) {
    hadCurrency = true;
    s = s.replace(currencyEnd, '');
  }
  let sign = 1;
  const signMatch = /^([-+\u2212])[ \u00a0\u202f]*/.exec(s);
  if (signMatch) {
    sign = signMatch[1] === '+' ? 1 : -1;
    s = s.slice(signMatch[0].length);
  }
  if (!hadPercent && !hadCurrency && currencyStart.test(s)) {
    hadCurrency = true;
    s = s.replace(currencyStart, '');
  }
  if (!/^[0-9][0-9 \u00a0\u202f\u2009.,]*$/.test(s) && !/^[.,][0-9]+$/.test(s)) return null;
  if (/[ \u00a0\u202f\u2009]$/.test(s)) return null;

  const normalized = splitDecimal(s, locale);
  if (normalized === null) return null;
  const { integerPart, fraction } = normalized;
  if (!isGrouped(integerPart)) return null;
  const digits = integerPart.replace(GROUP_SPACES, '').replace(/[.,]/g, '');
  const value = sign * Number(`${digits || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return null;
  return { value: value === 0 ? 0 : value, hadPercent, hadCurrency, decimals: fraction.length };
}

/** Splits at the decimal separator; the integer part keeps its grouping characters. */
function splitDecimal(s: string, locale: 'fr' | 'en'): { integerPart: string; fraction: string } | null {
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let decimalAt = -1;
  if (lastComma >= 0 && lastDot >= 0) {
    decimalAt = Math.max(lastComma, lastDot);
  } else if (lastComma >= 0) {
    const englishThousands = locale === 'en' && /^[0-9]{1,3}(,[0-9]{3})+$/.test(s);
    const severalCommas = s.indexOf(',') !== lastComma;
    decimalAt = englishThousands || severalCommas ? -1 : lastComma;
  } else if (lastDot >= 0) {
    decimalAt = s.indexOf('.') !== lastDot ? -1 : lastDot;
  }
  if (decimalAt < 0) return { integerPart: s, fraction: '' };
  const fraction = s.slice(decimalAt + 1);
  if (!/^[0-9]+$/.test(fraction)) return null;
  const integerPart = s.slice(0, decimalAt);
  const decimalChar = s[decimalAt];
  if (integerPart.indexOf(decimalChar) >= 0) return null;
  return { integerPart, fraction };
}

/** True if the integer part is plain digits or digit groups of three behind one kind of separator. */
function isGrouped(integerPart: string): boolean {
  if (integerPart === '') return true;
  if (/^[0-9]+$/.test(integerPart)) return true;
  const separators = integerPart.replace(/[0-9]/g, '');
  const kinds = separators.replace(GROUP_SPACES, ' ');
  if (!/^( +|\.+|,+)$/.test(kinds)) return false;
  return /^[0-9]{1,3}([ \u00a0\u202f\u2009.,][0-9]{3})+$/.test(integerPart);
}
