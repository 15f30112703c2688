/** « Paramètres du lieu »: one row per setting (identity, ERP classification, opening, finance, time zone). */

import { col } from '../columns';
import { FIRST_DATA_ROW } from '../formats';
import { settingRangeName, TODAY_NAME } from '../formula';
import type { NamedRangeDef, SettingDef, SheetDef } from '../types';

/** Legal forms, after the Observatoire des tiers-lieux categories (indicateurs-tiers-lieux.md § C). */
export const LEGAL_FORMS = [
  'Association loi 1901',
  'Association de droit local (Alsace-Moselle)',
  'SCIC',
  'SCOP',
  'SAS, SARL ou SA',
  'Collectivité territoriale',
  'Établissement public',
  'Collectif citoyen (sans personnalité morale)',
  'Autre',
] as const;

/** ERP categories (règlement de sécurité du 25 juin 1980). */
export const ERP_CATEGORIES = [
  '1re catégorie',
  '2e catégorie',
  '3e catégorie',
  '4e catégorie',
  '5e catégorie',
] as const;

/** ERP types most tiers-lieux fall under; `Autre` for the rest. */
export const ERP_TYPES = [
  'L – Salles d’audition, de conférences, de réunions, de spectacles ou à usage multiple',
  'M – Magasins de vente, centres commerciaux',
  'N – Restaurants et débits de boissons',
  'O – Hôtels et pensions de famille',
  'P – Salles de danse et salles de jeux',
  'R – Établissements d’éveil, d’enseignement, de formation',
  'S – Bibliothèques, centres de documentation',
  'T – Salles d’exposition',
  'W – Administrations, banques, bureaux',
  'X – Établissements sportifs couverts',
  'Y – Musées',
  'PA – Établissements de plein air',
  'Autre',
] as const;

/** Category of the fire safety system (SSI), as the register's checks need it (MS 73). */
export const SSI_CATEGORIES = ['Aucun', 'Catégorie A ou B', 'Autre catégorie (C, D ou E)'] as const;

/** Smoke extraction of the building (DF 10). */
export const SMOKE_EXTRACTION_KINDS = ['Aucun', 'Naturel', 'Mécanique'] as const;

/** How the site is occupied (indicateurs-tiers-lieux.md § D). */
export const OCCUPANCY_MODES = [
  'Mise à disposition gratuite',
  'Propriétaire',
  'Locataire au prix du marché',
  'Locataire à prix modéré',
] as const;

const setting = (
  key: string,
  type: SettingDef['type'],
  header: string,
  labelEn: string,
  extra: Partial<SettingDef> = {},
): SettingDef => ({ ...col(key, type, header, labelEn), ...extra });

/** The document types whose template a user may replace by a Doc of their own, with their French name. */
const TEMPLATE_TYPES: readonly (readonly [string, string, string, number?])[] = [
  ['templateActivityReport', 'Rapport d’activités', 'Activity report'],
  ['templateProgressReport', 'Point d’étape', 'Progress report'],
  ['templateGrantRequest', 'Demande de subvention', 'Grant request'],
  ['templateFinancialReport', 'Compte rendu financier', 'Financial report'],
  ['templateSpecification', 'Cahier des charges', 'Specification'],
  ['templateTerritoryDiagnostic', 'Diagnostic de territoire', 'Territory diagnostic'],
  ['templateEvaluation', 'Évaluation', 'Evaluation'],
  ['templateMeetingMinutes', 'Compte rendu de réunion', 'Meeting minutes'],
  ['templateSafetyRegister', 'Registre de sécurité', 'Safety register'],
  // Issue 12: the communication plan shared read-only with the communication service.
  ['templateCommunicationPlan', 'Plan de communication', 'Communication plan', 4],
];

/**
 * One setting per document type (schema 3): the Google Doc to use as its template, by its link
 * or id; empty, Pilote uses its own template from « Pilote — Modèles ». The body is used (text,
 * styles, tables); headers, footers and page setup of the user's Doc are not copied.
 */
const TEMPLATE_SETTINGS: readonly SettingDef[] = TEMPLATE_TYPES.map(([key, name, nameEn, since = 3]) =>
  setting(key, 'text', `Modèle — ${name}`, `Template — ${nameEn}`, {
    since,
    maxLength: 300,
    help: 'Lien (ou identifiant) d’un Google Doc à utiliser comme modèle\u00a0; vide\u00a0: le modèle de Pilote. Seul le corps du document est repris (pas les en-têtes, pieds de page ni la mise en page).',
    helpEn:
      'Link (or id) of a Google Doc to use as the template; empty: Pilote’s template. Only the body is used (not headers, footers or page setup).',
  }),
);

