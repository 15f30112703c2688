/**
 * « Registre de sécurité » export for the safety commission (/work/shared/reference/registre-securite-erp.md,
 * R. 143-44 CCH; fields of its § 6): the venue's ERP classification, every check with its date,
 * installation, inspector and their quality (approval number for an approved body), regulation,
 * result, observations and when they were lifted, and the next due date. A line whose text says
 * « à vérifier » stays marked so in the export, and so does every overdue check.
 */
import { nextCheckDue } from '../../finance/activity';
import type { DocRecord, DocumentInput, DocumentType } from '../catalog';
import {
  byDate,
  GENERATED_FIELDS,
  GENERATED_LINE,
  isoDate,
  recordsOf,
  settingText,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
  yearOfSubject,
} from './common';

const TEXT_KEYS = ['checkType', 'installation', 'inspector', 'approvalNumber', 'regulation', 'observations'];

/** Whether any text of the line carries « à vérifier » (accents and case ignored). */
export function toVerify(check: DocRecord): boolean {
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return TEXT_KEYS.some((k) => plain(text(check, k)).includes('a verifier'));
}

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const year = yearOfSubject(input);
  const checks = byDate(
    recordsOf(input, 'safetyChecks').filter(
      (c) => year === null || (isoDate(c, 'date') ?? '').startsWith(String(year)),
    ),
    'date',
  );
  const lines = checks.map((c) => {
    const due = nextCheckDue(c);
    return {
      date: isoDate(c, 'date'),
      verification: text(c, 'checkType'),
      installation: text(c, 'installation'),
      intervenant: text(c, 'inspector'),
      qualite: text(c, 'inspectorKind'),
      agrement: text(c, 'approvalNumber'),
      reference: text(c, 'regulation'),
      resultat: text(c, 'result'),
      observations: text(c, 'observations'),
      leveesLe: isoDate(c, 'observationsLiftedOn'),
      prochaine: due,
      enRetard: due !== null && due < input.today,
      aVerifier: toVerify(c),
    };
  });
  return {
    ok: true,
    name: year === null ? 'Registre de sécurité' : `Registre de sécurité ${year}`,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      periode: year === null ? 'toutes les années' : String(year),
      erp: {
        categorie: settingText(input, 'erpCategory'),
        type: settingText(input, 'erpType'),
        sommeil: settingText(input, 'sleepingQuarters'),
        surface: settingText(input, 'surface'),
      },
      verifications: lines,
      enRetard: lines
        .filter((l) => l.enRetard)
        .map((l) => ({ verification: l.verification, prochaine: l.prochaine })),
      aVerifier: lines.filter((l) => l.aVerifier).length,
    },
  };
}

export const safetyRegister: DocumentType = {
  key: 'safetyRegister',
  title: 'Registre de sécurité',
  titleEn: 'Safety register',
  subject: 'year',
  sources: ['safetyChecks'],
  settings: [...VENUE_SETTINGS, 'erpCategory', 'erpType', 'sleepingQuarters', 'surface'],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    periode: 'text',
    erp: { object: { categorie: 'text', type: 'text', sommeil: 'text', surface: 'text' } },
    verifications: {
      list: {
        date: 'date',
        verification: 'text',
        installation: 'text',
        intervenant: 'text',
        qualite: 'text',
        agrement: 'text',
        reference: 'text',
        resultat: 'text',
        observations: 'text',
        leveesLe: 'date',
        prochaine: 'date',
        enRetard: 'boolean',
        aVerifier: 'boolean',
      },
    },
    enRetard: { list: { verification: 'text', prochaine: 'date' } },
    aVerifier: 'integer',
  },
  template: [
    { kind: 'heading', level: 1, text: 'Registre de sécurité — {{lieu.nom}}' },
    ...VENUE_HEADER,
    {
      kind: 'paragraph',
      text: 'Établissement recevant du public\u00a0: {{erp.categorie}}, type {{erp.type}}\u00a0; locaux à sommeil\u00a0: {{erp.sommeil}}\u00a0; surface\u00a0: {{erp.surface}}\u00a0m². Article R.\u00a0143-44 du code de la construction et de l’habitation.',
    },
    { kind: 'paragraph', text: 'Vérifications et contrôles ({{periode}})\u00a0:' },
    {
      kind: 'table',
      rows: [
        [
          'Date',
          'Vérification',
          'Installation',
          'Intervenant (qualité, agrément)',
          'Référence',
          'Résultat et observations',
          'Levée le',
          'Prochaine échéance',
        ],
        [
          '{{#each verifications}}{{date}}',
          '{{verification}}{{#if aVerifier}} [à vérifier]{{/if}}',
          '{{installation}}',
          '{{intervenant}} ({{qualite}}{{#if agrement}}, n°\u00a0{{agrement}}{{/if}})',
          '{{reference}}',
          '{{resultat}}{{#if observations}}\u00a0: {{observations}}{{/if}}',
          '{{leveesLe}}',
          '{{prochaine}}{{#if enRetard}} (en retard){{/if}}{{/each}}',
        ],
      ],
    },
    { kind: 'heading', level: 2, text: 'Vérifications en retard' },
    { kind: 'paragraph', text: '{{#unless enRetard}}' },
    { kind: 'paragraph', text: 'Aucune vérification en retard au {{dateDuJour}}.' },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'paragraph', text: '{{#each enRetard}}' },
    { kind: 'listItem', level: 0, text: '{{verification}} — échéance dépassée depuis le {{prochaine}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{#if aVerifier}}' },
    {
      kind: 'paragraph',
      text: '{{aVerifier}} ligne(s) portent la mention «\u00a0à vérifier\u00a0»\u00a0: à confirmer avant la visite de la commission.',
    },
    { kind: 'paragraph', text: '{{/if}}' },
    GENERATED_LINE,
  ],
  build,
};
