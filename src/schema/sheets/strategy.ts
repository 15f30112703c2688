/** The project of the place: « Axes et objectifs », « Actions » and « Indicateurs ». */

import { col, refTo, tableColumns } from '../columns';
import { DASHBOARD_YEAR_NAME as Y, inYearCriteria } from '../period';
import type { FormulaContext, SheetDef } from '../types';

/** Budget lines of the selected year for the action of the row, on accounts starting with `prefix`. */
const budgetOfAction = (c: FormulaContext, prefix: string): string =>
  `SUMIFS(${c.range('budget', 'amount')}, ${c.range('budget', 'year')}, ${Y}, ${c.range('budget', 'action')}, ${c.cell('title')}, ${c.range('budget', 'account')}, "${prefix}*")`;

/** Operations of the selected year for the action of the row, on accounts starting with `prefix`. */
const operationsOfAction = (c: FormulaContext, prefix: string): string =>
  `SUMIFS(${c.range('operations', 'amount')}, ${c.range('operations', 'action')}, ${c.cell('title')}, ${c.range('operations', 'account')}, "${prefix}*", ${inYearCriteria(c.range('operations', 'date'))})`;

/** Statuses of an objective. */
export const OBJECTIVE_STATUSES = ['En cours', 'Atteint', 'Partiellement atteint', 'Abandonné'] as const;

/** Statuses of an action. */
export const ACTION_STATUSES = [
  'Idée',
  'En préparation',
  'En cours',
  'Terminée',
  'Suspendue',
  'Abandonnée',
] as const;

/** Families of indicators, after the Observatoire des tiers-lieux (indicateurs-tiers-lieux.md). */
export const INDICATOR_FAMILIES = [
  'Publics et fréquentation',
  'Activités',
  'Structures hébergées',
  'Emploi et bénévolat',
  'Modèle économique',
  'Gouvernance',
  'Bâtiment et occupation',
  'Autre',
] as const;

/** Axes et objectifs: one row per objective, grouped by strategic axis. */
export const objectivesSheet: SheetDef = {
  key: 'objectives',
  name: 'Axes et objectifs',
  nameEn: 'Strategic axes and objectives',
  description: 'Le projet du lieu\u00a0: ses axes stratégiques et, pour chacun, ses objectifs opérationnels.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#8e24aa',
  idPrefix: 'OBJ',
  labelColumn: 'objective',
  columns: tableColumns([
    col('axis', 'text', 'Axe stratégique', 'Strategic axis', { required: true, maxLength: 120, width: 220 }),
    col('code', 'text', 'Code', 'Code', {
      maxLength: 12,
      width: 70,
      help: 'Par exemple A1.2.',
      helpEn: 'For example A1.2.',
    }),
    col('objective', 'text', 'Objectif', 'Objective', { required: true, maxLength: 160, width: 280 }),
    col('description', 'longText', 'Description', 'Description', { width: 280 }),
    col('expectedOutcome', 'longText', 'Résultat attendu', 'Expected outcome', { width: 240 }),
    col('horizon', 'integer', 'Échéance (année)', 'Target year', { min: 2000, max: 2100 }),
    col('status', 'enum', 'Statut', 'Status', { options: OBJECTIVE_STATUSES }),
  ]),
};

