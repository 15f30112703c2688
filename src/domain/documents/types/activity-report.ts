/**
 * « Rapport d’activités » of a year, for the board and the general assembly: key figures (the
 * dashboard's, computed by the same src/domain/finance functions), actions and indicators by axis
 * and objective, events, partnerships, finances (budget vs actual, in-kind), outlook.
 */
import { achievement, eventStats, indicatorStats, volunteerHours } from '../../finance/activity';
import { actualTotals, balance, executionRate, forecastTotals } from '../../finance/budget';
import { grantTotals } from '../../finance/grants';
import { freePremisesTotal, volunteerValueBetween } from '../../finance/in-kind';
import { bookingHoursIn, occupancyBySpace, overallOccupancy } from '../../finance/occupancy';
import { yearOf } from '../../finance/records';
import type { DocRecord, DocumentInput, DocumentType } from '../catalog';
import {
  byDate,
  cents,
  GENERATED_FIELDS,
  GENERATED_LINE,
  multiple,
  num,
  recordsOf,
  settingNumber,
  subjectYear,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
} from './common';

/** The key figures of a year, as the dashboard computes them for the whole year. */
export function keyFigures(input: DocumentInput, year: number) {
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const hours = recordsOf(input, 'volunteerHours');
  const spaces = recordsOf(input, 'spaces');
  const bookings = recordsOf(input, 'bookings');
  const events = eventStats(recordsOf(input, 'events'), year);
  const occupancy = occupancyBySpace(spaces, bookings, period);
  const weekly = new Map(spaces.map((s) => [text(s, 'name'), num(s, 'weeklyHours')]));
  const confirmed = bookings.filter(
    (b) => (bookingHoursIn(b, weekly.get(text(b, 'space')) ?? 0, period) ?? 0) > 0,
  );
  const volunteers = new Set(
    hours.filter((h) => yearOf(h, 'date') === year).map((h) => text(h, 'volunteer')),
  );
  volunteers.delete('');
  const rate = settingNumber(input, 'volunteerHourlyValue', 0);
  return {
    frequentation: events.attendance,
    evenements: events.count,
    reservations: confirmed.length,
    heuresReservees: [...occupancy.values()].reduce((n, s) => n + Math.max(s.hours, 0), 0),
    occupation: overallOccupancy(occupancy, period),
    benevoles: volunteers.size,
    heuresBenevoles: volunteerHours(hours, year),
    valorisationBenevolat: volunteerValueBetween(
      hours,
      recordsOf(input, 'volunteerRates'),
      rate,
      period.start,
      period.end,
    ),
    partenaires: recordsOf(input, 'structures').filter((s) => multiple(s, 'relations').includes('Partenaire'))
      .length,
    residentes: recordsOf(input, 'structures').filter((s) => multiple(s, 'relations').includes('Résidente'))
      .length,
  };
}

/** Budget vs actual of the year and the in-kind contributions, as the dashboard's finance block. */
export function financeFigures(input: DocumentInput, year: number) {
  const forecast = forecastTotals(recordsOf(input, 'budget'), year);
  const actual = actualTotals(recordsOf(input, 'operations'), year);
  const rate = settingNumber(input, 'volunteerHourlyValue', 0);
  const volunteering = volunteerValueBetween(
    recordsOf(input, 'volunteerHours'),
    recordsOf(input, 'volunteerRates'),
    rate,
    `${year}-01-01`,
    `${year}-12-31`,
  );
  const premises = freePremisesTotal(recordsOf(input, 'structures'), year);
  const grants = grantTotals(recordsOf(input, 'grants'), year);
  return {
    chargesPrevues: forecast.charges,
    chargesRealisees: actual.charges,
    produitsPrevus: forecast.products,
    produitsRealises: actual.products,
    tauxCharges: executionRate(actual.charges, forecast.charges),
    tauxProduits: executionRate(actual.products, forecast.products),
    resultatPrevu: balance(forecast),
    resultatRealise: balance(actual),
    contributionsPrevues: forecast.inKindUses,
    benevolat: volunteering,
    locaux: premises,
    autresContributions: actual.inKindUses,
    contributionsRealisees: cents(actual.inKindUses + volunteering + premises),
    subventionsDemandees: grants.requested,
    subventionsAccordees: grants.granted,
    subventionsRecues: grants.received,
  };
}

const percentOrNull = (r: DocRecord) => achievement(r);

