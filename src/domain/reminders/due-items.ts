/**
 * What is due: the « À faire » panel and the daily digest read the same list, computed here from
 * plain records (values by column key, dates as ISO `yyyy-mm-dd`, as the table repository decodes
 * them) and a date. Pure: no Apps Script, no clock.
 *
 * The rules follow the sheets' own highlights (conditional formats) so that the panel lists what
 * the workbook shows in orange or red:
 * - safety checks whose next due date is late or within {@link SAFETY_DAYS} days;
 * - grants: submission deadline (status « À étudier » / « En préparation ») and report due (status
 *   other than « Soldée » / « Refusée ») late or within {@link GRANT_DAYS} days; the financial
 *   report (CERFA 15059, 30 June after the financial year while a report is owed) likewise;
 * - urgent maintenance not done (« Urgente », status neither « Terminée » nor « Abandonnée »);
 * - bookings still « Option » whose date is within {@link OPTION_DAYS} days;
 * - actions late: end date passed, status « En cours » or « En préparation »;
 * - occupancy agreements of structures ending within {@link AGREEMENT_DAYS} days;
 * - meeting next steps due within {@link NEXT_STEP_DAYS} days or late by at most
 *   {@link NEXT_STEP_LATE_DAYS} days (free text has no « done » mark).
 *
 * Two sources are one small function each so that they can be pointed elsewhere:
 * {@link safetyDueFromRegister} (today « Registre de sécurité »; a schedule sheet with its own
 * next due date can replace it) and {@link nextStepsFromMeetings} (today the free text of
 * « Réunions »; a next-steps table can replace it).
 */
import { dateOf, lastDoneOf, nextDue, type RegisterEntry, serialOf } from '../safety/schedule';
import { endOfMonth } from '../finance/records';
import type { CellValue } from '../value-types';

export const SAFETY_DAYS = 30;
export const GRANT_DAYS = 30;
export const OPTION_DAYS = 7;
export const AGREEMENT_DAYS = 60;
export const NEXT_STEP_DAYS = 7;
export const NEXT_STEP_LATE_DAYS = 30;

/** A record as read: id, sheet row when known, values by column key. */
export interface PlainRecord {
  id: string;
  row?: number;
  values: Record<string, CellValue>;
}

/** The groups, in the order the panel and the e-mail show them. */
export const DUE_GROUPS = [
  'safety',
  'grants',
  'maintenance',
  'bookings',
  'actions',
  'agreements',
  'nextSteps',
] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

export type DueKind =
  | 'safetyCheck'
  | 'grantDeadline'
  | 'grantReport'
  | 'financialReport'
  | 'urgentMaintenance'
  | 'bookingOption'
  | 'actionLate'
  | 'agreementEnding'
  | 'nextStep';

/** One thing to do. */
export interface DueItem {
  kind: DueKind;
  group: DueGroup;
  /** What the coordinator reads: the record's label (a check type, a grant's title…). */
  title: string;
  /** ISO date it is due, or null (urgent maintenance with no date). */
  date: string | null;
  /** Days from today to `date`: negative when late, null without a date. */
  days: number | null;
  /** The sheet (schema key) and record to open. */
  sheet: string;
  recordId: string;
  row: number | null;
}

/** One safety check still owed: the latest check of its kind and place, with its next due date. */
export interface SafetyDue {
  recordId: string;
  row: number | null;
  /** The sheet the item opens: « Échéancier de sécurité », or the register itself. */
  sheet?: string;
  checkType: string;
  installation: string;
  nextDue: string | null;
}

/** One next step of a meeting with the date it is due. */
export interface NextStep {
  recordId: string;
  row: number | null;
  /** The sheet the item opens: « Suites à donner », or « Réunions » for a line of its text. */
  sheet?: string;
  meeting: string;
  text: string;
  due: string;
}

/** Everything the list is made from. */
export interface DueSources {
  safety: readonly SafetyDue[];
  grants: readonly PlainRecord[];
  maintenance: readonly PlainRecord[];
  bookings: readonly PlainRecord[];
  actions: readonly PlainRecord[];
  structures: readonly PlainRecord[];
  nextSteps: readonly NextStep[];
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoDay(to) - isoDay(from)) / DAY_MS);
}

