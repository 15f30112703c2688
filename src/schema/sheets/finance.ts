/** Money: « Comptes » (plan comptable associatif), « Budget prévisionnel » and « Opérations » (réalisé). */

import { col, refTo, tableColumns } from '../columns';
import { DASHBOARD_YEAR_NAME as Y, inYearCriteria } from '../period';
import type { FormulaContext, SheetDef } from '../types';

/**
 * In-kind contributions valued by the workbook itself, not typed as operations: volunteer time
 * (« Heures de bénévolat » × hourly value of its task type) into 864 and 875, and premises lent
 * free of charge to resident structures (« Structures ») into 861 and 871.
 */
export const VOLUNTEER_ACCOUNTS = ['864', '875'] as const;
export const PREMISES_ACCOUNTS = ['861', '871'] as const;

/** Value of the volunteer hours of the selected year, optionally of one action (`actionCell`). */
export const volunteerValueOfYear = (c: FormulaContext, year: string = Y, actionCell?: string): string =>
  `SUMIFS(${c.range('volunteerHours', 'valuedAmount')}, ${
    actionCell === undefined ? '' : `${c.range('volunteerHours', 'action')}, ${actionCell}&"", `
  }${c.range('volunteerHours', 'date')}, ">="&DATE(${year}, 1, 1), ${c.range('volunteerHours', 'date')}, "<"&DATE(${year}+1, 1, 1))`;

/** Value of the premises lent free of charge in the selected year (computed per structure). */
export const premisesValueOfYear = (c: FormulaContext): string =>
  `SUMIFS(${c.range('structures', 'freePremisesValue')}, ${c.range('structures', 'freePremisesValue')}, ">0")`;

/** TRUE when the account number in `numberCell` is one of `accounts` or a parent of one (`86` for `864`). */
const parentOfAny = (numberCell: string, accounts: readonly string[]): string =>
  `OR(${accounts.map((a) => `${numberCell}=LEFT("${a}", LEN(${numberCell}))`).join(', ')})`;

/** TRUE when the account title in `titleCell` (`864 Personnel bénévole`) is one of `accounts`. */
const isAnyOf = (titleCell: string, accounts: readonly string[]): string =>
  `OR(${accounts.map((a) => `LEFT(${titleCell}, ${a.length + 1})="${a} "`).join(', ')})`;

/** Nature of an account (classes 6, 7 and 8 of the plan comptable associatif). */
export const ACCOUNT_NATURES = [
  'Charge',
  'Produit',
  'Contribution volontaire (emploi)',
  'Contribution volontaire (ressource)',
] as const;

/** How an operation was paid. */
export const PAYMENT_METHODS = [
  'Virement',
  'Carte bancaire',
  'Chèque',
  'Espèces',
  'Prélèvement',
  'Plateforme en ligne',
] as const;

