/** « Subventions »: one application per funder level, covering every status of an application's life. */

import { type Day, day, frDate, frMoney, yesNo } from './calendar';
import { ORG, PERSON } from './cast';
import { ACTION } from './strategy';
import type { DemoContext, DemoRecord } from './types';

/** A grant as the story needs it: the record fields plus when the money arrived. */
export interface PlannedGrant {
  title: string;
  funder: string;
  level: string;
  programme: string;
  action: string | null;
  financialYear: number;
  multiYear: boolean;
  status: string;
  deadline: Day | null;
  submittedOn: Day | null;
  requested: number;
  granted: number | null;
  /** Payments received within the story's year (day, amount). */
  payments: [Day, number][];
  /** Received in earlier years. */
  receivedBefore: number;
  convention: string | null;
  conventionEnd: Day | null;
  reportDue: Day | null;
  contact: string;
  notes: string | null;
}

/** The grants of the story; deadlines and reports are placed relative to 1 September. */
export function plannedGrants(ctx: DemoContext): PlannedGrant[] {
  const y = ctx.year;
  const g = (
    over: Partial<PlannedGrant> &
      Pick<PlannedGrant, 'title' | 'funder' | 'level' | 'status' | 'requested' | 'contact'>,
  ): PlannedGrant => ({
    programme: '',
    action: null,
    financialYear: y,
    multiYear: false,
    deadline: null,
    submittedOn: null,
    granted: null,
    payments: [],
    receivedBefore: 0,
    convention: null,
    conventionEnd: null,
    reportDue: null,
    notes: null,
    ...over,
  });
  return [
    g({
      title: `Fonctionnement ${y} – Ville de Valmoret`,
      funder: ORG.town,
      level: 'Commune',
      programme: 'Convention pluriannuelle d’objectifs',
      multiYear: true,
      status: 'Versée',
      deadline: day(y - 1, 10, 31),
      submittedOn: day(y - 1, 10, 20),
      requested: 25000,
      granted: 22000,
      payments: [
        [day(y, 2, 12), 11000],
        [day(y, 7, 9), 11000],
      ],
      convention: `CPO ${y - 1}-${y + 1} n° 2025-118`,
      conventionEnd: day(y + 1, 12, 31),
      reportDue: day(y + 1, 6, 30),
      contact: PERSON.town,
    }),
    g({
      title: `Faubourg en fête ${y}`,
      funder: ORG.town,
      level: 'Commune',
      programme: 'Fonds d’animation des quartiers',
      action: ACTION.festival,
      status: 'Soldée',
      deadline: day(y, 2, 28),
      submittedOn: day(y, 2, 20),
      requested: 5000,
      granted: 4000,
      payments: [[day(y, 4, 22), 4000]],
      reportDue: day(y, 12, 31),
      contact: PERSON.town,
      notes: 'Bilan transmis le 28 juillet.',
    }),
    g({
      title: 'Soutien aux lieux de l’ESS',
      funder: ORG.agglo,
      level: 'EPCI',
      programme: 'Fonds communautaire ESS',
      action: ACTION.residents,
      status: 'Accordée',
      deadline: day(y, 1, 31),
      submittedOn: day(y, 1, 28),
      requested: 8000,
      granted: 6000,
      payments: [[day(y, 5, 18), 3000]],
      convention: `ESS-${y}-07`,
      conventionEnd: day(y, 12, 31),
      reportDue: day(y + 1, 6, 30),
      contact: PERSON.agglo,
      notes: 'Solde de 50 % à la remise du bilan.',
    }),
    g({
      title: 'Cuisine anti-gaspi et repas partagés',
      funder: ORG.department,
      level: 'Département',
      programme: 'Appel à projets cohésion sociale',
      action: ACTION.kitchen,
      status: 'Déposée',
      deadline: day(y, 6, 30),
      submittedOn: day(y, 6, 24),
      requested: 7500,
      contact: PERSON.department,
      notes: 'Commission permanente d’octobre.',
    }),
    g({
      title: 'Consolidation du tiers-lieu',
      funder: ORG.region,
      level: 'Région',
      programme: 'Appel à projets tiers-lieux',
      status: 'En préparation',
      deadline: ctx.today + 17,
      requested: 20000,
      contact: PERSON.region,
      notes: 'Budget prévisionnel et CERFA 12156 à finaliser.',
    }),
    g({
      title: 'Inclusion numérique FSE+',
      funder: ORG.region,
      level: 'Europe',
      programme: 'FSE+ – axe inclusion',
      action: ACTION.digital,
      financialYear: y + 1,
      multiYear: true,
      status: 'À étudier',
      deadline: day(y, 10, 15),
      requested: 35000,
      contact: PERSON.region,
      notes: 'Avance de trésorerie à prévoir\u00a0: versement après contrôle de service fait.',
    }),
    g({
      title: `Jeunesse et parentalité ${y - 1}`,
      funder: ORG.caf,
      level: 'CAF',
      programme: 'Fonds publics et territoires',
      action: ACTION.kitchen,
      financialYear: y - 1,
      status: 'Bilan à rendre',
      deadline: day(y - 1, 3, 15),
      submittedOn: day(y - 1, 3, 10),
      requested: 6000,
      granted: 5000,
      receivedBefore: 5000,
      reportDue: ctx.today + 24,
      contact: PERSON.caf,
      notes: 'Compte rendu financier CERFA 15059 à envoyer.',
    }),
    g({
      title: `FDVA ${y} – fonctionnement et innovation`,
      funder: ORG.state,
      level: 'État',
      programme: 'FDVA 2',
      action: ACTION.volunteering,
      status: 'Versée',
      deadline: day(y, 2, 15),
      submittedOn: day(y, 2, 11),
      requested: 6000,
      granted: 4000,
      payments: [[day(y, 6, 26), 4000]],
      reportDue: day(y + 1, 6, 30),
      contact: PERSON.state,
    }),
    g({
      title: 'Jardins nourriciers',
      funder: ORG.foundation,
      level: 'Fondation',
      programme: 'Programme Alimentation durable',
      action: ACTION.garden,
      status: 'Refusée',
      deadline: day(y, 3, 31),
      submittedOn: day(y, 3, 25),
      requested: 10000,
      contact: PERSON.foundation,
      notes: 'Refus motivé par le nombre de dossiers\u00a0; redéposer l’an prochain.',
    }),
    g({
      title: 'Toiture solaire citoyenne – étude',
      funder: ORG.agglo,
      level: 'EPCI',
      programme: 'Appel à projets transition énergétique',
      action: ACTION.solarRoof,
      financialYear: y + 1,
      status: 'À étudier',
      deadline: ctx.today + 27,
      requested: 15000,
      contact: PERSON.agglo,
    }),
  ];
}

/** Grant records. */
export function grantRecords(grants: PlannedGrant[]): DemoRecord[] {
  return grants.map((gr) => {
    const received = gr.receivedBefore + gr.payments.reduce((s, p) => s + p[1], 0);
    return {
      title: gr.title,
      funder: gr.funder,
      funderLevel: gr.level,
      programme: gr.programme || null,
      action: gr.action,
      financialYear: gr.financialYear,
      multiYear: yesNo(gr.multiYear),
      status: gr.status,
      deadline: gr.deadline === null ? null : frDate(gr.deadline),
      submittedOn: gr.submittedOn === null ? null : frDate(gr.submittedOn),
      amountRequested: frMoney(gr.requested),
      amountGranted: gr.granted === null ? null : frMoney(gr.granted),
      amountReceived: gr.granted === null ? null : frMoney(received),
      convention: gr.convention,
      conventionEnd: gr.conventionEnd === null ? null : frDate(gr.conventionEnd),
      reportDue: gr.reportDue === null ? null : frDate(gr.reportDue),
      contact: gr.contact,
      notes: gr.notes,
    };
  });
}
