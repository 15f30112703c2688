/**
 * Number formats as Sheets displays them (getDisplayValues): General, digit patterns with
 * grouping, decimals, percent and currency literals, date/time/duration patterns and `@`.
 * Separators come from the spreadsheet locale; the pattern itself is always written in en syntax.
 */
import { type LocaleInfo, serialToFields } from './locale';

/** What getNumberFormat returns for a cell whose format was never set (Sheets' "automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';

type Token =
  | { kind: 'lit'; text: string }
  | { kind: 'date'; code: string }
  | { kind: 'ampm'; upper: boolean }
  | { kind: 'num'; text: string };

/** Splits one section of a pattern into literals, date codes and the numeric part. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let num = '';
  const flushNum = () => {
    if (num) out.push({ kind: 'num', text: num });
    num = '';
  };
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      flushNum();
      out.push({ kind: 'lit', text: section.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (ch === '\\') {
      flushNum();
      out.push({ kind: 'lit', text: section[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end + 1;
      flushNum();
      if (inner.startsWith('$')) {
        // [$€-1] / [$€-40C]: a currency symbol with a locale tag.
        out.push({ kind: 'lit', text: inner.slice(1).split('-')[0] });
      } else if (/^(h+|m+|s+)$/i.test(inner)) {
        out.push({ kind: 'date', code: `[${inner.toLowerCase()}]` });
      }
      // Colours and conditions ([Red], [>100]) are ignored for display text.
      continue;
    }
    const rest = section.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      flushNum();
      out.push({ kind: 'ampm', upper: ampm[0][0] === 'A' });
      i += ampm[0].length;
      continue;
    }
    const date = /^(y+|m+|d+|h+|s+)/i.exec(rest);
    if (date && !num) {
      out.push({ kind: 'date', code: date[0] });
      i += date[0].length;
      continue;
    }
    if ('0#?.,%'.includes(ch) || (num && /[Ee+-]/.test(ch) && /[0#]/.test(section[i + 1] ?? ''))) {
      if (ch === '.' && !num && !/[0#?]/.test(section[i + 1] ?? '')) {
        out.push({ kind: 'lit', text: ch });
      } else if (ch === ',' && !num) {
        out.push({ kind: 'lit', text: ch });
      } else {
        num += ch;
      }
      i += 1;
      continue;
    }
    flushNum();
    out.push({ kind: 'lit', text: ch === '_' || ch === '*' ? ' ' : ch });
    if (ch === '_' || ch === '*') i += 1;
    i += 1;
  }
  flushNum();
  return out;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  sections.push(cur);
  return sections;
}

/** Whether a number format shows dates, times or durations (getValues then returns a Date). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return tokenize(splitSections(format)[0]).some((t) => t.kind === 'date');
}

/** Whether the format is Sheets' automatic/General format. */
export function isGeneral(format: string | undefined): boolean {
  return !format || format === AUTOMATIC_FORMAT || /^general$/i.test(format);
}

