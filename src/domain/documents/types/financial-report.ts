/**
 * « Compte rendu financier » of one grant, after CERFA 15059 (/work/shared/reference/cerfa-15059.md):
 * identification, the funded action, the synthesis table — forecast (« Budget prévisionnel » of
 * the action for the grant's year) vs actual (« Opérations » of the action in that year, volunteer
 * time valued into 864/875 as the budget's « Réalisé » column does), gap in euros and in percent,
 * by CERFA line — the explanations of significant gaps to fill, and the in-kind contributions.
 */
import { accountClass, accountStartsWith } from '../../finance/budget';
import { CERFA_BUDGET_LINES } from '../../finance/chart-of-accounts';
import { financialReportDeadline } from '../../finance/grants';
import { freePremisesTotal, volunteerValueBetween } from '../../finance/in-kind';
import { yearOf } from '../../finance/records';
import type { DocRecord, DocumentInput, DocumentType } from '../catalog';
import { CHARGE_LINES, lineKey, PRODUCT_LINES } from './cerfa-budget';
import {
  cents,
  GENERATED_FIELDS,
  GENERATED_LINE,
  num,
  recordsOf,
  settingNumber,
  subjectNotFound,
  subjectRecord,
  sum,
  text,
  VENUE_FIELDS,
  VENUE_SETTINGS,
  venueData,
} from './common';

/** A gap is significant from this share of the forecast (our threshold, « à vérifier » against the funder's rule). */
export const SIGNIFICANT_GAP = 0.1;

export type ReportLine = {
  ligne: string;
  prevu: number;
  realise: number;
  ecart: number;
  taux: number | null;
  significatif: boolean;
};

function line(ligne: string, prevu: number, realise: number): ReportLine {
  const ecart = cents(realise - prevu);
  return {
    ligne,
    prevu,
    realise,
    ecart,
    taux: prevu === 0 ? null : realise / prevu,
    significatif: prevu === 0 ? realise !== 0 : Math.abs(ecart) >= SIGNIFICANT_GAP * Math.abs(prevu),
  };
}

