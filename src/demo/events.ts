/** « Événements »: the public programme of the year, with attendance for what already happened. */

import { type Day, day, FRENCH_MONTHS, frDate, frTime, monthOf, nthWeekday, yesNo } from './calendar';
import { ORG } from './cast';
import { SPACE } from './spaces';
import { ACTION } from './strategy';
import type { DemoContext, DemoRecord } from './types';

/** An event as planned: when, where, for whom; `endDay` for an event over several days. */
export interface PlannedEvent {
  title: string;
  day: Day;
  /** Minutes since midnight; null for a whole-day event. */
  start: number | null;
  end: number | null;
  endDay?: Day;
  space: string;
  action: string | null;
  audiences: string;
  partners: string | null;
  organiser: string | null;
  expected: number;
  free: boolean;
}

const h = (hours: number, minutes = 0): number => hours * 60 + minutes;

/** The events of the year: monthly repair cafés and open stages, then the one-off highlights. */
export function plannedEvents(ctx: DemoContext): PlannedEvent[] {
  const y = ctx.year;
  const events: PlannedEvent[] = [];
  for (let m = 1; m <= 12; m++) {
    if (m === 8) continue;
    events.push({
      title: `Repair café de ${FRENCH_MONTHS[m - 1]}`,
      day: nthWeekday(y, m, 6, 1),
      start: h(14),
      end: h(18),
      space: SPACE.hall,
      action: ACTION.repairCafe,
      audiences: 'Tout public',
      partners: ORG.repair,
      organiser: ORG.repair,
      expected: 45,
      free: true,
    });
    if (m !== 7 && m !== 12) {
      events.push({
        title: `Scène ouverte de ${FRENCH_MONTHS[m - 1]}`,
        day: nthWeekday(y, m, 5, 2),
        start: h(20),
        end: h(23),
        space: SPACE.hall,
        action: ACTION.openStage,
        audiences: 'Tout public, Jeunes',
        partners: `${ORG.theatre}, ${ORG.mjc}`,
        organiser: ORG.theatre,
        expected: 70,
        free: true,
      });
    }
  }
  const one = (
    title: string,
    d: Day,
    start: number | null,
    end: number | null,
    space: string,
    action: string | null,
    audiences: string,
    partners: string | null,
    expected: number,
    free = true,
  ): void => {
    events.push({
      title,
      day: d,
      start,
      end,
      space,
      action,
      audiences,
      partners,
      organiser: null,
      expected,
      free,
    });
  };
  one(
    'Galette des habitant·es',
    day(y, 1, 17),
    h(16),
    h(19),
    SPACE.hall,
    ACTION.welcome,
    'Habitant·es du quartier',
    ORG.inhabitants,
    80,
  );
  one(
    'Soirée d’accueil des nouveaux bénévoles (hiver)',
    day(y, 1, 29),
    h(18, 30),
    h(20, 30),
    SPACE.meetingRoom,
    ACTION.volunteering,
    'Adhérent·es',
    null,
    15,
  );
  one(
    'Bal folk avec le Foyer rural',
    day(y, 2, 21),
    h(20, 30),
    h(23, 30),
    SPACE.hall,
    null,
    'Tout public',
    ORG.ruralHome,
    110,
    false,
  );
  one(
    'Conférence «\u00a0Tiers-lieux et transition\u00a0»',
    day(y, 3, 19),
    h(19),
    h(21),
    SPACE.hall,
    null,
    'Tout public, Partenaires',
    ORG.region,
    60,
  );
  one(
    'Troc de graines',
    day(y, 3, 21),
    h(10),
    h(13),
    SPACE.garden,
    ACTION.garden,
    'Habitant·es du quartier, Familles',
    ORG.gardeners,
    40,
  );
  one(
    'Disco soupe de printemps',
    day(y, 4, 11),
    h(11),
    h(15),
    SPACE.kitchen,
    ACTION.kitchen,
    'Familles',
    `${ORG.inhabitants}, ${ORG.bakery}`,
    60,
  );
  one(
    'Vernissage «\u00a0Mémoires de la filature\u00a0»',
    day(y, 4, 24),
    h(18, 30),
    h(21),
    SPACE.hall,
    null,
    'Tout public, Seniors',
    ORG.socialCentre,
    90,
  );
  one(
    'Soirée d’accueil des nouveaux bénévoles (printemps)',
    day(y, 4, 23),
    h(18, 30),
    h(20, 30),
    SPACE.meetingRoom,
    ACTION.volunteering,
    'Adhérent·es',
    null,
    15,
  );
  one(
    'Vélo-parade du quartier',
    day(y, 5, 16),
    h(10),
    h(17),
    SPACE.garden,
    ACTION.bikes,
    'Familles, Enfants',
    ORG.rouage,
    120,
  );
  one(
    'Fête des voisin·es',
    day(y, 5, 29),
    h(18),
    h(22),
    SPACE.garden,
    ACTION.welcome,
    'Habitant·es du quartier',
    `${ORG.inhabitants}, ${ORG.landlord}`,
    150,
  );
  events.push({
    title: 'Faubourg en fête',
    day: day(y, 6, 20),
    endDay: day(y, 6, 21),
    start: null,
    end: null,
    space: SPACE.garden,
    action: ACTION.festival,
    audiences: 'Tout public, Familles, Jeunes',
    partners: `${ORG.inhabitants}, ${ORG.mjc}, ${ORG.theatre}`,
    organiser: null,
    expected: 1500,
    free: true,
  });
  one(
    'Spectacle de fin d’atelier théâtre',
    day(y, 6, 27),
    h(18),
    h(20),
    SPACE.hall,
    ACTION.openStage,
    'Familles, Jeunes',
    `${ORG.theatre}, ${ORG.school}`,
    100,
  );
  one(
    'Apéro-jardin de l’été',
    day(y, 7, 10),
    h(18),
    h(21),
    SPACE.garden,
    ACTION.garden,
    'Habitant·es du quartier',
    ORG.gardeners,
    50,
  );
  one(
    'Forum des associations',
    day(y, 9, 12),
    h(10),
    h(17),
    SPACE.hall,
    ACTION.welcome,
    'Tout public',
    `${ORG.town}, ${ORG.mjc}`,
    300,
  );
  one(
    'Portes ouvertes des ateliers',
    day(y, 9, 19),
    h(10),
    h(18),
    SPACE.woodshop,
    ACTION.woodshop,
    'Tout public',
    ORG.carpentry,
    150,
  );
  one(
    'Soirée d’accueil des nouveaux bénévoles (rentrée)',
    day(y, 9, 24),
    h(18, 30),
    h(20, 30),
    SPACE.meetingRoom,
    ACTION.volunteering,
    'Adhérent·es',
    null,
    20,
  );
  one(
    'Atelier compost au jardin',
    day(y, 10, 10),
    h(10),
    h(12),
    SPACE.garden,
    ACTION.garden,
    'Familles',
    ORG.gardeners,
    25,
  );
  one(
    'Café des parents',
    day(y, 10, 14),
    h(14),
    h(16),
    SPACE.meetingRoom,
    ACTION.kitchen,
    'Familles',
    `${ORG.socialCentre}, ${ORG.caf}`,
    15,
  );
  one(
    'Disco soupe d’Halloween',
    day(y, 10, 31),
    h(15),
    h(19),
    SPACE.kitchen,
    ACTION.kitchen,
    'Familles, Enfants',
    ORG.inhabitants,
    70,
  );
  one(
    'Ciné-débat «\u00a0Les jardins nourriciers\u00a0»',
    day(y, 11, 20),
    h(20),
    h(22, 30),
    SPACE.hall,
    ACTION.garden,
    'Tout public',
    ORG.ruralHome,
    80,
    false,
  );
  one(
    'Café numérique des seniors',
    day(y, 11, 18),
    h(14),
    h(17),
    SPACE.meetingRoom,
    ACTION.digital,
    'Seniors',
    `${ORG.code}, ${ORG.socialCentre}`,
    20,
  );
  one(
    'Marché de Noël des créateur·ices',
    day(y, 12, 12),
    h(10),
    h(19),
    SPACE.hall,
    ACTION.rentals,
    'Tout public',
    ORG.inhabitants,
    400,
  );
  one(
    'Fête de fin d’année',
    day(y, 12, 18),
    h(18),
    h(23),
    SPACE.hall,
    ACTION.welcome,
    'Adhérent·es, Habitant·es du quartier',
    null,
    120,
  );
  return events.sort((a, b) => a.day - b.day);
}

