/**
 * Double bookings: which occurrences of other bookings (and of events already in a space's
 * calendar) overlap a booking, up to a horizon. Pure: the caller reads the records under the
 * document lock and passes them in.
 */
import {
  type BookingSchedule,
  dayNumber,
  isoOfDay,
  lastDay,
  type Occurrence,
  occurrencesBetween,
  span,
} from './recurrence';

/** How far ahead a repeating booking without an end is checked, in days (about two years). */
export const CONFLICT_HORIZON_DAYS = 731;

/** Something that occupies a space: a booking of the workbook or an event found in its calendar. */
export interface Occupant {
  /** A booking id (`RES-0042`) or, for a calendar event Pilote did not create, its event id. */
  id: string;
  /** What the French error names: the booking's title or the event's summary. */
  title: string;
  space: string;
  schedule: BookingSchedule;
  /** True for an event of the calendar that Pilote did not create. */
  external?: boolean;
}

/** One overlap: which occupant, and the first of its occurrences that overlaps. */
export interface Conflict {
  occupant: Occupant;
  /** The candidate's occurrence that is hit. */
  occurrence: Occurrence;
  /** The occupant's occurrence that overlaps it. */
  other: Occurrence;
}

/** The days a schedule can occupy from its start, capped at `horizonDays` after `today`. */
function window(schedule: BookingSchedule, today: string, horizonDays: number): { from: string; to: string } {
  const horizon = isoOfDay(Math.max(dayNumber(today), dayNumber(schedule.first.startDate)) + horizonDays);
  const last = lastDay(schedule);
  return { from: schedule.first.startDate, to: last === null || last > horizon ? horizon : last };
}

/**
 * The occupants of the same space whose occurrences overlap one of the candidate's, each once
 * (its first overlap), in the order of that overlap. Occupants with the candidate's own id are
 * ignored (an edit does not conflict with itself). Occurrences are compared on the wall clock
 * as half-open intervals: a booking ending at 14:00 does not clash with one starting at 14:00.
 */
export function findConflicts(
  candidate: Occupant,
  occupants: readonly Occupant[],
  today: string,
  horizonDays = CONFLICT_HORIZON_DAYS,
): Conflict[] {
  const own = window(candidate.schedule, today, horizonDays);
  const mine = occurrencesBetween(candidate.schedule, own.from, own.to).map((o) => ({ o, s: span(o) }));
  if (mine.length === 0) return [];
  const first = mine[0].s.start;
  const last = mine[mine.length - 1].s.end;
  const conflicts: Conflict[] = [];
  for (const occupant of occupants) {
    if (occupant.id === candidate.id || occupant.space !== candidate.space) continue;
    // Only the days the candidate occupies (one day earlier for occupants running overnight).
    const from = isoOfDay(Math.floor(first / 1440) - 1);
    const to = isoOfDay(Math.floor((last - 1) / 1440));
    if (occupant.schedule.first.startDate > to) continue;
    const theirs = occurrencesBetween(occupant.schedule, from, to);
    const hit = firstOverlap(mine, theirs);
    if (hit) conflicts.push({ occupant, occurrence: hit.mine, other: hit.theirs });
  }
  return conflicts.sort((a, b) => span(a.occurrence).start - span(b.occurrence).start);
}

function firstOverlap(
  mine: readonly { o: Occurrence; s: { start: number; end: number } }[],
  theirs: readonly Occurrence[],
): { mine: Occurrence; theirs: Occurrence } | null {
  // Both lists are in order: a merge walk finds the first overlap in O(n + m).
  const spans = theirs.map((o) => ({ o, s: span(o) }));
  let j = 0;
  for (const m of mine) {
    while (j < spans.length && Math.max(spans[j].s.end, spans[j].s.start + 1) <= m.s.start) j += 1;
    for (let k = j; k < spans.length && spans[k].s.start < m.s.end; k += 1) {
      if (overlap(m.s, spans[k].s)) return { mine: m.o, theirs: spans[k].o };
    }
  }
  return null;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  // A zero-length booking (no end time) still occupies its instant.
  const aEnd = Math.max(a.end, a.start + 1);
  const bEnd = Math.max(b.end, b.start + 1);
  return a.start < bEnd && b.start < aEnd;
}
