import { COSTS, Runtime } from '../../../local/emulator/runtime';
import { CACHE_LIMITS, CacheServiceEmulator } from '../../../local/emulator/services';

function setup() {
  const rt = new Runtime();
  return { rt, svc: new CacheServiceEmulator(rt) };
}

describe('CacheService', () => {
  test('put then get; a missing key is null', () => {
    const c = setup().svc.getScriptCache();
    c.put('a', '1');
    expect(c.get('a')).toBe('1');
    expect(c.get('b')).toBeNull();
  });

  test('entries expire after 600 s by default on the virtual clock', () => {
    const { rt, svc } = setup();
    const c = svc.getScriptCache();
    c.put('a', '1');
    rt.clock.advance(599_000);
    expect(c.get('a')).toBe('1');
    rt.clock.advance(1_000);
    expect(c.get('a')).toBeNull();
  });

  test('an explicit expiration is honoured', () => {
    const { rt, svc } = setup();
    const c = svc.getScriptCache();
    c.put('a', '1', 5);
    rt.clock.advance(5_000);
    expect(c.get('a')).toBeNull();
  });

  test('an expiration over 21600 s throws Google’s text', () => {
    const c = setup().svc.getScriptCache();
    c.put('ok', '1', 21600);
    expect(() => c.put('a', '1', 21601)).toThrow(CACHE_LIMITS.ttlTooLarge);
    expect(c.get('a')).toBeNull();
  });

  test('a key over 250 characters throws "Argument too large: key"', () => {
    const c = setup().svc.getScriptCache();
    c.put('k'.repeat(250), '1');
    expect(() => c.put('k'.repeat(251), '1')).toThrow('Argument too large: key');
    expect(() => c.get('k'.repeat(251))).toThrow('Argument too large: key');
  });

  test('a value over 100 KB throws "Argument too large: value"', () => {
    const c = setup().svc.getScriptCache();
    c.put('ok', 'x'.repeat(100 * 1024));
    expect(() => c.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
  });

  test('putAll refuses the whole batch when one value is too large', () => {
    const c = setup().svc.getScriptCache();
    expect(() => c.putAll({ a: '1', b: 'x'.repeat(200 * 1024) })).toThrow('Argument too large: value');
    expect(c.get('a')).toBeNull();
  });

  test('getAll returns only the keys found; removeAll removes', () => {
    const c = setup().svc.getScriptCache();
    c.putAll({ a: '1', b: '2' });
    expect(c.getAll(['a', 'b', 'z'])).toEqual({ a: '1', b: '2' });
    c.removeAll(['a']);
    c.remove('b');
    expect(c.getAll(['a', 'b'])).toEqual({});
  });

  test('beyond 1,000 items the oldest are evicted', () => {
    const c = setup().svc.getScriptCache();
    for (let i = 0; i <= 1000; i++) c.put(`k${i}`, 'v');
    expect(c.get('k0')).toBeNull();
    expect(c.get('k1000')).toBe('v');
  });

  test('user caches are per user; script and document caches are separate', () => {
    const { svc } = setup();
    svc.getUserCache().put('a', 'mine');
    svc.getScriptCache().put('a', 'script');
    svc._setUser('other@x.fr');
    expect(svc.getUserCache().get('a')).toBeNull();
    expect(svc.getDocumentCache()!.get('a')).toBeNull();
  });

  test('reads and writes are charged at the cost model', () => {
    const { rt, svc } = setup();
    rt.beginExecution('x', 'normal', false);
    const c = svc.getScriptCache();
    c.put('a', '1');
    c.get('a');
    expect(rt.endExecution().ms).toBe(COSTS.cacheWrite + COSTS.cacheRead);
  });

  test('snapshot/restore keeps values and their expiry', () => {
    const { rt, svc } = setup();
    svc.getScriptCache().put('a', '1', 10);
    const other = new CacheServiceEmulator(rt);
    other.restore(JSON.parse(JSON.stringify(svc.snapshot())));
    expect(other.getScriptCache().get('a')).toBe('1');
    rt.clock.advance(10_000);
    expect(other.getScriptCache().get('a')).toBeNull();
  });
});
