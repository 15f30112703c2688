/** « Espaces » of the fictional venue: the rooms, workshops, garden and lendable equipment. */

import { frMoney, yesNo } from './calendar';
import type { DemoRecord } from './types';

/** Names of the spaces, as referenced by bookings, events, meetings, maintenance and incidents. */
export const SPACE = {
  hall: 'Grande halle',
  meetingRoom: 'Salle des Tisserands',
  woodshop: 'Atelier bois',
  kitchen: 'Cuisine partagée',
  offices: 'Bureaux partagés',
  garden: 'Jardin partagé',
  bikeShop: 'Garage à vélos',
  equipment: 'Sono et vidéoprojecteur',
} as const;

interface SpaceSpec {
  name: string;
  kind: string;
  description: string;
  capacity: number | null;
  surface: number | null;
  floor: string;
  bookable: boolean;
  hourlyRate: number | null;
  dayRate: number | null;
  stepFree: boolean;
  accessibility: string;
  equipment: string;
}

const SPECS: SpaceSpec[] = [
  {
    name: SPACE.hall,
    kind: 'Salle d’activité',
    description:
      'L’ancienne salle des métiers de la filature\u00a0: spectacles, bals, repair cafés, assemblées.',
    capacity: 120,
    surface: 180,
    floor: 'Rez-de-chaussée',
    bookable: true,
    hourlyRate: 35,
    dayRate: 250,
    stepFree: true,
    accessibility: 'Boucle magnétique, toilettes adaptées à côté de l’entrée.',
    equipment: '80 chaises, 12 tables pliantes, scène démontable, rideaux occultants.',
  },
  {
    name: SPACE.meetingRoom,
    kind: 'Salle de réunion',
    description: 'Salle lumineuse à l’étage pour les réunions et formations.',
    capacity: 20,
    surface: 42,
    floor: '1er étage',
    bookable: true,
    hourlyRate: 15,
    dayRate: 90,
    stepFree: true,
    accessibility: 'Accès par l’ascenseur.',
    equipment: 'Écran, tableau blanc, paperboard, bouilloire.',
  },
  {
    name: SPACE.woodshop,
    kind: 'Atelier',
    description: 'Atelier bois partagé avec machines stationnaires\u00a0; accès après formation.',
    capacity: 12,
    surface: 95,
    floor: 'Rez-de-chaussée',
    bookable: true,
    hourlyRate: 20,
    dayRate: 120,
    stepFree: true,
    accessibility: 'Établi à hauteur réglable.',
    equipment: 'Scie à format, dégauchisseuse-raboteuse, scie à ruban, outillage à main, aspiration.',
  },
  {
    name: SPACE.kitchen,
    kind: 'Cuisine',
    description: 'Cuisine équipée pour les ateliers, les repas partagés et les traiteurs solidaires.',
    capacity: 15,
    surface: 38,
    floor: 'Rez-de-chaussée',
    bookable: true,
    hourlyRate: 18,
    dayRate: 110,
    stepFree: true,
    accessibility: 'Plan de travail abaissé sur un côté.',
    equipment: 'Piano gaz six feux, four mixte, chambre froide, lave-vaisselle professionnel.',
  },
  {
    name: SPACE.offices,
    kind: 'Bureau partagé',
    description: 'Plateau de bureaux occupé par les structures résidentes.',
    capacity: 14,
    surface: 120,
    floor: '1er étage',
    bookable: false,
    hourlyRate: null,
    dayRate: null,
    stepFree: true,
    accessibility: 'Accès par l’ascenseur.',
    equipment: '14 postes, fibre, imprimante partagée, casiers.',
  },
  {
    name: SPACE.garden,
    kind: 'Espace extérieur',
    description: 'Jardin partagé en permaculture et cour arborée pour les fêtes d’été.',
    capacity: 150,
    surface: 600,
    floor: 'Extérieur',
    bookable: true,
    hourlyRate: null,
    dayRate: 150,
    stepFree: true,
    accessibility: 'Allées stabilisées, deux bacs surélevés.',
    equipment: 'Cabane à outils, récupérateurs d’eau, composteur, tonnelle.',
  },
  {
    name: SPACE.bikeShop,
    kind: 'Atelier',
    description: 'Atelier d’autoréparation de vélos animé par l’association Rouage.',
    capacity: 8,
    surface: 45,
    floor: 'Rez-de-chaussée',
    bookable: true,
    hourlyRate: 12,
    dayRate: null,
    stepFree: true,
    accessibility: 'Porte de garage de plain-pied.',
    equipment: 'Quatre pieds d’atelier, outillage vélo, stock de pièces de réemploi.',
  },
  {
    name: SPACE.equipment,
    kind: 'Matériel',
    description: 'Sono mobile et vidéoprojecteur prêtés aux adhérent·es.',
    capacity: null,
    surface: null,
    floor: 'Réserve',
    bookable: true,
    hourlyRate: null,
    dayRate: 40,
    stepFree: false,
    accessibility: '',
    equipment: 'Enceintes 2 × 300 W, table de mixage, deux micros HF, vidéoprojecteur, écran sur pied.',
  },
];

/** Hours a week each bookable room can be booked (the base of its occupancy rate). */
const WEEKLY_HOURS: Record<string, number> = {
  [SPACE.hall]: 60,
  [SPACE.meetingRoom]: 60,
  [SPACE.woodshop]: 40,
  [SPACE.kitchen]: 50,
  [SPACE.bikeShop]: 30,
};

/** The space records. */
export function spaceRecords(): DemoRecord[] {
  return SPECS.map((s) => ({
    name: s.name,
    kind: s.kind,
    description: s.description,
    capacity: s.capacity,
    surface: s.surface === null ? null : String(s.surface),
    floor: s.floor,
    bookable: yesNo(s.bookable),
    hourlyRate: s.hourlyRate === null ? null : frMoney(s.hourlyRate),
    dayRate: s.dayRate === null ? null : frMoney(s.dayRate),
    weeklyHours: WEEKLY_HOURS[s.name] === undefined ? null : String(WEEKLY_HOURS[s.name]),
    stepFreeAccess: yesNo(s.stepFree),
    accessibilityNotes: s.accessibility || null,
    equipment: s.equipment,
    inService: 'oui',
  }));
}

/** Hourly rate of a bookable space, for the price of a rental (0 when free). */
export function hourlyRateOf(space: string): number {
  return SPECS.find((s) => s.name === space)?.hourlyRate ?? 0;
}
