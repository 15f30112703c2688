import { LIMITS, Runtime } from '../../../local/emulator/runtime';
import { UTILITIES_LIMITS, UtilitiesEmulator } from '../../../local/emulator/services';

const u = () => new UtilitiesEmulator(new Runtime());
const summer = new Date(Date.UTC(2026, 6, 1, 12, 5, 9)); // Wednesday 1 July 2026, 12:05:09 UTC
const winter = new Date(Date.UTC(2026, 0, 15, 23, 30, 0)); // Thursday 15 January 2026, 23:30 UTC

describe('Utilities.formatDate', () => {
  test('numeric fields in Europe/Paris summer time (UTC+2)', () => {
    expect(u().formatDate(summer, 'Europe/Paris', 'yyyy-MM-dd HH:mm:ss')).toBe('2026-07-01 14:05:09');
  });

  test('winter time is UTC+1 and may change the date', () => {
    expect(u().formatDate(winter, 'Europe/Paris', 'dd/MM/yyyy HH:mm')).toBe('16/01/2026 00:30');
  });

  test('daylight saving starts at 01:00 UTC on the last Sunday of March', () => {
    const x = u();
    expect(x.formatDate(new Date(Date.UTC(2026, 2, 29, 0, 59)), 'Europe/Paris', 'HH:mm Z')).toBe(
      '01:59 +0100',
    );
    expect(x.formatDate(new Date(Date.UTC(2026, 2, 29, 1, 0)), 'Europe/Paris', 'HH:mm Z')).toBe(
      '03:00 +0200',
    );
  });

  test('English day and month names, short and long', () => {
    expect(u().formatDate(summer, 'Europe/Paris', 'EEE EEEE MMM MMMM')).toBe('Wed Wednesday Jul July');
  });

  test('Z and XXX offsets; X gives Z for UTC', () => {
    const x = u();
    expect(x.formatDate(summer, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2026-07-01T14:05:09+02:00',
    );
    expect(x.formatDate(summer, 'America/New_York', 'Z')).toBe('-0400');
    expect(x.formatDate(summer, 'UTC', 'XXX')).toBe('Z');
  });

  test('quoted text and doubled quotes are literal', () => {
    expect(u().formatDate(summer, 'UTC', "h 'o''clock' a")).toBe("12 o'clock PM");
  });

  test('two-letter year and unpadded fields', () => {
    expect(u().formatDate(winter, 'UTC', 'yy M d H')).toBe('26 1 15 23');
  });

  test('a pattern letter Java does not know (or the emulator lacks) throws', () => {
    expect(() => u().formatDate(summer, 'UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
  });

  test('an invalid date is refused', () => {
    expect(() => u().formatDate(new Date(Number.NaN), 'UTC', 'yyyy')).toThrow('Invalid argument: date');
  });
});

describe('Utilities', () => {
  test('formatString handles %s, %d, %05d, %.2f and %%', () => {
    expect(u().formatString('%s has %d rooms, %05d, %.2f €, 100%%', 'Lieu', 3.7, 42, 1234.5)).toBe(
      'Lieu has 3 rooms, 00042, 1234.50 €, 100%',
    );
  });

  test('getUuid has the v4 shape, is unique and reproducible from the seed', () => {
    const a = u();
    const first = a.getUuid();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.getUuid()).not.toBe(first);
    expect(u().getUuid()).toBe(first);
  });

  test('the UUID counter survives snapshot/restore', () => {
    const a = u();
    a.getUuid();
    const b = u();
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(b.getUuid()).toBe(a.getUuid());
  });

  test('sleep advances the virtual clock and counts toward the execution limit', () => {
    const rt = new Runtime();
    const x = new UtilitiesEmulator(rt);
    rt.beginExecution('x', 'normal', false);
    const t0 = rt.clock.now();
    x.sleep(1500);
    expect(rt.clock.now() - t0).toBe(1500);
    x.sleep(300000);
    expect(() => x.sleep(60000)).toThrow(LIMITS.exceededMessage);
  });

  test('sleep over 300000 ms throws', () => {
    expect(() => u().sleep(300001)).toThrow(UTILITIES_LIMITS.sleepTooLong);
  });

  test('computeDigest returns signed bytes (MD5 and SHA-256)', () => {
    const x = u();
    expect(x.computeDigest(x.DigestAlgorithm.MD5, 'abc')).toEqual([
      -112, 1, 80, -104, 60, -46, 79, -80, -42, -106, 63, 125, 40, -31, 127, 114,
    ]);
    const sha = x.computeDigest(x.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toHaveLength(32);
    expect(sha[0]).toBe(-70);
  });

  test('base64 round trip; decode gives signed bytes', () => {
    const x = u();
    expect(x.base64Encode('Événement')).toBe(Buffer.from('Événement').toString('base64'));
    expect(x.base64Decode(x.base64Encode([255, 0, 1]))).toEqual([-1, 0, 1]);
    expect(x.base64EncodeWebSafe([251, 255])).toBe('-_8=');
  });

  test('base64Decode of malformed input throws "Could not decode string."', () => {
    expect(() => u().base64Decode('abc')).toThrow('Could not decode string.');
  });

  test('newBlob keeps bytes, type and name', () => {
    const b = u().newBlob('héllo', 'text/plain', 'a.txt');
    expect(b.getDataAsString()).toBe('héllo');
    expect(b.getBytes()).toEqual([104, -61, -87, 108, 108, 111]);
    expect(b.getContentType()).toBe('text/plain');
    expect(b.setName('b.txt').getName()).toBe('b.txt');
  });

  test('parseCsv handles quotes, doubled quotes, CRLF and another delimiter', () => {
    const x = u();
    expect(x.parseCsv('a,"b,c","d ""e"""\r\n1,2,3')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    expect(x.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });
});
