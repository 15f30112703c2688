/** « Budget prévisionnel »: the year's budget by action and account, balanced, with volunteer contributions. */

import { frMoney } from './calendar';
import { accountTitle } from './accounts';
import { ORG } from './cast';
import { ACTION } from './strategy';
import type { DemoContext, DemoRecord } from './types';

type Line = [action: string | null, account: string, label: string, amount: number, funder?: string];

const CHARGES: Line[] = [
  [null, '613', 'Loyer de l’ancienne filature (Ville de Valmoret)', 14400],
  [null, '614', 'Charges locatives', 3600],
  [null, '606', 'Électricité, gaz et eau', 9000],
  [null, '616', 'Multirisque et responsabilité civile', 2400],
  [null, '615', 'Entretien courant du bâtiment', 3000],
  [null, '622', 'Expert-comptable', 2400],
  [null, '623', 'Site web, lettre d’information et affiches', 1400],
  [null, '626', 'Téléphone et internet', 600],
  [null, '627', 'Frais bancaires', 240],
  [null, '633', 'Formation professionnelle', 700],
  [null, '641', 'Salaires (coordinatrice et chargé d’accueil)', 49200],
  [null, '645', 'Cotisations patronales', 16200],
  [null, '647', 'Médecine du travail', 300],
  [null, '681', 'Amortissement des machines de l’atelier', 3500],
  [ACTION.welcome, '607', 'Boissons et café de la buvette', 4000],
  [ACTION.repairCafe, '601', 'Petites pièces et consommables', 500],
  [ACTION.repairCafe, '625', 'Goûters des réparateur·ices', 300],
  [ACTION.bikes, '601', 'Pièces détachées', 1200],
  [ACTION.woodshop, '601', 'Bois et quincaillerie', 1800],
  [ACTION.woodshop, '615', 'Affûtage et entretien des machines', 1000],
  [ACTION.kitchen, '601', 'Denrées et produits d’hygiène', 1500],
  [ACTION.kitchen, '604', 'Cheffe intervenante', 1000],
  [ACTION.garden, '601', 'Semences, terreau et outils', 400],
  [ACTION.festival, '604', 'Cachets des artistes', 4000],
  [ACTION.festival, '613', 'Location de barnums et de toilettes sèches', 1200],
  [ACTION.festival, '623', 'Affiches et programmes', 800],
  [ACTION.openStage, '604', 'Technicien son', 1000],
  [ACTION.digital, '604', 'Intervenant en médiation numérique', 500],
  [ACTION.volunteering, '625', 'Soirées d’accueil des bénévoles', 500],
];

const PRODUCTS: Line[] = [
  [null, '741', 'Convention pluriannuelle d’objectifs', 22000, ORG.town],
  [null, '741', 'Appel à projets tiers-lieux', 20000, ORG.region],
  [ACTION.festival, '741', 'Fonds d’animation des quartiers', 4000, ORG.town],
  [ACTION.residents, '741', 'Fonds communautaire ESS', 6000, ORG.agglo],
  [ACTION.kitchen, '741', 'Appel à projets cohésion sociale', 7500, ORG.department],
  [ACTION.volunteering, '741', 'FDVA 2', 4000, ORG.state],
  [ACTION.residents, '7083', 'Redevances des structures résidentes', 10800],
  [ACTION.rentals, '7083', 'Locations de la halle et de la salle de réunion', 14000],
  [ACTION.woodshop, '706', 'Participations aux ateliers bois', 3500],
  [ACTION.bikes, '706', 'Adhésions à l’atelier vélo', 1500],
  [ACTION.welcome, '707', 'Buvette', 6000],
  [ACTION.festival, '707', 'Buvette de Faubourg en fête', 3000],
  [null, '7561', 'Adhésions (250 × 15 €)', 3750],
  [null, '7541', 'Dons manuels', 1500],
  [ACTION.festival, '7542', 'Mécénat du Fournil du Pont', 1000, ORG.bakery],
];

/** Volunteer time the budget plans for the year, in hours. */
export const BUDGETED_VOLUNTEER_HOURS = 700;

/**
 * Budget records of the year. The last product line, a CAF request, closes the gap so that
 * charges equal products; 864/875 and 862/871 carry the same amount on both sides.
 */
export function budgetRecords(ctx: DemoContext, hourlyValue: number): DemoRecord[] {
  const sum = (lines: Line[]): number => lines.reduce((s, l) => s + l[3], 0);
  const gap = sum(CHARGES) - sum(PRODUCTS);
  if (gap <= 0) throw new Error('Demo budget: products already exceed charges');
  const products: Line[] = [
    ...PRODUCTS,
    [ACTION.kitchen, '741', 'Prestation d’animation de la vie sociale (à solliciter)', gap, ORG.caf],
  ];
  const volunteering = Math.round(BUDGETED_VOLUNTEER_HOURS * hourlyValue);
  const contributions: Line[] = [
    [null, '864', `Bénévolat (${BUDGETED_VOLUNTEER_HOURS} h)`, volunteering],
    [null, '875', `Bénévolat (${BUDGETED_VOLUNTEER_HOURS} h)`, volunteering],
    [null, '862', 'Graphisme offert par une adhérente', 1200],
    [null, '871', 'Graphisme offert par une adhérente', 1200],
  ];
  return [...CHARGES, ...products, ...contributions].map(([action, account, label, amount, funder]) => ({
    year: ctx.year,
    action,
    account: accountTitle(account),
    label,
    funder: funder ?? null,
    amount: frMoney(amount),
  }));
}
