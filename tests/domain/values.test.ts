/** parseCellInput per column type: French and English input, refusals with stable codes. */

import { parseCellInput, toSheetLiteral } from '../../src/domain/values';
import { impossibleDate } from '../../src/domain/date-input';
import type { ParseContext, ValueRule, ValueType } from '../../src/domain/value-types';

const fr: ParseContext = { locale: 'fr', timeZone: 'Europe/Paris' };
const en: ParseContext = { locale: 'en', timeZone: 'Europe/Paris' };
const column = (type: ValueType, extra: Partial<ValueRule> = {}): ValueRule => ({
  key: 'field',
  header: 'Champ',
  type,
  ...extra,
});
const value = (type: ValueType, input: unknown, extra: Partial<ValueRule> = {}, ctx = fr) => {
  const result = parseCellInput(column(type, extra), input, ctx);
  return result.ok ? result.value : `error:${result.error.code}`;
};

describe('numbers, amounts, percents', () => {
  it.each([
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['1\u202f234,50', 1234.5],
    ['1 234,50 €', 1234.5],
    ['1\u202f234,50\u00a0€', 1234.5],
    ['€12', 12],
    ['-12,50', -12.5],
    ['\u221212,50 €', -12.5],
    ['+3', 3],
    ['1.234,56', 1234.56],
    ['0,1', 0.1],
    [',5', 0.5],
    ['12 EUR', 12],
  ])('money %p → %p', (input, expected) => {
    expect(value('money', input)).toBe(expected);
  });

  it('reads English grouping in English and a decimal comma in French', () => {
    expect(value('number', '1,500', {}, en)).toBe(1500);
    expect(value('number', '1,500', {}, fr)).toBe(1.5);
    expect(value('number', '1,234.5', {}, en)).toBe(1234.5);
    expect(value('number', '1,234.5', {}, fr)).toBe(1234.5);
    expect(value('number', '1.234.567', {}, fr)).toBe(1234567);
    expect(value('number', '12.5', {}, fr)).toBe(12.5);
  });

  it.each([
    '12 34',
    '1 2345',
    '1,2,3',
    '1e5',
    'Infinity',
    'NaN',
    '12,',
    '--1',
    '1 234,5 %',
    'douze',
    '1/2',
    '0x10',
  ])('refuses %p as a number', (input) => {
    expect(value('number', input)).toBe('error:invalid_number');
  });

  it('refuses a currency sign outside money and cents beyond two decimals', () => {
    expect(value('number', '12 €')).toBe('error:invalid_number');
    expect(value('money', '12,505')).toBe('error:invalid_amount');
    expect(value('money', 12.505)).toBe('error:invalid_amount');
    expect(value('money', '12,50 %')).toBe('error:invalid_amount');
  });

  it('reads percents as fractions', () => {
    expect(value('percent', '12,5 %')).toBe(0.125);
    expect(value('percent', '12,5\u202f%')).toBe(0.125);
    expect(value('percent', '50')).toBe(0.5);
    expect(value('percent', 0.35)).toBe(0.35);
    expect(value('percent', '150 %', { max: 1 })).toBe('error:above_max');
  });

  it('checks integers and bounds', () => {
    expect(value('integer', '42')).toBe(42);
    expect(value('integer', '1 200')).toBe(1200);
    expect(value('integer', '4,5')).toBe('error:invalid_integer');
    expect(value('integer', '-1', { min: 0 })).toBe('error:below_min');
    expect(value('integer', 10001, { max: 10000 })).toBe('error:above_max');
    expect(value('number', Number.NaN)).toBe('error:invalid_number');
    expect(value('number', '1 000 000 000 000 000')).toBe('error:invalid_number');
  });

  it('turns -0 into 0', () => {
    expect(Object.is(value('number', '-0'), 0)).toBe(true);
  });
});

