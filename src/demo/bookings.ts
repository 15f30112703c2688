/** « Réservations »: events, meetings, weekly workshops, recurring series and rentals of the year. */

import { type Slot, SpaceAgenda, slot } from './agenda';
import {
  type BookingFields,
  type BookingRecurrence,
  bookingSchedule,
  canonicalExceptions,
  MONTHLY_LAST,
  MONTHLY_RANK,
} from '../domain/bookings/booking-record';
import { dayNumber, occurrencesBetween } from '../domain/bookings/recurrence';
import {
  type Day,
  day,
  frDate,
  frMoney,
  frTime,
  isoDay,
  monthOf,
  nthWeekday,
  weekday,
  weekdaysOfYear,
  yesNo,
} from './calendar';
import { ORG, PERSON } from './cast';
import type { PlannedEvent } from './events';
import type { PlannedMeeting } from './meetings';
import { hourlyRateOf, SPACE } from './spaces';
import type { DemoContext, DemoRecord } from './types';

/** The main contact of an organisation of the cast, if it has one. */
export function contactOf(organisation: string | null): string | null {
  if (organisation === null) return null;
  const key = (Object.keys(ORG) as (keyof typeof ORG)[]).find((k) => ORG[k] === organisation);
  return key !== undefined && key in PERSON ? PERSON[key as keyof typeof PERSON] : null;
}

interface Draft {
  space: string;
  title: string;
  organiser: string | null;
  contact: string | null;
  startDay: Day;
  start: number | null;
  endDay: Day | null;
  end: number | null;
  recurrence: BookingRecurrence;
  until: Day | null;
  /** Schema 5: « Jours de la semaine », « Intervalle », « Nombre de fois », « Dates exclues ». */
  weekdays?: string;
  interval?: number;
  count?: number;
  exceptions?: Day[];
  status: string;
  visibility: 'Publique' | 'Privée';
  expected: number | null;
  price: number | null;
  paid: boolean | null;
  notes: string | null;
}

/** Builds bookings in priority order, each one checked against the agenda of its space. */
class BookingBook {
  readonly agenda = new SpaceAgenda();
  readonly drafts: Draft[] = [];

  constructor(private readonly ctx: DemoContext) {}

  /** Slots a draft occupies: every occurrence of a recurring booking until its last date. */
  static slots(d: Draft): Slot[] {
    const startMin = d.start ?? 0;
    const endMin = d.end ?? 1440;
    const lastDay = d.endDay ?? d.startDay;
    if (d.count !== undefined || d.weekdays !== undefined || d.exceptions !== undefined) {
      // The richer kinds (schema 5): the domain's own expansion, as conflicts and Calendar see them.
      const schedule = bookingSchedule(scheduleFields(d));
      if (!schedule) throw new Error(`demo booking « ${d.title} » has an invalid rule`);
      const to = isoDay(d.until ?? d.startDay + 400);
      return occurrencesBetween(schedule, isoDay(d.startDay), to).map((o) =>
        slot(dayNumber(o.startDate), startMin, dayNumber(o.endDate), endMin),
      );
    }
    if (d.recurrence === 'Aucune' || d.until === null) return [slot(d.startDay, startMin, lastDay, endMin)];
    const step = d.recurrence === 'Chaque semaine' ? 7 : 14;
    const out: Slot[] = [];
    for (let k = 0; d.startDay + k * step <= d.until; k++) {
      out.push(slot(d.startDay + k * step, startMin, lastDay + k * step, endMin));
    }
    return out;
  }

  /**
   * Adds a draft. A blocking one (Confirmée, Option) that would overlap becomes a mere request
   * (`Demande`) when `demote`, and is dropped otherwise. Returns whether it was kept as asked.
   */
  add(d: Draft, demote: boolean): boolean {
    const blocking = d.status === 'Confirmée' || d.status === 'Option';
    if (!blocking || this.agenda.reserve(d.space, BookingBook.slots(d))) {
      this.drafts.push(d);
      return true;
    }
    if (demote)
      this.drafts.push({
        ...d,
        status: 'Demande',
        paid: null,
        notes: 'Créneau déjà pris\u00a0: à replacer.',
      });
    return false;
  }

  /** Status of a booking on day `d`: past ones happened (or were cancelled), future ones are firm or pending. */
  status(d: Day, cancelRate: number): string {
    const r = this.ctx.rng.next();
    if (r < cancelRate) return 'Annulée';
    if (d < this.ctx.today) return 'Confirmée';
    return r < 0.8 ? 'Confirmée' : r < 0.92 ? 'Option' : 'Demande';
  }
}

