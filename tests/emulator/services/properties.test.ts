import { COSTS, Runtime } from '../../../local/emulator/runtime';
import { PROPERTIES_LIMITS, PropertiesServiceEmulator } from '../../../local/emulator/services';

function setup() {
  const rt = new Runtime();
  return { rt, svc: new PropertiesServiceEmulator(rt, { user: 'a@x.fr' }) };
}

describe('PropertiesService', () => {
  test('stores values as strings: a number set comes back as its string', () => {
    const { svc } = setup();
    const p = svc.getScriptProperties();
    p.setProperty('n', 42 as unknown as string);
    expect(p.getProperty('n')).toBe('42');
    expect(p.getProperty('missing')).toBeNull();
  });

  test('script, user and document stores are separate; user stores are per user', () => {
    const { svc } = setup();
    svc.getScriptProperties().setProperty('k', 'script');
    svc.getUserProperties().setProperty('k', 'a');
    svc._setUser('b@x.fr');
    expect(svc.getUserProperties().getProperty('k')).toBeNull();
    expect(svc.getDocumentProperties()!.getProperty('k')).toBeNull();
    expect(svc.getScriptProperties().getProperty('k')).toBe('script');
  });

  test('getDocumentProperties is null for a standalone script', () => {
    expect(
      new PropertiesServiceEmulator(new Runtime(), { hasDocument: false }).getDocumentProperties(),
    ).toBeNull();
  });

  test('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const p = setup().svc.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.setProperties({ c: 3 });
    expect(p.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
    p.setProperties({ z: '9' }, true);
    expect(p.getKeys()).toEqual(['z']);
  });

  test('getProperties returns a copy', () => {
    const p = setup().svc.getScriptProperties();
    p.setProperty('a', '1');
    const copy = p.getProperties();
    copy.a = 'changed';
    expect(p.getProperty('a')).toBe('1');
  });

  test('deleteProperty and deleteAllProperties', () => {
    const p = setup().svc.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.deleteProperty('a');
    expect(p.getKeys()).toEqual(['b']);
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });

  test('a value over 9 KB throws "Argument too large: value" and stores nothing', () => {
    const p = setup().svc.getScriptProperties();
    p.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      `${PROPERTIES_LIMITS.valueTooLarge}`,
    );
    expect(p.getProperty('big')).toBeNull();
  });

  test('the 9 KB limit counts UTF-8 bytes, not characters', () => {
    const p = setup().svc.getScriptProperties();
    expect(() => p.setProperty('é', 'é'.repeat(5000))).toThrow('Argument too large: value');
  });

  test('a store over 500 KB throws Google’s quota text', () => {
    const p = setup().svc.getScriptProperties();
    const v = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, v);
    expect(() => p.setProperty('k56', v)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(p.getKeys()).toHaveLength(56);
  });

  test('reads and writes are charged at the cost model, getting a store is free', () => {
    const { rt, svc } = setup();
    rt.beginExecution('x', 'normal', false);
    const p = svc.getScriptProperties();
    p.setProperties({ a: '1', b: '2' });
    p.getProperty('a');
    const stats = rt.endExecution();
    expect(stats.ms).toBe(COSTS.propertiesWrite + COSTS.propertiesRead);
    expect(stats.byMethod['Properties.setProperties']).toBe(1);
  });

  test('snapshot/restore round-trips through JSON', () => {
    const { svc } = setup();
    svc.getScriptProperties().setProperty('a', '1');
    svc.getUserProperties().setProperty('u', '2');
    const json = JSON.stringify(svc.snapshot());
    const other = new PropertiesServiceEmulator(new Runtime(), { user: 'a@x.fr' });
    other.restore(JSON.parse(json));
    expect(other.getScriptProperties().getProperty('a')).toBe('1');
    expect(other.getUserProperties().getProperty('u')).toBe('2');
  });
});
