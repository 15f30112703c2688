/**
 * The runner executes each call with the manifest's scopes and the execution's AuthMode: a call
 * whose scopes are missing throws Google's text before it has any effect; a simple trigger in
 * LIMITED or NONE is refused what Google refuses there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../local/emulator/emulator';
import { type Manifest, Runner } from '../../local/runner/runner';

const SCRIPT = `
function email() { return Session.getActiveUser().getEmail(); }
function firstCell() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).getValue(); }
function writeCell() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).setValue('x'); }
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
function remember() { PropertiesService.getDocumentProperties().setProperty('k', 'v'); }
function trigger() { ScriptApp.newTrigger('email').timeBased().everyHours(1).create(); }
function onInstall(e) { return String(e.authMode); }
function menu(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Ouvrir', 'sidebar').addToUi();
  return e.authMode === ScriptApp.AuthMode.NONE ? 'NONE' : String(e.authMode);
}
function privateHelper() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(1, 1).cells; }
function enumCompare() { return [SpreadsheetApp.ProtectionType.RANGE == 'RANGE', String(SpreadsheetApp.ProtectionType.SHEET)]; }
`;

const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
const UI = 'https://www.googleapis.com/auth/script.container.ui';
const EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

function setup(manifest?: Manifest): { runner: Runner; emulator: Emulator } {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-auth-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Europe/Paris', oauthScopes: [CURRENT_ONLY, UI, EMAIL] }),
  );
  const emulator = new Emulator();
  return { runner: new Runner({ bundlePath: join(dir, 'Code.js'), host: emulator, manifest }), emulator };
}

describe('the manifest’s scopes', () => {
  test('the manifest next to the bundle is read: its scopes allow what they name', () => {
    const { runner } = setup();
    expect([...(runner.grantedScopes ?? [])]).toEqual([CURRENT_ONLY, UI, EMAIL]);
    expect(runner.call('email')).toMatchObject({ ok: true, value: 'coordination@tiers-lieu.example' });
    expect(runner.call('firstCell')).toMatchObject({ ok: true });
  });

  test('without userinfo.email, Session.getActiveUser throws Google’s text', () => {
    const { runner } = setup({ oauthScopes: [CURRENT_ONLY, UI] });
    expect(runner.call('email')).toMatchObject({
      ok: false,
      error:
        'Exception: Specified permissions are not sufficient to call Session.getActiveUser. ' +
        'Required permissions: https://www.googleapis.com/auth/userinfo.email',
    });
  });

  test('when several scopes would do, Google lists them between parentheses joined by ||', () => {
    const { runner } = setup({ oauthScopes: [UI] });
    expect(runner.call('firstCell')).toMatchObject({
      ok: false,
      error:
        'Exception: Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. ' +
        'Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    });
  });

  test('a refused call has no effect and is not charged', () => {
    const { runner, emulator } = setup({ oauthScopes: [CURRENT_ONLY] });
    const outcome = runner.call('sidebar');
    expect(outcome).toMatchObject({
      ok: false,
      error: expect.stringContaining(
        'to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
      ),
    });
    expect(emulator.ui._lastSidebar()).toBeNull();
    // cold start, getUi and createHtmlOutput: showSidebar itself was never charged.
    expect(outcome.stats?.log.map((c) => c.method)).not.toContain('showSidebar');
  });

  test('a manifest without oauthScopes lets Google infer them: nothing is refused', () => {
    const { runner } = setup({ timeZone: 'Europe/Paris' });
    expect(runner.grantedScopes).toBeNull();
    expect(runner.call('trigger')).toMatchObject({ ok: true });
  });

  test('a member that is not Apps Script API is reported as not implemented', () => {
    const { runner } = setup();
    expect(runner.call('privateHelper')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Range\.cells is not implemented/),
    });
  });

  test('enum constants still compare and print as on Google', () => {
    const { runner } = setup();
    expect(runner.call('enumCompare')).toMatchObject({ ok: true, value: [true, 'SHEET'] });
  });
});

describe('AuthMode', () => {
  test('the event carries the execution’s mode; a simple trigger defaults to LIMITED', () => {
    const { runner } = setup();
    expect(runner.run('menu', {}, 'simpleTrigger').value).toBe('LIMITED');
    expect(runner.run('menu', {}, 'simpleTrigger', { authMode: 'NONE' }).value).toBe('NONE');
    expect(runner.run('menu', { authMode: 'FULL' }, 'simpleTrigger').value).toBe('FULL');
    expect(runner.run('onInstall', {}, 'simpleTrigger').value).toBe('FULL');
    expect(() => runner.run('menu', { authMode: 'SOME' }, 'simpleTrigger')).toThrow(/not one of/);
  });

  test('LIMITED: the bound document and properties, but no dialog, trigger or e-mail', () => {
    const { runner, emulator } = setup({
      oauthScopes: [CURRENT_ONLY, UI, EMAIL, 'https://www.googleapis.com/auth/script.scriptapp'],
    });
    const limited = { authMode: 'LIMITED' as const };
    expect(() => runner.run('writeCell', undefined, 'simpleTrigger', limited)).not.toThrow();
    expect(() => runner.run('remember', undefined, 'simpleTrigger', limited)).not.toThrow();
    expect(runner.run('email', undefined, 'simpleTrigger', limited).value).toBe('');
    expect(() => runner.run('sidebar', undefined, 'simpleTrigger', limited)).toThrow(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    expect(() => runner.run('trigger', undefined, 'simpleTrigger', limited)).toThrow(
      /You do not have permission to call ScriptApp\.newTrigger/,
    );
    expect(emulator.scriptApp._triggers()).toEqual([]);
    // FULL again for the next execution: the e-mail is back.
    expect(runner.call('email')).toMatchObject({ ok: true, value: 'coordination@tiers-lieu.example' });
  });

  test('NONE: only the add-on menu; the document and properties are refused before any effect', () => {
    const { runner, emulator } = setup();
    const none = { authMode: 'NONE' as const };
    expect(runner.run('menu', {}, 'simpleTrigger', none).value).toBe('NONE');
    expect(emulator.ui.menus.get('Pilote')?.entries).toHaveLength(1);
    expect(() => runner.run('firstCell', undefined, 'simpleTrigger', none)).toThrow(
      /You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet/,
    );
    expect(() => runner.run('remember', undefined, 'simpleTrigger', none)).toThrow(
      /You do not have permission to call PropertiesService\.getDocumentProperties/,
    );
    expect(emulator.properties.snapshot()).toEqual(new Emulator().properties.snapshot());
    expect(runner.lastStats?.calls).toBe(0);
  });
});
