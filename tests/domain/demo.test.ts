/** The demo data generator: deterministic, valid against the schema, referentially sound, coherent. */

import { generateDemoData, type DemoDataset } from '../../src/demo';
import {
  bookingSchedule,
  MONTHLY_LAST,
  MONTHLY_RANK,
  readBookingSchedule,
} from '../../src/domain/bookings/booking-record';
import { occurrencesBetween, span } from '../../src/domain/bookings/recurrence';
import { accountTitle, CHART_OF_ACCOUNTS } from '../../src/domain/finance/chart-of-accounts';
import { readDate } from '../../src/domain/date-input';
import { parseCellInput } from '../../src/domain/values';
import { requireSheet, settingByKey, SHEETS } from '../../src/schema';
import { SAFETY_CHECK_PERIODICITY_MONTHS, SAFETY_CHECK_TYPES } from '../../src/schema/sheets/safety';
import { editableColumns, validateRecordInput } from '../../src/schema/record-input';
import type { CellValue, SheetDef } from '../../src/schema/types';

const ctx = { locale: 'fr' as const, timeZone: 'Europe/Paris' };
const demo = generateDemoData();

/** Every record of a table, parsed by the schema (throws with the field errors otherwise). */
function parsed(data: DemoDataset, sheet: string): Record<string, CellValue>[] {
  const table = data.tables.find((t) => t.sheet === sheet);
  if (!table) throw new Error(`no table ${sheet}`);
  return table.records.map((r) => {
    const result = validateRecordInput(requireSheet(sheet), r, ctx, 'create');
    if (!result.ok) throw new Error(`${sheet}: ${JSON.stringify(result.errors)}`);
    return result.values;
  });
}

/** The label a record shows in a reference dropdown; « Comptes » computes it (`number label`). */
function labelOf(sheet: SheetDef, values: Record<string, CellValue>, column: string): string {
  if (sheet.key === 'accounts' && column === 'title') return `${values.number} ${values.label}`;
  return String(values[column] ?? '');
}

const count = (sheet: string): number => demo.tables.find((t) => t.sheet === sheet)?.records.length ?? 0;

