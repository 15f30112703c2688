/**
 * « Comptes »: the rows of the plan comptable associatif (reference CSV, classes 6, 7, 86 and 87)
 * that the demo uses, and the value a budget line or an operation picks for each.
 */

import type { DemoRecord } from './types';

interface AccountSpec {
  number: string;
  /** Label of the reference chart, without its editorial annotations (those go to `notes`). */
  label: string;
  nature: 'Charge' | 'Produit' | 'Contribution volontaire (emploi)' | 'Contribution volontaire (ressource)';
  cerfaLine: string;
  notes?: string;
}

const C60 = '60 – Achats';
const C61 = '61 – Services extérieurs';
const C62 = '62 – Autres services extérieurs';
const C63 = '63 – Impôts et taxes';
const C64 = '64 – Charges de personnel';
const C68 = '68 – Dotation aux amortissements';
const C70 = '70 – Vente de produits finis, de marchandises, prestations de services';
const C74 = '74 – Subventions d’exploitation';
const C75 = '75 – Autres produits de gestion courante';
const C86 = '86 – Emplois des contributions volontaires en nature';
const C87 = '87 – Contributions volontaires en nature';

const ACCOUNTS: AccountSpec[] = [
  {
    number: '601',
    label: 'Achats stockés - Matières premières et fournitures',
    nature: 'Charge',
    cerfaLine: C60,
  },
  { number: '604', label: "Achats d'études et prestations de services", nature: 'Charge', cerfaLine: C60 },
  {
    number: '606',
    label: 'Achats non stockés de matière et fournitures',
    nature: 'Charge',
    cerfaLine: C60,
    notes: 'Énergie, eau et petites fournitures.',
  },
  { number: '607', label: 'Achats de marchandises', nature: 'Charge', cerfaLine: C60 },
  { number: '613', label: 'Locations', nature: 'Charge', cerfaLine: C61 },
  { number: '614', label: 'Charges locatives et de copropriété', nature: 'Charge', cerfaLine: C61 },
  {
    number: '615',
    label: 'Entretien et réparation',
    nature: 'Charge',
    cerfaLine: C61,
    notes: '« Entretien et réparations » jusqu’en 2024.',
  },
  { number: '616', label: "Primes d'assurances", nature: 'Charge', cerfaLine: C61 },
  { number: '622', label: "Rémunérations d'intermédiaires et honoraires", nature: 'Charge', cerfaLine: C62 },
  { number: '623', label: 'Publicité, publications, relations publiques', nature: 'Charge', cerfaLine: C62 },
  { number: '625', label: 'Déplacements, missions et réceptions', nature: 'Charge', cerfaLine: C62 },
  { number: '626', label: 'Frais postaux et de télécommunications', nature: 'Charge', cerfaLine: C62 },
  { number: '627', label: 'Services bancaires et assimilés', nature: 'Charge', cerfaLine: C62 },
  {
    number: '633',
    label: 'Impôts, taxes et versements assimilés sur rémunérations (autres organismes)',
    nature: 'Charge',
    cerfaLine: C63,
    notes: 'Contribution à la formation professionnelle.',
  },
  { number: '641', label: 'Rémunérations du personnel', nature: 'Charge', cerfaLine: C64 },
  {
    number: '645',
    label: 'Cotisations de sécurité sociale et de prévoyance',
    nature: 'Charge',
    cerfaLine: C64,
  },
  {
    number: '647',
    label: 'Autres cotisations sociales',
    nature: 'Charge',
    cerfaLine: C64,
    notes: 'Médecine du travail.',
  },
  {
    number: '681',
    label: "Dotations aux amortissements, aux dépréciations et aux provisions - Charges d'exploitation",
    nature: 'Charge',
    cerfaLine: C68,
  },
  { number: '706', label: 'Prestations de services', nature: 'Produit', cerfaLine: C70 },
  {
    number: '707',
    label: 'Ventes de marchandises',
    nature: 'Produit',
    cerfaLine: C70,
    notes: 'Buvette et café à prix libre.',
  },
  {
    number: '7083',
    label: 'Locations diverses',
    nature: 'Produit',
    cerfaLine: C70,
    notes: 'Locations de salles et redevances des résident·es.',
  },
  {
    number: '741',
    label: "Subventions d'exploitation",
    nature: 'Produit',
    cerfaLine: C74,
    notes: 'À partir de 2025 (règlement ANC 2022-06)\u00a0; 740 auparavant.',
  },
  {
    number: '7541',
    label: 'Dons manuels',
    nature: 'Produit',
    cerfaLine: C75,
    notes: 'Le CERFA 12156 les range en «\u00a0758 Dons manuels – Mécénat\u00a0».',
  },
  { number: '7542', label: 'Mécénats', nature: 'Produit', cerfaLine: C75 },
  {
    number: '7561',
    label: 'Cotisations sans contrepartie',
    nature: 'Produit',
    cerfaLine: C75,
    notes: 'Adhésions annuelles.',
  },
  { number: '862', label: 'Prestations', nature: 'Contribution volontaire (emploi)', cerfaLine: C86 },
  { number: '864', label: 'Personnel bénévole', nature: 'Contribution volontaire (emploi)', cerfaLine: C86 },
  {
    number: '871',
    label: 'Prestations en nature',
    nature: 'Contribution volontaire (ressource)',
    cerfaLine: C87,
  },
  {
    number: '875',
    label: 'Bénévolat',
    nature: 'Contribution volontaire (ressource)',
    cerfaLine: C87,
    notes: 'Plan ANC 2018-06\u00a0; le CERFA 12156 numérote encore le bénévolat 870.',
  },
];

/**
 * What « Budget prévisionnel » and « Opérations » store for an account: the value of the formula
 * column « Compte » of « Comptes », `=number&" "&label`, computed here the same way (e.g.
 * `613 Locations`), since that is what the dropdown offers once the sheet has computed it.
 */
export function accountTitle(number: string): string {
  const spec = ACCOUNTS.find((a) => a.number === number);
  if (!spec) throw new Error(`Demo account ${number} is not declared`);
  return `${spec.number} ${spec.label}`;
}

/** First digit (or two for 86/87) of an account, to tell charges, products and contributions apart. */
export function accountKind(number: string): 'charge' | 'product' | 'use' | 'resource' {
  if (number.startsWith('86')) return 'use';
  if (number.startsWith('87')) return 'resource';
  return number.startsWith('6') ? 'charge' : 'product';
}

/** Account records. */
export function accountRecords(): DemoRecord[] {
  return ACCOUNTS.map((a) => ({
    number: a.number,
    label: a.label,
    accountClass: Number(a.number[0]),
    nature: a.nature,
    cerfaLine: a.cerfaLine,
    inUse: 'oui',
    notes: a.notes ?? null,
  }));
}
