/** Small helpers shared by the service emulators: byte sizes, signed bytes, enum objects. */
import { createHash } from 'node:crypto';

/** UTF-8 size of a string in bytes, as Google measures storage quotas. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Node bytes → Java's signed bytes (-128..127), the form every Apps Script byte[] takes. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** Java signed bytes (or unsigned) → a Node Buffer. */
export function fromBytes(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

/** An Apps Script enum as the emulator exposes it: each member's value is its own name. */
export function makeEnum<K extends string>(names: readonly K[]): { readonly [P in K]: P } {
  const out = {} as { [P in K]: P };
  for (const n of names) out[n] = n;
  return Object.freeze(out);
}

/** A short deterministic hex digest, for ids and tokens that must be reproducible. */
export function stableHex(seed: string, length = 32): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}
