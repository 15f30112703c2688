/**
 * The manifest's scopes are proven, not assumed: every global function of the bundle (listed by
 * the runner, so a new one cannot be forgotten) runs on the demo workbook under
 * dist/appsscript.json with no permission error; for each scope of the manifest, a copy without
 * it makes at least one of those runs fail with Google's permission text. And `onOpen` builds its
 * menu in AuthMode.NONE and LIMITED, touching nothing those modes forbid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthModeName } from '../../local/emulator/auth-mode';
import { Emulator } from '../../local/emulator/emulator';
import type { ExecutionKind } from '../../local/emulator/runtime';
import { type Manifest, Runner } from '../../local/runner/runner';
import { DIST, demoHarness } from './harness';

const MANIFEST = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as Required<Manifest>;
const HTML = { Sidebar: readFileSync(join(DIST, 'Sidebar.html'), 'utf8') };
const PERMISSION =
  /Specified permissions are not sufficient to call|You do not have permission to call|Request had insufficient authentication scopes/;

interface World {
  emulator: Emulator;
  runner: Runner;
}

/** What one function did: its answer and every permission message it met (thrown or logged). */
interface Run {
  ok: boolean;
  answer: unknown;
  permission: string[];
}

/**
 * A runner with `manifest` over `emulator`. The demo workbook is loaded once and shared by the
 * runs in file order (restoring it costs more than all the runs): the sufficiency run comes
 * first, on the workbook as the demo left it; later runs repeat writes that are idempotent
 * (same request id, setup of an up-to-date workbook).
 */
function world(emulator: Emulator, manifest: Manifest = MANIFEST): World {
  return { emulator, runner: new Runner({ bundlePath: join(DIST, 'Code.js'), host: emulator, manifest }) };
}

/** A fresh emulator with the sidebar file, for what needs no workbook (onOpen). */
function fresh(manifest: Manifest = MANIFEST): World {
  return world(new Emulator({ htmlFiles: HTML }), manifest);
}

/** Runs `body` and collects the permission messages it threw or logged (sidebar calls log them). */
function observe(w: World, body: () => { ok: boolean; answer: unknown }): Run {
  const before = w.runner.logs.length;
  let result: { ok: boolean; answer: unknown };
  const thrown: string[] = [];
  try {
    result = body();
  } catch (e) {
    thrown.push(e instanceof Error ? e.message : String(e));
    result = { ok: false, answer: null };
  }
  const logged = w.runner.logs.slice(before).map((l) => l.text);
  const answerText = JSON.stringify(result.answer) ?? '';
  const permission = [...thrown, ...logged, answerText].filter((t) => PERMISSION.test(t));
  return { ...result, permission };
}

function api(w: World, fn: string, ...args: unknown[]): Run {
  return observe(w, () => {
    const outcome = w.runner.call(fn, ...args);
    if (!outcome.ok) return { ok: false, answer: outcome.error };
    const answer = outcome.value as { ok: boolean };
    return { ok: answer.ok === true, answer };
  });
}

function run(w: World, fn: string, kind: ExecutionKind, authMode: AuthModeName, alerts = 0): Run {
  for (let i = 0; i < alerts; i += 1) w.emulator.ui._answerNext('OK');
  return observe(w, () => {
    w.runner.run(fn, { authMode }, kind);
    return { ok: true, answer: null };
  });
}

