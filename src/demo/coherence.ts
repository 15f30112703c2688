/**
 * The story seen from its "today" (issue 13: the playground loads the demo seen from the real
 * day). Most generators already place what happened before `ctx.today` (events' attendance,
 * meetings' decisions, publications, payments, operations, volunteer hours); a few areas tell of
 * things on fixed days of the year (a mediation in April, a next step done in July, a grant
 * filed in June). This last pass makes them agree with `today`, whatever it is:
 *
 * - what is a report of something that happened (an incident, a mediation, a safety check, a
 *   representation, a maintenance ticket reported, an operation, volunteer hours, a next step of a
 *   meeting later than tomorrow) and is dated after
 *   today did not happen yet: it is left out, and so are the records that refer to it;
 * - what is marked done after today is not done yet: a next step « Fait » goes back to
 *   « À faire », a ticket « Terminée » to « Planifiée », an action « Terminée » that ends after
 *   today to « En cours » (their « done on » emptied), a publication « Publiée » after today is
 *   « Programmée »; a grant filed after today is « En
 *   préparation » again (no filing day, nothing granted or received).
 *
 * On the default story (today = 1 September) every rule finds nothing to change: the default
 * dataset stays what it was (tests/domain/demo.test.ts checks both).
 */

import type { Day } from './calendar';
import type { DemoRecord } from './types';

/** `29/03/2026` → its day number; null for anything else. */
function dayOfFrench(value: unknown): Day | null {
  const m = typeof value === 'string' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value) : null;
  return m ? Math.round(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) / 86_400_000) : null;
}

const after = (value: unknown, today: Day): boolean => {
  const d = dayOfFrench(value);
  return d !== null && d > today;
};

/** Tables whose records tell of something that happened on `date` (or `reportedOn`). */
const HAPPENED: Record<string, string> = {
  incidents: 'date',
  mediations: 'date',
  safetyChecks: 'date',
  representation: 'date',
  maintenance: 'reportedOn',
  operations: 'date',
  volunteerHours: 'date',
};

/** Makes the tables agree with `today` (see the header); returns new arrays, records copied when changed. */
export function seenFrom(tables: [string, DemoRecord[]][], today: Day): [string, DemoRecord[]][] {
  const get = (key: string) => tables.find(([k]) => k === key)?.[1] ?? [];
  // A meeting's next steps are written from the day before it (its agenda lists them: the
  // rentrée's team meeting on 2 September already has its steps on the 1st).
  const heldMeetings = new Set(
    get('meetings')
      .filter((m) => !after(m.date, today + 1))
      .map((m) => String(m.title)),
  );
  const keptMediations = new Set(
    get('mediations')
      .filter((m) => !after(m.date, today))
      .map((m) => String(m.subject)),
  );
  return tables.map(([key, records]): [string, DemoRecord[]] => {
    let out = records;
    const happened = HAPPENED[key];
    if (happened) out = out.filter((r) => !after(r[happened], today));
    switch (key) {
      case 'incidents':
        // An incident dealt with by a mediation that is not held yet is not told either.
        out = out.filter((r) => r.mediation == null || keptMediations.has(String(r.mediation)));
        break;
      case 'nextSteps':
        out = out
          .filter((r) => r.meeting == null || heldMeetings.has(String(r.meeting)))
          .map((r) =>
            r.status === 'Fait' && after(r.doneOn, today) ? { ...r, status: 'À faire', doneOn: null } : r,
          );
        break;
      case 'maintenance':
        out = out.map((r) =>
          r.status === 'Terminée' && after(r.doneOn, today) ? { ...r, status: 'Planifiée', doneOn: null } : r,
        );
        break;
      case 'actions':
        out = out.map((r) =>
          r.status === 'Terminée' && after(r.endDate, today) ? { ...r, status: 'En cours' } : r,
        );
        break;
      case 'communication':
        out = out.map((r) =>
          r.status === 'Publiée' && after(r.date, today) ? { ...r, status: 'Programmée', link: null } : r,
        );
        break;
      case 'grants':
        out = out.map((r) =>
          after(r.submittedOn, today)
            ? { ...r, status: 'En préparation', submittedOn: null, amountGranted: null, amountReceived: null }
            : r,
        );
        break;
      default:
        break;
    }
    return [key, out];
  });
}
