/**
 * Totals the workbook computes row by row, beside the records: « Comptes » (by account and
 * class, with the in-kind valuations), « Actions » (by action), « Budget prévisionnel » (actual
 * per line), « Structures » (premises lent), « Espaces » and « Réservations » (occupancy),
 * « Subventions » (CERFA 15059 deadline). Each cell evaluated by the emulator on the demo
 * workbook equals the figure computed in TypeScript from the same records.
 */
import { accountTitle } from '../../src/demo/accounts';
import { VOLUNTEER_HOURLY_VALUE } from '../../src/demo/settings';
import type { DocRecord } from '../../src/domain/documents/catalog';
import { cerfaBudget } from '../../src/domain/documents/types/cerfa-budget';
import {
  accountStartsWith,
  bookingHoursIn,
  cents,
  type FinanceRecord,
  financialReportDeadline,
  freePremisesTotal,
  freePremisesValue,
  occupancyBySpace,
  volunteerValueBetween,
} from '../../src/domain/finance';
import { CHART_OF_ACCOUNTS } from '../../src/domain/finance/chart-of-accounts';
import { FIRST_DATA_ROW, KEY_ROW, requireSheet } from '../../src/schema';
import { BALANCED_ACTION, balancedActionRecords } from '../domain/documents-input';
import { demoRecords } from './demo-records';
import { demoHarness, type Harness } from './harness';

