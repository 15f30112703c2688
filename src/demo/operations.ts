/** « Opérations »: what was actually spent and received from January to the story's "today". */

import { accountTitle } from './accounts';
import { type Day, day, frDate, frMoney, monthOf } from './calendar';
import { ORG } from './cast';
import { residentFees } from './community';
import type { PlannedGrant } from './grants';
import { ACTION } from './strategy';
import type { DemoContext, DemoRecord, DemoValue } from './types';

interface Op {
  day: Day;
  account: string;
  action: string | null;
  label: string;
  amount: number;
  payee: string | null;
  grant?: string;
  method: string;
}

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août'];

/** Reads back a French amount typed by the demo (`1 234,50`). */
function euros(value: DemoValue): number {
  return Number(String(value).replace(/\s/g, '').replace(',', '.'));
}

/**
 * About 200 operations: monthly rent, energy, salaries and fees, resident fees, the grants
 * received, the rentals of past bookings, purchases, and the volunteer valuation at mid-year.
 */
export function operationRecords(
  ctx: DemoContext,
  grants: PlannedGrant[],
  bookings: readonly DemoRecord[],
): DemoRecord[] {
  const y = ctx.year;
  const rng = ctx.rng;
  const ops: Op[] = [];
  const lastMonth = monthOf(ctx.today - 1);
  for (let m = 1; m <= lastMonth; m++) {
    const month = MONTH_NAMES[m - 1] ?? String(m);
    const winter = m <= 3 || m >= 11;
    ops.push({
      day: day(y, m, 5),
      account: '613',
      action: null,
      label: `Loyer de ${month}`,
      amount: 1200,
      payee: ORG.town,
      method: 'Virement',
    });
    ops.push({
      day: day(y, m, 12),
      account: '606',
      action: null,
      label: `Électricité – ${month}`,
      amount: rng.amount(winter ? 520 : 310, 0.12, 0.01),
      payee: 'Fournisseur d’électricité coopératif',
      method: 'Prélèvement',
    });
    if (winter || m === 4) {
      ops.push({
        day: day(y, m, 14),
        account: '606',
        action: null,
        label: `Gaz – ${month}`,
        amount: rng.amount(380, 0.15, 0.01),
        payee: 'Fournisseur de gaz',
        method: 'Prélèvement',
      });
    }
    ops.push({
      day: day(y, m, 8),
      account: '626',
      action: null,
      label: `Box internet et téléphones – ${month}`,
      amount: 49.9,
      payee: 'Opérateur télécom',
      method: 'Prélèvement',
    });
    ops.push({
      day: day(y, m, 28) - (m === 2 ? 1 : 0),
      account: '627',
      action: null,
      label: `Frais de tenue de compte – ${month}`,
      amount: 18.5,
      payee: 'Banque',
      method: 'Prélèvement',
    });
    ops.push({
      day: day(y, m, 27),
      account: '641',
      action: null,
      label: `Salaires bruts de ${month}`,
      amount: 4100,
      payee: 'Salarié·es',
      method: 'Virement',
    });
    ops.push({
      day: day(y, m, 15),
      account: '645',
      action: null,
      label: `Cotisations URSSAF et retraite – ${month}`,
      amount: rng.amount(1350, 0.03, 0.01),
      payee: 'URSSAF',
      method: 'Prélèvement',
    });
    ops.push({
      day: day(y, m, 20),
      account: '7561',
      action: null,
      label: `Adhésions en ligne – ${month}`,
      amount: rng.amount(m <= 2 || m === 9 ? 600 : 180, 0.3, 5),
      payee: 'Plateforme d’adhésion',
      method: 'Plateforme en ligne',
    });
    if (m !== 8) {
      ops.push({
        day: day(y, m, 25),
        account: '707',
        action: ACTION.welcome,
        label: `Recettes de la buvette – ${month}`,
        amount: rng.amount(480, 0.25, 0.1),
        payee: null,
        method: 'Espèces',
      });
      ops.push({
        day: day(y, m, 26),
        account: '706',
        action: ACTION.woodshop,
        label: `Participations aux ateliers bois – ${month}`,
        amount: rng.amount(320, 0.3, 5),
        payee: null,
        method: 'Carte bancaire',
      });
    }
    for (const r of residentFees()) {
      ops.push({
        day: day(y, m, 3),
        account: '7083',
        action: ACTION.residents,
        label: `Redevance de ${month}`,
        amount: r.fee,
        payee: r.name,
        method: 'Virement',
      });
    }
  }
  for (const [m, d] of [
    [1, 15],
    [4, 15],
    [7, 15],
  ]) {
    if (day(y, m, d) < ctx.today)
      ops.push({
        day: day(y, m, d),
        account: '614',
        action: null,
        label: 'Charges locatives du trimestre',
        amount: 900,
        payee: ORG.town,
        method: 'Virement',
      });
  }
  const once = (
    d: Day,
    account: string,
    action: string | null,
    label: string,
    amount: number,
    payee: string | null,
    method: string,
  ): void => {
    if (d < ctx.today) ops.push({ day: d, account, action, label, amount, payee, method });
  };
  once(
    day(y, 1, 10),
    '616',
    null,
    'Assurance multirisque annuelle',
    2380.4,
    'Mutuelle d’assurance associative',
    'Prélèvement',
  );
  once(
    day(y, 2, 3),
    '633',
    null,
    'Contribution formation professionnelle',
    690,
    'Opérateur de compétences',
    'Virement',
  );
  once(day(y, 3, 6), '647', null, 'Médecine du travail', 296, 'Service de santé au travail', 'Virement');
  once(
    day(y, 3, 31),
    '622',
    null,
    'Honoraires de l’expert-comptable (bilan)',
    1440,
    'Cabinet comptable',
    'Virement',
  );
  once(
    day(y, 6, 30),
    '622',
    null,
    'Honoraires de l’expert-comptable (situation)',
    960,
    'Cabinet comptable',
    'Virement',
  );
  once(day(y, 4, 22), '606', null, 'Eau – premier semestre', 312.6, 'Régie des eaux', 'Prélèvement');
  once(
    day(y, 6, 12),
    '604',
    ACTION.festival,
    'Cachets des artistes de Faubourg en fête',
    3600,
    'Compagnies invitées',
    'Virement',
  );
  once(
    day(y, 6, 5),
    '613',
    ACTION.festival,
    'Location de barnums et toilettes sèches',
    1185,
    'Loueur de matériel événementiel',
    'Virement',
  );
  once(
    day(y, 5, 20),
    '623',
    ACTION.festival,
    'Impression des programmes de Faubourg en fête',
    742.8,
    'Imprimerie',
    'Virement',
  );
  once(day(y, 6, 22), '707', ACTION.festival, 'Buvette de Faubourg en fête', 3312.5, null, 'Espèces');
  once(day(y, 5, 28), '7542', ACTION.festival, 'Mécénat de Faubourg en fête', 1000, ORG.bakery, 'Chèque');
  once(
    day(y, 2, 18),
    '623',
    null,
    'Affiches de la saison de printemps',
    286.4,
    'Imprimerie',
    'Carte bancaire',
  );
  once(
    day(y, 1, 30),
    '625',
    ACTION.volunteering,
    'Buffet de la soirée des bénévoles',
    142.3,
    ORG.bakery,
    'Carte bancaire',
  );
  once(
    day(y, 4, 24),
    '625',
    ACTION.volunteering,
    'Buffet de la soirée des bénévoles',
    131.9,
    ORG.bakery,
    'Carte bancaire',
  );
  once(
    day(y, 3, 12),
    '604',
    ACTION.kitchen,
    'Atelier de la cheffe intervenante',
    450,
    'Cheffe intervenante',
    'Virement',
  );
  once(
    day(y, 5, 7),
    '604',
    ACTION.openStage,
    'Technicien son (trois scènes ouvertes)',
    540,
    'Technicien intermittent',
    'Virement',
  );
  once(
    day(y, 3, 20),
    '604',
    ACTION.digital,
    'Intervention en médiation numérique',
    250,
    ORG.code,
    'Virement',
  );
  once(
    day(y, 2, 24),
    '615',
    ACTION.woodshop,
    'Affûtage des lames de la scie à format',
    186,
    'Affûteur',
    'Chèque',
  );
  once(day(y, 5, 12), '615', null, 'Réparation de la porte du garage à vélos', 420, 'Serrurier', 'Virement');
  once(
    day(y, 7, 21),
    '615',
    null,
    'Remplacement de blocs d’éclairage de sécurité',
    312,
    'Électricien',
    'Virement',
  );
  const purchases: [string, string, string, number][] = [
    [ACTION.woodshop, 'Bois et quincaillerie', 'Négoce de bois', 240],
    [ACTION.bikes, 'Pièces détachées vélo', 'Grossiste cycles', 150],
    [ACTION.kitchen, 'Denrées pour l’atelier cuisine', 'Épicerie de gros', 95],
    [ACTION.repairCafe, 'Consommables du repair café', 'Quincaillerie du centre', 45],
    [ACTION.garden, 'Semences et terreau', 'Jardinerie', 70],
    [ACTION.welcome, 'Café, thé et boissons', 'Épicerie de gros', 260],
  ];
  for (let i = 0; i < 24; i++) {
    const [action, label, payee, base] = purchases[i % purchases.length];
    const d = day(y, 1, 8) + Math.floor(((ctx.today - 30 - day(y, 1, 8)) * i) / 24) + rng.int(0, 5);
    const account = action === ACTION.welcome ? '607' : '601';
    ops.push({
      day: d,
      account,
      action,
      label,
      amount: rng.amount(base, 0.35, 0.01),
      payee,
      method: rng.pick(['Carte bancaire', 'Carte bancaire', 'Virement']),
    });
  }
  for (const d of [day(y, 1, 22), day(y, 3, 9), day(y, 6, 21), day(y, 7, 30)]) {
    once(d, '7541', null, 'Dons manuels', rng.amount(260, 0.5, 5), 'Donateur·ices', 'Chèque');
  }
  for (const g of grants) {
    for (const [d, amount] of g.payments) {
      if (d < ctx.today)
        ops.push({
          day: d,
          account: '741',
          action: g.action,
          label: `Versement – ${g.title}`,
          amount,
          payee: g.funder,
          grant: g.title,
          method: 'Virement',
        });
    }
  }
  for (const b of bookings) {
    if (b.status !== 'Confirmée' || b.paid !== 'oui' || b.price === null) continue;
    const [dd, mm, yyyy] = String(b.startDate).split('/').map(Number);
    ops.push({
      day: day(yyyy, mm, dd),
      account: '7083',
      action: ACTION.rentals,
      label: `Location – ${b.title} (${b.space})`,
      amount: euros(b.price),
      payee: typeof b.organiser === 'string' ? b.organiser : 'Particulier',
      method: rng.pick(['Virement', 'Chèque', 'Carte bancaire']),
    });
  }
  // Volunteer time (864/875) is not an operation: the workbook values « Heures de bénévolat ».
  ops.sort((a, b) => a.day - b.day || a.account.localeCompare(b.account));
  return ops.map((o, i) => ({
    date: frDate(o.day),
    account: accountTitle(o.account),
    action: o.action,
    label: o.label,
    amount: frMoney(o.amount),
    payee: o.payee,
    grant: o.grant ?? null,
    paymentMethod: o.account.startsWith('8') ? null : o.method,
    receiptNumber: `${y}-${String(i + 1).padStart(4, '0')}`,
    receiptLink: null,
    reconciled: o.day < ctx.today - 20 ? 'oui' : 'non',
  }));
}
