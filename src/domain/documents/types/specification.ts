/**
 * « Cahier des charges » of one action: context (the venue, the axis and the needs of
 * « Diagnostic » the action answers), objectives, needs, constraints, deliverables (the action's
 * indicators and their targets), timeline (its dates and events), budget (its forecast by CERFA line).
 */
import type { DocumentInput, DocumentType } from '../catalog';
import { cerfaBudget } from './cerfa-budget';
import { budgetYearOf } from './grant-request';
import {
  byDate,
  GENERATED_FIELDS,
  GENERATED_LINE,
  isoDate,
  multiple,
  num,
  recordsOf,
  subjectNotFound,
  subjectRecord,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
} from './common';

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const action = subjectRecord(input, 'actions', 'title');
  if (action === null) return subjectNotFound(input, 'Actions');
  const title = text(action, 'title');
  const objective = recordsOf(input, 'objectives').find(
    (o) => text(o, 'objective') === text(action, 'objective'),
  );
  const ofAction = recordsOf(input, 'budget').filter((l) => text(l, 'action') === title);
  const year = budgetYearOf(ofAction, input.today);
  const budget = cerfaBudget(
    ofAction.filter((l) => num(l, 'year') === year),
    title,
    recordsOf(input, 'grants'),
    recordsOf(input, 'structures'),
  );
  const diagnostic = recordsOf(input, 'diagnostic').filter((d) => text(d, 'action') === title);
  return {
    ok: true,
    name: `Cahier des charges — ${title}`,
    ...(isoDate(action, 'startDate') ? { year: Number(isoDate(action, 'startDate')?.slice(0, 4)) } : {}),
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      action: {
        titre: title,
        axe: text(action, 'axis'),
        objectif: text(action, 'objective'),
        description: text(action, 'description'),
        publics: text(action, 'targetAudience'),
        pilote: text(action, 'lead'),
        debut: isoDate(action, 'startDate'),
        fin: isoDate(action, 'endDate'),
      },
      resultatAttendu: text(objective ?? {}, 'expectedOutcome'),
      besoins: diagnostic
        .filter((d) => text(d, 'kind') === 'Besoin')
        .map((d) => ({ titre: text(d, 'title'), description: text(d, 'description') })),
      contraintes: diagnostic
        .filter((d) => text(d, 'kind') === 'Menace' || text(d, 'kind') === 'Faiblesse')
        .map((d) => ({ titre: text(d, 'title'), description: text(d, 'description') })),
      livrables: recordsOf(input, 'indicators')
        .filter((i) => text(i, 'action') === title)
        .map((i) => ({
          nom: text(i, 'name'),
          cible: typeof i.target === 'number' ? i.target : null,
          unite: text(i, 'unit'),
          echeance: isoDate(i, 'periodEnd'),
        })),
      calendrier: byDate(
        recordsOf(input, 'events').filter((e) => text(e, 'action') === title),
        'date',
      ).map((e) => ({
        date: isoDate(e, 'date'),
        titre: text(e, 'title'),
      })),
      partenaires: multiple(action, 'partners').map((nom) => ({ nom })),
      exercice: year === null ? null : String(year),
      charges: budget.charges.filter((l) => l.montant !== 0),
      totalCharges: budget.totalCharges,
      totalProduits: budget.totalProduits,
    },
  };
}

const ITEMS = { list: { titre: 'text', description: 'text' } } as const;

export const specification: DocumentType = {
  key: 'specification',
  title: 'Cahier des charges',
  titleEn: 'Specification',
  subject: 'action',
  sources: ['actions', 'objectives', 'budget', 'grants', 'structures', 'diagnostic', 'indicators', 'events'],
  settings: [...VENUE_SETTINGS],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    action: {
      object: {
        titre: 'text',
        axe: 'text',
        objectif: 'text',
        description: 'text',
        publics: 'text',
        pilote: 'text',
        debut: 'date',
        fin: 'date',
      },
    },
    resultatAttendu: 'text',
    besoins: ITEMS,
    contraintes: ITEMS,
    livrables: { list: { nom: 'text', cible: 'number', unite: 'text', echeance: 'date' } },
    calendrier: { list: { date: 'date', titre: 'text' } },
    partenaires: { list: { nom: 'text' } },
    exercice: 'text',
    charges: { list: { ligne: 'text', montant: 'money' } },
    totalCharges: 'money',
    totalProduits: 'money',
  },
  template: [
    { kind: 'heading', level: 1, text: 'Cahier des charges — {{action.titre}}' },
    ...VENUE_HEADER,
    { kind: 'heading', level: 2, text: '1. Contexte' },
    {
      kind: 'paragraph',
      text: '{{lieu.nom}} porte l’action «\u00a0{{action.titre}}\u00a0» dans le cadre de son axe «\u00a0{{action.axe}}\u00a0». {{action.description}}',
    },
    { kind: 'paragraph', text: 'Publics visés\u00a0: {{action.publics}}. Pilote\u00a0: {{action.pilote}}.' },
    { kind: 'heading', level: 2, text: '2. Objectifs' },
    {
      kind: 'paragraph',
      text: '{{action.objectif}}{{#if resultatAttendu}} — résultat attendu\u00a0: {{resultatAttendu}}{{/if}}',
    },
    { kind: 'heading', level: 2, text: '3. Besoins' },
    { kind: 'paragraph', text: '{{#each besoins}}' },
    { kind: 'listItem', level: 0, text: '{{titre}}{{#if description}}\u00a0: {{description}}{{/if}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{#unless besoins}}' },
    { kind: 'paragraph', text: 'À compléter (aucun besoin du diagnostic rattaché à l’action).' },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'heading', level: 2, text: '4. Contraintes' },
    { kind: 'paragraph', text: '{{#each contraintes}}' },
    { kind: 'listItem', level: 0, text: '{{titre}}{{#if description}}\u00a0: {{description}}{{/if}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    {
      kind: 'paragraph',
      text: 'Budget\u00a0: {{totalCharges}} de charges prévues{{#if exercice}} en {{exercice}}{{/if}}. Autres contraintes (réglementaires, techniques, d’accès)\u00a0: à compléter.',
    },
    { kind: 'heading', level: 2, text: '5. Livrables attendus' },
    {
      kind: 'table',
      rows: [
        ['Livrable ou résultat', 'Cible', 'Échéance'],
        ['{{#each livrables}}{{nom}}', '{{cible}} {{unite}}', '{{echeance}}{{/each}}'],
      ],
    },
    { kind: 'heading', level: 2, text: '6. Calendrier' },
    {
      kind: 'paragraph',
      text: '{{#if action.debut}}Du {{action.debut|date longue}}{{/if}}{{#if action.fin}} au {{action.fin|date longue}}{{/if}}.',
    },
    {
      kind: 'table',
      rows: [
        ['Date', 'Étape ou événement'],
        ['{{#each calendrier}}{{date}}', '{{titre}}{{/each}}'],
      ],
    },
    { kind: 'heading', level: 2, text: '7. Budget' },
    {
      kind: 'table',
      rows: [
        ['Poste (CERFA 12156)', 'Montant prévu'],
        ['{{#each charges}}{{ligne}}', '{{montant}}{{/each}}'],
        ['Total des charges', '{{totalCharges}}'],
        ['Total des produits', '{{totalProduits}}'],
      ],
    },
    {
      kind: 'paragraph',
      text: 'Partenaires\u00a0: {{#each partenaires}}{{nom}}{{#unless @dernier}}, {{/unless}}{{/each}}{{#unless partenaires}}à identifier{{/unless}}.',
    },
    GENERATED_LINE,
  ],
  build,
};
