/**
 * « Demande de subvention »: the sections of CERFA 12156 (/work/shared/reference/cerfa-12156.md)
 * filled from « Paramètres du lieu » and ONE action (its description, partners, volunteers,
 * indicators and budget lines). The budget must balance first — charges = produits and
 * 86 = 87 to the cent — or the document is refused with the gap named.
 */
import type { DocumentInput, DocumentType } from '../catalog';
import { cerfaBudget, money } from './cerfa-budget';
import {
  cents,
  GENERATED_FIELDS,
  GENERATED_LINE,
  multiple,
  num,
  recordsOf,
  text,
  VENUE_FIELDS,
  VENUE_SETTINGS,
  venueData,
  subjectNotFound,
  subjectRecord,
} from './common';
import { volunteerHours } from '../../finance/activity';
import { yearOf } from '../../finance/records';

const LINE = { list: { ligne: 'text', montant: 'money' } } as const;

/** The financial year of the request: the year of today when the action has lines for it, else its latest. */
export function budgetYearOf(lines: readonly { year?: unknown }[], today: string): number | null {
  const years = lines.map((l) => (typeof l.year === 'number' ? l.year : 0)).filter((y) => y > 0);
  if (years.length === 0) return null;
  const current = Number(today.slice(0, 4));
  return years.includes(current) ? current : Math.max(...years);
}

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const action = subjectRecord(input, 'actions', 'title');
  if (action === null) return subjectNotFound(input, 'Actions');
  const title = text(action, 'title');
  const ofAction = recordsOf(input, 'budget').filter((l) => text(l, 'action') === title);
  const year = budgetYearOf(ofAction, input.today);
  if (year === null) return { ok: false, code: 'document.noBudget', params: { action: title } };
  const lines = ofAction.filter((l) => num(l, 'year') === year);
  const grants = recordsOf(input, 'grants');
  const budget = cerfaBudget(lines, title, grants, recordsOf(input, 'structures'));
  const gap = cents(budget.totalProduits - budget.totalCharges);
  if (gap !== 0)
    return {
      ok: false,
      code: 'document.budgetUnbalanced',
      params: {
        action: title,
        year,
        charges: money(budget.totalCharges),
        products: money(budget.totalProduits),
        gap: money(gap),
      },
    };
  const inKindGap = cents(budget.total87 - budget.total86);
  if (inKindGap !== 0)
    return {
      ok: false,
      code: 'document.inKindUnbalanced',
      params: {
        action: title,
        year,
        uses: money(budget.total86),
        resources: money(budget.total87),
        gap: money(inKindGap),
      },
    };
  const hoursOfAction = recordsOf(input, 'volunteerHours').filter((h) => text(h, 'action') === title);
  const volunteersOfAction = new Set(
    hoursOfAction.filter((h) => yearOf(h, 'date') === year).map((h) => text(h, 'volunteer')),
  );
  volunteersOfAction.delete('');
  const activeVolunteers = recordsOf(input, 'volunteers').filter(
    (v) => text(v, 'status') === 'Actif·ve',
  ).length;
  const partners = multiple(action, 'partners');
  return {
    ok: true,
    name: `Demande de subvention — ${title} ${year}`,
    year,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      exercice: String(year),
      action: {
        titre: title,
        axe: text(action, 'axis'),
        objectif: text(action, 'objective'),
        description: text(action, 'description'),
        publics: text(action, 'targetAudience'),
        pilote: text(action, 'lead'),
        debut: text(action, 'startDate') || null,
        fin: text(action, 'endDate') || null,
      },
      partenaires: partners.map((nom) => ({ nom })),
      benevolesActifs: activeVolunteers,
      benevolesAction: volunteersOfAction.size,
      heuresBenevolesAction: volunteerHours(hoursOfAction, year),
      indicateurs: recordsOf(input, 'indicators')
        .filter((i) => text(i, 'action') === title)
        .map((i) => ({
          nom: text(i, 'name'),
          cible: typeof i.target === 'number' ? i.target : null,
          unite: text(i, 'unit'),
        })),
      charges: budget.charges,
      produits: budget.produits,
      financeurs74: budget.financeurs74,
      emplois86: budget.emplois86,
      ressources87: budget.ressources87,
      totalCharges: budget.totalCharges,
      totalProduits: budget.totalProduits,
      total86: budget.total86,
      total87: budget.total87,
      totalChargesCerfa: cents(budget.totalCharges + budget.total86),
      totalProduitsCerfa: cents(budget.totalProduits + budget.total87),
      subventions74: budget.subventions74,
      partSubventions: budget.totalProduits === 0 ? null : budget.subventions74 / budget.totalProduits,
    },
  };
}