/** Actions: what the place does to reach its objectives. */
export const actionsSheet: SheetDef = {
  key: 'actions',
  name: 'Actions',
  nameEn: 'Actions',
  description:
    'Les actions du lieu, rattachées à un axe et à un objectif, avec leur pilote, leurs partenaires et leur avancement.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#9e69af',
  idPrefix: 'ACT',
  labelColumn: 'title',
  columns: tableColumns([
    col('title', 'text', 'Intitulé', 'Title', { required: true, maxLength: 120, width: 240 }),
    col('axis', 'ref', 'Axe', 'Axis', { ref: refTo('objectives', 'axis'), width: 180 }),
    col('objective', 'ref', 'Objectif', 'Objective', { ref: refTo('objectives', 'objective'), width: 220 }),
    col('description', 'longText', 'Description', 'Description', { width: 280 }),
    col('targetAudience', 'text', 'Publics visés', 'Target audience'),
    col('lead', 'ref', 'Pilote', 'Lead', {
      ref: refTo('contacts', 'fullName'),
      help: 'La personne qui porte l’action.',
      helpEn: 'The person who leads the action.',
    }),
    col('partners', 'ref', 'Partenaires', 'Partners', {
      ref: refTo('structures', 'name'),
      multiple: true,
      width: 200,
    }),
    col('startDate', 'date', 'Début', 'Start'),
    col('endDate', 'date', 'Fin', 'End'),
    col('status', 'enum', 'Statut', 'Status', { options: ACTION_STATUSES, required: true }),
    col('progress', 'percent', 'Avancement', 'Progress', {
      min: 0,
      max: 1,
      help: 'De 0 à 100\u00a0%.',
      helpEn: 'From 0 to 100%.',
    }),
    col('budgetCode', 'text', 'Code analytique', 'Budget code', {
      maxLength: 20,
      help: 'Code utilisé dans le budget et la comptabilité.',
      helpEn: 'Code used in the budget and the accounts.',
    }),
    col('forecastCharges', 'formula', 'Charges prévues (exercice)', 'Forecast charges (year)', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      help: 'Budget prévisionnel de l’action, comptes 6, pour l’exercice du tableau de bord.',
      helpEn: 'Budget of the action, accounts 6, for the dashboard’s year.',
      formula: (c) => `=IF(${c.cell('title')}="", "", ${budgetOfAction(c, '6')})`,
    }),
    col('actualCharges', 'formula', 'Charges réalisées (exercice)', 'Actual charges (year)', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      help: 'Opérations de l’action sur les comptes 6, pour l’exercice du tableau de bord.',
      helpEn: 'Transactions of the action on accounts 6, for the dashboard’s year.',
      formula: (c) => `=IF(${c.cell('title')}="", "", ${operationsOfAction(c, '6')})`,
    }),
    col('chargesGap', 'formula', 'Écart sur les charges', 'Charges variance', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      help: 'Charges réalisées − charges prévues.',
      helpEn: 'Actual charges − forecast charges.',
      formula: (c) =>
        `=IF(${c.cell('title')}="", "", ROUND(${c.cell('actualCharges')}-${c.cell('forecastCharges')}, 2))`,
    }),
    col('chargesExecution', 'formula', 'Taux d’exécution des charges', 'Charges execution rate', {
      since: 2,
      readOnly: true,
      resultType: 'percent',
      formula: (c) =>
        `=IF(OR(${c.cell('title')}="", ${c.cell('forecastCharges')}=0), "", ${c.cell('actualCharges')}/${c.cell('forecastCharges')})`,
    }),
    col('forecastProducts', 'formula', 'Produits prévus (exercice)', 'Forecast income (year)', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      help: 'Budget prévisionnel de l’action, comptes 7, pour l’exercice du tableau de bord.',
      helpEn: 'Budget of the action, accounts 7, for the dashboard’s year.',
      formula: (c) => `=IF(${c.cell('title')}="", "", ${budgetOfAction(c, '7')})`,
    }),
    col('actualProducts', 'formula', 'Produits réalisés (exercice)', 'Actual income (year)', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      help: 'Opérations de l’action sur les comptes 7, pour l’exercice du tableau de bord.',
      helpEn: 'Transactions of the action on accounts 7, for the dashboard’s year.',
      formula: (c) => `=IF(${c.cell('title')}="", "", ${operationsOfAction(c, '7')})`,
    }),
    // Schema 3: the action's whole CERFA 12156 budget (« Budget du projet »), in-kind included,
    // so that a grant request's totals show in the workbook before the document is produced.
    // Two columns only: each computed column costs one more call when the table grows
    // (tests/server/growth.test.ts bounds that cost).
    col('cerfaCharges', 'formula', 'Total des charges CERFA (6 + 86)', 'CERFA total charges (6 + 86)', {
      since: 3,
      readOnly: true,
      resultType: 'money',
      help: 'Budget prévisionnel de l’action pour l’exercice du tableau de bord\u00a0: charges (comptes 6) et emplois des contributions en nature (86), comme le budget du projet du CERFA 12156.',
      helpEn:
        'Budget of the action for the dashboard’s year: charges (accounts 6) and in-kind uses (86), as the project budget of CERFA 12156.',
      formula: (c) =>
        `=IF(${c.cell('title')}="", "", ROUND(${c.cell('forecastCharges')}+${budgetOfAction(c, '86')}, 2))`,
    }),
    col('cerfaProducts', 'formula', 'Total des produits CERFA (7 + 87)', 'CERFA total income (7 + 87)', {
      since: 3,
      readOnly: true,
      resultType: 'money',
      help: 'Budget prévisionnel de l’action pour l’exercice du tableau de bord\u00a0: produits (comptes 7) et contributions en nature (87). Égal au total des charges CERFA quand le budget est équilibré, ce que la demande de subvention vérifie.',
      helpEn:
        'Budget of the action for the dashboard’s year: income (accounts 7) and in-kind resources (87). Equal to the CERFA total charges when the budget balances, which the grant application checks.',
      formula: (c) =>
        `=IF(${c.cell('title')}="", "", ROUND(${c.cell('forecastProducts')}+${budgetOfAction(c, '87')}, 2))`,
    }),
  ]),
  conditionalFormats: [
    {
      key: 'late',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Action en cours dont la date de fin est passée\u00a0: fin en rouge.',
      columns: ['endDate'],
      formula: (c) =>
        `=AND(${c.cell('endDate')}<>"", ${c.cell('endDate')}<TODAY(), OR(${c.cell('status')}="En cours", ${c.cell('status')}="En préparation"))`,
      background: '#f4c7c3',
    },
    {
      key: 'done',
      description: 'Action terminée\u00a0: ligne en vert pâle.',
      formula: (c) => `=${c.cell('status')}="Terminée"`,
      background: '#e6f4ea',
    },
  ],
};

