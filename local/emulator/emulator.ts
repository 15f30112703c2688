/**
 * One emulated Google account and container-bound project: every service, sharing one Runtime,
 * composed as the globals the runner hands to dist/Code.js, and snapshot/restore of the whole
 * state for the playground's persisted workbook.
 */
import type { AuthModeName } from './auth-mode';
import { Runtime, type ExecutionKind, VirtualClock } from './runtime';
import { APPS_SCRIPT_SCOPES, mergeScopeTables, type ScopeTable } from './scopes';
import {
  CacheServiceEmulator,
  type CacheSnapshot,
  HtmlServiceEmulator,
  LockServiceEmulator,
  type LockSnapshot,
  MailAppEmulator,
  type MailSnapshot,
  PropertiesServiceEmulator,
  type PropertiesSnapshot,
  ScriptAppEmulator,
  type ScriptAppSnapshot,
  SessionEmulator,
  UiEmulator,
  type UiSnapshot,
  UtilitiesEmulator,
  type UtilitiesSnapshot,
} from './services';
import { CALENDAR_SCOPES, CalendarAdvancedService, type CalendarSnapshot } from './services/calendar';
import { EmuSpreadsheetApp, type SpreadsheetAppSnapshot } from './spreadsheet';
// Docs & Drive (issue 11)
import { DOCS_SCOPES, EmuDocumentApp } from './services/docs';
import { DRIVE_SCOPES, DriveStore, type DriveSnapshot, EmuDriveApp, MimeType } from './services/drive';
import { DRIVE_V3_SCOPES, DriveV3Service } from './services/drive-v3'; // Advanced Drive v3 (issue 11)

/** The part of appsscript.json that decides which advanced services the script sees. */
export interface AdvancedServicesManifest {
  dependencies?: {
    enabledAdvancedServices?: readonly { userSymbol?: string; serviceId?: string; version?: string }[];
  };
}

/**
 * The advanced services the emulator implements, by global name. An advanced service exists as
 * a global only when the manifest enables it (developers.google.com/apps-script/guides/services/advanced:
 * "you must enable it before use"; the manifest's `dependencies.enabledAdvancedServices` lists
 * `userSymbol`, `serviceId`, `version` — developers.google.com/apps-script/manifest/dependencies).
 * Without it, `Calendar` is not defined: the script's reference fails with a ReferenceError.
 */
export const ADVANCED_SERVICES = { Calendar: { serviceId: 'calendar', version: 'v3' } } as const;

/** Whether the manifest enables the advanced service `userSymbol` with its emulated version. */
export function advancedServiceEnabled(
  manifest: AdvancedServicesManifest | undefined,
  userSymbol: keyof typeof ADVANCED_SERVICES,
): boolean {
  const wanted = ADVANCED_SERVICES[userSymbol];
  return (manifest?.dependencies?.enabledAdvancedServices ?? []).some(
    (s) => s.userSymbol === userSymbol && s.serviceId === wanted.serviceId && s.version === wanted.version,
  );
}

export interface EmulatorOptions {
  /** The project's HTML files by name without `.html` (e.g. `{ Sidebar: '<html>…' }`). */
  htmlFiles?: Record<string, string>;
  /** The active user's Google locale (`fr`, `en`, `en_GB` …). */
  userLocale?: string;
  userEmail?: string;
  /** The spreadsheet's locale (`fr_FR`, `en_US`). */
  spreadsheetLocale?: string;
  timeZone?: string;
  spreadsheetName?: string;
  /** Virtual epoch ms at which the clock starts. */
  startAt?: number;
}

/** Everything needed to reopen the same workbook and project state later. */
export interface EmulatorSnapshot {
  version: 1;
  clock: number;
  options: EmulatorOptions;
  spreadsheet: SpreadsheetAppSnapshot;
  properties: PropertiesSnapshot;
  cache: CacheSnapshot;
  lock: LockSnapshot;
  ui: UiSnapshot;
  scriptApp: ScriptAppSnapshot;
  mail: MailSnapshot;
  utilities: UtilitiesSnapshot;
  /** Drive files, folders and saved Docs (absent in states saved before issue 11). */
  drive?: DriveSnapshot;
  /** Files the Advanced Drive service created (drive.file); absent before issue 11's service. */
  driveV3?: { appFiles: string[] };
  /** Absent in snapshots saved before the Calendar service existed. */
  calendar?: CalendarSnapshot;
}