/** A draft as the fields booking-record.ts reads (ISO dates, `HH:mm` times). */
function scheduleFields(d: Draft): BookingFields {
  return {
    startDate: isoDay(d.startDay),
    startTime: d.start === null ? undefined : frTime24(d.start),
    endDate: d.endDay === null ? undefined : isoDay(d.endDay),
    endTime: d.end === null ? undefined : frTime24(d.end),
    recurrence: d.recurrence,
    recurrenceUntil: d.until === null ? undefined : isoDay(d.until),
    recurrenceWeekdays: d.weekdays,
    recurrenceInterval: d.interval,
    recurrenceCount: d.count,
    recurrenceExceptions: d.exceptions ? canonicalExceptions(d.exceptions.map(isoDay)) : undefined,
  };
}

const frTime24 = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const base = (over: Partial<Draft> & Pick<Draft, 'space' | 'title' | 'startDay' | 'status'>): Draft => ({
  organiser: null,
  contact: null,
  start: null,
  endDay: null,
  end: null,
  recurrence: 'Aucune',
  until: null,
  visibility: 'Publique',
  expected: null,
  price: null,
  paid: null,
  notes: null,
  ...over,
});

/** True when the venue is closed: New Year's first days, from 10 August to the end of August, Christmas. */
function closed(ctx: DemoContext, d: Day): boolean {
  if (d < day(ctx.year, 1, 5) || d >= day(ctx.year, 12, 21)) return true;
  return monthOf(d) === 8 && d >= day(ctx.year, 8, 10);
}

/** All the bookings of the year (about 250 rows). */
export function bookingRecords(
  ctx: DemoContext,
  events: PlannedEvent[],
  meetings: PlannedMeeting[],
): DemoRecord[] {
  const book = new BookingBook(ctx);
  const y = ctx.year;
  for (const e of events) {
    book.add(
      base({
        space: e.space,
        title: e.title,
        organiser: e.organiser,
        contact: contactOf(e.organiser) ?? PERSON.host,
        startDay: e.day,
        start: e.start,
        endDay: e.endDay ?? null,
        end: e.end,
        status: 'Confirmée',
        expected: e.expected,
      }),
      true,
    );
  }
  for (const m of meetings) {
    book.add(
      base({
        space: m.space,
        title: m.title,
        contact: PERSON.coordinator,
        startDay: m.day,
        start: m.start,
        end: m.start + m.minutes,
        status: 'Confirmée',
        visibility: m.type === 'Réunion publique' || m.type === 'Assemblée générale' ? 'Publique' : 'Privée',
      }),
      true,
    );
  }
  addSeries(ctx, book);
  addWorkshops(ctx, book, 2, SPACE.woodshop, 'Atelier bois partagé', ORG.carpentry, 18 * 60, 21 * 60, 1);
  addWorkshops(
    ctx,
    book,
    3,
    SPACE.bikeShop,
    'Atelier vélo en autoréparation',
    ORG.rouage,
    14 * 60,
    18 * 60,
    1,
  );
  addWorkshops(
    ctx,
    book,
    4,
    SPACE.kitchen,
    'Atelier cuisine anti-gaspi',
    ORG.socialCentre,
    14 * 60,
    17 * 60,
    2,
  );
  addRentals(ctx, book, day(y, 1, 5), ctx.today + 120);
  addRicherSeries(ctx, book);
  return book.drafts
    .sort((a, b) => a.startDay - b.startDay || (a.start ?? 0) - (b.start ?? 0))
    .map((d) => ({
      space: d.space,
      title: d.title,
      organiser: d.organiser,
      contact: d.contact,
      startDate: frDate(d.startDay),
      startTime: d.start === null ? null : frTime(d.start),
      endDate: d.endDay === null ? null : frDate(d.endDay),
      endTime: d.end === null ? null : frTime(d.end),
      recurrence: d.recurrence,
      recurrenceUntil: d.until === null ? null : frDate(d.until),
      recurrenceWeekdays: d.weekdays ?? null,
      recurrenceInterval: d.interval === undefined ? null : String(d.interval),
      recurrenceCount: d.count === undefined ? null : String(d.count),
      recurrenceExceptions: d.exceptions ? canonicalExceptions(d.exceptions.map(isoDay)) : null,
      status: d.status,
      visibility: d.visibility,
      expectedAttendance: d.expected,
      price: d.price === null ? null : frMoney(d.price),
      paid: d.paid === null ? null : yesNo(d.paid),
      notes: d.notes,
    }));
}

