/** The workbook schema is sound, complete, and its formulas stay portable and bounded. */

import {
  ALLOWED_FUNCTIONS,
  columnByKey,
  NUMBER_FORMATS,
  numberFormatFor,
  refRangeA1,
  renderColumnFormula,
  renderConditionalFormula,
  requireSheet,
  SCHEMA_VERSION,
  SHEETS,
  settingByKey,
  sheetByKey,
  TODAY_NAME,
  validateSchema,
} from '../../src/schema';
import { LAST_DATA_ROW } from '../../src/schema/formats';
import { balanceAlertFormula, kpiRow, MUST_BE_ZERO } from '../../src/schema/dashboard';
import { columnLetter, formulaProblems, namesIn } from '../../src/schema/formula';
import { findSchemaProblems } from '../../src/schema/validate';
import type { FormulaContext, SheetDef } from '../../src/schema/types';

describe('schema', () => {
  it('has no problems', () => {
    expect(validateSchema()).toEqual([]);
  });

  it('is at version 5 (issue 10: agenda, rooms, richer recurrences) and no sheet is newer than the schema', () => {
    expect(SCHEMA_VERSION).toBe(5);
    for (const sheet of SHEETS) expect(sheet.since).toBeLessThanOrEqual(SCHEMA_VERSION);
  });

  it.each([
    ['Paramètres du lieu', 'settings'],
    ['Espaces', 'table'],
    ['Réservations', 'table'],
    ['Structures', 'table'],
    ['Contacts', 'table'],
    ['Bénévoles', 'table'],
    ['Heures de bénévolat', 'table'],
    ['Axes et objectifs', 'table'],
    ['Actions', 'table'],
    ['Indicateurs', 'table'],
    ['Événements', 'table'],
    ['Comptes', 'table'],
    ['Budget prévisionnel', 'table'],
    ['Opérations', 'table'],
    ['Subventions', 'table'],
    ['Réunions', 'table'],
    ['Communication', 'table'],
    ['Registre de sécurité', 'table'],
    ['Maintenance', 'table'],
    ['Ouverture et fermeture', 'table'],
    ['Incidents', 'table'],
    ['Initiatives inspirantes', 'table'],
    ['Diagnostic', 'table'],
    ['Documents', 'table'],
    ['Tableau de bord', 'dashboard'],
    ['Journal', 'log'],
  ])('declares « %s » as a %s', (name, kind) => {
    const sheet = SHEETS.find((s) => s.name === name);
    expect(sheet?.kind).toBe(kind);
  });

  it('gives every table a hidden id first and hidden stamps after what people write', () => {
    for (const sheet of SHEETS.filter((s) => s.kind === 'table')) {
      const [first] = sheet.columns;
      const stamps = sheet.columns.filter((c) => c.type !== 'formula').slice(-3);
      expect([sheet.key, first.key, first.hidden]).toEqual([sheet.key, 'id', true]);
      expect([sheet.key, ...stamps.map((c) => c.key)]).toEqual([
        sheet.key,
        'createdAt',
        'updatedAt',
        'requestId',
      ]);
      expect(stamps.every((c) => c.hidden)).toBe(true);
    }
  });

  it('wires the references a coordinator relies on', () => {
    expect(columnByKey('bookings', 'space')?.ref).toEqual({ sheet: 'spaces', column: 'name' });
    expect(columnByKey('bookings', 'organiser')?.ref).toEqual({ sheet: 'structures', column: 'name' });
    expect(columnByKey('volunteerHours', 'volunteer')?.ref).toEqual({
      sheet: 'volunteers',
      column: 'fullName',
    });
    expect(columnByKey('operations', 'account')?.ref).toEqual({ sheet: 'accounts', column: 'title' });
    expect(columnByKey('operations', 'grant')?.ref).toEqual({ sheet: 'grants', column: 'title' });
    expect(columnByKey('actions', 'objective')?.ref).toEqual({ sheet: 'objectives', column: 'objective' });
  });

  it('keeps the booking sync columns hidden', () => {
    for (const key of ['calendarEventId', 'syncState', 'lastSyncAt']) {
      expect(columnByKey('bookings', key)?.hidden).toBe(true);
    }
  });

  it('lists the grant statuses and funder levels of the brief, in order', () => {
    expect(columnByKey('grants', 'status')?.options).toEqual([
      'À étudier',
      'En préparation',
      'Déposée',
      'Accordée',
      'Refusée',
      'Versée',
      'Bilan à rendre',
      'Soldée',
    ]);
    expect(columnByKey('grants', 'funderLevel')?.options).toEqual([
      'État',
      'Région',
      'Département',
      'EPCI',
      'Commune',
      'CAF',
      'Europe',
      'Fondation',
      'Autre',
    ]);
  });

  it('declares the settings a coordinator fills in', () => {
    for (const key of [
      'venueName',
      'address',
      'legalForm',
      'siret',
      'rna',
      'erpCategory',
      'erpType',
      'openingHours',
      'volunteerHourlyValue',
      'financialYearStart',
      'coordinatorEmails',
      'timeZone',
    ]) {
      expect(settingByKey(key)?.key).toBe(key);
    }
    expect(settingByKey('timeZone')?.defaultValue).toBe('Europe/Paris');
  });

  it('looks sheets and columns up by key', () => {
    expect(sheetByKey('bookings')?.name).toBe('Réservations');
    expect(sheetByKey('nope')).toBeUndefined();
    expect(() => requireSheet('nope')).toThrow("Unknown sheet 'nope'");
    expect(columnByKey(requireSheet('spaces'), 'capacity')?.type).toBe('integer');
    expect(columnByKey('spaces', 'nope')).toBeUndefined();
  });
});