function isoDay(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `EOMONTH(date, months)` of Sheets, as the budget computes it. */
export { endOfMonth };

const isDate = (v: CellValue): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
const text = (v: CellValue): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * The checks of « Échéancier de sécurité » with their next due date, computed as its formulas do
 * (src/domain/safety/schedule.ts, tested equal to them): the latest register date of that check
 * (and installation when the row names one) plus its periodicity in months, clamped to the
 * month's end; a check never done is due today. From typed columns only: no formula is read.
 */
export function safetyDueFromSchedule(
  schedule: readonly PlainRecord[],
  register: readonly PlainRecord[],
  today: string,
): SafetyDue[] {
  const serial = (iso: string) =>
    serialOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  const iso = (n: number) => {
    const d = dateOf(n);
    return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  };
  const entries: RegisterEntry[] = register
    .filter((r) => isDate(r.values.date) && text(r.values.checkType) !== '')
    .map((r) => ({
      date: serial(String(r.values.date)),
      checkType: text(r.values.checkType),
      installation: text(r.values.installation) || null,
    }));
  const out: SafetyDue[] = [];
  for (const row of schedule) {
    const checkType = text(row.values.checkType);
    const months = Number(row.values.periodicityMonths);
    if (checkType === '' || row.values.periodicityMonths === null || !Number.isFinite(months) || months <= 0)
      continue;
    const installation = text(row.values.installation);
    const last = lastDoneOf(entries, checkType, installation || null);
    out.push({
      recordId: row.id,
      row: row.row ?? null,
      sheet: 'safetySchedule',
      checkType,
      installation,
      nextDue: iso(nextDue(last, months, serial(today))),
    });
  }
  return out;
}

/**
 * The safety checks owed, from « Registre de sécurité »: for each check type and installation,
 * its latest recorded check, due at `EOMONTH(date, periodicityMonths)` — the sheet's own
 * « Prochaine échéance » formula, computed here from the typed columns so that reading the
 * register reads no formula. A check of periodicity 0 (or none) owes nothing.
 */
export function safetyDueFromRegister(records: readonly PlainRecord[]): SafetyDue[] {
  const latest = new Map<string, PlainRecord>();
  for (const r of records) {
    const date = r.values.date;
    if (!isDate(date) || text(r.values.checkType) === '') continue;
    const key = `${text(r.values.checkType)}\u0000${text(r.values.installation).toLowerCase()}`;
    const seen = latest.get(key);
    if (!seen || String(seen.values.date) <= date) latest.set(key, r);
  }
  const out: SafetyDue[] = [];
  for (const r of latest.values()) {
    const months = Number(r.values.periodicityMonths);
    const nextDue =
      Number.isFinite(months) && months > 0 && r.values.periodicityMonths !== null
        ? endOfMonth(String(r.values.date), months)
        : null;
    out.push({
      recordId: r.id,
      row: r.row ?? null,
      checkType: text(r.values.checkType),
      installation: text(r.values.installation),
      nextDue,
    });
  }
  return out;
}

const FR_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/;

/**
 * Next steps from « Réunions » « Suites à donner » (free text, « Qui fait quoi, pour quand »):
 * each line holding a date `jj/mm/aaaa` is due that day; the other lines of a meeting are due at
 * its « Prochaine réunion » when it has one, else not listed.
 */
export function nextStepsFromMeetings(records: readonly PlainRecord[]): NextStep[] {
  const out: NextStep[] = [];
  for (const r of records) {
    const lines = text(r.values.nextSteps)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const undated: string[] = [];
    for (const line of lines) {
      const m = FR_DATE.exec(line);
      const year = m ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : 0;
      const ms = m ? Date.UTC(year, Number(m[2]) - 1, Number(m[1])) : Number.NaN;
      const valid = m && new Date(ms).getUTCDate() === Number(m[1]);
      if (valid) out.push(step(r, line, isoOf(ms)));
      else undated.push(line);
    }
    const next = r.values.nextMeeting;
    if (undated.length > 0 && isDate(next)) out.push(step(r, undated.join(' '), next.slice(0, 10)));
  }
  return out;
}

function step(r: PlainRecord, line: string, due: string): NextStep {
  return { recordId: r.id, row: r.row ?? null, meeting: text(r.values.title), text: line, due };
}

const REPORT_OWED = new Set(['Accordée', 'Versée', 'Bilan à rendre']);
const PREPARING = new Set(['À étudier', 'En préparation']);
const CLOSED_GRANT = new Set(['Soldée', 'Refusée']);
const DONE_MAINTENANCE = new Set(['Terminée', 'Abandonnée']);
const RUNNING_ACTION = new Set(['En cours', 'En préparation']);

/** Every item due on `today` (ISO date), grouped in {@link DUE_GROUPS} order, by date in a group. */
export function dueItems(sources: DueSources, today: string): DueItem[] {
  const items: DueItem[] = [];
  const push = (
    kind: DueKind,
    group: DueGroup,
    sheet: string,
    r: { id: string; row?: number | null },
    title: string,
    date: string | null,
  ) =>
    items.push({
      kind,
      group,
      title,
      date,
      days: date === null ? null : daysBetween(today, date),
      sheet,
      recordId: r.id,
      row: r.row ?? null,
    });
  const within = (date: string, ahead: number, lateBy = Number.POSITIVE_INFINITY) => {
    const d = daysBetween(today, date);
    return d <= ahead && d >= -lateBy;
  };

  for (const s of sources.safety) {
    if (s.nextDue !== null && within(s.nextDue, SAFETY_DAYS)) {
      const title = s.installation === '' ? s.checkType : `${s.checkType} (${s.installation})`;
      push(
        'safetyCheck',
        'safety',
        s.sheet ?? 'safetyChecks',
        { id: s.recordId, row: s.row },
        title,
        s.nextDue,
      );
    }
  }
  for (const g of sources.grants) {
    const status = text(g.values.status);
    const title = text(g.values.title);
    const deadline = g.values.deadline;
    if (isDate(deadline) && PREPARING.has(status) && within(deadline, GRANT_DAYS))
      push('grantDeadline', 'grants', 'grants', g, title, deadline);
    const report = g.values.reportDue;
    if (isDate(report) && status !== '' && !CLOSED_GRANT.has(status) && within(report, GRANT_DAYS))
      push('grantReport', 'grants', 'grants', g, title, report);
    const year = Number(g.values.financialYear);
    if (g.values.financialYear !== null && Number.isInteger(year) && REPORT_OWED.has(status)) {
      const due = `${year + 1}-06-30`;
      if (within(due, GRANT_DAYS)) push('financialReport', 'grants', 'grants', g, title, due);
    }
  }
  for (const m of sources.maintenance) {
    if (text(m.values.priority) !== 'Urgente' || DONE_MAINTENANCE.has(text(m.values.status))) continue;
    const due = isDate(m.values.dueDate) ? m.values.dueDate : null;
    push('urgentMaintenance', 'maintenance', 'maintenance', m, text(m.values.title), due);
  }
  for (const b of sources.bookings) {
    const start = b.values.startDate;
    if (text(b.values.status) === 'Option' && isDate(start) && within(start, OPTION_DAYS, 0))
      push('bookingOption', 'bookings', 'bookings', b, text(b.values.title), start);
  }
  for (const a of sources.actions) {
    const end = a.values.endDate;
    if (isDate(end) && RUNNING_ACTION.has(text(a.values.status)) && daysBetween(today, end) < 0)
      push('actionLate', 'actions', 'actions', a, text(a.values.title), end);
  }
  for (const s of sources.structures) {
    const end = s.values.agreementEnd;
    if (isDate(end) && within(end, AGREEMENT_DAYS, 0))
      push('agreementEnding', 'agreements', 'structures', s, text(s.values.name), end);
  }
  for (const n of sources.nextSteps) {
    if (within(n.due, NEXT_STEP_DAYS, NEXT_STEP_LATE_DAYS))
      push(
        'nextStep',
        'nextSteps',
        n.sheet ?? 'meetings',
        { id: n.recordId, row: n.row },
        `${n.meeting}\u00a0: ${n.text}`,
        n.due,
      );
  }
  const order = new Map(DUE_GROUPS.map((g, i) => [g, i]));
  return items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        (order.get(a.item.group) ?? 0) - (order.get(b.item.group) ?? 0) ||
        (a.item.days ?? Number.NEGATIVE_INFINITY) - (b.item.days ?? Number.NEGATIVE_INFINITY) ||
        a.i - b.i,
    )
    .map((x) => x.item);
}