/** General display: up to 10 significant digits, exponent beyond 1e15 (as Sheets shows =1/3). */
export function formatGeneral(value: number, loc: LocaleInfo): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 1e15 || abs < 1e-9) {
    const [m, e] = value.toExponential(9).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const exp = Number(e);
    text = `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (Number.isInteger(value)) {
    text = String(value);
  } else {
    const digitsBefore = Math.floor(Math.log10(abs)) + 1;
    const decimals = Math.max(0, 10 - digitsBefore);
    text = value.toFixed(decimals);
    if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  }
  return text.replace('.', loc.decimal);
}

function groupDigits(int: string, sep: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += sep;
    out += int[i];
  }
  return out;
}

function formatDigits(value: number, pattern: string, loc: LocaleInfo): string {
  let p = pattern;
  let scale = 1;
  const percent = (p.match(/%/g) ?? []).length;
  p = p.replace(/%/g, '');
  scale *= 100 ** percent;
  // Trailing commas divide by 1000 each.
  while (p.endsWith(',')) {
    scale /= 1000;
    p = p.slice(0, -1);
  }
  const dot = p.indexOf('.');
  const intPat = dot < 0 ? p : p.slice(0, dot);
  const decPat = dot < 0 ? '' : p.slice(dot + 1).replace(/,/g, '');
  const grouped = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const maxDec = decPat.length;
  const v = Math.abs(value * scale);
  let fixed = v.toFixed(maxDec);
  let [int, dec = ''] = fixed.split('.');
  while (dec.length > minDec && dec.endsWith('0')) dec = dec.slice(0, -1);
  if (int === '0' && minInt === 0) int = '';
  int = int.padStart(minInt, '0');
  if (grouped) int = groupDigits(int, loc.group);
  fixed = dec ? `${int}${loc.decimal}${dec}` : int;
  return `${fixed}${'%'.repeat(percent)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDateTokens(value: number, tokens: Token[], loc: LocaleInfo): string {
  const hasAmPm = tokens.some((t) => t.kind === 'ampm');
  const hasSeconds = tokens.some((t) => t.kind === 'date' && /^s/i.test(t.code));
  // Round to the shown precision (seconds), as Sheets does.
  const rounded = Math.round(value * 86400) / 86400;
  const f = serialToFields(rounded);
  let out = '';
  tokens.forEach((t, idx) => {
    if (t.kind === 'lit') out += t.text;
    else if (t.kind === 'num') out += t.text;
    else if (t.kind === 'ampm') out += f.hour < 12 ? (t.upper ? 'AM' : 'am') : t.upper ? 'PM' : 'pm';
    else {
      const code = t.code;
      const lower = code.toLowerCase();
      if (lower === '[h]') out += String(Math.floor(rounded * 24 + 1e-9));
      else if (lower === '[m]' || lower === '[mm]')
        out += pad(Math.floor(rounded * 1440 + 1e-9), code.length - 2);
      else if (lower === '[s]' || lower === '[ss]') out += pad(Math.round(rounded * 86400), code.length - 2);
      else if (lower.startsWith('y')) out += code.length <= 2 ? pad(f.year % 100, 2) : String(f.year);
      else if (lower.startsWith('d')) {
        out += code.length === 1 ? String(f.day) : pad(f.day, 2);
      } else if (lower.startsWith('h')) {
        const h = hasAmPm ? ((f.hour + 11) % 12) + 1 : f.hour;
        out += code.length === 1 ? String(h) : pad(h, 2);
      } else if (lower.startsWith('s')) out += code.length === 1 ? String(f.second) : pad(f.second, 2);
      else if (lower.startsWith('m')) {
        const prev = tokens
          .slice(0, idx)
          .reverse()
          .find((x) => x.kind === 'date');
        const next = tokens.slice(idx + 1).find((x) => x.kind === 'date');
        const isMinute =
          (prev?.kind === 'date' && /^(h|\[h)/i.test(prev.code)) ||
          (next?.kind === 'date' && /^s/i.test(next.code) && hasSeconds);
        if (isMinute) out += code.length === 1 ? String(f.minute) : pad(f.minute, 2);
        else if (code.length === 1) out += String(f.month);
        else if (code.length === 2) out += pad(f.month, 2);
        else {
          const names = loc.decimal === ',' ? MONTHS : MONTHS_EN;
          out += names[f.month - 1];
        }
      }
    }
  });
  return out;
}

/** Displays a number with `format` in the locale `loc`. */
export function formatNumber(value: number, format: string | undefined, loc: LocaleInfo): string {
  if (isGeneral(format) || format === '@') return formatGeneral(value, loc);
  const sections = splitSections(format as string);
  let section = sections[0];
  let v = value;
  let explicitNegative = false;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1];
    v = -value;
    explicitNegative = true;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== '') {
    section = sections[2];
  }
  const tokens = tokenize(section);
  if (tokens.some((t) => t.kind === 'date')) return formatDateTokens(v, tokens, loc);
  const numToken = tokens.find((t) => t.kind === 'num');
  if (!numToken) return tokens.map((t) => (t.kind === 'lit' ? t.text : '')).join('');
  // A `%` separated from the digits ("0.0 %") still scales by 100.
  const loosePercents = tokens.filter((t) => t !== numToken && t.kind === 'num' && /^%+$/.test(t.text));
  for (const t of loosePercents) if (t.kind === 'num') v *= 100 ** t.text.length;
  const body = formatDigits(v, numToken.text, loc);
  const rounded = Number(body.replace(/[^\d]/g, '')) === 0;
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'num') out += t === numToken ? body : t.text;
    else if (t.kind === 'lit') {
      // A space before a trailing currency symbol is shown as a no-break space in fr_FR.
      const nextLit = tokens[i + 1];
      if (t.text === ' ' && nextLit?.kind === 'lit' && /^[€$£]/.test(nextLit.text) && loc.currencySpace)
        out += loc.currencySpace;
      else out += t.text;
    }
  }
  if (v < 0 && !explicitNegative && !rounded) out = `-${out}`;
  return out;
}
