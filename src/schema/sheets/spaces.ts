/** Rooms and resources (« Espaces ») and their bookings (« Réservations »), synchronised with calendars. */

import {
  BOOKING_RECURRENCES,
  MAX_EXCEPTIONS,
  MONTHLY_RANK,
  WEEKDAY_LABELS,
} from '../../domain/bookings/booking-record';
import { col, documentLinkColumn, refTo, tableColumns } from '../columns';
import { PERIOD_END_NAME as P1, PERIOD_START_NAME as P0 } from '../period';
import type { ColumnDef, ColumnType, FormulaContext, SheetDef } from '../types';

/*
 * How many occurrences of the booking of the row START in the period (the dashboard's B4:B5), as
 * `occurrencesStartingBetween` (src/domain/bookings/booking-record.ts) counts them from the same
 * row — tests/server/bookings-occupancy*.test.ts compare both. The figure is
 * `min(C(to), N) − min(C(from − 1), N) − excluded`, where C(x) counts the occurrences the rule
 * generates from the start up to day x (a closed form per kind, below), N is « Nombre de fois »,
 * from/to the period cut by the start and « Répéter jusqu’au », and `excluded` the dates of
 * « Dates exclues » inside [from, to] (EXDATE removes after COUNT, RFC 5545). Each step is a
 * hidden computed column of its own, so that no sub-expression is written (and evaluated) twice.
 *
 * Known limit, stated in the column's help: monthly on the 29th–31st with an « Intervalle » above
 * 1 counts every month of its sequence (months without that date are only left out when the
 * interval is 1). « Dates exclues » is read in the layout Pilote stores (`14/07/2026 ; 15/08/2026`,
 * up to MAX_EXCEPTIONS); any other text (typed by hand) makes the cell an error, never a silent figure.
 */

const mod = (a: string, b: string) => `((${a})-(${b})*INT((${a})/(${b})))`;
/** Monday = 0 … Sunday = 6: serial 2 is Monday 1 January 1900 (Sheets' serials start on 30/12/1899). */
const weekdayOf = (d: string) => mod(`${d}-2`, '7');
const intervalOf = (c: FormulaContext) =>
  `IF(${c.cell('recurrenceInterval')}="", 1, ${c.cell('recurrenceInterval')})`;

/** The chosen weekdays as digits: 10^j for weekday j (Monday 0); the start's weekday when empty. */
function weekdayMask(c: FormulaContext): string {
  const w = c.cell('recurrenceWeekdays');
  const chosen = WEEKDAY_LABELS.map((label, j) => `IF(COUNTIFS(${w}, "*"&"${label}"&"*")>0, ${10 ** j}, 0)`);
  return `=IF(${c.cell('startDate')}="", "", IF(${w}="", 10^${c.cell('startWeekday')}, ${chosen.join('+')}))`;
}

