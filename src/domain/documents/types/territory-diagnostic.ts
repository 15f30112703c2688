/** « Diagnostic de territoire » from « Diagnostic »: needs, SWOT (forces, faiblesses, opportunités, menaces), stakeholders. */
import type { DocRecord, DocumentInput, DocumentType } from '../catalog';
import {
  byDate,
  GENERATED_FIELDS,
  GENERATED_LINE,
  recordsOf,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
} from './common';

const LEVEL_RANK: Readonly<Record<string, number>> = { Fort: 0, Moyen: 1, Faible: 2 };
const rank = (r: DocRecord, key: string) => LEVEL_RANK[text(r, key)] ?? 3;

const entry = (r: DocRecord) => ({
  titre: text(r, 'title'),
  description: text(r, 'description'),
  source: text(r, 'source'),
  date: text(r, 'collectedOn') || null,
  priorite: text(r, 'priority'),
  action: text(r, 'action'),
  structure: text(r, 'structure'),
  influence: text(r, 'influence'),
  interet: text(r, 'interest'),
});

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const all = byDate(recordsOf(input, 'diagnostic'), 'collectedOn');
  const of = (kind: string) => all.filter((r) => text(r, 'kind') === kind);
  return {
    ok: true,
    name: 'Diagnostic de territoire',
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      besoins: of('Besoin')
        .sort((a, b) => rank(a, 'priority') - rank(b, 'priority'))
        .map(entry),
      forces: of('Force').map(entry),
      faiblesses: of('Faiblesse').map(entry),
      opportunites: of('Opportunité').map(entry),
      menaces: of('Menace').map(entry),
      partiesPrenantes: of('Partie prenante')
        .sort(
          (a, b) => rank(a, 'influence') - rank(b, 'influence') || rank(a, 'interest') - rank(b, 'interest'),
        )
        .map(entry),
    },
  };
}

const ENTRY = {
  list: {
    titre: 'text',
    description: 'text',
    source: 'text',
    date: 'date',
    priorite: 'text',
    action: 'text',
    structure: 'text',
    influence: 'text',
    interet: 'text',
  },
} as const;

const swot = (title: string, list: string) => [
  { kind: 'heading', level: 3, text: title } as const,
  { kind: 'paragraph', text: `{{#each ${list}}}` } as const,
  { kind: 'listItem', level: 0, text: '{{titre}}{{#if description}}\u00a0: {{description}}{{/if}}' } as const,
  { kind: 'paragraph', text: '{{/each}}' } as const,
  { kind: 'paragraph', text: `{{#unless ${list}}}` } as const,
  { kind: 'paragraph', text: 'Rien de relevé.' } as const,
  { kind: 'paragraph', text: '{{/unless}}' } as const,
];

export const territoryDiagnostic: DocumentType = {
  key: 'territoryDiagnostic',
  title: 'Diagnostic de territoire',
  titleEn: 'Territory diagnostic',
  subject: 'none',
  sources: ['diagnostic'],
  settings: [...VENUE_SETTINGS],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    besoins: ENTRY,
    forces: ENTRY,
    faiblesses: ENTRY,
    opportunites: ENTRY,
    menaces: ENTRY,
    partiesPrenantes: ENTRY,
  },
  template: [
    { kind: 'heading', level: 1, text: 'Diagnostic de territoire — {{lieu.nom}}' },
    ...VENUE_HEADER,
    { kind: 'heading', level: 2, text: 'Les besoins du territoire' },
    {
      kind: 'table',
      rows: [
        ['Besoin', 'Priorité', 'Source', 'Action qui y répond'],
        [
          '{{#each besoins}}{{titre}}',
          '{{priorite}}',
          '{{source}}{{#if date}} ({{date}}){{/if}}',
          '{{#if action}}{{action}}{{else}}aucune pour l’instant{{/if}}{{/each}}',
        ],
      ],
    },
    { kind: 'heading', level: 2, text: 'Forces, faiblesses, opportunités, menaces' },
    ...swot('Forces', 'forces'),
    ...swot('Faiblesses', 'faiblesses'),
    ...swot('Opportunités', 'opportunites'),
    ...swot('Menaces', 'menaces'),
    { kind: 'heading', level: 2, text: 'Les parties prenantes' },
    {
      kind: 'table',
      rows: [
        ['Partie prenante', 'Structure', 'Influence', 'Intérêt pour le projet'],
        ['{{#each partiesPrenantes}}{{titre}}', '{{structure}}', '{{influence}}', '{{interet}}{{/each}}'],
      ],
    },
    GENERATED_LINE,
  ],
  build,
};
