/** Sheets Pilote writes for itself: « Tableau de bord » (computed) and « Journal » (audit log). */

import { col } from '../columns';
import type { SheetDef } from '../types';

/** What the journal records. */
export const JOURNAL_ACTIONS = [
  'Création',
  'Modification',
  'Suppression',
  'Synchronisation',
  'Document produit',
  'Import',
  'Mise à jour du classeur',
  'Erreur',
] as const;

/** Tableau de bord: laid out by the dashboard service, no columns. */
export const dashboardSheet: SheetDef = {
  key: 'dashboard',
  name: 'Tableau de bord',
  nameEn: 'Dashboard',
  description: 'Les chiffres clés du lieu, calculés à partir des autres feuilles.',
  kind: 'dashboard',
  since: 1,
  frozenRows: 0,
  tabColor: '#202124',
  columns: [],
};

/** Journal: who did what, when (append-only). */
export const journalSheet: SheetDef = {
  key: 'journal',
  name: 'Journal',
  nameEn: 'Log',
  description: 'Le journal des modifications faites par Pilote\u00a0: quand, qui, quoi et sur quelle fiche.',
  kind: 'log',
  since: 1,
  frozenRows: 2,
  tabColor: '#9aa0a6',
  labelColumn: 'summary',
  columns: [
    col('at', 'datetime', 'Quand', 'When', { readOnly: true, width: 130 }),
    col('user', 'email', 'Qui', 'Who', { readOnly: true, width: 200 }),
    col('action', 'enum', 'Action', 'Action', { options: JOURNAL_ACTIONS, readOnly: true, width: 160 }),
    col('sheet', 'text', 'Feuille', 'Sheet', { readOnly: true, width: 160 }),
    col('recordId', 'text', 'Fiche', 'Record', { readOnly: true, width: 110 }),
    col('summary', 'longText', 'Résumé', 'Summary', { readOnly: true, width: 420 }),
    col('requestId', 'text', 'Demande', 'Request', {
      readOnly: true,
      hidden: true,
      since: 3,
      help: 'Identifiant de la saisie qui a écrit la ligne : une saisie renvoyée après une erreur n’est journalisée qu’une fois.',
      helpEn: 'Id of the submission that wrote the line: a submission resent after an error is logged once.',
    }),
  ],
};