describe('dates and times', () => {
  it.each([
    ['29/03/2026', '2026-03-29'],
    ['29/3/2026', '2026-03-29'],
    ['29/03/26', '2026-03-29'],
    ['29.03.2026', '2026-03-29'],
    ['29-03-2026', '2026-03-29'],
    ['2026-03-29', '2026-03-29'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2000', '2000-02-29'],
  ])('date %p → %p', (input, expected) => {
    expect(value('date', input)).toBe(expected);
  });

  it.each([
    ['31/02/2026', 'nonexistent_day'],
    ['29/02/2026', 'nonexistent_day'],
    ['29/02/2100', 'nonexistent_day'],
    ['31/04/2026', 'nonexistent_day'],
    ['2026-02-30', 'nonexistent_day'],
    ['31.06.26', 'nonexistent_day'],
    ['12/13/2026', 'nonexistent_month'],
    ['2026-13-01', 'nonexistent_month'],
    ['01/00/2026', 'nonexistent_month'],
    ['00/01/2026', 'invalid_date'],
    ['31/02/1800', 'invalid_date'],
  ])('names the impossible day %p (%p)', (input, code) => {
    expect(value('date', input)).toBe(`error:${code}`);
  });

  it('says why a date does not exist, with the month and its number of days', () => {
    const result = parseCellInput({ key: 'd', header: 'Date', type: 'date' }, '31/02/2026', {
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'nonexistent_day',
        params: { field: 'Date', value: '31/02/2026', month: '02/2026', days: 28 },
      },
    });
    expect(impossibleDate('29/02/2028')).toBeNull();
    expect(impossibleDate('29/02/2027')).toEqual({ reason: 'day', month: '02/2027', days: 28 });
    expect(impossibleDate('31/09/26')).toEqual({ reason: 'day', month: '09/2026', days: 30 });
    expect(impossibleDate('2026-13-01')).toEqual({ reason: 'month' });
    expect(impossibleDate('demain')).toBeNull();
  });

  it.each(['29/03', '29/03/02026', '1/1/1800', 'demain', '2026/03/29', '29/03-2026'])(
    'refuses the date %p',
    (input) => {
      expect(value('date', input)).toBe('error:invalid_date');
    },
  );

  it('reads a Date object on the spreadsheet wall clock', () => {
    expect(value('date', new Date(Date.UTC(2026, 2, 28, 23, 30)))).toBe('2026-03-29');
    expect(value('datetime', new Date(Date.UTC(2026, 5, 1, 12, 0)))).toBe('2026-06-01T14:00');
    expect(value('time', new Date(Date.UTC(2026, 0, 1, 8, 5)))).toBe('09:05');
    expect(value('date', new Date(Number.NaN))).toBe('error:invalid_date');
  });

  it.each([
    ['29/03/2026 14h30', '2026-03-29T14:30'],
    ['29/03/2026 à 14h30', '2026-03-29T14:30'],
    ['2026-03-29T14:30', '2026-03-29T14:30'],
    ['2026-03-29 09:05', '2026-03-29T09:05'],
    ['29/03/2026', '2026-03-29T00:00'],
  ])('datetime %p → %p', (input, expected) => {
    expect(value('datetime', input)).toBe(expected);
  });

  it('refuses a local time skipped by daylight saving, and bad datetimes', () => {
    expect(value('datetime', '29/03/2026 02h30')).toBe('error:nonexistent_local_time');
    expect(value('datetime', '25/10/2026 02h30')).toBe('2026-10-25T02:30');
    expect(value('datetime', '29/03/2026 25h')).toBe('error:invalid_datetime');
    expect(value('datetime', '31/02/2026 10:00')).toBe('error:invalid_datetime');
  });

  it.each([
    ['14h30', '14:30'],
    ['14 h 30', '14:30'],
    ['14h', '14:00'],
    ['9h05', '09:05'],
    ['14:30', '14:30'],
    ['14:30:00', '14:30'],
    ['2:30 pm', '14:30'],
    ['12am', '00:00'],
  ])('time %p → %p', (input, expected) => {
    expect(value('time', input)).toBe(expected);
  });

  it.each(['24h', '14h60', '14:', '1430', '13pm', '14h30m10', 'midi'])('refuses the time %p', (input) => {
    expect(value('time', input)).toBe('error:invalid_time');
  });

  it.each([
    ['1h30', 90],
    ['1 h 30', 90],
    ['1h30min', 90],
    ['2h', 120],
    ['45 min', 45],
    ['1:30', 90],
    ['1,5', 90],
    ['1.5', 90],
    ['0,25 h', 15],
  ])('duration %p → %p minutes, stored as a fraction of a day', (input, minutes) => {
    expect(value('duration', input)).toBeCloseTo(minutes / 1440, 12);
  });

  it('reads a duration given as a number of hours and checks its bounds in hours', () => {
    expect(value('duration', 1.5)).toBe(0.0625);
    expect(value('duration', '25h', { max: 24 })).toBe('error:above_max');
    expect(value('duration', '-1')).toBe('error:invalid_duration');
    expect(value('duration', '1h75')).toBe('error:invalid_duration');
    expect(value('duration', 'une heure')).toBe('error:invalid_duration');
  });
});

