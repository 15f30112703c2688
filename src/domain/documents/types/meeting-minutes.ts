/** « Compte rendu de réunion » of one meeting of « Réunions »: agenda, participants, decisions, next steps. */
import type { DocumentInput, DocumentType } from '../catalog';
import {
  GENERATED_FIELDS,
  GENERATED_LINE,
  isoDate,
  subjectNotFound,
  subjectRecord,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
} from './common';

/** The lines of a long text (one item a line; a leading « - » or « • » dropped). */
export function linesOf(value: string, separators: RegExp = /\n/): string[] {
  return value
    .split(separators)
    .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((l) => l !== '');
}

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const m = subjectRecord(input, 'meetings', 'title');
  if (m === null) return subjectNotFound(input, 'Réunions');
  const date = isoDate(m, 'date');
  const item = (s: string) => ({ texte: s });
  return {
    ok: true,
    name: `Compte rendu — ${text(m, 'title')}${date ? ` du ${date.split('-').reverse().join('/')}` : ''}`,
    ...(date ? { year: Number(date.slice(0, 4)) } : {}),
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      reunion: {
        titre: text(m, 'title'),
        type: text(m, 'type'),
        date,
        heure: text(m, 'startTime') || null,
        espace: text(m, 'space') || null,
        prochaine: isoDate(m, 'nextMeeting'),
      },
      participants: linesOf(text(m, 'participants'), /[\n,;]/).map(item),
      ordreDuJour: linesOf(text(m, 'agenda'), /[\n;]/).map(item),
      decisions: linesOf(text(m, 'decisions'), /[\n;]/).map(item),
      suites: linesOf(text(m, 'nextSteps'), /[\n;]/).map(item),
    },
  };
}

const ITEMS = { list: { texte: 'text' } } as const;

export const meetingMinutes: DocumentType = {
  key: 'meetingMinutes',
  title: 'Compte rendu de réunion',
  titleEn: 'Meeting minutes',
  subject: 'meeting',
  sources: ['meetings'],
  settings: [...VENUE_SETTINGS],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    reunion: {
      object: { titre: 'text', type: 'text', date: 'date', heure: 'text', espace: 'text', prochaine: 'date' },
    },
    participants: ITEMS,
    ordreDuJour: ITEMS,
    decisions: ITEMS,
    suites: ITEMS,
  },
  template: [
    { kind: 'heading', level: 1, text: 'Compte rendu — {{reunion.titre}}' },
    ...VENUE_HEADER,
    {
      kind: 'paragraph',
      text: '{{reunion.type}}, le {{reunion.date|date longue}}{{#if reunion.heure}} à {{reunion.heure}}{{/if}}{{#if reunion.espace}} ({{reunion.espace}}){{/if}}.',
    },
    { kind: 'heading', level: 2, text: 'Participant·es' },
    {
      kind: 'paragraph',
      text: '{{#each participants}}{{texte}}{{#unless @dernier}}, {{/unless}}{{/each}}{{#unless participants}}Non renseigné.{{/unless}}',
    },
    { kind: 'heading', level: 2, text: 'Ordre du jour' },
    { kind: 'paragraph', text: '{{#each ordreDuJour}}' },
    { kind: 'listItem', level: 0, text: '{{@numero}}. {{texte}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'heading', level: 2, text: 'Décisions' },
    { kind: 'paragraph', text: '{{#each decisions}}' },
    { kind: 'listItem', level: 0, text: '{{texte}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{#unless decisions}}' },
    { kind: 'paragraph', text: 'Aucune décision consignée.' },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'heading', level: 2, text: 'Suites à donner' },
    { kind: 'paragraph', text: '{{#if suites}}' },
    {
      kind: 'table',
      rows: [
        ['N°', 'Qui fait quoi, pour quand'],
        ['{{#each suites}}{{@numero}}', '{{texte}}{{/each}}'],
      ],
    },
    { kind: 'paragraph', text: '{{else}}' },
    { kind: 'paragraph', text: 'Aucune suite consignée.' },
    { kind: 'paragraph', text: '{{/if}}' },
    { kind: 'paragraph', text: '{{#if reunion.prochaine}}' },
    { kind: 'paragraph', text: 'Prochaine réunion\u00a0: {{reunion.prochaine|date longue}}.' },
    { kind: 'paragraph', text: '{{/if}}' },
    GENERATED_LINE,
  ],
  build,
};
