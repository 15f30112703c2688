/** ScriptApp emulator: installable triggers (recorded, never deduplicated), enums, ids, token. */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';
import { makeEnum, stableHex } from './shared';

/**
 * Round trips and their price. The cost model has no trigger price: creating or deleting one is
 * charged like a properties write (a metadata write), listing like a properties read.
 */
const COST: Record<string, CostKind> = {
  newTrigger: 'local',
  create: 'propertiesWrite',
  deleteTrigger: 'propertiesWrite',
  getProjectTriggers: 'propertiesRead',
  getUserTriggers: 'propertiesRead',
  getOAuthToken: 'local',
  getScriptId: 'local',
  trigger: 'local',
};

/** Quotas page: 20 triggers per user per script; text as public GAS code quotes it. */
export const TRIGGER_LIMITS = {
  perUserPerScript: 20,
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
} as const;

/** `ScriptApp.EventType`. */
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
/** `ScriptApp.TriggerSource`. */
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);
/** `ScriptApp.AuthMode`. */
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);

/** A trigger as stored. */
export interface TriggerData {
  id: string;
  handler: string;
  eventType: keyof typeof EventType;
  source: keyof typeof TriggerSource;
  /** Spreadsheet id for spreadsheet triggers, '' for clock triggers. */
  sourceId: string;
  owner: string;
  /** Clock schedule, as set on the builder. */
  schedule?: { everyMinutes?: number; everyHours?: number; everyDays?: number; atHour?: number };
  /** Virtual epoch ms of create() (absent in states saved before triggers fired: taken as 0). */
  createdAt?: number;
}

/** `GoogleAppsScript.Script.Trigger`. */
export class Trigger {
  constructor(
    private readonly runtime: Runtime,
    readonly data: TriggerData,
  ) {}

  private charge(method: string): void {
    this.runtime.charge('Trigger', method, COST.trigger);
  }

  getHandlerFunction(): string {
    this.charge('getHandlerFunction');
    return this.data.handler;
  }

  getEventType(): string {
    this.charge('getEventType');
    return this.data.eventType;
  }

  getUniqueId(): string {
    this.charge('getUniqueId');
    return this.data.id;
  }

  getTriggerSource(): string {
    this.charge('getTriggerSource');
    return this.data.source;
  }

  getTriggerSourceId(): string {
    this.charge('getTriggerSourceId');
    return this.data.sourceId;
  }
}

/** Clock periods Google accepts (ClockTriggerBuilder reference); error texts not verified. */
const MINUTES = [1, 5, 10, 15, 30];
const HOURS = [1, 2, 4, 6, 8, 12];

/** `ClockTriggerBuilder`. */
export class ClockTriggerBuilder {
  private readonly schedule: NonNullable<TriggerData['schedule']> = {};

  constructor(
    private readonly app: ScriptAppEmulator,
    private readonly handler: string,
  ) {}

  everyMinutes(n: number): ClockTriggerBuilder {
    if (!MINUTES.includes(n))
      throw new GoogleException('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this.schedule.everyMinutes = n;
    return this;
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (!HOURS.includes(n))
      throw new GoogleException('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.schedule.everyHours = n;
    return this;
  }

  everyDays(n: number): ClockTriggerBuilder {
    if (!(Number.isInteger(n) && n >= 1)) throw new GoogleException('Invalid argument: n');
    this.schedule.everyDays = n;
    return this;
  }

  atHour(hour: number): ClockTriggerBuilder {
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23))
      throw new GoogleException('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this;
  }

  create(): Trigger {
    const s = this.schedule;
    if (s.everyMinutes === undefined && s.everyHours === undefined && s.everyDays === undefined) {
      throw new GoogleException('Missing a recurrence for the time-based trigger.');
    }
    if (s.atHour !== undefined && s.everyDays === undefined) {
      throw new GoogleException('atHour() can only be used with everyDays() or everyWeeks().');
    }
    return this.app._create({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      schedule: s,
    });
  }
}

/** `SpreadsheetTriggerBuilder`. */
export class SpreadsheetTriggerBuilder {
  private eventType: TriggerData['eventType'] | null = null;

  constructor(
    private readonly app: ScriptAppEmulator,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_EDIT';
    return this;
  }

