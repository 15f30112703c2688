/**
 * Computed columns follow a growing table (issue 9, item 5). Every table with computed columns,
 * derived from the schema, is grown through the shipped bundle past 1,000 and 2,000 records to
 * 2,500: every data row must carry its formulas, FORMULA_BLOCK_ROWS ahead of the last record, and
 * a computed value of the last record must be right. Past records are seeded straight into the
 * emulator (uncharged); each growth and the records around it go through `saveRecord`.
 */
import { growAsOlderPilote, seedLabels, seedRecords } from '../../local/fixtures';
import { FIRST_DATA_ROW, KEY_ROW, renderColumnFormula, SCHEMA_ENVIRONMENT, SHEETS } from '../../src/schema';
import { FORMULA_BLOCK_ROWS, formulaRangeName, tableRangeName } from '../../src/schema/layout';
import type { ColumnDef, SheetDef } from '../../src/schema/types';
import { type Harness, setUpHarness } from './harness';

const RECORDS = 2500;

/** Every table whose rows carry formulas: a new one fails the test until it has a sample. */
const COMPUTED_TABLES = SHEETS.filter(
  (s) => s.kind === 'table' && s.columns.some((c) => c.type === 'formula'),
);

type Values = Record<string, string>;

interface Sample {
  /** Labels the references of the inputs point at, seeded before the first save. */
  targets?: Record<string, string[]>;
  /** A valid record as the sidebar sends it, the n-th of the table. */
  input(n: number): Values;
  /**
   * Past records typed long ago (uncharged), when the label alone is not what the table needs.
   * Tables whose formulas sum other tables (SUMIFS) seed records without the cell those formulas
   * test first, so that the emulator does not compute 2,500 sums per write: the formulas are
   * there all the same, and the last record, written through Pilote, is computed in full.
   */
  seed?(n: number): Record<string, string | number>;
  /** Records written after the last one that its computed columns read (e.g. a booking of a space). */
  after?: { sheet: string; values: Values }[];
  /** Computed values of the last record, by column key. */
  expected: Record<string, unknown>;
}

/** An account of the chart setup writes, as references spell it. */
const PURCHASES = '606 Achats non stockés de matière et fournitures';
const accountNumber = (n: number) => `6${String(n).padStart(5, '0')}`;

