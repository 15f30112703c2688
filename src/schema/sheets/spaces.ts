/** Rooms and resources (« Espaces ») and their bookings (« Réservations »), synchronised with calendars. */

import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import { PERIOD_END_NAME as P1, PERIOD_START_NAME as P0 } from '../period';
import type { FormulaContext, SheetDef } from '../types';

/**
 * How many occurrences of the booking of the row fall in the period: once for a single booking;
 * every 7 or 14 days from its start, or on the same day of each month, up to « Répéter jusqu’au »
 * (the period's end when empty). A monthly booking on the 29th–31st counts every month.
 */
function occurrencesInPeriod(c: FormulaContext): string {
  const s = c.cell('startDate');
  const r = c.cell('recurrence');
  const until = `IF(${c.cell('recurrenceUntil')}="", ${P1}, ${c.cell('recurrenceUntil')})`;
  const from = `MAX(${s}, ${P0})`;
  const to = `MIN(${until}, ${P1})`;
  const every = (step: number): string =>
    `IF(${to}<${from}, 0, INT((${to}-${s})/${step})-INT((${from}-${s}+${step - 1})/${step})+1)`;
  const monthIndex = (d: string, roundUp: boolean): string =>
    `(YEAR(${d})-YEAR(${s}))*12+MONTH(${d})-MONTH(${s})${roundUp ? `+IF(DAY(${d})>DAY(${s}), 1, 0)` : `-IF(DAY(${d})<DAY(${s}), 1, 0)`}`;
  const monthly = `IF(${to}<${from}, 0, MAX(0, ${monthIndex(to, false)}-(${monthIndex(from, true)})+1))`;
  return `IF(${r}="Chaque semaine", ${every(7)}, IF(${r}="Toutes les deux semaines", ${every(14)}, IF(${r}="Chaque mois", ${monthly}, IF(AND(${s}>=${P0}, ${s}<=${P1}), 1, 0))))`;
}

/** Kinds of space or resource. */
export const SPACE_KINDS = [
  'Salle de réunion',
  'Salle d’activité',
  'Atelier',
  'Bureau partagé',
  'Cuisine',
  'Espace extérieur',
  'Matériel',
  'Autre',
] as const;

/** Booking statuses; only `Confirmée` and `Option` block the slot. */
export const BOOKING_STATUSES = ['Demande', 'Option', 'Confirmée', 'Annulée'] as const;

/** Recurrence of a booking. */
export const RECURRENCES = ['Aucune', 'Chaque semaine', 'Toutes les deux semaines', 'Chaque mois'] as const;

/** Calendar synchronisation states (written by Pilote). */
export const SYNC_STATES = ['À synchroniser', 'Synchronisée', 'À supprimer', 'Erreur'] as const;

