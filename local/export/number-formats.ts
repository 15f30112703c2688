/**
 * Number formats between the emulator (Sheets' pattern syntax, as `Range.setNumberFormat` takes
 * it) and XLSX (ECMA-376 §18.8.31 format codes). Both use en syntax for separators (`,` groups,
 * `.` decimals; the reader's locale shows them as `1 234,50`), so only three things differ:
 * - date and time codes: Sheets accepts `MM`/`HH`; Excel's codes are written in lower case
 *   (`m` after `h` or before `s` is minutes in both: developers.google.com/sheets/api/guides/formats,
 *   "Date and time format patterns");
 * - the currency tag: Pilote writes `[$€-1]`; Excel expects a locale id after the dash, so the
 *   file carries `[$€-40C]` (0x040C = French (France)) — unverified how Google itself writes it;
 * - no format (Sheets' automatic) is Excel's `General`.
 * Import maps the translations of Pilote's own formats back exactly, and keeps any other code.
 */

/** Sheets' automatic format as the emulator reports it (number-format.ts). */
const AUTOMATIC = '0.###############';

/** Lower-cases date/time codes outside quoted literals, escapes and brackets other than [h]. */
function lowerDateCodes(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      out += pattern.slice(i, i + 2);
      i += 1;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i);
      const stop = end < 0 ? pattern.length : end;
      const inner = pattern.slice(i, stop + 1);
      out += /^\[(h+|m+|s+)\]$/i.test(inner) ? inner.toLowerCase() : inner;
      i = stop;
    } else if (/^(am\/pm|a\/p)/i.test(pattern.slice(i))) {
      const m = /^(am\/pm|a\/p)/i.exec(pattern.slice(i)) as RegExpExecArray;
      out += m[0].toUpperCase();
      i += m[0].length - 1;
    } else if ('YMDHS'.includes(ch)) {
      out += ch.toLowerCase();
    } else {
      out += ch;
    }
  }
  return out;
}

/** The XLSX code of an emulator format (undefined = automatic = `General`). */
export function toExcelFormat(format: string | undefined): string {
  if (format === undefined || format === AUTOMATIC || /^general$/i.test(format)) return 'General';
  return lowerDateCodes(format).replace(/\[\$€-1\]/g, '[$€-40C]');
}

/** Pilote's formats (src/schema columns), so that an exported file comes back as it left. */
const PILOTE_FORMATS = [
  '0',
  'dd/MM/yyyy',
  '#,##0.00 [$€-1]',
  '0%',
  '#,##0.00',
  'dd/MM/yyyy HH:mm',
  'HH:mm',
  '[h]:mm',
];
const BACK = new Map(PILOTE_FORMATS.map((f) => [toExcelFormat(f), f]));

/** The emulator format of an XLSX code (undefined for `General`). */
export function fromExcelFormat(code: string | undefined): string | undefined {
  if (code === undefined || code === '' || /^general$/i.test(code)) return undefined;
  return BACK.get(code) ?? code;
}
