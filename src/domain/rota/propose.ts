/**
 * The week's opening and closing rota, proposed from the venue's opening hours and the week's
 * confirmed bookings (pure). For each day:
 * - the place opens at the earlier of its opening time and the first confirmed booking's start,
 *   and closes at the later of its closing time and the last booking's end;
 * - a timed booking that ends the next day (crossing midnight) moves the start day's closing past
 *   midnight (the line is dated on the start day, « À » holds the hour after midnight and a note
 *   says « le lendemain »); it does not open the next day at midnight;
 * - a timed booking over three days or more (a residency) opens its first day at its start and
 *   closes it at midnight (the night is the occupant's), covers the days in between like an
 *   all-day booking, and closes its last day at the later of its end and the opening hours;
 * - an all-day booking keeps the day's opening hours; on a day with no opening hours it opens the
 *   day with times left empty and a note « horaires à préciser » (nothing invented);
 * - people are assigned per shift among those available that weekday who accept that shift, the
 *   one with the fewest shifts this week first (lines people wrote count), then someone not
 *   already on that day, then the order of « Bénévoles »: a round robin over the week. A shift
 *   nobody can take keeps an empty person and the note « Personne de disponible ».
 *
 * Existing lines are never overwritten when a person edited them: each line Pilote writes keeps
 * the fingerprint of what it wrote (`rotaLineHash`); a line whose cells no longer match it, a line
 * without it (typed by hand) and a line whose checklist or « Fait » is ticked belong to people and
 * are kept as they are; their shift is not proposed again. Lines Pilote wrote that nobody touched
 * are updated in place when the proposal changes, and left alone when it does not (a second run
 * writes nothing).
 */
import { type BookingFields, bookingSchedule } from '../bookings/booking-record';
import {
  dayNumber,
  isoOfDay,
  occurrencesBetween,
  recurrenceProblem,
  weekdayIndex,
} from '../bookings/recurrence';
import { clockTime, type OpeningHours, type WeekdayIndex } from './opening-hours';

/** The shifts Pilote proposes, in the order of a day. */
export const PROPOSED_SHIFTS = ['Ouverture', 'Fermeture'] as const;
export type ProposedShift = (typeof PROPOSED_SHIFTS)[number];
/** The sheet's shift that covers both. */
export const BOTH_SHIFTS = 'Ouverture et fermeture';

/** Notes Pilote writes on a proposed line (French: they are cells of the sheet). */
export const ROTA_NOTES = {
  nobody: 'Personne de disponible\u00a0: à compléter.',
  afterMidnight: 'Ferme le lendemain (réservation après minuit).',
  allDay: 'Réservation sur la journée\u00a0: horaires à préciser.',
} as const;

/** A row of « Réservations » as the proposal reads it. */
export interface RotaBooking extends BookingFields {
  status?: unknown;
}

/** Someone who can open or close: the contact's name the rota stores, and when they can. */
export interface RotaPerson {
  name: string;
  /** Shifts they accept (`Ouverture`, `Fermeture`, `Permanence`). */
  shifts: readonly string[];
  weekdays: readonly WeekdayIndex[];
}

/** A line of « Ouverture et fermeture » already in the sheet, as read. */
export interface ExistingRotaLine {
  id: string;
  date: string | null;
  shift: string | null;
  startTime: string | null;
  endTime: string | null;
  person: string | null;
  backup: string | null;
  notes: string | null;
  /** The fingerprint Pilote wrote with the line, or null for a line typed by hand. */
  proposedHash: string | null;
  /** A checklist box or « Fait » is ticked. */
  ticked: boolean;
}

/** The cells of a line Pilote writes (and fingerprints). */
export interface ProposedLine {
  date: string;
  shift: ProposedShift;
  startTime: string | null;
  endTime: string | null;
  person: string | null;
  backup: string | null;
  notes: string | null;
}

