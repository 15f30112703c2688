/** Every error code has a French and an English message, with its placeholders and French typography. */

import { valueMessagesEn, valueMessagesFr } from '../../src/domain/value-messages';
import { parseCellInput, parseReference } from '../../src/domain/values';
import type { ValueType } from '../../src/domain/value-types';
import { frenchTypography } from '../../src/schema';

const placeholders = (message: string): string[] => (message.match(/\{[a-z]+\}/g) ?? []).sort();

describe('value messages', () => {
  it('cover the same codes in French and English', () => {
    expect(Object.keys(valueMessagesFr).sort()).toEqual(Object.keys(valueMessagesEn).sort());
  });

  it('use snake_case codes and the same placeholders in both languages', () => {
    for (const code of Object.keys(valueMessagesFr) as Array<keyof typeof valueMessagesFr>) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect([code, placeholders(valueMessagesFr[code])]).toEqual([
        code,
        placeholders(valueMessagesEn[code]),
      ]);
      expect(valueMessagesFr[code]).toContain('{field}');
    }
  });

  it('follow French typography', () => {
    for (const message of Object.values(valueMessagesFr)) {
      expect(frenchTypography(message)).toEqual([]);
      expect(message).not.toMatch(/ [:;?!»]|« /);
    }
  });

  it('exist for every code the parser returns, and get every parameter they show', () => {
    const samples: Array<[ValueType, unknown, object]> = [
      ['text', '', { required: true }],
      ['formula', 'x', {}],
      ['text', 'x'.repeat(60_000), {}],
      ['text', 'a\nb', {}],
      ['text', 'a\u0000', {}],
      ['number', 'x', {}],
      ['money', 'x', {}],
      ['integer', '1,5', {}],
      ['number', '-1', { min: 0 }],
      ['number', '11', { max: 10 }],
      ['date', 'x', {}],
      ['date', '31/02/2026', {}],
      ['date', '2026-13-01', {}],
      ['datetime', 'x', {}],
      ['datetime', '29/03/2026 02:30', {}],
      ['time', 'x', {}],
      ['duration', 'x', {}],
      ['boolean', 'peut-être', {}],
      ['enum', 'x', { options: ['A'] }],
      ['email', 'x', {}],
      ['phone', 'x', {}],
      ['url', 'x', {}],
      ['id', 'x', {}],
      ['text', 'x', { textRule: 'siret' }],
      ['text', 'x', { textRule: 'rna' }],
      ['text', 'x', { textRule: 'postalCode' }],
      ['text', 'x', { textRule: 'accountNumber' }],
      ['text', { a: 1 }, {}],
    ];
    const seen = new Set<string>();
    const reference = {
      key: 'f',
      header: 'Champ',
      type: 'ref' as const,
      ref: { sheet: 'spaces', column: 'name' },
    };
    const results = [
      ...samples.map(([type, input, extra]) =>
        parseCellInput({ key: 'f', header: 'Champ', type, ...extra }, input, {
          locale: 'fr',
          timeZone: 'Europe/Paris',
        }),
      ),
      // A reference checked against its target's labels (server side, references.ts).
      parseReference(reference, 'Salle inconnue', ['Grande halle']),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      seen.add(result.error.code);
      for (const message of [valueMessagesFr[result.error.code], valueMessagesEn[result.error.code]]) {
        for (const placeholder of placeholders(message)) {
          expect([
            result.error.code,
            placeholder,
            result.error.params[placeholder.slice(1, -1)] !== undefined,
          ]).toEqual([result.error.code, placeholder, true]);
        }
      }
    }
    expect(Array.from(seen).sort()).toEqual(Object.keys(valueMessagesFr).sort());
  });
});
