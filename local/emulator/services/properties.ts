/** PropertiesService emulator: script, user and document stores with Google's size quotas. */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';
import { utf8Bytes } from './shared';

/**
 * Round trips and their price. Getting a store is local; every read or write of a store goes
 * to Google (each call, not each key: setProperties of 10 keys is one write).
 */
const COST: Record<string, CostKind> = {
  getScriptProperties: 'local',
  getUserProperties: 'local',
  getDocumentProperties: 'local',
  getProperty: 'propertiesRead',
  getProperties: 'propertiesRead',
  getKeys: 'propertiesRead',
  setProperty: 'propertiesWrite',
  setProperties: 'propertiesWrite',
  deleteProperty: 'propertiesWrite',
  deleteAllProperties: 'propertiesWrite',
};

/**
 * Quotas page (developers.google.com/apps-script/guides/services/quotas): 9 KB per value,
 * 500 KB per store. Texts as seen in user reports (gcal-sync#115; public GAS fakes).
 */
export const PROPERTIES_LIMITS = {
  valueBytes: 9 * 1024,
  storeBytes: 500 * 1024,
  valueTooLarge: 'Argument too large: value',
  quotaExceeded: 'You have exceeded the property storage quota. Please remove some properties and try again.',
} as const;

type Store = Record<string, string>;

/** JSON form of every store, for persistence between playground runs. */
export interface PropertiesSnapshot {
  script: Store;
  document: Store;
  /** Keyed by user e-mail. */
  user: Record<string, Store>;
}

/** One property store (`GoogleAppsScript.Properties.Properties`). */
export class Properties {
  constructor(
    private readonly runtime: Runtime,
    private readonly data: () => Store,
  ) {}

  private charge(method: string): void {
    this.runtime.charge('Properties', method, COST[method]);
  }

  getProperty(key: string): string | null {
    this.charge('getProperty');
    const store = this.data();
    return Object.hasOwn(store, String(key)) ? store[String(key)] : null;
  }

  /** A copy, as Google returns (changing it does not change the store). */
  getProperties(): Record<string, string> {
    this.charge('getProperties');
    return { ...this.data() };
  }

  getKeys(): string[] {
    this.charge('getKeys');
    return Object.keys(this.data());
  }

  setProperty(key: string, value: string): Properties {
    this.charge('setProperty');
    this.write({ [String(key)]: String(value) }, false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.charge('setProperties');
    const values: Store = {};
    for (const [k, v] of Object.entries(properties)) values[k] = String(v);
    this.write(values, deleteAllOthers);
    return this;
  }

  deleteProperty(key: string): Properties {
    this.charge('deleteProperty');
    delete this.data()[String(key)];
    return this;
  }

  deleteAllProperties(): Properties {
    this.charge('deleteAllProperties');
    const store = this.data();
    for (const k of Object.keys(store)) delete store[k];
    return this;
  }

  /** Validates all values first, so a refused call changes nothing. */
  private write(values: Store, deleteAllOthers: boolean): void {
    for (const v of Object.values(values)) {
      if (utf8Bytes(v) > PROPERTIES_LIMITS.valueBytes)
        throw new GoogleException(PROPERTIES_LIMITS.valueTooLarge);
    }
    const store = this.data();
    const next: Store = deleteAllOthers ? { ...values } : { ...store, ...values };
    if (storeBytes(next) > PROPERTIES_LIMITS.storeBytes)
      throw new GoogleException(PROPERTIES_LIMITS.quotaExceeded);
    for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, next);
  }
}

/** Keys and values both count toward the 500 KB (tanaike's measurements of the service). */
function storeBytes(store: Store): number {
  let total = 0;
  for (const [k, v] of Object.entries(store)) total += utf8Bytes(k) + utf8Bytes(v);
  return total;
}

/** Options of {@link PropertiesServiceEmulator}. */
export interface PropertiesOptions {
  /** E-mail of the user whose user store `getUserProperties` returns. */
  user?: string;
  /** False for a standalone script: `getDocumentProperties` then returns null, as Google does. */
  hasDocument?: boolean;
}

/** `PropertiesService`. */
export class PropertiesServiceEmulator {
  private state: PropertiesSnapshot = { script: {}, document: {}, user: {} };
  private user: string;
  private readonly hasDocument: boolean;

  constructor(
    private readonly runtime: Runtime,
    options: PropertiesOptions = {},
  ) {
    this.user = options.user ?? 'user@example.com';
    this.hasDocument = options.hasDocument ?? true;
  }

  getScriptProperties(): Properties {
    this.runtime.charge('PropertiesService', 'getScriptProperties', COST.getScriptProperties);
    return new Properties(this.runtime, () => this.state.script);
  }

  getUserProperties(): Properties {
    this.runtime.charge('PropertiesService', 'getUserProperties', COST.getUserProperties);
    const user = this.user;
    return new Properties(this.runtime, () => {
      this.state.user[user] ??= {};
      return this.state.user[user];
    });
  }

  getDocumentProperties(): Properties | null {
    this.runtime.charge('PropertiesService', 'getDocumentProperties', COST.getDocumentProperties);
    if (!this.hasDocument) return null;
    return new Properties(this.runtime, () => this.state.document);
  }

  /** Test/runner helper: which user the next `getUserProperties` belongs to. */
  _setUser(email: string): void {
    this.user = email;
  }

  snapshot(): PropertiesSnapshot {
    return JSON.parse(JSON.stringify(this.state)) as PropertiesSnapshot;
  }

  restore(s: PropertiesSnapshot): void {
    this.state = JSON.parse(JSON.stringify(s)) as PropertiesSnapshot;
  }
}