  onChange(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): Trigger {
    if (!this.eventType) throw new GoogleException('Missing an event type for the spreadsheet trigger.');
    return this.app._create({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
    });
  }
}

/** `TriggerBuilder`. */
export class TriggerBuilder {
  constructor(
    private readonly app: ScriptAppEmulator,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.app, this.handler);
  }

  /** Takes a Spreadsheet (anything with getId()) or a spreadsheet id. */
  forSpreadsheet(sheet: { getId(): string } | string): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    return new SpreadsheetTriggerBuilder(this.app, this.handler, id);
  }
}

/** JSON form of the project's triggers. */
export interface ScriptAppSnapshot {
  triggers: TriggerData[];
  nextId: number;
}

/** Options of {@link ScriptAppEmulator}. */
export interface ScriptAppOptions {
  scriptId?: string;
  /** The user whose triggers getProjectTriggers lists and create() counts. */
  user?: string;
}

/** `ScriptApp`. */
export class ScriptAppEmulator {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  private triggers: TriggerData[] = [];
  private nextId = 1;
  private user: string;
  private readonly scriptId: string;

  constructor(
    private readonly runtime: Runtime,
    options: ScriptAppOptions = {},
  ) {
    this.user = options.user ?? 'user@example.com';
    this.scriptId = options.scriptId ?? 'script-id-local';
  }

  newTrigger(functionName: string): TriggerBuilder {
    this.runtime.charge('ScriptApp', 'newTrigger', COST.newTrigger);
    return new TriggerBuilder(this, String(functionName));
  }

  /** The current user's triggers in this project, oldest first. */
  getProjectTriggers(): Trigger[] {
    this.runtime.charge('ScriptApp', 'getProjectTriggers', COST.getProjectTriggers);
    return this.mine().map((t) => new Trigger(this.runtime, t));
  }

  /** The current user's triggers in this project for one spreadsheet. */
  getUserTriggers(spreadsheet: { getId(): string }): Trigger[] {
    this.runtime.charge('ScriptApp', 'getUserTriggers', COST.getUserTriggers);
    const id = spreadsheet.getId();
    return this.mine()
      .filter((t) => t.source === 'SPREADSHEETS' && t.sourceId === id)
      .map((t) => new Trigger(this.runtime, t));
  }

  deleteTrigger(trigger: Trigger): void {
    this.runtime.charge('ScriptApp', 'deleteTrigger', COST.deleteTrigger);
    this.triggers = this.triggers.filter((t) => t.id !== trigger.data.id);
  }

  getOAuthToken(): string {
    this.runtime.charge('ScriptApp', 'getOAuthToken', COST.getOAuthToken);
    return `ya29.local-${stableHex(`${this.scriptId}/${this.user}`, 24)}`;
  }

  getScriptId(): string {
    this.runtime.charge('ScriptApp', 'getScriptId', COST.getScriptId);
    return this.scriptId;
  }

  /** Runner helper: whose triggers the next calls see. */
  _setUser(email: string): void {
    this.user = email;
  }

  /** Test/runner helper: every trigger of every user, as data. */
  _triggers(): TriggerData[] {
    return this.triggers.map((t) => ({ ...t }));
  }

  /** @internal Called by the builders' create(): records the trigger, never deduplicating. */
  _create(t: Omit<TriggerData, 'id' | 'owner'>): Trigger {
    this.runtime.charge('TriggerBuilder', 'create', COST.create);
    if (this.mine().length >= TRIGGER_LIMITS.perUserPerScript)
      throw new GoogleException(TRIGGER_LIMITS.tooMany);
    const data: TriggerData = {
      ...t,
      id: String(1000000 + this.nextId++),
      owner: this.user,
      createdAt: this.runtime.clock.now(),
    };
    this.triggers.push(data);
    return new Trigger(this.runtime, data);
  }

  /**
   * Runner helper: every firing of every user's clock trigger in `(from, to]`, oldest first (see
   * {@link clockFirings}). Uncharged: Google's scheduler, not the script, reads the triggers.
   */
  _clockFiringsBetween(from: number, to: number, timeZone: string): ClockFiring[] {
    const out: ClockFiring[] = [];
    for (const t of this.triggers) {
      if (t.eventType !== 'CLOCK') continue;
      for (const at of clockFirings(t, from, to, timeZone)) out.push({ trigger: { ...t }, at });
    }
    return out.sort((a, b) => a.at - b.at || Number(a.trigger.id) - Number(b.trigger.id));
  }