describe('booleans, enums, references', () => {
  it.each([
    ['oui', true],
    ['Non', false],
    ['VRAI', true],
    ['faux', false],
    ['true', true],
    ['False', false],
    [true, true],
    [0, false],
  ])('boolean %p → %p', (input, expected) => {
    expect(value('boolean', input)).toBe(expected);
  });

  it('refuses other booleans', () => {
    expect(value('boolean', 'peut-être')).toBe('error:invalid_boolean');
    expect(value('boolean', 2)).toBe('error:invalid_boolean');
  });

  const statuses = { options: ['Demande', 'Option', 'Confirmée', 'Annulée'] };
  it('returns the canonical option whatever the case and accents', () => {
    expect(value('enum', 'confirmée', statuses)).toBe('Confirmée');
    expect(value('enum', 'CONFIRMEE', statuses)).toBe('Confirmée');
    expect(value('enum', '  option ', statuses)).toBe('Option');
    expect(value('enum', "Salle d'activité", { options: ['Salle d’activité'] })).toBe('Salle d’activité');
  });

  it('refuses what is not an option, with the options in the message', () => {
    const result = parseCellInput(column('enum', statuses), 'Peut-être', fr);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_in_list',
        params: { field: 'Champ', value: 'Peut-être', options: 'Demande, Option, Confirmée, Annulée' },
      },
    });
  });

  it('splits, checks and joins multiple choices', () => {
    const audiences = { options: ['Familles', 'Jeunes', 'Seniors'], multiple: true };
    expect(value('enum', 'jeunes; familles, Jeunes', audiences)).toBe('Jeunes, Familles');
    expect(value('enum', 'jeunes, ados', audiences)).toBe('error:not_in_list');
  });

  it('checks references against the labels the caller provides', () => {
    const ref = { ref: { sheet: 'spaces', column: 'name' } };
    const ctx: ParseContext = { ...fr, refLabels: () => ['Grande salle', 'Atelier bois'] };
    expect(value('ref', 'grande salle', ref, ctx)).toBe('Grande salle');
    expect(value('ref', 'Cave', ref, ctx)).toBe('error:unknown_reference');
    expect(value('ref', 'Cave', ref)).toBe('Cave');
  });

  it('checks every item of a multiple reference', () => {
    const ref = { ref: { sheet: 'structures', column: 'name' }, multiple: true };
    const ctx: ParseContext = { ...fr, refLabels: () => ['Les Amis', 'Café Solidaire'] };
    expect(value('ref', 'cafe solidaire, les amis', ref, ctx)).toBe('Café Solidaire, Les Amis');
    expect(value('ref', 'Les Amis, Inconnue', ref, ctx)).toBe('error:unknown_reference');
    const refused = parseCellInput(
      { key: 'partners', header: 'Partenaires', type: 'ref', ...ref },
      'Les Amis, Inconnue',
      ctx,
    );
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'unknown_reference',
        params: { field: 'Partenaires', value: 'Inconnue', target: 'structures' },
      },
    });
  });
});

