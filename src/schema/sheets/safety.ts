/** Running the building: « Registre de sécurité », « Maintenance », « Ouverture et fermeture », « Incidents ». */

import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import type { SheetDef } from '../types';

/**
 * Checks of the safety register and their usual periodicity in months (registre-securite-erp.md § 3):
 * obligations from the 1st to the 4th category, good practice in the 5th. 0 = no periodicity.
 */
export const SAFETY_CHECK_PERIODICITY_MONTHS: Readonly<Record<string, number>> = {
  'Installations électriques – vérification périodique': 12,
  'Éclairage de sécurité – essai de fonctionnement': 1,
  'Éclairage de sécurité – contrôle d’autonomie (1 h)': 6,
  'Extincteurs – vérification': 12,
  'Extincteurs – révision': 120,
  'Moyens de secours (alarme, RIA, détection) – vérification': 12,
  'Système de sécurité incendie (SSI A ou B) – vérification': 36,
  'Système de sécurité incendie – entretien': 12,
  'Désenfumage – vérification': 12,
  'Chauffage, ventilation, climatisation – vérification': 12,
  'Gaz – vérification': 12,
  'Appareils de cuisson – vérification': 12,
  'Ascenseurs – vérification': 12,
  'Exercice d’évacuation': 6,
  'Formation du personnel aux moyens de secours': 12,
  'Visite de la commission de sécurité': 0,
  'Travaux d’aménagement': 0,
  Autre: 0,
};

/** Kinds of check, in the order of the register. */
export const SAFETY_CHECK_TYPES: readonly string[] = Object.keys(SAFETY_CHECK_PERIODICITY_MONTHS);

/** Who carried out a check (GE 6: technicien compétent or organisme agréé). */
export const SAFETY_INSPECTOR_KINDS = [
  'Exploitant',
  'Technicien compétent',
  'Organisme agréé',
  'Commission de sécurité',
] as const;

/** Outcome of a check. */
export const SAFETY_RESULTS = ['Conforme', 'Conforme avec observations', 'Non conforme', 'Réalisé'] as const;

/** Registre de sécurité. */
export const safetyRegisterSheet: SheetDef = {
  key: 'safetyChecks',
  name: 'Registre de sécurité',
  nameEn: 'Safety register',
  description:
    'Le registre de sécurité de l’ERP\u00a0: vérifications, entretiens, exercices, observations et prochaines échéances.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#c62828',
  idPrefix: 'SEC',
  labelColumn: 'checkType',
  columns: tableColumns([
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('checkType', 'enum', 'Vérification', 'Check', {
      options: SAFETY_CHECK_TYPES,
      required: true,
      width: 300,
    }),
    col('installation', 'text', 'Installation ou local', 'Installation or room', { width: 180 }),
    col('inspector', 'text', 'Organisme ou intervenant', 'Inspector', { width: 180 }),
    col('inspectorKind', 'enum', 'Qualité de l’intervenant', 'Inspector kind', {
      options: SAFETY_INSPECTOR_KINDS,
    }),
    col('approvalNumber', 'text', 'N° d’agrément', 'Approval number', {
      help: 'Pour un organisme agréé.',
      helpEn: 'For an approved body.',
    }),
    col('regulation', 'text', 'Référence réglementaire', 'Regulation', {
      help: 'Par exemple EC 14 ou MS 38.',
      helpEn: 'For example EC 14 or MS 38.',
    }),
    col('result', 'enum', 'Résultat', 'Result', { options: SAFETY_RESULTS, required: true }),
    col('observations', 'longText', 'Observations', 'Observations', { width: 260 }),
    col('observationsLiftedOn', 'date', 'Observations levées le', 'Observations lifted on'),
    col('periodicityMonths', 'integer', 'Périodicité (mois)', 'Periodicity (months)', {
      min: 0,
      max: 120,
      help: 'Pré-remplie selon la vérification\u00a0; 0 si aucune périodicité.',
      helpEn: 'Pre-filled from the check; 0 when it does not recur.',
    }),
    col('nextDue', 'formula', 'Prochaine échéance', 'Next due', {
      readOnly: true,
      resultType: 'date',
      help: 'Fin du mois de la date augmentée de la périodicité.',
      helpEn: 'End of the month of the date plus the interval.',
      formula: (c) =>
        `=IF(OR(${c.cell('date')}="", ${c.cell('periodicityMonths')}="", ${c.cell('periodicityMonths')}=0), "", EOMONTH(${c.cell('date')}, ${c.cell('periodicityMonths')}))`,
    }),
    documentLinkColumn('reportLink', 'Rapport (document)', 'Report document'),
  ]),
  conditionalFormats: [
    {
      key: 'overdue',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Échéance dépassée\u00a0: prochaine échéance en rouge.',
      columns: ['nextDue'],
      formula: (c) => `=AND(${c.cell('nextDue')}<>"", ${c.cell('nextDue')}<TODAY())`,
      background: '#f4c7c3',
      bold: true,
    },
    {
      key: 'dueSoon',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Échéance dans les 30 jours\u00a0: prochaine échéance en orange.',
      columns: ['nextDue'],
      formula: (c) =>
        `=AND(${c.cell('nextDue')}<>"", ${c.cell('nextDue')}>=TODAY(), ${c.cell('nextDue')}<=TODAY()+30)`,
      background: '#fce8b2',
    },
    {
      key: 'nonCompliant',
      description: 'Résultat non conforme et observations non levées\u00a0: résultat en rouge.',
      columns: ['result'],
      formula: (c) => `=AND(${c.cell('result')}="Non conforme", ${c.cell('observationsLiftedOn')}="")`,
      background: '#f4c7c3',
    },
  ],
};

