/**
 * « Passer en charge dans les opérations »: a ticket's cost becomes one operation on account 615,
 * linked both ways; never posted twice, also when the same request comes back.
 */
import { type Harness, setUpHarness, sheetDisplay } from './harness';

jest.setTimeout(240_000);

type Row = { id: string; values: Record<string, unknown> };

const list = (h: Harness, sheet: string): Row[] => {
  const { result } = h.api<Row[]>('listRecords', sheet);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

function withTicket(values: Record<string, unknown> = {}): Harness {
  const h = setUpHarness();
  const saved = h.api('saveRecord', {
    sheet: 'maintenance',
    values: {
      title: 'Remplacer le flexible gaz',
      status: 'Terminée',
      assignee: 'Plombier du Val',
      doneOn: '10/09/2026',
      cost: '120,50',
      ...values,
    },
    requestId: 'cost-ticket-0001',
  });
  if (!saved.result.ok) throw new Error(JSON.stringify(saved.result));
  return h;
}

const post = (h: Harness, requestId: string, id = 'MAI-0001') =>
  h.api<{ operationId: string; duplicate: boolean; message: string }>('postMaintenanceCostToOperations', {
    id,
    requestId,
  });

test('posts one operation on 615, dated the day it was done, linked both ways, with one journal line', () => {
  const h = withTicket();
  const journalBefore = sheetDisplay(h, 'Journal').length;
  const { result, stats } = post(h, 'post-cost-00001');
  expect(result).toEqual({
    ok: true,
    data: {
      message: 'Coût de l’intervention MAI-0001 passé en charge\u00a0: opération OPE-0001',
      maintenanceId: 'MAI-0001',
      operationId: 'OPE-0001',
      duplicate: false,
    },
  });
  const operations = list(h, 'operations');
  expect(operations).toHaveLength(1);
  expect(operations[0].values).toMatchObject({
    date: '2026-09-10',
    account: '615 Entretien et réparation',
    label: 'Maintenance MAI-0001\u00a0: Remplacer le flexible gaz',
    amount: 120.5,
    payee: 'Plombier du Val',
    maintenanceId: 'MAI-0001',
  });
  expect(list(h, 'maintenance')[0].values.operationId).toBe('OPE-0001');
  expect(sheetDisplay(h, 'Journal').length).toBe(journalBefore + 1);
  // The operation's row (one block), the ticket's link and its « Modifié le » stamp (two
  // columns apart: two runs), one journal line.
  expect(stats.byMethod['Range.setValues']).toBe(3);
  expect(stats.byMethod['Sheet.appendRow']).toBe(1);
  process.stdout.write(`post cost: ${stats.calls} calls, ${stats.ms} ms modelled\n`);
});

test('the same request again answers what it did; a second click is refused naming the operation', () => {
  const h = withTicket();
  expect(post(h, 'post-cost-00002').result.ok).toBe(true);
  const journalAfter = sheetDisplay(h, 'Journal').length;
  const retry = post(h, 'post-cost-00002');
  expect(retry.result).toMatchObject({ ok: true, data: { operationId: 'OPE-0001', duplicate: true } });
  expect(retry.stats.byMethod['Range.setValues'] ?? 0).toBe(0);
  const second = post(h, 'post-cost-00003');
  expect(second.result).toEqual({
    ok: false,
    error: {
      code: 'maintenance.alreadyPosted',
      message:
        'Le coût de l’intervention MAI-0001 est déjà passé en charge dans l’opération OPE-0001\u00a0: il n’est pas repassé une seconde fois.',
    },
  });
  expect(second.stats.byMethod['Range.setValues'] ?? 0).toBe(0);
  expect(second.stats.byMethod['Sheet.appendRow'] ?? 0).toBe(0);
  expect(list(h, 'operations')).toHaveLength(1);
  expect(sheetDisplay(h, 'Journal').length).toBe(journalAfter);
});

test('an operation written before an interruption is linked, not posted again', () => {
  const h = withTicket();
  expect(post(h, 'post-cost-00004').result.ok).toBe(true);
  // The link on the ticket is lost (the run stopped between the two writes).
  const sheet = h.ss.getSheetByName('Maintenance');
  if (!sheet) throw new Error('no Maintenance');
  const keys = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.getRange(3, keys.indexOf('operationId') + 1).clearContent();
  const again = post(h, 'post-cost-00005');
  expect(again.result).toMatchObject({ ok: false, error: { code: 'maintenance.alreadyPosted' } });
  expect(list(h, 'operations')).toHaveLength(1);
  expect(list(h, 'maintenance')[0].values.operationId).toBe('OPE-0001');
});

test('a ticket without a cost, an unknown ticket or a bad request is refused in French, nothing written', () => {
  const h = withTicket({ cost: '' });
  const noCost = post(h, 'post-cost-00006');
  expect(noCost.result).toMatchObject({ ok: false, error: { code: 'maintenance.noCost' } });
  expect(!noCost.result.ok && noCost.result.error.message).toContain(
    'L’intervention MAI-0001 n’a pas de coût',
  );
  expect(post(h, 'post-cost-00007', 'MAI-0099').result).toMatchObject({
    ok: false,
    error: { code: 'error.recordNotFound' },
  });
  expect(post(h, 'post-cost-00008', 'OPE-0001').result).toMatchObject({
    ok: false,
    error: { code: 'maintenance.badRequest' },
  });
  expect(list(h, 'operations')).toHaveLength(0);
});

test('the menu posts the selected « Maintenance » row and says so', () => {
  const h = withTicket();
  h.emulator.selectCell('Maintenance', 3, 2);
  h.emulator.ui._answerNext('OK');
  h.runner.run('menuPostMaintenanceCost');
  const alerts = h.emulator.ui.shown.filter((s) => s.kind === 'alert');
  expect(JSON.stringify(alerts[alerts.length - 1])).toContain('opération OPE-0001');
  expect(list(h, 'operations')).toHaveLength(1);
});