  /** Runner helper: the trigger with this unique id (any user), or null. */
  _trigger(id: string): TriggerData | null {
    const t = this.triggers.find((x) => x.id === id);
    return t ? { ...t } : null;
  }

  private mine(): TriggerData[] {
    return this.triggers.filter((t) => t.owner === this.user);
  }

  snapshot(): ScriptAppSnapshot {
    return JSON.parse(JSON.stringify({ triggers: this.triggers, nextId: this.nextId })) as ScriptAppSnapshot;
  }

  restore(s: ScriptAppSnapshot): void {
    this.triggers = JSON.parse(JSON.stringify(s.triggers)) as TriggerData[];
    this.nextId = s.nextId;
  }
}

/** One run of a clock trigger that Google's scheduler would start. */
export interface ClockFiring {
  trigger: TriggerData;
  /** Virtual epoch ms at which it runs. */
  at: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The minute within its hour at which a daily trigger runs. Google: "The time may be slightly
 * randomized — for example, if you create a recurring 9 a.m. trigger, Apps Script chooses a time
 * between 9 a.m. and 10 a.m., then keeps the timing consistent from day to day"
 * (developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers). The
 * emulator picks it from the trigger's id, so it is deterministic: `(id mod 60)`.
 */
export function dailyMinute(triggerId: string): number {
  return Number(triggerId) % 60;
}

/**
 * The instants in `(from, to]` at which clock trigger `t` runs.
 * - `everyMinutes(n)` / `everyHours(n)`: every n minutes / hours after its creation (the phase
 *   Google picks is unverified; the period is the builder's).
 * - `everyDays(n).atHour(h)`: at h:{@link dailyMinute} in the script's time zone (ClockTriggerBuilder
 *   `atHour`, developers.google.com/apps-script/reference/script/clock-trigger-builder#atHour(Integer);
 *   `inTimezone` defaults to the script's time zone), the first such instant after its creation,
 *   then every n days. Without atHour: at the creation's hour (unverified).
 */
export function clockFirings(t: TriggerData, from: number, to: number, timeZone: string): number[] {
  const s = t.schedule ?? {};
  const created = t.createdAt ?? 0;
  const out: number[] = [];
  const period = s.everyMinutes ? s.everyMinutes * MINUTE_MS : s.everyHours ? s.everyHours * HOUR_MS : 0;
  if (period > 0) {
    const k0 = Math.max(1, Math.floor((from - created) / period) + 1);
    for (let at = created + k0 * period; at <= to; at += period) if (at > from) out.push(at);
    return out;
  }
  if (!s.everyDays) return out;
  const start = zonedParts(created, timeZone);
  const hour = s.atHour ?? start.hour;
  const minute = dailyMinute(t.id);
  // Local calendar days are counted from the creation's local date (UTC arithmetic on y/m/d).
  const day0 = Date.UTC(start.year, start.month - 1, start.day);
  let first = zonedEpoch(start.year, start.month, start.day, hour, minute, timeZone);
  let firstDay = day0;
  if (first <= created) {
    firstDay = day0 + DAY_MS;
    const d = new Date(firstDay);
    first = zonedEpoch(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute, timeZone);
  }
  if (first > to) return out;
  // Skip whole periods before `from` (a day is at most 25 h, so step back one period to be safe).
  const step = s.everyDays * DAY_MS;
  let k = Math.max(0, Math.floor((from - first) / step) - 1);
  for (; ; k += 1) {
    const d = new Date(firstDay + k * step);
    const at = zonedEpoch(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute, timeZone);
    if (at > to) break;
    if (at > from) out.push(at);
  }
  return out;
}

/** Wall-clock fields of `epoch` in `timeZone`. */
export function zonedParts(
  epoch: number,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

/** The epoch of a wall-clock time in `timeZone` (the later instant when a DST change repeats it). */
export function zonedEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let at = wanted;
  for (let i = 0; i < 3; i += 1) {
    const p = zonedParts(at, timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    if (seen === wanted) return at;
    at += wanted - seen;
  }
  return at;
}
