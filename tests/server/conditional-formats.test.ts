/**
 * Every date highlight of the workbook, as Sheets would paint it: after setup, a row typed in
 * the sheet that must turn red (orange, blue) does, rows that must not do not, and TODAY() in
 * the rule follows the virtual clock (a row due tomorrow turns red once tomorrow has passed).
 * The colour is the emulator's evaluation of the rules setup wrote (`_formatAt`).
 */
import { FIRST_DATA_ROW, requireSheet } from '../../src/schema';
import { columnLetter } from '../../src/schema/formula';
import { type Harness, setUpHarness } from './harness';

const DAY = 24 * 60 * 60 * 1000;
/** Wednesday 10 June 2026, 10:00 in Paris. */
const TODAY = Date.UTC(2026, 5, 10, 8, 0, 0);

type Row = Record<string, string>;

interface Case {
  sheet: string;
  rule: string;
  /** Typed at the first data row: shows the rule. */
  hit: Row;
  /** Typed on the next rows: do not show the rule today. */
  misses: Row[];
  /** After this many days, `misses[row]` shows the rule (TODAY() recalculated). */
  later: { days: number; row: number };
}

// Dates as a French user types them; today is 10/06/2026.
const CASES: Case[] = [
  {
    sheet: 'structures',
    rule: 'agreementExpired',
    hit: { name: 'Collectif A', agreementEnd: '09/06/2026' },
    misses: [{ name: 'Collectif B', agreementEnd: '10/09/2026' }],
    later: { days: 100, row: 0 },
  },
  {
    sheet: 'structures',
    rule: 'agreementEndingSoon',
    hit: { name: 'Collectif A', agreementEnd: '10/07/2026' },
    misses: [{ name: 'Collectif B', agreementEnd: '10/09/2026' }, { agreementEnd: '09/06/2026' }],
    later: { days: 40, row: 0 },
  },
  {
    sheet: 'actions',
    rule: 'late',
    hit: { title: 'Chantier', endDate: '09/06/2026', status: 'En cours' },
    misses: [
      { title: 'Chantier suspendu', endDate: '09/06/2026', status: 'Suspendue' },
      { title: 'Chantier à venir', endDate: '12/06/2026', status: 'En préparation' },
    ],
    later: { days: 3, row: 1 },
  },
  {
    sheet: 'events',
    rule: 'attendanceMissing',
    hit: { date: '01/06/2026' },
    misses: [{ date: '01/06/2026', attendance: '40' }, { date: '20/06/2026' }],
    later: { days: 11, row: 1 },
  },
  {
    sheet: 'communication',
    rule: 'overdue',
    hit: { date: '09/06/2026', status: 'Programmée' },
    misses: [
      { date: '09/06/2026', status: 'Publiée' },
      { date: '09/06/2026', status: 'Annulée' },
      { date: '11/06/2026', status: 'Programmée' },
    ],
    later: { days: 2, row: 2 },
  },
  {
    sheet: 'grants',
    rule: 'deadlineSoon',
    hit: { deadline: '30/06/2026', status: 'En préparation' },
    misses: [
      { deadline: '30/06/2026', status: 'Déposée' },
      { deadline: '20/07/2026', status: 'À étudier' },
    ],
    later: { days: 15, row: 1 },
  },
  {
    sheet: 'grants',
    rule: 'deadlineMissed',
    hit: { deadline: '09/06/2026', status: 'À étudier' },
    misses: [
      { deadline: '09/06/2026', status: 'Accordée' },
      { deadline: '10/06/2026', status: 'À étudier' },
    ],
    later: { days: 1, row: 1 },
  },
  {
    sheet: 'grants',
    rule: 'reportOverdue',
    hit: { reportDue: '09/06/2026', status: 'Versée' },
    misses: [
      { reportDue: '09/06/2026', status: 'Soldée' },
      { reportDue: '09/06/2026', status: 'Refusée' },
      { reportDue: '12/06/2026', status: 'Versée' },
    ],
    later: { days: 3, row: 2 },
  },
  {
    // The deadline is computed: 30 June after the financial year, while a report is owed.
    sheet: 'grants',
    rule: 'financialReportSoon',
    hit: { financialYear: '2025', status: 'Accordée' },
    misses: [
      { financialYear: '2025', status: 'Soldée' },
      { financialYear: '2026', status: 'Accordée' },
    ],
    later: { days: 370, row: 1 },
  },
  {
    sheet: 'grants',
    rule: 'financialReportLate',
    hit: { financialYear: '2024', status: 'Bilan à rendre' },
    misses: [
      { financialYear: '2024', status: 'Soldée' },
      { financialYear: '2025', status: 'Versée' },
    ],
    later: { days: 21, row: 1 },
  },
  {
    // Next due is computed: end of the month of the date plus the periodicity.
    sheet: 'safetyChecks',
    rule: 'overdue',
    hit: { date: '15/01/2025', periodicityMonths: '12' },
    misses: [
      { date: '15/01/2025', periodicityMonths: '0' },
      { date: '15/06/2025', periodicityMonths: '12' },
    ],
    later: { days: 21, row: 1 },
  },
  {
    sheet: 'safetyChecks',
    rule: 'dueSoon',
    hit: { date: '15/06/2025', periodicityMonths: '12' },
    misses: [
      { date: '15/08/2025', periodicityMonths: '12' },
      { date: '15/01/2025', periodicityMonths: '12' },
    ],
    later: { days: 60, row: 0 },
  },
  {
    sheet: 'maintenance',
    rule: 'late',
    hit: { dueDate: '09/06/2026', status: 'Planifiée' },
    misses: [
      { dueDate: '09/06/2026', status: 'Terminée' },
      { dueDate: '09/06/2026', status: 'Abandonnée' },
      { dueDate: '11/06/2026', status: 'En cours' },
    ],
    later: { days: 2, row: 2 },
  },
  {
    sheet: 'openingRota',
    rule: 'today',
    hit: { date: '10/06/2026' },
    misses: [{ date: '09/06/2026' }, { date: '11/06/2026' }],
    later: { days: 1, row: 1 },
  },
];

