/** CacheService emulator: script, user and document caches expiring on the virtual clock. */
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';
import { utf8Bytes } from './shared';

/** Round trips and their price: getting a cache is local, each read or write goes to Google. */
const COST: Record<string, CostKind> = {
  getScriptCache: 'local',
  getUserCache: 'local',
  getDocumentCache: 'local',
  get: 'cacheRead',
  getAll: 'cacheRead',
  put: 'cacheWrite',
  putAll: 'cacheWrite',
  remove: 'cacheWrite',
  removeAll: 'cacheWrite',
};

/**
 * Cache reference (developers.google.com/apps-script/reference/cache/cache): key ≤ 250 chars,
 * value ≤ 100 KB, expiration 1..21600 s (default 600), at most 1,000 items per cache.
 * Error texts as reported by users (Eloise1988/COINGECKO#13, joseballester/muFunds#13).
 */
export const CACHE_LIMITS = {
  keyChars: 250,
  valueBytes: 100 * 1024,
  defaultTtlSeconds: 600,
  maxTtlSeconds: 21600,
  maxItems: 1000,
  keyTooLarge: 'Argument too large: key',
  valueTooLarge: 'Argument too large: value',
  ttlTooLarge: 'Argument too large: expirationInSeconds',
} as const;

interface Entry {
  value: string;
  /** Virtual epoch ms at which the entry stops being returned. */
  expiresAt: number;
}
type Store = Record<string, Entry>;

/** JSON form of every cache. */
export interface CacheSnapshot {
  script: Store;
  document: Store;
  user: Record<string, Store>;
}

/** One cache (`GoogleAppsScript.Cache.Cache`). */
export class Cache {
  constructor(
    private readonly runtime: Runtime,
    private readonly data: () => Store,
  ) {}

  private charge(method: string): void {
    this.runtime.charge('Cache', method, COST[method]);
  }

  get(key: string): string | null {
    this.charge('get');
    checkKey(key);
    return this.live(String(key));
  }

  /** Only the keys found are present in the result, as on Google. */
  getAll(keys: string[]): Record<string, string> {
    this.charge('getAll');
    const out: Record<string, string> = {};
    for (const k of keys) {
      checkKey(k);
      const v = this.live(String(k));
      if (v !== null) out[String(k)] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.charge('put');
    this.store({ [String(key)]: value }, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    this.charge('putAll');
    this.store(values, expirationInSeconds);
  }

  remove(key: string): void {
    this.charge('remove');
    checkKey(key);
    delete this.data()[String(key)];
  }

  removeAll(keys: string[]): void {
    this.charge('removeAll');
    for (const k of keys) checkKey(k);
    const store = this.data();
    for (const k of keys) delete store[String(k)];
  }

  private live(key: string): string | null {
    const store = this.data();
    const entry = store[key];
    if (!entry) return null;
    if (this.runtime.clock.now() >= entry.expiresAt) {
      delete store[key];
      return null;
    }
    return entry.value;
  }

  /** Validates everything before writing, so a refused call stores nothing. */
  private store(values: Record<string, unknown>, ttl: number | undefined): void {
    const seconds = ttl ?? CACHE_LIMITS.defaultTtlSeconds;
    // One public fake states Google refuses anything outside [1, 21600] with this same text.
    if (!(seconds >= 1 && seconds <= CACHE_LIMITS.maxTtlSeconds)) {
      throw new GoogleException(CACHE_LIMITS.ttlTooLarge);
    }
    const entries = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
    for (const [k, v] of entries) {
      checkKey(k);
      if (utf8Bytes(v) > CACHE_LIMITS.valueBytes) throw new GoogleException(CACHE_LIMITS.valueTooLarge);
    }
    const store = this.data();
    const expiresAt = this.runtime.clock.now() + Math.floor(seconds) * 1000;
    for (const [k, value] of entries) {
      delete store[k];
      store[k] = { value, expiresAt };
    }
    evict(store, this.runtime.clock.now());
  }
}

function checkKey(key: string): void {
  if (String(key).length > CACHE_LIMITS.keyChars) throw new GoogleException(CACHE_LIMITS.keyTooLarge);
}

/** Drops expired entries, then the oldest writes beyond the 1,000-item cap (Google evicts silently). */
function evict(store: Store, now: number): void {
  for (const [k, e] of Object.entries(store)) if (now >= e.expiresAt) delete store[k];
  const keys = Object.keys(store);
  for (let i = 0; i < keys.length - CACHE_LIMITS.maxItems; i++) delete store[keys[i]];
}

/** Options of {@link CacheServiceEmulator}. */
export interface CacheOptions {
  user?: string;
  /** False for a standalone script: `getDocumentCache` returns null. */
  hasDocument?: boolean;
}

/** `CacheService`. */
export class CacheServiceEmulator {
  private state: CacheSnapshot = { script: {}, document: {}, user: {} };
  private user: string;
  private readonly hasDocument: boolean;

  constructor(
    private readonly runtime: Runtime,
    options: CacheOptions = {},
  ) {
    this.user = options.user ?? 'user@example.com';
    this.hasDocument = options.hasDocument ?? true;
  }

  getScriptCache(): Cache {
    this.runtime.charge('CacheService', 'getScriptCache', COST.getScriptCache);
    return new Cache(this.runtime, () => this.state.script);
  }

  getUserCache(): Cache {
    this.runtime.charge('CacheService', 'getUserCache', COST.getUserCache);
    const user = this.user;
    return new Cache(this.runtime, () => {
      this.state.user[user] ??= {};
      return this.state.user[user];
    });
  }

  getDocumentCache(): Cache | null {
    this.runtime.charge('CacheService', 'getDocumentCache', COST.getDocumentCache);
    if (!this.hasDocument) return null;
    return new Cache(this.runtime, () => this.state.document);
  }

  /** Test/runner helper: which user the next `getUserCache` belongs to. */
  _setUser(email: string): void {
    this.user = email;
  }

  snapshot(): CacheSnapshot {
    return JSON.parse(JSON.stringify(this.state)) as CacheSnapshot;
  }

  restore(s: CacheSnapshot): void {
    this.state = JSON.parse(JSON.stringify(s)) as CacheSnapshot;
  }
}
