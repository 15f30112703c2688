/**
 * « Registre de sécurité » export for the safety commission (/work/shared/reference/registre-securite-erp.md,
 * R. 143-44 CCH; fields of its § 6): the venue's ERP classification, every check with its date,
 * installation, inspector and their quality (approval number for an approved body), regulation,
 * result, observations and when they were lifted, and the next due date. A line whose text says
 * « à vérifier » stays marked so in the export, and so does every overdue check.
 *
 * Schema 4 adds « Vérifications périodiques dues »: every row of « Échéancier de sécurité » with
 * its periodicity, provider kind, regulation, last done, next due and status, computed here from
 * the register's typed dates with src/domain/safety/schedule.ts (the functions tested equal to the
 * sheet's formulas), so the export never depends on formula values; and the open maintenance
 * tickets linked to a register entry (« Maintenance », « Vérification liée »).
 */
import { nextCheckDue } from '../../finance/activity';
import { dateOf, lastDoneOf, nextDue, type RegisterEntry, serialOf, statusAt } from '../../safety/schedule';
import type { DocRecord, DocumentInput, DocumentType } from '../catalog';
import {
  byDate,
  GENERATED_FIELDS,
  GENERATED_LINE,
  isoDate,
  recordsOf,
  settingText,
  text,
  VENUE_FIELDS,
  VENUE_HEADER,
  VENUE_SETTINGS,
  venueData,
  yearOfSubject,
} from './common';

const TEXT_KEYS = ['checkType', 'installation', 'inspector', 'approvalNumber', 'regulation', 'observations'];

/** Whether any text of the line carries « à vérifier » (accents and case ignored). */
export function toVerify(check: DocRecord): boolean {
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return TEXT_KEYS.some((k) => plain(text(check, k)).includes('a verifier'));
}

/** Maintenance statuses that close a ticket. */
const CLOSED_TICKETS = new Set(['Terminée', 'Abandonnée']);

