/**
 * Next steps of meetings (« Suites à donner ») that are due: not done nor dropped, with a due
 * date on or before today + N days. « late » matches the sheet's rule (due date before today).
 */
import { daysBetween, isoDay } from './dates';

/** Statuses that close a next step (« Suites à donner » options). */
export const CLOSED_NEXT_STEP_STATUSES: readonly string[] = ['Fait', 'Abandonnée'];

export interface NextStepRecord {
  id: string;
  meeting: unknown;
  action: unknown;
  owner: unknown;
  dueDate: unknown;
  status: unknown;
}

export interface NextStepDue {
  id: string;
  meeting: string;
  action: string;
  owner: string;
  /** ISO date. */
  dueDate: string;
  /** Negative when late. */
  daysLeft: number;
  late: boolean;
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);

/** Open next steps due within `days` days of `today` (late ones included), soonest first. */
export function nextStepsDue(steps: readonly NextStepRecord[], today: string, days = 7): NextStepDue[] {
  const out: NextStepDue[] = [];
  for (const s of steps) {
    if (CLOSED_NEXT_STEP_STATUSES.includes(text(s.status))) continue;
    const due = isoDay(s.dueDate);
    if (!due) continue;
    const left = daysBetween(today, due);
    if (left === null || left > days) continue;
    out.push({
      id: s.id,
      meeting: text(s.meeting),
      action: text(s.action),
      owner: text(s.owner),
      dueDate: due,
      daysLeft: left,
      late: left < 0,
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.id.localeCompare(b.id));
}
