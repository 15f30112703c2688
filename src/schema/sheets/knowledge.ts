/** Learning and reading the territory: « Initiatives inspirantes » and « Diagnostic » (needs, SWOT, stakeholders). */

import { col, refTo, tableColumns } from '../columns';
import type { SheetDef } from '../types';

/** Themes of an inspiring initiative. */
export const INSPIRATION_THEMES = [
  'Gouvernance',
  'Modèle économique',
  'Accueil et convivialité',
  'Alimentation',
  'Réemploi et économie circulaire',
  'Culture',
  'Numérique',
  'Éducation populaire',
  'Emploi et insertion',
  'Autre',
] as const;

/** What a diagnostic item is. */
export const DIAGNOSTIC_KINDS = [
  'Besoin',
  'Force',
  'Faiblesse',
  'Opportunité',
  'Menace',
  'Partie prenante',
] as const;

/** Three-step scale (priority, influence, interest). */
export const LEVELS = ['Faible', 'Moyen', 'Fort'] as const;

/** Initiatives inspirantes. */
export const inspirationsSheet: SheetDef = {
  key: 'inspirations',
  name: 'Initiatives inspirantes',
  nameEn: 'Inspiring initiatives',
  description: 'Les initiatives d’autres lieux qui inspirent l’équipe et ce qu’elle pourrait en reprendre.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#00897b',
  idPrefix: 'INS',
  labelColumn: 'name',
  columns: tableColumns([
    col('name', 'text', 'Initiative', 'Initiative', { required: true, maxLength: 160, width: 220 }),
    col('place', 'text', 'Lieu ou structure', 'Place or organisation', { width: 180 }),
    col('town', 'text', 'Commune', 'Town'),
    col('theme', 'enum', 'Thème', 'Theme', {
      options: INSPIRATION_THEMES,
      // Schema 4: several themes (the dropdown then only suggests).
      multiple: true,
      help: 'Un ou plusieurs thèmes, séparés par des virgules.',
      helpEn: 'One or more themes, separated by commas.',
    }),
    col('description', 'longText', 'Description', 'Description', { width: 280 }),
    col('takeaway', 'longText', 'Ce que l’on pourrait reprendre', 'What we could borrow', { width: 240 }),
    col('link', 'url', 'Lien', 'Link'),
    col('contact', 'text', 'Contact', 'Contact'),
    col('addedBy', 'text', 'Proposée par', 'Added by'),
    col('lessons', 'longText', 'Enseignements', 'Lessons learnt', {
      since: 4,
      width: 260,
      help: 'Ce que l’initiative a appris (ce qui marche, ce qui a échoué).',
      helpEn: 'What the initiative learnt (what works, what failed).',
    }),
  ]),
};

/** Diagnostic. */
export const diagnosticSheet: SheetDef = {
  key: 'diagnostic',
  name: 'Diagnostic',
  nameEn: 'Diagnosis',
  description:
    'Le diagnostic partagé du territoire et du lieu\u00a0: besoins, forces, faiblesses, opportunités, menaces et parties prenantes.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#26a69a',
  idPrefix: 'DIA',
  labelColumn: 'title',
  columns: tableColumns([
    col('kind', 'enum', 'Catégorie', 'Category', { options: DIAGNOSTIC_KINDS, required: true, width: 140 }),
    col('title', 'text', 'Intitulé', 'Title', { required: true, maxLength: 160, width: 240 }),
    col('description', 'longText', 'Description', 'Description', { width: 280 }),
    col('source', 'text', 'Source', 'Source', {
      help: 'Questionnaire, rencontre, données publiques…',
      helpEn: 'Survey, meeting, public data…',
    }),
    col('collectedOn', 'date', 'Date', 'Date'),
    col('priority', 'enum', 'Priorité', 'Priority', { options: LEVELS }),
    col('influence', 'enum', 'Influence', 'Influence', {
      options: LEVELS,
      help: 'Pour une partie prenante.',
      helpEn: 'For a stakeholder.',
    }),
    col('interest', 'enum', 'Intérêt pour le projet', 'Interest', {
      options: LEVELS,
      help: 'Pour une partie prenante.',
      helpEn: 'For a stakeholder.',
    }),
    col('structure', 'ref', 'Structure', 'Organisation', { ref: refTo('structures', 'name') }),
    col('action', 'ref', 'Action qui y répond', 'Answering action', { ref: refTo('actions', 'title') }),
  ]),
};
