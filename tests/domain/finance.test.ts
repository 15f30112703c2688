/** Budget, grants and activity arithmetic on small hand-made records. */
import {
  accountClass,
  actualOnAccounts,
  actualTotals,
  balance,
  deadlinesWithin,
  endOfMonth,
  eventStats,
  executionRate,
  forecastTotals,
  grantShareOfIncome,
  grantsBy,
  grantTotals,
  inKindBalance,
  lateActions,
  overdueChecks,
  totalsByAction,
  volunteerHours,
  volunteerValueBetween,
  freePremisesValue,
  occurrencesIn,
  occurrenceHours,
  financialReportDeadline,
  indicatorStats,
} from '../../src/domain/finance';

const budget = [
  { year: 2026, action: null, account: '606 Achats non stockés', amount: 1000 },
  { year: 2026, action: 'Repair café', account: '601 Achats stockés', amount: 250.5 },
  { year: 2026, action: 'Repair café', account: '741 Subventions État', amount: 900 },
  { year: 2026, action: null, account: '7561 Cotisations', amount: 350.5 },
  { year: 2026, action: null, account: '864 Personnel bénévole', amount: 400 },
  { year: 2026, action: null, account: '875 Bénévolat', amount: 400 },
  { year: 2025, action: null, account: '606 Achats non stockés', amount: 99 },
];
const operations = [
  { date: '2026-03-01', action: null, account: '606 Achats non stockés', amount: 600 },
  { date: '2026-12-31', action: null, account: '741 Subventions État', amount: 450 },
  { date: '2026-06-01', action: null, account: '706 Prestations', amount: 150 },
  { date: '2026-06-01', action: null, account: '864 Personnel bénévole', amount: 100 },
  { date: '2027-01-01', action: null, account: '606 Achats non stockés', amount: 5000 },
  { date: null, action: null, account: '606 Achats non stockés', amount: 7 },
];

describe('budget', () => {
  test('account classes: 6, 7, 86, 87, and nothing else', () => {
    expect(['606 X', '7083 Y', '864 Z', '871 W', '512 Banque', '', null].map(accountClass)).toEqual([
      '6',
      '7',
      '86',
      '87',
      null,
      null,
      null,
    ]);
  });

  test('forecast totals of a year by class, balance and in-kind balance', () => {
    const t = forecastTotals(budget, 2026);
    expect(t).toEqual({ charges: 1250.5, products: 1250.5, inKindUses: 400, inKindResources: 400 });
    expect(balance(t)).toBe(0);
    expect(inKindBalance(t)).toBe(0);
    expect(forecastTotals(budget, 2025).charges).toBe(99);
  });

  test('actual totals keep to the year of the date', () => {
    const t = actualTotals(operations, 2026);
    expect(t).toEqual({ charges: 600, products: 600, inKindUses: 100, inKindResources: 0 });
    expect(inKindBalance(t)).toBe(-100);
    expect(balance(t)).toBe(0);
  });

  test('by action, with the general running under ""', () => {
    const byAction = totalsByAction(budget, 2026, 'forecast');
    expect(byAction.get('Repair café')).toEqual({
      charges: 250.5,
      products: 900,
      inKindUses: 0,
      inKindResources: 0,
    });
    expect(byAction.get('')?.charges).toBe(1000);
    expect(totalsByAction(operations, 2026, 'actual').get('')?.products).toBe(600);
  });

  test('execution rate and share of grants', () => {
    expect(executionRate(600, 1200)).toBe(0.5);
    expect(executionRate(600, 0)).toBeNull();
    expect(actualOnAccounts(operations, 2026, '74')).toBe(450);
    expect(grantShareOfIncome(operations, 2026)).toBe(0.75);
    expect(grantShareOfIncome(operations, 2030)).toBeNull();
  });
});

