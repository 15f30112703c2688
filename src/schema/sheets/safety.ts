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
      help: 'La date augmentée de la périodicité, le même jour du mois (le dernier jour d’un mois plus court).',
      helpEn: 'The date plus the interval, on the same day of the month (the last day of a shorter month).',
      // Schema 4: EDATE, as « Échéancier de sécurité » (was EOMONTH, the end of the month).
      formulaSince: 4,
      formula: (c) =>
        `=IF(OR(${c.cell('date')}="", ${c.cell('periodicityMonths')}="", ${c.cell('periodicityMonths')}=0), "", EDATE(${c.cell('date')}, ${c.cell('periodicityMonths')}))`,
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

/** Basis of a scheduled check (registre-securite-erp.md § 2: obligation, or good practice in the 5th category). */
export const SAFETY_BASES = ['Obligation', 'Bonne pratique'] as const;

/** Statuses of a scheduled check (the formula of « Échéancier de sécurité »). */
export const SCHEDULE_STATUSES = ['À jour', 'Bientôt', 'En retard'] as const;

/**
 * Échéancier de sécurité (schema 4): one row per periodic check the venue owes, proposed from
 * the equipment in « Paramètres du lieu » (src/domain/safety/obligations.ts). Last done, next due
 * and status are formulas over « Registre de sécurité »: recording a check rolls the schedule.
 */
export const safetyScheduleSheet: SheetDef = {
  key: 'safetySchedule',
  name: 'Échéancier de sécurité',
  nameEn: 'Safety schedule',
  description:
    'Les vérifications périodiques que le lieu doit faire, leur dernière date au registre, leur prochaine échéance et leur état.',
  kind: 'table',
  since: 4,
  frozenRows: 2,
  tabColor: '#e53935',
  idPrefix: 'ECH',
  labelColumn: 'checkType',
  columns: tableColumns([
    col('checkType', 'enum', 'Vérification', 'Check', {
      options: SAFETY_CHECK_TYPES,
      required: true,
      width: 300,
    }),
    col('installation', 'text', 'Installation ou local', 'Installation or room', {
      width: 180,
      help: 'Vide : toute entrée du registre de ce type compte. Rempli : seules celles de cette installation.',
      helpEn: 'Empty: any register entry of this type counts. Filled: only those of this installation.',
    }),
    col('periodicityMonths', 'integer', 'Périodicité (mois)', 'Periodicity (months)', {
      required: true,
      min: 1,
      max: 120,
    }),
    col('providerKind', 'enum', 'Intervenant', 'Provider', {
      options: SAFETY_INSPECTOR_KINDS.filter((k) => k !== 'Commission de sécurité'),
    }),
    col('regulation', 'text', 'Référence réglementaire', 'Regulation', { width: 200 }),
    col('basis', 'enum', 'Fondement', 'Basis', {
      options: SAFETY_BASES,
      help: 'Obligation (1re à 4e catégorie, code du travail) ou bonne pratique (5e catégorie, PE 4 sans périodicité).',
      helpEn:
        'Obligation (1st to 4th category, labour code) or good practice (5th category, PE 4 sets no interval).',
    }),
    col('toVerify', 'boolean', 'À vérifier', 'To be checked', {
      help: 'Cochée quand la référence marque la ligne « à vérifier » : à confirmer auprès de la commission de sécurité ou d’un organisme.',
      helpEn:
        'Ticked when the reference marks the line “to be checked”: confirm with the safety commission or a body.',
    }),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 220 }),
    col('lastDone', 'formula', 'Dernière fois', 'Last done', {
      readOnly: true,
      resultType: 'date',
      help: 'La date la plus récente du registre de sécurité pour cette vérification (et cette installation si elle est indiquée).',
      helpEn: 'The latest date of the safety register for this check (and this installation when given).',
      formula: (c) => {
        const type = c.cell('checkType');
        const inst = c.cell('installation');
        const byType = `MAXIFS(${c.range('safetyChecks', 'date')}, ${c.range('safetyChecks', 'checkType')}, ${type})`;
        const byBoth = `MAXIFS(${c.range('safetyChecks', 'date')}, ${c.range('safetyChecks', 'checkType')}, ${type}, ${c.range('safetyChecks', 'installation')}, ${inst})`;
        return `=IF(${type}="", "", IF(${inst}="", IF(${byType}=0, "", ${byType}), IF(${byBoth}=0, "", ${byBoth})))`;
      },
    }),
    col('nextDue', 'formula', 'Prochaine échéance', 'Next due', {
      readOnly: true,
      resultType: 'date',
      help: 'Dernière fois augmentée de la périodicité (même jour du mois, ou dernier jour d’un mois plus court) ; aujourd’hui si jamais faite.',
      helpEn:
        'Last done plus the interval (same day of the month, or the last day of a shorter month); today if never done.',
      formula: (c) =>
        `=IF(OR(${c.cell('checkType')}="", ${c.cell('periodicityMonths')}=""), "", IF(${c.cell('lastDone')}="", ${c.today}, EDATE(${c.cell('lastDone')}, ${c.cell('periodicityMonths')})))`,
    }),
    col('status', 'formula', 'État', 'Status', {
      readOnly: true,
      resultType: 'enum',
      // The values the formula gives (a formula column gets no dropdown).
      options: SCHEDULE_STATUSES,
      help: 'En retard (échéance passée ou jamais faite), Bientôt (dans les 30 jours) ou À jour.',
      helpEn: 'Late (past due or never done), Soon (within 30 days) or Up to date.',
      formula: (c) =>
        `=IF(${c.cell('nextDue')}="", "", IF(OR(${c.cell('lastDone')}="", ${c.cell('nextDue')}<${c.today}), "En retard", IF(${c.cell('nextDue')}<=${c.today}+30, "Bientôt", "À jour")))`,
    }),
  ]),
  conditionalFormats: [
    {
      key: 'late',
      description: 'Vérification en retard : état en rouge.',
      columns: ['status', 'nextDue'],
      formula: (c) => `=${c.cell('status')}="En retard"`,
      background: '#f4c7c3',
      bold: true,
    },
    {
      key: 'soon',
      description: 'Vérification à faire dans les 30 jours : état en orange.',
      columns: ['status', 'nextDue'],
      formula: (c) => `=${c.cell('status')}="Bientôt"`,
      background: '#fce8b2',
    },
    {
      key: 'upToDate',
      description: 'Vérification à jour : état en vert.',
      columns: ['status'],
      formula: (c) => `=${c.cell('status')}="À jour"`,
      background: '#d9ead3',
    },
    {
      key: 'toVerify',
      description: 'Ligne marquée « à vérifier » par la référence : case en jaune.',
      columns: ['toVerify'],
      formula: (c) => `=${c.cell('toVerify')}=TRUE`,
      background: '#fff2cc',
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
    col('safetyCheckId', 'text', 'Vérification liée', 'Linked check', {
      since: 4,
      maxLength: 20,
      width: 110,
      help: 'La vérification du registre de sécurité liée à cette intervention (SEC-…) ; remplie par Pilote quand le registre ouvre l’intervention.',
      helpEn:
        'The safety register check linked to this job (SEC-…); filled in by Pilote when the register opens the job.',
    }),
    col('operationId', 'text', 'Opération liée', 'Linked transaction', {
      since: 4,
      readOnly: true,
      width: 110,
      help: 'L’opération où le coût a été passé en charge (OPE-…).',
      helpEn: 'The transaction the cost was posted to (OPE-…).',
    }),
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
