/** « Initiatives inspirantes » and « Diagnostic »: what inspires the team and its reading of the territory. */

import { day, frDate } from './calendar';
import { ORG, PERSON } from './cast';
import { ACTION } from './strategy';
import type { DemoContext, DemoRecord } from './types';

/** Fictional places elsewhere; links stay on example.org. */
const INSPIRATIONS: [string, string, string, string, string, string][] = [
  [
    'Conciergerie de quartier',
    'La Ruche des Quais',
    'Port-Aurèle',
    'Accueil et convivialité',
    'Une conciergerie solidaire qui reçoit colis et clés pour les habitant·es.',
    'Proposer un service de dépôt de clés pour les résident·es.',
  ],
  [
    'Cantine à prix libre',
    'Le Grand Chaudron',
    'Villebrune',
    'Alimentation',
    'Un repas du midi à prix libre, cuisiné par des bénévoles en insertion.',
    'Transformer l’atelier anti-gaspi en cantine du jeudi.',
  ],
  [
    'Matériauthèque',
    'Recyclerie des Deux Rives',
    'Sainte-Orane',
    'Réemploi et économie circulaire',
    'Collecte et revente de matériaux de chantier de réemploi.',
    'Stock de chutes de bois partagé avec la coopérative.',
  ],
  [
    'Gouvernance partagée par cercles',
    'Tiers-lieu Les Communs',
    'Montvallon',
    'Gouvernance',
    'Décisions prises par cercles thématiques avec élection sans candidat.',
    'Tester un cercle «\u00a0programmation\u00a0» ouvert aux bénévoles.',
  ],
  [
    'Monnaie-temps entre résident·es',
    'La Coopérative du Lavoir',
    'Brisac',
    'Modèle économique',
    'Les résident·es échangent des heures de service plutôt que de l’argent.',
    'Valoriser les coups de main entre structures résidentes.',
  ],
  [
    'Fab lab itinérant',
    'Atelier Mobile',
    'Larzac-sur-Orbe',
    'Numérique',
    'Un camion équipé d’imprimantes 3D qui circule dans les villages.',
    'Prêter la découpeuse laser au Foyer rural.',
  ],
  [
    'Café des savoirs',
    'Maison Pop',
    'Vernay',
    'Éducation populaire',
    'Chacun·e enseigne ce qu’il ou elle sait en 20 minutes.',
    'Un café des savoirs mensuel avant la scène ouverte.',
  ],
  [
    'Chantier d’insertion menuiserie',
    'Les Ateliers du Rail',
    'Coutance-la-Neuve',
    'Emploi et insertion',
    'Chantier d’insertion qui fabrique du mobilier pour les collectivités.',
    'Partenariat avec la coopérative Bois Debout.',
  ],
  [
    'Festival sans plastique',
    'Fête des Tilleuls',
    'Aubrac-le-Haut',
    'Culture',
    'Gobelets consignés, vaisselle prêtée, toilettes sèches.',
    'Objectif zéro jetable pour Faubourg en fête.',
  ],
];

/** Second themes and lessons learnt, by initiative name (schema 4: themes multiple, lessons). */
const LESSONS: Record<string, [extraTheme: string | null, lessons: string]> = {
  'Conciergerie de quartier': [
    'Emploi et insertion',
    'Un service tenu par deux personnes ne survit pas aux départs : former des binômes.',
  ],
  'Cantine à prix libre': [
    'Modèle économique',
    'Le prix libre tient quand le coût de revient est affiché à côté de la caisse.',
  ],
  Matériauthèque: [null, 'Un inventaire en ligne double les emprunts ; sans tri régulier, le stock déborde.'],
  'Gouvernance partagée par cercles': [
    null,
    'Les cercles ont besoin d’un mandat écrit et d’une date de fin.',
  ],
  'Monnaie-temps entre résident·es': [
    'Modèle économique',
    'Abandonnée au bout d’un an : trop de comptabilité pour trop peu d’échanges.',
  ],
  'Fab lab itinérant': ['Éducation populaire', 'Les ateliers dans les écoles amènent les familles au lieu.'],
  'Café des savoirs': [
    'Accueil et convivialité',
    'Vingt minutes par intervenant·e, pas plus : le public reste.',
  ],
  'Chantier d’insertion menuiserie': [
    'Réemploi et économie circulaire',
    'Les commandes publiques donnent la visibilité d’activité nécessaire aux contrats aidés.',
  ],
  'Festival sans plastique': [
    'Réemploi et économie circulaire',
    'La consigne des gobelets se rembourse dès la deuxième édition.',
  ],
};

/** Inspiring initiatives. */
export function inspirationRecords(): DemoRecord[] {
  const proposers = [PERSON.coordinator, PERSON.host, PERSON.president, PERSON.secretary];
  return INSPIRATIONS.map(([name, place, town, theme, description, takeaway], i) => ({
    name,
    place,
    town,
    theme: LESSONS[name]?.[0] ? `${theme}, ${LESSONS[name][0]}` : theme,
    description,
    takeaway,
    lessons: LESSONS[name]?.[1] ?? null,
    link: `https://${place
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')}.example.org`,
    contact: null,
    addedBy: proposers[i % proposers.length],
  }));
}