/** Three recurring series typed once with a recurrence rule. */
function addSeries(ctx: DemoContext, book: BookingBook): void {
  const y = ctx.year;
  const firstOf = (month: number, dow: number, from = 1): Day => {
    let d = day(y, month, from);
    while (weekday(d) !== dow) d++;
    return d;
  };
  book.add(
    base({
      space: SPACE.hall,
      title: 'Répétitions de la Compagnie du Grand Dehors',
      organiser: ORG.theatre,
      contact: PERSON.theatre,
      startDay: firstOf(1, 1, 5),
      start: 19 * 60,
      end: 22 * 60,
      recurrence: 'Chaque semaine',
      until: day(y, 6, 29),
      status: 'Confirmée',
      visibility: 'Privée',
      expected: 12,
    }),
    true,
  );
  book.add(
    base({
      space: SPACE.meetingRoom,
      title: 'Permanence numérique',
      organiser: ORG.code,
      contact: PERSON.code,
      startDay: firstOf(1, 3, 7),
      start: 9 * 60 + 30,
      end: 12 * 60,
      recurrence: 'Chaque semaine',
      until: day(y, 12, 16),
      status: 'Confirmée',
      expected: 6,
    }),
    true,
  );
  book.add(
    base({
      space: SPACE.hall,
      title: 'Yoga doux du Foyer rural',
      organiser: ORG.ruralHome,
      contact: PERSON.ruralHome,
      startDay: firstOf(9, 4, 10),
      start: 18 * 60 + 30,
      end: 20 * 60,
      recurrence: 'Toutes les deux semaines',
      until: day(y, 12, 17),
      status: 'Option',
      expected: 15,
      price: 22.5,
      notes: 'Tarif par séance, facturé au trimestre.',
    }),
    true,
  );
}

/** One booking per session of a weekly (or fortnightly) workshop; sessions that clash are skipped. */
function addWorkshops(
  ctx: DemoContext,
  book: BookingBook,
  dow: number,
  space: string,
  title: string,
  organiser: string,
  start: number,
  end: number,
  everyWeeks: number,
): void {
  const days = weekdaysOfYear(ctx.year, dow).filter((d, i) => i % everyWeeks === 0 && !closed(ctx, d));
  for (const d of days) {
    const status = book.status(d, 0.05);
    book.add(
      base({
        space,
        title,
        organiser,
        contact: contactOf(organiser),
        startDay: d,
        start,
        end,
        status,
        expected: ctx.rng.int(6, 12),
        notes: status === 'Annulée' ? 'Séance annulée (animateur·ice absent·e).' : null,
      }),
      false,
    );
  }
}

const RENTALS: {
  title: string;
  space: string;
  organiser: string | null;
  dows: number[];
  start: number;
  end: number;
  expected: [number, number];
  count: number;
  wholeDay?: boolean;
}[] = [
  {
    title: 'Formation Arpège Conseil',
    space: SPACE.meetingRoom,
    organiser: ORG.consultancy,
    dows: [1, 5],
    start: 540,
    end: 1020,
    expected: [8, 14],
    count: 10,
  },
  {
    title: 'Atelier parents-enfants du centre social',
    space: SPACE.kitchen,
    organiser: ORG.socialCentre,
    dows: [6],
    start: 600,
    end: 720,
    expected: [10, 15],
    count: 7,
  },
  {
    title: 'Stage de danse de la MJC',
    space: SPACE.hall,
    organiser: ORG.mjc,
    dows: [0],
    start: 600,
    end: 1020,
    expected: [20, 35],
    count: 6,
  },
  {
    title: 'Anniversaire privé',
    space: SPACE.hall,
    organiser: null,
    dows: [6],
    start: 1080,
    end: 1380,
    expected: [30, 60],
    count: 7,
  },
  {
    title: 'Repas solidaire du collectif',
    space: SPACE.kitchen,
    organiser: ORG.inhabitants,
    dows: [5],
    start: 1080,
    end: 1320,
    expected: [20, 40],
    count: 6,
  },
  {
    title: 'Assemblée d’une association adhérente',
    space: SPACE.meetingRoom,
    organiser: null,
    dows: [4],
    start: 1110,
    end: 1260,
    expected: [10, 20],
    count: 6,
  },
  {
    title: 'Prêt de la sono',
    space: SPACE.equipment,
    organiser: null,
    dows: [6],
    start: 0,
    end: 0,
    expected: [0, 0],
    count: 8,
    wholeDay: true,
  },
  {
    title: 'Réunion de chantier Valmoret Habitat',
    space: SPACE.meetingRoom,
    organiser: ORG.landlord,
    dows: [2],
    start: 600,
    end: 720,
    expected: [6, 10],
    count: 4,
  },
  {
    title: 'Classe de 5e à l’atelier bois',
    space: SPACE.woodshop,
    organiser: ORG.school,
    dows: [4],
    start: 840,
    end: 960,
    expected: [14, 14],
    count: 6,
  },
];

