/** Public life of the place: « Événements » and « Communication ». */

import { col, refTo, tableColumns } from '../columns';
import type { SheetDef } from '../types';

/** Audiences of an event or a publication (several allowed). */
export const AUDIENCES = [
  'Tout public',
  'Habitant·es du quartier',
  'Familles',
  'Enfants',
  'Jeunes',
  'Seniors',
  'Adhérent·es',
  'Professionnel·les',
  'Partenaires',
] as const;

/** Channels of communication. */
export const COMMUNICATION_CHANNELS = [
  'Site web',
  'Lettre d’information',
  'Réseaux sociaux',
  'Affiche ou flyer',
  'Presse',
  'Radio locale',
  'Agenda partagé',
  'Panneau d’affichage',
  'Bouche-à-oreille',
  'Autre',
] as const;

/** Statuses of a publication. */
export const COMMUNICATION_STATUSES = [
  'Idée',
  'À rédiger',
  'À valider',
  'Programmée',
  'Publiée',
  'Annulée',
] as const;

/** Événements. */
export const eventsSheet: SheetDef = {
  key: 'events',
  name: 'Événements',
  nameEn: 'Events',
  description: 'Les événements ouverts au public, leurs partenaires et leur fréquentation.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#e67c73',
  idPrefix: 'EVT',
  labelColumn: 'title',
  columns: tableColumns([
    col('title', 'text', 'Intitulé', 'Title', { required: true, maxLength: 120, width: 240 }),
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('startTime', 'time', 'Heure de début', 'Start time'),
    col('endTime', 'time', 'Heure de fin', 'End time'),
    col('space', 'ref', 'Espace', 'Space', { ref: refTo('spaces', 'name') }),
    col('action', 'ref', 'Action', 'Action', { ref: refTo('actions', 'title') }),
    col('audiences', 'enum', 'Publics', 'Audiences', { options: AUDIENCES, multiple: true, width: 180 }),
    col('free', 'boolean', 'Gratuit', 'Free'),
    col('expectedAttendance', 'integer', 'Participation attendue', 'Expected attendance', { min: 0 }),
    col('attendance', 'integer', 'Participation réelle', 'Actual attendance', { min: 0 }),
    col('partners', 'ref', 'Partenaires', 'Partners', {
      ref: refTo('structures', 'name'),
      multiple: true,
      width: 200,
    }),
    col('notes', 'longText', 'Bilan et remarques', 'Review and notes', { width: 240 }),
  ]),
  conditionalFormats: [
    {
      key: 'attendanceMissing',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Événement passé sans participation saisie\u00a0: case en orange.',
      columns: ['attendance'],
      formula: (c) => `=AND(${c.cell('date')}<>"", ${c.cell('date')}<TODAY(), ${c.cell('attendance')}="")`,
      background: '#fce8b2',
    },
  ],
};

/** Communication. */
export const communicationSheet: SheetDef = {
  key: 'communication',
  name: 'Communication',
  nameEn: 'Communication',
  description: 'Le plan de communication\u00a0: ce qui est annoncé, sur quel canal, à qui et quand.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#f09300',
  idPrefix: 'COM',
  labelColumn: 'subject',
  columns: tableColumns([
    col('subject', 'text', 'Sujet', 'Subject', { required: true, maxLength: 160, width: 240 }),
    col('action', 'ref', 'Action', 'Action', { ref: refTo('actions', 'title') }),
    col('event', 'ref', 'Événement', 'Event', { ref: refTo('events', 'title') }),
    col('channel', 'enum', 'Canal', 'Channel', { options: COMMUNICATION_CHANNELS, required: true }),
    col('audiences', 'enum', 'Publics', 'Audiences', { options: AUDIENCES, multiple: true }),
    col('date', 'date', 'Date de publication', 'Publication date'),
    col('status', 'enum', 'Statut', 'Status', { options: COMMUNICATION_STATUSES, required: true }),
    col('owner', 'ref', 'Responsable', 'Owner', { ref: refTo('contacts', 'fullName') }),
    col('link', 'url', 'Lien', 'Link'),
  ]),
  conditionalFormats: [
    {
      key: 'overdue',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Publication non faite à la date prévue\u00a0: date en rouge.',
      columns: ['date'],
      formula: (c) =>
        `=AND(${c.cell('date')}<>"", ${c.cell('date')}<TODAY(), ${c.cell('status')}<>"Publiée", ${c.cell('status')}<>"Annulée")`,
      background: '#f4c7c3',
    },
  ],
};