/** Espaces: what can be booked or lent. */
export const spacesSheet: SheetDef = {
  key: 'spaces',
  name: 'Espaces',
  nameEn: 'Spaces',
  description: 'Les salles, ateliers et ressources du lieu, leur capacité, leur accessibilité et leur tarif.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#1a73e8',
  idPrefix: 'ESP',
  labelColumn: 'name',
  columns: tableColumns([
    col('name', 'text', 'Nom', 'Name', { required: true, maxLength: 80, width: 200 }),
    col('kind', 'enum', 'Type', 'Kind', { options: SPACE_KINDS, width: 150 }),
    col('description', 'longText', 'Description', 'Description', { width: 280 }),
    col('capacity', 'integer', 'Capacité (personnes)', 'Capacity (people)', { min: 0, max: 10000 }),
    col('surface', 'number', 'Surface (m²)', 'Floor area (m²)', { min: 0 }),
    col('floor', 'text', 'Niveau', 'Floor', { maxLength: 40 }),
    col('bookable', 'boolean', 'Réservable', 'Bookable', {
      help: 'Décoché, l’espace n’apparaît pas dans les réservations.',
      helpEn: 'Unticked, the space is not offered for bookings.',
    }),
    col('hourlyRate', 'money', 'Tarif horaire', 'Hourly rate', { min: 0 }),
    col('dayRate', 'money', 'Tarif journée', 'Day rate', { min: 0 }),
    col('weeklyHours', 'number', 'Heures disponibles par semaine', 'Available hours per week', {
      since: 2,
      min: 0,
      max: 168,
      help: 'Heures pendant lesquelles l’espace peut être réservé\u00a0; base du taux d’occupation.',
      helpEn: 'Hours the space can be booked; the basis of its occupancy rate.',
    }),
    col('bookedHours', 'formula', 'Heures réservées (période)', 'Booked hours (period)', {
      since: 2,
      readOnly: true,
      resultType: 'number',
      help: 'Réservations confirmées de la période choisie dans le tableau de bord, récurrences comprises.',
      helpEn: 'Confirmed bookings of the period chosen on the dashboard, recurrences included.',
      formula: (c) =>
        `=IF(${c.cell('name')}="", "", SUMIFS(${c.range('bookings', 'periodHours')}, ${c.range('bookings', 'space')}, ${c.cell('name')}))`,
    }),
    col('occupancyRate', 'formula', 'Taux d’occupation (période)', 'Occupancy (period)', {
      since: 2,
      readOnly: true,
      resultType: 'percent',
      help: 'Heures réservées ÷ heures disponibles sur la période.',
      helpEn: 'Booked hours ÷ available hours over the period.',
      formula: (c) =>
        `=IF(OR(${c.cell('name')}="", ${c.cell('weeklyHours')}="", ${c.cell('weeklyHours')}=0), "", ${c.cell('bookedHours')}/(${c.cell('weeklyHours')}*(${P1}-${P0}+1)/7))`,
    }),
    col('calendarId', 'text', 'Agenda', 'Calendar', {
      width: 240,
      help: 'Identifiant de l’agenda Google de l’espace, ou e-mail de la ressource Workspace.',
      helpEn: 'Id of the space’s Google calendar, or e-mail of the Workspace resource.',
    }),
    col('stepFreeAccess', 'boolean', 'Accessible PMR', 'Step-free access'),
    col('accessibilityNotes', 'text', 'Accessibilité (précisions)', 'Accessibility notes', {
      help: 'Boucle magnétique, toilettes adaptées, largeur des portes…',
      helpEn: 'Hearing loop, accessible toilets, door widths…',
    }),
    col('equipment', 'longText', 'Équipements', 'Equipment', { width: 240 }),
    col('inService', 'boolean', 'En service', 'In service'),
    col('roomResource', 'email', 'Ressource Workspace (salle)', 'Workspace room resource', {
      since: 5,
      width: 240,
      help: 'E-mail de la salle dans Google Workspace (c_…@resource.calendar.google.com) : chaque réservation l’invite. Si la salle refuse, la réservation est signalée en erreur de synchronisation.',
      helpEn:
        'E-mail of the room in Google Workspace (c_…@resource.calendar.google.com): each booking invites it. If the room declines, the booking is flagged as a sync error.',
    }),
  ]),
};

