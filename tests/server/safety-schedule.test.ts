/**
 * Issue 12, Must show: on the demo workbook, the next-due dates and statuses computed by the
 * formulas of « Échéancier de sécurité » equal an independent TypeScript computation
 * (src/domain/safety/schedule.ts), month-end (31 Jan + 1 month) and leap-year (29 Feb + 12
 * months) cases included; recording a check in the register rolls the schedule.
 */
import { isoToSerial } from '../../src/domain/serial-dates';
import { safetyObligations } from '../../src/domain/safety/obligations';
import { lastDoneOf, nextDue, serialOf, statusAt } from '../../src/domain/safety/schedule';
import { demoVenueProfile } from '../../src/demo/safety';
import { generateDemoData } from '../../src/demo';
import { demoHarness, type Harness } from './harness';

jest.setTimeout(240_000);

interface Row {
  id: string;
  row: number;
  values: Record<string, string | number | boolean | null>;
}

const TODAY = serialOf(2026, 9, 1); // the emulator's clock and the demo story's « today »
const serial = (iso: unknown): number | null => (typeof iso === 'string' ? isoToSerial(iso) : null);

let h: Harness;

function list(sheet: string): Row[] {
  const { result } = h.api<Row[]>('listRecords', sheet);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

function save(sheet: string, values: Record<string, unknown>, requestId: string, id?: string) {
  const answer = h.api<{ id: string }>('saveRecord', { sheet, values, requestId, ...(id ? { id } : {}) });
  if (!answer.result.ok) throw new Error(JSON.stringify(answer.result.error));
  return answer;
}

/** What TypeScript says each schedule row should show, from the register's entries. */
function expected(schedule: Row[], register: Row[]) {
  const entries = register.map((r) => ({
    date: serial(r.values.date) as number,
    checkType: String(r.values.checkType),
    installation: (r.values.installation as string | null) ?? null,
  }));
  return schedule.map((r) => {
    const last = lastDoneOf(
      entries,
      String(r.values.checkType),
      (r.values.installation as string | null) ?? null,
    );
    const due = nextDue(last, Number(r.values.periodicityMonths), TODAY);
    return { id: r.id, lastDone: last, nextDue: due, status: statusAt(last, due, TODAY) };
  });
}

const actual = (schedule: Row[]) =>
  schedule.map((r) => ({
    id: r.id,
    lastDone: serial(r.values.lastDone),
    nextDue: serial(r.values.nextDue),
    status: r.values.status,
  }));

beforeAll(() => {
  h = demoHarness();
  // Month end: emergency lighting of the hall tested on 31 January (monthly).
  save(
    'safetySchedule',
    {
      checkType: 'Éclairage de sécurité – essai de fonctionnement',
      installation: 'Blocs du hall',
      periodicityMonths: 1,
    },
    'sched-hall-0001',
  );
  save(
    'safetyChecks',
    {
      date: '31/01/2026',
      checkType: 'Éclairage de sécurité – essai de fonctionnement',
      installation: 'Blocs du hall',
      result: 'Conforme',
    },
    'reg-hall-00001',
  );
  // Leap year: the storeroom's extinguishers checked on 29 February 2028 (yearly).
  save(
    'safetySchedule',
    {
      checkType: 'Extincteurs – vérification',
      installation: 'Extincteurs de la réserve',
      periodicityMonths: 12,
    },
    'sched-store-001',
  );
  save(
    'safetyChecks',
    {
      date: '29/02/2028',
      checkType: 'Extincteurs – vérification',
      installation: 'Extincteurs de la réserve',
      result: 'Conforme',
    },
    'reg-store-0001',
  );
});

test('the demo schedule is what the demo venue’s equipment calls for, plus the two rows added', () => {
  const schedule = list('safetySchedule');
  const owed = safetyObligations(demoVenueProfile(generateDemoData({ seed: 1 }).settings));
  expect(owed).toHaveLength(13);
  expect(
    schedule.map((r) => [r.values.checkType, r.values.installation, r.values.periodicityMonths]),
  ).toEqual([
    ...owed.map((o) => [o.checkType, o.installation || null, o.periodicityMonths]),
    ['Éclairage de sécurité – essai de fonctionnement', 'Blocs du hall', 1],
    ['Extincteurs – vérification', 'Extincteurs de la réserve', 12],
  ]);
  // « À vérifier » reaches the sheet as the reference marks it.
  expect(schedule.filter((r) => r.values.toVerify === true).length).toBe(
    owed.filter((o) => o.toVerify).length,
  );
});

test('every last-done, next-due and status of the formulas equals the TypeScript computation', () => {
  const schedule = list('safetySchedule');
  expect(actual(schedule)).toEqual(expected(schedule, list('safetyChecks')));
  const statuses = new Set(schedule.map((r) => r.values.status));
  expect([...statuses].sort()).toEqual(['Bientôt', 'En retard', 'À jour']);
});

test('31 January + 1 month is 28 February; 29 February 2028 + 12 months is 28 February 2029', () => {
  const schedule = list('safetySchedule');
  const hall = schedule.find((r) => r.values.installation === 'Blocs du hall');
  const store = schedule.find((r) => r.values.installation === 'Extincteurs de la réserve');
  expect(hall?.values).toMatchObject({ lastDone: '2026-01-31', nextDue: '2026-02-28', status: 'En retard' });
  expect(store?.values).toMatchObject({ lastDone: '2028-02-29', nextDue: '2029-02-28', status: 'À jour' });
});

test('the demo shows one check late, one due soon (heating, 24 September) and the drill late', () => {
  const byType = new Map(
    list('safetySchedule')
      .filter((r) => !r.values.installation)
      .map((r) => [r.values.checkType, r.values]),
  );
  expect(byType.get('Chauffage, ventilation, climatisation – vérification')).toMatchObject({
    nextDue: '2026-09-24',
    status: 'Bientôt',
  });
  expect(byType.get('Éclairage de sécurité – essai de fonctionnement')).toMatchObject({
    nextDue: '2026-07-12',
    status: 'En retard',
  });
  expect(byType.get('Exercice d’évacuation')).toMatchObject({ nextDue: '2026-08-24', status: 'En retard' });
});

test('recording a check in the register rolls its schedule row (the formulas do it)', () => {
  const { stats } = save(
    'safetyChecks',
    { date: '25/08/2026', checkType: 'Exercice d’évacuation', result: 'Réalisé' },
    'reg-drill-0001',
  );
  const drill = list('safetySchedule').find((r) => r.values.checkType === 'Exercice d’évacuation');
  expect(drill?.values).toMatchObject({ lastDone: '2026-08-25', nextDue: '2027-02-25', status: 'À jour' });
  // The save wrote its row and nothing in « Maintenance » (no observations): one setValues.
  expect(stats.byMethod['Range.setValues']).toBe(1);
  expect(stats.byMethod['Sheet.appendRow']).toBe(1);
  const schedule = list('safetySchedule');
  expect(actual(schedule)).toEqual(expected(schedule, list('safetyChecks')));
});

test('the register’s own next due is the date plus the periodicity (EDATE since schema 4)', () => {
  const register = list('safetyChecks');
  const lighting = register.find((r) => r.values.date === '2026-06-12' && r.values.periodicityMonths === 1);
  expect(lighting?.values.nextDue).toBe('2026-07-12');
});
