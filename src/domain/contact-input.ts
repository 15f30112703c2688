/** Reading e-mail addresses, web links, French phone numbers and French identifiers (SIRET, RNA…). */

import { luhnSum } from './luhn';

/** A pragmatic address check: one `@`, no spaces or quotes, a dotted domain with a 2+ letter TLD. */
export function readEmail(text: string): string | null {
  const s = text.trim();
  if (s.length > 254) return null;
  const m = /^([A-Za-z0-9.!#$%&*+/=?^_`{|}~-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63})$/.exec(s);
  if (!m || m[1].length > 64) return null;
  if (/^\.|\.\.|\.$/.test(m[1]) || /(^|\.)-|-(\.|$)/.test(m[2])) return null;
  return `${m[1]}@${m[2].toLowerCase()}`;
}

/**
 * A web link: `http://` or `https://` with a host, or a bare `www.…` / `domaine.fr/…` completed with
 * `https://`. Every other scheme (`javascript:`, `data:`, `file:`…) is refused.
 */
export function readUrl(text: string): string | null {
  const s = text.trim();
  if (s.length > 2000 || /[\s<>"`\\]/.test(s)) return null;
  const withScheme = /^https?:\/\//i.test(s) ? s : /^[a-z][a-z0-9+.-]*:/i.test(s) ? null : `https://${s}`;
  if (withScheme === null) return null;
  const m =
    /^https?:\/\/([^/?#@]+@)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\[[0-9a-fA-F:]+\])(:[0-9]{1,5})?([/?#].*)?$/i.exec(
      withScheme,
    );
  if (!m || m[1] !== undefined) return null;
  return withScheme;
}

/**
 * A phone number. French numbers (`01 23 45 67 89`, `01.23.45.67.89`, `+33 1 23 45 67 89`,
 * `+33 (0)1 23 45 67 89`, `0033 1…`) come back as `01 23 45 67 89`; other international numbers
 * (`+32 2 123 45 67`) as `+` and 8 to 15 digits, grouped as typed but with single spaces.
 */
export function readPhone(text: string): string | null {
  const s = text.trim();
  if (!/^[+0-9][0-9 .\-()/\u00a0\u202f]*$/.test(s)) return null;
  const compact = s.replace(/\(0\)/g, '').replace(/[ .\-()/\u00a0\u202f]/g, '');
  const french = /^(?:(?:\+33|0033)0?|0)([1-9][0-9]{8})$/.exec(compact);
  if (french) return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  const international = /^(?:\+|00)([1-9][0-9]{7,14})$/.exec(compact);
  if (!international) return null;
  return `+${s
    .replace(/^(\+|00)/, '')
    .replace(/[.\-()/\u00a0\u202f]/g, ' ')
    .replace(/ +/g, ' ')
    .trim()}`;
}

/** Luhn checksum, used by SIREN/SIRET. */
function luhn(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/**
 * SIRET: 14 digits (spaces allowed), Luhn-valid, returned without spaces. La Poste's establishments
 * (SIREN 356000000) may instead have a digit sum divisible by 5.
 */
export function readSiret(text: string): string | null {
  const digits = text.replace(/[ \u00a0\u202f]/g, '');
  if (!/^[0-9]{14}$/.test(digits)) return null;
  if (luhn(digits)) return digits;
  if (digits.slice(0, 9) !== '356000000') return null;
  let sum = 0;
  for (const d of digits) sum += Number(d);
  return sum % 5 === 0 ? digits : null;
}

/** RNA number of an association: `W` and nine characters (digits, `A`/`B` for Corsica), uppercased. */
export function readRna(text: string): string | null {
  const s = text.trim().toUpperCase();
  return /^W[0-9][0-9AB][0-9]{7}$/.test(s) ? s : null;
}

/** French postal code: five digits, kept as text so that `01000` keeps its zero. */
export function readPostalCode(text: string): string | null {
  const s = text.trim();
  return /^[0-9]{5}$/.test(s) ? s : null;
}

/** Account number of the chart of accounts: 2 to 8 digits, first digit 1 to 8. */
export function readAccountNumber(text: string): string | null {
  const s = text.trim();
  return /^[1-8][0-9]{1,7}$/.test(s) ? s : null;
}
