/**
 * One action's budget laid out as the « Budget du projet » of CERFA 12156 (sections 6;
 * /work/shared/reference/cerfa-12156.md): charges by lines 60–68, produits by lines 70–78 with
 * 74 split by funder level, the in-kind contributions 86/87 below the totals.
 */
import { accountClass, accountStartsWith } from '../../finance/budget';
import { CERFA_BUDGET_LINES } from '../../finance/chart-of-accounts';
import { formatValue } from '../template';
import type { DocRecord } from '../catalog';
import { cents, num, sum, text } from './common';

/** The CERFA lines always printed, in the form's order (69 and 79 only when used). */
export const CHARGE_LINES = ['60', '61', '62', '63', '64', '65', '66', '67', '68', '69'];
export const PRODUCT_LINES = ['70', '73', '74', '75', '76', '77', '78', '79'];
const OPTIONAL_LINES = new Set(['69', '79']);
const IN_KIND_USES = ['860', '861', '862', '864'];
const IN_KIND_RESOURCES = ['870', '871', '875'];

/**
 * The funders of line 74 in the order of the form (État, Région(s), Département(s), EPCI,
 * Commune(s), organismes sociaux, fonds européens, then the others); the levels are those of
 * « Subventions » (FUNDER_LEVELS). The printed order is itself « à vérifier » in the reference.
 */
export const FUNDER_LEVEL_ORDER = [
  'État',
  'Région',
  'Département',
  'EPCI',
  'Commune',
  'CAF',
  'Europe',
  'Fondation',
  'Autre',
] as const;
const FUNDER_LEVEL_LABEL: Readonly<Record<string, string>> = {
  État: 'État',
  Région: 'Région(s)',
  Département: 'Département(s)',
  EPCI: 'Intercommunalité(s)\u00a0: EPCI',
  Commune: 'Commune(s)',
  CAF: 'Organismes sociaux (CAF, etc.)',
  Europe: 'Fonds européens (FSE, FEDER, etc.)',
  Fondation: 'Aides privées (fondations)',
  Autre: 'Autres financeurs',
};

export type CerfaLine = {
  ligne: string;
  montant: number;
};
export type FunderLine = {
  niveau: string;
  financeur: string;
  detail: string;
  montant: number;
};
export interface CerfaBudget {
  charges: CerfaLine[];
  produits: CerfaLine[];
  financeurs74: FunderLine[];
  emplois86: CerfaLine[];
  ressources87: CerfaLine[];
  totalCharges: number;
  totalProduits: number;
  total86: number;
  total87: number;
  subventions74: number;
}

const digitsOf = (account: unknown): string =>
  /^\s*(\d+)/.exec(typeof account === 'string' ? account : '')?.[1] ?? '';

/** The CERFA line (two-digit key) of an account: 71 and 72 roll up to 70. */
export function lineKey(account: unknown): string {
  const two = digitsOf(account).slice(0, 2);
  return two === '71' || two === '72' ? '70' : two;
}

/**
 * The level of a funder: the « Niveau du financeur » of its application in « Subventions »
 * (for this action first), else 'État' for a State service, 'Fondation' for a foundation, else 'Autre'.
 */
export function funderLevelOf(
  funder: string,
  action: string,
  grants: readonly DocRecord[],
  structures: readonly DocRecord[],
): string {
  const own = grants.filter((g) => text(g, 'funder') === funder && text(g, 'funderLevel') !== '');
  const grant = own.find((g) => text(g, 'action') === action) ?? own[0];
  if (grant) return text(grant, 'funderLevel');
  const kind = text(structures.find((s) => text(s, 'name') === funder) ?? {}, 'kind');
  if (kind === 'Institution ou service de l’État') return 'État';
  if (kind === 'Fondation') return 'Fondation';
  return 'Autre';
}

