/**
 * The plan comptable associatif (classes 6, 7, 86 and 87) that setup writes into « Comptes »:
 * transcribed from docs/reference/plan-comptable-associatif.csv (sources in its header), the
 * editorial annotations of a label (« [jusqu'en 2024] », « (à vérifier…) ») moved to its notes.
 * A test re-reads the CSV and compares.
 */

/** Nature of an account, as « Comptes » shows it. */
export type AccountNature =
  | 'Charge'
  | 'Produit'
  | 'Contribution volontaire (emploi)'
  | 'Contribution volontaire (ressource)';

/** One account of the reference chart. */
export interface ChartAccount {
  number: string;
  label: string;
  nature: AccountNature;
  /** 6, 7 or 8. */
  accountClass: number;
  /** The line of the CERFA 12156 budget the account rolls up to, e.g. `61 – Services extérieurs`. */
  cerfaLine: string;
  notes: string | null;
}

const NATURES: Record<'C' | 'P' | 'U' | 'R', AccountNature> = {
  C: 'Charge',
  P: 'Produit',
  U: 'Contribution volontaire (emploi)',
  R: 'Contribution volontaire (ressource)',
};

/** Lines of the CERFA 12156 budget by two-digit prefix (docs: ../shared/reference/cerfa-12156.md). */
export const CERFA_BUDGET_LINES: Readonly<Record<string, string>> = {
  '60': '60 – Achats',
  '61': '61 – Services extérieurs',
  '62': '62 – Autres services extérieurs',
  '63': '63 – Impôts et taxes',
  '64': '64 – Charges de personnel',
  '65': '65 – Autres charges de gestion courante',
  '66': '66 – Charges financières',
  '67': '67 – Charges exceptionnelles',
  '68': '68 – Dotation aux amortissements',
  '69': '69 – Impôt sur les bénéfices (IS)\u00a0; participation des salariés',
  '70': '70 – Vente de produits finis, de marchandises, prestations de services',
  '71': '70 – Vente de produits finis, de marchandises, prestations de services',
  '72': '70 – Vente de produits finis, de marchandises, prestations de services',
  '73': '73 – Dotations et produits de tarification',
  '74': '74 – Subventions d’exploitation',
  '75': '75 – Autres produits de gestion courante',
  '76': '76 – Produits financiers',
  '77': '77 – Produits exceptionnels',
  '78': '78 – Reprises sur amortissements et provisions',
  '79': '79 – Transfert de charges',
  '86': '86 – Emplois des contributions volontaires en nature',
  '87': '87 – Contributions volontaires en nature',
};

type Row = readonly [number: string, label: string, nature: keyof typeof NATURES, notes?: string];