const total = (ligne: string, lines: readonly ReportLine[]): ReportLine =>
  line(ligne, sum(lines.map((l) => l.prevu)), sum(lines.map((l) => l.realise)));

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const grant = subjectRecord(input, 'grants', 'title');
  if (grant === null) return subjectNotFound(input, 'Subventions');
  const action = text(grant, 'action');
  const year = num(grant, 'financialYear') || Number(input.today.slice(0, 4));
  const forecast = recordsOf(input, 'budget').filter(
    (l) => text(l, 'action') === action && num(l, 'year') === year,
  );
  const actual: DocRecord[] = recordsOf(input, 'operations').filter(
    (o) => text(o, 'action') === action && yearOf(o, 'date') === year,
  );
  const amountOf = (records: readonly DocRecord[], test: (account: unknown) => boolean) =>
    sum(records.filter((r) => test(r.account)).map((r) => num(r, 'amount')));
  const byCerfa = (keys: readonly string[], cls: '6' | '7') =>
    keys
      .map((key) => {
        const test = (a: unknown) => accountClass(a) === cls && lineKey(a) === key;
        return line(CERFA_BUDGET_LINES[key], amountOf(forecast, test), amountOf(actual, test));
      })
      .filter(
        (l) =>
          !['69', '79'].some((k) => l.ligne === CERFA_BUDGET_LINES[k]) || l.prevu !== 0 || l.realise !== 0,
      );
  const charges = byCerfa(CHARGE_LINES, '6');
  const produits = byCerfa(PRODUCT_LINES, '7');
  // As the « Réalisé » column of « Budget prévisionnel »: volunteer hours of the action (of no
  // action for the general running) valued into 864/875, premises lent into 861/871 without action.
  const volunteering = volunteerValueBetween(
    recordsOf(input, 'volunteerHours'),
    recordsOf(input, 'volunteerRates'),
    settingNumber(input, 'volunteerHourlyValue', 0),
    `${year}-01-01`,
    `${year}-12-31`,
    action,
  );
  const premises = action === '' ? freePremisesTotal(recordsOf(input, 'structures'), year) : 0;
  const inKind = (cls: '86' | '87', volunteerAccount: string) => {
    const rows = [volunteerAccount, 'other'].map((which) => {
      const test =
        which === 'other'
          ? (a: unknown) => accountClass(a) === cls && !accountStartsWith(a, volunteerAccount)
          : (a: unknown) => accountStartsWith(a, volunteerAccount);
      const extra = which === 'other' ? premises : volunteering;
      const label =
        which === 'other'
          ? cls === '86'
            ? 'Autres emplois (860, 861, 862)'
            : 'Autres contributions (870, 871)'
          : volunteerAccount === '864'
            ? '864 – Personnel bénévole'
            : '875 – Bénévolat';
      return line(label, amountOf(forecast, test), cents(amountOf(actual, test) + extra));
    });
    return rows;
  };
  const emplois86 = inKind('86', '864');
  const ressources87 = inKind('87', '875');
  const ecarts = [...charges, ...produits].filter((l) => l.significatif);
  return {
    ok: true,
    name: `Compte rendu financier — ${text(grant, 'title')} ${year}`,
    year,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      exercice: String(year),
      subvention: {
        intitule: text(grant, 'title'),
        financeur: text(grant, 'funder'),
        niveau: text(grant, 'funderLevel'),
        dispositif: text(grant, 'programme'),
        convention: text(grant, 'convention'),
        accorde: num(grant, 'amountGranted'),
        recu: num(grant, 'amountReceived'),
        echeance: financialReportDeadline(grant),
      },
      action: action === '' ? 'Fonctionnement général du lieu' : action,
      charges,
      produits,
      totalCharges: total('Total des charges', charges),
      totalProduits: total('Total des produits', produits),
      emplois86,
      ressources87,
      total86: total('Total 86', emplois86),
      total87: total('Total 87', ressources87),
      ecarts: ecarts.map((l) => ({ ligne: l.ligne, ecart: l.ecart, taux: l.taux })),
    },
  };
}

const LINE_FIELDS = {
  ligne: 'text',
  prevu: 'money',
  realise: 'money',
  ecart: 'money',
  taux: 'percent',
  significatif: 'boolean',
} as const;