const YEAR = 2026;
const PERIOD = { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` };

/** The cells of a table as evaluated, one object per used row, by column key (found in the key row). */
function sheetRows(h: Harness, sheetKey: string, keyColumn: string): Record<string, unknown>[] {
  const def = requireSheet(sheetKey);
  const sheet = h.ss.getSheetByName(def.name)!;
  const width = sheet.getLastColumn();
  const keys = sheet.getRange(KEY_ROW, 1, 1, width).getValues()[0].map(String);
  const values = sheet
    .getRange(FIRST_DATA_ROW, 1, sheet.getLastRow() - FIRST_DATA_ROW + 1, width)
    .getValues();
  const keyAt = keys.indexOf(keyColumn);
  return values
    .filter((row) => row[keyAt] !== '')
    .map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]])));
}

const close = (found: unknown, expected: number | '', label: string): void => {
  if (expected === '') expect([label, found]).toEqual([label, '']);
  else {
    expect([label, typeof found]).toEqual([label, 'number']);
    expect([label, Math.round((found as number) * 1e6)]).toEqual([label, Math.round(expected * 1e6)]);
  }
};

describe('totals beside the records, on the demo workbook', () => {
  const h = demoHarness();
  const budget = demoRecords('budget');
  const operations = demoRecords('operations');
  const hours = demoRecords('volunteerHours');
  const rates = demoRecords('volunteerRates');
  const structures = demoRecords('structures');
  const inYear = (r: FinanceRecord) => String(r.date).slice(0, 4) === String(YEAR);
  const volunteering = volunteerValueBetween(hours, rates, VOLUNTEER_HOURLY_VALUE, PERIOD.start, PERIOD.end);
  const premises = freePremisesTotal(structures, YEAR);

  test('setup wrote the whole chart of accounts; the demo brought none of its own', () => {
    const accounts = sheetRows(h, 'accounts', 'number');
    expect(accounts.map((a) => String(a.number))).toEqual(CHART_OF_ACCOUNTS.map((a) => a.number));
    expect(accounts.find((a) => a.number === '864')?.title).toBe('864 Personnel bénévole');
  });

  test('« Comptes »: forecast, actual (in-kind valuations included), gap and rate of every account and class', () => {
    const rows = sheetRows(h, 'accounts', 'number');
    const parentOf = (n: string, accounts: string[]) => accounts.some((a) => a.startsWith(n));
    let checked = 0;
    for (const row of rows) {
      const n = String(row.number);
      const forecast = cents(
        budget
          .filter((l) => l.year === YEAR && accountStartsWith(l.account, n))
          .reduce((s, l) => s + Number(l.amount), 0),
      );
      const actual = cents(
        operations
          .filter((o) => inYear(o) && accountStartsWith(o.account, n))
          .reduce((s, o) => s + Number(o.amount), 0) +
          (parentOf(n, ['864', '875']) ? volunteering : 0) +
          (parentOf(n, ['861', '871']) ? premises : 0),
      );
      close(row.forecast, forecast, `${n} prévu`);
      close(row.actual, actual, `${n} réalisé`);
      close(row.gap, cents(actual - forecast), `${n} écart`);
      close(row.executionRate, forecast === 0 ? '' : actual / forecast, `${n} taux`);
      if (forecast !== 0 || actual !== 0) checked += 1;
    }
    expect(checked).toBeGreaterThan(30);
    const class6 = rows.filter((r) => String(r.number).length === 2 && String(r.number).startsWith('6'));
    const total6 = class6.reduce((s, r) => s + (r.forecast as number), 0);
    expect(cents(total6)).toBe(
      cents(
        budget
          .filter((l) => l.year === YEAR && String(l.account).startsWith('6'))
          .reduce((s, l) => s + Number(l.amount), 0),
      ),
    );
    expect(rows.find((r) => r.number === '864')?.actual).toBeCloseTo(volunteering, 6);
    expect(volunteering).toBeGreaterThan(0);
    expect(rows.find((r) => r.number === '871')?.actual).toBeCloseTo(premises, 6);
    expect(premises).toBeGreaterThan(0);
  });

  test('« Actions »: charges and products forecast and actual of the year, gap and rate', () => {
    const rows = sheetRows(h, 'actions', 'title');
    let withBudget = 0;
    for (const row of rows) {
      const title = String(row.title);
      const sum = (records: FinanceRecord[], prefix: string, ofYear: (r: FinanceRecord) => boolean) =>
        cents(
          records
            .filter((r) => ofYear(r) && r.action === title && String(r.account).startsWith(prefix))
            .reduce((s, r) => s + Number(r.amount), 0),
        );
      const fc = sum(budget, '6', (l) => l.year === YEAR);
      const ac = sum(operations, '6', inYear);
      close(row.forecastCharges, fc, `${title} charges prévues`);
      close(row.actualCharges, ac, `${title} charges réalisées`);
      close(row.chargesGap, cents(ac - fc), `${title} écart`);
      close(row.chargesExecution, fc === 0 ? '' : ac / fc, `${title} taux`);
      close(
        row.forecastProducts,
        sum(budget, '7', (l) => l.year === YEAR),
        `${title} produits prévus`,
      );
      close(row.actualProducts, sum(operations, '7', inYear), `${title} produits réalisés`);
      // The CERFA 12156 totals, in-kind included, as the grant request lays them out.
      const cerfa = cerfaBudget(
        budget.filter((l) => l.year === YEAR && l.action === title),
        title,
        [],
        [],
      );
      close(row.cerfaCharges, cents(cerfa.totalCharges + cerfa.total86), `${title} charges CERFA`);
      close(row.cerfaProducts, cents(cerfa.totalProduits + cerfa.total87), `${title} produits CERFA`);
      if (fc > 0) withBudget += 1;
    }
    expect(withBudget).toBeGreaterThan(2);
  });

  test('« Budget prévisionnel »: the actual of each line, volunteer time by action into 864/875', () => {
    const rows = sheetRows(h, 'budget', 'account');
    expect(rows).toHaveLength(budget.length);
    rows.forEach((row, i) => {
      const line = budget[i];
      const action = (line.action ?? '') as string;
      const ops = operations
        .filter(
          (o) =>
            String(o.date).slice(0, 4) === String(line.year) &&
            o.account === line.account &&
            (o.action ?? '') === action,
        )
        .reduce((s, o) => s + Number(o.amount), 0);
      const number = String(line.account).split(' ')[0];
      const vol = ['864', '875'].includes(number)
        ? volunteerValueBetween(
            hours,
            rates,
            VOLUNTEER_HOURLY_VALUE,
            `${line.year}-01-01`,
            `${line.year}-12-31`,
            action,
          )
        : 0;
      const prem = ['861', '871'].includes(number) && action === '' && line.year === YEAR ? premises : 0;
      close(row.actual, cents(ops + vol + prem), `ligne ${i + 1} (${line.account})`);
    });
    expect(rows.find((r) => String(r.account).startsWith('864'))?.actual).toBeGreaterThan(0);
  });

  test('« Structures »: premises lent below their rental value, per structure', () => {
    const rows = sheetRows(h, 'structures', 'name');
    rows.forEach((row, i) => {
      close(row.freePremisesValue, freePremisesValue(structures[i], YEAR) ?? '', String(row.name));
    });
  });

  test('« Réservations » and « Espaces »: hours per booking in the period, booked hours and occupancy per space', () => {
    const spaces = demoRecords('spaces');
    const bookings = demoRecords('bookings');
    const weekly = new Map(spaces.map((s) => [s.name, Number(s.weeklyHours ?? 0)]));
    sheetRows(h, 'bookings', 'title').forEach((row, i) => {
      close(
        row.periodHours,
        bookingHoursIn(bookings[i], weekly.get(bookings[i].space) ?? 0, PERIOD) ?? '',
        `réservation ${i + 1}`,
      );
    });
    const occupancy = occupancyBySpace(spaces, bookings, PERIOD);
    for (const row of sheetRows(h, 'spaces', 'name')) {
      const expected = occupancy.get(String(row.name))!;
      close(row.bookedHours, expected.hours, `${row.name} heures`);
      close(row.occupancyRate, expected.rate ?? '', `${row.name} taux`);
    }
    expect([...occupancy.values()].filter((s) => s.rate !== null && s.rate > 0).length).toBeGreaterThan(2);
  });

  test('« Subventions »: the CERFA 15059 deadline of every grant that owes a report', () => {
    const grants = demoRecords('grants');
    const rows = sheetRows(h, 'grants', 'title');
    rows.forEach((row, i) => {
      const due = financialReportDeadline(grants[i]);
      const found = row.financialReportDeadline;
      const iso =
        found instanceof Date ? found.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }) : found;
      expect([row.title, iso]).toEqual([row.title, due ?? '']);
    });
    expect(rows.filter((r) => r.financialReportDeadline !== '').length).toBeGreaterThan(2);
  });

  test('choosing March in the period selector recomputes occupancy for March only, without a script run', () => {
    h.emulator.spreadsheetApp._userEdit('Tableau de bord', 'B3', 'mars');
    const march = { start: `${YEAR}-03-01`, end: `${YEAR}-03-31` };
    const occupancy = occupancyBySpace(demoRecords('spaces'), demoRecords('bookings'), march);
    for (const row of sheetRows(h, 'spaces', 'name')) {
      const expected = occupancy.get(String(row.name))!;
      close(row.bookedHours, expected.hours, `${row.name} heures en mars`);
      close(row.occupancyRate, expected.rate ?? '', `${row.name} taux en mars`);
    }
    h.emulator.spreadsheetApp._userEdit('Tableau de bord', 'B3', 'Toute l’année');
  });
});

describe('« Actions »: the CERFA totals of an action with in-kind lines and odd cents', () => {
  const h = demoHarness();
  let n = 0;
  const save = (sheet: string, values: Record<string, unknown>) => {
    n += 1;
    const { result } = h.api<{ id: string }>('saveRecord', { sheet, values, requestId: `req-cerfa-${n}` });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  };
  const fx = balancedActionRecords();
  const { id: _id, ...action } = fx.action as Record<string, unknown>;
  save('actions', { ...action, partners: null });
  const lines: DocRecord[] = fx.budget.map((l) => ({
    ...l,
    account: accountTitle(String(l.account).split(' ')[0]),
    funder: null,
  }));
  for (const l of lines) save('budget', l);

  test('charges 6 + 86 and produits 7 + 87 equal the grant request’s totals with contributions', () => {
    const row = sheetRows(h, 'actions', 'title').find((r) => r.title === BALANCED_ACTION)!;
    const cerfa = cerfaBudget(
      lines.filter((l) => l.year === YEAR),
      BALANCED_ACTION,
      [],
      [],
    );
    expect(cerfa.total86).toBe(1132.8);
    close(row.forecastCharges, cerfa.totalCharges, 'charges 6');
    close(row.forecastProducts, cerfa.totalProduits, 'produits 7');
    close(row.cerfaCharges, cents(cerfa.totalCharges + cerfa.total86), 'charges CERFA');
    close(row.cerfaProducts, cents(cerfa.totalProduits + cerfa.total87), 'produits CERFA');
    close(row.cerfaCharges, 10954.6, 'charges CERFA');
    close(row.cerfaProducts, 10954.6, 'produits CERFA');
  });
});
