/** The demo workbook as the documents service would hand it to `build`: parsed records with ids, parsed settings. */
import type { DocRecord, DocumentInput } from '../../src/domain/documents/catalog';
import { generateDemoData } from '../../src/demo';
import { parseCellInput } from '../../src/domain/values';
import { requireSheet } from '../../src/schema';
import { VENUE_SETTINGS } from '../../src/schema/sheets/settings';
import type { CellValue } from '../../src/domain/value-types';
import { demoRecords } from '../server/demo-records';

const dataset = generateDemoData({ seed: 1 });

/** The demo records of every table, each with an id as setup writes them (`ACT-0001`…). */
export function demoInputRecords(): Record<string, DocRecord[]> {
  const out: Record<string, DocRecord[]> = {};
  for (const table of dataset.tables) {
    const prefix = requireSheet(table.sheet).idPrefix ?? table.sheet.toUpperCase();
    out[table.sheet] = demoRecords(table.sheet).map((r, i) => ({
      id: `${prefix}-${String(i + 1).padStart(4, '0')}`,
      ...r,
    }));
  }
  return out;
}

/** « Paramètres du lieu » of the demo, parsed as the settings sheet stores them. */
export function demoSettings(): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const def of VENUE_SETTINGS) {
    if (def.type === 'formula') continue;
    const parsed = parseCellInput(def, dataset.settings[def.key], { locale: 'fr', timeZone: 'Europe/Paris' });
    if (!parsed.ok) throw new Error(`${def.key}: ${JSON.stringify(parsed.error)}`);
    out[def.key] = parsed.value;
  }
  return out;
}

/** The demo story's « today » (1 September 2026), as the emulator's clock. */
export const TODAY = '2026-09-01';
export const YEAR = 2026;

export function demoInput(subject: DocumentInput['subject']): DocumentInput {
  return { records: demoInputRecords(), settings: demoSettings(), subject, today: TODAY };
}

/** An action whose budget balances to the cent with odd cents, its 74 split over five funder levels. */
export const BALANCED_ACTION = 'Cantine solidaire du samedi';
export const FIVE_FUNDERS = [
  { funder: 'Préfecture du Loiret', level: 'État', amount: 1500.37 },
  { funder: 'Région Centre-Val de Loire', level: 'Région', amount: 2750.49 },
  { funder: 'Département du Loiret', level: 'Département', amount: 1999.99 },
  { funder: 'Ville de Valmoret', level: 'Commune', amount: 1234.56 },
  { funder: 'CAF du Loiret', level: 'CAF', amount: 800.01 },
];
const CHARGES: [string, string, number][] = [
  ['601 Achats stockés – matières premières et fournitures', 'Denrées', 2345.67],
  ['604 Achats d’études et prestations de services', 'Cheffe intervenante', 1890.13],
  ['606 Achats non stockés de matières et fournitures', 'Petit matériel', 411.11],
  ['613 Locations', 'Chambre froide', 999.99],
  ['625 Déplacements, missions et réceptions', 'Collecte', 123.45],
  ['641 Rémunérations du personnel', 'Animatrice (quote-part)', 3001.07],
  ['645 Charges de sécurité sociale et de prévoyance', 'Cotisations', 1050.38],
];

/** Budget lines and grants of the balanced action (the last produit closes the gap to the cent). */
export function balancedActionRecords(extraCharge = 0): {
  action: DocRecord;
  budget: DocRecord[];
  grants: DocRecord[];
} {
  const charges = CHARGES.map(([account, label, amount]) => ({
    year: YEAR,
    action: BALANCED_ACTION,
    account,
    label,
    amount,
  }));
  charges[0] = { ...charges[0], amount: Math.round((charges[0].amount + extraCharge) * 100) / 100 };
  const grants = FIVE_FUNDERS.map((f, i) => ({
    id: `SUB-90${i}`,
    title: `${BALANCED_ACTION} – ${f.funder}`,
    funder: f.funder,
    funderLevel: f.level,
    action: BALANCED_ACTION,
    financialYear: YEAR,
    status: 'En préparation',
    amountRequested: f.amount,
  }));
  const products = FIVE_FUNDERS.map((f) => ({
    year: YEAR,
    action: BALANCED_ACTION,
    account: '741 Subventions d’exploitation',
    label: `Demande ${f.level}`,
    funder: f.funder,
    amount: f.amount,
  }));
  const totalCharges = CHARGES.reduce((s, c) => s + Math.round(c[2] * 100), 0);
  const total74 = FIVE_FUNDERS.reduce((s, f) => s + Math.round(f.amount * 100), 0);
  const sales = (totalCharges - total74 - 35000) / 100;
  const budget: DocRecord[] = [
    ...charges,
    ...products,
    {
      year: YEAR,
      action: BALANCED_ACTION,
      account: '706 Prestations de services',
      label: 'Repas à prix libre',
      amount: sales,
    },
    { year: YEAR, action: BALANCED_ACTION, account: '7541 Dons manuels', label: 'Dons', amount: 350 },
    {
      year: YEAR,
      action: BALANCED_ACTION,
      account: '864 Personnel bénévole',
      label: 'Bénévoles en cuisine',
      amount: 1012.5,
    },
    { year: YEAR, action: BALANCED_ACTION, account: '862 Prestations', label: 'Camion prêté', amount: 120.3 },
    {
      year: YEAR,
      action: BALANCED_ACTION,
      account: '875 Bénévolat',
      label: 'Bénévoles en cuisine',
      amount: 1012.5,
    },
    {
      year: YEAR,
      action: BALANCED_ACTION,
      account: '871 Prestations en nature',
      label: 'Camion prêté',
      amount: 120.3,
    },
    {
      year: YEAR - 1,
      action: BALANCED_ACTION,
      account: '601 Achats',
      label: 'Exercice précédent',
      amount: 77.77,
    },
  ];
  const action = {
    id: 'ACT-9001',
    title: BALANCED_ACTION,
    axis: 'Apprendre, fabriquer, réparer',
    objective: 'Cultiver et cuisiner local',
    description: 'Un repas cuisiné chaque samedi avec les invendus du marché, ouvert à tous, à prix libre.',
    targetAudience: 'Habitant·es du quartier, familles',
    lead: 'Yanis Haddad',
    partners: 'Ville de Valmoret, CAF du Loiret',
    startDate: '2026-10-03',
    endDate: '2027-06-26',
    status: 'En préparation',
  };
  return { action, budget, grants };
}

/** The demo input plus the balanced action, its budget and its five grant applications. */
export function demoInputWithBalancedAction(extraCharge = 0): DocumentInput {
  const base = demoInput('ACT-9001');
  const fx = balancedActionRecords(extraCharge);
  const records = { ...base.records } as Record<string, readonly DocRecord[]>;
  records.actions = [...records.actions, fx.action];
  records.budget = [...records.budget, ...fx.budget];
  records.grants = [...records.grants, ...fx.grants];
  return { ...base, records };
}
