/**
 * « Ouverture et fermeture »: the week's rota proposed and written (under the document lock,
 * journaled, never over a line a person edited), and today's lines for the sidebar.
 *
 * Who can be proposed: the rows of « Bénévoles » (staff who open the place have a row too) whose
 * status is not « En pause » or « Parti·e », with « Peut ouvrir ou fermer » and « Jours possibles »
 * ticked. The rota's « Personne » refers to « Contacts » (fullName): a volunteer is proposed under
 * their « Fiche contact », or under their own name when a contact of that name exists; one with
 * neither is not proposed and is named in the answer.
 */
import * as v from 'valibot';
import { readDate } from '../domain/date-input';
import { dayNumber, isoOfDay, weekdayIndex } from '../domain/bookings/recurrence';
import { FRENCH_WEEKDAYS, parseOpeningHours, type WeekdayIndex } from '../domain/rota/opening-hours';
import {
  type ExistingRotaLine,
  mondayOf,
  type ProposedLine,
  proposeRota,
  type RotaPerson,
  rotaLineHash,
} from '../domain/rota/propose';
import { requireSheet } from '../schema';
import { ROTA_CHECKLIST } from '../schema/sheets/safety';
import type { CellValue } from '../schema/types';
import { t } from '../shared/i18n';
import { appendJournal, journalHasRequest } from './adapters/journal';
import { SettingsRepository } from './adapters/settings-repository';
import { growTable } from './adapters/table-growth';
import { type StoredRecord, TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError } from './errors';
import { userLocale } from './locale';
import { withDocumentLock } from './lock';

const ProposeRequestSchema = v.strictObject({
  /** Any day of the week (ISO or jj/mm/aaaa); absent: the coming week (see `comingMonday`). */
  weekOf: v.optional(v.pipe(v.string(), v.maxLength(40))),
  requestId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
});

/** What one proposal wrote, for the sidebar and the menu. */
export interface RotaWeekAnswer {
  weekStart: string;
  inserted: number;
  updated: number;
  kept: number;
  unstaffed: number;
  /** Volunteers who said they can open or close but have no contact record. */
  unmatched: string[];
  /** The same request was already carried out: nothing written. */
  duplicate: boolean;
  message: string;
}

/** One line of today's rota as the sidebar shows it. */
export interface TodayRotaLine {
  id: string;
  shift: string;
  startTime: string | null;
  endTime: string | null;
  person: string | null;
  backup: string | null;
  done: boolean;
  /** Checklist items ticked, by their French header (Alarme, Lumières…), in the sheet's order. */
  checked: string[];
  unchecked: string[];
  notes: string | null;
}

export interface TodayRota {
  date: string;
  lines: TodayRotaLine[];
}

const str = (value: CellValue): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

const frDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function todayIso(workbook: WorkbookSession): string {
  return Utilities.formatDate(new Date(), workbook.timeZone(), 'yyyy-MM-dd');
}