/** Comptes. */
export const accountsSheet: SheetDef = {
  key: 'accounts',
  name: 'Comptes',
  nameEn: 'Chart of accounts',
  description:
    'Les comptes du plan comptable associatif utilisés pour le budget, le réalisé et les dossiers CERFA.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#616161',
  idPrefix: 'CPT',
  labelColumn: 'title',
  columns: tableColumns([
    col('number', 'text', 'Numéro', 'Number', { required: true, textRule: 'accountNumber', width: 80 }),
    col('label', 'text', 'Libellé', 'Label', { required: true, maxLength: 200, width: 320 }),
    col('title', 'formula', 'Compte', 'Account', {
      readOnly: true,
      width: 360,
      help: 'Numéro et libellé\u00a0: c’est ce qui est choisi dans le budget et les opérations.',
      helpEn: 'Number and label: what budget lines and transactions pick.',
      formula: (c) => `=IF(${c.cell('number')}="", "", ${c.cell('number')}&" "&${c.cell('label')})`,
    }),
    col('accountClass', 'integer', 'Classe', 'Class', { min: 1, max: 8, width: 60 }),
    col('nature', 'enum', 'Nature', 'Nature', { options: ACCOUNT_NATURES, required: true, width: 200 }),
    col('cerfaLine', 'text', 'Ligne du CERFA 12156', 'CERFA 12156 line', {
      help: 'Par exemple «\u00a060 – Achats\u00a0».',
      helpEn: 'For example “60 – Achats”.',
    }),
    col('inUse', 'boolean', 'Utilisé', 'In use'),
    col('notes', 'text', 'Remarques', 'Notes', {
      help: 'Validité (jusqu’en 2024, à partir de 2025), points à vérifier.',
      helpEn: 'Validity (until 2024, from 2025), points to check.',
    }),
    col('forecast', 'formula', 'Prévu (exercice)', 'Forecast (year)', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      help: 'Budget prévisionnel de l’exercice choisi dans le tableau de bord, sur ce compte et ses sous-comptes (60 totalise 601, 606…).',
      helpEn:
        'Budget of the year chosen on the dashboard, on this account and its sub-accounts (60 totals 601, 606…).',
      formula: (c) =>
        `=IF(${c.cell('number')}="", "", SUMIFS(${c.range('budget', 'amount')}, ${c.range('budget', 'year')}, ${Y}, ${c.range('budget', 'account')}, ${c.cell('number')}&"*"))`,
    }),
    col('actual', 'formula', 'Réalisé (exercice)', 'Actual (year)', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      help: 'Opérations de l’exercice sur ce compte et ses sous-comptes, plus la valorisation du bénévolat (864, 875) et des locaux mis à disposition (861, 871).',
      helpEn:
        'Transactions of the year on this account and its sub-accounts, plus valued volunteer time (864, 875) and premises lent (861, 871).',
      formula: (c) =>
        `=IF(${c.cell('number')}="", "", SUMIFS(${c.range('operations', 'amount')}, ${c.range('operations', 'account')}, ${c.cell('number')}&"*", ${inYearCriteria(c.range('operations', 'date'))})+IF(${parentOfAny(c.cell('number'), VOLUNTEER_ACCOUNTS)}, ${volunteerValueOfYear(c)}, 0)+IF(${parentOfAny(c.cell('number'), PREMISES_ACCOUNTS)}, ${premisesValueOfYear(c)}, 0))`,
    }),
    col('gap', 'formula', 'Écart (réalisé − prévu)', 'Variance (actual − forecast)', {
      since: 2,
      readOnly: true,
      resultType: 'money',
      formula: (c) => `=IF(${c.cell('number')}="", "", ROUND(${c.cell('actual')}-${c.cell('forecast')}, 2))`,
    }),
    col('executionRate', 'formula', 'Taux d’exécution', 'Execution rate', {
      since: 2,
      readOnly: true,
      resultType: 'percent',
      help: 'Réalisé ÷ prévu\u00a0; vide sans prévisionnel.',
      helpEn: 'Actual ÷ forecast; empty without a forecast.',
      formula: (c) =>
        `=IF(OR(${c.cell('number')}="", ${c.cell('forecast')}=0), "", ${c.cell('actual')}/${c.cell('forecast')})`,
    }),
  ]),
};

