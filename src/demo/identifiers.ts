/** Fictional French identifiers that pass their checksums: SIREN/SIRET (Luhn), RNA, phone numbers. */

import { luhnSum } from '../domain/luhn';

/** `prefix` followed by the digit that makes the whole Luhn-valid. */
function luhnComplete(prefix: string): string {
  for (let d = 0; d <= 9; d++) if (luhnSum(prefix + d) % 10 === 0) return prefix + d;
  throw new Error('unreachable');
}

/**
 * A SIRET from an 8-digit SIREN stem and a 4-digit establishment stem: the SIREN gets its Luhn
 * key, then the SIRET its own. Returned grouped as people type it: `812 345 675 00018`.
 */
export function fictionalSiret(sirenStem: string, nicStem: string): string {
  if (!/^[0-9]{8}$/.test(sirenStem) || !/^[0-9]{4}$/.test(nicStem))
    throw new Error('SIRET stems: 8 and 4 digits');
  const siren = luhnComplete(sirenStem);
  const siret = luhnComplete(siren + nicStem);
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/**
 * A phone number in the ranges ARCEP reserves for fiction (01 99 00 xx xx, 06 39 98 xx xx), so
 * that no real subscriber is ever called from a demo.
 */
export function fictionalPhone(index: number, mobile: boolean): string {
  const n = String(index % 10000).padStart(4, '0');
  return `${mobile ? '06 39 98' : '01 99 00'} ${n.slice(0, 2)} ${n.slice(2)}`;
}

/** Lower-case ASCII slug for e-mail addresses: `Zoé Le Gall` → `zoe.le-gall`. */
export function slug(text: string, separator = '.'): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[·’']/g, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter((w) => w !== '');
  return words.length <= 1 ? words.join('') : `${words[0]}${separator}${words.slice(1).join('-')}`;
}
