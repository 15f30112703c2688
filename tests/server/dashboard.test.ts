/**
 * « Tableau de bord »: every KPI formula, evaluated by the emulator (HyperFormula) on the demo
 * workbook, equals the same figure computed independently in TypeScript (src/domain/finance)
 * from the same records; hand edits update it without any script run; writing it is cheap.
 */
import { VOLUNTEER_HOURLY_VALUE } from '../../src/demo/settings';
import {
  actualOnAccounts,
  actualTotals,
  balance,
  deadlinesWithin,
  eventStats,
  executionRate,
  type FinanceRecord,
  forecastTotals,
  grantShareOfIncome,
  grantsBy,
  grantTotals,
  inKindBalance,
  lateActions,
  overdueChecks,
  volunteerHours,
  countWhere,
  financialReportsDue,
  freePremisesTotal,
  indicatorStats,
  occupancyBySpace,
  overallOccupancy,
  volunteerValueBetween,
} from '../../src/domain/finance';
import { FIRST_DATA_ROW, HEADER_ROW, SCHEMA_ENVIRONMENT } from '../../src/schema';
import {
  DASHBOARD_FIRST_ROW,
  DASHBOARD_ROWS,
  DASHBOARD_YEAR_NAME,
  type DashboardRow,
  renderDashboard,
} from '../../src/schema/dashboard';
import { formulaProblems } from '../../src/schema/formula';
import { FUNDER_LEVELS, GRANT_STATUSES } from '../../src/schema/sheets/grants';
import { ACTION_STATUSES } from '../../src/schema/sheets/strategy';
import { demoRecords } from './demo-records';
import { demoHarness, type Harness, setUpHarness } from './harness';

const DASHBOARD = 'Tableau de bord';
/** The emulator's clock starts on 1 September 2026 (Europe/Paris), the demo story's "today". */
const TODAY = '2026-09-01';

type Kpi = Extract<DashboardRow, { kind: 'kpi' }>;
const KPIS = DASHBOARD_ROWS.map((row, i) => ({ row, at: DASHBOARD_FIRST_ROW + i })).filter(
  (r): r is { row: Kpi; at: number } => r.row.kind === 'kpi',
);

interface Records {
  budget: FinanceRecord[];
  operations: FinanceRecord[];
  grants: FinanceRecord[];
  volunteerHours: FinanceRecord[];
  events: FinanceRecord[];
  actions: FinanceRecord[];
  safetyChecks: FinanceRecord[];
  volunteerRates: FinanceRecord[];
  structures: FinanceRecord[];
  spaces: FinanceRecord[];
  bookings: FinanceRecord[];
  indicators: FinanceRecord[];
}

function readRecords(h: Harness): Records {
  const list = (sheet: string): FinanceRecord[] => {
    const { result } = h.api<{ values: FinanceRecord }[]>('listRecords', sheet);
    if (!result.ok) throw new Error(result.error.message);
    return result.data.map((r) => r.values);
  };
  return {
    budget: list('budget'),
    operations: list('operations'),
    grants: list('grants'),
    // Durations come from the dataset itself: listRecords reads a duration back as a datetime.
    volunteerHours: demoRecords('volunteerHours'),
    events: list('events'),
    actions: list('actions'),
    safetyChecks: list('safetyChecks'),
    // Tables no test here edits, as typed (times as `19:00`, durations as fractions of a day).
    volunteerRates: demoRecords('volunteerRates'),
    structures: demoRecords('structures'),
    spaces: demoRecords('spaces'),
    bookings: demoRecords('bookings'),
    indicators: demoRecords('indicators'),
  };
}

const pascal = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join('');

