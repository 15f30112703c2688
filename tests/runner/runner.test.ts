/** The runner executes a script as Apps Script does: fresh globals, realm-correct values, JSON calls. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../local/emulator/emulator';
import { Runner } from '../../local/runner/runner';

const SCRIPT = `
var counter = 0;
function increment() { counter += 1; return counter; }
function echo(value) { return value; }
function now() { return new Date().getTime(); }
function returnsDate() { return { when: new Date() }; }
function realms() {
  var sheets = SpreadsheetApp.getActiveSpreadsheet().getSheets();
  var value = sheets[0].getRange(1, 1).setValue(new Date(2026, 2, 29)).getValue();
  return [sheets instanceof Array, value instanceof Date, value.getFullYear()];
}
function googleError() {
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValues([[1, 2]]); }
  catch (e) { return [e instanceof Error, e.message]; }
  return null;
}
function missingMember() { return SpreadsheetApp.getActiveSpreadsheet().getBandings(); }
function testHelper() { return SpreadsheetApp._snapshot(); }
function writeTwice() {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B1');
  range.setValues([[1, 2]]);
  return range.getValues()[0];
}
`;

function setup(): { runner: Runner; emulator: Emulator } {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-runner-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Paris' }));
  const emulator = new Emulator();
  return { runner: new Runner({ bundlePath: join(dir, 'Code.js'), host: emulator }), emulator };
}

describe('Runner', () => {
  test('each execution starts from fresh globals, as on Apps Script', () => {
    const { runner } = setup();
    expect(runner.call('increment')).toMatchObject({ ok: true, value: 1 });
    expect(runner.call('increment')).toMatchObject({ ok: true, value: 1 });
  });

  test('arguments are copied as JSON; a Date anywhere fails the call like google.script.run', () => {
    const { runner } = setup();
    expect(runner.call('echo', { a: [1, 'x', null, true] })).toMatchObject({
      ok: true,
      value: { a: [1, 'x', null, true] },
    });
    const outcome = runner.call('echo', { nested: { when: new Date() } });
    expect(outcome).toEqual({
      ok: false,
      error: 'Failed due to illegal value in property: when',
      stats: null,
    });
    expect(runner.call('echo', () => 1)).toMatchObject({ ok: false });
  });

  test('a result holding a Date reaches the client as null', () => {
    const { runner } = setup();
    expect(runner.call('returnsDate')).toMatchObject({ ok: true, value: null });
  });

  test('Date follows the virtual clock', () => {
    const { runner, emulator } = setup();
    const outcome = runner.call('now');
    expect(outcome.ok && outcome.value).toBe(emulator.runtime.clock.now() - 0);
  });

  test('values from the emulator belong to the script realm (instanceof Array and Date work)', () => {
    const { runner } = setup();
    expect(runner.call('realms')).toMatchObject({ ok: true, value: [true, true, 2026] });
  });

  test('Google errors reach the script as its own Error with Google’s message', () => {
    const { runner } = setup();
    const outcome = runner.call('googleError');
    expect(outcome.ok).toBe(true);
    const [isError, message] = (outcome as { value: [boolean, string] }).value;
    expect(isError).toBe(true);
    expect(message).toMatch(
      /number of columns in the data does not match the number of columns in the range/,
    );
  });

  test('a member the emulator lacks fails loudly instead of being undefined', () => {
    const { runner } = setup();
    const outcome = runner.call('missingMember');
    expect(outcome).toMatchObject({ ok: false });
    expect(!outcome.ok && outcome.error).toMatch(/Spreadsheet\.getBandings is not implemented/);
  });

  test('test helpers are invisible to the script', () => {
    const { runner } = setup();
    expect(runner.call('testHelper')).toMatchObject({ ok: false });
  });

  test('an unknown function fails with Apps Script’s message', () => {
    const { runner } = setup();
    expect(runner.call('nope')).toMatchObject({ ok: false, error: 'Error: Script function not found: nope' });
  });

  test('each execution is counted on its own: cold start, write, uncached read after the write', () => {
    const { runner } = setup();
    const outcome = runner.call('writeTwice');
    expect(outcome).toMatchObject({ ok: true, value: [1, 2] });
    expect(outcome.stats?.writes).toBe(1);
    expect(outcome.stats?.log.map((c) => `${c.method}:${c.ms}`)).toEqual(
      expect.arrayContaining(['(cold start):300', 'setValues:50.26', 'getValues:150.01']),
    );
  });
});