/** Budget prévisionnel. */
export const budgetSheet: SheetDef = {
  key: 'budget',
  name: 'Budget prévisionnel',
  nameEn: 'Budget',
  description: 'Le budget prévisionnel par année, par action et par compte, base des demandes de subvention.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#795548',
  idPrefix: 'BUD',
  labelColumn: 'label',
  columns: tableColumns([
    col('year', 'integer', 'Exercice', 'Financial year', { required: true, min: 2000, max: 2100, width: 80 }),
    col('action', 'ref', 'Action', 'Action', {
      ref: refTo('actions', 'title'),
      help: 'Vide pour le fonctionnement général du lieu.',
      helpEn: 'Empty for the general running of the place.',
    }),
    col('account', 'ref', 'Compte', 'Account', {
      ref: refTo('accounts', 'title'),
      required: true,
      width: 280,
    }),
    col('label', 'text', 'Détail', 'Detail', { maxLength: 200, width: 240 }),
    col('funder', 'ref', 'Financeur sollicité', 'Funder asked', {
      ref: refTo('structures', 'name'),
      help: 'Pour une ligne de produits\u00a0: le financeur attendu.',
      helpEn: 'For an income line: the expected funder.',
    }),
    col('amount', 'money', 'Montant', 'Amount', { required: true, min: 0 }),
    col('actual', 'formula', 'Réalisé', 'Actual', {
      readOnly: true,
      formulaSince: 2,
      resultType: 'money',
      help: 'Somme des opérations de l’exercice sur ce compte et cette action\u00a0; sur 864 et 875, plus la valorisation des heures de bénévolat de l’action\u00a0; sur 861 et 871 sans action, plus les locaux mis à disposition (exercice du tableau de bord).',
      helpEn:
        'Transactions of the year on this account and action; on 864 and 875, plus the action’s valued volunteer hours; on 861 and 871 without action, plus premises lent (dashboard’s year).',
      formula: (c) =>
        `=IF(${c.cell('account')}="", "", SUMIFS(${c.range('operations', 'amount')}, ${c.range('operations', 'account')}, ${c.cell('account')}, ${c.range('operations', 'action')}, ${c.cell('action')}&"", ${c.range('operations', 'date')}, ">="&DATE(${c.cell('year')}, 1, 1), ${c.range('operations', 'date')}, "<"&DATE(${c.cell('year')}+1, 1, 1))+IF(${isAnyOf(c.cell('account'), VOLUNTEER_ACCOUNTS)}, ${volunteerValueOfYear(c, c.cell('year'), c.cell('action'))}, 0)+IF(AND(${c.cell('action')}="", ${c.cell('year')}=${Y}, ${isAnyOf(c.cell('account'), PREMISES_ACCOUNTS)}), ${premisesValueOfYear(c)}, 0))`,
    }),
  ]),
};

/** Opérations. */
export const operationsSheet: SheetDef = {
  key: 'operations',
  name: 'Opérations',
  nameEn: 'Transactions',
  description:
    'Les dépenses et recettes réalisées, affectées à un compte, à une action et le cas échéant à une subvention.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#a1887f',
  idPrefix: 'OPE',
  labelColumn: 'label',
  columns: tableColumns([
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('account', 'ref', 'Compte', 'Account', {
      ref: refTo('accounts', 'title'),
      required: true,
      width: 280,
    }),
    col('action', 'ref', 'Action', 'Action', { ref: refTo('actions', 'title') }),
    col('label', 'text', 'Libellé', 'Label', { required: true, maxLength: 200, width: 240 }),
    col('amount', 'money', 'Montant', 'Amount', {
      required: true,
      min: 0,
      help: 'Toujours positif\u00a0: le compte dit s’il s’agit d’une charge ou d’un produit.',
      helpEn: 'Always positive: the account says whether it is a charge or an income.',
    }),
    col('payee', 'text', 'Tiers', 'Counterparty', {
      help: 'Fournisseur payé ou personne, structure qui a versé.',
      helpEn: 'Supplier paid, or person or organisation who paid.',
    }),
    col('grant', 'ref', 'Subvention', 'Grant', {
      ref: refTo('grants', 'title'),
      help: 'La subvention qui finance cette dépense.',
      helpEn: 'The grant that funds this expense.',
    }),
    col('paymentMethod', 'enum', 'Moyen de paiement', 'Payment method', { options: PAYMENT_METHODS }),
    col('receiptNumber', 'text', 'N° de pièce', 'Receipt number', { maxLength: 40 }),
    col('receiptLink', 'url', 'Justificatif', 'Receipt', {
      help: 'Lien vers la facture ou le reçu (Drive).',
      helpEn: 'Link to the invoice or receipt (Drive).',
    }),
    col('reconciled', 'boolean', 'Rapprochée', 'Reconciled', {
      help: 'Cochée une fois vue sur le relevé bancaire.',
      helpEn: 'Ticked once seen on the bank statement.',
    }),
    col('maintenanceId', 'text', 'Intervention liée', 'Linked maintenance job', {
      since: 4,
      readOnly: true,
      width: 110,
      help: 'L’intervention de «\u00a0Maintenance\u00a0» dont le coût a été passé ici (MAI-…).',
      helpEn: 'The “Maintenance” job whose cost was posted here (MAI-…).',
    }),
  ]),
};