type Diag = [
  kind: string,
  title: string,
  description: string,
  source: string,
  priority: string | null,
  influence: string | null,
  interest: string | null,
  structure: string | null,
  action: string | null,
];

const DIAGNOSTIC: Diag[] = [
  [
    'Besoin',
    'Lieu de rencontre ouvert en soirée',
    'Les jeunes du quartier n’ont pas de lieu ouvert après 19h.',
    'Questionnaire aux habitant·es',
    'Fort',
    null,
    null,
    ORG.mjc,
    ACTION.openStage,
  ],
  [
    'Besoin',
    'Aide aux démarches en ligne',
    'Beaucoup de seniors renoncent à des droits faute d’accompagnement numérique.',
    'Rencontre avec le centre social',
    'Fort',
    null,
    null,
    ORG.socialCentre,
    ACTION.digital,
  ],
  [
    'Besoin',
    'Alimentation de qualité à petit prix',
    'Le quartier n’a plus d’épicerie depuis deux ans.',
    'Questionnaire aux habitant·es',
    'Moyen',
    null,
    null,
    ORG.inhabitants,
    ACTION.kitchen,
  ],
  [
    'Besoin',
    'Réparer plutôt que jeter',
    'Forte demande au repair café, liste d’attente pour les petits appareils.',
    'Fiches de réparation',
    'Moyen',
    null,
    null,
    ORG.repair,
    ACTION.repairCafe,
  ],
  [
    'Force',
    'Un bâtiment vaste et central',
    '1 100 m² dans l’ancienne filature, à dix minutes à pied de la gare.',
    'État des lieux',
    null,
    null,
    null,
    null,
    null,
  ],
  [
    'Force',
    'Des résident·es complémentaires',
    'Vélo, bois, numérique, théâtre\u00a0: des savoir-faire qui se croisent.',
    'Réunion des résident·es',
    null,
    null,
    null,
    null,
    ACTION.residents,
  ],
  [
    'Faiblesse',
    'Dépendance aux subventions',
    'Plus de la moitié des produits viennent de subventions annuelles.',
    'Budget prévisionnel',
    'Fort',
    null,
    null,
    null,
    ACTION.rentals,
  ],
  [
    'Faiblesse',
    'Une équipe salariée réduite',
    'Deux salarié·es pour un lieu ouvert cinq jours sur sept.',
    'Conseil d’administration',
    'Moyen',
    null,
    null,
    null,
    ACTION.volunteering,
  ],
  [
    'Opportunité',
    'Appel à projets régional tiers-lieux',
    'Soutien à la consolidation des tiers-lieux existants.',
    'Veille',
    'Fort',
    null,
    null,
    ORG.region,
    null,
  ],
  [
    'Opportunité',
    'Toiture bien exposée',
    'Plus de 600 m² de toiture orientée sud.',
    'Étude de l’Agglomération',
    'Moyen',
    null,
    null,
    ORG.agglo,
    ACTION.solarRoof,
  ],
  [
    'Menace',
    'Fin du bail en 2029',
    'Le bail avec la Ville doit être renégocié avant la fin de la convention.',
    'Conseil d’administration',
    'Fort',
    null,
    null,
    ORG.town,
    null,
  ],
  [
    'Menace',
    'Hausse du coût de l’énergie',
    'La facture d’électricité a augmenté de 30 % en deux ans.',
    'Opérations',
    'Moyen',
    null,
    null,
    null,
    null,
  ],
  [
    'Partie prenante',
    'Ville de Valmoret',
    'Propriétaire du bâtiment et premier financeur.',
    'Cartographie des acteurs',
    null,
    'Fort',
    'Fort',
    ORG.town,
    null,
  ],
  [
    'Partie prenante',
    'Bailleur social du quartier',
    'Gère 600 logements autour du lieu.',
    'Cartographie des acteurs',
    null,
    'Moyen',
    'Fort',
    ORG.landlord,
    ACTION.garden,
  ],
  [
    'Partie prenante',
    'Commerçant·es du faubourg',
    'Inquiets du bruit les soirs de scène ouverte.',
    'Cartographie des acteurs',
    null,
    'Moyen',
    'Faible',
    null,
    ACTION.openStage,
  ],
  [
    'Partie prenante',
    'Collège des Tanneurs',
    'Partenaire des ateliers bois et théâtre.',
    'Cartographie des acteurs',
    null,
    'Faible',
    'Fort',
    ORG.school,
    ACTION.woodshop,
  ],
];

/** Diagnostic items: needs, SWOT and stakeholders, collected the previous autumn. */
export function diagnosticRecords(ctx: DemoContext): DemoRecord[] {
  return DIAGNOSTIC.map(
    ([kind, title, description, source, priority, influence, interest, structure, action], i) => ({
      kind,
      title,
      description,
      source,
      collectedOn: frDate(day(ctx.year - 1, 10, 1) + i * 3),
      priority,
      influence,
      interest,
      structure,
      action,
    }),
  );
}
