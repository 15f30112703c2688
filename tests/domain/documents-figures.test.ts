/**
 * The figures of the documents on the demo workbook equal those of src/domain/finance, the
 * functions the dashboard test proves equal to the « Tableau de bord » formulas
 * (tests/server/dashboard.test.ts), and read in French in the rendered text.
 */
import { VOLUNTEER_HOURLY_VALUE } from '../../src/demo/settings';
import { DOCUMENT_TYPES } from '../../src/domain/documents/catalog';
import { formatValue } from '../../src/domain/documents/template';
import {
  actualTotals,
  eventStats,
  forecastTotals,
  freePremisesTotal,
  grantTotals,
  indicatorStats,
  lateActions,
  occupancyBySpace,
  overallOccupancy,
  overdueChecks,
  volunteerHours,
  volunteerValueBetween,
} from '../../src/domain/finance';
import { demoInput, TODAY, YEAR } from './documents-input';
import { parseMoney, render } from './documents-render';

const input = demoInput(YEAR);
const rec = input.records;
const PERIOD = { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` };
const money = (n: number) => formatValue(n, 'montant');

test('the volunteer hourly value of « Paramètres du lieu » is the one the dashboard test uses', () => {
  expect(input.settings.volunteerHourlyValue).toBe(VOLUNTEER_HOURLY_VALUE);
});

describe('Rapport d’activités', () => {
  const built = DOCUMENT_TYPES.activityReport.build(input);
  if (!built.ok) throw new Error(built.code);
  const r = render(DOCUMENT_TYPES.activityReport, built.data);
  const figures = (r.tables.find((tb) => tb[0][0] === 'Indicateur') ?? []).slice(1);
  const cell = (label: string) => figures.find((row) => row[0] === label)?.[1];

  test('key figures: attendance, events, occupancy, volunteer hours and value, as the dashboard', () => {
    const events = eventStats(rec.events, YEAR);
    // Independently of eventStats: the attendance of the year's events added up here.
    const attendance = rec.events
      .filter((e) => String(e.date).startsWith(String(YEAR)))
      .reduce((n, e) => n + (typeof e.attendance === 'number' ? e.attendance : 0), 0);
    expect(events.attendance).toBe(attendance);
    expect(cell('Participation aux événements')).toBe(`${formatValue(attendance, 'entier')} personnes`);
    expect(cell('Événements')).toBe(String(events.count));
    const occupancy = occupancyBySpace(rec.spaces, rec.bookings, PERIOD);
    expect(cell('Taux d’occupation des espaces')).toBe(
      formatValue(overallOccupancy(occupancy, PERIOD), 'pourcentage'),
    );
    const booked = [...occupancy.values()].reduce((n, s) => n + Math.max(s.hours, 0), 0);
    expect(cell('Heures réservées')).toBe(`${formatValue(booked, 'nombre')}\u00a0h`);
    expect(cell('Heures de bénévolat')).toBe(
      `${formatValue(volunteerHours(rec.volunteerHours, YEAR), 'nombre')}\u00a0h`,
    );
    const value = volunteerValueBetween(
      rec.volunteerHours,
      rec.volunteerRates,
      VOLUNTEER_HOURLY_VALUE,
      PERIOD.start,
      PERIOD.end,
    );
    expect(value).toBeGreaterThan(0);
    expect(cell('Valorisation du bénévolat')).toBe(money(value));
    expect(Number(cell('Structures partenaires'))).toBeGreaterThan(3);
  });

  test('finances: forecast, actual, in-kind and grants of the year, as the dashboard', () => {
    const forecast = forecastTotals(rec.budget, YEAR);
    const actual = actualTotals(rec.operations, YEAR);
    const fin = r.tables.find((tb) => tb[0][1] === 'Prévu')!;
    expect(fin[1]).toEqual([
      'Charges',
      money(forecast.charges),
      money(actual.charges),
      formatValue(actual.charges / forecast.charges, 'pourcentage'),
    ]);
    expect(fin[2].slice(0, 3)).toEqual(['Produits', money(forecast.products), money(actual.products)]);
    expect(parseMoney(fin[3][2])).toBeCloseTo(actual.products - actual.charges, 2);
    const volunteering = volunteerValueBetween(
      rec.volunteerHours,
      rec.volunteerRates,
      VOLUNTEER_HOURLY_VALUE,
      PERIOD.start,
      PERIOD.end,
    );
    const premises = freePremisesTotal(rec.structures, YEAR);
    // The dashboard's actualInKindUses: 86 of the operations + volunteer time + premises lent.
    const inKind = Math.round((actual.inKindUses + volunteering + premises) * 100) / 100;
    expect(r.text).toContain(`Contributions volontaires en nature\u00a0: ${money(inKind)} réalisées`);
    expect(r.text).toContain(`locaux mis à disposition ${money(premises)}`);
    const grants = grantTotals(rec.grants, YEAR);
    expect(r.text).toContain(
      `${money(grants.requested)} demandées, ${money(grants.granted)} accordées, ${money(grants.received)} reçues`,
    );
  });

  test('actions and indicators by axis and objective; every event of the year in its table', () => {
    const stats = indicatorStats(rec.indicators, YEAR);
    expect(r.text).toContain(`${stats.measured} indicateurs mesurés, ${stats.reached} atteints`);
    const axes = new Set(rec.objectives.map((o) => o.axis));
    for (const axis of axes) expect(r.text).toContain(`: ${axis}`);
    for (const a of rec.actions) expect(r.text).toContain(String(a.title));
    const events = r.tables.find((tb) => tb[0][1] === 'Événement')!;
    expect(events.length - 1).toBe(eventStats(rec.events, YEAR).count);
    expect(events[1][0]).toMatch(/^\d{2}\/\d{2}\/2026$/);
  });
});

describe('Point d’étape', () => {
  const built = DOCUMENT_TYPES.progressReport.build(demoInput({ from: '2026-01-01', to: '2026-08-31' }));
  if (!built.ok) throw new Error(built.code);
  const r = render(DOCUMENT_TYPES.progressReport, built.data);

  test('late items are the dashboard’s late actions and overdue checks; the period’s operations against the budget', () => {
    expect((built.data.retards as unknown[]).length).toBe(
      lateActions(rec.actions, TODAY) + overdueChecks(rec.safetyChecks, TODAY),
    );
    expect(overdueChecks(rec.safetyChecks, TODAY)).toBeGreaterThan(0);
    const ops = rec.operations.filter(
      (o) => String(o.date) >= '2026-01-01' && String(o.date) <= '2026-08-31',
    );
    const exec = r.tables.find((tb) => tb[0][1] === 'Budget de l’exercice')!;
    expect(exec[1]).toEqual([
      'Charges',
      money(forecastTotals(rec.budget, YEAR).charges),
      money(actualTotals(ops, YEAR).charges),
      formatValue(actualTotals(ops, YEAR).charges / forecastTotals(rec.budget, YEAR).charges, 'pourcentage'),
    ]);
    expect(built.name).toBe('Point d’étape du 01/01/2026 au 31/08/2026');
  });
});

describe('Compte rendu financier', () => {
  test('forecast and actual of the funded action by CERFA line; totals add up; 86/87 with volunteer time', () => {
    const g = rec.grants.find((x) => typeof x.action === 'string' && x.status === 'Versée')!;
    const built = DOCUMENT_TYPES.financialReport.build(demoInput(String(g.id)));
    if (!built.ok) throw new Error(built.code);
    const r = render(DOCUMENT_TYPES.financialReport, built.data);
    const charges = r.tables.find((tb) => tb[0][0] === 'Charges')!;
    const total = charges.find((row) => row[0] === 'Total des charges')!;
    const ofAction = (rs: typeof rec.budget, pred: (x: (typeof rec.budget)[number]) => boolean) =>
      Math.round(
        rs
          .filter((x) => x.action === g.action && String(x.account).startsWith('6') && pred(x))
          .reduce((s, x) => s + Number(x.amount), 0) * 100,
      ) / 100;
    expect(parseMoney(total[1])).toBe(ofAction(rec.budget, (x) => x.year === g.financialYear));
    expect(parseMoney(total[2])).toBe(
      ofAction(rec.operations, (x) => String(x.date).startsWith(String(g.financialYear))),
    );
    const lines = charges.slice(1, charges.indexOf(total));
    expect(Math.round(lines.reduce((s, row) => s + parseMoney(row[2]), 0) * 100)).toBe(
      Math.round(parseMoney(total[2]) * 100),
    );
    const volunteering = volunteerValueBetween(
      rec.volunteerHours,
      rec.volunteerRates,
      VOLUNTEER_HOURLY_VALUE,
      `${g.financialYear}-01-01`,
      `${g.financialYear}-12-31`,
      String(g.action),
    );
    expect(parseMoney(charges.find((row) => row[0].startsWith('864'))![2])).toBeCloseTo(volunteering, 2);
    expect(r.text).toContain('à compléter');
  });
});

describe('Registre de sécurité', () => {
  test('every check, overdue ones marked; a line that says « à vérifier » stays marked', () => {
    const checks = rec.safetyChecks.map((c, i) => (i === 0 ? { ...c, regulation: 'MS 38 (à vérifier)' } : c));
    const built = DOCUMENT_TYPES.safetyRegister.build({
      ...input,
      subject: null,
      records: { ...rec, safetyChecks: checks },
    });
    if (!built.ok) throw new Error(built.code);
    const r = render(DOCUMENT_TYPES.safetyRegister, built.data);
    const table = r.tables.find((tb) => tb[0][0] === 'Date')!;
    expect(table.length - 1).toBe(checks.length);
    expect(table.filter((row) => row[1].endsWith('[à vérifier]'))).toHaveLength(1);
    expect(table.find((row) => row[4] === 'MS 38 (à vérifier)')?.[1]).toMatch(/\[à vérifier\]$/);
    expect(table.filter((row) => row[7].endsWith('(en retard)'))).toHaveLength(overdueChecks(checks, TODAY));
    expect(r.text).toContain('1 ligne(s) portent la mention');
    expect(r.text).toContain('5e catégorie');
  });
});

describe('Compte rendu de réunion and Évaluation', () => {
  test('the meeting’s agenda items numbered, its decisions and next steps', () => {
    const m = rec.meetings[0];
    const built = DOCUMENT_TYPES.meetingMinutes.build(demoInput(String(m.id)));
    if (!built.ok) throw new Error(built.code);
    const r = render(DOCUMENT_TYPES.meetingMinutes, built.data);
    expect(r.blocks).toContain('1. Chauffage');
    expect(r.blocks).toContain('2. ménage des parties communes.');
    expect(r.text).toContain('Réunion des résident·es, le 15 janvier 2026 à 12:30 (Salle des Tisserands).');
    expect(r.text).toContain('Prochaine réunion\u00a0: 16 avril 2026.');
  });

  test('objectives against their indicators, with the dashboard’s summary', () => {
    const built = DOCUMENT_TYPES.evaluation.build(input);
    if (!built.ok) throw new Error(built.code);
    const r = render(DOCUMENT_TYPES.evaluation, built.data);
    const stats = indicatorStats(rec.indicators, YEAR);
    expect(r.text).toContain(`${stats.measured} indicateurs mesurés, ${stats.reached} atteints`);
    expect(r.text).toContain(formatValue(stats.average, 'pourcentage'));
    const rows = r.tables.flatMap((tb) => tb.slice(1));
    expect(rows.length).toBe(
      rec.indicators.filter(
        (i) => String(i.periodEnd).startsWith(String(YEAR)) && rec.actions.some((a) => a.title === i.action),
      ).length,
    );
  });
});