/** Axes → objectives → actions, with the indicators of each action measured in the year. */
export function axesOf(input: DocumentInput, year: number) {
  const objectives = recordsOf(input, 'objectives');
  const actions = recordsOf(input, 'actions');
  const indicators = recordsOf(input, 'indicators');
  const axes: string[] = [];
  for (const o of objectives) if (!axes.includes(text(o, 'axis'))) axes.push(text(o, 'axis'));
  for (const a of actions)
    if (text(a, 'axis') !== '' && !axes.includes(text(a, 'axis'))) axes.push(text(a, 'axis'));
  const actionData = (a: DocRecord) => ({
    titre: text(a, 'title'),
    statut: text(a, 'status'),
    avancement: typeof a.progress === 'number' ? a.progress : null,
    description: text(a, 'description'),
    indicateurs: indicators
      .filter((i) => text(i, 'action') === text(a, 'title') && (yearOf(i, 'periodEnd') ?? year) === year)
      .map((i) => ({
        nom: text(i, 'name'),
        cible: typeof i.target === 'number' ? i.target : null,
        realise: typeof i.actual === 'number' ? i.actual : null,
        mesure: typeof i.actual === 'number',
        unite: text(i, 'unit'),
        taux: percentOrNull(i),
      })),
  });
  return axes.map((axis) => {
    const ofAxis = objectives.filter((o) => text(o, 'axis') === axis);
    const objectiveTitles = ofAxis.map((o) => text(o, 'objective'));
    const loose = actions.filter(
      (a) => text(a, 'axis') === axis && !objectiveTitles.includes(text(a, 'objective')),
    );
    return {
      titre: axis,
      objectifs: [
        ...ofAxis.map((o) => ({
          titre: text(o, 'objective'),
          code: text(o, 'code'),
          actions: actions.filter((a) => text(a, 'objective') === text(o, 'objective')).map(actionData),
        })),
        ...(loose.length > 0
          ? [{ titre: 'Sans objectif rattaché', code: '', actions: loose.map(actionData) }]
          : []),
      ],
    };
  });
}

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const year = subjectYear(input);
  const events = byDate(
    recordsOf(input, 'events').filter((e) => yearOf(e, 'date') === year),
    'date',
  ).map((e) => ({
    date: text(e, 'date'),
    titre: text(e, 'title'),
    espace: text(e, 'space'),
    participation: typeof e.attendance === 'number' ? e.attendance : null,
  }));
  const partners = recordsOf(input, 'structures')
    .filter((s) =>
      multiple(s, 'relations').some((r) => r === 'Partenaire' || r === 'Financeur' || r === 'Résidente'),
    )
    .map((s) => ({
      nom: text(s, 'name'),
      type: text(s, 'kind'),
      relations: multiple(s, 'relations').join(', '),
    }));
  const indicators = indicatorStats(recordsOf(input, 'indicators'), year);
  const outlook = recordsOf(input, 'actions')
    .filter((a) => {
      const status = text(a, 'status');
      const end = text(a, 'endDate');
      return (
        status === 'Idée' || status === 'En préparation' || (status === 'En cours' && end > `${year}-12-31`)
      );
    })
    .map((a) => ({
      titre: text(a, 'title'),
      statut: text(a, 'status'),
      debut: text(a, 'startDate') || null,
    }));
  return {
    ok: true,
    name: `Rapport d’activités ${year}`,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      annee: String(year),
      chiffres: keyFigures(input, year),
      indicateursMesures: indicators.measured,
      indicateursAtteints: indicators.reached,
      atteinteMoyenne: indicators.average,
      axes: axesOf(input, year),
      evenements: events,
      partenariats: partners,
      finances: financeFigures(input, year),
      perspectives: outlook,
    },
  };
}

export const FINANCE_FIELDS = {
  object: {
    chargesPrevues: 'money',
    chargesRealisees: 'money',
    produitsPrevus: 'money',
    produitsRealises: 'money',
    tauxCharges: 'percent',
    tauxProduits: 'percent',
    resultatPrevu: 'money',
    resultatRealise: 'money',
    contributionsPrevues: 'money',
    benevolat: 'money',
    locaux: 'money',
    autresContributions: 'money',
    contributionsRealisees: 'money',
    subventionsDemandees: 'money',
    subventionsAccordees: 'money',
    subventionsRecues: 'money',
  },
} as const;

export const AXES_FIELDS = {
  list: {
    titre: 'text',
    objectifs: {
      list: {
        titre: 'text',
        code: 'text',
        actions: {
          list: {
            titre: 'text',
            statut: 'text',
            avancement: 'percent',
            description: 'text',
            indicateurs: {
              list: {
                nom: 'text',
                cible: 'number',
                realise: 'number',
                mesure: 'boolean',
                unite: 'text',
                taux: 'percent',
              },
            },
          },
        },
      },
    },
  },
} as const;