/** Indicateurs: targets and measures of the actions. */
export const indicatorsSheet: SheetDef = {
  key: 'indicators',
  name: 'Indicateurs',
  nameEn: 'Indicators',
  description:
    'Les indicateurs de suivi des actions et du lieu\u00a0: cible, réalisé et taux d’atteinte par période.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#b39ddb',
  idPrefix: 'IND',
  labelColumn: 'name',
  columns: tableColumns([
    col('name', 'text', 'Indicateur', 'Indicator', { required: true, maxLength: 160, width: 260 }),
    col('action', 'ref', 'Action', 'Action', { ref: refTo('actions', 'title'), width: 200 }),
    col('family', 'enum', 'Famille', 'Family', { options: INDICATOR_FAMILIES }),
    col('unit', 'text', 'Unité', 'Unit', {
      maxLength: 30,
      help: 'Personnes, ateliers, heures, euros…',
      helpEn: 'People, workshops, hours, euros…',
    }),
    col('periodStart', 'date', 'Début de période', 'Period start'),
    col('periodEnd', 'date', 'Fin de période', 'Period end'),
    col('target', 'number', 'Cible', 'Target'),
    col('actual', 'number', 'Réalisé', 'Actual'),
    col('achievement', 'formula', 'Taux d’atteinte', 'Achievement', {
      readOnly: true,
      resultType: 'percent',
      formula: (c) =>
        `=IF(OR(${c.cell('target')}="", ${c.cell('actual')}=""), "", IFERROR(${c.cell('actual')}/${c.cell('target')}, ""))`,
    }),
    col('source', 'text', 'Source de la donnée', 'Data source', {
      help: 'Feuille de présence, billetterie, comptage…',
      helpEn: 'Attendance sheet, ticketing, head count…',
    }),
  ]),
};
