/** The cast of the story: the venue, its organisations and its people (all fictional). */

/** The venue and its town. */
export const VENUE = {
  name: 'La Fabrique des Possibles',
  organisation: 'Association La Fabrique des Possibles',
  address: '12 rue des Tanneurs',
  postalCode: '45370',
  city: 'Valmoret',
  email: 'bonjour@example.org',
} as const;

/** Organisations referenced across the story (« Structures » labels). */
export const ORG = {
  rouage: 'Rouage – atelier vélo solidaire',
  gardeners: 'Les Jardiniers du Faubourg',
  theatre: 'Compagnie du Grand Dehors',
  code: 'Graines de Code',
  carpentry: 'Coopérative Bois Debout',
  repair: 'Repair Café de Valmoret',
  mjc: 'MJC des Tanneurs',
  socialCentre: 'Centre social Les Tilleuls',
  ruralHome: 'Foyer rural des Coteaux',
  town: 'Ville de Valmoret',
  agglo: 'Valmoret Agglomération',
  department: 'Conseil départemental',
  region: 'Conseil régional',
  caf: 'Caisse d’allocations familiales',
  state: 'Service départemental à la jeunesse (SDJES)',
  foundation: 'Fondation Terres Communes',
  inhabitants: 'Collectif des habitant·es des Tanneurs',
  bakery: 'Fournil du Pont',
  consultancy: 'Arpège Conseil',
  school: 'Collège des Tanneurs',
  landlord: 'Valmoret Habitat',
} as const;

/** People with a role in the story (« Contacts » labels). */
export const PERSON = {
  coordinator: 'Camille Lebreton',
  host: 'Yanis Haddad',
  president: 'Odile Marchetti',
  treasurer: 'Bernard Quéméner',
  secretary: 'Awa Diallo',
  boardMember: 'Hugo Perrin',
  rouage: 'Léa Fontaine',
  gardeners: 'Marcel Gauthier',
  theatre: 'Inès Benali',
  code: 'Thomas Nguyen',
  carpentry: 'Julien Morvan',
  repair: 'Sylvie Carpentier',
  mjc: 'Karim Belkacem',
  socialCentre: 'Nathalie Roux',
  ruralHome: 'Paul Lemaire',
  town: 'Sophie Delaunay',
  agglo: 'Éric Vasseur',
  department: 'Claire Dumas',
  region: 'Mathieu Lefort',
  caf: 'Fatou Sow',
  state: 'Anne Girard',
  foundation: 'Lucie Martel',
  inhabitants: 'Rachid Ouali',
  bakery: 'Manon Petit',
  consultancy: 'Vincent Barreau',
  school: 'Hélène Caradec',
  landlord: 'Gilles Tessier',
} as const;

/** Volunteers (« Bénévoles » labels); the first ones also have a contact record. */
export const VOLUNTEER_NAMES: readonly string[] = [
  PERSON.president,
  PERSON.treasurer,
  PERSON.secretary,
  PERSON.boardMember,
  PERSON.repair,
  PERSON.gardeners,
  'Zoé Le Gall',
  'Amadou Traoré',
  'Jeanne Poulain',
  'Maxime Chevalier',
  'Aïcha Mansouri',
  'Louis Bertrand',
  'Élise Garnier',
  'Samuel Cohen',
  'Margot Renaud',
  'Kevin Lambert',
  'Rose Ferreira',
  'Antoine Giraud',
  'Nina Kowalski',
  'Gaspard Michel',
];

/** How many volunteers also appear in « Contacts ». */
export const VOLUNTEERS_WITH_CONTACT = 12;
