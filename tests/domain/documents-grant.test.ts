/**
 * « Demande de subvention » (CERFA 12156) from one action's budget lines: the budget table
 * balances to the cent on a budget with odd cents and 74 split over five funder levels, in the
 * form's order; an unbalanced budget (classes 6/7, or 86/87) is refused with the French message
 * naming the gap, and nothing is built.
 */
import { DOCUMENT_TYPES } from '../../src/domain/documents/catalog';
import { t } from '../../src/shared/i18n';
import type { MessageKey } from '../../src/shared/i18n';
import { BALANCED_ACTION, demoInputWithBalancedAction, FIVE_FUNDERS, YEAR } from './documents-input';
import { parseMoney, render } from './documents-render';

const grant = DOCUMENT_TYPES.grantRequest;
const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** The rows of the rendered table whose header cell is `header`. */
function table(tables: string[][][], header: string): string[][] {
  const found = tables.find((tb) => tb[0][0] === header);
  if (!found) throw new Error(`no table «${header}»`);
  return found;
}
const cents = (n: number) => Math.round(n * 100);

describe('the grant request of a balanced action', () => {
  const built = grant.build(demoInputWithBalancedAction());
  if (!built.ok) throw new Error(JSON.stringify(built));
  const r = render(grant, built.data);

  test('is named after the action and the year; the plan has no problem', () => {
    expect(built.name).toBe(`Demande de subvention — ${BALANCED_ACTION} ${YEAR}`);
    expect(r.plan.problems).toEqual([]);
    expect(r.text).toContain(`exercice ${YEAR}.`);
  });

  test('what the workbook does not hold reads « à compléter », what it holds is printed', () => {
    const input = demoInputWithBalancedAction();
    const withoutSiret = grant.build({ ...input, settings: { ...input.settings, siret: '', rna: null } });
    if (!withoutSiret.ok) throw new Error(JSON.stringify(withoutSiret));
    const identification = table(render(grant, withoutSiret.data).tables, 'Rubrique');
    const value = (tb: string[][], rubrique: string) => tb.find((row) => row[0] === rubrique)?.[1];
    expect(value(identification, 'Numéro SIRET')).toBe('à compléter');
    expect(value(identification, 'Numéro RNA')).toBe('à compléter');
    const full = table(r.tables, 'Rubrique');
    expect(value(full, 'Nom – dénomination')).toBe(String(input.settings.organisationName));
    expect(value(full, 'Numéro SIRET')).not.toBe('à compléter');
  });

  test('charges and produits: each total is the sum of its printed rows to the cent, and they are equal', () => {
    const charges = table(r.tables, 'Charges');
    const produits = table(r.tables, 'Produits');
    const rows = (tb: string[][]) => tb.slice(1, -1).map((row) => cents(parseMoney(row[1])));
    const total = (tb: string[][]) => cents(parseMoney(tb[tb.length - 1][1]));
    expect(charges.slice(1, -1).map((row) => row[0].slice(0, 2))).toEqual([
      '60',
      '61',
      '62',
      '63',
      '64',
      '65',
      '66',
      '67',
      '68',
    ]);
    expect(rows(charges).reduce((a, b) => a + b, 0)).toBe(total(charges));
    expect(rows(produits).reduce((a, b) => a + b, 0)).toBe(total(produits));
    expect(total(charges)).toBe(total(produits));
    // 601 + 604 + 606 of the fixture, odd cents: 2 345,67 + 1 890,13 + 411,11.
    expect(charges[1]).toEqual(['60 – Achats', `4${NNBSP}646,91${NBSP}€`]);
    expect(total(charges)).toBe(982180);
    // The line of the previous year is not in this year's request.
    expect(r.text).not.toContain('77,77');
  });

  test('74 is split over the five funder levels, in the order of the form, and adds up to line 74', () => {
    const detail = table(r.tables, 'Niveau');
    const lines = detail.slice(1, -1);
    expect(lines.map((row) => row[0])).toEqual([
      'État',
      'Région(s)',
      'Département(s)',
      'Commune(s)',
      'Organismes sociaux (CAF, etc.)',
    ]);
    expect(lines.map((row) => row[1])).toEqual(FIVE_FUNDERS.map((f) => f.funder));
    expect(lines.map((row) => cents(parseMoney(row[3])))).toEqual(FIVE_FUNDERS.map((f) => cents(f.amount)));
    const sum74 = lines.reduce((s, row) => s + cents(parseMoney(row[3])), 0);
    expect(cents(parseMoney(detail[detail.length - 1][3]))).toBe(sum74);
    const line74 = table(r.tables, 'Produits').find((row) => row[0].startsWith('74'));
    expect(cents(parseMoney(line74![1]))).toBe(sum74);
  });

  test('86 and 87 are printed below, equal, and the totals with contributions add them', () => {
    const uses = table(r.tables, '86 – Emplois des contributions volontaires en nature');
    const resources = table(r.tables, '87 – Contributions volontaires en nature');
    expect(uses.map((row) => row[0].slice(0, 3))).toEqual(['86 ', '860', '861', '862', '864', 'Tot']);
    expect(resources.map((row) => row[0].slice(0, 3))).toEqual(['87 ', '870', '871', '875', 'Tot']);
    const t86 = cents(parseMoney(uses[uses.length - 1][1]));
    expect(t86).toBe(cents(parseMoney(resources[resources.length - 1][1])));
    expect(t86).toBe(113280);
    expect(r.text).toContain(
      `Total des charges, contributions comprises${NBSP}: 10${NNBSP}954,60${NBSP}€${NBSP}; total des produits, contributions comprises${NBSP}: 10${NNBSP}954,60${NBSP}€.`,
    );
  });

  test('identification comes from « Paramètres du lieu », the project from the action', () => {
    const id = table(r.tables, 'Rubrique');
    expect(id.find((row) => row[0] === 'Numéro RNA')?.[1]).toBe('W453004217');
    expect(id.find((row) => row[0] === 'Adresse du siège social')?.[1]).toBe(
      '12 rue des Tanneurs, 45370 Valmoret',
    );
    expect(r.text).toContain('Mise en œuvre\u00a0: du 03/10/2026 au 26/06/2027');
    expect(r.blocks).toContain('CAF du Loiret');
  });
});

