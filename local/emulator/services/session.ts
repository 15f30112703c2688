/** Session emulator: active/effective user, locale, script time zone. */
import type { AuthModeName } from '../auth-mode';
import type { CostKind, Runtime } from '../runtime';
import { stableHex } from './shared';

/** Everything Session answers is known to the running script: no round trip. */
const COST: Record<string, CostKind> = {
  getActiveUser: 'local',
  getEffectiveUser: 'local',
  getActiveUserLocale: 'local',
  getScriptTimeZone: 'local',
  getTemporaryActiveUserKey: 'local',
  getEmail: 'local',
};

/**
 * Google documents the locale as the user's language setting, "for example, en"; regional
 * settings come as Java's `language_COUNTRY` (en_GB, pt_BR), never with a hyphen.
 */
const LOCALE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

/** Options of {@link SessionEmulator}; all can be changed later with `_configure`. */
export interface SessionOptions {
  /** '' where Google hides the identity (simple triggers, consumer users of an add-on). */
  activeUserEmail?: string;
  effectiveUserEmail?: string;
  locale?: string;
  timeZone?: string;
  scriptId?: string;
}

/** `GoogleAppsScript.Base.User`. */
export class User {
  constructor(
    private readonly runtime: Runtime,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.runtime.charge('User', 'getEmail', COST.getEmail);
    return this.email;
  }
}

/** `Session`. Configuration only, nothing to persist. */
export class SessionEmulator {
  private options: Required<SessionOptions>;
  private authMode: AuthModeName = 'FULL';

  constructor(
    private readonly runtime: Runtime,
    options: SessionOptions = {},
  ) {
    this.options = {
      activeUserEmail: 'user@example.com',
      effectiveUserEmail: options.activeUserEmail ?? 'user@example.com',
      locale: 'fr',
      timeZone: 'Europe/Paris',
      scriptId: 'script-id-local',
    };
    this._configure(options);
  }

  /**
   * The user at the keyboard. Outside a fully authorised execution (a simple trigger) the
   * e-mail is "": "the user's email address is not available in any context that allows a
   * script to run without that user's authorization, like a simple onOpen(e) or onEdit(e)
   * trigger" (developers.google.com/apps-script/reference/base/user#getEmail()).
   */
  getActiveUser(): User {
    this.runtime.charge('Session', 'getActiveUser', COST.getActiveUser);
    return new User(this.runtime, this.authMode === 'FULL' ? this.options.activeUserEmail : '');
  }

  getEffectiveUser(): User {
    this.runtime.charge('Session', 'getEffectiveUser', COST.getEffectiveUser);
    return new User(this.runtime, this.authMode === 'FULL' ? this.options.effectiveUserEmail : '');
  }

  getActiveUserLocale(): string {
    this.runtime.charge('Session', 'getActiveUserLocale', COST.getActiveUserLocale);
    return this.options.locale;
  }

  getScriptTimeZone(): string {
    this.runtime.charge('Session', 'getScriptTimeZone', COST.getScriptTimeZone);
    return this.options.timeZone;
  }

  /** Stable per user and script, revealing neither (Google rotates it every 30 days). */
  getTemporaryActiveUserKey(): string {
    this.runtime.charge('Session', 'getTemporaryActiveUserKey', COST.getTemporaryActiveUserKey);
    return stableHex(`${this.options.scriptId}/${this.options.activeUserEmail}`, 43);
  }

  /**
   * Emulator helper: the account the script runs as, whatever the auth mode (protections are
   * checked against it even where getEffectiveUser() returns "").
   */
  _effectiveEmail(): string {
    return this.options.effectiveUserEmail;
  }

  /** Runner helper: the auth mode of the execution that starts. */
  _setAuthMode(mode: AuthModeName): void {
    this.authMode = mode;
  }

  /** Test/runner helper: changes the user, locale or time zone. Refuses a locale Google never returns. */
  _configure(options: SessionOptions): void {
    if (options.locale !== undefined && !LOCALE.test(options.locale)) {
      throw new Error(`emulator: "${options.locale}" is not a locale Google returns (use fr, en or en_GB)`);
    }
    if (options.timeZone !== undefined) new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
    this.options = { ...this.options, ...definedOnly(options) };
  }
}

function definedOnly(o: SessionOptions): SessionOptions {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as SessionOptions;
}
