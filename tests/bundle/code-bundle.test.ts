/**
 * The contract of what clasp pushes: dist/Code.js is one classic script whose globals are
 * top-level function declarations, with nothing module-like or dev-only inside; the manifest
 * asks for exactly the scopes we mean to ask for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';

const dist = join(__dirname, '..', '..', 'dist');
const codePath = join(dist, 'Code.js');

/** Every function Apps Script must see: triggers, menu handlers and the sidebar API. */
const EXPECTED_GLOBALS = [
  'onOpen',
  'onInstall',
  'openSidebar',
  'menuEditSelection',
  'menuSetupWorkbook',
  'menuLoadDemoData',
  'menuDocuments',
  'getDocumentTypes',
  'makeDocument',
  'loadDemoData',
  'getSidebarBootstrap',
  'saveRecord',
  'listRecords',
  'setupWorkbook',
  'getFormData',
  'getRecord',
  'searchRecords',
  'getSelectedRecord',
  'syncBookingCalendars',
  'menuSyncCalendars',
  'installCalendarSyncTrigger',
  'removeCalendarSyncTrigger',
  'syncCalendarsTrigger',
  'getTodo',
  'setDailyDigest',
  'menuDailyDigest',
  'dailyDigestTrigger',
  'proposeRotaWeek',
  'getTodayRota',
  'getVolunteerEngagement',
  'menuProposeRota',
  // People (issue 12)
  'menuUpdateProtections',
  'updateSheetProtections',
  'findInitiatives',
  'proposeSafetyCheckList',
  'postMaintenanceCostToOperations',
  'menuProposeSafetyChecks',
  'menuPostMaintenanceCost',
];

function program(): acorn.Program {
  if (!existsSync(codePath)) throw new Error('dist/Code.js is missing: run `npm run build` first');
  return acorn.parse(readFileSync(codePath, 'utf8'), { ecmaVersion: 2022, sourceType: 'script' });
}

describe('dist/Code.js', () => {
  test('parses as a classic script: no import or export anywhere', () => {
    const code = readFileSync(codePath, 'utf8');
    expect(() => acorn.parse(code, { ecmaVersion: 2022, sourceType: 'script' })).not.toThrow();
    const asModule = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'module' });
    const moduleNodes = asModule.body.filter((n) => /^(Import|Export)/.test(n.type));
    expect(moduleNodes).toEqual([]);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  test('declares exactly the expected globals as top-level function declarations', () => {
    const declared = program()
      .body.filter((n): n is acorn.FunctionDeclaration => n.type === 'FunctionDeclaration')
      .map((n) => n.id.name);
    // Exactly these: any top-level function can be called from the browser with google.script.run.
    expect([...declared].sort()).toEqual([...EXPECTED_GLOBALS].sort());
  });

  test('contains no dev-only code (HyperFormula, emulator, Node modules)', () => {
    // Code tokens only: a comment may name HyperFormula, bundled HyperFormula code would declare it.
    const words: string[] = [];
    for (const token of acorn.tokenizer(readFileSync(codePath, 'utf8'), { ecmaVersion: 2022 })) {
      if (token.type.label === 'name' || token.type.label === 'string' || token.type.label === 'template') {
        words.push(String((token as unknown as { value: unknown }).value));
      }
    }
    expect(words.length).toBeGreaterThan(100);
    for (const word of words) {
      expect(word).not.toMatch(/hyperformula|local\/emulator|playwright/i);
      expect(word).not.toMatch(/^(require|process|module|exports|__dirname)$/);
    }
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));

  test('runs on V8 in Europe/Paris with Stackdriver logging', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Paris');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
  });

  // Proven by tests/server/authorization.test.ts: every global function runs on the demo
  // workbook under exactly these scopes, and dropping any one of them makes a run fail with
  // Google's permission text. Adding or removing one is a deliberate change of both tests.
  test('asks for exactly the OAuth scopes the emulator proved sufficient and necessary', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/userinfo.email',
      'https://www.googleapis.com/auth/calendar.app.created',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.send_mail',
    ]);
    // The Advanced Calendar service, as the script names it (`Calendar`, API v3).
    expect(manifest.dependencies?.enabledAdvancedServices).toEqual([
      { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
  });
});

describe('dist/Sidebar.html', () => {
  const html = readFileSync(join(dist, 'Sidebar.html'), 'utf8');

  test('is one self-contained file: no external script, stylesheet or font', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).toContain('<script>');
  });

  test('weighs at most 80 KB', () => {
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(80 * 1024);
  });

  test('never assigns innerHTML or uses document.write', () => {
    expect(html).not.toMatch(/\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/);
  });
});
