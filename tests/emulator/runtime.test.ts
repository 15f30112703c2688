import { COSTS, GoogleException, LIMITS, Runtime } from '../../local/emulator/runtime';

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
