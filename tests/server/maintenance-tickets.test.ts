/**
 * A register entry « Non conforme » or with observations opens a ticket in « Maintenance »
 * linked by its SEC-… id, once; lifting the observations closes it. Same lock, one journal line.
 */
import { demoHarness, type Harness, setUpHarness, sheetDisplay } from './harness';

jest.setTimeout(240_000);

type Row = { id: string; values: Record<string, unknown> };

const list = (h: Harness, sheet: string): Row[] => {
  const { result } = h.api<Row[]>('listRecords', sheet);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

/** The Journal's lines after setup's own. */
const journal = (h: Harness) => sheetDisplay(h, 'Journal').filter((l) => l[3] === 'Registre de sécurité');

const nonConforming = {
  date: '14/09/2026',
  checkType: 'Gaz – vérification',
  installation: 'Réseau gaz de la cuisine',
  inspector: 'Chauffagiste',
  result: 'Non conforme',
  observations: 'Fuite au détendeur du piano.',
};

test('« Non conforme » opens one high-priority ticket, linked; a resubmission or an edit opens no other', () => {
  const h = setUpHarness();
  const first = h.api<{ id: string }>('saveRecord', {
    sheet: 'safetyChecks',
    values: nonConforming,
    requestId: 'tickets-000001',
  });
  expect(first.result).toMatchObject({ ok: true, data: { id: 'SEC-0001' } });
  // The entry's row and the ticket's row, one journal line for both.
  expect(first.stats.byMethod['Range.setValues']).toBe(2);
  expect(first.stats.byMethod['Sheet.appendRow']).toBe(1);
  const tickets = list(h, 'maintenance');
  expect(tickets).toHaveLength(1);
  expect(tickets[0].values).toMatchObject({
    title: 'Gaz – vérification\u00a0: Fuite au détendeur du piano.',
    equipment: 'Réseau gaz de la cuisine',
    reportedOn: '2026-09-14',
    reportedBy: 'Chauffagiste',
    priority: 'Haute',
    status: 'Signalée',
    safetyCheckId: 'SEC-0001',
  });
  const lines = journal(h);
  expect(lines).toHaveLength(1);
  expect(lines[0].join(' ')).toContain('intervention MAI-0001 ouverte en maintenance');

  const again = h.api('saveRecord', {
    sheet: 'safetyChecks',
    values: nonConforming,
    requestId: 'tickets-000001',
  });
  expect(again.result).toMatchObject({ ok: true, data: { duplicate: true } });
  const edit = h.api('saveRecord', {
    sheet: 'safetyChecks',
    id: 'SEC-0001',
    values: { observations: 'Fuite au détendeur du piano, robinet fermé.' },
    requestId: 'tickets-000002',
  });
  expect(edit.result.ok).toBe(true);
  expect(list(h, 'maintenance')).toHaveLength(1);
  expect(journal(h)).toHaveLength(2);
});

test('observations lifted close the ticket on that date; a conforming check opens none', () => {
  const h = setUpHarness();
  h.api('saveRecord', {
    sheet: 'safetyChecks',
    values: { ...nonConforming, result: 'Conforme avec observations', observations: 'Flexible à remplacer.' },
    requestId: 'tickets-000003',
  });
  expect(list(h, 'maintenance')[0].values).toMatchObject({ priority: 'Normale', status: 'Signalée' });
  const lift = h.api('saveRecord', {
    sheet: 'safetyChecks',
    id: 'SEC-0001',
    values: { observationsLiftedOn: '02/10/2026' },
    requestId: 'tickets-000004',
  });
  expect(lift.result.ok).toBe(true);
  expect(list(h, 'maintenance')[0].values).toMatchObject({ status: 'Terminée', doneOn: '2026-10-02' });
  expect(journal(h).slice(-1)[0].join(' ')).toContain('intervention MAI-0001 terminée (observations levées)');

  h.api('saveRecord', {
    sheet: 'safetyChecks',
    values: { date: '15/09/2026', checkType: 'Extincteurs – vérification', result: 'Conforme' },
    requestId: 'tickets-000005',
  });
  expect(list(h, 'maintenance')).toHaveLength(1);
});

test('an entry recorded already lifted opens no ticket', () => {
  const h = setUpHarness();
  h.api('saveRecord', {
    sheet: 'safetyChecks',
    values: { ...nonConforming, observationsLiftedOn: '20/09/2026' },
    requestId: 'tickets-000006',
  });
  expect(list(h, 'maintenance')).toHaveLength(0);
});

test('the demo’s non-conforming cooking check has its open ticket', () => {
  const h = demoHarness();
  const register = list(h, 'safetyChecks');
  const cooking = register.find((r) => r.values.result === 'Non conforme');
  const linked = list(h, 'maintenance').filter((r) => r.values.safetyCheckId);
  expect(linked).toHaveLength(1);
  expect(linked[0].values).toMatchObject({
    safetyCheckId: cooking?.id,
    priority: 'Haute',
    status: 'Signalée',
  });
  expect(String(linked[0].values.title)).toMatch(
    /^Appareils de cuisson – vérification\u00a0: Hotte encrassée/,
  );
});
