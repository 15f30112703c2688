/**
 * « Plan de communication » (issue 12): the year's publications of « Communication », by date,
 * with channel, audiences, status, owner and the action or event they announce; a planned
 * publication whose date has passed unpublished is marked late (the sheet's « overdue » rule).
 * The service shares the Doc read-only with « E-mail du service communication ».
 */
import type { DocumentInput, DocumentType } from '../catalog';
import {
  byDate,
  GENERATED_FIELDS,
  GENERATED_LINE,
  isoDate,
  recordsOf,
  subjectYear,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
} from './common';

/** Statuses after which a publication is no longer owed. */
const DONE = new Set(['Publiée', 'Annulée']);

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const year = subjectYear(input);
  const items = byDate(
    recordsOf(input, 'communication').filter((c) => (isoDate(c, 'date') ?? '').startsWith(String(year))),
    'date',
  ).map((c) => {
    const date = isoDate(c, 'date');
    const status = text(c, 'status');
    return {
      date,
      sujet: text(c, 'subject'),
      canal: text(c, 'channel'),
      publics: text(c, 'audiences'),
      statut: status,
      responsable: text(c, 'owner'),
      pour: text(c, 'event') || text(c, 'action'),
      lien: text(c, 'link'),
      enRetard: date !== null && date < input.today && !DONE.has(status),
    };
  });
  const undated = recordsOf(input, 'communication').filter((c) => isoDate(c, 'date') === null).length;
  return {
    ok: true,
    name: `Plan de communication ${year}`,
    year,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      annee: String(year),
      publications: items,
      publiees: items.filter((i) => i.statut === 'Publiée').length,
      aVenir: items.filter((i) => !DONE.has(i.statut) && !i.enRetard).length,
      enRetard: items.filter((i) => i.enRetard).length,
      sansDate: undated,
    },
  };
}

export const communicationPlan: DocumentType = {
  key: 'communicationPlan',
  title: 'Plan de communication',
  titleEn: 'Communication plan',
  subject: 'year',
  sources: ['communication'],
  settings: [...VENUE_SETTINGS],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    annee: 'text',
    publications: {
      list: {
        date: 'date',
        sujet: 'text',
        canal: 'text',
        publics: 'text',
        statut: 'text',
        responsable: 'text',
        pour: 'text',
        lien: 'text',
        enRetard: 'boolean',
      },
    },
    publiees: 'integer',
    aVenir: 'integer',
    enRetard: 'integer',
    sansDate: 'integer',
  },
  template: [
    { kind: 'heading', level: 1, text: 'Plan de communication {{annee}} — {{lieu.nom}}' },
    ...VENUE_HEADER,
    {
      kind: 'paragraph',
      text: 'Au {{dateDuJour}}\u00a0: {{publiees}} publication(s) faite(s), {{aVenir}} à venir, {{enRetard}} en retard.',
    },
    { kind: 'paragraph', text: '{{#unless publications}}' },
    {
      kind: 'paragraph',
      text: 'Aucune publication datée de {{annee}} dans la feuille «\u00a0Communication\u00a0».',
    },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'paragraph', text: '{{#if publications}}' },
    {
      kind: 'table',
      rows: [
        ['Date', 'Sujet', 'Canal', 'Publics', 'Pour', 'Responsable', 'Statut'],
        [
          '{{#each publications}}{{date}}',
          '{{sujet}}{{#if lien}} ({{lien}}){{/if}}',
          '{{canal}}',
          '{{publics}}',
          '{{pour}}',
          '{{responsable}}',
          '{{statut}}{{#if enRetard}} (en retard){{/if}}{{/each}}',
        ],
      ],
    },
    { kind: 'paragraph', text: '{{/if}}' },
    { kind: 'paragraph', text: '{{#if sansDate}}' },
    { kind: 'paragraph', text: '{{sansDate}} publication(s) sans date ne figurent pas dans ce plan.' },
    { kind: 'paragraph', text: '{{/if}}' },
    GENERATED_LINE,
  ],
  build,
};
