/**
 * Occupancy agreements of resident structures that end soon (for the reminders digest and the
 * « À faire » panel). Same window as the sheet's « agreementEndingSoon » rule: from today to
 * today + N days, both included; an agreement already over is not « ending soon ».
 */
import { daysBetween, isoDay } from './dates';

/** A structure as the digest needs it (values of « Structures », dates as ISO strings). */
export interface StructureAgreement {
  id: string;
  name: string;
  agreementEnd: unknown;
}

export interface AgreementEnding {
  id: string;
  name: string;
  /** ISO date. */
  agreementEnd: string;
  /** 0 when it ends today. */
  daysLeft: number;
}

/** Days of the sheet's « Convention d’occupation qui finit dans les 60 jours » rule. */
export const AGREEMENT_ENDING_DAYS = 60;

/** Agreements ending within `days` days of `today` (ISO), soonest first, then by name. */
export function agreementsEndingWithin(
  structures: readonly StructureAgreement[],
  today: string,
  days: number = AGREEMENT_ENDING_DAYS,
): AgreementEnding[] {
  const out: AgreementEnding[] = [];
  for (const s of structures) {
    const end = isoDay(s.agreementEnd);
    if (!end) continue;
    const left = daysBetween(today, end);
    if (left === null || left < 0 || left > days) continue;
    out.push({ id: s.id, name: s.name, agreementEnd: end, daysLeft: left });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name, 'fr'));
}