/**
 * The venue's equipment (schema 4): what decides which periodic checks the safety register owes
 * (registre-securite-erp.md § 3), read by `src/domain/safety/obligations.ts`.
 */
const EQUIPMENT_SETTINGS: readonly SettingDef[] = [
  setting('hasKitchen', 'boolean', 'Cuisine ou office', 'Kitchen or pantry', {
    since: 4,
    defaultValue: false,
    help: 'Appareils de cuisson fixes, office de remise en température (GC 22).',
    helpEn: 'Fixed cooking appliances, reheating pantry (GC 22).',
  }),
  setting('hasLift', 'boolean', 'Ascenseur', 'Lift', { since: 4, defaultValue: false }),
  setting('hasGas', 'boolean', 'Gaz (réseau ou stockage)', 'Gas (mains or storage)', {
    since: 4,
    defaultValue: false,
    help: 'Distribution de gaz, stockage de GPL, appareils au gaz (GZ 30).',
    helpEn: 'Gas distribution, LPG storage, gas appliances (GZ 30).',
  }),
  setting('ssiCategory', 'enum', 'Système de sécurité incendie (SSI)', 'Fire safety system (SSI)', {
    since: 4,
    options: SSI_CATEGORIES,
    defaultValue: 'Aucun',
    help: 'Un SSI de catégorie A ou B est vérifié tous les 3 ans par un organisme agréé (MS 73).',
    helpEn: 'A category A or B system is checked every 3 years by an approved body (MS 73).',
  }),
  setting('smokeExtraction', 'enum', 'Désenfumage', 'Smoke extraction', {
    since: 4,
    options: SMOKE_EXTRACTION_KINDS,
    defaultValue: 'Aucun',
  }),
  setting(
    'fixedFireMeans',
    'boolean',
    'Moyens de secours fixes (alarme, RIA, détection)',
    'Fixed fire equipment (alarm, hose reels, detection)',
    { since: 4, defaultValue: false },
  ),
  setting('hasEmployees', 'boolean', 'L’association emploie des salariés', 'The organisation has employees', {
    since: 4,
    defaultValue: false,
    help: 'Le code du travail s’ajoute alors au règlement ERP (électricité, exercices d’évacuation).',
    helpEn: 'Labour law then adds to the ERP rules (electrical checks, evacuation drills).',
  }),
];