/** Each KPI computed in TypeScript; '' where the sheet shows an empty cell (no forecast). */
function expectedFigures(r: Records, year: number): Record<string, number | ''> {
  const forecast = forecastTotals(r.budget, year);
  const actual = actualTotals(r.operations, year);
  const grants = grantTotals(r.grants, year);
  const byStatus = grantsBy(r.grants, year, 'status');
  const byLevel = grantsBy(r.grants, year, 'funderLevel');
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const events = eventStats(r.events, year);
  const volunteering = volunteerValueBetween(
    r.volunteerHours,
    r.volunteerRates,
    VOLUNTEER_HOURLY_VALUE,
    period.start,
    period.end,
  );
  const premises = freePremisesTotal(r.structures, year);
  const inKindUses = actual.inKindUses + volunteering + premises;
  const occupancy = occupancyBySpace(r.spaces, r.bookings, period);
  const indicators = indicatorStats(r.indicators, year);
  const figures: Record<string, number | ''> = {
    forecastCharges: forecast.charges,
    forecastProducts: forecast.products,
    actualCharges: actual.charges,
    actualProducts: actual.products,
    chargesExecution: executionRate(actual.charges, forecast.charges) ?? '',
    productsExecution: executionRate(actual.products, forecast.products) ?? '',
    forecastBalance: balance(forecast),
    actualBalance: balance(actual),
    forecastInKindUses: forecast.inKindUses,
    forecastInKindBalance: inKindBalance(forecast),
    actualInKindUses: Math.round(inKindUses * 100) / 100,
    actualVolunteering: volunteering,
    actualPremises: premises,
    actualInKindBalance: inKindBalance(actual),
    inKindOperationsTwice: r.operations.filter(
      (o) => String(o.date).startsWith(String(year)) && /^(864|875)/.test(String(o.account)),
    ).length,
    grantsRequested: grants.requested,
    grantsGranted: grants.granted,
    grantsReceived: grants.received,
    grantShare: grantShareOfIncome(r.operations, year) ?? '',
    grantDeadlines: deadlinesWithin(r.grants, TODAY, 30),
    financialReportsDue: financialReportsDue(r.grants, TODAY, 30),
    volunteerHours: volunteerHours(r.volunteerHours, year),
    volunteerValue: volunteering,
    eventCount: events.count,
    eventAttendance: events.attendance,
    bookedHours: [...occupancy.values()].reduce((n, s) => n + Math.max(s.hours, 0), 0),
    occupancyRate: overallOccupancy(occupancy, period) ?? '',
    indicatorsMeasured: indicators.measured,
    indicatorsReached: indicators.reached,
    indicatorsAverage: indicators.average ?? '',
    lateActions: lateActions(r.actions, TODAY),
    overdueChecks: overdueChecks(r.safetyChecks, TODAY),
  };
  for (const status of GRANT_STATUSES)
    figures[`grantsStatus${pascal(status)}`] = byStatus.get(status)?.count ?? 0;
  for (const level of FUNDER_LEVELS)
    figures[`grantsLevel${pascal(level)}`] = byLevel.get(level)?.granted ?? 0;
  for (const status of ACTION_STATUSES)
    figures[`actionsStatus${pascal(status)}`] = countWhere(r.actions, 'status', status);
  return figures;
}

/** The dashboard's computed column, as getValues returns it. */
function dashboardValues(h: Harness): Map<string, unknown> {
  const sheet = h.ss.getSheetByName(DASHBOARD)!;
  const values = sheet.getRange(DASHBOARD_FIRST_ROW, 2, DASHBOARD_ROWS.length, 1).getValues();
  return new Map(KPIS.map(({ row, at }) => [row.key, values[at - DASHBOARD_FIRST_ROW][0]]));
}

function expectSame(sheetValue: unknown, expected: number | ''): void {
  if (expected === '') expect(sheetValue).toBe('');
  else {
    expect(typeof sheetValue).toBe('number');
    expect(sheetValue as number).toBeCloseTo(expected, 6);
  }
}