/** C(x): the occurrences the row's rule generates with a start day in [start, x]. */
function generatedUpTo(c: FormulaContext, x: string): string {
  const s = c.cell('startDate');
  const r = c.cell('recurrence');
  const k = c.cell('seriesInterval');
  const wd = c.cell('startWeekday');
  const daily = `MAX(0, INT((${x}-${s})/${k})+1)`;
  const step = `(7*${k})`;
  const mask = c.cell('weekdayMask');
  const weekly = WEEKDAY_LABELS.map(
    (_label, j) =>
      `IF(INT(${mask}/${10 ** j})-10*INT(${mask}/${10 ** (j + 1)})=1, MAX(0, INT((${x}-${s}+${wd}-${j})/${step})+1-IF(${j}<${wd}, 1, 0)), 0)`,
  ).join('+');
  const months = `((YEAR(${x})-YEAR(${s}))*12+MONTH(${x})-MONTH(${s}))`;
  const d = `DAY(${s})`;
  // Absolute months (year × 12 + month − 1): a of the start, b of the last candidate ≤ x.
  const a = `(YEAR(${s})*12+MONTH(${s}))`;
  const b = `(YEAR(${x})*12+MONTH(${x})-IF(DAY(${x})<${d}, 1, 0))`;
  const last = `(${b}-${a})`;
  // How many months of the year q (1–12) lie in [a, b] (both counted as year × 12 + month).
  const of = (q: number) => `(INT((${b}-${q})/12)-INT((${a}-${q}-1)/12))`;
  const leaps = (y: string) => `(INT(${y}/4)-INT(${y}/100)+INT(${y}/400))`;
  // The years whose February (year × 12 + 2) lies in [a, b].
  const yl = `(-INT((2-${a})/12))`;
  const yh = `INT((${b}-2)/12)`;
  const leapFebruaries = `IF(${yh}<${yl}, 0, ${leaps(yh)}-${leaps(`(${yl}-1)`)})`;
  const missing = `IF(OR(${k}>1, ${d}<29), 0, IF(${d}=31, ${of(2)}+${of(4)}+${of(6)}+${of(9)}+${of(11)}, IF(${d}=30, ${of(2)}, ${of(2)}-${leapFebruaries})))`;
  const monthlyByDate = `IF(${last}<0, 0, INT(${last}/${k})+1-${missing})`;
  const firstOfMonth = `(EOMONTH(${x}, -1)+1)`;
  const endOfMonth = `EOMONTH(${x}, 0)`;
  const occurrence = `IF(${r}="${MONTHLY_RANK}", ${firstOfMonth}+${mod(`${wd}-${weekdayOf(firstOfMonth)}`, '7')}+INT((${d}-1)/7)*7, ${endOfMonth}-${mod(`${weekdayOf(endOfMonth)}-${wd}`, '7')})`;
  const monthlyByWeekday = `IF(${months}<0, 0, INT(${months}/${k})+1-IF(AND(${months}=${k}*INT(${months}/${k}), ${occurrence}>${x}), 1, 0))`;
  return `=IF(OR(${s}="", ${r}="", ${r}="Aucune"), "", IF(${r}="Chaque jour", ${daily}, IF(OR(${r}="Chaque semaine", ${r}="Toutes les deux semaines"), ${weekly}, IF(${r}="Chaque mois", ${monthlyByDate}, ${monthlyByWeekday}))))`;
}

/** The excluded dates inside [periodFrom, periodTo]; an error (1/0) for a layout Pilote does not write. */
function excludedInPeriod(c: FormulaContext): string {
  const e = c.cell('recurrenceExceptions');
  const from = c.cell('periodFrom');
  const to = c.cell('periodTo');
  const inPeriod = (d: string) => `IF(AND(${d}>=${from}, ${d}<=${to}), 1, 0)`;
  const nth = (i: number) =>
    `DATE(MID(${e}, ${13 * i - 6}, 4)*1, MID(${e}, ${13 * i - 9}, 2)*1, MID(${e}, ${13 * i - 12}, 2)*1)`;
  const listed = Array.from(
    { length: MAX_EXCEPTIONS },
    (_, i) => `IF(LEN(${e})>=${13 * (i + 1) - 3}, ${inPeriod(nth(i + 1))}, 0)`,
  ).join('+');
  // A lone date typed by hand is read by Sheets as a date (a 5-digit serial); any other layout
  // than Pilote's is an error on purpose, never a figure that ignores the exclusions.
  return `=IF(${e}="", 0, IF(LEN(${e})=5, ${inPeriod(e)}, IF(OR(${mod(`LEN(${e})+3`, '13')}<>0, LEN(${e})>${13 * MAX_EXCEPTIONS - 3}), 1/0, ${listed})))`;
}