describe('an unbalanced budget stops the request with the gap named', () => {
  test('one cent more of charges: refused, the French message names charges, produits and the gap', () => {
    const refused = grant.build(demoInputWithBalancedAction(0.01));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.code).toBe('document.budgetUnbalanced');
    expect(refused).not.toHaveProperty('data');
    const message = t('fr', refused.code as MessageKey, refused.params);
    expect(message).toBe(
      `Le budget de l’action «${NBSP}${BALANCED_ACTION}${NBSP}» (2026) n’est pas équilibré${NBSP}: charges 9${NNBSP}821,81${NBSP}€, produits 9${NNBSP}821,80${NBSP}€, écart (produits − charges) de -0,01${NBSP}€. Équilibrez-le dans «${NBSP}Budget prévisionnel${NBSP}» avant de produire la demande de subvention.`,
    );
    expect(t('en', refused.code as MessageKey, refused.params)).toContain('gap (income − charges) -0,01');
  });

  test('produits above charges: refused with a positive gap', () => {
    const refused = grant.build(demoInputWithBalancedAction(-100.5));
    expect(refused).toMatchObject({
      ok: false,
      code: 'document.budgetUnbalanced',
      params: { gap: `100,50${NBSP}€` },
    });
  });

  test('86 ≠ 87: refused with the in-kind gap', () => {
    const input = demoInputWithBalancedAction();
    const budget = input.records.budget.map((l) =>
      l.action === BALANCED_ACTION && String(l.account).startsWith('875') ? { ...l, amount: 1000 } : l,
    );
    const refused = grant.build({ ...input, records: { ...input.records, budget } });
    expect(refused).toMatchObject({
      ok: false,
      code: 'document.inKindUnbalanced',
      params: {
        uses: `1${NNBSP}132,80${NBSP}€`,
        resources: `1${NNBSP}120,30${NBSP}€`,
        gap: `-12,50${NBSP}€`,
      },
    });
  });

  test('on the demo workbook, where no action balances alone, every action is refused, never half-built', () => {
    const input = demoInputWithBalancedAction();
    const demoActions = input.records.actions.filter((a) => a.title !== BALANCED_ACTION);
    let refusedForGap = 0;
    for (const a of demoActions) {
      const res = grant.build({ ...input, subject: String(a.id) });
      expect(res.ok).toBe(false);
      if (!res.ok && res.code === 'document.budgetUnbalanced') refusedForGap += 1;
      if (!res.ok) expect(['document.budgetUnbalanced', 'document.noBudget']).toContain(res.code);
    }
    expect(refusedForGap).toBeGreaterThan(5);
  });

  test('no action chosen: « choose one »; an unknown id: « no longer exists », naming it and the sheet', () => {
    const input = demoInputWithBalancedAction();
    expect(grant.build({ ...input, subject: null })).toEqual({
      ok: false,
      code: 'document.subjectMissing',
      params: { sheet: 'Actions' },
    });
    expect(grant.build({ ...input, subject: 'ACT-4242' })).toEqual({
      ok: false,
      code: 'error.recordNotFound',
      params: { id: 'ACT-4242', sheet: 'Actions' },
    });
  });
});
