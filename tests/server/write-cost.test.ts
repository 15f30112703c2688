/**
 * Issue 9, item 9: creating or editing a record costs the same modelled time at 10 and at
 * 100,000 records (at most 1.2×), per-cell costs included: the write path reads the key row and
 * the rows around the end of the data, and lets Google search the id and request-id columns,
 * instead of moving the whole table (3.5 million cells at 100,000 bookings).
 */
import type { ExecutionStats } from '../../local/emulator/runtime';
import { seedBookings, seedLabels } from '../../local/fixtures';
import { FIRST_DATA_ROW } from '../../src/schema';
import { setUpHarness } from './harness';

jest.setTimeout(900_000);

const booking = (n: number) => ({
  sheet: 'bookings',
  values: { space: 'Grande salle', title: `Atelier ${n}`, startDate: '29/03/2026', status: 'Confirmée' },
  requestId: `write-cost-${String(n).padStart(8, '0')}`,
});

interface Costs {
  create: ExecutionStats;
  edit: ExecutionStats;
  again: ExecutionStats;
}

function measure(size: number): Costs {
  const h = setUpHarness();
  seedBookings(h.emulator, size);
  seedLabels(h.emulator, 'spaces', ['Grande salle']);
  const create = h.api<{ id: string; row: number }>('saveRecord', booking(1));
  expect(create.result).toMatchObject({
    ok: true,
    data: { id: `RES-${String(size + 1).padStart(4, '0')}`, row: FIRST_DATA_ROW + size },
  });
  const again = h.api<{ duplicate: boolean }>('saveRecord', booking(1));
  expect(again.result).toMatchObject({ ok: true, data: { duplicate: true } });
  const edit = h.api('saveRecord', {
    sheet: 'bookings',
    id: 'RES-0002',
    values: { title: 'Renommée' },
    requestId: 'write-cost-edit-0001',
  });
  expect(edit.result).toMatchObject({ ok: true, data: { id: 'RES-0002', row: FIRST_DATA_ROW + 1 } });
  return { create: create.stats, edit: edit.stats, again: again.stats };
}

let small: Costs;
let large: Costs;

beforeAll(() => {
  small = measure(10);
  large = measure(100_000);
});

test.each(['create', 'edit', 'again'] as const)(
  '%s at 100,000 bookings makes the same calls as at 10',
  (kind) => {
    expect(large[kind].byMethod).toEqual(small[kind].byMethod);
    expect(large[kind].calls).toBe(small[kind].calls);
  },
);

test.each(['create', 'edit'] as const)('%s at 100,000 bookings costs at most 1.2× its cost at 10', (kind) => {
  process.stdout.write(
    `${kind}: ${small[kind].ms} ms at 10, ${large[kind].ms} ms at 100,000 ` +
      `(${small[kind].calls} calls; cells read ${small[kind].cells.read} / ${large[kind].cells.read}, ` +
      `scanned ${small[kind].cells.scanned} / ${large[kind].cells.scanned})\n`,
  );
  expect(large[kind].ms).toBeLessThanOrEqual(1.2 * small[kind].ms);
  // Nothing near a column of the table crosses to the script: what is read (the key row, two
  // rows, the 1,000-row names column of « Espaces » for the reference) does not grow with it.
  expect(large[kind].cells.read).toBeLessThan(2000);
  expect(large[kind].cells.read).toBe(small[kind].cells.read);
});

test('a create writes one row and one journal line, with the calls the write path needs', () => {
  const { byMethod, cells } = large.create;
  expect(byMethod['Range.setValues']).toBe(1);
  expect(byMethod['Sheet.appendRow']).toBe(1);
  expect(byMethod['TextFinder.findNext']).toBe(2); // request id, then the candidate id
  expect(byMethod['Range.getNextDataCell']).toBe(1); // the last id
  // Key row, rows around the end, space names; then the no-double-booking check of a confirmed
  // booking (issue 10): the rows its space's bookings span, found by one search, and the space's row.
  expect(byMethod['Range.getValues']).toBe(5);
  expect(cells.written).toBeLessThan(100);
});

test('an edit reads no row of the table: searches find the request id and the record', () => {
  const { byMethod } = large.edit;
  expect(byMethod['Range.getValues']).toBe(1); // the key row
  expect(byMethod['TextFinder.findNext']).toBe(2);
  expect(byMethod['Range.setValues']).toBeGreaterThanOrEqual(1);
});

test('a double submit at 100,000 bookings writes nothing and costs less than the create', () => {
  expect(large.again.writes).toBe(0);
  expect(large.again.ms).toBeLessThan(large.create.ms);
});