/** Réservations: who uses which space when. */
export const bookingsSheet: SheetDef = {
  key: 'bookings',
  name: 'Réservations',
  nameEn: 'Bookings',
  description: 'Les réservations des espaces, synchronisées avec l’agenda de chaque espace.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#4285f4',
  idPrefix: 'RES',
  labelColumn: 'title',
  columns: tableColumns([
    col('space', 'ref', 'Espace', 'Space', { ref: refTo('spaces', 'name'), required: true, width: 160 }),
    col('title', 'text', 'Objet', 'Title', { required: true, maxLength: 120, width: 220 }),
    col('organiser', 'ref', 'Structure organisatrice', 'Organising structure', {
      ref: refTo('structures', 'name'),
      width: 180,
    }),
    col('contact', 'ref', 'Contact', 'Contact', { ref: refTo('contacts', 'fullName'), width: 160 }),
    col('startDate', 'date', 'Date de début', 'Start date', { required: true }),
    col('startTime', 'time', 'Heure de début', 'Start time', {
      help: 'Vide pour une journée entière.',
      helpEn: 'Empty for a whole day.',
    }),
    col('endDate', 'date', 'Date de fin', 'End date', {
      help: 'Vide si la réservation finit le même jour.',
      helpEn: 'Empty when the booking ends the same day.',
    }),
    col('endTime', 'time', 'Heure de fin', 'End time'),
    col('recurrence', 'enum', 'Récurrence', 'Recurrence', { options: RECURRENCES }),
    col('recurrenceUntil', 'date', 'Répéter jusqu’au', 'Repeat until'),
    col('status', 'enum', 'Statut', 'Status', {
      options: BOOKING_STATUSES,
      required: true,
      help: 'Deux réservations confirmées d’un même espace ne peuvent pas se chevaucher (récurrences comprises, vérifiées sur deux ans), ni chevaucher un événement de l’agenda de l’espace créé hors de Pilote. Une option qui chevauche est gardée et signalée.',
      helpEn:
        'Two confirmed bookings of one space cannot overlap (recurrences included, checked over two years), nor overlap an event of the space’s calendar created outside Pilote. An overlapping option is kept and flagged.',
    }),
    col('visibility', 'enum', 'Visibilité', 'Visibility', {
      options: ['Publique', 'Privée'],
      help: 'Publique\u00a0: annoncée dans l’agenda du lieu. Privée\u00a0: seul le créneau est visible.',
      helpEn: 'Public: announced in the place’s calendar. Private: only the slot is shown.',
    }),
    col('expectedAttendance', 'integer', 'Participation attendue', 'Expected attendance', { min: 0 }),
    col('price', 'money', 'Prix', 'Price', { min: 0 }),
    col('paid', 'boolean', 'Payée', 'Paid'),
    col('occurrenceHours', 'formula', 'Durée (heures)', 'Duration (hours)', {
      since: 2,
      readOnly: true,
      resultType: 'number',
      help: 'Durée d’une occurrence\u00a0; une journée entière compte les heures disponibles d’un jour de l’espace (par semaine ÷ 7).',
      helpEn:
        'Duration of one occurrence; a whole day counts one day of the space’s available hours (weekly ÷ 7).',
      formula: (c) => {
        const end = `IF(${c.cell('endDate')}="", ${c.cell('startDate')}, ${c.cell('endDate')})`;
        const dayHours = `IFERROR(INDEX(${c.range('spaces', 'weeklyHours')}, MATCH(${c.cell('space')}, ${c.range('spaces', 'name')}, 0))/7, 0)`;
        return `=IF(${c.cell('startDate')}="", "", IF(${c.cell('startTime')}="", ROUND((${end}-${c.cell('startDate')}+1)*${dayHours}, 2), ROUND(MAX(0, ${end}+${c.cell('endTime')}-${c.cell('startDate')}-${c.cell('startTime')})*24, 2)))`;
      },
    }),
    col('periodOccurrences', 'formula', 'Occurrences sur la période', 'Occurrences in period', {
      since: 2,
      readOnly: true,
      resultType: 'integer',
      help: 'Nombre de fois où la réservation a lieu dans la période du tableau de bord.',
      helpEn: 'How many times the booking takes place in the dashboard’s period.',
      formula: (c) => `=IF(${c.cell('startDate')}="", "", ${occurrencesInPeriod(c)})`,
    }),
    col('periodHours', 'formula', 'Heures sur la période', 'Hours in period', {
      since: 2,
      readOnly: true,
      resultType: 'number',
      help: 'Durée × occurrences, pour une réservation confirmée.',
      helpEn: 'Duration × occurrences, for a confirmed booking.',
      formula: (c) =>
        `=IF(OR(${c.cell('startDate')}="", ${c.cell('status')}<>"Confirmée"), "", ROUND(${c.cell('occurrenceHours')}*${c.cell('periodOccurrences')}, 2))`,
    }),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
    col('calendarEventId', 'text', 'Identifiant de l’événement d’agenda', 'Calendar event id', {
      hidden: true,
      readOnly: true,
    }),
    col('syncState', 'enum', 'Synchronisation', 'Sync state', {
      options: SYNC_STATES,
      hidden: true,
      readOnly: true,
    }),
    col('lastSyncAt', 'datetime', 'Dernière synchronisation', 'Last sync', { hidden: true, readOnly: true }),
    col('syncError', 'text', 'Erreur de synchronisation', 'Sync error', { hidden: true, readOnly: true }),
    col('syncHash', 'text', 'Empreinte synchronisée', 'Synced content hash', {
      since: 3,
      hidden: true,
      readOnly: true,
      help: 'Empreinte de ce que Pilote a envoyé à l’agenda\u00a0: une réservation inchangée n’est pas renvoyée.',
      helpEn: 'Hash of what Pilote sent to the calendar: an unchanged booking is not sent again.',
    }),
    col('conflictWith', 'text', 'Conflit', 'Conflict', {
      since: 3,
      readOnly: true,
      width: 240,
      help: 'Écrit par Pilote\u00a0: la réservation ou l’événement d’agenda que cette option chevauche. Les conflits sont vérifiés sur environ deux ans (731 jours) à partir d’aujourd’hui.',
      helpEn:
        'Written by Pilote: the booking or calendar event this option overlaps. Conflicts are checked over about two years (731 days) from today.',
    }),
    documentLinkColumn('agreementLink', 'Contrat de mise à disposition', 'Use agreement'),
  ]),
  conditionalFormats: [
    {
      key: 'cancelled',
      description: 'Réservation annulée\u00a0: ligne grisée.',
      formula: (c) => `=${c.cell('status')}="Annulée"`,
      fontColor: '#9aa0a6',
    },
    {
      key: 'conflict',
      since: 3,
      description: 'Option qui chevauche une autre réservation ou un événement d’agenda\u00a0: en orange.',
      columns: ['title', 'conflictWith'],
      formula: (c) => `=AND(${c.cell('conflictWith')}<>"", ${c.cell('status')}<>"Annulée")`,
      background: '#fce8b2',
    },
    {
      key: 'syncError',
      description: 'Erreur de synchronisation avec l’agenda\u00a0: statut en rouge.',
      columns: ['status'],
      formula: (c) => `=${c.cell('syncState')}="Erreur"`,
      background: '#f4c7c3',
    },
  ],
};