const serialOfIso = (iso: string) =>
  serialOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const isoOfSerial = (n: number) => {
  const d = dateOf(n);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

/** Whether a boolean cell is ticked (a parsed `true`, or the text « oui »/« true » of a raw record). */
function ticked(record: DocRecord, key: string): boolean {
  const v = record[key];
  return v === true || (typeof v === 'string' && ['oui', 'true', 'vrai'].includes(v.trim().toLowerCase()));
}

/**
 * « Vérifications périodiques dues »: each scheduled check (all years of the register count, as
 * the sheet's MAXIFS does), in the schedule's order; a row without check type or periodicity is
 * left out as the sheet's formulas leave it blank.
 */
export function scheduledChecks(input: DocumentInput) {
  const entries: RegisterEntry[] = recordsOf(input, 'safetyChecks').flatMap((c) => {
    const date = isoDate(c, 'date');
    const checkType = text(c, 'checkType');
    return date === null || checkType === ''
      ? []
      : [{ date: serialOfIso(date), checkType, installation: text(c, 'installation') || null }];
  });
  const today = serialOfIso(input.today);
  return recordsOf(input, 'safetySchedule').flatMap((row) => {
    const checkType = text(row, 'checkType');
    const months = Number(row.periodicityMonths);
    if (checkType === '' || typeof row.periodicityMonths !== 'number' || !(months > 0)) return [];
    const installation = text(row, 'installation');
    const last = lastDoneOf(entries, checkType, installation || null);
    const due = nextDue(last, months, today);
    return [
      {
        verification: checkType,
        installation,
        periodicite: months,
        intervenant: text(row, 'providerKind'),
        reference: text(row, 'regulation'),
        derniereFois: last === null ? null : isoOfSerial(last),
        prochaine: isoOfSerial(due),
        etat: statusAt(last, due, today),
        aVerifier: ticked(row, 'toVerify'),
      },
    ];
  });
}

/** Open maintenance tickets (neither done nor abandoned) linked to a register entry, with that entry. */
export function openSafetyTickets(input: DocumentInput) {
  const checks = new Map(recordsOf(input, 'safetyChecks').map((c) => [text(c, 'id'), c]));
  return recordsOf(input, 'maintenance')
    .filter((t) => text(t, 'safetyCheckId') !== '' && !CLOSED_TICKETS.has(text(t, 'status')))
    .map((t) => {
      const check = checks.get(text(t, 'safetyCheckId'));
      return {
        intervention: text(t, 'title'),
        verificationLiee: text(t, 'safetyCheckId'),
        verification: check ? text(check, 'checkType') : '',
        dateVerification: check ? isoDate(check, 'date') : null,
        priorite: text(t, 'priority'),
        statut: text(t, 'status'),
        responsable: text(t, 'assignee'),
        echeance: isoDate(t, 'dueDate'),
      };
    });
}

function build(input: DocumentInput): ReturnType<DocumentType['build']> {
  const year = yearOfSubject(input);
  const checks = byDate(
    recordsOf(input, 'safetyChecks').filter(
      (c) => year === null || (isoDate(c, 'date') ?? '').startsWith(String(year)),
    ),
    'date',
  );
  const lines = checks.map((c) => {
    const due = nextCheckDue(c);
    return {
      date: isoDate(c, 'date'),
      verification: text(c, 'checkType'),
      installation: text(c, 'installation'),
      intervenant: text(c, 'inspector'),
      qualite: text(c, 'inspectorKind'),
      agrement: text(c, 'approvalNumber'),
      reference: text(c, 'regulation'),
      resultat: text(c, 'result'),
      observations: text(c, 'observations'),
      leveesLe: isoDate(c, 'observationsLiftedOn'),
      prochaine: due,
      enRetard: due !== null && due < input.today,
      aVerifier: toVerify(c),
    };
  });
  return {
    ok: true,
    name: year === null ? 'Registre de sécurité' : `Registre de sécurité ${year}`,
    data: {
      ...venueData(input),
      dateDuJour: input.today,
      periode: year === null ? 'toutes les années' : String(year),
      erp: {
        categorie: settingText(input, 'erpCategory'),
        type: settingText(input, 'erpType'),
        sommeil: settingText(input, 'sleepingQuarters'),
        surface: settingText(input, 'surface'),
      },
      verifications: lines,
      enRetard: lines
        .filter((l) => l.enRetard)
        .map((l) => ({ verification: l.verification, prochaine: l.prochaine })),
      aVerifier: lines.filter((l) => l.aVerifier).length,
      echeancier: scheduledChecks(input),
      interventions: openSafetyTickets(input),
    },
  };
}

export const safetyRegister: DocumentType = {
  key: 'safetyRegister',
  title: 'Registre de sécurité',
  titleEn: 'Safety register',
  subject: 'year',
  sources: ['safetyChecks', 'safetySchedule', 'maintenance'],
  settings: [...VENUE_SETTINGS, 'erpCategory', 'erpType', 'sleepingQuarters', 'surface'],
  fields: {
    ...VENUE_FIELDS,
    ...GENERATED_FIELDS,
    periode: 'text',
    erp: { object: { categorie: 'text', type: 'text', sommeil: 'text', surface: 'text' } },
    verifications: {
      list: {
        date: 'date',
        verification: 'text',
        installation: 'text',
        intervenant: 'text',
        qualite: 'text',
        agrement: 'text',
        reference: 'text',
        resultat: 'text',
        observations: 'text',
        leveesLe: 'date',
        prochaine: 'date',
        enRetard: 'boolean',
        aVerifier: 'boolean',
      },
    },
    enRetard: { list: { verification: 'text', prochaine: 'date' } },
    aVerifier: 'integer',
    echeancier: {
      list: {
        verification: 'text',
        installation: 'text',
        periodicite: 'integer',
        intervenant: 'text',
        reference: 'text',
        derniereFois: 'date',
        prochaine: 'date',
        etat: 'text',
        aVerifier: 'boolean',
      },
    },
    interventions: {
      list: {
        intervention: 'text',
        verificationLiee: 'text',
        verification: 'text',
        dateVerification: 'date',
        priorite: 'text',
        statut: 'text',
        responsable: 'text',
        echeance: 'date',
      },
    },
  },
  template: [
    { kind: 'heading', level: 1, text: 'Registre de sécurité — {{lieu.nom}}' },
    ...VENUE_HEADER,
    {
      kind: 'paragraph',
      text: 'Établissement recevant du public\u00a0: {{erp.categorie}}, type {{erp.type}}\u00a0; locaux à sommeil\u00a0: {{erp.sommeil}}\u00a0; surface\u00a0: {{erp.surface}}\u00a0m². Article R.\u00a0143-44 du code de la construction et de l’habitation.',
    },
    { kind: 'paragraph', text: 'Vérifications et contrôles ({{periode}})\u00a0:' },
    {
      kind: 'table',
      rows: [
        [
          'Date',
          'Vérification',
          'Installation',
          'Intervenant (qualité, agrément)',
          'Référence',
          'Résultat et observations',
          'Levée le',
          'Prochaine échéance',
        ],
        [
          '{{#each verifications}}{{date}}',
          '{{verification}}{{#if aVerifier}} [à vérifier]{{/if}}',
          '{{installation}}',
          '{{intervenant}} ({{qualite}}{{#if agrement}}, n°\u00a0{{agrement}}{{/if}})',
          '{{reference}}',
          '{{resultat}}{{#if observations}}\u00a0: {{observations}}{{/if}}',
          '{{leveesLe}}',
          '{{prochaine}}{{#if enRetard}} (en retard){{/if}}{{/each}}',
        ],
      ],
    },
    { kind: 'heading', level: 2, text: 'Vérifications en retard' },
    { kind: 'paragraph', text: '{{#unless enRetard}}' },
    { kind: 'paragraph', text: 'Aucune vérification en retard au {{dateDuJour}}.' },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'paragraph', text: '{{#each enRetard}}' },
    { kind: 'listItem', level: 0, text: '{{verification}} — échéance dépassée depuis le {{prochaine}}' },
    { kind: 'paragraph', text: '{{/each}}' },
    { kind: 'paragraph', text: '{{#if aVerifier}}' },
    {
      kind: 'paragraph',
      text: '{{aVerifier}} ligne(s) portent la mention «\u00a0à vérifier\u00a0»\u00a0: à confirmer avant la visite de la commission.',
    },
    { kind: 'paragraph', text: '{{/if}}' },
    { kind: 'heading', level: 2, text: 'Vérifications périodiques dues' },
    { kind: 'paragraph', text: '{{#unless echeancier}}' },
    {
      kind: 'paragraph',
      text: 'L’échéancier de sécurité est vide\u00a0: «\u00a0Proposer les vérifications\u00a0» le remplit d’après les paramètres du lieu.',
    },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'paragraph', text: '{{#if echeancier}}' },
    {
      kind: 'table',
      rows: [
        [
          'Vérification',
          'Périodicité',
          'Intervenant',
          'Référence',
          'Dernière fois',
          'Prochaine échéance',
          'État',
        ],
        [
          '{{#each echeancier}}{{verification}}{{#if installation}} — {{installation}}{{/if}}{{#if aVerifier}} (à vérifier){{/if}}',
          '{{periodicite}} mois',
          '{{intervenant}}',
          '{{reference}}',
          '{{#if derniereFois}}{{derniereFois}}{{/if}}{{#unless derniereFois}}jamais{{/unless}}',
          '{{prochaine}}',
          '{{etat}}{{/each}}',
        ],
      ],
    },
    { kind: 'paragraph', text: '{{/if}}' },
    { kind: 'heading', level: 2, text: 'Interventions de maintenance ouvertes' },
    { kind: 'paragraph', text: '{{#unless interventions}}' },
    { kind: 'paragraph', text: 'Aucune intervention ouverte liée à une vérification au {{dateDuJour}}.' },
    { kind: 'paragraph', text: '{{/unless}}' },
    { kind: 'paragraph', text: '{{#each interventions}}' },
    {
      kind: 'listItem',
      level: 0,
      text: '{{intervention}} (vérification {{verificationLiee}}{{#if dateVerification}} du {{dateVerification}}{{/if}}) — {{statut}}, priorité {{priorite}}{{#if responsable}}, {{responsable}}{{/if}}{{#if echeance}}, pour le {{echeance}}{{/if}}',
    },
    { kind: 'paragraph', text: '{{/each}}' },
    GENERATED_LINE,
  ],
  build,
};
