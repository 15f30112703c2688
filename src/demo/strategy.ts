/** « Axes et objectifs », « Actions » and « Indicateurs »: the project of the venue for the year. */

import { type Day, day, frDate } from './calendar';
import { ORG, PERSON } from './cast';
import type { DemoContext, DemoRecord } from './types';

/** The three strategic axes. */
export const AXIS = {
  welcome: 'Faire lieu commun dans le quartier',
  transition: 'Apprendre, fabriquer, réparer',
  cooperation: 'Coopérer sur le territoire',
} as const;

/** Objectives (« Axes et objectifs » labels). */
export const OBJECTIVE = {
  open: 'Ouvrir le lieu à tous les habitant·es',
  engage: 'Faciliter l’engagement bénévole',
  digital: 'Réduire la fracture numérique',
  repair: 'Allonger la vie des objets',
  skills: 'Transmettre les savoir-faire manuels',
  food: 'Cultiver et cuisiner local',
  residents: 'Accompagner les structures résidentes',
  culture: 'Animer la vie culturelle du quartier',
  model: 'Consolider le modèle économique',
} as const;

/** Actions (« Actions » labels). */
export const ACTION = {
  welcome: 'Accueil et permanences',
  volunteering: 'Parcours d’accueil des bénévoles',
  digital: 'Permanences numériques',
  repairCafe: 'Repair café mensuel',
  bikes: 'Atelier vélo solidaire',
  woodshop: 'Atelier bois partagé',
  kitchen: 'Cuisine anti-gaspi',
  garden: 'Jardin partagé',
  residents: 'Hébergement des structures résidentes',
  festival: 'Festival Faubourg en fête',
  openStage: 'Scènes ouvertes',
  rentals: 'Location des espaces',
  solarRoof: 'Toiture solaire citoyenne',
  foodCoop: 'Épicerie participative',
} as const;

interface ObjectiveSpec {
  axis: string;
  code: string;
  objective: string;
  outcome: string;
  status: string;
}

const OBJECTIVES: ObjectiveSpec[] = [
  {
    axis: AXIS.welcome,
    code: 'A1.1',
    objective: OBJECTIVE.open,
    outcome: '4 000 passages par an, dont la moitié d’habitant·es du quartier.',
    status: 'En cours',
  },
  {
    axis: AXIS.welcome,
    code: 'A1.2',
    objective: OBJECTIVE.engage,
    outcome: '30 bénévoles actif·ves, une charte signée par chacun·e.',
    status: 'En cours',
  },
  {
    axis: AXIS.welcome,
    code: 'A1.3',
    objective: OBJECTIVE.digital,
    outcome: '300 accompagnements aux démarches en ligne.',
    status: 'Partiellement atteint',
  },
  {
    axis: AXIS.transition,
    code: 'A2.1',
    objective: OBJECTIVE.repair,
    outcome: '1 tonne d’objets réparés plutôt que jetés.',
    status: 'En cours',
  },
  {
    axis: AXIS.transition,
    code: 'A2.2',
    objective: OBJECTIVE.skills,
    outcome: '150 personnes formées aux machines et aux outils.',
    status: 'En cours',
  },
  {
    axis: AXIS.transition,
    code: 'A2.3',
    objective: OBJECTIVE.food,
    outcome: 'Un repas partagé par mois avec les légumes du jardin.',
    status: 'En cours',
  },
  {
    axis: AXIS.cooperation,
    code: 'A3.1',
    objective: OBJECTIVE.residents,
    outcome: 'Six structures résidentes, une réunion des résident·es par trimestre.',
    status: 'Atteint',
  },
  {
    axis: AXIS.cooperation,
    code: 'A3.2',
    objective: OBJECTIVE.culture,
    outcome: 'Un temps fort par trimestre coorganisé avec les partenaires.',
    status: 'En cours',
  },
  {
    axis: AXIS.cooperation,
    code: 'A3.3',
    objective: OBJECTIVE.model,
    outcome: '30 % de ressources propres (locations, cotisations, prestations).',
    status: 'En cours',
  },
];

/** Objective records. */
export function objectiveRecords(ctx: DemoContext): DemoRecord[] {
  return OBJECTIVES.map((o) => ({
    axis: o.axis,
    code: o.code,
    objective: o.objective,
    description: null,
    expectedOutcome: o.outcome,
    horizon: o.code === 'A3.3' ? ctx.year + 2 : ctx.year + 1,
    status: o.status,
  }));
}