export const activityReport: DocumentType = {
  key: 'activityReport',
  title: 'Rapport d’activités',
  titleEn: 'Activity report',
  subject: 'year',
  sources: [
    'objectives',
    'actions',
    'indicators',
    'events',
    'bookings',
    'spaces',
    'structures',
    'volunteerHours',
    'volunteerRates',
    'budget',
    'operations',
    'grants',
  ],
  settings: [...VENUE_SETTINGS, 'volunteerHourlyValue'],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    annee: 'text',
    chiffres: {
      object: {
        frequentation: 'integer',
        evenements: 'integer',
        reservations: 'integer',
        heuresReservees: 'number',
        occupation: 'percent',
        benevoles: 'integer',
        heuresBenevoles: 'number',
        valorisationBenevolat: 'money',
        partenaires: 'integer',
        residentes: 'integer',
      },
    },
    indicateursMesures: 'integer',
    indicateursAtteints: 'integer',
    atteinteMoyenne: 'percent',
    axes: AXES_FIELDS,
    evenements: { list: { date: 'date', titre: 'text', espace: 'text', participation: 'integer' } },
    partenariats: { list: { nom: 'text', type: 'text', relations: 'text' } },
    finances: FINANCE_FIELDS,
    perspectives: { list: { titre: 'text', statut: 'text', debut: 'date' } },
  },
  template: [
    { kind: 'heading', level: 1, text: 'Rapport d’activités {{annee}}' },
    ...VENUE_HEADER,
    { kind: 'heading', level: 2, text: 'L’année en chiffres' },
    {
      kind: 'table',
      rows: [
        ['Indicateur', 'Valeur'],
        ['Participation aux événements', '{{chiffres.frequentation}} personnes'],
        ['Événements', '{{chiffres.evenements}}'],
        ['Réservations confirmées', '{{chiffres.reservations}}'],
        ['Heures réservées', '{{chiffres.heuresReservees|nombre}}\u00a0h'],
        ['Taux d’occupation des espaces', '{{chiffres.occupation}}'],
        ['Bénévoles engagé·es', '{{chiffres.benevoles}}'],
        ['Heures de bénévolat', '{{chiffres.heuresBenevoles|nombre}}\u00a0h'],
        ['Valorisation du bénévolat', '{{chiffres.valorisationBenevolat}}'],
        ['Structures partenaires', '{{chiffres.partenaires}}'],
        ['Structures résidentes', '{{chiffres.residentes}}'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Le projet\u00a0: actions et indicateurs' },
    {
      kind: 'paragraph',
      text: '{{indicateursMesures}} indicateurs mesurés, {{indicateursAtteints}} atteints{{#if atteinteMoyenne}}, taux d’atteinte moyen {{atteinteMoyenne}}{{/if}}.',
    },
    { kind: 'paragraph', text: '{{#each axes}}' },
    { kind: 'heading', level: 3, text: 'Axe {{@numero}}\u00a0: {{titre}}' },
    { kind: 'paragraph', text: '{{#each objectifs}}' },
    { kind: 'listItem', level: 0, text: '{{#if code}}{{code}} — {{/if}}{{titre}}' },
    { kind: 'paragraph', text: '{{#each actions}}' },
    { kind: 'listItem', level: 1, text: '{{titre}} ({{statut}}{{#if avancement}}, {{avancement}}{{/if}})' },
    { kind: 'paragraph', text: '{{#each indicateurs}}' },
    {
      kind: 'listItem',
      level: 2,
      text: '{{nom}}\u00a0: {{#if mesure}}{{realise|nombre}}{{else}}non mesuré{{/if}}{{#if cible}} sur {{cible|nombre}}{{/if}} {{unite}}{{#if taux}} ({{taux}}){{/if}}',
    },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'heading', level: 2, text: 'Les événements' },
    {
      kind: 'table',
      rows: [
        ['Date', 'Événement', 'Espace', 'Participation'],
        ['{{#each evenements}}{{date}}', '{{titre}}', '{{espace}}', '{{participation}}{{/each}}'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Les partenariats' },
    {
      kind: 'table',
      rows: [
        ['Structure', 'Type', 'Relation avec le lieu'],
        ['{{#each partenariats}}{{nom}}', '{{type}}', '{{relations}}{{/each}}'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Les finances' },
    {
      kind: 'table',
      rows: [
        ['', 'Prévu', 'Réalisé', 'Taux d’exécution'],
        [
          'Charges',
          '{{finances.chargesPrevues}}',
          '{{finances.chargesRealisees}}',
          '{{finances.tauxCharges}}',
        ],
        [
          'Produits',
          '{{finances.produitsPrevus}}',
          '{{finances.produitsRealises}}',
          '{{finances.tauxProduits}}',
        ],
        ['Résultat', '{{finances.resultatPrevu}}', '{{finances.resultatRealise}}', ''],
      ],
    },
    {
      kind: 'paragraph',
      text: 'Contributions volontaires en nature\u00a0: {{finances.contributionsRealisees}} réalisées ({{finances.contributionsPrevues}} prévues), dont bénévolat {{finances.benevolat}} et locaux mis à disposition {{finances.locaux}}.',
    },
    {
      kind: 'paragraph',
      text: 'Subventions de l’exercice\u00a0: {{finances.subventionsDemandees}} demandées, {{finances.subventionsAccordees}} accordées, {{finances.subventionsRecues}} reçues.',
    },
    { kind: 'heading', level: 2, text: 'Perspectives' },
    { kind: 'paragraph', text: '{{#each perspectives}}' },
    { kind: 'listItem', level: 0, text: '{{titre}} ({{statut}}{{#if debut}}, à partir du {{debut}}{{/if}})' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{#unless perspectives}}' },
    { kind: 'paragraph', text: 'Aucune action en préparation.' },
    { kind: 'paragraph', text: '{{/unless}}' },
    GENERATED_LINE,
  ],
  build,
};