const SAMPLES: Record<string, Sample> = {
  spaces: {
    input: (n) => ({ name: `Espace ${n}`, weeklyHours: '35' }),
    seed: (n) => ({ description: `Espace passé ${n}` }),
    after: [
      {
        sheet: 'bookings',
        values: {
          space: `Espace ${RECORDS}`,
          title: 'Réunion du dernier espace',
          startDate: '14/09/2026',
          startTime: '14:00',
          endTime: '16:30',
          status: 'Confirmée',
        },
      },
    ],
    expected: { bookedHours: 2.5 },
  },
  bookings: {
    targets: { spaces: ['Grande salle'] },
    // Confirmed bookings of one space never overlap (issue 10): each record gets its own slot of
    // 2 h 30 — one of 360 days of 2026, one of seven slots from midnight.
    input: (n) => {
      const day = new Date(Date.UTC(2026, 0, 1 + (n % 360)));
      const slot = Math.floor(n / 360) * 150;
      const hhmm = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        space: 'Grande salle',
        title: `Réservation ${n}`,
        startDate: `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/2026`,
        startTime: hhmm(slot),
        endTime: hhmm(slot + 150),
        status: 'Confirmée',
      };
    },
    expected: { occurrenceHours: 2.5, periodOccurrences: 1, periodHours: 2.5 },
  },
  structures: {
    input: (n) => ({ name: `Structure ${n}`, rentalValue: '500', monthlyFee: '200' }),
    // (500 − 200) × 12 over the whole year of the dashboard (no agreement dates).
    expected: { freePremisesValue: 3600 },
  },
  volunteerHours: {
    targets: { volunteers: ['Awa Diallo'] },
    input: (n) => ({
      date: '02/09/2026',
      volunteer: 'Awa Diallo',
      taskType: 'Accueil et permanence',
      description: `Permanence ${n}`,
      hours: '2h',
    }),
    // 2 h at the venue's hourly value, set to 12 € below.
    expected: { valuedAmount: 24 },
  },
  actions: {
    input: (n) => ({ title: `Action ${n}`, status: 'En cours' }),
    seed: (n) => ({ description: `Action passée ${n}` }),
    after: [
      {
        sheet: 'budget',
        values: {
          year: '2026',
          action: `Action ${RECORDS}`,
          account: PURCHASES,
          amount: '1 500',
        },
      },
    ],
    expected: { forecastCharges: 1500, chargesGap: -1500, chargesExecution: 0 },
  },
  indicators: {
    input: (n) => ({ name: `Indicateur ${n}`, target: '10', actual: '5' }),
    expected: { achievement: 0.5 },
  },
  grants: {
    targets: { structures: ['Fondation Lumière'] },
    input: (n) => ({
      title: `Subvention ${n}`,
      funder: 'Fondation Lumière',
      funderLevel: 'Région',
      status: 'Accordée',
      financialYear: '2026',
      amountGranted: '1 000',
      amountReceived: '400',
    }),
    // Dates are midnight in the spreadsheet's time zone (Europe/Paris).
    expected: { amountDue: 600, financialReportDeadline: new Date('2027-06-30T00:00:00+02:00') },
  },
  accounts: {
    // Sub-accounts 600001…602500: numbers of the plan comptable's form, none in the chart.
    input: (n) => ({ number: accountNumber(n), label: `Compte ${n}`, nature: 'Charge' }),
    seed: (n) => ({ label: `Compte ${n}` }),
    expected: { title: `${accountNumber(RECORDS)} Compte ${RECORDS}` },
  },
  budget: {
    input: (n) => ({ year: '2026', account: PURCHASES, label: `Ligne ${n}`, amount: '300' }),
    after: [
      {
        sheet: 'operations',
        values: { date: '02/09/2026', account: PURCHASES, label: 'Achat final', amount: '42' },
      },
    ],
    expected: { actual: 42 },
  },
  safetyChecks: {
    input: () => ({
      date: '15/01/2026',
      checkType: 'Installations électriques – vérification périodique',
      result: 'Conforme',
      periodicityMonths: '12',
    }),
    // EDATE since schema 4: the same day a year later.
    expected: { nextDue: new Date('2027-01-15T00:00:00+01:00') },
  },
  safetySchedule: {
    input: (n) => ({ checkType: 'Gaz – vérification', installation: `Local ${n}`, periodicityMonths: '12' }),
    // Without a check type the formulas stop at their first test (no MAXIFS over the register).
    seed: (n) => ({ installation: `Local passé ${n}` }),
    // Never done: due today, late.
    expected: { status: 'En retard' },
  },
};

let requests = 0;
function requestId(): string {
  requests += 1;
  return `growth-${String(requests).padStart(6, '0')}`;
}

function save(h: Harness, sheet: string, values: Values) {
  const { result, stats } = h.api<{ row: number }>('saveRecord', { sheet, values, requestId: requestId() });
  if (!result.ok) throw new Error(`saveRecord ${sheet}: ${JSON.stringify(result.error)}`);
  return { row: result.data.row, stats };
}

/** The last row of a named range (uncharged: outside any execution). */
function namedEnd(h: Harness, name: string): number {
  const range = h.ss
    .getNamedRanges()
    .find((n) => n.getName() === name)
    ?.getRange();
  if (!range) throw new Error(`no named range ${name}`);
  return range.getRow() + range.getNumRows() - 1;
}

function columnsOf(h: Harness, def: SheetDef): string[] {
  const sheet = h.ss.getSheetByName(def.name)!;
  return sheet.getRange(KEY_ROW, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
}

/**
 * The formula Pilote writes on `row`, as Sheets gives it back: a sheet name that needs no quotes
 * loses them (`'Espaces'!$K$3` reads `Espaces!$K$3`).
 */
function expectedFormula(def: SheetDef, column: ColumnDef, row: number, tableEnd?: number): string {
  const env = { ...SCHEMA_ENVIRONMENT, lastRow: (s: SheetDef) => (s.key === def.key ? tableEnd : undefined) };
  return renderColumnFormula(def, column, row, env).replace(/'([^' !]+)'!/g, '$1!');
}

function lastRecordRow(h: Harness, def: SheetDef): number {
  const sheet = h.ss.getSheetByName(def.name)!;
  const idAt = columnsOf(h, def).indexOf('id') + 1;
  const ids = sheet.getRange(FIRST_DATA_ROW, idAt, sheet.getMaxRows() - FIRST_DATA_ROW + 1, 1).getValues();
  let n = 0;
  while (n < ids.length && ids[n][0] !== '') n += 1;
  return FIRST_DATA_ROW + n - 1;
}