export class Emulator {
  readonly runtime: Runtime;
  readonly ui: UiEmulator;
  readonly spreadsheetApp: EmuSpreadsheetApp;
  readonly session: SessionEmulator;
  readonly properties: PropertiesServiceEmulator;
  readonly cache: CacheServiceEmulator;
  readonly lock: LockServiceEmulator;
  readonly html: HtmlServiceEmulator;
  readonly scriptApp: ScriptAppEmulator;
  readonly mail: MailAppEmulator;
  readonly utilities: UtilitiesEmulator;
  /** The Advanced Calendar service (a global only when the manifest enables it). */
  readonly calendar: CalendarAdvancedService;
  /** Scopes per method of every service composed here (the runner checks each call against it). */
  readonly scopeTable: ScopeTable = mergeScopeTables(
    APPS_SCRIPT_SCOPES,
    DOCS_SCOPES,
    DRIVE_SCOPES,
    DRIVE_V3_SCOPES,
    CALENDAR_SCOPES,
  );
  // Docs & Drive (issue 11)
  readonly drive: DriveStore;
  readonly documentApp: EmuDocumentApp;
  readonly driveApp: EmuDriveApp;
  /** The Advanced Drive service (v3), global `Drive` (issue 11, documents service). */
  readonly driveV3: DriveV3Service;
  private executions = 0;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.runtime = new Runtime(new VirtualClock(options.startAt));
    const user = options.userEmail ?? 'coordination@tiers-lieu.example';
    const timeZone = options.timeZone ?? 'Europe/Paris';
    this.ui = new UiEmulator(this.runtime, { addonName: 'Pilote' });
    this.spreadsheetApp = new EmuSpreadsheetApp(this.runtime, {
      ui: this.ui,
      locale: options.spreadsheetLocale ?? 'fr_FR',
      timeZone,
      name: options.spreadsheetName ?? 'Tiers-lieu — pilotage',
      // Protections are checked against the account the script runs as (issue 12).
      effectiveUser: () => this.session._effectiveEmail(),
    });
    this.session = new SessionEmulator(this.runtime, {
      activeUserEmail: user,
      effectiveUserEmail: user,
      locale: options.userLocale ?? 'fr',
      timeZone,
    });
    this.properties = new PropertiesServiceEmulator(this.runtime, { user, hasDocument: true });
    this.cache = new CacheServiceEmulator(this.runtime, { user, hasDocument: true });
    this.lock = new LockServiceEmulator(this.runtime, { user, hasDocument: true });
    this.html = new HtmlServiceEmulator(this.runtime, { files: options.htmlFiles ?? {} });
    this.scriptApp = new ScriptAppEmulator(this.runtime, { user });
    this.mail = new MailAppEmulator(this.runtime, {});
    this.utilities = new UtilitiesEmulator(this.runtime);
    // Docs & Drive (issue 11)
    this.drive = new DriveStore(this.runtime);
    this.documentApp = new EmuDocumentApp(this.runtime, this.drive);
    this.driveApp = new EmuDriveApp(this.runtime, this.drive);
    this.driveV3 = new DriveV3Service(this.runtime, this.drive, () => this.session._effectiveEmail());
    this.calendar = new CalendarAdvancedService(this.runtime, { userEmail: user, timeZone });
  }

  /**
   * The Apps Script globals of one execution; the advanced services the manifest enables among
   * them (none when no manifest is given).
   */
  globals(manifest?: AdvancedServicesManifest): Record<string, unknown> {
    return {
      ...(advancedServiceEnabled(manifest, 'Calendar') ? { Calendar: this.calendar } : {}),
      SpreadsheetApp: this.spreadsheetApp,
      Session: this.session,
      PropertiesService: this.properties,
      CacheService: this.cache,
      LockService: this.lock,
      HtmlService: this.html,
      ScriptApp: this.scriptApp,
      MailApp: this.mail,
      Utilities: this.utilities,
      // Docs & Drive (issue 11)
      DocumentApp: this.documentApp,
      DriveApp: this.driveApp,
      MimeType,
      Drive: this.driveV3, // Advanced Drive v3 (issue 11)
    };
  }

  /** Opens an execution; each gets a unique name so locks know their owner. */
  beginExecution(name: string, kind: ExecutionKind, authMode: AuthModeName = 'FULL'): void {
    this.executions += 1;
    const unique = `${name}#${this.executions}`;
    this.runtime.beginExecution(unique, kind);
    this.lock._setExecution(unique);
    this.session._setAuthMode(authMode);
  }

  /** Closes the execution and releases what Google releases when a script ends (its locks). */
  endExecution(): void {
    const name = this.runtime.current().name;
    this.documentApp._endExecution(); // Docs & Drive (issue 11): open documents are saved
    this.runtime.endExecution();
    this.lock._releaseAllFor(name);
    this.lock._setExecution(null);
    this.session._setAuthMode('FULL');
  }

  /**
   * Makes `email` the user of the next executions (Session's active and effective user, whose
   * triggers, user properties, cache and locks are seen) and returns how to switch back to the
   * emulator's own user. Used by the trigger clock: an installable trigger runs as the user who
   * created it (developers.google.com/apps-script/guides/triggers/installable: "Installable
   * triggers always run under the account of the person who created them").
   */
  _actAs(email: string): () => void {
    const own = this.options.userEmail ?? 'coordination@tiers-lieu.example';
    const set = (user: string) => {
      this.session._configure({ activeUserEmail: user, effectiveUserEmail: user });
      this.scriptApp._setUser(user);
      this.properties._setUser(user);
      this.cache._setUser(user);
      this.lock._setUser(user);
    };
    set(email);
    return () => set(own);
  }

  /** Selects a cell as the user would by clicking it (playground, "edit the selected row"). */
  selectCell(sheetName: string, row: number, column: number): void {
    this.spreadsheetApp._userSelect(sheetName, `${columnLetters(column)}${row}`);
  }

  snapshot(): EmulatorSnapshot {
    return {
      version: 1,
      clock: this.runtime.clock.now(),
      options: { ...this.options, htmlFiles: undefined },
      spreadsheet: this.spreadsheetApp._snapshot(),
      properties: this.properties.snapshot(),
      cache: this.cache.snapshot(),
      lock: this.lock.snapshot(),
      ui: this.ui.snapshot(),
      scriptApp: this.scriptApp.snapshot(),
      mail: this.mail.snapshot(),
      utilities: this.utilities.snapshot(),
      drive: this.drive.snapshot(), // Docs & Drive (issue 11)
      driveV3: this.driveV3.snapshot(),
      calendar: this.calendar.snapshot(),
    };
  }

  /** An emulator in the state of `snapshot`; `overrides` (e.g. the HTML files) win over the saved options. */
  static fromSnapshot(snapshot: EmulatorSnapshot, overrides: EmulatorOptions = {}): Emulator {
    if (snapshot.version !== 1) throw new Error(`unknown emulator snapshot version ${snapshot.version}`);
    const emulator = new Emulator({ ...snapshot.options, ...overrides, startAt: snapshot.clock });
    emulator.spreadsheetApp._restore(snapshot.spreadsheet);
    emulator.properties.restore(snapshot.properties);
    emulator.cache.restore(snapshot.cache);
    emulator.lock.restore(snapshot.lock);
    emulator.ui.restore(snapshot.ui);
    emulator.scriptApp.restore(snapshot.scriptApp);
    emulator.mail.restore(snapshot.mail);
    emulator.utilities.restore(snapshot.utilities);
    emulator.drive.restore(snapshot.drive); // Docs & Drive (issue 11)
    emulator.driveV3.restore(snapshot.driveV3);
    if (snapshot.calendar) emulator.calendar.restore(snapshot.calendar);
    return emulator;
  }
}

function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