/** Types a row as a user would, column by column (the layout of a fresh setup). */
function typeRow(h: Harness, sheetKey: string, row: number, values: Row): void {
  const def = requireSheet(sheetKey);
  for (const [key, raw] of Object.entries(values)) {
    const at = def.columns.findIndex((c) => c.key === key);
    if (at < 0) throw new Error(`no column ${sheetKey}.${key}`);
    h.emulator.spreadsheetApp._userEdit(def.name, `${columnLetter(at)}${row}`, raw);
  }
}

/** Where each case's rows start: cases of one sheet are typed one under the other. */
function layOut(cases: readonly Case[]): number[] {
  const next = new Map<string, number>();
  return cases.map((c) => {
    const first = next.get(c.sheet) ?? FIRST_DATA_ROW;
    // The hit, the misses, and one row left empty.
    next.set(c.sheet, first + c.misses.length + 2);
    return first;
  });
}

describe('date highlights, evaluated as Sheets applies them', () => {
  // One workbook for every case, each case on its own rows: a set-up workbook takes seconds to
  // restore, and a new virtual day makes the engine recalculate the whole workbook.
  const h = setUpHarness();
  const firstRows = layOut(CASES);
  h.emulator.runtime.clock.set(TODAY);
  CASES.forEach((c, k) => {
    typeRow(h, c.sheet, firstRows[k], c.hit);
    c.misses.forEach((miss, i) => {
      typeRow(h, c.sheet, firstRows[k] + 1 + i, miss);
    });
  });
  const shownBy = (c: Case, row: number) => {
    const def = requireSheet(c.sheet);
    const rule = def.conditionalFormats!.find((f) => f.key === c.rule)!;
    // The painted cell: the rule's first column, or column B for a whole-row rule.
    const column = rule.columns ? def.columns.findIndex((col) => col.key === rule.columns![0]) : 1;
    return h.emulator.spreadsheetApp._formatAt(def.name, `${columnLetter(column)}${row}`);
  };

  test('cover the 14 rules that compare with today, as setup wrote them', () => {
    const withToday = CASES.map((c) => `${c.sheet}.${c.rule}`);
    expect(new Set(withToday).size).toBe(14);
    for (const c of CASES) {
      const id = `${c.sheet}.${c.rule}`;
      const def = requireSheet(c.sheet);
      const index = (def.conditionalFormats ?? []).findIndex((f) => f.key === c.rule);
      expect({ id, formulaSince: def.conditionalFormats?.[index]?.formulaSince }).toEqual({
        id,
        formulaSince: 3,
      });
      // The rules setup wrote are the schema's, in its order.
      const written = h.ss.getSheetByName(def.name)!.getConditionalFormatRules();
      expect(written).toHaveLength(def.conditionalFormats!.length);
      expect(written[index].getBooleanCondition()?.getCriteriaValues()[0]).toMatch(/TODAY\(\)/);
    }
  });

  test.each(CASES.map((c, k) => [`${c.sheet}.${c.rule}`, c, k] as const))('%s', (_id, c, k) => {
    const def = requireSheet(c.sheet);
    const index = (def.conditionalFormats ?? []).findIndex((f) => f.key === c.rule);
    const rule = def.conditionalFormats![index];
    // The painted cell: the rule's first column, or column B for a whole-row rule.
    const column = rule.columns ? def.columns.findIndex((col) => col.key === rule.columns![0]) : 1;
    const shown = (row: number) =>
      h.emulator.spreadsheetApp._formatAt(def.name, `${columnLetter(column)}${row}`);
    const first = firstRows[k];

    expect(shown(first)).toEqual({
      background: rule.background ?? null,
      fontColor: rule.fontColor ?? null,
      bold: rule.bold ?? null,
      ruleIndex: index,
    });
    c.misses.forEach((_, i) => {
      expect({ miss: i, rule: shown(first + 1 + i)?.ruleIndex }).not.toEqual({ miss: i, rule: index });
    });
    // An empty row shows nothing at all.
    expect(shown(first + 1 + c.misses.length)).toBeNull();
  });

  test('TODAY() in each rule follows the virtual clock: a row not yet due shows once the day has passed', () => {
    // Today, these rows do not show the rule (asserted per rule above); the clock only moves on.
    const days = [...new Set(CASES.map((c) => c.later!.days))].sort((a, b) => a - b);
    const seen: { id: string; days: number; rule: number | null }[] = [];
    const expected: typeof seen = [];
    for (const d of days) {
      h.emulator.runtime.clock.set(TODAY + d * DAY);
      CASES.forEach((c, k) => {
        if (c.later!.days !== d) return;
        const id = `${c.sheet}.${c.rule}`;
        const index = requireSheet(c.sheet).conditionalFormats!.findIndex((f) => f.key === c.rule);
        seen.push({ id, days: d, rule: shownBy(c, firstRows[k] + 1 + c.later!.row)?.ruleIndex ?? null });
        expected.push({ id, days: d, rule: index });
      });
    }
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(CASES.length);
  });
});
