/**
 * Time-driven triggers firing on the virtual clock. Google's scheduler starts an installable
 * clock trigger's handler as its own execution; here `advance(ms)` moves the clock and runs, in
 * order, every clock trigger due in the elapsed interval, each as a trigger execution:
 * AuthMode.FULL, the trigger's owner as the user, and the event object of time-driven events
 * (developers.google.com/apps-script/guides/triggers/events#time-driven_events). The clock is
 * advanced only between executions: what an execution's own calls cost never fires a trigger
 * in the middle of it (Google never interrupts a running execution to start another in it).
 */
import type { Emulator } from '../emulator/emulator';
import { type ClockFiring, type TriggerData, zonedParts } from '../emulator/services/script-app';
import type { Runner } from './runner';

/** What happened when a trigger ran. */
export interface TriggerRun {
  triggerId: string;
  handler: string;
  owner: string;
  /** Virtual epoch ms of its start. */
  at: number;
  ok: boolean;
  /** The error's text when the handler threw (Google records a failed execution). */
  error?: string;
}

/**
 * The event object of a time-driven trigger. Field names as listed on the events page
 * (authMode, day-of-month, day-of-week, hour, minute, month, second, timezone, triggerUid,
 * week-of-year, year); the page's example gives `timezone: "UTC"`, so the fields are given in
 * UTC (unverified for other script time zones); day-of-week 1 = Monday … 7 = Sunday, week-of-year
 * ISO 8601 (both unverified).
 */
export function timeDrivenEvent(trigger: TriggerData, at: number): Record<string, unknown> {
  const d = new Date(at);
  const utc = zonedParts(at, 'UTC');
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  return {
    authMode: 'FULL',
    triggerUid: trigger.id,
    year: utc.year,
    month: utc.month,
    'day-of-month': utc.day,
    'day-of-week': weekday,
    'week-of-year': isoWeek(at),
    hour: utc.hour,
    minute: utc.minute,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

function isoWeek(at: number): number {
  const d = new Date(at);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const thursday = new Date(day + (4 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

/** Options of {@link TriggerClock}. */
export interface TriggerClockOptions {
  /** The script's time zone (appsscript.json `timeZone`); Europe/Paris unless given. */
  timeZone?: string;
}

/** Moves the virtual clock and fires the clock triggers that fall due. */
export class TriggerClock {
  /** Every trigger execution started, oldest first. */
  readonly runs: TriggerRun[] = [];
  private readonly timeZone: string;

  constructor(
    private readonly emulator: Emulator,
    private readonly runner: Runner,
    options: TriggerClockOptions = {},
  ) {
    this.timeZone = options.timeZone ?? 'Europe/Paris';
  }

  /** The firings due in the next `ms` without running them. */
  pending(ms: number): ClockFiring[] {
    const now = this.emulator.runtime.clock.now();
    return this.emulator.scriptApp._clockFiringsBetween(now, now + ms, this.timeZone);
  }

  /**
   * Advances the clock by `ms`, running each clock trigger due in that interval at its instant
   * (a trigger created by one of them fires only from its own creation on). Returns the runs.
   */
  advance(ms: number): TriggerRun[] {
    const clock = this.emulator.runtime.clock;
    const end = clock.now() + ms;
    const done: TriggerRun[] = [];
    let cursor = clock.now();
    for (;;) {
      const due = this.emulator.scriptApp._clockFiringsBetween(cursor, end, this.timeZone);
      if (due.length === 0) break;
      const at = due[0].at;
      for (const firing of due.filter((f) => f.at === at)) {
        // An earlier run's own cost may have carried the clock past this instant: it runs late.
        if (clock.now() < at) clock.set(at);
        if (!this.emulator.scriptApp._trigger(firing.trigger.id)) continue; // deleted by a run before it
        done.push(this.start(firing.trigger, at));
      }
      cursor = at;
    }
    if (clock.now() < end) clock.set(end);
    return done;
  }

  /**
   * Runs trigger `triggerId` now, as the scheduler would (tests: a trigger that fires twice, as
   * Google may rarely do, or a missed run). Throws when no such trigger exists.
   */
  fire(triggerId: string): TriggerRun {
    const t = this.emulator.scriptApp._trigger(triggerId);
    if (!t) throw new Error(`emulator: no trigger ${triggerId}`);
    return this.start(t, this.emulator.runtime.clock.now());
  }

  private start(trigger: TriggerData, at: number): TriggerRun {
    const restore = this.emulator._actAs(trigger.owner);
    const run: TriggerRun = {
      triggerId: trigger.id,
      handler: trigger.handler,
      owner: trigger.owner,
      at,
      ok: true,
    };
    try {
      this.runner.run(trigger.handler, timeDrivenEvent(trigger, at), 'normal', { authMode: 'FULL' });
    } catch (e) {
      run.ok = false;
      run.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    } finally {
      restore();
    }
    this.runs.push(run);
    return run;
  }
}
