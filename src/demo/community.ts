/** « Structures » and « Contacts »: residents, partners, funders, suppliers and their people. */

import { type Day, day, frDate, frMoney, yesNo } from './calendar';
import { ORG, PERSON, VENUE, VOLUNTEER_NAMES, VOLUNTEERS_WITH_CONTACT } from './cast';
import { fictionalPhone, fictionalSiret, slug } from './identifiers';
import { SPACE } from './spaces';
import type { DemoContext, DemoRecord } from './types';

interface StructureSpec {
  name: string;
  kind: string;
  relations: string;
  activity: string;
  /** Key of PERSON of the main contact (a job title follows). */
  contact: keyof typeof PERSON;
  jobTitle: string;
  rna?: boolean;
  siret?: [string, string];
  spaces?: string;
  fee?: number;
  /** Market value of the spaces occupied, per month (the fee is below it: the rest is lent free). */
  rentalValue?: number;
}

const STRUCTURES: StructureSpec[] = [
  {
    name: ORG.rouage,
    kind: 'Association',
    relations: 'Résidente, Adhérente',
    activity: 'Atelier participatif de réparation de vélos, vélo-école pour adultes.',
    contact: 'rouage',
    jobTitle: 'Coordinatrice',
    rna: true,
    siret: ['84125630', '0001'],
    spaces: SPACE.bikeShop,
    fee: 150,
    rentalValue: 450,
  },
  {
    name: ORG.gardeners,
    kind: 'Association',
    relations: 'Résidente, Adhérente',
    activity: 'Jardin partagé en permaculture, troc de graines, compost de quartier.',
    contact: 'gardeners',
    jobTitle: 'Président',
    rna: true,
    spaces: SPACE.garden,
    fee: 30,
  },
  {
    name: ORG.theatre,
    kind: 'Association',
    relations: 'Résidente, Usagère',
    activity: 'Théâtre de rue et ateliers d’expression pour les adolescent·es.',
    contact: 'theatre',
    jobTitle: 'Directrice artistique',
    rna: true,
    siret: ['79033181', '0002'],
    spaces: SPACE.offices,
    fee: 120,
    rentalValue: 260,
  },
  {
    name: ORG.code,
    kind: 'Association',
    relations: 'Résidente, Partenaire',
    activity: 'Médiation numérique, permanences d’aide aux démarches en ligne.',
    contact: 'code',
    jobTitle: 'Médiateur numérique',
    rna: true,
    siret: ['88277102', '0001'],
    spaces: SPACE.offices,
    fee: 180,
  },
  {
    name: ORG.carpentry,
    kind: 'Structure de l’ESS (SCIC, SCOP…)',
    relations: 'Résidente, Partenaire',
    activity: 'SCOP de menuiserie et d’agencement en bois local\u00a0; anime les formations machines.',
    contact: 'carpentry',
    jobTitle: 'Gérant',
    siret: ['90155243', '0001'],
    spaces: `${SPACE.woodshop}, ${SPACE.offices}`,
    fee: 420,
    rentalValue: 900,
  },
  {
    name: ORG.repair,
    kind: 'Association',
    relations: 'Usagère, Partenaire',
    activity: 'Repair café mensuel\u00a0: petit électroménager, textile, informatique.',
    contact: 'repair',
    jobTitle: 'Animatrice bénévole',
    rna: true,
  },
  {
    name: ORG.mjc,
    kind: 'Association d’éducation populaire',
    relations: 'Partenaire',
    activity: 'Maison des jeunes et de la culture du quartier.',
    contact: 'mjc',
    jobTitle: 'Directeur',
    rna: true,
    siret: ['77550127', '0003'],
  },
  {
    name: ORG.socialCentre,
    kind: 'Association d’éducation populaire',
    relations: 'Partenaire, Usagère',
    activity: 'Centre social agréé CAF\u00a0: familles, accompagnement scolaire, sorties.',
    contact: 'socialCentre',
    jobTitle: 'Référente familles',
    rna: true,
  },
  {
    name: ORG.ruralHome,
    kind: 'Association d’éducation populaire',
    relations: 'Partenaire',
    activity: 'Foyer rural des communes voisines\u00a0: bal folk, randonnées, cinéma itinérant.',
    contact: 'ruralHome',
    jobTitle: 'Animateur',
    rna: true,
  },
  {
    name: ORG.town,
    kind: 'Collectivité territoriale',
    relations: 'Financeur, Partenaire',
    activity: 'Propriétaire du bâtiment de l’ancienne filature\u00a0; subvention de fonctionnement.',
    contact: 'town',
    jobTitle: 'Chargée de mission vie associative',
  },
  {
    name: ORG.agglo,
    kind: 'Collectivité territoriale',
    relations: 'Financeur',
    activity: 'Communauté d’agglomération\u00a0: économie sociale et solidaire, transition.',
    contact: 'agglo',
    jobTitle: 'Chargé de mission ESS',
  },
  {
    name: ORG.department,
    kind: 'Collectivité territoriale',
    relations: 'Financeur',
    activity: 'Politique d’insertion et de cohésion sociale.',
    contact: 'department',
    jobTitle: 'Chargée de développement social',
  },
  {
    name: ORG.region,
    kind: 'Collectivité territoriale',
    relations: 'Financeur',
    activity: 'Appel à projets tiers-lieux\u00a0; autorité de gestion du FSE+.',
    contact: 'region',
    jobTitle: 'Chargé de mission tiers-lieux',
  },
  {
    name: ORG.caf,
    kind: 'Autre',
    relations: 'Financeur',
    activity: 'Fonds publics et territoires\u00a0: projets jeunesse et parentalité.',
    contact: 'caf',
    jobTitle: 'Conseillère territoriale',
  },
  {
    name: ORG.state,
    kind: 'Institution ou service de l’État',
    relations: 'Financeur',
    activity: 'Fonds pour le développement de la vie associative (FDVA).',
    contact: 'state',
    jobTitle: 'Conseillère d’éducation populaire',
  },
  {
    name: ORG.foundation,
    kind: 'Fondation',
    relations: 'Financeur',
    activity: 'Fondation fictive soutenant l’alimentation durable et les jardins.',
    contact: 'foundation',
    jobTitle: 'Chargée de programme',
  },
  {
    name: ORG.inhabitants,
    kind: 'Collectif d’habitant·es',
    relations: 'Partenaire, Usagère',
    activity: 'Collectif informel qui organise la fête de quartier et la disco soupe.',
    contact: 'inhabitants',
    jobTitle: 'Membre du collectif',
  },
  {
    name: ORG.bakery,
    kind: 'Entreprise',
    relations: 'Fournisseur',
    activity: 'Boulangerie bio du quartier\u00a0: pain des repas partagés.',
    contact: 'bakery',
    jobTitle: 'Gérante',
    siret: ['85309417', '0001'],
  },
  {
    name: ORG.consultancy,
    kind: 'Entreprise',
    relations: 'Usagère',
    activity: 'Cabinet de formation qui loue la salle de réunion pour ses sessions.',
    contact: 'consultancy',
    jobTitle: 'Formateur',
    siret: ['82044173', '0002'],
  },
  {
    name: ORG.school,
    kind: 'Établissement public',
    relations: 'Partenaire',
    activity: 'Collège du quartier\u00a0: ateliers bois et théâtre avec deux classes de 5e.',
    contact: 'school',
    jobTitle: 'Professeure de technologie',
  },
  {
    name: ORG.landlord,
    kind: 'Établissement public',
    relations: 'Partenaire',
    activity: 'Office public de l’habitat du quartier des Tanneurs.',
    contact: 'landlord',
    jobTitle: 'Responsable de site',
  },
];