const ADHERENTS = [ORG.rouage, ORG.gardeners, ORG.repair, ORG.ruralHome];

/** One-off rentals and loans spread over the year; each is placed on a free slot or dropped. */
function addRentals(ctx: DemoContext, book: BookingBook, from: Day, to: Day): void {
  for (const r of RENTALS) {
    let placed = 0;
    for (let attempt = 0; placed < r.count && attempt < r.count * 6; attempt++) {
      let d = from + ctx.rng.int(0, to - from);
      while (!r.dows.includes(weekday(d))) d++;
      if (closed(ctx, d)) continue;
      const organiser = r.organiser ?? (r.title === 'Anniversaire privé' ? null : ctx.rng.pick(ADHERENTS));
      const status = book.status(d, 0.08);
      const hours = (r.end - r.start) / 60;
      const rate = hourlyRateOf(r.space);
      const price = r.wholeDay ? 40 : organiser === ORG.school ? 0 : Math.round(hours * rate * 100) / 100;
      const kept = book.add(
        base({
          space: r.space,
          title: r.title,
          organiser,
          contact: contactOf(organiser) ?? PERSON.host,
          startDay: d,
          start: r.wholeDay ? null : r.start,
          end: r.wholeDay ? null : r.end,
          status,
          visibility: 'Privée',
          expected: r.wholeDay ? null : ctx.rng.int(r.expected[0], r.expected[1]),
          price,
          paid: status === 'Confirmée' && price > 0 ? d < ctx.today : null,
          notes: status === 'Annulée' ? 'Annulée par l’organisateur·ice, acompte remboursé.' : null,
        }),
        false,
      );
      if (kept) placed++;
    }
  }
}

/**
 * Series using the recurrences of schema 5, so the playground shows them: added last and without
 * drawing from the seeded generator, so every booking before them stays as it was.
 */
function addRicherSeries(ctx: DemoContext, book: BookingBook): void {
  const y = ctx.year;
  const gymStart = nthWeekday(y, 1, 1, 2);
  book.add(
    base({
      space: SPACE.meetingRoom,
      title: 'Gym douce des aîné·es',
      organiser: ORG.socialCentre,
      contact: contactOf(ORG.socialCentre),
      startDay: gymStart,
      start: 8 * 60,
      end: 9 * 60,
      recurrence: 'Chaque semaine',
      weekdays: 'lun, jeu',
      until: day(y, 6, 25),
      // The winter school holidays: no session that week.
      exceptions: [nthWeekday(y, 2, 1, 3), nthWeekday(y, 2, 1, 3) + 3],
      status: 'Confirmée',
      expected: 10,
    }),
    true,
  );
  book.add(
    base({
      space: SPACE.bikeShop,
      title: 'Repair café du 2e samedi',
      organiser: ORG.repair,
      contact: contactOf(ORG.repair),
      startDay: nthWeekday(y, 1, 6, 2),
      start: 9 * 60,
      end: 12 * 60,
      recurrence: MONTHLY_RANK,
      count: 11,
      // August: the venue closes from the 10th; the 2nd Saturday is skipped all the same.
      exceptions: [nthWeekday(y, 8, 6, 2)],
      status: 'Confirmée',
      expected: 25,
    }),
    true,
  );
  const lastFriday = (() => {
    let d = day(y, 2, 1) - 1;
    while (weekday(d) !== 5) d--;
    return d;
  })();
  book.add(
    base({
      space: SPACE.hall,
      title: 'Ciné-club du dernier vendredi',
      organiser: ORG.mjc,
      contact: contactOf(ORG.mjc),
      startDay: lastFriday,
      start: 20 * 60 + 30,
      end: 30,
      recurrence: MONTHLY_LAST,
      count: 10,
      status: 'Confirmée',
      expected: 40,
    }),
    true,
  );
  book.add(
    base({
      space: SPACE.kitchen,
      title: 'Stage cuisine des vacances de printemps',
      organiser: ORG.socialCentre,
      contact: contactOf(ORG.socialCentre),
      startDay: nthWeekday(y, 4, 1, 3),
      start: 14 * 60,
      end: 17 * 60,
      recurrence: 'Chaque jour',
      count: 5,
      status: 'Confirmée',
      expected: 12,
    }),
    true,
  );
}
