/**
 * Volunteers' engagement figures served for a year: one read of « Heures de bénévolat », no
 * write, the same figures the domain computes by hand (tests/domain/volunteers-engagement.test.ts),
 * and a bad year refused in French.
 */
import { setUpHarness } from './harness';

interface Figures {
  year: number;
  activeVolunteers: number;
  activePreviousYear: number;
  retained: number;
  retentionRate: number | null;
  totalHours: number;
  byMonth: { month: number; hours: number; activeVolunteers: number }[];
  byTaskType: { taskType: string; hours: number }[];
}

test('the figures of a year from the sheet, one read, no write', () => {
  const h = setUpHarness();
  let n = 0;
  const save = (sheet: string, values: Record<string, unknown>) => {
    n += 1;
    const { result } = h.api('saveRecord', {
      sheet,
      values,
      requestId: `engagement-${String(n).padStart(4, '0')}`,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  };
  for (const fullName of ['Anne Roy', 'Bastien Colin', 'Chloé Dumas']) save('volunteers', { fullName });
  save('volunteerHours', { date: '04/03/2025', volunteer: 'Anne Roy', taskType: 'Événement', hours: '2h' });
  save('volunteerHours', {
    date: '10/06/2025',
    volunteer: 'Bastien Colin',
    taskType: 'Communication',
    hours: '1h',
  });
  save('volunteerHours', { date: '20/01/2026', volunteer: 'Anne Roy', taskType: 'Événement', hours: '1h30' });
  save('volunteerHours', {
    date: '15/03/2026',
    volunteer: 'Chloé Dumas',
    taskType: 'Accueil et permanence',
    hours: '3h',
  });
  const { result, stats } = h.api<Figures>('getVolunteerEngagement', { year: 2026 });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.data).toMatchObject({
    year: 2026,
    activeVolunteers: 2,
    activePreviousYear: 2,
    retained: 1,
    retentionRate: 0.5,
    totalHours: 4.5,
    byTaskType: [
      { taskType: 'Accueil et permanence', hours: 3 },
      { taskType: 'Événement', hours: 1.5 },
    ],
  });
  expect(result.data.byMonth.map((m) => m.hours)).toEqual([1.5, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  expect(stats.writes).toBe(0);
  expect(stats.byMethod['Range.getValues']).toBe(1);
  const bad = h.api('getVolunteerEngagement', { year: '2026' });
  expect(bad.result.ok).toBe(false);
  if (!bad.result.ok) expect(bad.result.error.code).toBe('error.invalidArgument');
});
