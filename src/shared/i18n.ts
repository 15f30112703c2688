/**
 * Localised messages shared by the server and the sidebar: French first, English when the user's
 * locale starts with "en". Messages use a small ICU subset: `{name}`, `{n, number}`,
 * `{n, plural, =0 {…} one {…} other {…}}` with `#`, and `{x, select, a {…} other {…}}`.
 */
import { messagesEn, messagesFr } from './messages';

export type Locale = 'fr' | 'en';
export type MessageKey = keyof typeof messagesFr;
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr: messagesFr, en: messagesEn };

/** The UI locale for a Google locale tag such as `fr`, `fr_FR`, `en`, `en_GB` or `en-US`. */
export function localeFromTag(tag: string | null | undefined): Locale {
  return typeof tag === 'string' && /^en([_-]|$)/i.test(tag) ? 'en' : 'fr';
}

/** The message `key` in `locale`, formatted with `params`. Unknown keys return the key itself. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const pattern = catalogues[locale][key] ?? catalogues.fr[key] ?? key;
  return formatMessage(pattern, params, locale);
}

/** Formats an ICU-subset pattern. Exported for tests and for messages built elsewhere. */
export function formatMessage(pattern: string, params: MessageParams, locale: Locale): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '{') {
      const end = matchingBrace(pattern, i);
      out += formatArgument(pattern.slice(i + 1, end), params, locale);
      i = end + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i += 1) {
    if (s[i] === '{') depth += 1;
    else if (s[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unbalanced braces in message: ${s}`);
}

function formatArgument(body: string, params: MessageParams, locale: Locale): string {
  const parts = splitTopLevel(body);
  const name = parts[0].trim();
  const value = params[name];
  if (parts.length === 1) return value === undefined ? `{${name}}` : String(value);
  const kind = parts[1].trim();
  if (kind === 'number') return formatNumber(Number(value), locale);
  const cases = parseCases(parts.slice(2).join(','));
  if (kind === 'plural') {
    const n = Number(value);
    const exact = cases[`=${n}`];
    const category = pluralCategory(n, locale);
    const chosen = exact ?? cases[category] ?? cases.other ?? '';
    return formatMessage(chosen, params, locale).replace(/#/g, formatNumber(n, locale));
  }
  if (kind === 'select') {
    const chosen = cases[String(value)] ?? cases.other ?? '';
    return formatMessage(chosen, params, locale);
  }
  throw new Error(`unknown message argument type: ${kind}`);
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
    else if (c === ',' && depth === 0 && parts.length < 2) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function parseCases(s: string): Record<string, string> {
  const cases: Record<string, string> = {};
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i += 1;
    if (i >= s.length) break;
    let j = i;
    while (j < s.length && s[j] !== '{' && !/\s/.test(s[j])) j += 1;
    const selector = s.slice(i, j);
    while (j < s.length && s[j] !== '{') j += 1;
    const end = matchingBrace(s, j);
    cases[selector] = s.slice(j + 1, end);
    i = end + 1;
  }
  return cases;
}

/** French: 0 and 1 are "one"; English: only 1. */
function pluralCategory(n: number, locale: Locale): 'one' | 'other' {
  if (locale === 'fr') return n >= 0 && n < 2 ? 'one' : 'other';
  return n === 1 ? 'one' : 'other';
}

/** `1 234,5` in French (narrow no-break space), `1,234.5` in English; no Intl needed. */
export function formatNumber(n: number, locale: Locale, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const fixed = decimals === undefined ? String(Math.round(n * 1e6) / 1e6) : n.toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const group = locale === 'fr' ? '\u202f' : ',';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sep = locale === 'fr' ? ',' : '.';
  return (negative ? '-' : '') + grouped + (frac ? sep + frac : '');
}