/** Event records: several-day events become one record per day; past ones carry their attendance. */
export function eventRecords(ctx: DemoContext, events: PlannedEvent[]): DemoRecord[] {
  const records: DemoRecord[] = [];
  for (const e of events) {
    const last = e.endDay ?? e.day;
    for (let d = e.day; d <= last; d++) {
      const past = d < ctx.today;
      const suffix = e.endDay === undefined ? '' : ` (${d === e.day ? 'samedi' : 'dimanche'})`;
      const expected = e.endDay === undefined ? e.expected : Math.round(e.expected / 2);
      const attendance = past ? Math.round(expected * (0.7 + ctx.rng.next() * 0.55)) : null;
      records.push({
        title: e.title + suffix,
        date: frDate(d),
        startTime: e.start === null ? frTime(600) : frTime(e.start),
        endTime: e.end === null ? frTime(1320) : frTime(e.end),
        space: e.space,
        action: e.action,
        audiences: e.audiences,
        free: yesNo(e.free),
        expectedAttendance: expected,
        attendance,
        partners: e.partners,
        notes: past ? reviewNote(ctx, attendance ?? 0, expected, monthOf(d)) : null,
      });
    }
  }
  return records;
}

function reviewNote(ctx: DemoContext, attendance: number, expected: number, month: number): string | null {
  if (!ctx.rng.chance(0.5)) return null;
  if (attendance > expected)
    return 'Plus de monde que prévu\u00a0: prévoir plus de bénévoles la prochaine fois.';
  if (month >= 6 && month <= 7) return 'Belle ambiance malgré la chaleur\u00a0; penser aux barnums.';
  return 'Bon déroulé\u00a0; bilan partagé en réunion d’équipe.';
}
