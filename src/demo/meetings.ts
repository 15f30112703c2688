/** « Réunions »: board, bureau, general assembly, residents, funders and public meetings of the year. */

import { type Day, day, frDate, frTime } from './calendar';
import { PERSON } from './cast';
import { SPACE } from './spaces';
import type { DemoContext, DemoRecord } from './types';

/** A meeting as planned, with its length for the room booking. */
export interface PlannedMeeting {
  title: string;
  type: string;
  day: Day;
  start: number;
  minutes: number;
  space: string;
  participants: string;
  agenda: string;
  decisions: string;
}

const BOARD = `${PERSON.president}, ${PERSON.treasurer}, ${PERSON.secretary}, ${PERSON.boardMember}, ${PERSON.coordinator}`;

/** The meetings of the year, in date order. */
export function plannedMeetings(ctx: DemoContext): PlannedMeeting[] {
  const y = ctx.year;
  const m = (
    title: string,
    type: string,
    d: Day,
    start: number,
    minutes: number,
    space: string,
    participants: string,
    agenda: string,
    decisions: string,
  ): PlannedMeeting => ({ title, type, day: d, start, minutes, space, participants, agenda, decisions });
  const ca = 'Conseil d’administration';
  const list: PlannedMeeting[] = [
    m(
      'CA de janvier',
      ca,
      day(y, 1, 20),
      1140,
      150,
      SPACE.meetingRoom,
      BOARD,
      'Budget prévisionnel\u00a0; calendrier des demandes de subvention.',
      'Budget prévisionnel adopté à l’unanimité.',
    ),
    m(
      'Réunion des résident·es (hiver)',
      'Réunion des résident·es',
      day(y, 1, 15),
      750,
      90,
      SPACE.meetingRoom,
      'Les six structures résidentes',
      'Chauffage\u00a0; ménage des parties communes.',
      'Planning de ménage tournant adopté.',
    ),
    m(
      'Bureau de février',
      'Bureau',
      day(y, 2, 10),
      1080,
      90,
      SPACE.meetingRoom,
      `${PERSON.president}, ${PERSON.treasurer}, ${PERSON.secretary}`,
      'Dossier FDVA\u00a0; recrutement du service civique.',
      'Dépôt du dossier FDVA validé.',
    ),
    m(
      'Réunion publique toiture solaire',
      'Réunion publique',
      day(y, 2, 26),
      1110,
      120,
      SPACE.hall,
      'Habitant·es, Valmoret Agglomération',
      'Présentation du projet de toiture photovoltaïque citoyenne.',
      'Création d’un groupe de travail ouvert.',
    ),
    m(
      'Comité de pilotage avec les financeurs',
      'Comité de pilotage',
      day(y, 3, 5),
      600,
      120,
      SPACE.meetingRoom,
      'Ville, Agglomération, Département, Région, CAF',
      'Bilan de l’année passée\u00a0; perspectives.',
      'Convention pluriannuelle avec la Ville à préparer.',
    ),
    m(
      'CA de mars',
      ca,
      day(y, 3, 17),
      1140,
      150,
      SPACE.meetingRoom,
      BOARD,
      'Arrêté des comptes\u00a0; préparation de l’AG.',
      'Comptes arrêtés\u00a0; AG fixée au 13 juin.',
    ),
    m(
      'Réunion des résident·es (printemps)',
      'Réunion des résident·es',
      day(y, 4, 16),
      750,
      90,
      SPACE.meetingRoom,
      'Les six structures résidentes',
      'Faubourg en fête\u00a0; usage de l’atelier bois.',
      'Chaque résident·e tient un stand à la fête.',
    ),
    m(
      'CA de mai',
      ca,
      day(y, 5, 19),
      1140,
      150,
      SPACE.meetingRoom,
      BOARD,
      'Rapport d’activité\u00a0; tarifs de location.',
      'Hausse de 5 % des tarifs de la grande halle au 1er septembre.',
    ),
    m(
      'Assemblée générale',
      'Assemblée générale',
      day(y, 6, 13),
      600,
      180,
      SPACE.hall,
      'Adhérent·es (62 présent·es, 18 pouvoirs)',
      'Rapports moral, d’activité et financier\u00a0; élection du CA.',
      'Rapports approuvés\u00a0; CA renouvelé par tiers.',
    ),
    m(
      'Réunion des résident·es (été)',
      'Réunion des résident·es',
      day(y, 7, 2),
      750,
      90,
      SPACE.meetingRoom,
      'Les six structures résidentes',
      'Fermeture d’août\u00a0; renouvellement des conventions.',
      'Conventions renouvelées pour un an.',
    ),
    m(
      'CA de juillet',
      ca,
      day(y, 7, 7),
      1140,
      150,
      SPACE.meetingRoom,
      BOARD,
      'Point budgétaire à mi-année\u00a0; programmation de la rentrée.',
      'Demande FSE+ à préparer pour octobre.',
    ),
    m(
      'Réunion d’équipe de rentrée',
      'Réunion d’équipe',
      day(y, 9, 2),
      840,
      120,
      SPACE.meetingRoom,
      `${PERSON.coordinator}, ${PERSON.host}`,
      'Registre de sécurité\u00a0; forum des associations\u00a0; subventions à déposer.',
      '',
    ),
    m(
      'CA de septembre',
      ca,
      day(y, 9, 15),
      1140,
      150,
      SPACE.meetingRoom,
      BOARD,
      'Subventions à déposer\u00a0; bilan FDVA à rendre\u00a0; vérifications de sécurité en retard.',
      '',
    ),
    m(
      'Comité de pilotage d’automne',
      'Comité de pilotage',
      day(y, 10, 8),
      600,
      120,
      SPACE.meetingRoom,
      'Ville, Agglomération, Département, Région, CAF',
      'Budget de l’an prochain\u00a0; toiture solaire.',
      '',
    ),
    m(
      'Réunion avec le collège',
      'Réunion avec des partenaires',
      day(y, 10, 6),
      1020,
      60,
      SPACE.woodshop,
      `${PERSON.school}, ${PERSON.carpentry}, ${PERSON.host}`,
      'Ateliers bois avec les classes de 5e.',
      '',
    ),
    m(
      'CA de novembre',
      ca,
      day(y, 11, 17),
      1140,
      150,
      SPACE.meetingRoom,
      BOARD,
      'Budget prévisionnel de l’an prochain.',
      '',
    ),
  ];
  return list.sort((a, b) => a.day - b.day);
}

/** Meeting records; decisions only for meetings already held, next meeting for board meetings. */
export function meetingRecords(ctx: DemoContext, meetings: PlannedMeeting[]): DemoRecord[] {
  return meetings.map((mt, i) => {
    const past = mt.day < ctx.today;
    const next = meetings.slice(i + 1).find((o) => o.type === mt.type);
    return {
      title: mt.title,
      type: mt.type,
      date: frDate(mt.day),
      startTime: frTime(mt.start),
      space: mt.space,
      participants: mt.participants,
      agenda: mt.agenda,
      decisions: past && mt.decisions !== '' ? mt.decisions : null,
      nextSteps: past ? 'Compte rendu à diffuser sous quinze jours.' : null,
      nextMeeting: next ? frDate(next.day) : null,
    };
  });
}