/** Priority of a maintenance job. */
export const MAINTENANCE_PRIORITIES = ['Basse', 'Normale', 'Haute', 'Urgente'] as const;

/** Statuses of a maintenance job. */
export const MAINTENANCE_STATUSES = ['Signalée', 'Planifiée', 'En cours', 'Terminée', 'Abandonnée'] as const;

/** Maintenance. */
export const maintenanceSheet: SheetDef = {
  key: 'maintenance',
  name: 'Maintenance',
  nameEn: 'Maintenance',
  description: 'Les pannes, réparations et travaux d’entretien à faire ou faits, par espace.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#ef6c00',
  idPrefix: 'MAI',
  labelColumn: 'title',
  columns: tableColumns([
    col('title', 'text', 'Intervention', 'Job', { required: true, maxLength: 160, width: 240 }),
    col('space', 'ref', 'Espace', 'Space', { ref: refTo('spaces', 'name') }),
    col('equipment', 'text', 'Équipement concerné', 'Equipment'),
    col('reportedOn', 'date', 'Signalée le', 'Reported on'),
    col('reportedBy', 'text', 'Signalée par', 'Reported by'),
    col('priority', 'enum', 'Priorité', 'Priority', { options: MAINTENANCE_PRIORITIES }),
    col('status', 'enum', 'Statut', 'Status', { options: MAINTENANCE_STATUSES, required: true }),
    col('assignee', 'text', 'Qui s’en charge', 'Assignee', {
      help: 'Bénévole, salarié·e ou prestataire.',
      helpEn: 'Volunteer, staff member or contractor.',
    }),
    col('dueDate', 'date', 'À faire avant le', 'Due date'),
    col('doneOn', 'date', 'Faite le', 'Done on'),
    col('cost', 'money', 'Coût', 'Cost', { min: 0 }),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
  ]),
  conditionalFormats: [
    {
      key: 'late',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Intervention non terminée après la date prévue\u00a0: date en rouge.',
      columns: ['dueDate'],
      formula: (c) =>
        `=AND(${c.cell('dueDate')}<>"", ${c.cell('dueDate')}<TODAY(), ${c.cell('status')}<>"Terminée", ${c.cell('status')}<>"Abandonnée")`,
      background: '#f4c7c3',
    },
    {
      key: 'urgent',
      description: 'Intervention urgente non terminée\u00a0: priorité en gras rouge.',
      columns: ['priority'],
      formula: (c) =>
        `=AND(${c.cell('priority')}="Urgente", ${c.cell('status')}<>"Terminée", ${c.cell('status')}<>"Abandonnée")`,
      fontColor: '#c62828',
      bold: true,
    },
  ],
};

/** Kinds of rota slot. */
export const ROTA_SHIFTS = ['Ouverture', 'Fermeture', 'Ouverture et fermeture', 'Permanence'] as const;

/**
 * The checklist of a shift (schema 4), one checkbox each: what the person who opens or closes
 * checks. Ticking one marks the line as a person's: « Proposer le planning » never rewrites it.
 */
export const ROTA_CHECKLIST = [
  {
    key: 'alarmChecked',
    header: 'Alarme',
    labelEn: 'Alarm',
    help: 'Alarme activée ou désactivée.',
    helpEn: 'Alarm set or unset.',
  },
  {
    key: 'lightsChecked',
    header: 'Lumières',
    labelEn: 'Lights',
    help: 'Lumières allumées ou éteintes.',
    helpEn: 'Lights on or off.',
  },
  {
    key: 'windowsChecked',
    header: 'Fenêtres',
    labelEn: 'Windows',
    help: 'Fenêtres ouvertes ou fermées.',
    helpEn: 'Windows opened or shut.',
  },
  {
    key: 'heatingChecked',
    header: 'Chauffage',
    labelEn: 'Heating',
    help: 'Chauffage réglé.',
    helpEn: 'Heating set.',
  },
  {
    key: 'doorsChecked',
    header: 'Portes',
    labelEn: 'Doors',
    help: 'Portes ouvertes ou verrouillées.',
    helpEn: 'Doors opened or locked.',
  },
] as const;

