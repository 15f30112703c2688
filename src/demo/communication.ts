/** « Communication »: what the venue announces, on which channel, to whom and when. */

import { type Day, day, FRENCH_MONTHS, frDate } from './calendar';
import { PERSON } from './cast';
import type { PlannedEvent } from './events';
import { ACTION } from './strategy';
import type { DemoContext, DemoRecord } from './types';

const CHANNELS = [
  'Réseaux sociaux',
  'Lettre d’information',
  'Affiche ou flyer',
  'Agenda partagé',
  'Site web',
];

/**
 * About 20 publications: announcements of the main events (published before "today",
 * scheduled or still to write after), the monthly newsletter, a press release, one cancelled.
 */
export function communicationRecords(ctx: DemoContext, events: PlannedEvent[]): DemoRecord[] {
  const records: DemoRecord[] = [];
  const status = (d: Day): string => {
    if (d < ctx.today) return 'Publiée';
    if (d < ctx.today + 10) return 'Programmée';
    if (d < ctx.today + 30) return 'À valider';
    return d < ctx.today + 60 ? 'À rédiger' : 'Idée';
  };
  const highlights = events.filter(
    (e) => !e.title.startsWith('Repair café') && !e.title.startsWith('Scène ouverte'),
  );
  for (const e of highlights.filter((_, i) => i % 2 === 0).slice(0, 12)) {
    const d = e.day - 10;
    const title = e.endDay === undefined ? e.title : `${e.title} (samedi)`;
    records.push({
      subject: `Annonce\u00a0: ${e.title}`,
      action: e.action,
      event: title,
      channel: ctx.rng.pick(CHANNELS),
      audiences: e.audiences,
      date: frDate(d),
      status: status(d),
      owner: ctx.rng.chance(0.6) ? PERSON.host : PERSON.secretary,
      link: d < ctx.today ? `https://fabrique-des-possibles.example.org/agenda/${records.length + 1}` : null,
    });
  }
  for (const m of [1, 3, 5, 6, 9, 10, 11]) {
    const d = day(ctx.year, m, 1) + 2;
    records.push({
      subject: `Lettre d’information de ${FRENCH_MONTHS[m - 1]}`,
      action: null,
      event: null,
      channel: 'Lettre d’information',
      audiences: 'Adhérent·es, Habitant·es du quartier',
      date: frDate(d),
      status: status(d),
      owner: PERSON.host,
      link: null,
    });
  }
  records.push({
    subject: 'Communiqué de presse\u00a0: bilan de Faubourg en fête',
    action: ACTION.festival,
    event: null,
    channel: 'Presse',
    audiences: 'Tout public',
    date: frDate(day(ctx.year, 6, 25)),
    status: 'Publiée',
    owner: PERSON.coordinator,
    link: null,
  });
  records.push({
    subject: 'Appel à bénévoles pour la rentrée',
    action: ACTION.volunteering,
    event: null,
    channel: 'Panneau d’affichage',
    audiences: 'Habitant·es du quartier',
    date: frDate(ctx.today + 3),
    status: 'Programmée',
    owner: PERSON.secretary,
    link: null,
  });
  records.push({
    subject: 'Émission sur la radio locale',
    action: ACTION.repairCafe,
    event: null,
    channel: 'Radio locale',
    audiences: 'Tout public',
    date: frDate(day(ctx.year, 4, 8)),
    status: 'Annulée',
    owner: PERSON.repair,
    link: null,
  });
  return records;
}
