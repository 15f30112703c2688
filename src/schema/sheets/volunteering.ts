/** Volunteering: « Bénévoles » and « Heures de bénévolat », valued at the hourly rate of the settings. */

import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import type { SheetDef } from '../types';

/** Volunteer statuses. */
export const VOLUNTEER_STATUSES = ['Actif·ve', 'Occasionnel·le', 'En pause', 'Parti·e'] as const;

/** Kinds of volunteer task. */
export const VOLUNTEER_TASK_TYPES = [
  'Accueil et permanence',
  'Animation d’atelier',
  'Événement',
  'Logistique et installation',
  'Bricolage et entretien',
  'Communication',
  'Administration et gestion',
  'Gouvernance (CA et bureau)',
  'Autre',
] as const;

/**
 * Rota shifts a volunteer accepts (schema 4). Ticked in the form (checkboxes) rather than read
 * from « Disponibilités », whose free text (« un samedi par mois ») cannot be read reliably.
 */
export const VOLUNTEER_ROTA_SHIFTS = ['Ouverture', 'Fermeture', 'Permanence'] as const;

/** Weekdays, Monday first, as the rota proposal reads them (schema 4). */
export const VOLUNTEER_WEEKDAYS = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const;

/** Bénévoles. */
export const volunteersSheet: SheetDef = {
  key: 'volunteers',
  name: 'Bénévoles',
  nameEn: 'Volunteers',
  description: 'Les bénévoles du lieu, leurs compétences, leurs disponibilités et leur engagement.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#f6bf26',
  idPrefix: 'BEN',
  labelColumn: 'fullName',
  columns: tableColumns([
    col('fullName', 'text', 'Prénom et nom', 'Full name', { required: true, maxLength: 120, width: 200 }),
    col('contact', 'ref', 'Fiche contact', 'Contact record', { ref: refTo('contacts', 'fullName') }),
    col('email', 'email', 'E-mail', 'E-mail', { width: 200 }),
    col('phone', 'phone', 'Téléphone', 'Phone'),
    col('status', 'enum', 'Statut', 'Status', { options: VOLUNTEER_STATUSES }),
    col('since', 'date', 'Bénévole depuis', 'Volunteer since'),
    col('skills', 'longText', 'Compétences', 'Skills', { width: 220 }),
    col('interests', 'enum', 'Envies', 'Interests', {
      options: VOLUNTEER_TASK_TYPES,
      multiple: true,
      width: 200,
    }),
    col('availability', 'text', 'Disponibilités', 'Availability', {
      help: 'Par exemple «\u00a0mardi soir, un samedi par mois\u00a0».',
      helpEn: 'For example “Tuesday evening, one Saturday a month”.',
    }),
    col('rotaShifts', 'enum', 'Peut ouvrir ou fermer', 'Can open or close', {
      since: 4,
      options: VOLUNTEER_ROTA_SHIFTS,
      multiple: true,
      width: 200,
      help: 'Les créneaux d’«\u00a0Ouverture et fermeture\u00a0» que la personne accepte\u00a0; vide\u00a0: aucun. Il faut aussi une fiche contact.',
      helpEn:
        'The “Opening and closing rota” shifts this person takes; empty: none. A contact record is needed too.',
    }),
    col('rotaWeekdays', 'enum', 'Jours possibles', 'Days available', {
      since: 4,
      options: VOLUNTEER_WEEKDAYS,
      multiple: true,
      width: 200,
      help: 'Les jours où la personne peut ouvrir, fermer ou tenir la permanence.',
      helpEn: 'The days this person can open, close or keep the place.',
    }),
    col('charterSigned', 'boolean', 'Charte signée', 'Charter signed'),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
  ]),
};

/** Heures de bénévolat. */
export const volunteerHoursSheet: SheetDef = {
  key: 'volunteerHours',
  name: 'Heures de bénévolat',
  nameEn: 'Volunteer hours',
  description: 'Le temps donné par les bénévoles, par action et par type de tâche, et sa valorisation.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#f6bf26',
  idPrefix: 'HBE',
  labelColumn: 'description',
  columns: tableColumns([
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('volunteer', 'ref', 'Bénévole', 'Volunteer', {
      ref: refTo('volunteers', 'fullName'),
      required: true,
      width: 180,
    }),
    col('action', 'ref', 'Action', 'Action', { ref: refTo('actions', 'title'), width: 200 }),
    col('taskType', 'enum', 'Type de tâche', 'Task type', {
      options: VOLUNTEER_TASK_TYPES,
      required: true,
      width: 180,
    }),
    col('description', 'text', 'Ce qui a été fait', 'What was done', { width: 240 }),
    col('hours', 'duration', 'Durée', 'Duration', {
      required: true,
      min: 0,
      max: 24,
      help: 'Par exemple 1h30 ou 1,5.',
      helpEn: 'For example 1h30 or 1.5.',
    }),
    col('valuedAmount', 'formula', 'Valorisation', 'Valued amount', {
      readOnly: true,
      formulaSince: 2,
      resultType: 'money',
      help: 'Durée × valorisation horaire du type de tâche («\u00a0Valorisation du bénévolat\u00a0»), à défaut celle des paramètres du lieu. Comptes 864 et 875.',
      helpEn:
        'Duration × hourly value of the task type (“Volunteer time value”), else the venue’s. Accounts 864 and 875.',
      formula: (c) =>
        `=IF(${c.cell('hours')}="", "", ROUND(${c.cell('hours')}*24*IF(COUNTIFS(${c.range('volunteerRates', 'taskType')}, ${c.cell('taskType')}, ${c.range('volunteerRates', 'hourlyValue')}, ">0")>0, INDEX(${c.range('volunteerRates', 'hourlyValue')}, MATCH(${c.cell('taskType')}, ${c.range('volunteerRates', 'taskType')}, 0)), ${c.setting('volunteerHourlyValue')}), 2))`,
    }),
    documentLinkColumn('certificateLink', 'Attestation de bénévolat', 'Volunteering certificate'),
  ]),
};

/** Valorisation du bénévolat: the hourly value of each kind of task (comptes 864/875). */
export const volunteerRatesSheet: SheetDef = {
  key: 'volunteerRates',
  name: 'Valorisation du bénévolat',
  nameEn: 'Volunteer time value',
  description:
    'La valeur d’une heure de bénévolat selon le type de tâche (par exemple le salaire chargé d’un poste équivalent)\u00a0; à défaut, la valorisation horaire des paramètres du lieu.',
  kind: 'table',
  since: 2,
  frozenRows: 2,
  tabColor: '#f6bf26',
  idPrefix: 'VAL',
  labelColumn: 'taskType',
  columns: tableColumns([
    col('taskType', 'enum', 'Type de tâche', 'Task type', {
      options: VOLUNTEER_TASK_TYPES,
      required: true,
      width: 220,
      help: 'Une ligne par type de tâche\u00a0: la première ligne d’un type est celle qui compte.',
      helpEn: 'One line per task type: the first line of a type is the one used.',
    }),
    col('hourlyValue', 'money', 'Valorisation horaire', 'Hourly value', { required: true, min: 0 }),
    col('basis', 'text', 'Base de calcul', 'Basis', {
      maxLength: 200,
      width: 320,
      help: 'Par exemple «\u00a0SMIC horaire brut chargé\u00a0» ou «\u00a0animateur·ice, convention ÉCLAT groupe B\u00a0».',
      helpEn: 'For example “gross minimum wage with charges” or “activity leader, ÉCLAT agreement group B”.',
    }),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
  ]),
};