describe('the dashboard on the demo workbook', () => {
  const h = demoHarness();
  const records = readRecords(h);
  const sheetValues = dashboardValues(h);
  const expected = expectedFigures(records, 2026);

  test('the selector shows the year of setup', () => {
    const year = h.ss.getRangeByName(DASHBOARD_YEAR_NAME)!;
    expect(year.getSheet().getName()).toBe(DASHBOARD);
    expect(year.getValue()).toBe(2026);
  });

  test('the labels wrap in their column, so the longest show whole', () => {
    const wb = h.emulator.spreadsheetApp._workbook();
    const sheet = wb.state.sheets.find((s) => s.name === DASHBOARD)!;
    const labelled = Array.from({ length: wb.lastRow(sheet) }, (_, i) => i + 1).filter(
      (row) => wb.displayValue(sheet.id, row, 1) !== '',
    );
    expect(labelled.length).toBeGreaterThan(30);
    expect(labelled.filter((row) => !wb.attr(sheet, 'style', row, 1)?.wrap)).toEqual([]);
  });

  test('every KPI has an independent TypeScript figure, and the figures are not all zero', () => {
    expect(Object.keys(expected).sort()).toEqual(KPIS.map((k) => k.row.key).sort());
    for (const key of [
      'forecastCharges',
      'actualProducts',
      'grantsGranted',
      'volunteerHours',
      'eventCount',
      'actualVolunteering',
      'actualPremises',
      'financialReportsDue',
      'bookedHours',
      'occupancyRate',
      'indicatorsMeasured',
      'indicatorsReached',
    ]) {
      expect([key, expected[key]]).toEqual([key, expect.any(Number)]);
      expect(expected[key]).toBeGreaterThan(0);
    }
    expect(expected.grantDeadlines).toBeGreaterThan(0);
  });

  test.each(KPIS.map((k) => [k.row.key, k.row.label] as const))('%s (« %s »): sheet = TypeScript', (key) => {
    expectSame(sheetValues.get(key), expected[key]);
  });

  test('the budget totals by class add up with the 74 grants and the year filter', () => {
    expect(actualOnAccounts(records.operations, 2026, '74')).toBeLessThanOrEqual(
      expected.actualProducts as number,
    );
  });
});

describe('the dashboard stays live without any script run', () => {
  const h = demoHarness();
  const app = h.emulator.spreadsheetApp;
  const before = dashboardValues(h);

  test('choosing another year in the selector recomputes every KPI for that year', () => {
    app._userEdit(DASHBOARD, 'B2', '2025');
    const records = readRecords(h);
    const expected = expectedFigures(records, 2025);
    const values = dashboardValues(h);
    for (const { row } of KPIS) expectSame(values.get(row.key), expected[row.key]);
    expect(values.get('grantsRequested')).not.toEqual(before.get('grantsRequested'));
    app._userEdit(DASHBOARD, 'B2', '2026');
  });

  test('an operation typed by hand in « Opérations » moves the actual charges and the balance', () => {
    const sheet = h.ss.getSheetByName('Opérations')!;
    const headers = sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const letter = (header: string) => String.fromCharCode(65 + headers.indexOf(header));
    const ops = readRecords(h).operations;
    const row = FIRST_DATA_ROW + ops.length;
    const charge = ops.find((o) => String(o.account).startsWith('6'))!.account as string;
    app._userEdit('Opérations', `${letter('Date')}${row}`, '15/03/2026');
    app._userEdit('Opérations', `${letter('Compte')}${row}`, `'${charge}`);
    app._userEdit('Opérations', `${letter('Montant')}${row}`, '1234,5');
    const after = dashboardValues(h);
    expect(after.get('actualCharges') as number).toBeCloseTo(
      (before.get('actualCharges') as number) + 1234.5,
      6,
    );
    expect(after.get('actualBalance') as number).toBeCloseTo(
      (before.get('actualBalance') as number) - 1234.5,
      6,
    );
    expect(after.get('actualProducts')).toBe(before.get('actualProducts'));
  });
});

