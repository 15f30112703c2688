/**
 * « Point d’étape » over a period (for the board or a steering committee): progress of the
 * actions, late items, budget execution (operations of the period against the year's budget),
 * next deadlines (applications, financial reports, action ends, safety checks).
 */
import { lateActions, nextCheckDue, overdueChecks } from '../../finance/activity';
import { actualTotals, executionRate, forecastTotals } from '../../finance/budget';
import { financialReportDeadline, GRANT_OPEN_STATUSES } from '../../finance/grants';
import { addDays } from '../../finance/records';
import type { DocumentInput, DocumentType } from '../catalog';
import { formatValue } from '../template';
import {
  GENERATED_FIELDS,
  GENERATED_LINE,
  isoDate,
  recordsOf,
  subjectPeriod,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
  within,
} from './common';

/** How far ahead « next deadlines » look, from today. */
export const DEADLINE_HORIZON_DAYS = 60;
const RUNNING = ['En cours', 'En préparation'];

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const { from, to } = subjectPeriod(input);
  const year = Number(to.slice(0, 4));
  const actions = recordsOf(input, 'actions');
  const shown = actions.filter((a) => {
    const start = isoDate(a, 'startDate') ?? '0000-01-01';
    const end = isoDate(a, 'endDate') ?? '9999-12-31';
    return RUNNING.includes(text(a, 'status')) || (start <= to && end >= from);
  });
  const isLate = (a: (typeof actions)[number]) => lateActions([a], input.today) === 1;
  const operations = recordsOf(input, 'operations').filter((o) => within(o, 'date', from, to));
  const forecast = forecastTotals(recordsOf(input, 'budget'), year);
  const actual = actualTotals(operations, year);
  const horizon = addDays(input.today, DEADLINE_HORIZON_DAYS);
  const soon = (d: string | null) => d !== null && d >= input.today && d <= horizon;
  const deadlines: { date: string; quoi: string; nature: string }[] = [];
  for (const g of recordsOf(input, 'grants')) {
    const d = isoDate(g, 'deadline');
    if (soon(d) && GRANT_OPEN_STATUSES.includes(text(g, 'status')))
      deadlines.push({ date: d as string, quoi: text(g, 'title'), nature: 'Dépôt de demande de subvention' });
    const report = financialReportDeadline(g);
    if (soon(report))
      deadlines.push({
        date: report as string,
        quoi: text(g, 'title'),
        nature: 'Compte rendu financier (CERFA 15059)',
      });
  }
  for (const a of actions) {
    const end = isoDate(a, 'endDate');
    if (soon(end) && RUNNING.includes(text(a, 'status')))
      deadlines.push({ date: end as string, quoi: text(a, 'title'), nature: 'Fin d’action' });
  }
  const checks = recordsOf(input, 'safetyChecks');
  for (const c of checks) {
    const due = nextCheckDue(c);
    if (soon(due))
      deadlines.push({ date: due as string, quoi: text(c, 'checkType'), nature: 'Vérification de sécurité' });
  }
  deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.quoi.localeCompare(b.quoi, 'fr'));
  const late = actions
    .filter(isLate)
    .map((a) => ({ titre: text(a, 'title'), fin: isoDate(a, 'endDate'), statut: text(a, 'status') }));
  const overdue = checks
    .filter((c) => overdueChecks([c], input.today) === 1)
    .map((c) => ({ titre: text(c, 'checkType'), fin: nextCheckDue(c), statut: 'Vérification en retard' }));
  return {
    ok: true,
    name: `Point d’étape du ${formatValue(from, 'date')} au ${formatValue(to, 'date')}`,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      du: from,
      au: to,
      actions: shown.map((a) => ({
        titre: text(a, 'title'),
        statut: text(a, 'status'),
        avancement: typeof a.progress === 'number' ? a.progress : null,
        fin: isoDate(a, 'endDate'),
        enRetard: isLate(a),
      })),
      retards: [...late, ...overdue],
      exercice: String(year),
      chargesPrevues: forecast.charges,
      chargesRealisees: actual.charges,
      tauxCharges: executionRate(actual.charges, forecast.charges),
      produitsPrevus: forecast.products,
      produitsRealises: actual.products,
      tauxProduits: executionRate(actual.products, forecast.products),
      echeances: deadlines,
      horizon: DEADLINE_HORIZON_DAYS,
    },
  };
}

export const progressReport: DocumentType = {
  key: 'progressReport',
  title: 'Point d’étape',
  titleEn: 'Progress report',
  subject: 'period',
  sources: ['actions', 'budget', 'operations', 'grants', 'safetyChecks'],
  settings: [...VENUE_SETTINGS],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    du: 'date',
    au: 'date',
    actions: {
      list: { titre: 'text', statut: 'text', avancement: 'percent', fin: 'date', enRetard: 'boolean' },
    },
    retards: { list: { titre: 'text', fin: 'date', statut: 'text' } },
    exercice: 'text',
    chargesPrevues: 'money',
    chargesRealisees: 'money',
    tauxCharges: 'percent',
    produitsPrevus: 'money',
    produitsRealises: 'money',
    tauxProduits: 'percent',
    echeances: { list: { date: 'date', quoi: 'text', nature: 'text' } },
    horizon: 'integer',
  },
  template: [
    { kind: 'heading', level: 1, text: 'Point d’étape du {{du}} au {{au}}' },
    ...VENUE_HEADER,
    { kind: 'heading', level: 2, text: 'Avancement des actions' },
    {
      kind: 'table',
      rows: [
        ['Action', 'Statut', 'Avancement', 'Fin prévue', 'Alerte'],
        [
          '{{#each actions}}{{titre}}',
          '{{statut}}',
          '{{avancement}}',
          '{{fin}}',
          '{{#if enRetard}}En retard{{/if}}{{/each}}',
        ],
      ],
    },
    { kind: 'heading', level: 2, text: 'Points en retard' },
    { kind: 'paragraph', text: '{{#unless retards}}' },
    { kind: 'paragraph', text: 'Aucun point en retard au {{dateDuJour}}.' },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'paragraph', text: '{{#each retards}}' },
    { kind: 'listItem', level: 0, text: '{{titre}} — {{statut}}, échéance {{fin}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'heading', level: 2, text: 'Exécution du budget {{exercice}}' },
    {
      kind: 'table',
      rows: [
        ['', 'Budget de l’exercice', 'Réalisé sur la période', 'Taux d’exécution'],
        ['Charges', '{{chargesPrevues}}', '{{chargesRealisees}}', '{{tauxCharges}}'],
        ['Produits', '{{produitsPrevus}}', '{{produitsRealises}}', '{{tauxProduits}}'],
      ],
    },
    { kind: 'heading', level: 2, text: 'Prochaines échéances ({{horizon}} jours)' },
    {
      kind: 'table',
      rows: [
        ['Date', 'Échéance', 'Objet'],
        ['{{#each echeances}}{{date}}', '{{nature}}', '{{quoi}}{{/each}}'],
      ],
    },
    GENERATED_LINE,
  ],
  build,
};