function occurrencesInPeriod(c: FormulaContext): string {
  const s = c.cell('startDate');
  const r = c.cell('recurrence');
  const n = `IF(${c.cell('recurrenceCount')}="", 100000, ${c.cell('recurrenceCount')})`;
  const from = c.cell('periodFrom');
  const to = c.cell('periodTo');
  const repeating = `IF(${to}<${from}, 0, MAX(0, MIN(${c.cell('generatedToEnd')}, ${n})-MIN(${c.cell('generatedBefore')}, ${n})-${c.cell('excludedInPeriod')}))`;
  return `IF(OR(${r}="", ${r}="Aucune"), IF(AND(${s}>=${P0}, ${s}<=${P1}), 1, 0), ${repeating})`;
}

/** The hidden steps of « Occurrences sur la période » (schema 5), one computed column each. */
function occupancySteps(): ColumnDef[] {
  const step = (
    key: string,
    header: string,
    labelEn: string,
    resultType: ColumnType,
    formula: (c: FormulaContext) => string,
  ) =>
    col(key, 'formula', header, labelEn, {
      since: 5,
      hidden: true,
      readOnly: true,
      resultType,
      help: 'Étape du calcul de «\u00a0Occurrences sur la période\u00a0» (calculée par la feuille).',
      helpEn: 'A step of “Occurrences in period” (computed by the sheet).',
      formula,
    });
  return [
    step(
      'periodFrom',
      'Période\u00a0: du (calcul)',
      'Period from (computed)',
      'date',
      (c) => `=IF(${c.cell('startDate')}="", "", MAX(${c.cell('startDate')}, ${P0}))`,
    ),
    step(
      'periodTo',
      'Période\u00a0: au (calcul)',
      'Period to (computed)',
      'date',
      (c) =>
        `=IF(${c.cell('startDate')}="", "", MIN(IF(${c.cell('recurrenceUntil')}="", ${P1}, ${c.cell('recurrenceUntil')}), ${P1}))`,
    ),
    step(
      'startWeekday',
      'Jour de la semaine du début (calcul)',
      'Start weekday (computed)',
      'integer',
      (c) => `=IF(${c.cell('startDate')}="", "", ${weekdayOf(c.cell('startDate'))})`,
    ),
    step(
      'seriesInterval',
      'Intervalle de la série (calcul)',
      'Series interval (computed)',
      'integer',
      (c) => `=IF(${c.cell('recurrence')}="Toutes les deux semaines", 2, ${intervalOf(c)})`,
    ),
    step('weekdayMask', 'Jours choisis (calcul)', 'Chosen weekdays (computed)', 'integer', weekdayMask),
    step(
      'generatedToEnd',
      'Fois jusqu’à la fin de la période (calcul)',
      'Times up to the period’s end (computed)',
      'integer',
      (c) => generatedUpTo(c, c.cell('periodTo')),
    ),
    step(
      'generatedBefore',
      'Fois avant la période (calcul)',
      'Times before the period (computed)',
      'integer',
      (c) => generatedUpTo(c, `(${c.cell('periodFrom')}-1)`),
    ),
    step(
      'excludedInPeriod',
      'Dates exclues dans la période (calcul)',
      'Excluded dates in period (computed)',
      'integer',
      excludedInPeriod,
    ),
  ];
}

/** True on a row of a booking without recurrence that has a start date (formula condition). */
function oneOffRow(c: FormulaContext): string {
  return `AND(${c.cell('startDate')}<>"", OR(${c.cell('recurrence')}="", ${c.cell('recurrence')}="Aucune"))`;
}

/** Kinds of space or resource. */
export const SPACE_KINDS = [
  'Salle de réunion',
  'Salle d’activité',
  'Atelier',
  'Bureau partagé',
  'Cuisine',
  'Espace extérieur',
  'Matériel',
  'Autre',
] as const;

/** Booking statuses; only `Confirmée` and `Option` block the slot. */
export const BOOKING_STATUSES = ['Demande', 'Option', 'Confirmée', 'Annulée'] as const;

/** Recurrence of a booking (schema 5 added the last three; booking-record.ts says what each means). */
export const RECURRENCES = BOOKING_RECURRENCES;

/** Calendar synchronisation states (written by Pilote). */
export const SYNC_STATES = ['À synchroniser', 'Synchronisée', 'À supprimer', 'Erreur'] as const;