/** A CERFA field from the workbook, or « à compléter » where the workbook has nothing. */
const toComplete = (path: string): string => `{{#if ${path}}}{{${path}}}{{else}}à compléter{{/if}}`;

export const grantRequest: DocumentType = {
  key: 'grantRequest',
  title: 'Demande de subvention',
  titleEn: 'Grant application',
  subject: 'action',
  sources: ['actions', 'budget', 'grants', 'structures', 'volunteers', 'volunteerHours', 'indicators'],
  settings: [...VENUE_SETTINGS],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    exercice: 'text',
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
    partenaires: { list: { nom: 'text' } },
    benevolesActifs: 'integer',
    benevolesAction: 'integer',
    heuresBenevolesAction: 'number',
    indicateurs: { list: { nom: 'text', cible: 'number', unite: 'text' } },
    charges: LINE,
    produits: LINE,
    financeurs74: { list: { niveau: 'text', financeur: 'text', detail: 'text', montant: 'money' } },
    emplois86: LINE,
    ressources87: LINE,
    totalCharges: 'money',
    totalProduits: 'money',
    total86: 'money',
    total87: 'money',
    totalChargesCerfa: 'money',
    totalProduitsCerfa: 'money',
    subventions74: 'money',
    partSubventions: 'percent',
  },
  template: [
    { kind: 'heading', level: 1, text: 'Demande de subvention — {{action.titre}}' },
    {
      kind: 'paragraph',
      text: 'Selon les rubriques du formulaire CERFA n°\u00a012156 — exercice {{exercice}}.',
    },
    { kind: 'heading', level: 2, text: '1. Identification de l’association' },
    {
      kind: 'table',
      rows: [
        ['Rubrique', 'Valeur'],
        ['Nom – dénomination', toComplete('lieu.structure')],
        ['Lieu', toComplete('lieu.nom')],
        ['Forme juridique', toComplete('lieu.formeJuridique')],
        ['Numéro SIRET', toComplete('lieu.siret')],
        ['Numéro RNA', toComplete('lieu.rna')],
        ['Adresse du siège social', toComplete('lieu.adresseComplete')],
        ['Courriel', toComplete('lieu.email')],
        ['Téléphone', toComplete('lieu.telephone')],
        ['Site web', toComplete('lieu.site')],
        ['Représentant(e) légal(e)', 'à compléter'],
      ],
    },
    { kind: 'heading', level: 2, text: '2. Relations avec l’administration' },
    {
      kind: 'paragraph',
      text: 'Agréments, reconnaissance d’utilité publique, assujettissement aux impôts commerciaux\u00a0: à compléter.',
    },
    { kind: 'heading', level: 2, text: '3. Relations avec d’autres associations' },
    { kind: 'paragraph', text: '{{#if partenaires}}' },
    { kind: 'paragraph', text: 'Partenaires de l’action\u00a0:' },
    { kind: 'paragraph', text: '{{else}}' },
    { kind: 'paragraph', text: 'Aucun partenaire renseigné pour cette action.' },
    { kind: 'paragraph', text: '{{/if}}' },
    { kind: 'paragraph', text: '{{#each partenaires}}' },
    { kind: 'listItem', level: 0, text: '{{nom}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'heading', level: 2, text: '4. Moyens humains' },
    { kind: 'listItem', level: 0, text: 'Bénévoles actifs de l’association\u00a0: {{benevolesActifs}}' },
    {
      kind: 'listItem',
      level: 0,
      text: 'Bénévoles engagés sur l’action\u00a0: {{benevolesAction}} ({{heuresBenevolesAction|nombre}}\u00a0h en {{exercice}})',
    },
    { kind: 'listItem', level: 0, text: 'Salariés (nombre et ETPT)\u00a0: à compléter' },
    { kind: 'heading', level: 2, text: '6. Projet – objet de la demande' },
    { kind: 'paragraph', text: 'Intitulé\u00a0: {{action.titre}}' },
    { kind: 'paragraph', text: 'Axe et objectif\u00a0: {{action.axe}} — {{action.objectif}}' },
    { kind: 'paragraph', text: `Description\u00a0: ${toComplete('action.description')}` },
    { kind: 'paragraph', text: `Public(s) ciblé(s)\u00a0: ${toComplete('action.publics')}` },
    { kind: 'paragraph', text: `Pilote de l’action\u00a0: ${toComplete('action.pilote')}` },
    {
      kind: 'paragraph',
      text: 'Mise en œuvre\u00a0: {{#if action.debut}}du {{action.debut}}{{/if}}{{#if action.fin}} au {{action.fin}}{{/if}}',
    },
    { kind: 'heading', level: 3, text: 'Indicateurs et méthode d’évaluation' },
    {
      kind: 'table',
      rows: [
        ['Indicateur', 'Cible', 'Unité'],
        ['{{#each indicateurs}}{{nom}}', '{{cible}}', '{{unite}}{{/each}}'],
      ],
    },
    { kind: 'heading', level: 3, text: 'Budget du projet' },
    {
      kind: 'table',
      rows: [
        ['Charges', 'Montant'],
        ['{{#each charges}}{{ligne}}', '{{montant}}{{/each}}'],
        ['Total des charges', '{{totalCharges}}'],
      ],
    },
    {
      kind: 'table',
      rows: [
        ['Produits', 'Montant'],
        ['{{#each produits}}{{ligne}}', '{{montant}}{{/each}}'],
        ['Total des produits', '{{totalProduits}}'],
      ],
    },
    { kind: 'paragraph', text: 'Détail du 74 – Subventions d’exploitation, par financeur sollicité\u00a0:' },
    {
      kind: 'table',
      rows: [
        ['Niveau', 'Financeur', 'Dispositif', 'Montant'],
        ['{{#each financeurs74}}{{niveau}}', '{{financeur}}', '{{detail}}', '{{montant}}{{/each}}'],
        ['Total 74', '', '', '{{subventions74}}'],
      ],
    },
    { kind: 'paragraph', text: 'Contributions volontaires en nature\u00a0:' },
    {
      kind: 'table',
      rows: [
        ['86 – Emplois des contributions volontaires en nature', 'Montant'],
        ['{{#each emplois86}}{{ligne}}', '{{montant}}{{/each}}'],
        ['Total', '{{total86}}'],
      ],
    },
    {
      kind: 'table',
      rows: [
        ['87 – Contributions volontaires en nature', 'Montant'],
        ['{{#each ressources87}}{{ligne}}', '{{montant}}{{/each}}'],
        ['Total', '{{total87}}'],
      ],
    },
    {
      kind: 'paragraph',
      text: 'Total des charges, contributions comprises\u00a0: {{totalChargesCerfa}}\u00a0; total des produits, contributions comprises\u00a0: {{totalProduitsCerfa}}.',
    },
    { kind: 'paragraph', text: '{{#if partSubventions}}' },
    {
      kind: 'paragraph',
      text: 'Part des subventions dans les produits du projet\u00a0: {{partSubventions}}.',
    },
    { kind: 'paragraph', text: '{{/if}}' },
    { kind: 'heading', level: 2, text: '7. Déclaration sur l’honneur' },
    { kind: 'paragraph', text: 'À signer par le ou la représentant(e) légal(e) sur le formulaire officiel.' },
    GENERATED_LINE,
  ],
  build,
};