describe('grants', () => {
  const grants = [
    {
      financialYear: 2026,
      status: 'Versée',
      funderLevel: 'Région',
      amountRequested: 20000,
      amountGranted: 18000,
      amountReceived: 9000,
      deadline: '2026-01-31',
    },
    {
      financialYear: 2026,
      status: 'Refusée',
      funderLevel: 'État',
      amountRequested: 5000,
      amountGranted: null,
      amountReceived: null,
      deadline: '2026-03-31',
    },
    {
      financialYear: 2026,
      status: 'En préparation',
      funderLevel: 'Région',
      amountRequested: 3000,
      amountGranted: null,
      amountReceived: null,
      deadline: '2026-09-18',
    },
    {
      financialYear: 2027,
      status: 'À étudier',
      funderLevel: 'Commune',
      amountRequested: 1000,
      amountGranted: null,
      amountReceived: null,
      deadline: '2026-10-01',
    },
    {
      financialYear: 2027,
      status: 'Déposée',
      funderLevel: 'CAF',
      amountRequested: 1000,
      amountGranted: null,
      amountReceived: null,
      deadline: '2026-09-10',
    },
  ];

  test('totals of a year, by status and by funder level', () => {
    expect(grantTotals(grants, 2026)).toEqual({ count: 3, requested: 28000, granted: 18000, received: 9000 });
    expect(grantsBy(grants, 2026, 'funderLevel').get('Région')).toEqual({
      count: 2,
      requested: 23000,
      granted: 18000,
      received: 9000,
    });
    expect(grantsBy(grants, 2026, 'status').get('Refusée')?.count).toBe(1);
    expect(grantsBy(grants, 2026, 'status').has('À étudier')).toBe(false);
  });

  test('deadlines within 30 days count only applications not yet submitted, both ends included', () => {
    expect(deadlinesWithin(grants, '2026-09-01', 30)).toBe(2);
    expect(deadlinesWithin(grants, '2026-09-01', 17)).toBe(1);
    expect(deadlinesWithin(grants, '2026-09-19', 30)).toBe(1);
  });
});

