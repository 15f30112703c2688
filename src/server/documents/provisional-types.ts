/**
 * A small document type standing in for the catalog of document models until it is in main:
 * the minutes of one meeting of « Réunions ». It follows the catalog's interface exactly, so
 * the service is exercised as the real types will exercise it.
 */
import type { DocumentType, DocRecord } from './document-type';

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export const provisionalMeetingMinutes: DocumentType = {
  key: 'meetingMinutes',
  title: 'Compte rendu de réunion',
  titleEn: 'Meeting minutes',
  subject: 'meeting',
  sources: ['meetings'],
  settings: ['venueName'],
  fields: {
    lieu: 'text',
    titre: 'text',
    date: 'date',
    participants: 'text',
    ordreDuJour: 'text',
    decisions: { list: { texte: 'text' }, label: 'décision' },
    prochaineReunion: 'date',
  },
  template: [
    { kind: 'heading', level: 1, text: 'Compte rendu — {{titre}}' },
    { kind: 'paragraph', text: '{{lieu}}, réunion du {{date|date longue}}' },
    { kind: 'heading', level: 2, text: 'Participant·es' },
    { kind: 'paragraph', text: '{{participants}}' },
    { kind: 'heading', level: 2, text: 'Ordre du jour' },
    { kind: 'paragraph', text: '{{ordreDuJour}}' },
    { kind: 'heading', level: 2, text: 'Décisions' },
    {
      kind: 'table',
      rows: [
        ['N°', 'Décision'],
        ['{{#each decisions}}{{@numero}}', '{{texte}}{{/each}}'],
      ],
    },
    {
      kind: 'paragraph',
      text: '{{#if prochaineReunion}}Prochaine réunion : {{prochaineReunion|date}}{{/if}}',
    },
  ],
  build(input) {
    const id = input.subject;
    const meeting: DocRecord | undefined = (input.records.meetings ?? []).find((m) => m.id === id);
    if (!meeting)
      return { ok: false, code: 'error.recordNotFound', params: { id: text(id), sheet: 'Réunions' } };
    const decisions = text(meeting.decisions)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((texte) => ({ texte }));
    return {
      ok: true,
      name: `Compte rendu — ${text(meeting.title)} (${text(meeting.date)})`,
      data: {
        lieu: text(input.settings.venueName),
        titre: text(meeting.title),
        date: text(meeting.date),
        participants: text(meeting.participants),
        ordreDuJour: text(meeting.agenda),
        decisions,
        prochaineReunion: meeting.nextMeeting === undefined ? null : (meeting.nextMeeting as string | null),
      },
    };
  },
};
