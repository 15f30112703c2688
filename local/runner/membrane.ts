/**
 * The boundary between the emulator (Node's realm) and the script (a `vm` context): values that
 * cross it are rebuilt in the receiving realm, so the script sees its own Arrays, Dates and
 * Errors (`instanceof` works as on Google), and emulator objects are seen through proxies that
 * hide test helpers and report members the emulator does not implement.
 */
import vm from 'node:vm';
import { type AuthPolicy, refusal } from '../emulator/auth-mode';
import { GoogleException } from '../emulator/runtime';
import { googleClassName } from '../emulator/scopes';
import { calendarScopeError } from '../emulator/services/calendar';

/** Thrown when the script touches an Apps Script member the emulator lacks. */
export class NotImplementedError extends Error {
  constructor(className: string, member: string) {
    super(`Pilote emulator: ${className}.${member} is not implemented (or is not an Apps Script member)`);
    this.name = 'NotImplementedError';
  }
}

/** Emulator members that are not Apps Script API (persistence), hidden like `_test` helpers. */
const HIDDEN = new Set(['snapshot', 'restore']);

const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'inspect',
  'asymmetricMatch',
  'nodeType',
  '$$typeof',
]);

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** valueOf, hasOwnProperty…: JavaScript's own, not Apps Script members (`==` on an enum uses them). */
function isObjectBuiltin(prop: string, fn: unknown): boolean {
  return fn === (Object.prototype as unknown as Record<string, unknown>)[prop];
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * An advanced service calls the REST API with the script's token: a scope missing from the
 * manifest is the API's 403 (`calendarScopeError`), not the built-in services' text.
 */
function advancedRefusal(member: string, refused: string): Error | null {
  if (!member.startsWith('Calendar.') || !refused.startsWith('Specified permissions')) return null;
  return calendarScopeError(member.slice('Calendar.'.length));
}

/** Converts values between the host realm and one script context. */
export class Membrane {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private readonly ScriptArray: ArrayConstructor;
  private readonly ScriptDate: DateConstructor;
  private readonly ScriptObject: ObjectConstructor;
  private readonly ScriptError: ErrorConstructor;
  private readonly ScriptTypeError: TypeErrorConstructor;

  /**
   * `policy`: the scopes and auth mode of the execution. With one, every method call is looked up
   * in its scope table — a method absent from the table is not Apps Script API and is reported
   * as not implemented; a method whose scopes the execution lacks throws Google's permission
   * message before the emulator runs it (no effect, no charge).
   */
  constructor(
    context: vm.Context,
    private readonly policy: AuthPolicy | null = null,
  ) {
    this.ScriptArray = vm.runInContext('Array', context);
    this.ScriptDate = vm.runInContext('Date', context);
    this.ScriptObject = vm.runInContext('Object', context);
    this.ScriptError = vm.runInContext('Error', context);
    this.ScriptTypeError = vm.runInContext('TypeError', context);
  }

  /** A host value as the script must see it. */
  toScript(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (Array.isArray(value)) return this.ScriptArray.from(value, (v) => this.toScript(v));
    if (isDate(value)) return new this.ScriptDate(value.getTime());
    if (typeof value === 'function') return this.wrapFunction(value as (...a: unknown[]) => unknown, null);
    if (this.targets.has(value)) return value;
    if (isPlainObject(value)) {
      const copy = new this.ScriptObject() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) copy[k] = this.toScript(v);
      return copy;
    }
    return this.proxyFor(value);
  }

  /** A script value as the emulator must see it. */
  toHost(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    const target = this.targets.get(value as object);
    if (target) return target;
    if (Array.isArray(value)) return Array.from(value, (v) => this.toHost(v));
    if (isDate(value)) return new Date(value.getTime());
    if (typeof value === 'function') {
      const fn = value as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => this.toHost(fn(...args.map((a) => this.toScript(a))));
    }
    if (isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) copy[k] = this.toHost(v);
      return copy;
    }
    return value;
  }

  /** A host error rebuilt in the script's realm, keeping Google's name and message. */
  errorToScript(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const Ctor = error instanceof TypeError ? this.ScriptTypeError : this.ScriptError;
    const copy = new Ctor(error.message);
    copy.name = error.name;
    if (error.stack) copy.stack = error.stack;
    return copy;
  }

  private wrapFunction(fn: (...a: unknown[]) => unknown, self: object | null): (...a: unknown[]) => unknown {
    return (...args: unknown[]) => {
      let result: unknown;
      try {
        result = fn.apply(
          self,
          args.map((a) => this.toHost(a)),
        );
      } catch (e) {
        throw this.errorToScript(e);
      }
      return this.toScript(result);
    };
  }

  /** A method as the script sees it: checked against the execution's scopes and auth mode. */
  private wrapMethod(
    className: string,
    prop: string,
    fn: (...a: unknown[]) => unknown,
    self: object,
  ): (...a: unknown[]) => unknown {
    const call = this.wrapFunction(fn, self);
    const policy = this.policy;
    if (!policy || isObjectBuiltin(prop, fn)) return call;
    const member = `${className}.${prop}`;
    if (policy.table[member] === undefined)
      throw this.errorToScript(new NotImplementedError(className, prop));
    return (...args: unknown[]) => {
      const refused = refusal(policy, member);
      if (refused !== null)
        throw this.errorToScript(advancedRefusal(member, refused) ?? new GoogleException(refused));
      return call(...args);
    };
  }

  private proxyFor(target: object): object {
    const existing = this.proxies.get(target);
    if (existing) return existing;
    const className = googleClassName(target);
    const methods = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        if (typeof prop === 'symbol') return Reflect.get(t, prop);
        if (prop.startsWith('_') || HIDDEN.has(prop))
          throw this.errorToScript(new NotImplementedError(className, prop));
        if (!(prop in t)) {
          if (PASS_THROUGH.has(prop)) return undefined;
          throw this.errorToScript(new NotImplementedError(className, prop));
        }
        const value = Reflect.get(t, prop);
        if (typeof value !== 'function') return this.toScript(value);
        let wrapped = methods.get(prop);
        if (!wrapped) {
          wrapped = this.wrapMethod(className, prop, value as (...a: unknown[]) => unknown, t);
          methods.set(prop, wrapped);
        }
        return wrapped;
      },
      set: (_t, prop) => {
        throw this.errorToScript(new TypeError(`Cannot assign to ${className}.${String(prop)}`));
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }
}
