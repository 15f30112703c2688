import { CELL_COSTS_US, COSTS, GoogleException, LIMITS, Runtime } from '../../local/emulator/runtime';

describe('Runtime cost model', () => {
  test('an execution starts with a cold start and counts each call at its cost', () => {
    const rt = new Runtime();
    rt.beginExecution('x');
    rt.charge('Properties', 'getProperty', 'propertiesRead');
    rt.charge('Properties', 'setProperty', 'propertiesWrite');
    const stats = rt.endExecution();
    expect(stats.calls).toBe(2);
    expect(stats.ms).toBe(COSTS.coldStart + COSTS.propertiesRead + COSTS.propertiesWrite);
    expect(stats.byMethod['Properties.getProperty']).toBe(1);
  });

  test('sheet reads are uncached first and after a write, cached otherwise', () => {
    const rt = new Runtime();
    rt.beginExecution('x', 'normal', false);
    rt.charge('Range', 'getValues', 'sheetRead');
    rt.charge('Range', 'getValues', 'sheetRead');
    rt.charge('Range', 'setValues', 'sheetWrite');
    rt.charge('Range', 'getValues', 'sheetRead');
    const stats = rt.endExecution();
    expect(stats.log.map((c) => c.ms)).toEqual([150, 2, 50, 150]);
    expect(stats.reads).toBe(3);
    expect(stats.writes).toBe(1);
  });

  test('the virtual clock advances by the modelled cost', () => {
    const rt = new Runtime();
    const t0 = rt.clock.now();
    rt.beginExecution('x');
    rt.charge('Range', 'setValues', 'sheetWrite');
    rt.endExecution();
    expect(rt.clock.now() - t0).toBe(COSTS.coldStart + COSTS.sheetWrite);
  });

  test('an execution past six minutes throws Google’s message', () => {
    const rt = new Runtime();
    rt.beginExecution('long');
    rt.sleep(LIMITS.executionMs - 1000);
    expect(() => rt.sleep(2000)).toThrow(new GoogleException('Exceeded maximum execution time'));
  });

  test('a simple trigger is limited to 30 seconds', () => {
    const rt = new Runtime();
    rt.beginExecution('onOpen', 'simpleTrigger');
    rt.sleep(29600); // + 300 ms cold start + 150 ms read > 30 s
    expect(() => rt.charge('Range', 'getValues', 'sheetRead')).toThrow('Exceeded maximum execution time');
  });

  test('an injected fault throws once, before the call is counted', () => {
    const rt = new Runtime();
    rt.injectFault('Calendar.Events.insert', () => new GoogleException('Rate Limit Exceeded'));
    rt.beginExecution('x', 'normal', false);
    expect(() => rt.charge('Calendar.Events', 'insert', 'calendarMutation')).toThrow('Rate Limit Exceeded');
    rt.charge('Calendar.Events', 'insert', 'calendarMutation');
    expect(rt.endExecution().calls).toBe(1);
  });

  test('two executions cannot overlap', () => {
    const rt = new Runtime();
    rt.beginExecution('a');
    expect(() => rt.beginExecution('b')).toThrow(/still running/);
  });
});

test('a local call is logged but is not a round trip', () => {
  const rt = new Runtime();
  rt.beginExecution('x', 'normal', false);
  rt.charge('Utilities', 'formatDate', 'local');
  rt.charge('Range', 'getValues', 'sheetRead');
  const stats = rt.endExecution();
  expect(stats.calls).toBe(1);
  expect(stats.log.map((c) => c.method)).toEqual(['formatDate', 'getValues']);
});

describe('cost per size (ARCHITECTURE.md, "Cost per size")', () => {
  test('a read and a write pay per cell moved on top of the call', () => {
    const rt = new Runtime();
    rt.beginExecution('x', 'normal', false);
    rt.charge('Range', 'getValues', 'sheetRead', { cells: 1000 });
    rt.charge('Range', 'setValues', 'sheetWrite', { cells: 30 });
    rt.charge('Range', 'getValues', 'sheetRead', { cells: 200_000 });
    const stats = rt.endExecution();
    expect(stats.log.map((c) => c.ms)).toEqual([
      COSTS.sheetReadUncached + (1000 * CELL_COSTS_US.sheetReadPerCell) / 1000,
      COSTS.sheetWrite + (30 * CELL_COSTS_US.sheetWritePerCell) / 1000,
      COSTS.sheetReadUncached + (200_000 * CELL_COSTS_US.sheetReadPerCell) / 1000,
    ]);
    expect(stats.log.map((c) => c.cells)).toEqual([1000, 30, 200_000]);
    expect(stats.cells).toEqual({ read: 201_000, written: 30, scanned: 0 });
    expect(stats.calls).toBe(3);
  });

  test('the same read costs more on a bigger range: 100,000 rows of one column vs 10', () => {
    const cost = (cells: number) => {
      const rt = new Runtime();
      rt.beginExecution('x', 'normal', false);
      rt.charge('Range', 'getValues', 'sheetRead', { cells });
      return rt.endExecution().ms;
    };
    expect(cost(100_000) - cost(10)).toBeCloseTo((99_990 * CELL_COSTS_US.sheetReadPerCell) / 1000, 3);
  });

  test('a search scans on Google’s side at its own rate and moves only what it finds', () => {
    const rt = new Runtime();
    rt.beginExecution('x', 'normal', false);
    rt.charge('TextFinder', 'findAll', 'sheetRead', { cells: 2, scanned: 100_000 });
    const stats = rt.endExecution();
    expect(stats.ms).toBeCloseTo(
      COSTS.sheetReadUncached +
        (2 * CELL_COSTS_US.sheetReadPerCell + 100_000 * CELL_COSTS_US.sheetSearchPerCell) / 1000,
      3,
    );
    expect(stats.cells).toEqual({ read: 2, written: 0, scanned: 100_000 });
  });

  test('a call that is no sheet read or write cannot be charged cells, nor negative ones', () => {
    const rt = new Runtime();
    rt.beginExecution('x', 'normal', false);
    expect(() => rt.charge('Properties', 'getProperty', 'propertiesRead', { cells: 3 })).toThrow(
      /cannot move cells/,
    );
    expect(() => rt.charge('Range', 'getValues', 'sheetRead', { cells: -1 })).toThrow(/bad call volume/);
  });

  test('fractions of a millisecond add up exactly and the clock shows whole ms', () => {
    const rt = new Runtime();
    const t0 = rt.clock.now();
    rt.beginExecution('x', 'normal', false);
    for (let i = 0; i < 10; i += 1) rt.charge('Range', 'getValue', 'sheetRead', { cells: 1 });
    const stats = rt.endExecution();
    expect(stats.ms).toBe(COSTS.sheetReadUncached + 9 * COSTS.sheetReadCached + 0.05);
    expect(Number.isInteger(rt.clock.now())).toBe(true);
    expect(rt.clock.now() - t0).toBe(Math.floor(stats.ms));
  });
});
