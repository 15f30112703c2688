/** Utilities emulator: dates, strings, UUIDs, sleep, digests, base64, blobs and CSV. */
import { createHash } from 'node:crypto';
import type { CostKind, Runtime } from '../runtime';
import { GoogleException } from '../runtime';
import { Blob, nodeEncoding, toBuffer } from './blob';
import { parseCsv } from './csv';
import { formatDate } from './date-format';
import { makeEnum, stableHex, toSignedBytes } from './shared';

/** Utilities runs inside the script: every method is free; sleep advances the virtual clock. */
const COST: Record<string, CostKind> = {
  formatDate: 'local',
  formatString: 'local',
  getUuid: 'local',
  sleep: 'local',
  computeDigest: 'local',
  base64Encode: 'local',
  base64EncodeWebSafe: 'local',
  base64Decode: 'local',
  base64DecodeWebSafe: 'local',
  newBlob: 'local',
  parseCsv: 'local',
};

/** Utilities reference: sleep's maximum is 300000 ms (5 minutes). Error texts not verified. */
export const UTILITIES_LIMITS = {
  maxSleepMs: 300000,
  sleepTooLong: 'Argument too large: milliseconds',
  sleepNegative: 'Invalid argument: milliseconds',
  badBase64: 'Could not decode string.',
} as const;

const NODE_DIGEST = {
  MD2: null,
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** JSON form: the UUID counter, so ids stay unique and reproducible across runs. */
export interface UtilitiesSnapshot {
  uuidCounter: number;
}

/** `Utilities`. */
export class UtilitiesEmulator {
  readonly DigestAlgorithm = makeEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
  readonly Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
  private uuidCounter = 0;

  /** `seed` makes getUuid's sequence differ between emulated projects while staying reproducible. */
  constructor(
    private readonly runtime: Runtime,
    private readonly seed = 'pilote',
  ) {}

  private charge(method: string): void {
    this.runtime.charge('Utilities', method, COST[method]);
  }

  formatDate(date: Date, timeZone: string, format: string): string {
    this.charge('formatDate');
    if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) {
      throw new GoogleException('Invalid argument: date');
    }
    return formatDate(date, timeZone, format);
  }

  /** sprintf-style: %s %d %i %f %x %o %e %%, flags `-` `0`, width and precision. */
  formatString(template: string, ...args: unknown[]): string {
    this.charge('formatString');
    let n = 0;
    return template.replace(/%([-0]?)(\d*)(?:\.(\d+))?([sdifxoe%])/g, (_m, flag, width, prec, conv) => {
      if (conv === '%') return '%';
      const arg = args[n++];
      let s: string;
      const num = Number(arg);
      if (conv === 's') s = prec === undefined ? String(arg) : String(arg).slice(0, Number(prec));
      else if (conv === 'd' || conv === 'i') s = String(Math.trunc(num));
      else if (conv === 'f') s = num.toFixed(prec === undefined ? 6 : Number(prec));
      else if (conv === 'e') s = num.toExponential(prec === undefined ? 6 : Number(prec));
      else s = Math.trunc(num).toString(conv === 'x' ? 16 : 8);
      const w = Number(width || 0);
      if (flag === '-') return s.padEnd(w);
      if (flag === '0' && conv !== 's') {
        const neg = s.startsWith('-');
        return (neg ? '-' : '') + s.slice(neg ? 1 : 0).padStart(w - (neg ? 1 : 0), '0');
      }
      return s.padStart(w);
    });
  }

  /** A version-4-shaped UUID, deterministic from the seed and a counter. */
  getUuid(): string {
    this.charge('getUuid');
    const h = stableHex(`${this.seed}#${this.uuidCounter++}`, 32).split('');
    h[12] = '4';
    h[16] = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** Sleeps on the virtual clock; the time counts toward the execution limit. */
  sleep(milliseconds: number): void {
    this.charge('sleep');
    if (milliseconds > UTILITIES_LIMITS.maxSleepMs) throw new GoogleException(UTILITIES_LIMITS.sleepTooLong);
    if (!(milliseconds >= 0)) throw new GoogleException(UTILITIES_LIMITS.sleepNegative);
    this.runtime.sleep(Math.floor(milliseconds));
  }

  /** Signed bytes, as Google returns them. */
  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    this.charge('computeDigest');
    const name = NODE_DIGEST[algorithm as keyof typeof NODE_DIGEST];
    if (!name) throw new Error(`emulator: digest ${String(algorithm)} is not implemented`);
    const data = typeof value === 'string' ? Buffer.from(value, nodeEncoding(charset)) : toBuffer(value);
    return toSignedBytes(createHash(name).update(data).digest());
  }

  base64Encode(data: string | number[], charset?: string): string {
    this.charge('base64Encode');
    return bytesOf(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    this.charge('base64EncodeWebSafe');
    return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** Strict like Google: wrong alphabet or missing padding throws "Could not decode string.". */
  base64Decode(encoded: string): number[] {
    this.charge('base64Decode');
    return toSignedBytes(decode(encoded, /^[A-Za-z0-9+/]*={0,2}$/));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    this.charge('base64DecodeWebSafe');
    return toSignedBytes(decode(encoded.replace(/-/g, '+').replace(/_/g, '/'), /^[A-Za-z0-9+/]*={0,2}$/));
  }

  newBlob(data: string | number[], contentType?: string, name?: string): Blob {
    this.charge('newBlob');
    return new Blob(this.runtime, data, contentType ?? null, name ?? null);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.charge('parseCsv');
    return parseCsv(csv, delimiter);
  }

  snapshot(): UtilitiesSnapshot {
    return { uuidCounter: this.uuidCounter };
  }

  restore(s: UtilitiesSnapshot): void {
    this.uuidCounter = s.uuidCounter;
  }
}

function bytesOf(data: string | number[], charset?: string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, nodeEncoding(charset)) : toBuffer(data);
}

function decode(encoded: string, alphabet: RegExp): Buffer {
  const s = String(encoded).replace(/\s/g, '');
  if (s.length % 4 !== 0 || !alphabet.test(s)) throw new GoogleException(UTILITIES_LIMITS.badBase64);
  return Buffer.from(s, 'base64');
}