/** Each global function with sensible arguments, in the order a coordinator would meet them. */
const SCENARIO: Record<string, (w: World, ids: DemoIds) => Run> = {
  onOpen: (w) => run(w, 'onOpen', 'simpleTrigger', 'LIMITED'),
  onInstall: (w) => run(w, 'onInstall', 'simpleTrigger', 'FULL'),
  openSidebar: (w) => run(w, 'openSidebar', 'normal', 'FULL'),
  getSidebarBootstrap: (w) => api(w, 'getSidebarBootstrap'),
  getFormData: (w) => api(w, 'getFormData', { sheet: 'bookings' }),
  listRecords: (w) => api(w, 'listRecords', 'structures'),
  searchRecords: (w) => api(w, 'searchRecords', { sheet: 'structures', query: '' }),
  getRecord: (w, ids) => api(w, 'getRecord', { sheet: 'structures', id: ids.structure }),
  saveRecord: (w) =>
    api(w, 'saveRecord', {
      sheet: 'spaces',
      values: { name: 'Salle des scopes' },
      requestId: 'scopes-0000001',
    }),
  getSelectedRecord: (w, ids) => {
    w.emulator.selectCell('Structures', ids.structureRow, 4);
    return api(w, 'getSelectedRecord');
  },
  menuEditSelection: (w) => run(w, 'menuEditSelection', 'normal', 'FULL'),
  setupWorkbook: (w) => api(w, 'setupWorkbook'),
  menuSetupWorkbook: (w) => run(w, 'menuSetupWorkbook', 'normal', 'FULL', 1),
  // The demo is already loaded: both answer « not empty », which is not a permission matter.
  loadDemoData: (w) => api(w, 'loadDemoData'),
  menuLoadDemoData: (w) => run(w, 'menuLoadDemoData', 'normal', 'FULL', 1),
  // Documents (issue 11): each run makes a new version, so each needs Drive (a new file in its folder).
  menuDocuments: (w) => run(w, 'menuDocuments', 'normal', 'FULL'),
  getDocumentTypes: (w) => api(w, 'getDocumentTypes'),
  makeDocument: (w, ids) =>
    api(w, 'makeDocument', { type: 'meetingMinutes', subject: ids.meeting, mode: 'newVersion' }),
  // The demo's bookings: the first sync creates the spaces' calendars and sends them.
  syncBookingCalendars: (w) => api(w, 'syncBookingCalendars'),
  menuSyncCalendars: (w) => run(w, 'menuSyncCalendars', 'normal', 'FULL', 1),
  installCalendarSyncTrigger: (w) => api(w, 'installCalendarSyncTrigger'),
  syncCalendarsTrigger: (w) => run(w, 'syncCalendarsTrigger', 'normal', 'FULL'),
  removeCalendarSyncTrigger: (w) => api(w, 'removeCalendarSyncTrigger'),
  // « À faire » and the daily digest (issue 12): a listed coordinator opts in, the trigger sends
  // (a day later, so that each scenario's run is a new day), the menu item turns it off again.
  getTodo: (w) => api(w, 'getTodo'),
  setDailyDigest: (w, ids) => asUser(w, ids.coordinator, () => api(w, 'setDailyDigest', true)),
  dailyDigestTrigger: (w, ids) =>
    asUser(w, ids.coordinator, () => {
      w.emulator.runtime.clock.advance(24 * 3_600_000);
      return run(w, 'dailyDigestTrigger', 'normal', 'FULL');
    }),
  menuDailyDigest: (w, ids) =>
    asUser(w, ids.coordinator, () => run(w, 'menuDailyDigest', 'normal', 'FULL', 1)),
  // Rota and volunteers (issue 12): the demo's coming week is proposed and written (spreadsheets only).
  proposeRotaWeek: (w) => api(w, 'proposeRotaWeek', { weekOf: '07/09/2026', requestId: 'scopes-rota-0001' }),
  menuProposeRota: (w) => run(w, 'menuProposeRota', 'normal', 'FULL', 1),
  getTodayRota: (w) => api(w, 'getTodayRota'),
  getVolunteerEngagement: (w) => api(w, 'getVolunteerEngagement', { year: 2026 }),
  // People (issue 12): the protections of « Médiations » and « Communication », the initiatives' search.
  updateSheetProtections: (w) => api(w, 'updateSheetProtections'),
  menuUpdateProtections: (w) => run(w, 'menuUpdateProtections', 'normal', 'FULL', 1),
  findInitiatives: (w) => api(w, 'findInitiatives', { query: 'lieu' }),
  // Issue 12: the demo's schedule is complete (adds nothing); the first job's cost is posted once,
  // the same request id answering alike in later runs.
  proposeSafetyCheckList: (w) => api(w, 'proposeSafetyCheckList'),
  menuProposeSafetyChecks: (w) => run(w, 'menuProposeSafetyChecks', 'normal', 'FULL', 1),
  postMaintenanceCostToOperations: (w) =>
    api(w, 'postMaintenanceCostToOperations', { id: 'MAI-0001', requestId: 'scopes-cost-0001' }),
  menuPostMaintenanceCost: (w) => {
    w.emulator.selectCell('Maintenance', 4, 2);
    return run(w, 'menuPostMaintenanceCost', 'normal', 'FULL', 1);
  },
};