describe('contacts and identifiers', () => {
  it.each([
    ['Camille.Dupont@Exemple.FR', 'Camille.Dupont@exemple.fr'],
    ['a+tiers-lieu@asso.org', 'a+tiers-lieu@asso.org'],
  ])('email %p → %p', (input, expected) => {
    expect(value('email', input)).toBe(expected);
  });

  it.each([
    'camille',
    'camille@',
    '@exemple.fr',
    'camille@exemple',
    'a b@exemple.fr',
    'a..b@exemple.fr',
    'a@-x.fr',
  ])('refuses the email %p', (input) => {
    expect(value('email', input)).toBe('error:invalid_email');
  });

  it('reads several e-mails', () => {
    expect(value('email', 'a@x.fr; b@y.org', { multiple: true })).toBe('a@x.fr, b@y.org');
    expect(value('email', 'a@x.fr, pas-un-mail', { multiple: true })).toBe('error:invalid_email');
  });

  it.each([
    ['01 23 45 67 89', '01 23 45 67 89'],
    ['0123456789', '01 23 45 67 89'],
    ['01.23.45.67.89', '01 23 45 67 89'],
    ['06-12-34-56-78', '06 12 34 56 78'],
    ['+33 6 12 34 56 78', '06 12 34 56 78'],
    ['+33 (0)1 23 45 67 89', '01 23 45 67 89'],
    ['0033 1 23 45 67 89', '01 23 45 67 89'],
    ['+262 262 12 34 56', '+262 262 12 34 56'],
    ['+32 2 123 45 67', '+32 2 123 45 67'],
  ])('phone %p → %p', (input, expected) => {
    expect(value('phone', input)).toBe(expected);
  });

  it.each(['12 34', '+0 23 45 67 89', '01 23 45 67 8', 'appeler Paul', '+33 1 23 45 67 89 00 11 22'])(
    'refuses the phone %p',
    (input) => {
      expect(value('phone', input)).toBe('error:invalid_phone');
    },
  );

  it.each([
    ['https://tiers-lieu.fr/agenda?x=1#a', 'https://tiers-lieu.fr/agenda?x=1#a'],
    ['www.tiers-lieu.fr', 'https://www.tiers-lieu.fr'],
    ['http://exemple.org', 'http://exemple.org'],
  ])('url %p → %p', (input, expected) => {
    expect(value('url', input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'file:///etc/passwd',
    'https://',
    'ftp://x.fr',
    'https://user:pw@x.fr',
    'un lien',
  ])('refuses the url %p', (input) => {
    expect(value('url', input)).toBe('error:invalid_url');
  });

  it('checks SIRET, RNA, postal codes and account numbers', () => {
    expect(value('text', '732 829 320 00074', { textRule: 'siret' })).toBe('73282932000074');
    expect(value('text', '73282932000075', { textRule: 'siret' })).toBe('error:invalid_siret');
    expect(value('text', '35600000000048', { textRule: 'siret' })).toBe('35600000000048');
    expect(value('text', '35600000000001', { textRule: 'siret' })).toBe('35600000000001');
    expect(value('text', '35600000000002', { textRule: 'siret' })).toBe('error:invalid_siret');
    expect(value('text', 'w751234567', { textRule: 'rna' })).toBe('W751234567');
    expect(value('text', 'W75123456', { textRule: 'rna' })).toBe('error:invalid_rna');
    expect(value('text', '01000', { textRule: 'postalCode' })).toBe('01000');
    expect(value('text', '1000', { textRule: 'postalCode' })).toBe('error:invalid_postal_code');
    expect(value('text', '6064', { textRule: 'accountNumber' })).toBe('6064');
    expect(value('text', '9', { textRule: 'accountNumber' })).toBe('error:invalid_account_number');
  });

  it('checks record ids', () => {
    expect(value('id', 'RES-0001')).toBe('RES-0001');
    expect(value('id', 'res-1')).toBe('error:invalid_id');
    expect(value('id', '=RES-1')).toBe('error:invalid_id');
  });
});

describe('text, emptiness, limits', () => {
  it('trims and otherwise keeps text exactly', () => {
    expect(value('text', '  Atelier vélo 🚲  ')).toBe('Atelier vélo 🚲');
    expect(value('text', 'مرحبا بكم في المكان')).toBe('مرحبا بكم في المكان');
    expect(value('longText', 'Ligne 1\nLigne 2\r\n\tindentée')).toBe('Ligne 1\nLigne 2\r\n\tindentée');
    expect(value('text', 'Ligne 1\nLigne 2')).toBe('error:line_break_not_allowed');
    expect(value('text', 42)).toBe('42');
  });

  it('gives null for empty input, or required', () => {
    for (const empty of [null, undefined, '', '   ', '\u00a0\t\n']) {
      expect(value('text', empty)).toBeNull();
      expect(value('money', empty, { required: true })).toBe('error:required');
    }
  });

  it('enforces maxLength and the cell limit', () => {
    expect(value('text', 'abcdef', { maxLength: 5 })).toBe('error:too_long');
    expect(value('longText', 'a'.repeat(49_999))).toHaveLength(49_999);
    const result = parseCellInput(column('longText'), 'a'.repeat(50_000), fr);
    expect(result).toEqual({
      ok: false,
      error: { code: 'too_long', params: { field: 'Champ', max: 49_999 } },
    });
  });

  it('refuses formula columns and odd types', () => {
    expect(value('formula', '=1+1')).toBe('error:read_only');
    expect(value('text', { toString: () => '=1' })).toBe('error:invalid_type');
    expect(value('text', ['a'])).toBe('error:invalid_type');
    expect(value('date', true)).toBe('error:invalid_type');
  });
});

describe('toSheetLiteral', () => {
  it('prefixes every non-empty string with an apostrophe', () => {
    expect(toSheetLiteral('Grande salle', column('text'))).toBe("'Grande salle");
    expect(toSheetLiteral('01 23 45 67 89', column('phone'))).toBe("'01 23 45 67 89");
    expect(toSheetLiteral("'déjà cité", column('text'))).toBe("''déjà cité");
  });

  it('keeps numbers and booleans, empties null', () => {
    expect(toSheetLiteral(1234.5, column('money'))).toBe(1234.5);
    expect(toSheetLiteral(false, column('boolean'))).toBe(false);
    expect(toSheetLiteral(null, column('text'))).toBe('');
  });

  it('marks dates, datetimes and times for the adapter', () => {
    expect(toSheetLiteral('2026-03-29', column('date'))).toEqual({ kind: 'date', iso: '2026-03-29' });
    expect(toSheetLiteral('2026-03-29T14:30', column('datetime'))).toEqual({
      kind: 'datetime',
      iso: '2026-03-29T14:30',
    });
    expect(toSheetLiteral('14:30', column('time'))).toEqual({ kind: 'time', iso: '14:30' });
    expect(toSheetLiteral('=1+1', column('date'))).toBe("'=1+1");
  });
});