describe('activity', () => {
  test('volunteer hours (durations are fractions of a day) and their value', () => {
    const hours = [
      { date: '2026-01-08', hours: 1.5 / 24 },
      { date: '2026-02-08', hours: 2 / 24 },
      { date: '2025-12-31', hours: 8 / 24 },
      { date: '2026-02-09', hours: null },
    ];
    expect(volunteerHours(hours, 2026)).toBe(3.5);
    expect(volunteerValueBetween(hours, [], 13.5, '2026-01-01', '2026-12-31')).toBe(47.25);
  });

  test('volunteer time is valued at the rate of its task type, else the venue default', () => {
    const hours = [
      { date: '2026-03-01', hours: 2 / 24, taskType: 'Animation d’atelier', action: 'Repair café' },
      { date: '2026-03-02', hours: 1 / 24, taskType: 'Communication', action: '' },
      { date: '2026-03-03', hours: 1 / 24, taskType: 'Accueil et permanence', action: '' },
    ];
    const rates = [
      { taskType: 'Animation d’atelier', hourlyValue: 18 },
      { taskType: 'Accueil et permanence', hourlyValue: 0 },
    ];
    // 2 h × 18 + 1 h × 13.5 (no rate) + 1 h × 13.5 (a zero rate falls back too).
    expect(volunteerValueBetween(hours, rates, 13.5, '2026-01-01', '2026-12-31')).toBe(63);
    expect(volunteerValueBetween(hours, rates, 13.5, '2026-01-01', '2026-12-31', 'Repair café')).toBe(36);
    expect(volunteerValueBetween(hours, rates, 13.5, '2026-03-02', '2026-03-02')).toBe(13.5);
  });

  test('premises lent below their rental value, prorated to the days of the agreement in the year', () => {
    const base = { rentalValue: 450, monthlyFee: 150 };
    expect(
      freePremisesValue({ ...base, agreementStart: '2025-09-01', agreementEnd: '2027-08-31' }, 2026),
    ).toBe(3600);
    // 1 July–31 December: 184 of 365 days.
    expect(freePremisesValue({ ...base, agreementStart: '2026-07-01', agreementEnd: null }, 2026)).toBe(
      Math.round(((300 * 12 * 184) / 365) * 100) / 100,
    );
    expect(freePremisesValue({ ...base, agreementStart: '2027-01-01', agreementEnd: null }, 2026)).toBe(0);
    expect(freePremisesValue({ rentalValue: 100, monthlyFee: 150 }, 2026)).toBe(0);
    expect(freePremisesValue({ monthlyFee: 150, rentalValue: null }, 2026)).toBeNull();
  });

  test('occurrences of a booking in a period: once, weekly, fortnightly, monthly, up to its end', () => {
    const march = { start: '2026-03-01', end: '2026-03-31' };
    const once = { startDate: '2026-03-10', recurrence: 'Aucune' };
    expect(occurrencesIn(once, march)).toBe(1);
    expect(occurrencesIn({ ...once, startDate: '2026-04-01' }, march)).toBe(0);
    // Tuesdays from 3 February: 3, 10, 17, 24 and 31 March.
    const weekly = { startDate: '2026-02-03', recurrence: 'Chaque semaine', recurrenceUntil: null };
    expect(occurrencesIn(weekly, march)).toBe(5);
    expect(occurrencesIn({ ...weekly, recurrenceUntil: '2026-03-20' }, march)).toBe(3);
    // Every other Tuesday from 3 February: 3 and 17 March, 31 March.
    expect(occurrencesIn({ ...weekly, recurrence: 'Toutes les deux semaines' }, march)).toBe(3);
    const monthly = { startDate: '2026-01-15', recurrence: 'Chaque mois', recurrenceUntil: '2026-12-31' };
    expect(occurrencesIn(monthly, { start: '2026-01-01', end: '2026-12-31' })).toBe(12);
    expect(occurrencesIn(monthly, { start: '2026-03-16', end: '2026-04-14' })).toBe(0);
    expect(occurrencesIn(monthly, march)).toBe(1);
  });

  test('occurrences follow the one expansion of a schedule: daily, chosen weekdays, the 31st, excluded dates', () => {
    const march = { start: '2026-03-01', end: '2026-03-31' };
    // Every day from 30 March 2026, 5 times: 30 and 31 March in March, 3 more in April.
    const daily = { startDate: '2026-03-30', recurrence: 'Chaque jour', recurrenceCount: 5 };
    expect(occurrencesIn(daily, march)).toBe(2);
    expect(occurrencesIn(daily, { start: '2026-04-01', end: '2026-04-30' })).toBe(3);
    // Mondays and Wednesdays from Monday 2 March, 11 March left out: 2, 4, 9, 16, 18, 23, 25, 30.
    const twice = {
      startDate: '2026-03-02',
      recurrence: 'Chaque semaine',
      recurrenceWeekdays: 'lun, mer',
      recurrenceExceptions: '11/03/2026',
    };
    expect(occurrencesIn(twice, march)).toBe(8);
    // The 31st of each month in 2026: only the seven months that have one (RFC 5545).
    const monthEnd = { startDate: '2026-01-31', recurrence: 'Chaque mois', recurrenceUntil: '2026-12-31' };
    expect(occurrencesIn(monthEnd, { start: '2026-01-01', end: '2026-12-31' })).toBe(7);
  });

  test('hours of an occurrence: timed, over several days, all day (weekly hours ÷ 7)', () => {
    expect(occurrenceHours({ startDate: '2026-03-10', startTime: '19:00', endTime: '22:30' }, 0)).toBe(3.5);
    expect(
      occurrenceHours(
        { startDate: '2026-03-10', startTime: '18:00', endDate: '2026-03-11', endTime: '02:00' },
        0,
      ),
    ).toBe(8);
    expect(occurrenceHours({ startDate: '2026-03-10', startTime: null, endDate: '2026-03-11' }, 70)).toBe(20);
    // No end date and an end before the start: it crosses midnight (22:00 → 02:00).
    expect(occurrenceHours({ startDate: '2026-03-10', startTime: '22:00', endTime: '02:00' }, 0)).toBe(4);
  });

  test('the financial report is owed by 30 June after the year granted, only once granted', () => {
    expect(financialReportDeadline({ financialYear: 2025, status: 'Versée' })).toBe('2026-06-30');
    expect(financialReportDeadline({ financialYear: 2025, status: 'Déposée' })).toBeNull();
    expect(financialReportDeadline({ financialYear: null, status: 'Accordée' })).toBeNull();
  });

  test('indicators of a year: measured, reached, mean achievement', () => {
    const stats = indicatorStats(
      [
        { periodEnd: '2026-12-31', target: 50, actual: 46 },
        { periodEnd: '2026-06-30', target: 10, actual: 12 },
        { periodEnd: '2026-12-31', target: 10, actual: null },
        { periodEnd: '2025-12-31', target: 10, actual: 10 },
      ],
      2026,
    );
    expect(stats).toEqual({ measured: 2, reached: 1, average: (0.92 + 1.2) / 2 });
  });

  test('events of a year and their attendance', () => {
    const events = [
      { date: '2026-05-01', attendance: 40 },
      { date: '2026-06-01', attendance: null },
      { date: '2025-06-01', attendance: 99 },
    ];
    expect(eventStats(events, 2026)).toEqual({ count: 2, attendance: 40 });
  });

  test('late actions: running or in preparation, end date passed', () => {
    const actions = [
      { status: 'En cours', endDate: '2026-08-31' },
      { status: 'En préparation', endDate: '2026-01-01' },
      { status: 'En cours', endDate: '2026-09-01' },
      { status: 'Terminée', endDate: '2026-01-01' },
      { status: 'En cours', endDate: null },
    ];
    expect(lateActions(actions, '2026-09-01')).toBe(2);
  });

  test('overdue checks: end of the month after the periodicity, before today', () => {
    expect(endOfMonth('2025-01-31', 1)).toBe('2025-02-28');
    expect(endOfMonth('2024-12-15', 12)).toBe('2025-12-31');
    const checks = [
      { date: '2025-08-10', periodicityMonths: 12 },
      { date: '2025-09-10', periodicityMonths: 12 },
      { date: '2020-01-01', periodicityMonths: 0 },
    ];
    expect(overdueChecks(checks, '2026-09-01')).toBe(1);
  });
});
