/** « Subventions »: grant applications from first idea to the final report (CERFA 12156 and 15059). */

import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import type { FormulaContext, SheetDef } from '../types';

/** Level of the funder. */
export const FUNDER_LEVELS = [
  'État',
  'Région',
  'Département',
  'EPCI',
  'Commune',
  'CAF',
  'Europe',
  'Fondation',
  'Autre',
] as const;

/** Life of a grant application. */
export const GRANT_STATUSES = [
  'À étudier',
  'En préparation',
  'Déposée',
  'Accordée',
  'Refusée',
  'Versée',
  'Bilan à rendre',
  'Soldée',
] as const;

/** Statuses under which the financial report (CERFA 15059) is still owed to the funder. */
export const REPORT_OWED_STATUSES = ['Accordée', 'Versée', 'Bilan à rendre'] as const;

const REPORT_OWED = (c: FormulaContext): string =>
  `OR(${REPORT_OWED_STATUSES.map((st) => `${c.cell('status')}="${st}"`).join(', ')})`;

/** Days ahead that make a deadline « soon » (dashboard and highlights). */
export const DEADLINE_DAYS = 30;

/** Subventions. */
export const grantsSheet: SheetDef = {
  key: 'grants',
  name: 'Subventions',
  nameEn: 'Grants',
  description:
    'Les demandes de subvention, leurs montants demandés, accordés et reçus, leurs échéances et leurs bilans.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#d50000',
  idPrefix: 'SUB',
  labelColumn: 'title',
  columns: tableColumns([
    col('title', 'text', 'Intitulé du dossier', 'Application title', {
      required: true,
      maxLength: 160,
      width: 240,
    }),
    col('funder', 'ref', 'Financeur', 'Funder', {
      ref: refTo('structures', 'name'),
      required: true,
      width: 200,
    }),
    col('funderLevel', 'enum', 'Niveau du financeur', 'Funder level', {
      options: FUNDER_LEVELS,
      required: true,
    }),
    col('programme', 'text', 'Dispositif ou appel à projets', 'Programme', { width: 200 }),
    col('action', 'ref', 'Action financée', 'Funded action', {
      ref: refTo('actions', 'title'),
      help: 'Vide pour une subvention de fonctionnement.',
      helpEn: 'Empty for a running-costs grant.',
    }),
    col('financialYear', 'integer', 'Exercice', 'Financial year', { min: 2000, max: 2100 }),
    col('multiYear', 'boolean', 'Pluriannuelle', 'Multi-year'),
    col('status', 'enum', 'Statut', 'Status', { options: GRANT_STATUSES, required: true, width: 140 }),
    col('deadline', 'date', 'Date limite de dépôt', 'Application deadline'),
    col('submittedOn', 'date', 'Déposée le', 'Submitted on'),
    col('amountRequested', 'money', 'Montant demandé', 'Amount requested', { min: 0 }),
    col('amountGranted', 'money', 'Montant accordé', 'Amount granted', { min: 0 }),
    col('amountReceived', 'money', 'Montant reçu', 'Amount received', { min: 0 }),
    col('amountDue', 'formula', 'Reste à recevoir', 'Still to receive', {
      readOnly: true,
      resultType: 'money',
      formula: (c) =>
        `=IF(${c.cell('amountGranted')}="", "", ROUND(${c.cell('amountGranted')}-${c.cell('amountReceived')}, 2))`,
    }),
    col('convention', 'text', 'Convention (référence)', 'Agreement reference'),
    col('conventionEnd', 'date', 'Fin de la convention', 'Agreement end'),
    col('reportDue', 'date', 'Bilan à rendre avant le', 'Report due', {
      help: 'Compte rendu financier (CERFA 15059)\u00a0: dans les six mois suivant la fin de l’exercice subventionné.',
      helpEn:
        'Financial report (CERFA 15059): within six months after the end of the financial year granted.',
    }),
    col(
      'financialReportDeadline',
      'formula',
      'Compte rendu financier au plus tard',
      'Financial report deadline',
      {
        since: 2,
        readOnly: true,
        resultType: 'date',
        help: 'CERFA 15059\u00a0: dans les six mois suivant la fin de l’exercice subventionné (30 juin de l’année suivante pour un exercice civil)\u00a0; vide quand aucun compte rendu n’est dû (statut autre que accordée, versée, bilan à rendre).',
        helpEn:
          'CERFA 15059: within six months after the end of the financial year granted (30 June of the next year for a calendar year); empty when no report is owed.',
        formula: (c) =>
          `=IF(AND(${c.cell('financialYear')}<>"", ${REPORT_OWED(c)}), DATE(${c.cell('financialYear')}+1, 6, 30), "")`,
      },
    ),
    col('contact', 'ref', 'Interlocuteur·ice', 'Funder contact', { ref: refTo('contacts', 'fullName') }),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
    documentLinkColumn('applicationLink', 'Dossier de demande (document)', 'Application document'),
    documentLinkColumn('reportLink', 'Compte rendu financier (document)', 'Financial report document'),
  ]),
  conditionalFormats: [
    {
      key: 'deadlineSoon',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Dossier à déposer dans les 30 jours\u00a0: date limite en orange.',
      columns: ['deadline'],
      formula: (c) =>
        `=AND(${c.cell('deadline')}<>"", ${c.cell('deadline')}>=TODAY(), ${c.cell('deadline')}<=TODAY()+${DEADLINE_DAYS}, OR(${c.cell('status')}="À étudier", ${c.cell('status')}="En préparation"))`,
      background: '#fce8b2',
    },
    {
      key: 'deadlineMissed',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Date limite passée sans dépôt\u00a0: date limite en rouge.',
      columns: ['deadline'],
      formula: (c) =>
        `=AND(${c.cell('deadline')}<>"", ${c.cell('deadline')}<TODAY(), OR(${c.cell('status')}="À étudier", ${c.cell('status')}="En préparation"))`,
      background: '#f4c7c3',
    },
    {
      key: 'reportOverdue',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Bilan non rendu à la date prévue\u00a0: date du bilan en rouge.',
      columns: ['reportDue'],
      formula: (c) =>
        `=AND(${c.cell('reportDue')}<>"", ${c.cell('reportDue')}<TODAY(), ${c.cell('status')}<>"Soldée", ${c.cell('status')}<>"Refusée")`,
      background: '#f4c7c3',
      bold: true,
    },
    {
      key: 'financialReportSoon',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      since: 2,
      description:
        'Compte rendu financier (CERFA 15059) à rendre dans les 30 jours\u00a0: échéance en orange.',
      columns: ['financialReportDeadline'],
      formula: (c) =>
        `=AND(${c.cell('financialReportDeadline')}<>"", ${c.cell('financialReportDeadline')}>=TODAY(), ${c.cell('financialReportDeadline')}<=TODAY()+${DEADLINE_DAYS})`,
      background: '#fce8b2',
    },
    {
      key: 'financialReportLate',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      since: 2,
      description: 'Compte rendu financier (CERFA 15059) en retard\u00a0: échéance en rouge.',
      columns: ['financialReportDeadline'],
      formula: (c) =>
        `=AND(${c.cell('financialReportDeadline')}<>"", ${c.cell('financialReportDeadline')}<TODAY())`,
      background: '#f4c7c3',
      bold: true,
    },
  ],
};