interface ActionSpec {
  title: string;
  objective: string;
  description: string;
  audience: string;
  lead: string;
  partners: string | null;
  status: string;
  progress: number;
  code: string;
  /** Months (1-12) of start and end within the year; end 0 = none. */
  months: [number, number];
}

const ACTIONS: ActionSpec[] = [
  {
    title: ACTION.welcome,
    objective: OBJECTIVE.open,
    description: 'Ouverture du lieu du mardi au samedi, café à prix libre, orientation des visiteur·ses.',
    audience: 'Tout public',
    lead: PERSON.host,
    partners: null,
    status: 'En cours',
    progress: 0.65,
    code: 'ACC',
    months: [1, 12],
  },
  {
    title: ACTION.volunteering,
    objective: OBJECTIVE.engage,
    description: 'Soirée d’accueil trimestrielle, binômes, charte et attestations de bénévolat.',
    audience: 'Bénévoles',
    lead: PERSON.secretary,
    partners: ORG.state,
    status: 'En cours',
    progress: 0.5,
    code: 'BEN',
    months: [1, 12],
  },
  {
    title: ACTION.digital,
    objective: OBJECTIVE.digital,
    description: 'Permanences hebdomadaires d’aide aux démarches en ligne avec Graines de Code.',
    audience: 'Seniors, personnes éloignées du numérique',
    lead: PERSON.code,
    partners: `${ORG.code}, ${ORG.socialCentre}`,
    status: 'En cours',
    progress: 0.6,
    code: 'NUM',
    months: [1, 12],
  },
  {
    title: ACTION.repairCafe,
    objective: OBJECTIVE.repair,
    description: 'Un samedi par mois, des bénévoles réparent avec les habitant·es.',
    audience: 'Tout public',
    lead: PERSON.repair,
    partners: ORG.repair,
    status: 'En cours',
    progress: 0.7,
    code: 'REP',
    months: [1, 12],
  },
  {
    title: ACTION.bikes,
    objective: OBJECTIVE.repair,
    description: 'Autoréparation, vélo-école et remise en état de vélos donnés.',
    audience: 'Jeunes, adultes',
    lead: PERSON.rouage,
    partners: ORG.rouage,
    status: 'En cours',
    progress: 0.55,
    code: 'VEL',
    months: [1, 12],
  },
  {
    title: ACTION.woodshop,
    objective: OBJECTIVE.skills,
    description: 'Formations machines, créneaux d’atelier libre et projets avec le collège.',
    audience: 'Adhérent·es, collégien·nes',
    lead: PERSON.carpentry,
    partners: `${ORG.carpentry}, ${ORG.school}`,
    status: 'En cours',
    progress: 0.6,
    code: 'BOI',
    months: [1, 12],
  },
  {
    title: ACTION.kitchen,
    objective: OBJECTIVE.food,
    description: 'Ateliers de cuisine avec les invendus du quartier et repas partagés.',
    audience: 'Familles',
    lead: PERSON.host,
    partners: `${ORG.socialCentre}, ${ORG.bakery}`,
    status: 'En cours',
    progress: 0.45,
    code: 'CUI',
    months: [2, 12],
  },
  {
    title: ACTION.garden,
    objective: OBJECTIVE.food,
    description: 'Jardin partagé, troc de graines et compost de quartier.',
    audience: 'Habitant·es du quartier',
    lead: PERSON.gardeners,
    partners: `${ORG.gardeners}, ${ORG.landlord}`,
    status: 'En cours',
    progress: 0.7,
    code: 'JAR',
    months: [3, 11],
  },
  {
    title: ACTION.residents,
    objective: OBJECTIVE.residents,
    description: 'Conventions d’occupation, réunion trimestrielle des résident·es, mutualisation.',
    audience: 'Structures résidentes',
    lead: PERSON.coordinator,
    partners: null,
    status: 'En cours',
    progress: 0.75,
    code: 'RES',
    months: [1, 12],
  },
  {
    title: ACTION.festival,
    objective: OBJECTIVE.culture,
    description: 'Deux jours de fête dans la cour et la halle, coorganisés avec le quartier.',
    audience: 'Tout public',
    lead: PERSON.coordinator,
    partners: `${ORG.inhabitants}, ${ORG.mjc}, ${ORG.theatre}`,
    status: 'Terminée',
    progress: 1,
    code: 'FES',
    months: [2, 7],
  },
  {
    title: ACTION.openStage,
    objective: OBJECTIVE.culture,
    description: 'Un vendredi par mois, scène ouverte aux talents du quartier.',
    audience: 'Jeunes, tout public',
    lead: PERSON.theatre,
    partners: `${ORG.theatre}, ${ORG.mjc}`,
    status: 'En cours',
    progress: 0.6,
    code: 'SCE',
    months: [1, 12],
  },
  {
    title: ACTION.rentals,
    objective: OBJECTIVE.model,
    description: 'Location de la halle et de la salle de réunion aux structures et entreprises.',
    audience: 'Structures, entreprises',
    lead: PERSON.coordinator,
    partners: null,
    status: 'En cours',
    progress: 0.55,
    code: 'LOC',
    months: [1, 12],
  },
  {
    title: ACTION.solarRoof,
    objective: OBJECTIVE.model,
    description: 'Étude d’une toiture photovoltaïque portée par une société citoyenne.',
    audience: 'Habitant·es, partenaires',
    lead: PERSON.treasurer,
    partners: ORG.agglo,
    status: 'En préparation',
    progress: 0.1,
    code: 'SOL',
    months: [10, 0],
  },
  {
    title: ACTION.foodCoop,
    objective: OBJECTIVE.food,
    description: 'Groupement d’achat de produits secs en vrac, mis en pause faute de local de stockage.',
    audience: 'Adhérent·es',
    lead: PERSON.boardMember,
    partners: null,
    status: 'Suspendue',
    progress: 0.2,
    code: 'EPI',
    months: [3, 0],
  },
];