describe('computed columns follow a growing table', () => {
  test('every table with computed columns has a sample below', () => {
    expect(COMPUTED_TABLES.length).toBeGreaterThan(0);
    expect(Object.keys(SAMPLES).sort()).toEqual(COMPUTED_TABLES.map((s) => s.key).sort());
  });

  test.each(COMPUTED_TABLES.map((def) => [def.key, def] as const))(
    '%s grown to 2,500 records carries its formulas on every row',
    (_key, def) => {
      const sample = SAMPLES[def.key];
      const h = setUpHarness();
      for (const [sheet, labels] of Object.entries(sample.targets ?? {}))
        seedLabels(h.emulator, sheet, labels);
      h.ss.getRangeByName('PILOTE_VOLUNTEER_HOURLY_VALUE')!.setValue(12);
      const computed = def.columns.filter((c) => c.type === 'formula' && c.formula);
      const seed = sample.seed ?? ((n: number) => ({ [def.labelColumn ?? 'id']: `${def.name} ${n}` }));
      const count = () => lastRecordRow(h, def) - FIRST_DATA_ROW + 1;
      const growthCalls: number[] = [];
      for (const size of [1000, 2000]) {
        const last = namedEnd(h, tableRangeName(def));
        expect(last).toBe(size);
        // Past records up to two rows above the table's last row, then one through Pilote: the
        // formulas reach the row above the last row and never the last row itself.
        seedRecords(h.emulator, def.key, last - 2 - lastRecordRow(h, def), seed);
        expect(save(h, def.key, sample.input(count() + 1)).row).toBe(last - 1);
        expect(namedEnd(h, formulaRangeName(def))).toBe(last - 1);
        // The table is full: this record makes it grow, and its formulas come with the rows.
        const grown = save(h, def.key, sample.input(count() + 1));
        expect(grown.row).toBe(last);
        expect(namedEnd(h, tableRangeName(def))).toBe(last + 1000);
        expect(namedEnd(h, formulaRangeName(def))).toBe(last + FORMULA_BLOCK_ROWS);
        expect(grown.stats.byMethod['Sheet.insertRowsBefore']).toBe(1);
        expect(grown.stats.byMethod['Range.setFormulas']).toBe(computed.length);
        expect(grown.stats.byMethod['Spreadsheet.setNamedRange']).toBe(1);
        growthCalls.push(grown.stats.calls);
      }
      // Growing costs the same at 1,000 and at 2,000 records: up to 104 calls as measured with
      // schema 4's 31 sheets (the record's own narrow write, then the key row of every table,
      // read once for the dropdowns and formulas, the insert, the formats and one setFormulas
      // per computed column). Schema 5 gave « Réservations » 14 computed columns (the occupancy's
      // steps, the overlap flag): 119 calls, 105 besides its setFormulas.
      expect(growthCalls[1]).toBe(growthCalls[0]);
      expect(growthCalls[0] - computed.length).toBeLessThan(110);
      seedRecords(h.emulator, def.key, RECORDS - 1 - count(), seed);
      const lastRow = save(h, def.key, sample.input(RECORDS)).row;
      expect(lastRow).toBe(FIRST_DATA_ROW + RECORDS - 1);
      for (const next of sample.after ?? []) save(h, next.sheet, next.values);

      const sheet = h.ss.getSheetByName(def.name)!;
      const keys = columnsOf(h, def);
      const through = lastRow + FORMULA_BLOCK_ROWS;
      expect(namedEnd(h, formulaRangeName(def))).toBeGreaterThanOrEqual(through);
      for (const column of computed) {
        const at = keys.indexOf(column.key) + 1;
        const formulas = sheet.getRange(FIRST_DATA_ROW, at, through - FIRST_DATA_ROW + 1, 1).getFormulas();
        // Ranges of the table itself end where the table ends now: inserting rows widened the
        // ones written before, and rows written after the growth are rendered to the new end.
        const tableEnd = namedEnd(h, tableRangeName(def));
        const wrong = formulas.findIndex(
          ([formula], i) => formula !== expectedFormula(def, column, FIRST_DATA_ROW + i, tableEnd),
        );
        expect([column.key, wrong === -1 ? null : FIRST_DATA_ROW + wrong]).toEqual([column.key, null]);
      }
      const actual: Record<string, unknown> = {};
      for (const key of Object.keys(sample.expected)) {
        actual[key] = sheet.getRange(lastRow, keys.indexOf(key) + 1).getValue();
      }
      expect(actual).toEqual(sample.expected);
    },
  );
});

