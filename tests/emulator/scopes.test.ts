/**
 * The scope table covers every Apps Script method the emulator implements (read from the
 * emulator's own source: a public method without an entry fails here), names only methods that
 * exist, and the policy refuses per the manifest and the AuthMode as Google does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { type AuthPolicy, manifestScopes, refusal } from '../../local/emulator/auth-mode';
import {
  APPS_SCRIPT_SCOPES,
  googleClassName,
  mergeScopeTables,
  requiredPermissions,
  SCOPE,
} from '../../local/emulator/scopes';
import { Emulator } from '../../local/emulator/emulator';
import * as services from '../../local/emulator/services';
import * as calendar from '../../local/emulator/services/calendar';
import * as spreadsheet from '../../local/emulator/spreadsheet';

const EMULATOR = join(__dirname, '..', '..', 'local', 'emulator');

/** Classes the script never reaches: the emulator's own machinery behind the services. */
const HOST_ONLY_CLASSES = new Set([
  'Workbook',
  'FormulaEngine',
  'VirtualClockPlugin',
  'SheetsMathPlugin',
  'SheetsDatePlugin',
  // The Calendar emulator's exceptions: thrown to the script, never called by it.
  'GoogleJsonResponseException',
  'CalendarApiError',
  'RecurrenceNotImplemented',
]);

/**
 * The part of the emulator's table this file covers: Apps Script services and the Calendar
 * service (Docs and Drive have their own tests); the emulator checks calls against a table
 * holding all of it (asserted below).
 */
const TABLE = mergeScopeTables(APPS_SCRIPT_SCOPES, calendar.CALENDAR_SCOPES);

/** Public in TypeScript for the emulator's own use, not Apps Script members (hidden from the script). */
const HOST_ONLY_MEMBERS = new Set([
  'DataValidationBuilder.load',
  'DataValidation.spec',
  'EnumValue.describe',
  // Persistence of the playground, hidden by the membrane like `_` helpers.
  ...[
    'CacheService',
    'LockService',
    'MailApp',
    'PropertiesService',
    'ScriptApp',
    'Ui',
    'Utilities',
    'Calendar',
  ].flatMap((c) => [`${c}.snapshot`, `${c}.restore`]),
]);

const exported = { ...services, ...spreadsheet, ...calendar } as Record<string, unknown>;

/** Every exported class of the services and spreadsheet folders with its public instance methods. */
function emulatedClasses(): { className: string; declared: string; methods: string[] }[] {
  const files = ['services', 'spreadsheet', join('services', 'calendar')].flatMap((dir) =>
    readdirSync(join(EMULATOR, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(EMULATOR, dir, f)),
  );
  const out: { className: string; declared: string; methods: string[] }[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const node of source.statements) {
      if (!ts.isClassDeclaration(node) || !node.name || HOST_ONLY_CLASSES.has(node.name.text)) continue;
      const methods = new Set<string>();
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const flags = ts.getCombinedModifierFlags(member);
        if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static))
          continue;
        if (member.name.text.startsWith('_')) continue;
        methods.add(member.name.text);
      }
      const ctor = exported[node.name.text];
      if (typeof ctor !== 'function') throw new Error(`${node.name.text} (${file}) is not exported`);
      const className = googleClassName(Object.create((ctor as { prototype: object }).prototype));
      out.push({ className, declared: node.name.text, methods: [...methods] });
    }
  }
  return out;
}

describe('the scope table', () => {
  const classes = emulatedClasses();

  test('reads the classes the script meets, under Google’s names', () => {
    const names = classes.map((c) => c.className);
    for (const name of [
      'SpreadsheetApp',
      'Range',
      'Sheet',
      'Session',
      'User',
      'Ui',
      'Menu',
      'ScriptApp',
      'MailApp',
      'Calendar',
      'Calendar.Events',
      'Calendar.Calendars',
    ])
      expect(names).toContain(name);
    expect(names).not.toContain('SessionEmulator');
    expect(names).not.toContain('EmuRange');
  });

  test('has an entry for every public method of every emulated class', () => {
    const missing = classes.flatMap((c) =>
      c.methods
        .map((m) => `${c.className}.${m}`)
        .filter((key) => !HOST_ONLY_MEMBERS.has(key) && TABLE[key] === undefined),
    );
    expect(missing).toEqual([]);
  });

  test('names no method the emulator lacks (the table cannot outlive a removed method)', () => {
    const declared = new Set(classes.flatMap((c) => c.methods.map((m) => `${c.className}.${m}`)));
    expect(Object.keys(TABLE).filter((key) => !declared.has(key))).toEqual([]);
  });

  test('the Calendar service’s methods are in the table the emulator checks', () => {
    for (const m of ['insert', 'get', 'patch', 'update', 'remove', 'list', 'instances'])
      expect(TABLE[`Calendar.Events.${m}`]).toContain('https://www.googleapis.com/auth/calendar.app.created');
    for (const m of ['insert', 'get', 'patch', 'update', 'remove'])
      expect(TABLE[`Calendar.Calendars.${m}`]).toContain(
        'https://www.googleapis.com/auth/calendar.app.created',
      );
    expect(TABLE['Range.getValues']).toBe(APPS_SCRIPT_SCOPES['Range.getValues']);
    const checked = new Emulator().scopeTable;
    for (const [key, scopes] of Object.entries(TABLE)) expect([key, checked[key]]).toEqual([key, scopes]);
  });

  test('every scope it names is a googleapis auth URL', () => {
    for (const scopes of Object.values(TABLE))
      for (const s of scopes) expect(s).toMatch(/^https:\/\/www\.googleapis\.com\/auth\/[a-z._]+$/);
  });

  test('follows the reference pages Pilote depends on', () => {
    expect(APPS_SCRIPT_SCOPES['Session.getActiveUser']).toEqual([SCOPE.userEmail]);
    expect(APPS_SCRIPT_SCOPES['User.getEmail']).toEqual([]);
    expect(APPS_SCRIPT_SCOPES['Range.setValues']).toEqual([SCOPE.sheetsCurrentOnly, SCOPE.sheets]);
    expect(APPS_SCRIPT_SCOPES['SpreadsheetApp.openById']).toEqual([SCOPE.sheets]);
    expect(APPS_SCRIPT_SCOPES['Ui.showSidebar']).toEqual([SCOPE.containerUi]);
    expect(APPS_SCRIPT_SCOPES['Ui.createAddonMenu']).toEqual([]);
    expect(APPS_SCRIPT_SCOPES['LockService.getDocumentLock']).toEqual([]);
    expect(APPS_SCRIPT_SCOPES['MailApp.getRemainingDailyQuota']).toEqual([SCOPE.sendMail]);
  });
});

