/** The people and organisations of the place: « Structures » (partners, residents, funders) and « Contacts ». */

import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import { DASHBOARD_YEAR_NAME as Y } from '../period';
import type { SheetDef } from '../types';

/** Kinds of structure. */
export const STRUCTURE_KINDS = [
  'Association',
  'Association d’éducation populaire',
  'Collectif d’habitant·es',
  'Collectivité territoriale',
  'Institution ou service de l’État',
  'Établissement public',
  'Entreprise',
  'Structure de l’ESS (SCIC, SCOP…)',
  'Fondation',
  'Autre',
] as const;

/** What a structure is to the place (several allowed). */
export const STRUCTURE_RELATIONS = [
  'Résidente',
  'Partenaire',
  'Usagère',
  'Financeur',
  'Fournisseur',
  'Adhérente',
] as const;

/** Roles of a person towards the place (several allowed). */
export const CONTACT_ROLES = [
  'Habitant·e',
  'Adhérent·e',
  'Bénévole',
  'Salarié·e',
  'Membre du CA',
  'Partenaire',
  'Élu·e',
  'Prestataire',
  'Autre',
] as const;

/** Structures: every organisation the place works with. */
export const structuresSheet: SheetDef = {
  key: 'structures',
  name: 'Structures',
  nameEn: 'Organisations',
  description:
    'Les structures liées au lieu\u00a0: résidentes, partenaires, associations d’éducation populaire, institutions, entreprises et collectifs d’habitant·es.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#0b8043',
  idPrefix: 'STR',
  labelColumn: 'name',
  columns: tableColumns([
    col('name', 'text', 'Nom', 'Name', { required: true, maxLength: 120, width: 220 }),
    col('kind', 'enum', 'Type de structure', 'Kind', { options: STRUCTURE_KINDS, width: 200 }),
    col('relations', 'enum', 'Relation avec le lieu', 'Relation to the place', {
      options: STRUCTURE_RELATIONS,
      multiple: true,
      width: 180,
      help: 'Plusieurs choix possibles, séparés par des virgules.',
      helpEn: 'Several choices possible, separated by commas.',
    }),
    col('activity', 'longText', 'Activité', 'Activity', { width: 240 }),
    col('mainContact', 'ref', 'Contact principal', 'Main contact', { ref: refTo('contacts', 'fullName') }),
    col('email', 'email', 'E-mail', 'E-mail'),
    col('phone', 'phone', 'Téléphone', 'Phone'),
    col('website', 'url', 'Site web', 'Website'),
    col('address', 'text', 'Adresse', 'Address'),
    col('siret', 'text', 'SIRET', 'SIRET', { textRule: 'siret' }),
    col('rna', 'text', 'Numéro RNA', 'RNA number', { textRule: 'rna' }),
    col('occupiedSpaces', 'ref', 'Espaces occupés', 'Occupied spaces', {
      ref: refTo('spaces', 'name'),
      multiple: true,
      help: 'Pour une structure résidente\u00a0: les espaces qu’elle occupe.',
      helpEn: 'For a resident organisation: the spaces it occupies.',
    }),
    col('agreementStart', 'date', 'Début de la convention d’occupation', 'Occupancy agreement start'),
    col('agreementEnd', 'date', 'Fin de la convention d’occupation', 'Occupancy agreement end'),
    col('monthlyFee', 'money', 'Redevance mensuelle', 'Monthly fee', { min: 0 }),
    col('rentalValue', 'money', 'Valeur locative mensuelle', 'Monthly rental value', {
      since: 2,
      min: 0,
      help: 'Pour une structure résidente hébergée gratuitement ou sous le prix\u00a0: ce que coûteraient les espaces qu’elle occupe au prix du marché, par mois.',
      helpEn:
        'For a resident organisation housed free or below cost: what the spaces it occupies would cost per month at market price.',
    }),
    col(
      'freePremisesValue',
      'formula',
      'Mise à disposition gratuite (exercice)',
      'Free use of premises (year)',
      {
        since: 2,
        readOnly: true,
        resultType: 'money',
        help: '(Valeur locative − redevance) × 12, au prorata des jours de la convention dans l’exercice du tableau de bord. Comptes 861 et 871.',
        helpEn:
          '(Rental value − fee) × 12, prorated to the days of the agreement within the dashboard’s year. Accounts 861 and 871.',
        formula: (c) => {
          const start = `MAX(IF(${c.cell('agreementStart')}="", DATE(${Y}, 1, 1), ${c.cell('agreementStart')}), DATE(${Y}, 1, 1))`;
          const end = `MIN(IF(${c.cell('agreementEnd')}="", DATE(${Y}, 12, 31), ${c.cell('agreementEnd')}), DATE(${Y}, 12, 31))`;
          return `=IF(${c.cell('rentalValue')}="", "", ROUND(MAX(0, ${c.cell('rentalValue')}-${c.cell('monthlyFee')})*12*MAX(0, ${end}-${start}+1)/(DATE(${Y}+1, 1, 1)-DATE(${Y}, 1, 1)), 2))`;
        },
      },
    ),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
    documentLinkColumn('agreementLink', 'Convention d’occupation (document)', 'Occupancy agreement document'),
  ]),
  conditionalFormats: [
    {
      key: 'agreementExpired',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Convention d’occupation échue\u00a0: date de fin en rouge.',
      columns: ['agreementEnd'],
      formula: (c) => `=AND(${c.cell('agreementEnd')}<>"", ${c.cell('agreementEnd')}<TODAY())`,
      background: '#f4c7c3',
    },
    {
      key: 'agreementEndingSoon',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Convention d’occupation qui finit dans les 60 jours\u00a0: date de fin en orange.',
      columns: ['agreementEnd'],
      formula: (c) =>
        `=AND(${c.cell('agreementEnd')}<>"", ${c.cell('agreementEnd')}>=TODAY(), ${c.cell('agreementEnd')}<=TODAY()+60)`,
      background: '#fce8b2',
    },
  ],
};