/** Espaces: what can be booked or lent. */
export const spacesSheet: SheetDef = {
  key: 'spaces',
  name: 'Espaces',
  nameEn: 'Spaces',
  description: 'Les salles, ateliers et ressources du lieu, leur capacité, leur accessibilité et leur tarif.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#1a73e8',
  idPrefix: 'ESP',
  labelColumn: 'name',
  columns: tableColumns([
    col('name', 'text', 'Nom', 'Name', { required: true, maxLength: 80, width: 200 }),
    col('kind', 'enum', 'Type', 'Kind', { options: SPACE_KINDS, width: 150 }),
    col('description', 'longText', 'Description', 'Description', { width: 280 }),
    col('capacity', 'integer', 'Capacité (personnes)', 'Capacity (people)', { min: 0, max: 10000 }),
    col('surface', 'number', 'Surface (m²)', 'Floor area (m²)', { min: 0 }),
    col('floor', 'text', 'Niveau', 'Floor', { maxLength: 40 }),
    col('bookable', 'boolean', 'Réservable', 'Bookable', {
      help: 'Décoché, l’espace n’apparaît pas dans les réservations.',
      helpEn: 'Unticked, the space is not offered for bookings.',
    }),
    col('hourlyRate', 'money', 'Tarif horaire', 'Hourly rate', { min: 0 }),
    col('dayRate', 'money', 'Tarif journée', 'Day rate', { min: 0 }),
    col('weeklyHours', 'number', 'Heures disponibles par semaine', 'Available hours per week', {
      since: 2,
      min: 0,
      max: 168,
      help: 'Heures pendant lesquelles l’espace peut être réservé\u00a0; base du taux d’occupation.',
      helpEn: 'Hours the space can be booked; the basis of its occupancy rate.',
    }),
    col('bookedHours', 'formula', 'Heures réservées (période)', 'Booked hours (period)', {
      since: 2,
      readOnly: true,
      resultType: 'number',
      help: 'Réservations confirmées de la période choisie dans le tableau de bord, récurrences comprises.',
      helpEn: 'Confirmed bookings of the period chosen on the dashboard, recurrences included.',
      formula: (c) =>
        `=IF(${c.cell('name')}="", "", SUMIFS(${c.range('bookings', 'periodHours')}, ${c.range('bookings', 'space')}, ${c.cell('name')}))`,
    }),
    col('occupancyRate', 'formula', 'Taux d’occupation (période)', 'Occupancy (period)', {
      since: 2,
      readOnly: true,
      resultType: 'percent',
      help: 'Heures réservées ÷ heures disponibles sur la période.',
      helpEn: 'Booked hours ÷ available hours over the period.',
      formula: (c) =>
        `=IF(OR(${c.cell('name')}="", ${c.cell('weeklyHours')}="", ${c.cell('weeklyHours')}=0), "", ${c.cell('bookedHours')}/(${c.cell('weeklyHours')}*(${P1}-${P0}+1)/7))`,
    }),
    col('calendarId', 'text', 'Agenda', 'Calendar', {
      width: 240,
      help: 'Identifiant de l’agenda Google de l’espace, ou e-mail de la ressource Workspace.',
      helpEn: 'Id of the space’s Google calendar, or e-mail of the Workspace resource.',
    }),
    col('stepFreeAccess', 'boolean', 'Accessible PMR', 'Step-free access'),
    col('accessibilityNotes', 'text', 'Accessibilité (précisions)', 'Accessibility notes', {
      help: 'Boucle magnétique, toilettes adaptées, largeur des portes…',
      helpEn: 'Hearing loop, accessible toilets, door widths…',
    }),
    col('equipment', 'longText', 'Équipements', 'Equipment', { width: 240 }),
    col('inService', 'boolean', 'En service', 'In service'),
    col('roomResource', 'email', 'Ressource Workspace (salle)', 'Workspace room resource', {
      since: 5,
      width: 240,
      help: 'E-mail de la salle dans Google Workspace (c_…@resource.calendar.google.com) : chaque réservation l’invite. Si la salle refuse, la réservation est signalée en erreur de synchronisation.',
      helpEn:
        'E-mail of the room in Google Workspace (c_…@resource.calendar.google.com): each booking invites it. If the room declines, the booking is flagged as a sync error.',
    }),
  ]),
};

