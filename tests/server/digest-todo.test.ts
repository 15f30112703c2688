/**
 * The « À faire » panel on the demo workbook: exactly the due items an independent computation
 * finds in the demo's records (dates taken from the sheet's own formulas), read without building
 * the formula engine.
 */
import { demoHarness, type Harness, newHarness } from './harness';

interface View {
  kind: string;
  title: string;
  date: string;
  when: string;
  sheet: string;
  recordId: string;
  row: number | null;
}
interface Todo {
  today: string;
  count: number;
  groups: { group: string; label: string; items: View[] }[];
  subscribed: boolean;
}
type Rec = { id: string; row: number; values: Record<string, string | number | boolean | null> };

let h: Harness;
let todo: Todo;
let stats: ReturnType<Harness['api']>['stats'];
let engineBuiltByTodo: boolean;
let todoWallMs: number;

beforeAll(() => {
  h = demoHarness();
  // A fresh emulator from the loaded state: the formula engine is not built until a formula is read.
  const again = setUpHarnessFrom(h);
  const t0 = Date.now();
  const answer = again.api<Todo>('getTodo');
  todoWallMs = Date.now() - t0;
  if (!answer.result.ok) throw new Error(answer.result.error.message);
  todo = answer.result.data;
  stats = answer.stats;
  engineBuiltByTodo = again.emulator.spreadsheetApp._workbook().engine.built;
}, 120_000);

function setUpHarnessFrom(from: Harness): Harness {
  return newHarness({}, JSON.parse(JSON.stringify(from.emulator.snapshot())));
}

