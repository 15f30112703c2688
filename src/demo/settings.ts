/** « Paramètres du lieu » of the fictional venue, typed as a coordinator would. */

import { day, frDate, frMoney } from './calendar';
import { PERSON, VENUE } from './cast';
import { fictionalPhone, fictionalSiret, slug } from './identifiers';
import type { DemoContext } from './types';

/** Value of one hour of volunteering, in euros (about the gross minimum wage plus charges). */
export const VOLUNTEER_HOURLY_VALUE = 13.5;

/** Settings, by setting key. */
export function demoSettings(ctx: DemoContext): Record<string, string> {
  return {
    venueName: VENUE.name,
    organisationName: VENUE.organisation,
    address: VENUE.address,
    postalCode: VENUE.postalCode,
    city: VENUE.city,
    legalForm: 'Association loi 1901',
    siret: fictionalSiret('81234567', '0001'),
    rna: 'W453004217',
    email: VENUE.email,
    phone: fictionalPhone(4217, false),
    website: 'https://fabrique-des-possibles.example.org',
    erpCategory: '5e catégorie',
    erpType: 'L – Salles d’audition, de conférences, de réunions, de spectacles ou à usage multiple',
    sleepingQuarters: 'non',
    surface: '1 100',
    occupancyMode: 'Locataire à prix modéré',
    occupancyEnd: frDate(day(ctx.year + 3, 6, 30)),
    openingHours: 'mardi 9h–19h\nmercredi 9h–19h\njeudi 9h–21h\nvendredi 9h–23h\nsamedi 10h–18h',
    volunteerHourlyValue: frMoney(VOLUNTEER_HOURLY_VALUE),
    financialYearStart: frDate(day(ctx.year, 1, 1)),
    coordinatorEmails: `${slug(PERSON.coordinator)}@example.org, ${slug(PERSON.host)}@example.org`,
    timeZone: 'Europe/Paris',
    publicServiceHosted: 'oui',
    communicationServiceEmail: 'communication@valmoret.example',
    // Equipment (schema 4): the former spinning mill kept its SSI and its smoke vents.
    hasKitchen: 'oui',
    hasLift: 'oui',
    hasGas: 'oui',
    ssiCategory: 'Catégorie A ou B',
    smokeExtraction: 'Naturel',
    fixedFireMeans: 'oui',
    hasEmployees: 'oui',
  };
}
