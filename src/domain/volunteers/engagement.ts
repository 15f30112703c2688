/**
 * Volunteers' engagement figures for reports (pure): who was active in a year (logged hours in
 * it), hours by month and by task type, and retention (the share of last year's active
 * volunteers still active this year). Hours come from « Heures de bénévolat », where a duration
 * is a fraction of a day (as Sheets stores `[h]:mm`): 1 h 30 = 0.0625.
 */

/** A line of « Heures de bénévolat » as read. */
export interface VolunteerHourLine {
  /** ISO date. */
  date: string | null;
  volunteer: string | null;
  taskType: string | null;
  /** Fraction of a day. */
  hours: number | null;
}

/** The figures of one year, JSON-safe (the documents service and the sidebar read this DTO). */
export interface EngagementFigures {
  year: number;
  /** Volunteers with logged hours in the year. */
  activeVolunteers: number;
  /** Their names, sorted (French collation). */
  activeNames: string[];
  /** Volunteers active the year before. */
  activePreviousYear: number;
  /** Of those, still active this year. */
  retained: number;
  /** retained ÷ activePreviousYear, or null when nobody was active the year before. */
  retentionRate: number | null;
  /** Hours logged in the year, to the hundredth. */
  totalHours: number;
  /** Twelve entries, January first: hours and active volunteers of each month. */
  byMonth: { month: number; hours: number; activeVolunteers: number }[];
  /** Hours per task type, most hours first (then by name); lines without a type under « Autre ». */
  byTaskType: { taskType: string; hours: number }[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

const ISO = /^(\d{4})-(\d{2})-\d{2}/;

/** The engagement figures of `year` from every hours line (other years are read for retention). */
export function engagementFigures(lines: readonly VolunteerHourLine[], year: number): EngagementFigures {
  const active = new Map<string, string>();
  const previous = new Set<string>();
  const monthHours = Array.from({ length: 12 }, () => 0);
  const monthPeople = Array.from({ length: 12 }, () => new Set<string>());
  const byType = new Map<string, number>();
  let total = 0;
  for (const line of lines) {
    const m = line.date ? ISO.exec(line.date) : null;
    if (!m || !line.volunteer || line.volunteer.trim() === '') continue;
    // To the minute, as durations are typed (« 1h30 »): a duration cell read back as a Date of
    // 30/12/1899 comes back some seconds off in Europe/Paris (that date's local mean time,
    // +0:09:21, seen on the emulator: 2h read as 1h59m39s).
    const hours =
      typeof line.hours === 'number' && Number.isFinite(line.hours) ? Math.round(line.hours * 1440) / 60 : 0;
    if (hours <= 0) continue;
    const y = Number(m[1]);
    const key = fold(line.volunteer);
    if (y === year - 1) previous.add(key);
    if (y !== year) continue;
    const month = Number(m[2]) - 1;
    if (!active.has(key)) active.set(key, line.volunteer.trim());
    monthHours[month] += hours;
    monthPeople[month].add(key);
    const type = line.taskType && line.taskType.trim() !== '' ? line.taskType : 'Autre';
    byType.set(type, (byType.get(type) ?? 0) + hours);
    total += hours;
  }
  let retained = 0;
  for (const key of previous) if (active.has(key)) retained += 1;
  return {
    year,
    activeVolunteers: active.size,
    activeNames: [...active.values()].sort((a, b) => a.localeCompare(b, 'fr')),
    activePreviousYear: previous.size,
    retained,
    retentionRate: previous.size === 0 ? null : retained / previous.size,
    totalHours: round2(total),
    byMonth: monthHours.map((h, i) => ({
      month: i + 1,
      hours: round2(h),
      activeVolunteers: monthPeople[i].size,
    })),
    byTaskType: [...byType.entries()]
      .map(([taskType, hours]) => ({ taskType, hours: round2(hours) }))
      .sort((a, b) => b.hours - a.hours || a.taskType.localeCompare(b.taskType, 'fr')),
  };
}