/** Action records. */
export function actionRecords(ctx: DemoContext): DemoRecord[] {
  return ACTIONS.map((a) => {
    const objective = OBJECTIVES.find((o) => o.objective === a.objective) as ObjectiveSpec;
    return {
      title: a.title,
      axis: objective.axis,
      objective: a.objective,
      description: a.description,
      targetAudience: a.audience,
      lead: a.lead,
      partners: a.partners,
      startDate: frDate(day(ctx.year, a.months[0], 1)),
      endDate: a.months[1] === 0 ? null : frDate(endOfMonth(ctx.year, a.months[1])),
      status: a.status,
      progress: `${Math.round(a.progress * 100)} %`,
      budgetCode: a.code,
    };
  });
}

function endOfMonth(year: number, month: number): Day {
  return month === 12 ? day(year, 12, 31) : day(year, month + 1, 1) - 1;
}

interface IndicatorSpec {
  name: string;
  action: string | null;
  family: string;
  unit: string;
  target: number;
  /** Share of the target reached by the story's "today". */
  reached: number;
  source: string;
}

const INDICATORS: IndicatorSpec[] = [
  {
    name: 'Passages au lieu',
    action: ACTION.welcome,
    family: 'Publics et fréquentation',
    unit: 'passages',
    target: 4000,
    reached: 0.68,
    source: 'Comptage à l’accueil',
  },
  {
    name: 'Part des visiteur·ses habitant le quartier',
    action: ACTION.welcome,
    family: 'Publics et fréquentation',
    unit: '%',
    target: 50,
    reached: 0.9,
    source: 'Enquête de fréquentation',
  },
  {
    name: 'Adhérent·es à jour de cotisation',
    action: null,
    family: 'Gouvernance',
    unit: 'personnes',
    target: 250,
    reached: 0.84,
    source: 'Fichier des adhésions',
  },
  {
    name: 'Bénévoles actif·ves',
    action: ACTION.volunteering,
    family: 'Emploi et bénévolat',
    unit: 'personnes',
    target: 30,
    reached: 0.67,
    source: 'Feuille Bénévoles',
  },
  {
    name: 'Heures de bénévolat',
    action: ACTION.volunteering,
    family: 'Emploi et bénévolat',
    unit: 'heures',
    target: 1200,
    reached: 0.55,
    source: 'Feuille Heures de bénévolat',
  },
  {
    name: 'Chartes du bénévolat signées',
    action: ACTION.volunteering,
    family: 'Emploi et bénévolat',
    unit: 'chartes',
    target: 30,
    reached: 0.6,
    source: 'Feuille Bénévoles',
  },
  {
    name: 'Accompagnements numériques',
    action: ACTION.digital,
    family: 'Activités',
    unit: 'accompagnements',
    target: 300,
    reached: 0.58,
    source: 'Cahier des permanences',
  },
  {
    name: 'Objets réparés au repair café',
    action: ACTION.repairCafe,
    family: 'Activités',
    unit: 'objets',
    target: 400,
    reached: 0.61,
    source: 'Fiches de réparation',
  },
  {
    name: 'Taux de réussite des réparations',
    action: ACTION.repairCafe,
    family: 'Activités',
    unit: '%',
    target: 65,
    reached: 1.05,
    source: 'Fiches de réparation',
  },
  {
    name: 'Vélos remis en circulation',
    action: ACTION.bikes,
    family: 'Activités',
    unit: 'vélos',
    target: 120,
    reached: 0.7,
    source: 'Registre de l’atelier',
  },
  {
    name: 'Personnes formées aux machines à bois',
    action: ACTION.woodshop,
    family: 'Activités',
    unit: 'personnes',
    target: 150,
    reached: 0.52,
    source: 'Attestations de formation',
  },
  {
    name: 'Séances d’atelier bois',
    action: ACTION.woodshop,
    family: 'Activités',
    unit: 'séances',
    target: 44,
    reached: 0.66,
    source: 'Réservations',
  },
  {
    name: 'Repas anti-gaspi servis',
    action: ACTION.kitchen,
    family: 'Publics et fréquentation',
    unit: 'repas',
    target: 900,
    reached: 0.5,
    source: 'Feuilles de présence',
  },
  {
    name: 'Kilos d’invendus cuisinés',
    action: ACTION.kitchen,
    family: 'Activités',
    unit: 'kg',
    target: 1500,
    reached: 0.47,
    source: 'Pesées',
  },
  {
    name: 'Familles inscrites au jardin',
    action: ACTION.garden,
    family: 'Publics et fréquentation',
    unit: 'familles',
    target: 25,
    reached: 0.88,
    source: 'Registre du jardin',
  },
  {
    name: 'Compost produit',
    action: ACTION.garden,
    family: 'Activités',
    unit: 'kg',
    target: 800,
    reached: 0.62,
    source: 'Pesées',
  },
  {
    name: 'Structures résidentes',
    action: ACTION.residents,
    family: 'Structures hébergées',
    unit: 'structures',
    target: 6,
    reached: 0.84,
    source: 'Conventions d’occupation',
  },
  {
    name: 'Emplois dans les structures résidentes',
    action: ACTION.residents,
    family: 'Structures hébergées',
    unit: 'ETP',
    target: 12,
    reached: 0.9,
    source: 'Enquête annuelle des résident·es',
  },
  {
    name: 'Festivalier·es de Faubourg en fête',
    action: ACTION.festival,
    family: 'Publics et fréquentation',
    unit: 'personnes',
    target: 1500,
    reached: 1.12,
    source: 'Comptage aux entrées',
  },
  {
    name: 'Artistes programmé·es en scène ouverte',
    action: ACTION.openStage,
    family: 'Activités',
    unit: 'artistes',
    target: 60,
    reached: 0.6,
    source: 'Programmes',
  },
  {
    name: 'Taux d’occupation de la grande halle',
    action: ACTION.rentals,
    family: 'Bâtiment et occupation',
    unit: '%',
    target: 55,
    reached: 0.82,
    source: 'Réservations',
  },
  {
    name: 'Recettes de location',
    action: ACTION.rentals,
    family: 'Modèle économique',
    unit: 'euros',
    target: 14000,
    reached: 0.6,
    source: 'Opérations',
  },
  {
    name: 'Part des ressources propres',
    action: null,
    family: 'Modèle économique',
    unit: '%',
    target: 30,
    reached: 0.85,
    source: 'Budget et opérations',
  },
  {
    name: 'Réunions du conseil d’administration',
    action: null,
    family: 'Gouvernance',
    unit: 'réunions',
    target: 6,
    reached: 0.67,
    source: 'Feuille Réunions',
  },
  {
    name: 'Salarié·es (ETP)',
    action: null,
    family: 'Emploi et bénévolat',
    unit: 'ETP',
    target: 1.8,
    reached: 1,
    source: 'Registre du personnel',
  },
];

/** Indicator records for the year, with the actual value reached so far. */
export function indicatorRecords(ctx: DemoContext): DemoRecord[] {
  return INDICATORS.map((i) => {
    const ratio = i.reached * (0.95 + ctx.rng.next() * 0.1);
    const actual = i.target < 10 ? Math.round(i.target * ratio * 10) / 10 : Math.round(i.target * ratio);
    return {
      name: i.name,
      action: i.action,
      family: i.family,
      unit: i.unit,
      periodStart: frDate(day(ctx.year, 1, 1)),
      periodEnd: frDate(day(ctx.year, 12, 31)),
      target: String(i.target).replace('.', ','),
      actual: String(actual).replace('.', ','),
      source: i.source,
    };
  });
}