describe('generateDemoData', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    expect(generateDemoData({ seed: 1 })).toEqual(demo);
    expect(generateDemoData({ seed: 7 })).toEqual(generateDemoData({ seed: 7 }));
    expect(generateDemoData({ seed: 7 })).not.toEqual(demo);
  });

  it('gives only tables of the schema, once each, with editable columns only, no Documents or Journal', () => {
    const keys = demo.tables.map((t) => t.sheet);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of demo.tables) {
      const sheet = requireSheet(t.sheet);
      expect(sheet.kind).toBe('table');
      const editable = new Set(editableColumns(sheet).map((c) => c.key));
      for (const r of t.records)
        for (const k of Object.keys(r)) expect(editable.has(k) ? k : `${t.sheet}.${k}`).toBe(k);
    }
    expect(keys).not.toContain('documents');
    expect(keys).not.toContain('journal');
  });

  it('has settings that each parse by their rule, with every required one present', () => {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(demo.settings)) {
      const def = settingByKey(key);
      if (!def || def.type === 'formula' || def.readOnly) {
        problems.push(`${key}: not an editable setting`);
        continue;
      }
      const result = parseCellInput(def, value, ctx);
      if (!result.ok) problems.push(`${key}: ${result.error.code} ${JSON.stringify(result.error.params)}`);
    }
    expect(problems).toEqual([]);
    expect(demo.settings.siret.replace(/\s/g, '')).toMatch(/^\d{14}$/);
    expect(demo.settings.erpCategory).toBe('5e catégorie');
    expect(demo.settings.erpType.startsWith('L –')).toBe(true);
  });

  it.each(SHEETS.filter((s) => s.kind === 'table').map((s) => [s.key]))(
    'every record of %s passes validateRecordInput',
    (key) => {
      const table = demo.tables.find((t) => t.sheet === key);
      if (!table) return;
      const failures: string[] = [];
      table.records.forEach((r, i) => {
        const result = validateRecordInput(requireSheet(key), r, ctx, 'create');
        if (!result.ok) failures.push(`#${i} ${JSON.stringify(r)} → ${JSON.stringify(result.errors)}`);
      });
      expect(failures).toEqual([]);
    },
  );

  it('refers only to records of earlier tables (or the chart of accounts setup writes), by their exact label', () => {
    const labels = new Map<string, Set<string>>([
      ['accounts.title', new Set(CHART_OF_ACCOUNTS.map(accountTitle))],
    ]);
    const missing: string[] = [];
    for (const table of demo.tables) {
      const sheet = requireSheet(table.sheet);
      const rows = parsed(demo, table.sheet);
      for (const column of editableColumns(sheet)) {
        if (!column.ref) continue;
        const target = labels.get(`${column.ref.sheet}.${column.ref.column}`);
        rows.forEach((row, i) => {
          const value = row[column.key];
          if (value === null) return;
          const items = column.multiple ? String(value).split(', ') : [String(value)];
          for (const item of items) {
            if (!target?.has(item)) missing.push(`${table.sheet}#${i}.${column.key} = « ${item} »`);
          }
        });
      }
      for (const column of sheet.columns) {
        const set = new Set(rows.map((r) => labelOf(sheet, r, column.key)).filter((l) => l !== ''));
        labels.set(`${sheet.key}.${column.key}`, set);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives unique labels to the records that other sheets reference', () => {
    for (const key of ['spaces', 'structures', 'contacts', 'volunteers', 'actions', 'events', 'grants']) {
      const sheet = requireSheet(key);
      const rows = parsed(demo, key);
      const labels = rows.map((r) => labelOf(sheet, r, sheet.labelColumn as string));
      expect(new Set(labels).size).toBe(labels.length);
      const inMultiple = SHEETS.some((s) => s.columns.some((c) => c.multiple && c.ref?.sheet === key));
      if (inMultiple) for (const l of labels) expect(l).not.toMatch(/[,;]/);
    }
  });

  it('never overlaps two blocking bookings (Confirmée, Option) of the same space, recurrences included', () => {
    const slots = new Map<string, { start: number; end: number; title: string }[]>();
    for (const b of parsed(demo, 'bookings')) {
      if (b.status !== 'Confirmée' && b.status !== 'Option') continue;
      // The domain's one expansion (booking-record.ts), every kind of schema 5 included.
      const schedule = bookingSchedule(b);
      expect(schedule).not.toBeNull();
      if (!schedule) continue;
      expect(b.recurrence === 'Chaque mois').toBe(false);
      const list = slots.get(String(b.space)) ?? [];
      for (const o of occurrencesBetween(schedule, String(b.startDate), '2027-12-31')) {
        const s = span(o);
        expect(s.end).toBeGreaterThan(s.start);
        list.push({ start: s.start, end: s.end, title: `${b.title} ${o.startDate}` });
      }
      slots.set(String(b.space), list);
    }
    const clashes: string[] = [];
    for (const [space, list] of slots) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i++) {
        if (list[i].start < list[i - 1].end)
          clashes.push(`${space}: ${list[i - 1].title} / ${list[i].title}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('shows the recurrences of schema 5: weekdays, « 2e samedi », « dernier vendredi », daily, counts, excluded dates', () => {
    const bookings = parsed(demo, 'bookings');
    const kinds = new Set(bookings.map((b) => String(b.recurrence)));
    for (const kind of ['Chaque jour', MONTHLY_RANK, MONTHLY_LAST]) expect(kinds).toContain(kind);
    expect(bookings.some((b) => b.recurrenceWeekdays === 'lun, jeu' && b.recurrenceExceptions)).toBe(true);
    expect(bookings.filter((b) => b.recurrenceCount !== null).length).toBeGreaterThanOrEqual(3);
    for (const b of bookings) expect(readBookingSchedule(b, { strict: true }).issue).toBeNull();
  });

  it('balances the budget: charges = products, 86 = 87', () => {
    const totals: Record<string, number> = { '6': 0, '7': 0, '86': 0, '87': 0 };
    for (const line of parsed(demo, 'budget')) {
      const account = String(line.account);
      const key = account.startsWith('8') ? account.slice(0, 2) : account[0];
      totals[key] += Math.round(Number(line.amount) * 100);
      expect(line.year).toBe(2026);
    }
    expect(totals['6']).toBeGreaterThan(0);
    expect(totals['7']).toBe(totals['6']);
    expect(totals['86']).toBeGreaterThan(0);
    expect(totals['87']).toBe(totals['86']);
  });

  it('brings no accounts of its own: budget and operations use the chart setup writes', () => {
    expect(demo.tables.some((t) => t.sheet === 'accounts')).toBe(false);
    const chart = new Set(CHART_OF_ACCOUNTS.map(accountTitle));
    const used = [...parsed(demo, 'budget'), ...parsed(demo, 'operations')].map((r) => String(r.account));
    expect(used.filter((a) => !chart.has(a))).toEqual([]);
    expect(used).toContain('613 Locations');
    expect(used).toContain('864 Personnel bénévole');
  });

  it('values volunteer time by task type and premises lent to residents, not by operations', () => {
    expect(parsed(demo, 'operations').filter((o) => /^(864|875) /.test(String(o.account)))).toEqual([]);
    const rates = parsed(demo, 'volunteerRates');
    expect(new Set(rates.map((r) => r.taskType)).size).toBe(rates.length);
    expect(parsed(demo, 'structures').filter((s) => s.rentalValue !== null).length).toBeGreaterThan(1);
    expect(parsed(demo, 'spaces').filter((s) => s.weeklyHours !== null).length).toBeGreaterThan(3);
  });

  it('keeps grants consistent with the operations and covers every status and several levels', () => {
    const grants = parsed(demo, 'grants');
    expect(new Set(grants.map((g) => g.status))).toEqual(
      new Set(requireSheet('grants').columns.find((c) => c.key === 'status')?.options),
    );
    expect(new Set(grants.map((g) => g.funderLevel)).size).toBeGreaterThanOrEqual(7);
    const today = '2026-09-01';
    const in30 = '2026-10-01';
    const soon = grants.filter(
      (g) => g.deadline !== null && String(g.deadline) >= today && String(g.deadline) <= in30,
    );
    expect(soon.length).toBeGreaterThanOrEqual(2);
    expect(grants.some((g) => g.status === 'Bilan à rendre' && g.reportDue !== null)).toBe(true);
    const ops = parsed(demo, 'operations');
    for (const g of grants.filter((x) => x.financialYear === 2026 && x.amountReceived !== null)) {
      const received = ops.filter((o) => o.grant === g.title).reduce((s, o) => s + Number(o.amount), 0);
      expect(Math.round(received * 100)).toBe(Math.round(Number(g.amountReceived) * 100));
    }
    for (const o of ops) expect(String(o.date) < today).toBe(true);
  });

  it('has some safety checks overdue on 1 September and covers every periodic check', () => {
    const checks = parsed(demo, 'safetyChecks');
    for (const type of SAFETY_CHECK_TYPES.filter((t) => SAFETY_CHECK_PERIODICITY_MONTHS[t] > 0)) {
      expect(checks.map((c) => c.checkType)).toContain(type);
    }
    const latest = new Map<string, { date: string; months: number }>();
    for (const c of checks) {
      const prev = latest.get(String(c.checkType));
      if (!prev || String(c.date) > prev.date)
        latest.set(String(c.checkType), { date: String(c.date), months: Number(c.periodicityMonths) });
    }
    const overdue = [...latest.values()].filter(({ date, months }) => {
      if (months === 0) return false;
      const [y, m] = date.split('-').map(Number);
      const endOfDue = new Date(Date.UTC(y, m - 1 + months + 1, 0)).toISOString().slice(0, 10);
      return endOfDue < '2026-09-01';
    });
    expect(overdue.length).toBeGreaterThanOrEqual(2);
  });

  it('stays within the expected volumes', () => {
    const bounds: Record<string, [number, number]> = {
      spaces: [6, 8],
      structures: [15, 25],
      contacts: [20, 60],
      volunteers: [18, 22],
      volunteerHours: [130, 170],
      objectives: [6, 9],
      actions: [10, 15],
      indicators: [20, 30],
      bookings: [220, 280],
      events: [35, 45],
      communication: [15, 25],
      meetings: [12, 18],
      grants: [8, 12],
      budget: [35, 55],
      operations: [170, 230],
      inspirations: [8, 10],
      maintenance: [3, 12],
      incidents: [2, 6],
      openingRota: [10, 50],
      diagnostic: [8, 25],
    };
    for (const [sheet, [min, max]] of Object.entries(bounds)) {
      const n = count(sheet);
      expect(`${sheet}: ${n}`).toBe(`${sheet}: ${Math.min(max, Math.max(min, n))}`);
    }
    const axes = new Set(parsed(demo, 'objectives').map((o) => o.axis));
    expect(axes.size).toBe(3);
    const total = demo.tables.reduce((s, t) => s + t.records.length, 0);
    expect(total).toBeLessThan(1500);
  });

  it('schedules cancelled bookings and records attendance only for past events', () => {
    const bookings = parsed(demo, 'bookings');
    expect(bookings.filter((b) => b.status === 'Annulée').length).toBeGreaterThanOrEqual(5);
    for (const e of parsed(demo, 'events')) {
      const past = String(e.date) < '2026-09-01';
      expect(e.attendance === null).toBe(!past);
    }
    expect(readDate('01/09/2026')).toBe('2026-09-01');
  });
});
