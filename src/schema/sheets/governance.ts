/** Collective decisions and paperwork: « Réunions » and « Documents » (every document Pilote generates). */

import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import type { SheetDef } from '../types';

/** Kinds of meeting. */
export const MEETING_TYPES = [
  'Conseil d’administration',
  'Bureau',
  'Assemblée générale',
  'Comité de pilotage',
  'Réunion d’équipe',
  'Réunion des résident·es',
  'Réunion avec des partenaires',
  'Réunion publique',
  'Autre',
  // Schema 4: a working group is a run of meetings of the same shape (participants, decisions,
  // next steps); its meetings carry this type and the group's name in their title.
  'Groupe de travail',
] as const;

/** Life of a next step. */
export const NEXT_STEP_STATUSES = ['À faire', 'En cours', 'Fait', 'Abandonnée'] as const;

/** Kinds of representation. */
export const REPRESENTATION_KINDS = [
  'Instance institutionnelle',
  'Réunion de quartier',
  'Réseau des tiers-lieux',
  'Partenaires',
  'Autre',
] as const;

/** Kinds of document. */
export const DOCUMENT_KINDS = [
  'Convention d’occupation',
  'Contrat de mise à disposition',
  'Devis',
  'Facture',
  'Demande de subvention (CERFA 12156)',
  'Compte rendu financier (CERFA 15059)',
  'Compte rendu de réunion',
  'Rapport d’activité',
  'Attestation de bénévolat',
  'Extrait du registre de sécurité',
  'Autre',
] as const;

/** Life of a document. */
export const DOCUMENT_STATUSES = ['Brouillon', 'Envoyé', 'Signé', 'Archivé'] as const;

/** Réunions. */
export const meetingsSheet: SheetDef = {
  key: 'meetings',
  name: 'Réunions',
  nameEn: 'Meetings',
  description: 'Les réunions de gouvernance et d’équipe, leurs décisions et leurs suites.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#3949ab',
  idPrefix: 'REU',
  labelColumn: 'title',
  columns: tableColumns([
    col('title', 'text', 'Intitulé', 'Title', { required: true, maxLength: 160, width: 220 }),
    col('type', 'enum', 'Type', 'Type', { options: MEETING_TYPES, required: true, width: 180 }),
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('startTime', 'time', 'Heure', 'Time'),
    col('space', 'ref', 'Espace', 'Space', { ref: refTo('spaces', 'name') }),
    col('participants', 'longText', 'Participant·es', 'Participants', { width: 220 }),
    col('agenda', 'longText', 'Ordre du jour', 'Agenda', { width: 240 }),
    col('decisions', 'longText', 'Décisions', 'Decisions', { width: 280 }),
    col('nextSteps', 'longText', 'Suites à donner', 'Next steps', {
      width: 240,
      help: 'Qui fait quoi, pour quand.',
      helpEn: 'Who does what, by when.',
    }),
    col('nextMeeting', 'date', 'Prochaine réunion', 'Next meeting'),
    documentLinkColumn('minutesLink', 'Compte rendu (document)', 'Minutes document'),
  ]),
};

/** Suites à donner: each next step of a meeting, a task with an owner and a due date (schema 4). */
export const nextStepsSheet: SheetDef = {
  key: 'nextSteps',
  name: 'Suites à donner',
  nameEn: 'Next steps',
  description: 'Les suites des réunions : qui fait quoi, pour quand, et ce qui est fait.',
  kind: 'table',
  since: 4,
  frozenRows: 2,
  tabColor: '#5c6bc0',
  idPrefix: 'SUI',
  labelColumn: 'action',
  columns: tableColumns([
    col('meeting', 'ref', 'Réunion', 'Meeting', { ref: refTo('meetings', 'title'), width: 200 }),
    col('action', 'text', 'Action à mener', 'Action to take', { required: true, maxLength: 200, width: 260 }),
    col('owner', 'ref', 'Responsable', 'Owner', { ref: refTo('contacts', 'fullName'), width: 180 }),
    col('dueDate', 'date', 'Échéance', 'Due date'),
    col('status', 'enum', 'Statut', 'Status', { options: NEXT_STEP_STATUSES, required: true }),
    col('doneOn', 'date', 'Fait le', 'Done on'),
  ]),
  conditionalFormats: [
    {
      key: 'late',
      description: 'Suite non faite après son échéance : échéance en rouge.',
      columns: ['dueDate'],
      formula: (c) =>
        `=AND(${c.cell('dueDate')}<>"", ${c.cell('dueDate')}<TODAY(), ${c.cell('status')}<>"Fait", ${c.cell('status')}<>"Abandonnée")`,
      background: '#f4c7c3',
    },
  ],
};

/** Représentation: the institutional and neighbourhood meetings the site attended (schema 4). */
export const representationSheet: SheetDef = {
  key: 'representation',
  name: 'Représentation',
  nameEn: 'Representation',
  description:
    'Les réunions institutionnelles et de quartier où le lieu était représenté : qui y est allé, pour quoi, ce qui en est sorti.',
  kind: 'table',
  since: 4,
  frozenRows: 2,
  tabColor: '#7986cb',
  idPrefix: 'REP',
  labelColumn: 'purpose',
  columns: tableColumns([
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('body', 'ref', 'Instance ou institution', 'Body or institution', {
      ref: refTo('structures', 'name'),
      required: true,
      width: 200,
    }),
    col('kind', 'enum', 'Type', 'Kind', { options: REPRESENTATION_KINDS }),
    col('attendees', 'ref', 'Qui y est allé·e', 'Who went', {
      ref: refTo('contacts', 'fullName'),
      multiple: true,
      width: 200,
      help: 'Plusieurs personnes possibles, séparées par des virgules.',
      helpEn: 'Several people possible, separated by commas.',
    }),
    col('purpose', 'text', 'Objet', 'Purpose', { required: true, maxLength: 200, width: 240 }),
    col('outcomes', 'longText', 'Ce qui en est sorti', 'Outcomes', { width: 260 }),
    col('followUp', 'longText', 'Suites', 'Follow-up', { width: 220 }),
  ]),
};

/** Documents. */
export const documentsSheet: SheetDef = {
  key: 'documents',
  name: 'Documents',
  nameEn: 'Documents',
  description: 'Chaque document produit par Pilote, la fiche dont il vient et son lien dans Drive.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#5c6bc0',
  idPrefix: 'DOC',
  labelColumn: 'title',
  columns: tableColumns([
    col('title', 'text', 'Titre', 'Title', { required: true, maxLength: 200, width: 260 }),
    col('kind', 'enum', 'Type de document', 'Kind', { options: DOCUMENT_KINDS, required: true, width: 220 }),
    col('sourceSheet', 'text', 'Feuille d’origine', 'Source sheet', { readOnly: true }),
    col('sourceRecordId', 'text', 'Fiche d’origine', 'Source record', { hidden: true, readOnly: true }),
    col('generatedAt', 'datetime', 'Produit le', 'Generated at', { readOnly: true }),
    col('generatedBy', 'email', 'Produit par', 'Generated by', { readOnly: true }),
    col('status', 'enum', 'Statut', 'Status', { options: DOCUMENT_STATUSES }),
    col('link', 'url', 'Lien', 'Link', { readOnly: true, width: 220 }),
    col('pdfLink', 'url', 'Lien PDF', 'PDF link', { readOnly: true, width: 220 }),
    col('fileId', 'text', 'Identifiant Drive', 'Drive file id', { hidden: true, readOnly: true }),
  ]),
};
