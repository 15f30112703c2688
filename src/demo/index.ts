/** The demo data generator: a coherent, deterministic year in the life of a fictional tiers-lieu. */

import { bookingRecords } from './bookings';
import { budgetRecords } from './budget';
import { day, isoDayNumber, yearOf } from './calendar';
import { seenFrom } from './coherence';
import { contactRecords, structureRecords } from './community';
import { communicationRecords } from './communication';
import { eventRecords, plannedEvents } from './events';
import { grantRecords, plannedGrants } from './grants';
import { diagnosticRecords, inspirationRecords } from './knowledge';
import { meetingRecords, plannedMeetings } from './meetings';
import { operationRecords } from './operations';
import { conflictIncidentRecords, mediationRecords, nextStepRecords, representationRecords } from './people';
import { DemoRandom } from './random';
import { demoRotaRecords } from './rota';
import {
  incidentRecords,
  maintenanceRecords,
  rotaRecords,
  safetyCheckRecords,
  safetyScheduleRecords,
} from './safety';
import { demoSettings, VOLUNTEER_HOURLY_VALUE } from './settings';
import { spaceRecords } from './spaces';
import { actionRecords, indicatorRecords, objectiveRecords } from './strategy';
import type { DemoContext, DemoDataset, DemoOptions, DemoRecord } from './types';
import { volunteerHourRecords, volunteerRateRecords, volunteerRecords } from './volunteering';

export type { DemoDataset, DemoOptions, DemoRecord, DemoTable, DemoValue } from './types';

/** Default seed and year of the story. */
export const DEMO_DEFAULTS = { seed: 1, year: 2026 } as const;

/**
 * Generates the demo workbook of « La Fabrique des Possibles », an association loi 1901 running
 * a tiers-lieu in the (fictional) town of Valmoret, for `year`, seen from `today` (default
 * 1 September of that year; with `today` alone, the year is today's): what is before it
 * happened, what is after it is planned (coherence.ts). Pure and deterministic: the same options always give the same dataset. Records hold
 * what a coordinator would type (French dates, times and amounts, enum options, the labels of
 * referenced records); tables are ordered so that referenced records come first. « Documents »
 * and « Journal » are left empty: Pilote writes them.
 */
export function generateDemoData(options: DemoOptions = {}): DemoDataset {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const given = options.today === undefined ? null : isoDayNumber(options.today);
  const year = options.year ?? (given === null ? DEMO_DEFAULTS.year : yearOf(given));
  const ctx: DemoContext = { year, today: given ?? day(year, 9, 1), rng: new DemoRandom(seed) };

  const events = plannedEvents(ctx);
  const meetings = plannedMeetings(ctx);
  const grants = plannedGrants(ctx);
  const volunteerHours = volunteerHourRecords(ctx);
  const bookings = bookingRecords(ctx, events, meetings);

  const settings = demoSettings(ctx);
  const tables: [string, DemoRecord[]][] = [
    ['spaces', spaceRecords()],
    ['structures', structureRecords(ctx)],
    ['contacts', contactRecords(ctx)],
    ['volunteers', volunteerRecords(ctx)],
    ['objectives', objectiveRecords(ctx)],
    ['actions', actionRecords(ctx)],
    ['volunteerHours', volunteerHours],
    ['volunteerRates', volunteerRateRecords()],
    ['indicators', indicatorRecords(ctx)],
    ['bookings', bookings],
    ['events', eventRecords(ctx, events)],
    ['communication', communicationRecords(ctx, events)],
    ['meetings', meetingRecords(ctx, meetings)],
    ['nextSteps', nextStepRecords(ctx)],
    ['representation', representationRecords(ctx)],
    ['grants', grantRecords(grants)],
    ['budget', budgetRecords(ctx, VOLUNTEER_HOURLY_VALUE)],
    ['operations', operationRecords(ctx, grants, bookings)],
    ['safetyChecks', safetyCheckRecords(ctx)],
    ['safetySchedule', safetyScheduleRecords(settings)],
    ['maintenance', maintenanceRecords(ctx)],
    ['openingRota', rotaRecords(ctx)],
    ['mediations', mediationRecords(ctx)],
    ['incidents', [...incidentRecords(ctx), ...conflictIncidentRecords(ctx)]],
    ['diagnostic', diagnosticRecords(ctx)],
    ['inspirations', inspirationRecords()],
  ];
  // Generated in the order above (the seeded random sequence stays as it was); the story's week
  // of the rota is then proposed from the settings, bookings and volunteers (rota.ts).
  const table = (key: string) => tables.find(([sheet]) => sheet === key) as [string, DemoRecord[]];
  const rota = table('openingRota');
  rota[1] = demoRotaRecords(
    ctx,
    rota[1],
    String(settings.openingHours ?? ''),
    bookings,
    table('volunteers')[1],
  );
  return {
    settings,
    tables: seenFrom(tables, ctx.today).map(([sheet, records]) => ({ sheet, records })),
  };
}