const list = (sheet: string): Rec[] => {
  const r = h.api<Rec[]>('listRecords', sheet).result;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The due items written from the rules, on the records as listRecords reads them (formulas included). */
function expected(today: string): [string, string, string][] {
  const out: [string, string, string, number][] = [];
  const add = (kind: string, id: string, date: string | null, order: number) =>
    out.push([kind, id, date ?? '', order * 100_000 + (date ? days(today, date) + 50_000 : 0)]);
  for (const r of list('safetySchedule')) {
    const due = r.values.nextDue as string | null; // the schedule's EDATE formula over the register
    if (due && days(today, due) <= 30) add('safetyCheck', r.id, due, 0);
  }
  for (const r of list('grants')) {
    const st = String(r.values.status);
    const d = r.values.deadline as string | null;
    if (d && ['À étudier', 'En préparation'].includes(st) && days(today, d) <= 30)
      add('grantDeadline', r.id, d, 1);
    const rep = r.values.reportDue as string | null;
    if (rep && !['Soldée', 'Refusée'].includes(st) && days(today, rep) <= 30)
      add('grantReport', r.id, rep, 1);
    const fin = r.values.financialReportDeadline as string | null; // the sheet's formula
    if (fin && days(today, fin) <= 30) add('financialReport', r.id, fin, 1);
  }
  for (const r of list('maintenance'))
    if (r.values.priority === 'Urgente' && !['Terminée', 'Abandonnée'].includes(String(r.values.status)))
      add('urgentMaintenance', r.id, (r.values.dueDate as string | null) ?? null, 2);
  for (const r of list('bookings')) {
    const d = r.values.startDate as string;
    if (r.values.status === 'Option' && days(today, d) >= 0 && days(today, d) <= 7)
      add('bookingOption', r.id, d, 3);
  }
  for (const r of list('actions')) {
    const d = r.values.endDate as string | null;
    if (d && ['En cours', 'En préparation'].includes(String(r.values.status)) && days(today, d) < 0)
      add('actionLate', r.id, d, 4);
  }
  for (const r of list('structures')) {
    const d = r.values.agreementEnd as string | null;
    if (d && days(today, d) >= 0 && days(today, d) <= 60) add('agreementEnding', r.id, d, 5);
  }
  for (const r of list('nextSteps')) {
    const d = r.values.dueDate as string | null;
    if (
      d &&
      !['Fait', 'Abandonnée'].includes(String(r.values.status)) &&
      days(today, d) <= 7 &&
      days(today, d) >= -30
    )
      add('nextStep', r.id, d, 6);
  }
  for (const r of list('meetings')) {
    // The demo's next steps carry no date: due at the next meeting.
    const d = r.values.nextMeeting as string | null;
    if (r.values.nextSteps && d && days(today, d) <= 7 && days(today, d) >= -30) add('nextStep', r.id, d, 6);
  }
  return out.sort((a, b) => a[3] - b[3]).map(([k, id, d]) => [k, id, d]);
}

const iso = (fr: string) => (fr === '' ? '' : `${fr.slice(6, 10)}-${fr.slice(3, 5)}-${fr.slice(0, 2)}`);

describe('« À faire » on the demo workbook (1 September 2026)', () => {
  test('lists exactly the items computed independently from the demo’s records', () => {
    expect(todo.today).toBe('01/09/2026');
    const got = todo.groups.flatMap((g) => g.items.map((i) => [i.kind, i.recordId, iso(i.date)]));
    const want = expected('2026-09-01');
    // Sort within kinds the same way (the order inside a day is the sheet's).
    const key = (x: string[]) => x.join('|');
    expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...want].sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(todo.count).toBe(want.length);
    // The demo shows something in several groups (not an empty panel that would pass trivially).
    expect(todo.groups.length).toBeGreaterThanOrEqual(3);
  });

  test('groups in the fixed order, French labels, each item naming its sheet and row', () => {
    const order = ['safety', 'grants', 'maintenance', 'bookings', 'actions', 'agreements', 'nextSteps'];
    const groups = todo.groups.map((g) => g.group);
    expect(groups).toEqual(order.filter((g) => groups.includes(g)));
    expect(todo.groups.find((g) => g.group === 'safety')?.label).toBe('Vérifications de sécurité');
    for (const item of todo.groups.flatMap((g) => g.items)) {
      expect(item.recordId).toMatch(/^[A-Z]{3}-\d+/);
      expect(item.row).toBeGreaterThanOrEqual(3);
      expect(item.when).toMatch(/aujourd’hui|dans \d+ jours?|en retard de \d+ jours?|sans date/);
    }
  });

  test('reads no formula: the formula engine is not built; one narrow read per source table', () => {
    expect(engineBuiltByTodo).toBe(false);
    expect(stats.byMethod['Range.getValues']).toBe(9);
    expect(stats.writes).toBe(0);
    // For comparison: reading the register whole (its « Prochaine échéance » formula included).
    const other = newHarness({}, JSON.parse(JSON.stringify(h.emulator.snapshot())));
    const t0 = Date.now();
    const whole = other.api('listRecords', 'safetyChecks').stats;
    const wholeWallMs = Date.now() - t0;
    expect(other.emulator.spreadsheetApp._workbook().engine.built).toBe(true);
    console.log(
      `listRecords(safetyChecks) reading formulas: ${whole.calls} calls, ${whole.ms} ms modelled, ${whole.cells.read} cells, ${wholeWallMs} ms in the emulator (engine built); getTodo: ${todoWallMs} ms in the emulator`,
    );
    console.log(
      `getTodo on the demo: ${stats.calls} calls, ${stats.ms} ms modelled, ${stats.cells.read} cells read`,
    );
  });
});

test('a user column inserted in the register: read whole, found by keys, the same items', () => {
  const moved = newHarness({}, JSON.parse(JSON.stringify(h.emulator.snapshot())));
  moved.ss.getSheetByName('Registre de sécurité')?.insertColumnsBefore(2, 1);
  const answer = moved.api<Todo>('getTodo');
  if (!answer.result.ok) throw new Error(answer.result.error.message);
  expect(answer.result.data.groups).toEqual(todo.groups);
  // One narrow read refused (its key row did not match), then the whole table.
  expect(answer.stats.byMethod['Range.getValues']).toBe(10);
});