/** Runs `step` as `email` (Session's user, their triggers), then as the emulator's user again. */
function asUser(w: World, email: string, step: () => Run): Run {
  const back = w.emulator._actAs(email);
  try {
    return step();
  } finally {
    back();
  }
}

/** The answers the demo's refusal gives (expected, not a failure of the scenario). */
const REFUSED_ON_DEMO = new Set(['loadDemoData']);

interface DemoIds {
  coordinator: string;
  meeting: string;
  structure: string;
  structureRow: number;
}

let demo: Emulator;
let ids: DemoIds;

beforeAll(() => {
  const h = demoHarness();
  const list = h.api<{ id: string; row: number }[]>('listRecords', 'structures').result;
  if (!list.ok || list.data.length === 0) throw new Error('demo has no structure');
  const meetings = h.api<{ id: string }[]>('listRecords', 'meetings').result;
  if (!meetings.ok || meetings.data.length === 0) throw new Error('demo has no meeting');
  const coordinator = String(h.ss.getRangeByName('PILOTE_COORDINATOR_EMAILS')?.getValue())
    .split(',')[0]
    .trim();
  ids = {
    structure: list.data[0].id,
    structureRow: list.data[0].row,
    meeting: meetings.data[0].id,
    coordinator,
  };
  demo = h.emulator;
}, 120_000);

function runScenario(manifest: Manifest): Record<string, Run> {
  const w = world(demo, manifest);
  return Object.fromEntries(Object.entries(SCENARIO).map(([name, step]) => [name, step(w, ids)]));
}

describe('the manifest’s scopes are sufficient', () => {
  test('the scenario covers every global function the bundle declares', () => {
    const w = world(demo);
    expect(Object.keys(SCENARIO).sort()).toEqual(w.runner.functionNames().sort());
  });

  test('every global function runs on the demo workbook with no permission error', () => {
    const runs = runScenario(MANIFEST);
    for (const [name, r] of Object.entries(runs)) {
      expect([name, r.permission]).toEqual([name, []]);
      expect([name, r.ok]).toEqual([name, !REFUSED_ON_DEMO.has(name)]);
    }
  }, 120_000);
});

describe('each scope of the manifest is necessary', () => {
  test.each(MANIFEST.oauthScopes)(
    'without %s, a run fails with Google’s permission text',
    (scope) => {
      const runs = runScenario({ ...MANIFEST, oauthScopes: MANIFEST.oauthScopes.filter((s) => s !== scope) });
      const failing = Object.entries(runs).filter(([, r]) => r.permission.length > 0);
      expect(failing.length).toBeGreaterThan(0);
      const texts = failing.flatMap(([, r]) => r.permission);
      if (scope.includes('/auth/calendar')) {
        // An advanced service answers like the REST API (local/emulator/services/calendar/errors.ts).
        for (const text of texts) expect(text).toContain('Request had insufficient authentication scopes.');
        expect(texts.some((t) => t.includes('API call to calendar.'))).toBe(true);
        return;
      }
      for (const text of texts) expect(text).toContain(`Required permissions: `);
      expect(texts.some((t) => t.includes(scope))).toBe(true);
    },
    120_000,
  );

  test('without userinfo.email the sidebar bootstrap fails, naming Session.getActiveUser', () => {
    const w = world(demo, {
      ...MANIFEST,
      oauthScopes: MANIFEST.oauthScopes.filter((s) => s !== 'https://www.googleapis.com/auth/userinfo.email'),
    });
    const r = api(w, 'getSidebarBootstrap');
    expect(r.ok).toBe(false);
    expect(r.answer).toMatchObject({ ok: false, error: { code: 'error.internal' } });
    expect(r.permission).toContainEqual(
      expect.stringContaining(
        'Exception: Specified permissions are not sufficient to call Session.getActiveUser. ' +
          'Required permissions: https://www.googleapis.com/auth/userinfo.email',
      ),
    );
  });

  test('without script.send_mail the daily digest fails, naming MailApp, and sends nothing', () => {
    const w = world(demo, {
      ...MANIFEST,
      oauthScopes: MANIFEST.oauthScopes.filter(
        (s) => s !== 'https://www.googleapis.com/auth/script.send_mail',
      ),
    });
    asUser(w, ids.coordinator, () => api(w, 'setDailyDigest', true));
    const sentBefore = w.emulator.mail.outbox.length;
    const r = SCENARIO.dailyDigestTrigger(w, ids);
    expect(r.permission).toContainEqual(
      expect.stringContaining(
        'Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota. ' +
          'Required permissions: https://www.googleapis.com/auth/script.send_mail',
      ),
    );
    expect(w.emulator.mail.outbox.length).toBe(sentBefore);
    asUser(w, ids.coordinator, () => api(w, 'setDailyDigest', false));
  });
});

