/**
 * Issue 12's people sheets in the demo: « Médiations », « Suites à donner » (next steps of the
 * meetings held), « Représentation », and a conflict incident linked to its mediation. Dates
 * are placed around the demo's today (1 September) so that some next steps are late, some due
 * soon and some done.
 */
import { day, frDate } from './calendar';
import { ORG, PERSON } from './cast';
import { SPACE } from './spaces';
import type { DemoContext, DemoRecord } from './types';

/** Subjects of the demo mediations (« Médiations » labels). */
export const MEDIATION = {
  workshopNoise: 'Bruit de l’atelier bois pendant les répétitions',
  gardenTools: 'Partage de l’abri de jardin',
} as const;

export function mediationRecords(ctx: DemoContext): DemoRecord[] {
  const y = ctx.year;
  return [
    {
      date: frDate(day(y, 4, 14)),
      parties: `${ORG.carpentry}, ${ORG.theatre}`,
      subject: MEDIATION.workshopNoise,
      facilitator: PERSON.coordinator,
      steps: 'Rencontre de chaque structure (7 et 9 avril), réunion commune le 14 avril, point à un mois.',
      agreementReached: 'oui',
      followUpDate: frDate(day(y, 9, 15)),
      status: 'Accord trouvé',
      confidentialNotes: 'Tension ancienne sur le partage des créneaux\u00a0; à surveiller à la rentrée.',
    },
    {
      date: frDate(day(y, 8, 25)),
      parties: `${ORG.gardeners}, ${ORG.inhabitants}`,
      subject: MEDIATION.gardenTools,
      facilitator: PERSON.host,
      steps: 'Premier échange le 25 août\u00a0; proposition d’un planning d’usage de l’abri.',
      agreementReached: 'non',
      followUpDate: frDate(day(y, 9, 8)),
      status: 'En cours',
      confidentialNotes: 'Outils disparus deux fois\u00a0; ne pas en parler en réunion des résident·es.',
    },
  ];
}

/** A conflict incident dealt with by the first mediation (added to « Incidents »). */
export function conflictIncidentRecords(ctx: DemoContext): DemoRecord[] {
  return [
    {
      date: frDate(day(ctx.year, 4, 3)),
      time: '19h30',
      space: SPACE.hall,
      kind: 'Conflit',
      severity: 'Mineure',
      summary: 'Altercation entre l’atelier bois et la compagnie',
      description: 'Échange vif sur le bruit des machines pendant une répétition.',
      actionsTaken: 'Séparation des personnes, appel de la coordinatrice.',
      reportedBy: PERSON.host,
      insuranceDeclared: 'non',
      status: 'Clos',
      followUp: 'Médiation ouverte.',
      mediation: MEDIATION.workshopNoise,
    },
  ];
}

/** Next steps of meetings held: done, late, due soon and later. */
export function nextStepRecords(ctx: DemoContext): DemoRecord[] {
  const y = ctx.year;
  const step = (
    meeting: string,
    action: string,
    owner: string,
    due: [number, number],
    status: string,
    doneOn: [number, number] | null = null,
  ): DemoRecord => ({
    meeting,
    action,
    owner,
    dueDate: frDate(day(y, due[0], due[1])),
    status,
    doneOn: doneOn ? frDate(day(y, doneOn[0], doneOn[1])) : null,
  });
  return [
    step(
      'CA de mai',
      'Envoyer le compte rendu du CA aux adhérent·es',
      PERSON.secretary,
      [5, 31],
      'Fait',
      [5, 28],
    ),
    step(
      'Assemblée générale',
      'Déposer les comptes approuvés en préfecture',
      PERSON.treasurer,
      [7, 15],
      'Fait',
      [7, 10],
    ),
    step(
      'CA de juillet',
      'Demander trois devis pour la réfection de la toiture',
      PERSON.coordinator,
      [8, 20],
      'En cours',
    ),
    step(
      'Réunion des résident·es (été)',
      'Proposer un planning d’usage de l’abri de jardin',
      PERSON.host,
      [8, 28],
      'À faire',
    ),
    step(
      'Réunion d’équipe de rentrée',
      'Relancer les bénévoles pour l’accueil du samedi',
      PERSON.host,
      [9, 4],
      'À faire',
    ),
    step(
      'Réunion d’équipe de rentrée',
      'Mettre à jour le plan de communication de l’automne',
      PERSON.coordinator,
      [9, 7],
      'En cours',
    ),
    step(
      'CA de juillet',
      'Préparer le budget prévisionnel de l’an prochain',
      PERSON.treasurer,
      [10, 15],
      'À faire',
    ),
    step(
      'Réunion des résident·es (été)',
      'Installer un second composteur',
      PERSON.gardeners,
      [8, 10],
      'Abandonnée',
    ),
  ];
}

/** Institutional and neighbourhood meetings the site attended. */
export function representationRecords(ctx: DemoContext): DemoRecord[] {
  const y = ctx.year;
  return [
    {
      date: frDate(day(y, 2, 12)),
      body: ORG.town,
      kind: 'Instance institutionnelle',
      attendees: `${PERSON.coordinator}, ${PERSON.president}`,
      purpose: 'Commission vie associative\u00a0: présentation du lieu',
      outcomes: 'Le lieu est invité au forum des associations.',
      followUp: 'Inscription au forum avant le 30 juin.',
    },
    {
      date: frDate(day(y, 3, 19)),
      body: ORG.inhabitants,
      kind: 'Réunion de quartier',
      attendees: PERSON.host,
      purpose: 'Conseil citoyen des Tanneurs',
      outcomes: 'Demande d’ouverture du lieu un soir par semaine.',
      followUp: null,
    },
    {
      date: frDate(day(y, 6, 5)),
      body: ORG.agglo,
      kind: 'Instance institutionnelle',
      attendees: `${PERSON.coordinator}, ${PERSON.treasurer}`,
      purpose: 'Comité de suivi de la convention pluriannuelle',
      outcomes: 'Subvention reconduite sous réserve du rapport d’activité.',
      followUp: 'Envoyer le rapport d’activité avant le 30 septembre.',
    },
    {
      date: frDate(day(y, 6, 26)),
      body: ORG.socialCentre,
      kind: 'Partenaires',
      attendees: `${PERSON.host}, ${PERSON.secretary}`,
      purpose: 'Réseau des acteurs de quartier',
      outcomes: 'Programme commun pour la fête de quartier.',
      followUp: null,
    },
  ];
}