describe('number formats', () => {
  it('come from one table per type', () => {
    expect(NUMBER_FORMATS.money).toBe('#,##0.00 [$€-1]');
    expect(NUMBER_FORMATS.date).toBe('dd/MM/yyyy');
    expect(NUMBER_FORMATS.datetime).toBe('dd/MM/yyyy HH:mm');
    expect(NUMBER_FORMATS.time).toBe('HH:mm');
    expect(NUMBER_FORMATS.duration).toBe('[h]:mm');
    expect(NUMBER_FORMATS.percent).toBe('0%');
    expect(NUMBER_FORMATS.integer).toBe('0');
    expect(NUMBER_FORMATS.text).toBeNull();
  });

  it('use the result type of a formula column, and an explicit override first', () => {
    expect(numberFormatFor(columnByKey('volunteerHours', 'valuedAmount')!)).toBe('#,##0.00 [$€-1]');
    expect(numberFormatFor(columnByKey('safetyChecks', 'nextDue')!)).toBe('dd/MM/yyyy');
    expect(numberFormatFor({ key: 'x', header: 'X', labelEn: 'X', type: 'money', format: '0 €' })).toBe(
      '0 €',
    );
  });
});

describe('English', () => {
  it('every French help text has its English one, shown to English users', () => {
    const missing = SHEETS.flatMap((sheet) =>
      [...sheet.columns, ...(sheet.settings ?? [])]
        .filter((c) => c.help && !c.helpEn?.trim())
        .map((c) => `${sheet.key}.${c.key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('formulas', () => {
  it('render per row with bounded, absolute-column references', () => {
    const hours = requireSheet('volunteerHours');
    const formula = renderColumnFormula(hours, columnByKey(hours, 'valuedAmount')!, 7);
    const letter = columnLetter(hours.columns.findIndex((c) => c.key === 'hours'));
    const task = columnLetter(hours.columns.findIndex((c) => c.key === 'taskType'));
    expect(formula).toMatch(
      new RegExp(
        `^=IF\\(\\$${letter}7="", "", ROUND\\(\\$${letter}7\\*24\\*IF\\(COUNTIFS\\('Valorisation du bénévolat'!\\$B\\$3:\\$B\\$${LAST_DATA_ROW}, \\$${task}7,`,
      ),
    );
    expect(formula).toMatch(/PILOTE_VOLUNTEER_HOURLY_VALUE\), 2\)\)$/);
  });

  it('reach other sheets through quoted, bounded ranges', () => {
    const budget = requireSheet('budget');
    const formula = renderColumnFormula(budget, columnByKey(budget, 'actual')!, 3);
    expect(formula).toContain("SUMIFS('Opérations'!$");
    expect(formula).toMatch(new RegExp(`'Opérations'!\\$[A-Z]+\\$3:\\$[A-Z]+\\$${LAST_DATA_ROW}`));
  });

  it('use only the allowed functions; sheet formulas read TODAY from its named cell, rules call TODAY()', () => {
    const called: string[] = [];
    let rulesCallingToday = 0;
    for (const sheet of SHEETS) {
      for (const column of sheet.columns.filter((c) => c.formula)) {
        const formula = renderColumnFormula(sheet, column, 2);
        expect(formula).not.toMatch(/TODAY\(/);
        called.push(...functionsIn(formula));
      }
      for (const format of sheet.conditionalFormats ?? []) {
        const formula = renderConditionalFormula(sheet, format);
        expect(formula).not.toContain(TODAY_NAME);
        if (/TODAY\(\)/.test(formula)) rulesCallingToday += 1;
        called.push(...functionsIn(formula).filter((f) => f !== 'TODAY'));
      }
    }
    expect(rulesCallingToday).toBe(15); // + « Suites à donner » late (issue 12)
    expect(called.length).toBeGreaterThan(10);
    for (const name of called) expect(ALLOWED_FUNCTIONS).toContain(name);
    const todayRange = requireSheet('settings').namedRanges?.find((r) => r.name === TODAY_NAME);
    expect(todayRange?.a1).toMatch(/^C[0-9]+$/);
  });

  it('paint overdue safety checks from the first data row', () => {
    const register = requireSheet('safetyChecks');
    const overdue = register.conditionalFormats?.find((f) => f.key === 'overdue');
    const letter = columnLetter(register.columns.findIndex((c) => c.key === 'nextDue'));
    expect(renderConditionalFormula(register, overdue!)).toBe(`=AND($${letter}3<>"", $${letter}3<TODAY())`);
  });

  it('no conditional format references another sheet or a named range (support.google.com/docs/answer/78413)', () => {
    const declaredNames = SHEETS.flatMap((s) => (s.namedRanges ?? []).map((r) => r.name));
    const rules = SHEETS.flatMap((sheet) =>
      (sheet.conditionalFormats ?? []).map((f) => ({
        at: `${sheet.key}.${f.key}`,
        formula: renderConditionalFormula(sheet, f),
      })),
    );
    // The dashboard's red rules are written by the adapter from one template.
    for (const key of MUST_BE_ZERO)
      rules.push({ at: `dashboard.${key}`, formula: balanceAlertFormula(kpiRow(key)) });
    expect(rules.length).toBeGreaterThanOrEqual(24);
    for (const { at, formula } of rules) {
      const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
      expect({ at, sheetRef: /!/.test(code) }).toEqual({ at, sheetRef: false });
      expect({ at, names: namesIn(formula) }).toEqual({ at, names: [] });
      for (const name of declaredNames)
        expect({ at, uses: code.includes(name) }).toEqual({ at, uses: false });
      expect({
        at,
        problems: formulaProblems(
          formula,
          SHEETS.map((s) => s.name),
          { conditionalFormat: true },
        ),
      }).toEqual({
        at,
        problems: [],
      });
    }
  });

  it('refuses, in a rule, a range of another sheet, a setting and the TODAY cell', () => {
    const grants = requireSheet('grants');
    const attempt = (formula: (c: FormulaContext) => string) => () =>
      renderConditionalFormula(grants, { key: 'x', description: 'X.', formula, background: '#ffffff' });
    expect(attempt((c) => `=${c.range('spaces', 'name')}<>""`)).toThrow(/own sheet only/);
    expect(attempt((c) => `=${c.setting('volunteerHourlyValue')}>0`)).toThrow(/own sheet only/);
    expect(attempt((c) => `=${c.cell('deadline')}<${c.today}`)).toThrow(/PILOTE_TODAY/);
  });

  it('formulaProblems flags other sheets and named ranges in a conditional format, not TODAY()', () => {
    const check = (formula: string) => formulaProblems(formula, ['Espaces'], { conditionalFormat: true });
    expect(check('=AND($B3<>"", $B3<TODAY()+30, C$2>0, TRUE)')).toEqual([]);
    expect(check("=$B3<'Espaces'!$A$1")).toEqual(["conditional format references the sheet 'Espaces'"]);
    expect(check('=$B3<Espaces!A1')).toEqual(["conditional format references the sheet 'Espaces'"]);
    expect(check('=$B3<PILOTE_TODAY')).toEqual(['conditional format uses the named range PILOTE_TODAY']);
    expect(check('=$B3="PILOTE_TODAY Espaces!A1"')).toEqual([]);
    // The same names in a sheet formula are fine (TODAY is not).
    expect(formulaProblems('=$B3<PILOTE_TODAY', ['Espaces'])).toEqual([]);
    expect(formulaProblems('=$B3<TODAY()', ['Espaces'])).toEqual(['function TODAY is not allowed']);
  });

  it('gives dropdowns of references a bounded range', () => {
    expect(refRangeA1(columnByKey('bookings', 'space')!)).toBe(`'Espaces'!$B$3:$B$${LAST_DATA_ROW}`);
    expect(refRangeA1(columnByKey('bookings', 'title')!)).toBeUndefined();
  });
});

describe('validateSchema catches', () => {
  const spaces = requireSheet('spaces');
  const broken = (patch: (sheet: SheetDef) => SheetDef): string[] =>
    findSchemaProblems(
      SHEETS.map((s) => (s.key === 'spaces' ? patch(s) : s)),
      SCHEMA_VERSION,
    );
  const withColumn = (extra: object): string[] =>
    broken((s) => ({
      ...s,
      columns: [
        ...s.columns.slice(0, 2),
        { key: 'extra', header: 'En plus', labelEn: 'Extra', ...extra } as never,
        ...s.columns.slice(2),
      ],
    }));

  it('a duplicate sheet name', () => {
    expect(broken((s) => ({ ...s, name: 'Réservations' }))).toContain('Réservations: duplicate sheet name');
  });

  it('a duplicate header', () => {
    expect(withColumn({ type: 'text', header: 'Nom' })).toContain("spaces: duplicate header 'Nom'");
  });

  it('a reference to a missing column', () => {
    expect(withColumn({ type: 'ref', ref: { sheet: 'contacts', column: 'nope' } })).toContain(
      'spaces.extra: ref to unknown contacts.nope',
    );
  });

  it('an enum without options', () => {
    expect(withColumn({ type: 'enum', options: [] })).toContain('spaces.extra: enum without options');
  });

  it('a forbidden function, TODAY() and an unbounded range', () => {
    const problems = withColumn({
      type: 'formula',
      readOnly: true,
      formula: () => '=IF(TODAY()>1, QUERY(A:A, "select A"), INDIRECT("B2"))',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'spaces.extra: function TODAY is not allowed',
        'spaces.extra: function QUERY is not allowed',
        'spaces.extra: function INDIRECT is not allowed',
        'spaces.extra: unbounded column range',
      ]),
    );
  });

  it('a formula string that is no enum option (a typo in a status)', () => {
    const problems = withColumn({
      type: 'formula',
      readOnly: true,
      formula: () => '=IF($B2="Confirmee", 1, 0)',
    });
    expect(problems).toContain('spaces.extra: string "Confirmee" is not an enum option');
  });

  it('bad French typography', () => {
    expect(withColumn({ type: 'text', help: 'Attention : ceci' })).toContain(
      "spaces.extra: missing no-break space before punctuation in 'Attention : ceci'",
    );
    expect(withColumn({ type: 'text', help: "L'espace" })).toContain(
      "spaces.extra: straight apostrophe in 'L'espace'",
    );
  });

  it('a table without its id column', () => {
    expect(broken((s) => ({ ...s, columns: s.columns.slice(1) }))).toContain(
      'spaces: first column must be the hidden id',
    );
    expect(spaces.columns[0].key).toBe('id');
  });
});

function functionsIn(formula: string): string[] {
  return formula.replace(/"[^"]*"/g, '').match(/[A-Z][A-Z0-9.]*(?=\()/g) ?? [];
}
