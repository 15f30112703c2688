/** Money: « Comptes » (plan comptable associatif), « Budget prévisionnel » and « Opérations » (réalisé). */

import { col, refTo, tableColumns } from '../columns';
import type { SheetDef } from '../types';

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
      formula: (c) => `=IF(${c.cell('number')}="", "", ${c.cell('number')}&" "&${c.cell('label')})`,
    }),
    col('accountClass', 'integer', 'Classe', 'Class', { min: 1, max: 8, width: 60 }),
    col('nature', 'enum', 'Nature', 'Nature', { options: ACCOUNT_NATURES, required: true, width: 200 }),
    col('cerfaLine', 'text', 'Ligne du CERFA 12156', 'CERFA 12156 line', {
      help: 'Par exemple «\u00a060 – Achats\u00a0».',
    }),
    col('inUse', 'boolean', 'Utilisé', 'In use'),
    col('notes', 'text', 'Remarques', 'Notes', {
      help: 'Validité (jusqu’en 2024, à partir de 2025), points à vérifier.',
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
    }),
    col('amount', 'money', 'Montant', 'Amount', { required: true, min: 0 }),
    col('actual', 'formula', 'Réalisé', 'Actual', {
      readOnly: true,
      resultType: 'money',
      help: 'Somme des opérations de l’exercice sur ce compte et cette action.',
      formula: (c) =>
        `=IF(${c.cell('account')}="", "", SUMIFS(${c.range('operations', 'amount')}, ${c.range('operations', 'account')}, ${c.cell('account')}, ${c.range('operations', 'action')}, ${c.cell('action')}&"", ${c.range('operations', 'date')}, ">="&DATE(${c.cell('year')}, 1, 1), ${c.range('operations', 'date')}, "<"&DATE(${c.cell('year')}+1, 1, 1)))`,
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
    }),
    col('payee', 'text', 'Tiers', 'Counterparty', {
      help: 'Fournisseur payé ou personne, structure qui a versé.',
    }),
    col('grant', 'ref', 'Subvention', 'Grant', {
      ref: refTo('grants', 'title'),
      help: 'La subvention qui finance cette dépense.',
    }),
    col('paymentMethod', 'enum', 'Moyen de paiement', 'Payment method', { options: PAYMENT_METHODS }),
    col('receiptNumber', 'text', 'N° de pièce', 'Receipt number', { maxLength: 40 }),
    col('receiptLink', 'url', 'Justificatif', 'Receipt', {
      help: 'Lien vers la facture ou le reçu (Drive).',
    }),
    col('reconciled', 'boolean', 'Rapprochée', 'Reconciled', {
      help: 'Cochée une fois vue sur le relevé bancaire.',
    }),
  ]),
};
