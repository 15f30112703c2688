/**
 * A submission resent after an error that struck between its row and its journal line: the row
 * is written once (request id) and the journal gets exactly one line for it, whichever side of
 * the journal write the error fell on.
 */
import { GoogleException } from '../../local/emulator/runtime';
import { setUpHarness, sheetDisplay } from './harness';

const booking = (requestId: string) => ({
  sheet: 'spaces',
  values: { name: `Salle ${requestId}`, capacity: '12' },
  requestId,
});

function journalLines(h: ReturnType<typeof setUpHarness>, recordId: string): string[][] {
  return sheetDisplay(h, 'Journal').filter((row) => row.includes(recordId));
}

test('the journal write fails after the row: the retry writes the missed line, once', () => {
  const h = setUpHarness();
  h.emulator.runtime.injectFault(
    'Sheet.appendRow',
    () => new GoogleException('Service Spreadsheets failed while accessing document.'),
    1,
  );
  const first = h.runner.call('saveRecord', booking('req-journal-0001'));
  expect(first.ok && (first.value as { ok: boolean }).ok).toBe(false);
  const { result, stats } = h.api<{ id: string; duplicate: boolean }>(
    'saveRecord',
    booking('req-journal-0001'),
  );
  if (!result.ok) throw new Error(result.error.message);
  expect(result.data.duplicate).toBe(true);
  expect(stats.byMethod['Sheet.appendRow']).toBe(1);
  expect(journalLines(h, result.data.id)).toHaveLength(1);
  expect(journalLines(h, result.data.id)[0]).toContain('req-journal-0001');
  // A third submission of the same request finds its line and writes nothing at all.
  const again = h.api<{ duplicate: boolean }>('saveRecord', booking('req-journal-0001'));
  expect(again.stats.writes).toBe(0);
  expect(journalLines(h, result.data.id)).toHaveLength(1);
});

test('a plain double submit is journaled once, with one search of the journal', () => {
  const h = setUpHarness();
  const { result } = h.api<{ id: string }>('saveRecord', booking('req-journal-0002'));
  if (!result.ok) throw new Error(result.error.message);
  const second = h.api('saveRecord', booking('req-journal-0002'));
  expect(second.stats.writes).toBe(0);
  expect(second.stats.byMethod['TextFinder.findNext']).toBeGreaterThanOrEqual(1);
  expect(journalLines(h, result.data.id)).toHaveLength(1);
});
