/** Volunteers' engagement figures of a year, for reports (one read of « Heures de bénévolat »). */
import * as v from 'valibot';
import { type EngagementFigures, engagementFigures } from '../domain/volunteers/engagement';
import { requireSheet } from '../schema';
import { TableRepository } from './adapters/table-repository';
import { WorkbookSession } from './adapters/workbook';
import { PiloteError } from './errors';

const EngagementRequestSchema = v.strictObject({
  year: v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2199)),
});

/** `{ year }` → active volunteers, hours by month and task type, retention from the year before. */
export function readVolunteerEngagement(request: unknown): EngagementFigures {
  const parsed = v.safeParse(EngagementRequestSchema, request);
  if (!parsed.success) {
    throw new PiloteError('error.invalidArgument', {
      detail: parsed.issues.map((i) => i.message).join('; '),
    });
  }
  const workbook = new WorkbookSession();
  const lines = new TableRepository(workbook, requireSheet('volunteerHours')).list().map((r) => ({
    date: typeof r.values.date === 'string' ? r.values.date : null,
    volunteer: typeof r.values.volunteer === 'string' ? r.values.volunteer : null,
    taskType: typeof r.values.taskType === 'string' ? r.values.taskType : null,
    hours: typeof r.values.hours === 'number' ? r.values.hours : null,
  }));
  return engagementFigures(lines, parsed.output.year);
}