/**
 * Structure records. The main contact is left empty: « Structures » and « Contacts » reference
 * each other, and contacts (which name their structure) must come after the structures.
 */
export function structureRecords(ctx: DemoContext): DemoRecord[] {
  return STRUCTURES.map((s, i) => ({
    name: s.name,
    kind: s.kind,
    relations: s.relations,
    activity: s.activity,
    email: `${slug(s.name, '-')}@example.org`,
    phone: fictionalPhone(1000 + i * 37, false),
    website: `https://${slug(s.name, '-')}.example.org`,
    address: i < 6 ? `${VENUE.address}, ${VENUE.postalCode} ${VENUE.city}` : null,
    siret: s.siret ? fictionalSiret(s.siret[0], s.siret[1]) : null,
    rna: s.rna ? `W453${String(4100 + i * 73).padStart(6, '0')}` : null,
    occupiedSpaces: s.spaces ?? null,
    agreementStart: s.fee === undefined ? null : frDate(day(ctx.year - 1, 9, 1)),
    agreementEnd: s.fee === undefined ? null : frDate(agreementEnd(ctx, i)),
    monthlyFee: s.fee === undefined ? null : frMoney(s.fee),
    rentalValue: s.rentalValue === undefined ? null : frMoney(s.rentalValue),
    notes: null,
  }));
}

