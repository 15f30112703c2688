/** Volunteers' engagement figures: active volunteers, hours by month and task type, retention. */
import { engagementFigures, type VolunteerHourLine } from '../../src/domain/volunteers/engagement';

const h = (hours: number) => hours / 24;
const lines: VolunteerHourLine[] = [
  // 2025: Anne, Bastien, Chloé active.
  { date: '2025-03-04', volunteer: 'Anne', taskType: 'Événement', hours: h(2) },
  { date: '2025-06-10', volunteer: 'Bastien', taskType: 'Communication', hours: h(1) },
  { date: '2025-12-31', volunteer: 'Chloé', taskType: 'Événement', hours: h(3) },
  // 2026: Anne and Chloé still here (Chloé spelt without her accent once), Dalia new.
  { date: '2026-01-01', volunteer: 'Anne', taskType: 'Accueil et permanence', hours: h(1.5) },
  { date: '2026-01-20', volunteer: 'Anne', taskType: 'Événement', hours: h(2) },
  { date: '2026-03-15', volunteer: 'Chloe', taskType: 'Événement', hours: h(4) },
  { date: '2026-03-16', volunteer: 'Dalia', taskType: null, hours: h(0.75) },
  { date: '2026-12-31', volunteer: 'Dalia', taskType: 'Accueil et permanence', hours: h(2.5) },
  // Not counted: no hours, no name, no date, 2027.
  { date: '2026-05-05', volunteer: 'Bastien', taskType: 'Événement', hours: 0 },
  { date: '2026-05-05', volunteer: '', taskType: 'Événement', hours: h(1) },
  { date: null, volunteer: 'Bastien', taskType: 'Événement', hours: h(1) },
  { date: '2027-01-02', volunteer: 'Bastien', taskType: 'Événement', hours: h(1) },
];

test('the figures of 2026, counted by hand', () => {
  const f = engagementFigures(lines, 2026);
  expect(f.activeVolunteers).toBe(3);
  expect(f.activeNames).toEqual(['Anne', 'Chloe', 'Dalia']);
  expect(f.activePreviousYear).toBe(3);
  expect(f.retained).toBe(2);
  expect(f.retentionRate).toBeCloseTo(2 / 3, 10);
  expect(f.totalHours).toBe(10.75);
  expect(f.byMonth.map((m) => m.hours)).toEqual([3.5, 0, 4.75, 0, 0, 0, 0, 0, 0, 0, 0, 2.5]);
  expect(f.byMonth.map((m) => m.activeVolunteers)).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  expect(f.byTaskType).toEqual([
    { taskType: 'Événement', hours: 6 },
    { taskType: 'Accueil et permanence', hours: 4 },
    { taskType: 'Autre', hours: 0.75 },
  ]);
});

test('no one the year before: retention is null, not 0 % or 100 %', () => {
  const f = engagementFigures(lines, 2025);
  expect(f.activePreviousYear).toBe(0);
  expect(f.retentionRate).toBeNull();
  expect(f.activeVolunteers).toBe(3);
  expect(engagementFigures([], 2026)).toMatchObject({ activeVolunteers: 0, totalHours: 0, byTaskType: [] });
});
