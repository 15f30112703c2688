/**
 * « Ouverture et fermeture » of the demo venue: the hand-typed history of the fortnight before
 * the story's week (safety.ts), then the story's week proposed by `proposeRota` from the demo's
 * opening hours, confirmed bookings and volunteers' availability, as a coordinator would have
 * got it with « Proposer le planning de la semaine ». The week after is left for that button.
 * The demo loader writes only what a person could type, so these lines carry no fingerprint:
 * Pilote keeps them as a person's lines.
 */
import { readDate, readTime } from '../domain/date-input';
import { parseOpeningHours, type WeekdayIndex } from '../domain/rota/opening-hours';
import { mondayOf, proposeRota, type RotaBooking, type RotaPerson } from '../domain/rota/propose';
import { frDate, frTime, isoDay } from './calendar';
import type { DemoContext, DemoRecord, DemoValue } from './types';

const text = (v: DemoValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

/** The availability the demo's volunteers ticked (with a contact record: the rota needs one). */
export function demoRotaAvailability(index: number): {
  rotaShifts: string | null;
  rotaWeekdays: string | null;
} {
  if (index >= 12) return { rotaShifts: null, rotaWeekdays: null };
  const shifts = ['Ouverture, Fermeture', 'Ouverture', 'Fermeture, Permanence'][index % 3];
  const open = ['mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
  const days = [open[index % 5], open[(index + 2) % 5]];
  if (index % 4 === 0 && !days.includes('samedi')) days.push('samedi');
  days.sort((a, b) => open.indexOf(a) - open.indexOf(b));
  return { rotaShifts: shifts, rotaWeekdays: days.join(', ') };
}

function isoOrNull(value: DemoValue | undefined, read: (s: string) => string | null): string | undefined {
  const s = text(value);
  return s === undefined ? undefined : (read(s) ?? undefined);
}

/** A count or interval of the demo's text, as the sheet stores it (absent: undefined). */
function numberOrUndefined(v: unknown): number | undefined {
  return v === null || v === undefined || v === '' ? undefined : Number(v);
}

/** The rota's records: `history` before the story's week, the story's week as proposed. */
export function demoRotaRecords(
  ctx: DemoContext,
  history: readonly DemoRecord[],
  openingHours: string,
  bookings: readonly DemoRecord[],
  volunteers: readonly DemoRecord[],
): DemoRecord[] {
  const monday = mondayOf(isoDay(ctx.today));
  const hours = parseOpeningHours(openingHours);
  if (!hours.ok) throw new Error(`demo opening hours unreadable: ${hours.problem.code}`);
  const rotaBookings: RotaBooking[] = bookings.map((b) => ({
    status: b.status,
    startDate: isoOrNull(b.startDate, readDate),
    startTime: isoOrNull(b.startTime, readTime),
    endDate: isoOrNull(b.endDate, readDate),
    endTime: isoOrNull(b.endTime, readTime),
    recurrence: b.recurrence,
    recurrenceUntil: isoOrNull(b.recurrenceUntil, readDate),
    // Schema 5: the richer recurrences (text and numbers, read as the sheet stores them).
    recurrenceWeekdays: b.recurrenceWeekdays,
    recurrenceInterval: numberOrUndefined(b.recurrenceInterval),
    recurrenceCount: numberOrUndefined(b.recurrenceCount),
    recurrenceExceptions: b.recurrenceExceptions,
  }));
  const names = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
  const people: RotaPerson[] = volunteers.flatMap((v) => {
    const contact = text(v.contact);
    const shifts = text(v.rotaShifts);
    const days = text(v.rotaWeekdays);
    if (!contact || !shifts || !days) return [];
    return [
      {
        name: contact,
        shifts: shifts.split(', '),
        weekdays: days.split(', ').map((d) => names.indexOf(d) as WeekdayIndex),
      },
    ];
  });
  const proposal = proposeRota({
    weekOf: monday,
    openingHours: hours.hours,
    bookings: rotaBookings,
    people,
    existing: [],
  });
  const before = history.filter((r) => {
    const iso = readDate(String(r.date));
    return iso !== null && iso < monday;
  });
  const minutes = (hhmm: string | null) =>
    hhmm === null ? null : frTime(Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));
  const dayOf = (iso: string) =>
    Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
  return [
    ...before,
    // A shift nobody can take stays out of the demo (its person is required): seen from some days
    // (a Monday evening in March, during the weekly rehearsals) the proposal leaves one empty.
    ...proposal.lines
      .filter((l) => l.person !== null)
      .map((l) => ({
        date: frDate(dayOf(l.date)),
        shift: l.shift,
        startTime: minutes(l.startTime),
        endTime: minutes(l.endTime),
        person: l.person,
        backup: null,
        done: null,
        notes: l.notes,
      })),
  ];
}