export const financialReport: DocumentType = {
  key: 'financialReport',
  title: 'Compte rendu financier',
  titleEn: 'Grant financial report',
  subject: 'grant',
  sources: ['grants', 'budget', 'operations', 'volunteerHours', 'volunteerRates', 'structures'],
  settings: [...VENUE_SETTINGS, 'volunteerHourlyValue'],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    exercice: 'text',
    subvention: {
      object: {
        intitule: 'text',
        financeur: 'text',
        niveau: 'text',
        dispositif: 'text',
        convention: 'text',
        accorde: 'money',
        recu: 'money',
        echeance: 'date',
      },
    },
    action: 'text',
    charges: { list: LINE_FIELDS },
    produits: { list: LINE_FIELDS },
    totalCharges: { object: LINE_FIELDS },
    totalProduits: { object: LINE_FIELDS },
    emplois86: { list: LINE_FIELDS },
    ressources87: { list: LINE_FIELDS },
    total86: { object: LINE_FIELDS },
    total87: { object: LINE_FIELDS },
    ecarts: { list: { ligne: 'text', ecart: 'money', taux: 'percent' } },
  },
  template: [
    { kind: 'heading', level: 1, text: 'Compte rendu financier de subvention — {{subvention.intitule}}' },
    {
      kind: 'paragraph',
      text: 'Selon les rubriques du formulaire CERFA n°\u00a015059 — exercice {{exercice}}.',
    },
    { kind: 'heading', level: 2, text: '1. Identification' },
    {
      kind: 'table',
      rows: [
        ['Rubrique', 'Valeur'],
        ['Association', '{{lieu.structure}}'],
        ['SIRET / RNA', '{{lieu.siret}} / {{lieu.rna}}'],
        ['Exercice', 'du 01/01/{{exercice}} au 31/12/{{exercice}}'],
        ['Action subventionnée', '{{action}}'],
        ['Financeur', '{{subvention.financeur}} ({{subvention.niveau}})'],
        ['Dispositif', '{{subvention.dispositif}}'],
        ['Convention', '{{subvention.convention}}'],
        ['Subvention accordée', '{{subvention.accorde}}'],
        ['Montant reçu', '{{subvention.recu}}'],
        ['À rendre avant le', '{{subvention.echeance}}'],
      ],
    },
    { kind: 'heading', level: 2, text: '2. Bilan qualitatif de l’action' },
    {
      kind: 'paragraph',
      text: 'Mise en œuvre, publics touchés, dates et lieux, atteinte des objectifs\u00a0: à compléter.',
    },
    { kind: 'heading', level: 2, text: '3. Tableau de synthèse' },
    {
      kind: 'table',
      rows: [
        ['Charges', 'Prévision', 'Réalisation', 'Écart', '%'],
        ['{{#each charges}}{{ligne}}', '{{prevu}}', '{{realise}}', '{{ecart}}', '{{taux}}{{/each}}'],
        [
          '{{totalCharges.ligne}}',
          '{{totalCharges.prevu}}',
          '{{totalCharges.realise}}',
          '{{totalCharges.ecart}}',
          '{{totalCharges.taux}}',
        ],
        ['{{#each emplois86}}{{ligne}}', '{{prevu}}', '{{realise}}', '{{ecart}}', '{{taux}}{{/each}}'],
      ],
    },
    {
      kind: 'table',
      rows: [
        ['Produits', 'Prévision', 'Réalisation', 'Écart', '%'],
        ['{{#each produits}}{{ligne}}', '{{prevu}}', '{{realise}}', '{{ecart}}', '{{taux}}{{/each}}'],
        [
          '{{totalProduits.ligne}}',
          '{{totalProduits.prevu}}',
          '{{totalProduits.realise}}',
          '{{totalProduits.ecart}}',
          '{{totalProduits.taux}}',
        ],
        ['{{#each ressources87}}{{ligne}}', '{{prevu}}', '{{realise}}', '{{ecart}}', '{{taux}}{{/each}}'],
      ],
    },
    { kind: 'heading', level: 2, text: '4. Annexe explicative' },
    { kind: 'heading', level: 3, text: 'Écarts significatifs entre prévision et réalisation' },
    { kind: 'paragraph', text: '{{#unless ecarts}}' },
    { kind: 'paragraph', text: 'Aucun écart significatif (10\u00a0% ou plus de la prévision).' },
    { kind: 'paragraph', text: '{{/unless}}' },
    {
      kind: 'table',
      rows: [
        ['Ligne', 'Écart', '%', 'Explication'],
        ['{{#each ecarts}}{{ligne}}', '{{ecart}}', '{{taux}}', 'à compléter{{/each}}'],
      ],
    },
    { kind: 'heading', level: 3, text: 'Règle de répartition des charges indirectes' },
    { kind: 'paragraph', text: 'À compléter.' },
    { kind: 'heading', level: 3, text: 'Contributions volontaires en nature' },
    {
      kind: 'paragraph',
      text: 'Emplois (86)\u00a0: {{total86.realise}} réalisés pour {{total86.prevu}} prévus\u00a0; ressources (87)\u00a0: {{total87.realise}} réalisées pour {{total87.prevu}} prévues.',
    },
    { kind: 'heading', level: 2, text: '5. Attestation' },
    {
      kind: 'paragraph',
      text: 'Je soussigné·e, représentant·e légal·e de l’association, certifie exactes les informations du présent compte rendu. Fait à {{lieu.commune}}, le ……',
    },
    GENERATED_LINE,
  ],
  build,
};