/** Réservations: who uses which space when. */
export const bookingsSheet: SheetDef = {
  key: 'bookings',
  name: 'Réservations',
  nameEn: 'Bookings',
  description: 'Les réservations des espaces, synchronisées avec l’agenda de chaque espace.',
  kind: 'table',
  since: 1,
  frozenRows: 2,
  tabColor: '#4285f4',
  idPrefix: 'RES',
  labelColumn: 'title',
  columns: tableColumns([
    col('space', 'ref', 'Espace', 'Space', { ref: refTo('spaces', 'name'), required: true, width: 160 }),
    col('title', 'text', 'Objet', 'Title', { required: true, maxLength: 120, width: 220 }),
    col('organiser', 'ref', 'Structure organisatrice', 'Organising structure', {
      ref: refTo('structures', 'name'),
      width: 180,
    }),
    col('contact', 'ref', 'Contact', 'Contact', { ref: refTo('contacts', 'fullName'), width: 160 }),
    col('startDate', 'date', 'Date de début', 'Start date', { required: true }),
    col('startTime', 'time', 'Heure de début', 'Start time', {
      help: 'Vide pour une journée entière.',
      helpEn: 'Empty for a whole day.',
    }),
    col('endDate', 'date', 'Date de fin', 'End date', {
      help: 'Vide si la réservation finit le même jour.',
      helpEn: 'Empty when the booking ends the same day.',
    }),
    col('endTime', 'time', 'Heure de fin', 'End time'),
    col('recurrence', 'enum', 'Récurrence', 'Recurrence', {
      options: RECURRENCES,
      optionsSince: 5,
      width: 200,
      help: 'La date de début est la première fois. «\u00a0Chaque mois\u00a0»\u00a0: à la même date (un 31 saute les mois qui n’en ont pas). «\u00a0Au même rang\u00a0»\u00a0: le 10/03/2026 est le 2e mardi du mois, la réservation revient chaque 2e mardi. «\u00a0Le dernier\u00a0»\u00a0: le dernier vendredi du mois, si la date de début en est un.',
      helpEn:
        'The start date is the first time. “Chaque mois”: on the same date (a 31st skips the months without one). “Au même rang”: 10/03/2026 is the 2nd Tuesday of its month, the booking comes back every 2nd Tuesday. “Le dernier”: the last Friday of the month, if the start date is one.',
    }),
    col('recurrenceUntil', 'date', 'Répéter jusqu’au', 'Repeat until', {
      help: 'Dernier jour possible, inclus. Ou bien «\u00a0Nombre de fois\u00a0», pas les deux.',
      helpEn: 'Last possible day, included. Or “Number of times”, not both.',
    }),
    col('recurrenceWeekdays', 'enum', 'Jours de la semaine', 'Weekdays', {
      since: 5,
      options: WEEKDAY_LABELS,
      multiple: true,
      width: 140,
      help: 'Pour «\u00a0Chaque semaine\u00a0» ou «\u00a0Toutes les deux semaines\u00a0»\u00a0: par exemple «\u00a0lun, mer, ven\u00a0». Vide\u00a0: le jour de la date de début, qui doit être l’un des jours choisis.',
      helpEn:
        'For “Chaque semaine” or “Toutes les deux semaines”: e.g. “lun, mer, ven”. Empty: the start date’s weekday, which must be one of the chosen days.',
    }),
    col('recurrenceInterval', 'integer', 'Intervalle', 'Interval', {
      since: 5,
      min: 1,
      max: 99,
      help: 'Tous les combien\u00a0: 3 avec «\u00a0Chaque semaine\u00a0» = toutes les trois semaines, 2 avec «\u00a0Chaque jour\u00a0» = un jour sur deux. Vide\u00a0: 1.',
      helpEn:
        'How often: 3 with “Chaque semaine” = every three weeks, 2 with “Chaque jour” = every other day. Empty: 1.',
    }),
    col('recurrenceCount', 'integer', 'Nombre de fois', 'Number of times', {
      since: 5,
      min: 1,
      max: 999,
      help: 'La série s’arrête après ce nombre de fois (dates exclues comprises). Ou bien «\u00a0Répéter jusqu’au\u00a0», pas les deux.',
      helpEn:
        'The series stops after this many times (excluded dates included). Or “Repeat until”, not both.',
    }),
    col('recurrenceExceptions', 'text', 'Dates exclues', 'Excluded dates', {
      since: 5,
      maxLength: 13 * MAX_EXCEPTIONS,
      width: 200,
      help: `Jours où la série n’a pas lieu, séparés par «\u00a0;\u00a0»\u00a0: «\u00a014/07/2026\u00a0; 15/08/2026\u00a0» (${MAX_EXCEPTIONS} au plus). Chacun doit être un jour de la série.`,
      helpEn: `Days the series does not take place, separated by “;”: “14/07/2026 ; 15/08/2026” (${MAX_EXCEPTIONS} at most). Each must be a day of the series.`,
    }),
    col('status', 'enum', 'Statut', 'Status', {
      options: BOOKING_STATUSES,
      required: true,
      help: 'Deux réservations confirmées d’un même espace ne peuvent pas se chevaucher (récurrences comprises, vérifiées sur deux ans), ni chevaucher un événement de l’agenda de l’espace créé hors de Pilote. Une option qui chevauche est gardée et signalée.',
      helpEn:
        'Two confirmed bookings of one space cannot overlap (recurrences included, checked over two years), nor overlap an event of the space’s calendar created outside Pilote. An overlapping option is kept and flagged.',
    }),
    col('visibility', 'enum', 'Visibilité', 'Visibility', {
      options: ['Publique', 'Privée'],
      help: 'Publique\u00a0: annoncée dans l’agenda du lieu. Privée\u00a0: seul le créneau est visible.',
      helpEn: 'Public: announced in the place’s calendar. Private: only the slot is shown.',
    }),
    col('expectedAttendance', 'integer', 'Participation attendue', 'Expected attendance', { min: 0 }),
    col('price', 'money', 'Prix', 'Price', { min: 0 }),
    col('paid', 'boolean', 'Payée', 'Paid'),
    col('occurrenceHours', 'formula', 'Durée (heures)', 'Duration (hours)', {
      since: 2,
      readOnly: true,
      resultType: 'number',
      help: 'Durée d’une occurrence\u00a0; une journée entière compte les heures disponibles d’un jour de l’espace (par semaine ÷ 7).',
      helpEn:
        'Duration of one occurrence; a whole day counts one day of the space’s available hours (weekly ÷ 7).',
      formulaSince: 5,
      formula: (c) => {
        // No end date and an end time not after the start time: it ends the next day (booking-record.ts).
        const end = `IF(${c.cell('endDate')}<>"", ${c.cell('endDate')}, IF(AND(${c.cell('endTime')}<>"", ${c.cell('endTime')}<=${c.cell('startTime')}), ${c.cell('startDate')}+1, ${c.cell('startDate')}))`;
        const dayHours = `IFERROR(INDEX(${c.range('spaces', 'weeklyHours')}, MATCH(${c.cell('space')}, ${c.range('spaces', 'name')}, 0))/7, 0)`;
        return `=IF(${c.cell('startDate')}="", "", IF(${c.cell('startTime')}="", ROUND((${end}-${c.cell('startDate')}+1)*${dayHours}, 2), ROUND(MAX(0, ${end}+${c.cell('endTime')}-${c.cell('startDate')}-${c.cell('startTime')})*24, 2)))`;
      },
    }),
    col('periodOccurrences', 'formula', 'Occurrences sur la période', 'Occurrences in period', {
      since: 2,
      readOnly: true,
      resultType: 'integer',
      formulaSince: 5,
      help: 'Nombre de fois où la réservation commence dans la période du tableau de bord. Limite\u00a0: «\u00a0Chaque mois\u00a0» un 29, 30 ou 31 avec un intervalle de 2 ou plus compte aussi les mois qui n’ont pas cette date. Des «\u00a0Dates exclues\u00a0» écrites autrement que «\u00a0jj/mm/aaaa\u00a0; jj/mm/aaaa\u00a0» donnent une erreur (#DIV/0!)\u00a0: enregistrez la réservation avec Pilote pour les remettre en forme.',
      helpEn:
        'How many times the booking starts in the dashboard’s period. Limit: “Chaque mois” on a 29th, 30th or 31st with an interval of 2 or more also counts the months without that date. “Dates exclues” written otherwise than “dd/mm/yyyy ; dd/mm/yyyy” give an error (#DIV/0!): save the booking with Pilote to put them back in shape.',
      formula: (c) => `=IF(${c.cell('startDate')}="", "", ${occurrencesInPeriod(c)})`,
    }),
    col('periodHours', 'formula', 'Heures sur la période', 'Hours in period', {
      since: 2,
      readOnly: true,
      resultType: 'number',
      help: 'Durée × occurrences, pour une réservation confirmée.',
      helpEn: 'Duration × occurrences, for a confirmed booking.',
      formula: (c) =>
        `=IF(OR(${c.cell('startDate')}="", ${c.cell('status')}<>"Confirmée"), "", ROUND(${c.cell('occurrenceHours')}*${c.cell('periodOccurrences')}, 2))`,
    }),
    col('startMinute', 'formula', 'Début (minutes, calcul)', 'Start (minutes, computed)', {
      since: 5,
      hidden: true,
      readOnly: true,
      resultType: 'integer',
      help: 'Pour «\u00a0Chevauchement\u00a0»\u00a0: le début d’une réservation sans récurrence, en minutes entières (vide pour une série).',
      helpEn:
        'For “Overlap”: the start of a booking without recurrence, in whole minutes (empty for a series).',
      formula: (c) =>
        `=IF(${oneOffRow(c)}, ROUND((${c.cell('startDate')}+IF(${c.cell('startTime')}="", 0, ${c.cell('startTime')}))*1440, 0), "")`,
    }),
    col('endMinute', 'formula', 'Fin (minutes, calcul)', 'End (minutes, computed)', {
      since: 5,
      hidden: true,
      readOnly: true,
      resultType: 'integer',
      help: 'Pour «\u00a0Chevauchement\u00a0»\u00a0: la fin (exclue), en minutes entières\u00a0; une journée entière finit à minuit, une fin avant le début finit le lendemain.',
      helpEn:
        'For “Overlap”: the (excluded) end, in whole minutes; a whole day ends at midnight, an end before the start ends the next day.',
      formula: (c) => {
        const s = c.cell('startDate');
        const st = c.cell('startTime');
        const et = c.cell('endTime');
        const endDay = `IF(${c.cell('endDate')}<>"", ${c.cell('endDate')}, IF(AND(${st}<>"", ${et}<>"", ${et}<=${st}), ${s}+1, ${s}))`;
        const end = `IF(${st}="", ${endDay}+1, ${endDay}+IF(${et}="", ${st}, ${et}))`;
        // No end time: the booking still occupies its minute (conflicts.ts).
        return `=IF(${oneOffRow(c)}, MAX(ROUND(${end}*1440, 0), ${c.cell('startMinute')}+1), "")`;
      },
    }),
    col('sheetOverlap', 'formula', 'Chevauchement', 'Overlap', {
      since: 5,
      readOnly: true,
      resultType: 'integer',
      width: 130,
      help: 'Calculé par la feuille, même pour une ligne tapée à la main\u00a0: le nombre d’autres réservations confirmées sans récurrence du même espace que cette réservation confirmée sans récurrence chevauche (vide s’il n’y en a pas). Les séries sont vérifiées par Pilote à l’enregistrement et à la synchronisation.',
      helpEn:
        'Computed by the sheet, even for a row typed by hand: how many other confirmed bookings without recurrence of the same space this confirmed booking without recurrence overlaps (empty when none). Series are checked by Pilote on save and on sync.',
      formula: (c) => {
        const others = `COUNTIFS(${c.range('bookings', 'space')}, ${c.cell('space')}, ${c.range('bookings', 'status')}, "Confirmée", ${c.range('bookings', 'startMinute')}, "<"&${c.cell('endMinute')}, ${c.range('bookings', 'endMinute')}, ">"&${c.cell('startMinute')})-1`;
        return `=IF(OR(${c.cell('startMinute')}="", ${c.cell('status')}<>"Confirmée", ${c.cell('space')}=""), "", IF(${others}>0, ${others}, ""))`;
      },
    }),
    ...occupancySteps(),
    col('notes', 'longText', 'Remarques', 'Notes', { width: 240 }),
    col('calendarEventId', 'text', 'Identifiant de l’événement d’agenda', 'Calendar event id', {
      hidden: true,
      readOnly: true,
    }),
    col('syncState', 'enum', 'Synchronisation', 'Sync state', {
      options: SYNC_STATES,
      hidden: true,
      readOnly: true,
    }),
    col('lastSyncAt', 'datetime', 'Dernière synchronisation', 'Last sync', { hidden: true, readOnly: true }),
    col('syncError', 'text', 'Erreur de synchronisation', 'Sync error', { hidden: true, readOnly: true }),
    col('syncHash', 'text', 'Empreinte synchronisée', 'Synced content hash', {
      since: 3,
      hidden: true,
      readOnly: true,
      help: 'Empreinte de ce que Pilote a envoyé à l’agenda\u00a0: une réservation inchangée n’est pas renvoyée.',
      helpEn: 'Hash of what Pilote sent to the calendar: an unchanged booking is not sent again.',
    }),
    col('conflictWith', 'text', 'Conflit', 'Conflict', {
      since: 3,
      readOnly: true,
      width: 240,
      help: 'Écrit par Pilote\u00a0: la réservation ou l’événement d’agenda que cette option chevauche. Les conflits sont vérifiés sur environ deux ans (731 jours) à partir d’aujourd’hui.',
      helpEn:
        'Written by Pilote: the booking or calendar event this option overlaps. Conflicts are checked over about two years (731 days) from today.',
    }),
    documentLinkColumn('agreementLink', 'Contrat de mise à disposition', 'Use agreement'),
  ]),
  conditionalFormats: [
    {
      key: 'cancelled',
      description: 'Réservation annulée\u00a0: ligne grisée.',
      formula: (c) => `=${c.cell('status')}="Annulée"`,
      fontColor: '#9aa0a6',
    },
    {
      key: 'conflict',
      since: 3,
      description: 'Option qui chevauche une autre réservation ou un événement d’agenda\u00a0: en orange.',
      columns: ['title', 'conflictWith'],
      formula: (c) => `=AND(${c.cell('conflictWith')}<>"", ${c.cell('status')}<>"Annulée")`,
      background: '#fce8b2',
    },
    {
      key: 'sheetOverlap',
      since: 5,
      description:
        'Réservation confirmée tapée dans la feuille qui en chevauche une autre du même espace\u00a0: en rouge.',
      columns: ['title', 'sheetOverlap'],
      formula: (c) => `=${c.cell('sheetOverlap')}<>""`,
      background: '#f4c7c3',
    },
    {
      key: 'syncError',
      description: 'Erreur de synchronisation avec l’agenda\u00a0: statut en rouge.',
      columns: ['status'],
      formula: (c) => `=${c.cell('syncState')}="Erreur"`,
      background: '#f4c7c3',
    },
  ],
};
