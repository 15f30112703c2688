/** What the document types share: reading records and settings, the subject, the venue's identification. */
import { cents, isoDate, num, text } from '../../finance/records';
import type { CellValue } from '../../value-types';
import type { DefaultTemplateBlock, DocRecord, DocumentInput } from '../catalog';
import type { FieldSpecs, TemplateData } from '../template';

export { cents, isoDate, num, text };

/** The records of a schema sheet ([] when the service gave none). */
export const recordsOf = (input: DocumentInput, sheet: string): readonly DocRecord[] =>
  input.records[sheet] ?? [];

/** A setting as text ('' when empty); numbers and booleans as the sheet shows them. */
export function settingText(input: DocumentInput, key: string): string {
  const v: CellValue | undefined = input.settings[key];
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  return String(v).trim();
}

/** A numeric setting, or `fallback` when empty or not a number. */
export function settingNumber(input: DocumentInput, key: string, fallback: number): number {
  const v = input.settings[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** The year the user chose, else the year of today. */
export function subjectYear(input: DocumentInput): number {
  return typeof input.subject === 'number' ? input.subject : Number(input.today.slice(0, 4));
}

/** The period the user chose; a year stands for its calendar year; by default the year of today. */
export function subjectPeriod(input: DocumentInput): { from: string; to: string } {
  const s = input.subject;
  if (s !== null && typeof s === 'object') return { from: s.from, to: s.to };
  const year = subjectYear(input);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The record the user chose: by its id, else by its label (`labelKey`); null when none. */
export function subjectRecord(input: DocumentInput, sheet: string, labelKey: string): DocRecord | null {
  if (typeof input.subject !== 'string' || input.subject.trim() === '') return null;
  const wanted = input.subject.trim();
  const records = recordsOf(input, sheet);
  return (
    records.find((r) => text(r, 'id') === wanted) ?? records.find((r) => text(r, labelKey) === wanted) ?? null
  );
}

/**
 * Why no subject record was found: none chosen (« choose the record ») or one that is not in its
 * sheet any more (« no longer exists », naming it).
 */
export function subjectNotFound(
  input: DocumentInput,
  sheetName: string,
): { ok: false; code: string; params: Record<string, string> } {
  const wanted = typeof input.subject === 'string' ? input.subject.trim() : '';
  return wanted === ''
    ? { ok: false, code: 'document.subjectMissing', params: { sheet: sheetName } }
    : { ok: false, code: 'error.recordNotFound', params: { id: wanted, sheet: sheetName } };
}

/** Values of a multiple field (`Partenaire, Financeur`), trimmed, without empties. */
export function multiple(record: DocRecord, key: string): string[] {
  return text(record, key)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Whether an ISO date field lies within [from, to]. */
export function within(record: DocRecord, key: string, from: string, to: string): boolean {
  const d = isoDate(record, key);
  return d !== null && d >= from && d <= to;
}

/** Sorted by an ISO date field, undated last, stable. */
export function byDate(records: readonly DocRecord[], key: string): DocRecord[] {
  return [...records].sort((a, b) => (isoDate(a, key) ?? '9999').localeCompare(isoDate(b, key) ?? '9999'));
}

/** A text or null when empty (templates test it with `{{#if …}}`). */
export const orNull = (s: string): string | null => (s === '' ? null : s);

/** The fields of the venue's identification (« Paramètres du lieu »). */
export const VENUE_FIELDS: FieldSpecs = {
  lieu: {
    object: {
      nom: 'text',
      structure: 'text',
      entete: 'text',
      adresse: 'text',
      adresseComplete: 'text',
      codePostal: 'text',
      commune: 'text',
      formeJuridique: 'text',
      siret: 'text',
      rna: 'text',
      email: 'text',
      telephone: 'text',
      site: 'text',
    },
  },
};

export const VENUE_SETTINGS = [
  'venueName',
  'organisationName',
  'address',
  'postalCode',
  'city',
  'legalForm',
  'siret',
  'rna',
  'email',
  'phone',
  'website',
] as const;

export function venueData(input: DocumentInput): TemplateData {
  const s = (key: string) => settingText(input, key);
  const structure = s('organisationName') || s('venueName');
  const town = [s('postalCode'), s('city')].filter((p) => p !== '').join(' ');
  return {
    lieu: {
      nom: s('venueName'),
      structure,
      // « Structure — Lieu », without the dash when one is missing or both are the same.
      entete: [...new Set([structure, s('venueName')])].filter((p) => p !== '').join(' — '),
      adresse: s('address'),
      // « 12 rue…, 69007 Lyon », without a stray comma when a part is missing.
      adresseComplete: [s('address'), town].filter((p) => p !== '').join(', '),
      codePostal: s('postalCode'),
      commune: s('city'),
      formeJuridique: s('legalForm'),
      siret: s('siret'),
      rna: s('rna'),
      email: s('email'),
      telephone: s('phone'),
      site: s('website'),
    },
  };
}

/** The header every document opens with: the venue and its address. */
export const VENUE_HEADER: readonly DefaultTemplateBlock[] = [
  // Markers alone in their paragraph: a venue without a name or address gets no empty line.
  { kind: 'paragraph', text: '{{#if lieu.entete}}' },
  { kind: 'paragraph', text: '{{lieu.entete}}' },
  { kind: 'paragraph', text: '{{/if}}' },
  { kind: 'paragraph', text: '{{#if lieu.adresseComplete}}' },
  { kind: 'paragraph', text: '{{lieu.adresseComplete}}' },
  { kind: 'paragraph', text: '{{/if}}' },
];

/** The generation date line. */
export const GENERATED_LINE: DefaultTemplateBlock = {
  kind: 'paragraph',
  text: 'Document produit par Pilote le {{dateDuJour|date longue}} à partir du classeur.',
};

export const GENERATED_FIELDS: FieldSpecs = { dateDuJour: 'date' };

/** Sum to the cent. */
export const sum = (values: readonly number[]): number => cents(values.reduce((s, v) => s + v, 0));

/** The year the user chose, or null for « every year » (no subject). */
export function yearOfSubject(input: DocumentInput): number | null {
  return typeof input.subject === 'number' ? input.subject : null;
}