// Generated from docs/reference/plan-comptable-associatif.csv (see tests/domain/chart-of-accounts.test.ts).
const ROWS: readonly Row[] = [
  ['60', 'Achats', 'C'],
  ['601', 'Achats stockés - Matières premières et fournitures', 'C'],
  ['602', 'Achats stockés - Autres approvisionnements', 'C'],
  ['603', "Variation des stocks d'approvisionnements et de marchandises", 'C'],
  ['604', "Achats d'études et prestations de services", 'C'],
  ['605', 'Achats de matériel, équipements et travaux', 'C'],
  ['606', 'Achats non stockés de matière et fournitures', 'C'],
  ['607', 'Achats de marchandises', 'C'],
  ['61', 'Services extérieurs', 'C'],
  ['611', 'Sous-traitance générale', 'C'],
  ['612', 'Redevances de crédit-bail', 'C'],
  ['613', 'Locations', 'C'],
  ['614', 'Charges locatives et de copropriété', 'C'],
  ['615', 'Entretien et réparation', 'C'],
  ['616', "Primes d'assurances", 'C'],
  ['617', 'Études et recherches', 'C'],
  ['618', 'Divers', 'C'],
  ['62', 'Autres services extérieurs', 'C'],
  ['621', "Personnel extérieur à l'entité", 'C'],
  ['622', "Rémunérations d'intermédiaires et honoraires", 'C'],
  ['623', 'Publicité, publications, relations publiques', 'C'],
  ['624', 'Transports de biens et transports collectifs du personnel', 'C'],
  ['625', 'Déplacements, missions et réceptions', 'C'],
  ['626', 'Frais postaux et de télécommunications', 'C'],
  ['627', 'Services bancaires et assimilés', 'C'],
  ['628', 'Divers', 'C'],
  ['63', 'Impôts, taxes et versements assimilés', 'C'],
  ['631', 'Impôts, taxes et versements assimilés sur rémunérations (administrations des impôts)', 'C'],
  ['633', 'Impôts, taxes et versements assimilés sur rémunérations (autres organismes)', 'C'],
  ['635', 'Autres impôts, taxes et versements assimilés (administrations des impôts)', 'C'],
  ['637', 'Autres impôts, taxes et versements assimilés (autres organismes)', 'C'],
  ['64', 'Charges de personnel', 'C'],
  ['641', 'Rémunérations du personnel', 'C'],
  ['645', 'Cotisations de sécurité sociale et de prévoyance', 'C'],
  ['647', 'Autres cotisations sociales', 'C'],
  ['648', 'Autres charges de personnel', 'C'],
  ['65', 'Autres charges de gestion courante', 'C'],
  [
    '651',
    'Redevances pour concessions, brevets, licences, marques, procédés, solutions informatiques, droits et valeurs similaires',
    'C',
  ],
  ['654', 'Pertes sur créances irrécouvrables', 'C'],
  [
    '657',
    'Aides financières',
    'C',
    'à vérifier pour 2025: dans le PCG 2025 le 657 désigne les valeurs comptables des immobilisations cédées, que Paheko place en 652 pour les associations',
  ],
  ['658', 'Pénalités et autres charges', 'C'],
  ['6586', 'Cotisations (liées à la vie statutaire)', 'C', "jusqu'en 2024 ; à vérifier pour 2025"],
  ['66', 'Charges financières', 'C'],
  ['661', "Charges d'intérêts", 'C'],
  ['67', 'Charges exceptionnelles', 'C'],
  [
    '671',
    'Charges exceptionnelles sur opérations de gestion',
    'C',
    "jusqu'en 2024 ; à vérifier: conservé dans le plan associatif 2025 de Paheko",
  ],
  ['675', "Valeurs comptables des éléments d'actif cédés", 'C', "jusqu'en 2024"],
  ['678', 'Autres charges exceptionnelles', 'C'],
  ['68', 'Dotations aux amortissements, aux dépréciations et aux provisions', 'C'],
  ['681', "Dotations aux amortissements, aux dépréciations et aux provisions - Charges d'exploitation", 'C'],
  ['686', 'Dotations aux amortissements, aux dépréciations et aux provisions - Charges financières', 'C'],
  ['687', 'Dotations aux amortissements, aux dépréciations et aux provisions - Charges exceptionnelles', 'C'],
  ['689', 'Reports en fonds dédiés', 'C', 'à vérifier: libellé exact du compte 689 dans ANC 2018-06'],
  ['69', 'Participation des salariés - Impôts sur les bénéfices et assimilés', 'C'],
  ['691', 'Participation des salariés aux résultats', 'C'],
  ['695', 'Impôts sur les bénéfices', 'C'],
  ['70', 'Ventes de produits fabriqués, prestations de services, marchandises', 'P'],
  ['701', 'Ventes de produits finis', 'P'],
  ['706', 'Prestations de services', 'P'],
  ['707', 'Ventes de marchandises', 'P'],
  ['708', 'Produits des activités annexes', 'P'],
  ['7083', 'Locations diverses', 'P'],
  ['709', 'Rabais, remises et ristournes accordés', 'P'],
  ['71', 'Production stockée (ou déstockage)', 'P'],
  ['72', 'Production immobilisée', 'P'],
  ['73', 'Concours publics', 'P'],
  ['74', 'Subventions', 'P'],
  [
    '740',
    'Subventions reçues',
    'P',
    "jusqu'en 2024 ; à vérifier: usage courant, non confirmé dans le texte ANC",
  ],
  ['741', "Subventions d'exploitation", 'P', 'à partir de 2025'],
  ['742', "Subventions d'équilibre", 'P', 'à partir de 2025'],
  [
    '747',
    "Quote-part des subventions d'investissement virée au résultat de l'exercice",
    'P',
    'à partir de 2025',
  ],
  ['75', 'Autres produits de gestion courante', 'P'],
  [
    '751',
    'Redevances pour concessions, brevets, licences, marques, procédés, solutions informatiques, droits et valeurs similaires',
    'P',
  ],
  ['754', 'Ressources liées à la générosité du public', 'P'],
  ['7541', 'Dons manuels', 'P'],
  ['7542', 'Mécénats', 'P'],
  ['7543', 'Legs, donations et assurances-vie', 'P'],
  ['755', 'Contributions financières', 'P'],
  ['756', 'Cotisations', 'P'],
  ['7561', 'Cotisations sans contrepartie', 'P'],
  ['7562', 'Cotisations avec contrepartie', 'P'],
  ['757', "Produits des cessions d'immobilisations incorporelles et corporelles", 'P', 'à partir de 2025'],
  ['758', 'Indemnités et autres produits', 'P'],
  ['76', 'Produits financiers', 'P'],
  ['761', 'Produits de participations', 'P'],
  ['77', 'Produits exceptionnels', 'P'],
  ['771', 'Produits exceptionnels sur opérations de gestion', 'P', "jusqu'en 2024"],
  ['775', "Produits des cessions d'éléments d'actif", 'P', "jusqu'en 2024"],
  ['778', 'Autres produits exceptionnels', 'P'],
  ['78', 'Reprises sur amortissements, dépréciations et provisions', 'P'],
  [
    '781',
    "Reprises sur amortissements, dépréciations et provisions (à inscrire dans les produits d'exploitation)",
    'P',
  ],
  ['786', 'Reprises sur dépréciations et provisions (à inscrire dans les produits financiers)', 'P'],
  ['787', 'Reprises sur dépréciations et provisions (à inscrire dans les produits exceptionnels)', 'P'],
  ['789', 'Utilisations des fonds reportés et des fonds dédiés', 'P', 'à vérifier: libellé exact ANC'],
  ['79', 'Transferts de charges', 'P', "jusqu'en 2024"],
  ['791', "Transferts de charges d'exploitation", 'P', "jusqu'en 2024"],
  ['86', 'Emplois des contributions volontaires en nature', 'U'],
  ['860', 'Secours en nature', 'U'],
  ['861', 'Mise à disposition gratuite de biens', 'U'],
  ['8611', 'Locaux', 'U', 'à vérifier: sous-compte présent chez Paheko, non confirmé dans le texte ANC'],
  ['8612', 'Matériels', 'U', 'à vérifier: sous-compte présent chez Paheko, non confirmé dans le texte ANC'],
  ['862', 'Prestations', 'U'],
  ['864', 'Personnel bénévole', 'U'],
  ['87', 'Contributions volontaires en nature', 'R'],
  ['870', 'Dons en nature', 'R'],
  ['871', 'Prestations en nature', 'R'],
  ['875', 'Bénévolat', 'R'],
];

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The reference chart, in account order. */
export const CHART_OF_ACCOUNTS: readonly ChartAccount[] = ROWS.map(([number, label, nature, notes]) => ({
  number,
  label,
  nature: NATURES[nature],
  accountClass: Number(number[0]),
  cerfaLine: CERFA_BUDGET_LINES[number.slice(0, 2)] ?? '',
  notes: notes === undefined ? null : `${capitalised(notes)}.`,
}));

/** An account of the chart by number; throws for an unknown one (a programming error). */
export function chartAccount(number: string): ChartAccount {
  const found = CHART_OF_ACCOUNTS.find((a) => a.number === number);
  if (!found) throw new Error(`Account ${number} is not in the chart`);
  return found;
}

/** What « Budget prévisionnel » and « Opérations » store for an account: « Compte » of « Comptes ». */
export function accountTitle(account: Pick<ChartAccount, 'number' | 'label'>): string {
  return `${account.number} ${account.label}`;
}