/** The settings, in row order (row 2 onwards). */
export const VENUE_SETTINGS: readonly SettingDef[] = [
  setting('venueName', 'text', 'Nom du lieu', 'Venue name', { required: true, maxLength: 120 }),
  setting('organisationName', 'text', 'Structure porteuse', 'Operating organisation', {
    help: 'Nom de l’association (ou de la structure) qui porte le lieu.',
    helpEn: 'Name of the association (or organisation) that runs the place.',
  }),
  setting('address', 'text', 'Adresse', 'Address'),
  setting('postalCode', 'text', 'Code postal', 'Postal code', { textRule: 'postalCode' }),
  setting('city', 'text', 'Commune', 'Town'),
  setting('legalForm', 'enum', 'Forme juridique', 'Legal form', { options: LEGAL_FORMS }),
  setting('siret', 'text', 'SIRET', 'SIRET', {
    textRule: 'siret',
    help: '14 chiffres, sans espaces ou avec.',
    helpEn: '14 digits, with or without spaces.',
  }),
  setting('rna', 'text', 'Numéro RNA', 'RNA number', {
    textRule: 'rna',
    help: 'Numéro du répertoire national des associations, par exemple W751234567.',
    helpEn: 'Number in the national register of associations, for example W751234567.',
  }),
  setting('email', 'email', 'E-mail du lieu', 'Venue e-mail'),
  setting('phone', 'phone', 'Téléphone du lieu', 'Venue phone'),
  setting('website', 'url', 'Site web', 'Website'),
  setting('erpCategory', 'enum', 'Catégorie ERP', 'ERP category', {
    options: ERP_CATEGORIES,
    defaultValue: '5e catégorie',
    help: 'Catégorie d’établissement recevant du public, selon l’effectif admissible.',
    helpEn: 'Category of public venue (ERP), by the number of people admitted.',
  }),
  setting('erpType', 'enum', 'Type ERP', 'ERP type', { options: ERP_TYPES }),
  setting('sleepingQuarters', 'boolean', 'Locaux à sommeil', 'Sleeping quarters', { defaultValue: false }),
  setting('surface', 'number', 'Surface (m²)', 'Floor area (m²)', { min: 0 }),
  setting('occupancyMode', 'enum', 'Mode d’occupation du bâtiment', 'Occupancy of the building', {
    options: OCCUPANCY_MODES,
  }),
  setting('occupancyEnd', 'date', 'Fin du titre d’occupation', 'Occupancy title ends'),
  setting('openingHours', 'longText', 'Horaires d’ouverture', 'Opening hours', {
    help: 'Un jour par ligne, par exemple «\u00a0mardi 9h–18h\u00a0».',
    helpEn: 'One day per line, for example “Tuesday 9am–6pm”.',
  }),
  setting('volunteerHourlyValue', 'money', 'Valorisation horaire du bénévolat', 'Volunteer hourly value', {
    min: 0,
    help: 'Montant par heure utilisé pour valoriser le bénévolat (comptes 864/875), par exemple le SMIC horaire brut chargé.',
    helpEn:
      'Amount per hour used to value volunteer time (accounts 864/875), for example the gross minimum wage with charges.',
  }),
  setting(
    'financialYearStart',
    'date',
    'Début de l’exercice comptable en cours',
    'Current financial year start',
    {
      help: 'Par exemple 01/01/2026 pour un exercice calé sur l’année civile.',
      helpEn: 'For example 01/01/2026 for a financial year on the calendar year.',
    },
  ),
  setting('coordinatorEmails', 'email', 'E-mails des coordinateur·ices', 'Coordinators’ e-mails', {
    multiple: true,
    help: 'Adresses séparées par des virgules\u00a0; elles reçoivent les alertes.',
    helpEn: 'Addresses separated by commas; they receive the alerts.',
  }),
  setting('timeZone', 'text', 'Fuseau horaire', 'Time zone', {
    defaultValue: 'Europe/Paris',
    help: 'Fuseau IANA du lieu (Europe/Paris, America/Cayenne, Indian/Reunion…).',
    helpEn: 'IANA time zone of the place (Europe/Paris, America/Cayenne, Indian/Reunion…).',
  }),
  setting('publicServiceHosted', 'boolean', 'Accueille un service public', 'Hosts a public service'),
  setting('today', 'formula', 'Date du jour', 'Today', {
    readOnly: true,
    resultType: 'date',
    formula: () => '=TODAY()',
    help: 'Calculée automatiquement\u00a0; utilisée par les échéances et les alertes.',
    helpEn: 'Computed automatically; used by deadlines and alerts.',
  }),
  ...TEMPLATE_SETTINGS,
  // People (issue 12): who may edit the communication plan besides the coordinators.
  setting(
    'communicationServiceEmail',
    'email',
    'E-mail du service communication',
    'Communication service e-mail',
    {
      since: 4,
      multiple: true,
      help: 'Le service communication (de la structure porteuse ou de la collectivité) : il peut modifier la feuille «\u00a0Communication\u00a0», protégée pour les autres.',
      helpEn:
        'The communication service (of the operating organisation or the local authority): it may edit the « Communication » sheet, protected for others.',
    },
  ),
  ...EQUIPMENT_SETTINGS,
];

/** Value column of the settings sheet (C) on a new workbook: the first data row + index of the setting. */
const valueCell = (index: number): string => `C${index + FIRST_DATA_ROW}`;

const namedRanges: NamedRangeDef[] = VENUE_SETTINGS.map((s, index) => ({
  name: s.key === 'today' ? TODAY_NAME : settingRangeName(s.key),
  a1: valueCell(index),
  description: s.header,
}));

/** Paramètres du lieu. */
export const venueSettingsSheet: SheetDef = {
  key: 'settings',
  name: 'Paramètres du lieu',
  nameEn: 'Venue settings',
  description:
    'Les informations générales du lieu et les réglages utilisés par les calculs et les documents.',
  kind: 'settings',
  since: 1,
  frozenRows: 2,
  tabColor: '#5f6368',
  columns: [
    col('key', 'text', 'Clé', 'Key', { hidden: true, readOnly: true }),
    col('label', 'text', 'Paramètre', 'Setting', { readOnly: true, width: 280 }),
    col('value', 'text', 'Valeur', 'Value', {
      width: 320,
      help: 'Le type attendu dépend de la ligne.',
      helpEn: 'The expected type depends on the row.',
    }),
    col('help', 'longText', 'Aide', 'Help', { readOnly: true, width: 420 }),
  ],
  labelColumn: 'label',
  settings: VENUE_SETTINGS,
  namedRanges,
};