/** The Monday the menu proposes: today when it is a Monday, else the next one. */
export function comingMonday(today: string): string {
  const day = dayNumber(today);
  const wd = weekdayIndex(day);
  return isoOfDay(wd === 0 ? day : day + 7 - wd);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

const listOf = (value: CellValue): string[] =>
  typeof value === 'string' && value !== ''
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : [];

/** The people who can open or close, as contacts' names; those without a contact apart. */
export function rotaPeople(
  volunteers: readonly StoredRecord[],
  contactNames: readonly string[],
): { people: RotaPerson[]; unmatched: string[] } {
  const contacts = new Map(contactNames.map((name) => [fold(name), name]));
  const people: RotaPerson[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  for (const { values } of volunteers) {
    const status = str(values.status);
    if (status === 'En pause' || status === 'Parti·e') continue;
    const shifts = listOf(values.rotaShifts);
    const weekdays = listOf(values.rotaWeekdays)
      .map((d) => FRENCH_WEEKDAYS.indexOf(fold(d) as (typeof FRENCH_WEEKDAYS)[number]))
      .filter((i) => i >= 0) as WeekdayIndex[];
    if (shifts.length === 0 || weekdays.length === 0) continue;
    const own = str(values.fullName);
    const linked = str(values.contact);
    const name = (linked && contacts.get(fold(linked))) ?? (own ? contacts.get(fold(own)) : undefined);
    if (!name) {
      if (own) unmatched.push(own);
      continue;
    }
    if (seen.has(fold(name))) continue;
    seen.add(fold(name));
    people.push({ name, shifts, weekdays });
  }
  return { people, unmatched };
}

function existingLine(record: StoredRecord): ExistingRotaLine {
  const values = record.values;
  const ticked = values.done === true || ROTA_CHECKLIST.some((item) => values[item.key] === true);
  return {
    id: record.id,
    date: str(values.date),
    shift: str(values.shift),
    startTime: str(values.startTime),
    endTime: str(values.endTime),
    person: str(values.person),
    backup: str(values.backup),
    notes: str(values.notes),
    proposedHash: str(values.proposedHash),
    ticked,
  };
}

function cells(line: ProposedLine): Record<string, CellValue> {
  return {
    date: line.date,
    shift: line.shift,
    startTime: line.startTime,
    endTime: line.endTime,
    person: line.person,
    backup: line.backup,
    notes: line.notes,
    proposedHash: rotaLineHash(line),
  };
}

/**
 * Proposes the week's rota (`{ weekOf?, requestId }`) and writes it: new lines in one block,
 * lines Pilote wrote that nobody touched updated in place, lines people edited kept. A request
 * already journaled, or a proposal equal to what the sheet holds, writes nothing.
 */
export function proposeWeekRota(request: unknown): RotaWeekAnswer {
  const parsed = v.safeParse(ProposeRequestSchema, request);
  if (!parsed.success) {
    throw new PiloteError('error.invalidArgument', {
      detail: parsed.issues.map((i) => i.message).join('; '),
    });
  }
  const { requestId } = parsed.output;
  const locale = userLocale();
  const weekText = parsed.output.weekOf;
  const weekOf = weekText === undefined ? null : readDate(weekText);
  if (weekText !== undefined && weekOf === null)
    throw new PiloteError('rota.invalidWeek', { value: weekText.slice(0, 40) });
  return withDocumentLock(() => {
    const workbook = new WorkbookSession();
    const weekStart = weekOf ? mondayOf(weekOf) : comingMonday(todayIso(workbook));
    const answer = (counts: Omit<RotaWeekAnswer, 'message' | 'weekStart'>): RotaWeekAnswer => {
      const message = counts.duplicate
        ? t(locale, 'rota.duplicate')
        : [
            t(locale, 'rota.proposed', {
              week: frDate(weekStart),
              inserted: counts.inserted,
              updated: counts.updated,
              kept: counts.kept,
              unstaffed: counts.unstaffed,
            }),
            ...(counts.unmatched.length
              ? [t(locale, 'rota.unmatched', { names: counts.unmatched.join(', ') })]
              : []),
          ].join(' ');
      return { weekStart, ...counts, message };
    };
    if (journalHasRequest(workbook, requestId))
      return answer({ inserted: 0, updated: 0, kept: 0, unstaffed: 0, unmatched: [], duplicate: true });
    const settings = new SettingsRepository(workbook).read();
    const hours = parseOpeningHours(str(settings.openingHours) ?? '');
    if (!hours.ok) throw new PiloteError(hours.problem.code, hours.problem.params);
    const rotaSheet = requireSheet('openingRota');
    const rota = new TableRepository(workbook, rotaSheet);
    const bookings = new TableRepository(workbook, requireSheet('bookings')).list();
    const volunteers = new TableRepository(workbook, requireSheet('volunteers')).list();
    const contacts = new TableRepository(workbook, requireSheet('contacts'))
      .list()
      .map((r) => str(r.values.fullName))
      .filter((n): n is string => n !== null);
    const { people, unmatched } = rotaPeople(volunteers, contacts);
    const proposal = proposeRota({
      weekOf: weekStart,
      openingHours: hours.hours,
      bookings: bookings.map((b) => b.values),
      people,
      existing: rota.list().map(existingLine),
    });
    const now = new Date();
    if (proposal.inserts.length > 0) {
      if (rota.needsRoomFor(proposal.inserts.length)) {
        growTable(workbook, rotaSheet, rota);
        rota.reload();
      }
      rota.insertMany(proposal.inserts.map(cells), now);
    }
    for (const { id, line } of proposal.updates) rota.update(id, cells(line), { now, requestId: null });
    const counts = {
      inserted: proposal.inserts.length,
      updated: proposal.updates.length,
      kept: proposal.kept.length,
      unstaffed: proposal.unstaffed.length,
      unmatched,
      duplicate: false,
    };
    if (counts.inserted + counts.updated > 0) {
      appendJournal(workbook, {
        at: now,
        user: Session.getActiveUser().getEmail(),
        action: counts.inserted > 0 ? 'Création' : 'Modification',
        sheet: rotaSheet.name,
        recordId: '',
        summary: t('fr', 'rota.proposed', {
          week: frDate(weekStart),
          inserted: counts.inserted,
          updated: counts.updated,
          kept: counts.kept,
          unstaffed: counts.unstaffed,
        }),
        requestId,
      });
    }
    return answer(counts);
  });
}

/** Today's lines of « Ouverture et fermeture » (one read of the table, nothing written). */
export function readTodayRota(): TodayRota {
  const workbook = new WorkbookSession();
  const today = todayIso(workbook);
  const order = ['Ouverture', 'Ouverture et fermeture', 'Permanence', 'Fermeture'];
  const lines = new TableRepository(workbook, requireSheet('openingRota'))
    .list()
    .filter((r) => r.values.date === today)
    .map((r): TodayRotaLine => {
      const values = r.values;
      return {
        id: r.id,
        shift: str(values.shift) ?? '',
        startTime: str(values.startTime),
        endTime: str(values.endTime),
        person: str(values.person),
        backup: str(values.backup),
        done: values.done === true,
        checked: ROTA_CHECKLIST.filter((item) => values[item.key] === true).map((item) => item.header),
        unchecked: ROTA_CHECKLIST.filter((item) => values[item.key] !== true).map((item) => item.header),
        notes: str(values.notes),
      };
    })
    .sort((a, b) => order.indexOf(a.shift) - order.indexOf(b.shift));
  return { date: today, lines };
}