/** Life of a mediation. */
export const MEDIATION_STATUSES = ['Ouverte', 'En cours', 'Accord trouvé', 'Sans accord', 'Close'] as const;

/**
 * Médiations (schema 4): mediations between structures or users of the site. Setup protects
 * the whole sheet so that only the coordinators of « Paramètres du lieu » edit it (a real
 * protection, not a warning: src/server/restricted-sheets.ts); the Journal names a mediation
 * by its id only.
 */
export const mediationsSheet: SheetDef = {
  key: 'mediations',
  name: 'Médiations',
  nameEn: 'Mediations',
  description:
    'Les médiations entre structures ou usager·es du lieu ; feuille protégée, modifiable par les seul·es coordinateur·ices.',
  kind: 'table',
  since: 4,
  frozenRows: 2,
  tabColor: '#6a1b9a',
  idPrefix: 'MED',
  labelColumn: 'subject',
  columns: tableColumns([
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('parties', 'ref', 'Parties', 'Parties', {
      ref: refTo('structures', 'name'),
      multiple: true,
      required: true,
      width: 220,
      help: 'Les structures concernées, séparées par des virgules.',
      helpEn: 'The organisations involved, separated by commas.',
    }),
    col('subject', 'text', 'Objet', 'Subject', { required: true, maxLength: 160, width: 220 }),
    col('facilitator', 'ref', 'Médiateur·ice', 'Facilitator', { ref: refTo('contacts', 'fullName') }),
    col('steps', 'longText', 'Étapes', 'Steps', { width: 260 }),
    col('agreementReached', 'boolean', 'Accord trouvé', 'Agreement reached'),
    col('followUpDate', 'date', 'Date de suivi', 'Follow-up date'),
    col('status', 'enum', 'Statut', 'Status', { options: MEDIATION_STATUSES, required: true }),
    col('confidentialNotes', 'longText', 'Notes confidentielles', 'Confidential notes', { width: 280 }),
  ]),
};

/** Contacts: the people. */
export const contactsSheet: SheetDef = {
  key: 'contacts',
  name: 'Contacts',
  nameEn: 'Contacts',
  description: 'Les personnes en lien avec le lieu, leur structure et leur accord pour être recontactées.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#33b679',
  idPrefix: 'CON',
  labelColumn: 'fullName',
  columns: tableColumns([
    col('fullName', 'text', 'Prénom et nom', 'Full name', { required: true, maxLength: 120, width: 200 }),
    col('structure', 'ref', 'Structure', 'Organisation', { ref: refTo('structures', 'name'), width: 180 }),
    col('jobTitle', 'text', 'Fonction', 'Job title'),
    col('roles', 'enum', 'Rôles', 'Roles', { options: CONTACT_ROLES, multiple: true, width: 180 }),
    col('email', 'email', 'E-mail', 'E-mail', { width: 200 }),
    col('phone', 'phone', 'Téléphone', 'Phone'),
    col('postalCode', 'text', 'Code postal', 'Postal code', { textRule: 'postalCode' }),
    col('consent', 'boolean', 'Accepte d’être recontacté·e', 'Agrees to be contacted', {
      help: 'Consentement (RGPD) à recevoir des informations du lieu.',
      helpEn: 'Consent (GDPR) to receive news from the place.',
    }),
    col('consentDate', 'date', 'Date du consentement', 'Consent date'),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
  ]),
};