/** Ouverture et fermeture: who opens and closes the place. */
export const openingRotaSheet: SheetDef = {
  key: 'openingRota',
  name: 'Ouverture et fermeture',
  nameEn: 'Opening and closing rota',
  description: 'Le planning des personnes qui ouvrent, ferment ou tiennent la permanence du lieu.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#ffa726',
  idPrefix: 'ROT',
  labelColumn: 'person',
  columns: tableColumns([
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('shift', 'enum', 'Créneau', 'Shift', { options: ROTA_SHIFTS, required: true }),
    col('startTime', 'time', 'De', 'From'),
    col('endTime', 'time', 'À', 'To'),
    col('person', 'ref', 'Personne', 'Person', {
      ref: refTo('contacts', 'fullName'),
      required: true,
      width: 180,
    }),
    col('backup', 'ref', 'Remplaçant·e', 'Backup', { ref: refTo('contacts', 'fullName'), width: 180 }),
    col('done', 'boolean', 'Fait', 'Done'),
    col('notes', 'text', 'Remarques', 'Notes', {
      help: 'Alarme, clés, chauffage, poubelles…',
      helpEn: 'Alarm, keys, heating, bins…',
      width: 240,
    }),
    ...ROTA_CHECKLIST.map((item) =>
      col(item.key, 'boolean', item.header, item.labelEn, {
        since: 4,
        width: 90,
        help: item.help,
        helpEn: item.helpEn,
      }),
    ),
    col('proposedHash', 'text', 'Proposé par Pilote (empreinte)', 'Proposed by Pilote (fingerprint)', {
      since: 4,
      hidden: true,
      readOnly: true,
      width: 110,
      help: 'Empreinte de ce que Pilote a proposé sur cette ligne\u00a0: une ligne modifiée depuis n’est plus jamais réécrite. Ne pas modifier.',
      helpEn:
        'Fingerprint of what Pilote proposed on this line: a line edited since is never rewritten. Do not change.',
    }),
  ]),
  conditionalFormats: [
    {
      key: 'unstaffed',
      since: 4,
      description: 'Créneau sans personne\u00a0: personne en rouge.',
      columns: ['person'],
      formula: (c) => `=AND(${c.cell('date')}<>"", ${c.cell('person')}="")`,
      background: '#f4c7c3',
    },
    {
      key: 'today',
      // Schema 3: TODAY() in the rule (a rule cannot read PILOTE_TODAY on another sheet).
      formulaSince: 3,
      description: 'Créneau du jour\u00a0: ligne en bleu pâle.',
      formula: (c) => `=${c.cell('date')}=TODAY()`,
      background: '#e8f0fe',
    },
  ],
};

/** Kinds of incident. */
export const INCIDENT_KINDS = [
  'Accident de personne',
  'Malaise',
  'Dégradation',
  'Vol',
  'Conflit',
  'Intrusion',
  'Incendie ou fumée',
  'Dégât des eaux',
  'Panne',
  'Autre',
] as const;

/** Severity of an incident. */
export const INCIDENT_SEVERITIES = ['Mineure', 'Moyenne', 'Grave'] as const;

/** Statuses of an incident. */
export const INCIDENT_STATUSES = ['Ouvert', 'En cours de traitement', 'Clos'] as const;

/** Incidents. */
export const incidentsSheet: SheetDef = {
  key: 'incidents',
  name: 'Incidents',
  nameEn: 'Incidents',
  description: 'La main courante des incidents\u00a0: ce qui s’est passé, ce qui a été fait et les suites.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#b71c1c',
  idPrefix: 'INC',
  labelColumn: 'summary',
  columns: tableColumns([
    col('date', 'date', 'Date', 'Date', { required: true }),
    col('time', 'time', 'Heure', 'Time'),
    col('space', 'ref', 'Espace', 'Space', { ref: refTo('spaces', 'name') }),
    col('kind', 'enum', 'Nature', 'Kind', { options: INCIDENT_KINDS, required: true }),
    col('severity', 'enum', 'Gravité', 'Severity', { options: INCIDENT_SEVERITIES }),
    col('summary', 'text', 'Résumé', 'Summary', { required: true, maxLength: 160, width: 240 }),
    col('description', 'longText', 'Déroulé', 'What happened', { width: 280 }),
    col('actionsTaken', 'longText', 'Mesures prises', 'Actions taken', { width: 240 }),
    col('reportedBy', 'text', 'Signalé par', 'Reported by'),
    col('insuranceDeclared', 'boolean', 'Déclaré à l’assurance', 'Reported to insurer'),
    col('status', 'enum', 'Statut', 'Status', { options: INCIDENT_STATUSES, required: true }),
    col('followUp', 'longText', 'Suites à donner', 'Follow-up', { width: 240 }),
    col('mediation', 'ref', 'Médiation', 'Mediation', {
      since: 4,
      ref: refTo('mediations', 'subject'),
      help: 'Pour un conflit : la médiation qui le traite.',
      helpEn: 'For a conflict: the mediation dealing with it.',
    }),
  ]),
  conditionalFormats: [
    {
      key: 'serious',
      description: 'Incident grave non clos\u00a0: ligne en rouge pâle.',
      formula: (c) => `=AND(${c.cell('severity')}="Grave", ${c.cell('status')}<>"Clos")`,
      background: '#fce8e6',
    },
  ],
};