/** Budget lines (« Budget prévisionnel ») laid out by CERFA line; every total is the sum of its rows. */
export function cerfaBudget(
  lines: readonly DocRecord[],
  action: string,
  grants: readonly DocRecord[],
  structures: readonly DocRecord[],
): CerfaBudget {
  const byLine = (keys: readonly string[], cls: '6' | '7'): CerfaLine[] =>
    keys
      .map((key) => ({
        key,
        montant: sum(
          lines
            .filter((l) => accountClass(l.account) === cls && lineKey(l.account) === key)
            .map((l) => num(l, 'amount')),
        ),
      }))
      .filter((l) => !OPTIONAL_LINES.has(l.key) || l.montant !== 0)
      .map((l) => ({ ligne: CERFA_BUDGET_LINES[l.key], montant: l.montant }));
  const byAccount = (numbers: readonly string[], cls: '86' | '87'): CerfaLine[] => {
    const ofClass = lines.filter((l) => accountClass(l.account) === cls);
    const rows = numbers.map((n) => ({
      ligne: labelOfAccount(ofClass, n),
      montant: sum(ofClass.filter((l) => accountStartsWith(l.account, n)).map((l) => num(l, 'amount'))),
    }));
    const other = ofClass.filter((l) => !numbers.some((n) => accountStartsWith(l.account, n)));
    if (other.length > 0)
      rows.push({ ligne: `Autres (${cls})`, montant: sum(other.map((l) => num(l, 'amount'))) });
    return rows;
  };
  const charges = byLine(CHARGE_LINES, '6');
  const produits = byLine(PRODUCT_LINES, '7');
  const funders = new Map<string, FunderLine>();
  for (const l of lines.filter((x) => accountClass(x.account) === '7' && lineKey(x.account) === '74')) {
    const financeur = text(l, 'funder') || 'Financeur à préciser';
    const niveau = text(l, 'funder') === '' ? 'Autre' : funderLevelOf(financeur, action, grants, structures);
    const key = `${niveau}\u0000${financeur}`;
    const found = funders.get(key);
    const detail = text(l, 'label');
    if (found) {
      found.montant = cents(found.montant + num(l, 'amount'));
      if (detail !== '' && !found.detail.includes(detail))
        found.detail = found.detail ? `${found.detail}\u00a0; ${detail}` : detail;
    } else funders.set(key, { niveau, financeur, detail, montant: cents(num(l, 'amount')) });
  }
  const rank = (level: string) => {
    const i = (FUNDER_LEVEL_ORDER as readonly string[]).indexOf(level);
    return i < 0 ? FUNDER_LEVEL_ORDER.length : i;
  };
  const financeurs74 = [...funders.values()]
    .sort((a, b) => rank(a.niveau) - rank(b.niveau) || a.financeur.localeCompare(b.financeur, 'fr'))
    .map((f) => ({ ...f, niveau: FUNDER_LEVEL_LABEL[f.niveau] ?? f.niveau }));
  const emplois86 = byAccount(IN_KIND_USES, '86');
  const ressources87 = byAccount(IN_KIND_RESOURCES, '87');
  return {
    charges,
    produits,
    financeurs74,
    emplois86,
    ressources87,
    totalCharges: sum(charges.map((l) => l.montant)),
    totalProduits: sum(produits.map((l) => l.montant)),
    total86: sum(emplois86.map((l) => l.montant)),
    total87: sum(ressources87.map((l) => l.montant)),
    subventions74: sum(financeurs74.map((l) => l.montant)),
  };
}

/** `864 Personnel bénévole` as the lines spell it, else the account number. */
function labelOfAccount(lines: readonly DocRecord[], number: string): string {
  const known: Readonly<Record<string, string>> = {
    '860': '860 – Secours en nature',
    '861': '861 – Mise à disposition gratuite de biens et services',
    '862': '862 – Prestations',
    '864': '864 – Personnel bénévole',
    '870': '870 – Dons en nature',
    '871': '871 – Prestations en nature',
    '875': '875 – Bénévolat',
  };
  return known[number] ?? text(lines.find((l) => accountStartsWith(l.account, number)) ?? {}, 'account');
}

/** A French amount for a message (`1 234,56 €`). */
export const money = (amount: number): string => formatValue(amount, 'montant');