describe('onOpen in the modes Google runs it in', () => {
  test.each(['NONE', 'LIMITED'] as const)('builds the whole menu in AuthMode.%s', (mode) => {
    const w = fresh();
    const r = run(w, 'onOpen', 'simpleTrigger', mode);
    expect(r.permission).toEqual([]);
    const items = w.emulator.ui.menus.get('Pilote')?.entries.filter((e) => e.kind === 'item');
    expect(items?.map((e) => (e.kind === 'item' ? e.functionName : ''))).toEqual([
      'openSidebar',
      'menuEditSelection',
      'menuDocuments',
      'menuSyncCalendars',
      'menuDailyDigest',
      'menuProposeRota',
      'menuProposeSafetyChecks',
      'menuPostMaintenanceCost',
      'menuSetupWorkbook',
      'menuUpdateProtections',
      'menuLoadDemoData',
    ]);
  });

  test('in AuthMode.NONE it reads neither the locale nor the document: French, one call', () => {
    const w = fresh();
    w.emulator.session._configure({ locale: 'en' });
    run(w, 'onOpen', 'simpleTrigger', 'NONE');
    const first = w.emulator.ui.menus.get('Pilote')?.entries[0];
    expect(first).toMatchObject({ kind: 'item', caption: 'Ouvrir Pilote' });
    expect(w.runner.lastStats?.log.map((c) => c.method)).not.toContain('getActiveUserLocale');
    expect(w.runner.lastStats?.calls).toBeLessThanOrEqual(1);
  });

  test('in AuthMode.LIMITED it follows the user’s locale', () => {
    const w = fresh();
    w.emulator.session._configure({ locale: 'en' });
    run(w, 'onOpen', 'simpleTrigger', 'LIMITED');
    expect(w.emulator.ui.menus.get('Pilote')?.entries[0]).toMatchObject({ caption: 'Open Pilote' });
  });

  test('a save in a simple trigger’s identity (e-mail "") is journaled with an empty « qui »', () => {
    const w = world(demo);
    w.emulator.session._configure({ activeUserEmail: '' });
    const r = api(w, 'saveRecord', {
      sheet: 'spaces',
      values: { name: 'Salle anonyme' },
      requestId: 'scopes-0000002',
    });
    expect(r).toMatchObject({ ok: true, permission: [] });
    const wb = w.emulator.spreadsheetApp._workbook();
    const journal = wb.state.sheets.find((s) => s.name === 'Journal');
    if (!journal) throw new Error('no Journal');
    const last = wb.lastRow(journal);
    const line = [1, 2, 3, 4].map((c) => wb.displayValue(journal.id, last, c));
    expect(line.slice(1)).toEqual(['', 'Création', 'Espaces']);
  });
});