/** Agreements end at the end of August; one ends in the coming weeks (to renew). */
function agreementEnd(ctx: DemoContext, index: number): Day {
  return index === 2 ? day(ctx.year, 9, 30) : day(ctx.year + 1, 8, 31);
}

/** Monthly fees of the residents, for the operations. */
export function residentFees(): { name: string; fee: number }[] {
  return STRUCTURES.filter((s) => s.fee !== undefined).map((s) => ({ name: s.name, fee: s.fee as number }));
}

const TEAM: { name: string; job: string; roles: string }[] = [
  { name: PERSON.coordinator, job: 'Coordinatrice', roles: 'Salarié·e' },
  { name: PERSON.host, job: 'Chargé d’accueil et de programmation', roles: 'Salarié·e' },
  { name: PERSON.president, job: 'Présidente', roles: 'Membre du CA, Bénévole, Adhérent·e' },
  { name: PERSON.treasurer, job: 'Trésorier', roles: 'Membre du CA, Bénévole, Adhérent·e' },
  { name: PERSON.secretary, job: 'Secrétaire', roles: 'Membre du CA, Bénévole, Adhérent·e' },
  { name: PERSON.boardMember, job: 'Administrateur', roles: 'Membre du CA, Bénévole, Adhérent·e' },
];

/** Contact records: the team, one person per structure, volunteers, a few inhabitants. */
export function contactRecords(ctx: DemoContext): DemoRecord[] {
  const records: DemoRecord[] = [];
  const consentDay = (): string => frDate(day(ctx.year - 1, ctx.rng.int(9, 12), ctx.rng.int(1, 28)));
  const person = (name: string, structure: string | null, job: string | null, roles: string): DemoRecord => {
    const consent = ctx.rng.chance(0.8);
    return {
      fullName: name,
      structure,
      jobTitle: job,
      roles,
      email: `${slug(name)}@example.org`,
      phone: fictionalPhone(records.length * 101 + 7, true),
      postalCode: VENUE.postalCode,
      consent: yesNo(consent),
      consentDate: consent ? consentDay() : null,
      notes: null,
    };
  };
  for (const t of TEAM) records.push(person(t.name, VENUE_ORG, t.job, t.roles));
  for (const s of STRUCTURES) {
    const name = PERSON[s.contact];
    if (records.some((r) => r.fullName === name)) continue;
    const roles = s.kind === 'Collectivité territoriale' ? 'Partenaire, Élu·e' : 'Partenaire';
    records.push(person(name, s.name, s.jobTitle, s.name === ORG.repair ? 'Partenaire, Bénévole' : roles));
  }
  for (const name of VOLUNTEER_NAMES.slice(0, VOLUNTEERS_WITH_CONTACT)) {
    if (records.some((r) => r.fullName === name)) continue;
    records.push(person(name, null, null, 'Bénévole, Adhérent·e, Habitant·e'));
  }
  for (const name of ['Denise Aubert', 'Mehdi Lahlou', 'Chloé Vidal', 'Bruno Texier']) {
    records.push(person(name, ORG.inhabitants, null, 'Habitant·e'));
  }
  return records;
}

/** The venue's own association is not in « Structures »: its people have no structure. */
const VENUE_ORG = null;