/** When the place is open on one day, in minutes since that day's midnight (end may pass 1440). */
export interface DaySpan {
  date: string;
  open: boolean;
  start: number | null;
  end: number | null;
}

export interface RotaProposalInput {
  /** Any day of the week; the rota covers its Monday to Sunday. */
  weekOf: string;
  openingHours: OpeningHours;
  bookings: readonly RotaBooking[];
  people: readonly RotaPerson[];
  existing: readonly ExistingRotaLine[];
}

export interface RotaProposal {
  /** Monday of the week, ISO. */
  weekStart: string;
  days: DaySpan[];
  /** Every shift of the week as it will read after the write (kept lines excluded). */
  lines: ProposedLine[];
  inserts: ProposedLine[];
  updates: { id: string; line: ProposedLine }[];
  /** Lines people wrote or edited, left as they are (their shift is not proposed). */
  kept: ExistingRotaLine[];
  /** Proposed shifts nobody available could take. */
  unstaffed: { date: string; shift: ProposedShift }[];
}

/** Monday of the week of `iso`. */
export function mondayOf(iso: string): string {
  const day = dayNumber(iso);
  return isoOfDay(day - weekdayIndex(day));
}

/** FNV-1a (32 bits, hex) of the cells Pilote writes: how a line edited by someone is recognised. */
export function rotaLineHash(
  line: {
    [K in keyof ProposedLine]: string | null;
  },
): string {
  const text = JSON.stringify([
    line.date ?? '',
    line.shift ?? '',
    line.startTime ?? '',
    line.endTime ?? '',
    line.person ?? '',
    line.backup ?? '',
    line.notes ?? '',
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** True when a person wrote or changed the line (or ticked its checklist): Pilote keeps it. */
export function editedByPerson(line: ExistingRotaLine): boolean {
  if (line.ticked || !line.proposedHash) return true;
  return rotaLineHash(line) !== line.proposedHash;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

interface DayFacts {
  starts: number[];
  ends: number[];
  allDay: boolean;
}

/** When the place is open each day of the week starting on day number `monday`. */
export function weekSpans(
  monday: number,
  openingHours: OpeningHours,
  bookings: readonly RotaBooking[],
): DaySpan[] {
  const facts: DayFacts[] = Array.from({ length: 7 }, () => ({ starts: [], ends: [], allDay: false }));
  const at = (day: number): DayFacts | undefined => facts[day - monday];
  for (const booking of bookings) {
    if (booking.status !== 'Confirmée') continue;
    const schedule = bookingSchedule(booking);
    if (!schedule || recurrenceProblem(schedule)) continue;
    for (const o of occurrencesBetween(schedule, isoOfDay(monday), isoOfDay(monday + 6))) {
      const first = dayNumber(o.startDate);
      const last = dayNumber(o.endDate);
      if (o.startTime === undefined) {
        for (let d = first; d <= last; d += 1) {
          const f = at(d);
          if (f) f.allDay = true;
        }
        continue;
      }
      const start = minutesOf(o.startTime);
      const end = minutesOf(o.endTime ?? o.startTime);
      if (last - first <= 1) {
        // Same day, or crossing midnight once: the start day closes at the end (past 1440).
        const f = at(first);
        if (f) {
          f.starts.push(start);
          f.ends.push(end + (last - first) * 1440);
        }
        continue;
      }
      const f0 = at(first);
      if (f0) {
        f0.starts.push(start);
        f0.ends.push(1440);
      }
      for (let d = first + 1; d < last; d += 1) {
        const f = at(d);
        if (f) f.allDay = true;
      }
      const fl = at(last);
      if (fl) {
        fl.allDay = true;
        fl.ends.push(end);
      }
    }
  }
  return facts.map((f, i) => {
    const hours = openingHours[i] ?? [];
    const starts = [...f.starts, ...(hours.length ? [hours[0].start] : [])];
    const ends = [...f.ends, ...(hours.length ? [hours[hours.length - 1].end] : [])];
    const open = starts.length > 0 || ends.length > 0 || f.allDay;
    return {
      date: isoOfDay(monday + i),
      open,
      start: starts.length ? Math.min(...starts) : null,
      end: ends.length ? Math.max(...ends) : null,
    };
  });
}

const slotKey = (date: string, shift: string) => `${date}|${shift}`;

/** Proposes the week's rota and what to write for it. */
export function proposeRota(input: RotaProposalInput): RotaProposal {
  const weekStart = mondayOf(input.weekOf);
  const monday = dayNumber(weekStart);
  const days = weekSpans(monday, input.openingHours, input.bookings);
  const inWeek = new Set(days.map((d) => d.date));
  const weekLines = input.existing.filter((l) => l.date !== null && inWeek.has(l.date));

  const kept: ExistingRotaLine[] = [];
  const untouched = new Map<string, ExistingRotaLine>();
  const covered = new Set<string>();
  const count = new Map<string, number>();
  const onDay = new Set<string>();
  const person = (name: string) => fold(name);
  for (const line of weekLines) {
    if (editedByPerson(line)) {
      kept.push(line);
      const date = line.date as string;
      if (line.shift === BOTH_SHIFTS) for (const s of PROPOSED_SHIFTS) covered.add(slotKey(date, s));
      else if (line.shift) covered.add(slotKey(date, line.shift));
      if (line.person) {
        const p = person(line.person);
        count.set(p, (count.get(p) ?? 0) + 1);
        onDay.add(`${date}|${p}`);
      }
    } else if (line.shift) {
      const key = slotKey(line.date as string, line.shift);
      if (!untouched.has(key)) untouched.set(key, line);
    }
  }

  const lines: ProposedLine[] = [];
  const inserts: ProposedLine[] = [];
  const updates: { id: string; line: ProposedLine }[] = [];
  const unstaffed: { date: string; shift: ProposedShift }[] = [];
  days.forEach((day, i) => {
    if (!day.open) return;
    for (const shift of PROPOSED_SHIFTS) {
      if (covered.has(slotKey(day.date, shift))) continue;
      const eligible = input.people
        .map((p, index) => ({ p, index, key: person(p.name) }))
        .filter(({ p }) => p.weekdays.includes(i as WeekdayIndex) && p.shifts.includes(shift));
      eligible.sort(
        (a, b) =>
          (count.get(a.key) ?? 0) - (count.get(b.key) ?? 0) ||
          Number(onDay.has(`${day.date}|${a.key}`)) - Number(onDay.has(`${day.date}|${b.key}`)) ||
          a.index - b.index,
      );
      const chosen = eligible[0];
      if (chosen) {
        count.set(chosen.key, (count.get(chosen.key) ?? 0) + 1);
        onDay.add(`${day.date}|${chosen.key}`);
      } else unstaffed.push({ date: day.date, shift });
      const notes: string[] = [];
      if (!chosen) notes.push(ROTA_NOTES.nobody);
      let startTime: string | null = null;
      let endTime: string | null = null;
      if (shift === 'Ouverture') {
        if (day.start !== null) startTime = clockTime(day.start);
      } else if (day.end !== null) {
        endTime = clockTime(Math.min(day.end, 1440 + 1439));
        if (day.end >= 1440) notes.push(ROTA_NOTES.afterMidnight);
      }
      if ((shift === 'Ouverture' ? day.start : day.end) === null) notes.push(ROTA_NOTES.allDay);
      const line: ProposedLine = {
        date: day.date,
        shift,
        startTime,
        endTime,
        person: chosen ? chosen.p.name : null,
        backup: null,
        notes: notes.length ? notes.join(' ') : null,
      };
      lines.push(line);
      const existing = untouched.get(slotKey(day.date, shift));
      if (!existing) inserts.push(line);
      else if (rotaLineHash(existing) !== rotaLineHash(line)) updates.push({ id: existing.id, line });
    }
  });
  return { weekStart, days, lines, inserts, updates, kept, unstaffed };
}
