/**
 * « Évaluation » of a year: each objective with the indicators of its actions (target, actual,
 * achievement as « Indicateurs » computes it), the evidence behind each measure (its source),
 * and the summary the dashboard shows (measured, reached, mean achievement).
 */
import { achievement, indicatorStats } from '../../finance/activity';
import { yearOf } from '../../finance/records';
import type { DocumentInput, DocumentType } from '../catalog';
import {
  GENERATED_FIELDS,
  GENERATED_LINE,
  recordsOf,
  subjectYear,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
} from './common';

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const year = subjectYear(input);
  const actions = recordsOf(input, 'actions');
  const indicators = recordsOf(input, 'indicators').filter((i) => yearOf(i, 'periodEnd') === year);
  const stats = indicatorStats(recordsOf(input, 'indicators'), year);
  const objectives = recordsOf(input, 'objectives').map((o) => {
    const titles = actions
      .filter((a) => text(a, 'objective') === text(o, 'objective'))
      .map((a) => text(a, 'title'));
    return {
      axe: text(o, 'axis'),
      code: text(o, 'code'),
      titre: text(o, 'objective'),
      resultatAttendu: text(o, 'expectedOutcome'),
      statut: text(o, 'status'),
      indicateurs: indicators
        .filter((i) => titles.includes(text(i, 'action')))
        .map((i) => {
          const rate = achievement(i);
          return {
            nom: text(i, 'name'),
            action: text(i, 'action'),
            cible: typeof i.target === 'number' ? i.target : null,
            realise: typeof i.actual === 'number' ? i.actual : null,
            unite: text(i, 'unit'),
            taux: rate,
            atteint: rate !== null && rate >= 1,
            preuve: text(i, 'source') || 'source à préciser',
          };
        }),
    };
  });
  return {
    ok: true,
    name: `Évaluation ${year}`,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      annee: String(year),
      mesures: stats.measured,
      atteints: stats.reached,
      moyenne: stats.average,
      objectifs: objectives,
    },
  };
}

export const evaluation: DocumentType = {
  key: 'evaluation',
  title: 'Évaluation',
  titleEn: 'Evaluation',
  subject: 'year',
  sources: ['objectives', 'actions', 'indicators'],
  settings: [...VENUE_SETTINGS],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    annee: 'text',
    mesures: 'integer',
    atteints: 'integer',
    moyenne: 'percent',
    objectifs: {
      list: {
        axe: 'text',
        code: 'text',
        titre: 'text',
        resultatAttendu: 'text',
        statut: 'text',
        indicateurs: {
          list: {
            nom: 'text',
            action: 'text',
            cible: 'number',
            realise: 'number',
            unite: 'text',
            taux: 'percent',
            atteint: 'boolean',
            preuve: 'text',
          },
        },
      },
    },
  },
  template: [
    { kind: 'heading', level: 1, text: 'Évaluation {{annee}}' },
    ...VENUE_HEADER,
    {
      kind: 'paragraph',
      text: '{{mesures}} indicateurs mesurés, {{atteints}} atteints{{#if moyenne}}\u00a0; taux d’atteinte moyen\u00a0: {{moyenne}}{{/if}}.',
    },
    { kind: 'paragraph', text: '{{#each objectifs}}' },
    { kind: 'heading', level: 2, text: '{{#if code}}{{code}} — {{/if}}{{titre}}' },
    {
      kind: 'paragraph',
      text: 'Axe\u00a0: {{axe}}. Résultat attendu\u00a0: {{resultatAttendu}}. Statut\u00a0: {{statut}}.',
    },
    {
      kind: 'table',
      rows: [
        ['Indicateur', 'Action', 'Cible', 'Réalisé', 'Atteinte', 'Preuve (source)'],
        [
          '{{#each indicateurs}}{{nom}}',
          '{{action}}',
          '{{cible}} {{unite}}',
          '{{realise}}',
          '{{taux}}{{#if atteint}} ✓{{/if}}',
          '{{preuve}}{{/each}}',
        ],
      ],
    },
    { kind: 'paragraph', text: '{{/each}}' },
    GENERATED_LINE,
  ],
  build,
};
