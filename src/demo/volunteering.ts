/** « Bénévoles » and « Heures de bénévolat »: who gives time, for which action, and how much. */

import { demoRotaAvailability } from './rota';
import { day, frDate, frDuration, frMoney, monthOf, weekday, yesNo } from './calendar';
import { VOLUNTEER_NAMES, VOLUNTEERS_WITH_CONTACT } from './cast';
import { slug, fictionalPhone } from './identifiers';
import { ACTION } from './strategy';
import type { DemoContext, DemoRecord } from './types';

const SKILLS = [
  'Accueil, cuisine',
  'Menuiserie, bricolage',
  'Mécanique vélo',
  'Graphisme, réseaux sociaux',
  'Comptabilité',
  'Jardinage',
  'Informatique',
  'Animation avec des enfants',
  'Électricité',
  'Couture, réparation textile',
];

/** What volunteers do: task type, the action it serves, a description and a typical length. */
const TASKS: { taskType: string; action: string | null; what: string; minutes: number[] }[] = [
  {
    taskType: 'Accueil et permanence',
    action: ACTION.welcome,
    what: 'Permanence d’accueil et café',
    minutes: [180, 240],
  },
  {
    taskType: 'Animation d’atelier',
    action: ACTION.repairCafe,
    what: 'Réparations au repair café',
    minutes: [240, 270],
  },
  {
    taskType: 'Animation d’atelier',
    action: ACTION.bikes,
    what: 'Atelier d’autoréparation vélo',
    minutes: [180, 240],
  },
  {
    taskType: 'Animation d’atelier',
    action: ACTION.woodshop,
    what: 'Encadrement de l’atelier bois',
    minutes: [150, 180],
  },
  {
    taskType: 'Animation d’atelier',
    action: ACTION.kitchen,
    what: 'Atelier cuisine anti-gaspi',
    minutes: [150, 210],
  },
  {
    taskType: 'Bricolage et entretien',
    action: ACTION.garden,
    what: 'Entretien du jardin et du compost',
    minutes: [90, 150],
  },
  {
    taskType: 'Communication',
    action: null,
    what: 'Lettre d’information et réseaux sociaux',
    minutes: [60, 120],
  },
  {
    taskType: 'Administration et gestion',
    action: null,
    what: 'Saisie comptable et rapprochement bancaire',
    minutes: [90, 180],
  },
  {
    taskType: 'Gouvernance (CA et bureau)',
    action: null,
    what: 'Réunion du conseil d’administration',
    minutes: [120, 150],
  },
  {
    taskType: 'Animation d’atelier',
    action: ACTION.digital,
    what: 'Aide aux démarches en ligne',
    minutes: [120, 180],
  },
  { taskType: 'Événement', action: ACTION.openStage, what: 'Régie de la scène ouverte', minutes: [240, 300] },
];

const INTERESTS = [
  'Accueil et permanence, Événement',
  'Bricolage et entretien, Animation d’atelier',
  'Animation d’atelier',
  'Communication, Événement',
  'Administration et gestion',
  'Logistique et installation, Événement',
  'Gouvernance (CA et bureau), Administration et gestion',
];

/** A join day drawn after `today` moves back by whole years: nobody joined in the future. */
function joinedBy(today: number, drawn: number): number {
  let d = drawn;
  while (d > today) d -= 365;
  return d;
}

/** Volunteer records. */
export function volunteerRecords(ctx: DemoContext): DemoRecord[] {
  return VOLUNTEER_NAMES.map((name, i) => {
    const status = i < 14 ? 'Actif·ve' : i < 18 ? 'Occasionnel·le' : i === 18 ? 'En pause' : 'Parti·e';
    return {
      fullName: name,
      contact: i < VOLUNTEERS_WITH_CONTACT ? name : null,
      email: `${slug(name)}@example.org`,
      phone: i < VOLUNTEERS_WITH_CONTACT ? null : fictionalPhone(5000 + i * 17, true),
      status,
      since: frDate(
        joinedBy(ctx.today, day(ctx.year - ctx.rng.int(0, 4), ctx.rng.int(1, 12), ctx.rng.int(1, 28))),
      ),
      skills: ctx.rng.sample(SKILLS, 2).join(', '),
      interests: ctx.rng.pick(INTERESTS),
      availability: ctx.rng.pick([
        'Mardi soir',
        'Samedi après-midi',
        'Un samedi par mois',
        'En semaine, le matin',
        'Vendredi soir',
      ]),
      ...demoRotaAvailability(i),
      charterSigned: yesNo(i < 16),
      notes: status === 'Parti·e' ? 'A déménagé en cours d’année.' : null,
    };
  });
}

/**
 * About 150 lines of volunteer hours from January to the story's "today": active volunteers
 * every couple of weeks, occasional ones now and then, none in August's closing fortnight.
 */
export function volunteerHourRecords(ctx: DemoContext, count = 150): DemoRecord[] {
  const records: DemoRecord[] = [];
  const start = day(ctx.year, 1, 6);
  const span = ctx.today - start;
  const active = VOLUNTEER_NAMES.slice(0, 18);
  for (let i = 0; i < count; i++) {
    let d = start + Math.floor((span * i) / count) + ctx.rng.int(0, 3);
    while (weekday(d) === 0 || weekday(d) === 1 || (monthOf(d) === 8 && d >= day(ctx.year, 8, 10))) d -= 1;
    const who = active[ctx.rng.int(0, i % 3 === 0 ? active.length - 1 : 13)];
    const task = TASKS[(i * 7 + ctx.rng.int(0, 2)) % TASKS.length];
    const minutes = ctx.rng.pick(task.minutes);
    records.push({
      date: frDate(d),
      volunteer: who,
      action: task.action,
      taskType: task.taskType,
      description: task.what,
      hours: frDuration(minutes),
    });
  }
  return records;
}

/**
 * « Valorisation du bénévolat »: the value of an hour by kind of task, as a board might set it
 * (equivalent salaried post, charges included). Task types left out use the venue's hourly
 * value (« Paramètres du lieu »).
 */
export const VOLUNTEER_RATES: readonly { taskType: string; hourlyValue: number; basis: string }[] = [
  {
    taskType: 'Animation d’atelier',
    hourlyValue: 18,
    basis: 'Animateur·ice technicien·ne, charges comprises',
  },
  {
    taskType: 'Bricolage et entretien',
    hourlyValue: 16,
    basis: 'Agent d’entretien qualifié, charges comprises',
  },
  {
    taskType: 'Administration et gestion',
    hourlyValue: 20,
    basis: 'Assistant·e de gestion, charges comprises',
  },
  {
    taskType: 'Gouvernance (CA et bureau)',
    hourlyValue: 25,
    basis: 'Direction d’association, charges comprises',
  },
];

/** Records of « Valorisation du bénévolat ». */
export function volunteerRateRecords(): DemoRecord[] {
  return VOLUNTEER_RATES.map((r) => ({
    taskType: r.taskType,
    hourlyValue: frMoney(r.hourlyValue),
    basis: r.basis,
    notes: null,
  }));
}
