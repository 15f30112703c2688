/** Rooms and resources (« Espaces ») and their bookings (« Réservations »), synchronised with calendars. */

import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import type { SheetDef } from '../types';

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
    }),
    col('hourlyRate', 'money', 'Tarif horaire', 'Hourly rate', { min: 0 }),
    col('dayRate', 'money', 'Tarif journée', 'Day rate', { min: 0 }),
    col('calendarId', 'text', 'Agenda', 'Calendar', {
      width: 240,
      help: 'Identifiant de l’agenda Google de l’espace, ou e-mail de la ressource Workspace.',
    }),
    col('stepFreeAccess', 'boolean', 'Accessible PMR', 'Step-free access'),
    col('accessibilityNotes', 'text', 'Accessibilité (précisions)', 'Accessibility notes', {
      help: 'Boucle magnétique, toilettes adaptées, largeur des portes…',
    }),
    col('equipment', 'longText', 'Équipements', 'Equipment', { width: 240 }),
    col('inService', 'boolean', 'En service', 'In service'),
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
    col('startTime', 'time', 'Heure de début', 'Start time', { help: 'Vide pour une journée entière.' }),
    col('endDate', 'date', 'Date de fin', 'End date', { help: 'Vide si la réservation finit le même jour.' }),
    col('endTime', 'time', 'Heure de fin', 'End time'),
    col('recurrence', 'enum', 'Récurrence', 'Recurrence', { options: RECURRENCES }),
    col('recurrenceUntil', 'date', 'Répéter jusqu’au', 'Repeat until'),
    col('status', 'enum', 'Statut', 'Status', { options: BOOKING_STATUSES, required: true }),
    col('visibility', 'enum', 'Visibilité', 'Visibility', {
      options: ['Publique', 'Privée'],
      help: 'Publique\u00a0: annoncée dans l’agenda du lieu. Privée\u00a0: seul le créneau est visible.',
    }),
    col('expectedAttendance', 'integer', 'Participation attendue', 'Expected attendance', { min: 0 }),
    col('price', 'money', 'Prix', 'Price', { min: 0 }),
    col('paid', 'boolean', 'Payée', 'Paid'),
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
      key: 'syncError',
      description: 'Erreur de synchronisation avec l’agenda\u00a0: statut en rouge.',
      columns: ['status'],
      formula: (c) => `=${c.cell('syncState')}="Erreur"`,
      background: '#f4c7c3',
    },
  ],
};