describe('a workbook grown by an older Pilote heals', () => {
  const def = SHEETS.find((s) => s.key === 'indicators')!;
  const computed = def.columns.filter((c) => c.type === 'formula');
  const sample = SAMPLES.indicators;

  /** 1,497 records, the table grown to 2,000 rows by the old code: rows 1,000–1,499 lack formulas. */
  function damaged(): Harness {
    const h = setUpHarness();
    seedRecords(h.emulator, def.key, 997);
    growAsOlderPilote(h.emulator, def.key);
    seedRecords(h.emulator, def.key, 500);
    // The bug as the old code left it: a marker down to the last row, rows without formulas.
    expect(namedEnd(h, tableRangeName(def))).toBe(2000);
    expect(namedEnd(h, formulaRangeName(def))).toBe(2000);
    const sheet = h.ss.getSheetByName(def.name)!;
    const at = columnsOf(h, def).indexOf(computed[0].key) + 1;
    expect(sheet.getRange(999, at).getFormula()).not.toBe('');
    expect(sheet.getRange(1000, at).getFormula()).toBe('');
    return h;
  }

  function expectFormulas(h: Harness, from: number, to: number): void {
    const sheet = h.ss.getSheetByName(def.name)!;
    const keys = columnsOf(h, def);
    for (const column of computed) {
      const formulas = sheet.getRange(from, keys.indexOf(column.key) + 1, to - from + 1, 1).getFormulas();
      const wrong = formulas.findIndex(([formula], i) => formula !== expectedFormula(def, column, from + i));
      expect([column.key, wrong === -1 ? null : from + wrong]).toEqual([column.key, null]);
    }
  }

  test('the next record fills the rows the old marker claimed, once; the write after costs as usual', () => {
    const baseline = (() => {
      const h = setUpHarness();
      save(h, def.key, sample.input(1));
      return save(h, def.key, sample.input(2)).stats;
    })();
    const h = damaged();
    const healing = save(h, def.key, sample.input(1498));
    expect(healing.row).toBe(1500);
    expectFormulas(h, FIRST_DATA_ROW, 1500 + FORMULA_BLOCK_ROWS);
    expect(namedEnd(h, formulaRangeName(def))).toBe(1500 + FORMULA_BLOCK_ROWS);
    // One read of the marker's column, one write to move it back, then the usual extension.
    expect(healing.stats.byMethod['Range.getFormulas']).toBe(1);
    expect(healing.stats.byMethod['Range.setFormulas']).toBe(computed.length);
    expect(healing.stats.byMethod['Spreadsheet.setNamedRange']).toBe(2);
    const sheet = h.ss.getSheetByName(def.name)!;
    const at = columnsOf(h, def).indexOf('achievement') + 1;
    expect(sheet.getRange(1500, at).getValue()).toBe(0.5);
    const next = save(h, def.key, sample.input(1499));
    expect(next.row).toBe(1501);
    expect(next.stats.byMethod['Range.getFormulas']).toBeUndefined();
    expect(next.stats.calls).toBe(baseline.calls);
    expect(next.stats.byMethod).toEqual(baseline.byMethod);
  });

  test('setup fills them too, and a second setup writes nothing', () => {
    const healthy = setUpHarness().api('setupWorkbook').stats;
    const h = damaged();
    const setup = h.api('setupWorkbook');
    expect(setup.result).toMatchObject({ ok: true });
    // One more read than on a healthy workbook: the old marker's column.
    expect(setup.stats.byMethod['Range.getFormulas']).toBe((healthy.byMethod['Range.getFormulas'] ?? 0) + 1);
    // The last record is on row 1,499: formulas down to it and a block ahead.
    expectFormulas(h, FIRST_DATA_ROW, 1499 + FORMULA_BLOCK_ROWS);
    expect(namedEnd(h, formulaRangeName(def))).toBe(1499 + FORMULA_BLOCK_ROWS);
    const again = h.api('setupWorkbook');
    expect(again.result).toMatchObject({ ok: true, data: { changed: false } });
    expect(again.stats.writes).toBe(0);
  });
});