describe('writing the dashboard', () => {
  test('every formula passes the schema formula checker', () => {
    const names = SCHEMA_ENVIRONMENT.sheets.map((s) => s.name);
    const rendered = renderDashboard(SCHEMA_ENVIRONMENT).rows.filter((r) => r.kind === 'kpi');
    expect(rendered.length).toBeGreaterThan(40);
    for (const row of rendered)
      expect([row.label, formulaProblems(row.formula, names)]).toEqual([row.label, []]);
    expect(rendered.map((r) => r.formula).join('\n')).toMatch(/PILOTE_TODAY/);
  });

  test('costs a small fixed number of calls: one setFormulas for the KPI column, one call per chart', () => {
    const h = setUpHarness();
    // The KPI column emptied by hand (uncharged): the next setup lays the whole dashboard out again.
    h.ss.getSheetByName(DASHBOARD)!.getRange(DASHBOARD_FIRST_ROW, 2, DASHBOARD_ROWS.length, 1).clearContent();
    const { result, stats } = h.api<{ changed: boolean }>('setupWorkbook');
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    // Setup writes nothing on an up-to-date workbook (setup.test.ts): apart from the journal's
    // line for the run, every write here is the dashboard's.
    const dashboardWrites = stats.writes - (stats.byMethod['Sheet.appendRow'] ?? 0);
    console.log(`dashboard: ${dashboardWrites} writes; setup run ${stats.calls} calls`, stats.byMethod);
    // Labels, bold, wrap, formulas, formats, red rules, chart table; the 3 charts removed and drawn again.
    expect(dashboardWrites).toBeLessThanOrEqual(13);
    expect(stats.byMethod['Range.setFormulas']).toBe(1);
    expect(stats.byMethod['Range.setNumberFormats']).toBe(1);
    expect(stats.byMethod['Sheet.insertChart']).toBe(3);
    expect(stats.byMethod['Sheet.removeChart']).toBe(3);
    const charts = h.ss.getSheetByName(DASHBOARD)!.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual([
      'Budget de l’exercice\u00a0: prévu et réalisé',
      'Dossiers de subvention de l’exercice par statut',
      'Taux d’occupation par espace (période)',
    ]);
  });

  test('the charts read live ranges: the budget table, the grant statuses, the spaces’ occupancy', () => {
    const h = setUpHarness();
    const sheet = h.ss.getSheetByName(DASHBOARD)!;
    const [budget, grants, occupancy] = sheet.getCharts();
    expect(budget.getRanges().map((r) => r.getA1Notation())).toEqual(['D2:F4']);
    expect(sheet.getRange('D3:F3').getFormulas()[0].slice(1)).toEqual([
      `=B${DASHBOARD_FIRST_ROW + DASHBOARD_ROWS.findIndex((r) => r.kind === 'kpi' && r.key === 'forecastCharges')}`,
      `=B${DASHBOARD_FIRST_ROW + DASHBOARD_ROWS.findIndex((r) => r.kind === 'kpi' && r.key === 'actualCharges')}`,
    ]);
    const statusRows = grants.getRanges()[0];
    expect(statusRows.getNumRows()).toBe(GRANT_STATUSES.length);
    expect(statusRows.getValues().map((r) => r[0])).toEqual(
      GRANT_STATUSES.map((st) => `Dossiers «\u00a0${st}\u00a0»`),
    );
    expect(occupancy.getRanges().map((r) => `${r.getSheet().getName()}!${r.getValues()[0][0]}`)).toEqual([
      'Espaces!Nom',
      'Espaces!Taux d’occupation (période)',
    ]);
  });

  test('a second setup reads the KPI column once and writes nothing', () => {
    const { result, stats } = setUpHarness().api('setupWorkbook');
    expect(result).toMatchObject({ ok: true, data: { changed: false } });
    expect(stats.writes).toBe(0);
    expect(stats.byMethod['Range.getFormulas']).toBe(1);
  });

  test('a damaged KPI formula is rewritten by the next setup, the chosen year kept', () => {
    const h = setUpHarness();
    const app = h.emulator.spreadsheetApp;
    app._userEdit(DASHBOARD, 'B2', '2024');
    app._userEdit(DASHBOARD, `B${KPIS[0].at}`, '42');
    const { result } = h.api<{ changed: boolean }>('setupWorkbook');
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    const formula = app._peekFormulas(DASHBOARD, `B${KPIS[0].at}`)[0][0];
    expect(formula).toMatch(/^=SUMIFS\(/);
    expect(app._peekValues(DASHBOARD, 'B2')[0][0]).toBe(2024);
  });
});

describe('an unbalanced budget is flagged in the sheet itself', () => {
  const h = demoHarness();
  const app = h.emulator.spreadsheetApp;
  const dashboard = h.ss.getSheetByName(DASHBOARD)!;
  const rules = dashboard.getConditionalFormatRules();
  /** Evaluates a rule's formula the way Sheets would, in a scratch cell far from the dashboard. */
  const fires = (formula: string): unknown => {
    const scratch = dashboard.getRange('Z900');
    scratch.setFormula(formula);
    const value = scratch.getValue();
    scratch.clearContent();
    return value;
  };

  test('one red rule per figure that must be zero (balances, in-kind booked twice)', () => {
    expect(rules).toHaveLength(4);
    for (const rule of rules) {
      expect(rule.getBooleanCondition()?.getBackground()).toBe('#f4c7c3');
      expect(rule.getRanges()[0].getNumColumns()).toBe(2);
    }
  });

  test('on the balanced demo budget no rule fires; a forecast line typed by hand makes one fire', () => {
    const formulas = rules.map((r) => r.getBooleanCondition()?.getCriteriaValues()[0] as string);
    expect(formulas.map(fires)).toEqual([false, false, false, false]);
    const budget = h.ss.getSheetByName('Budget prévisionnel')!;
    const headers = budget.getRange(HEADER_ROW, 1, 1, budget.getLastColumn()).getValues()[0] as string[];
    const letter = (header: string) => String.fromCharCode(65 + headers.indexOf(header));
    const row = FIRST_DATA_ROW + readRecords(h).budget.length;
    const year = dashboard.getRange('B2').getValue();
    const charge = readRecords(h).budget.find((b) => String(b.account).startsWith('6'))!.account as string;
    app._userEdit('Budget prévisionnel', `${letter('Exercice')}${row}`, String(year));
    app._userEdit('Budget prévisionnel', `${letter('Compte')}${row}`, `'${charge}`);
    app._userEdit('Budget prévisionnel', `${letter('Montant')}${row}`, '500');
    expect(formulas.map(fires)).toEqual([true, false, false, false]);
  });

  test('volunteer time also booked as an operation on 864 is flagged red, as typed', () => {
    const formulas = rules.map((r) => r.getBooleanCondition()?.getCriteriaValues()[0] as string);
    const ops = h.ss.getSheetByName('Opérations')!;
    const headers = ops.getRange(HEADER_ROW, 1, 1, ops.getLastColumn()).getValues()[0] as string[];
    const letter = (header: string) => String.fromCharCode(65 + headers.indexOf(header));
    const row = FIRST_DATA_ROW + readRecords(h).operations.length;
    const before = formulas.map(fires);
    expect(before.slice(1)).toEqual([false, false, false]);
    app._userEdit('Opérations', `${letter('Date')}${row}`, `30/06/${dashboard.getRange('B2').getValue()}`);
    app._userEdit('Opérations', `${letter('Compte')}${row}`, "'864 Personnel bénévole");
    app._userEdit('Opérations', `${letter('Montant')}${row}`, '1200');
    // Rules in row order: forecast balance, forecast in kind, booked twice, actual in kind (87 − 86).
    expect(formulas.map(fires)).toEqual([before[0], false, true, true]);
  });
});