describe('mergeScopeTables and googleClassName', () => {
  test('another service contributes its table; a key declared twice differently throws', () => {
    const calendar = { 'Calendar.Events.insert': ['https://www.googleapis.com/auth/calendar'] };
    const merged = mergeScopeTables(APPS_SCRIPT_SCOPES, calendar);
    expect(merged['Calendar.Events.insert']).toEqual(['https://www.googleapis.com/auth/calendar']);
    expect(merged['Range.getValues']).toBe(APPS_SCRIPT_SCOPES['Range.getValues']);
    expect(() => mergeScopeTables(merged, { 'Range.getValues': [] })).toThrow(/declared twice/);
    expect(mergeScopeTables(merged, { 'Range.getValues': [SCOPE.sheetsCurrentOnly, SCOPE.sheets] })).toEqual(
      merged,
    );
  });

  test('a class names itself with googleClassName, else loses its Emu / Emulator affixes', () => {
    class EventsEmulator {
      static readonly googleClassName = 'Calendar.Events';
      insert(): void {}
    }
    class EmuRange {}
    class SessionEmulator {}
    class Emulator {}
    expect(googleClassName(new EventsEmulator())).toBe('Calendar.Events');
    expect(googleClassName(new EmuRange())).toBe('Range');
    expect(googleClassName(new SessionEmulator())).toBe('Session');
    expect(googleClassName(new Emulator())).toBe('Emulator');
  });

  test('several scopes print as Google prints them', () => {
    expect(requiredPermissions([SCOPE.userEmail])).toBe('https://www.googleapis.com/auth/userinfo.email');
    expect(requiredPermissions([SCOPE.sheetsCurrentOnly, SCOPE.sheets])).toBe(
      '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });
});

describe('refusal', () => {
  const pilote = manifestScopes({
    oauthScopes: [SCOPE.sheetsCurrentOnly, SCOPE.containerUi, SCOPE.userEmail],
  });
  const policy = (authMode: AuthPolicy['authMode'], grantedScopes = pilote): AuthPolicy => ({
    grantedScopes,
    authMode,
    table: APPS_SCRIPT_SCOPES,
  });

  test('FULL: what one of the manifest’s scopes allows, nothing else', () => {
    expect(refusal(policy('FULL'), 'Range.setValues')).toBeNull();
    expect(refusal(policy('FULL'), 'Utilities.formatDate')).toBeNull();
    expect(refusal(policy('FULL'), 'SpreadsheetApp.openById')).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(refusal(policy('FULL'), 'MailApp.sendEmail')).toMatch(/script\.send_mail$/);
    expect(refusal(policy('FULL', null), 'MailApp.sendEmail')).toBeNull();
  });

  test('LIMITED: the bound document, storage and the locale; no dialog, trigger, mail or other file', () => {
    const limited = policy('LIMITED', null);
    for (const allowed of [
      'SpreadsheetApp.getActiveSpreadsheet',
      'Range.setValues',
      'PropertiesService.getDocumentProperties',
      'LockService.getDocumentLock',
      'Session.getActiveUserLocale',
      'Session.getActiveUser',
      'Ui.createAddonMenu',
      'HtmlService.createHtmlOutput',
    ])
      expect([allowed, refusal(limited, allowed)]).toEqual([allowed, null]);
    for (const refused of [
      'Ui.showSidebar',
      'Ui.alert',
      'ScriptApp.newTrigger',
      'MailApp.sendEmail',
      'SpreadsheetApp.openById',
    ])
      expect(refusal(limited, refused)).toMatch(
        new RegExp(`^You do not have permission to call ${refused}\\. Required permissions: `),
      );
  });

  test('NONE: the add-on menu and Utilities only', () => {
    const none = policy('NONE', null);
    for (const allowed of [
      'SpreadsheetApp.getUi',
      'Ui.createAddonMenu',
      'Menu.addItem',
      'Menu.addToUi',
      'Utilities.formatDate',
    ])
      expect([allowed, refusal(none, allowed)]).toEqual([allowed, null]);
    expect(refusal(none, 'SpreadsheetApp.getActiveSpreadsheet')).toBe(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
    expect(refusal(none, 'PropertiesService.getDocumentProperties')).toBe(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(refusal(none, 'Session.getActiveUserLocale')).not.toBeNull();
  });

  test('the manifest’s list is read strictly', () => {
    expect(manifestScopes({})).toBeNull();
    expect(() => manifestScopes({ oauthScopes: 'https://www.googleapis.com/auth/spreadsheets' })).toThrow(
      /array of strings/,
    );
  });
});
