/** A small seeded pseudo-random generator (mulberry32) and the draws the demo needs. */

/** Deterministic random draws: the same seed always gives the same sequence. */
export class DemoRandom {
  private state: number;

  /** Starts the sequence from a 32-bit seed. */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Next float in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct elements, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = copy[i];
      copy[i] = copy[j];
      copy[j] = tmp;
    }
    return copy.slice(0, Math.min(count, copy.length));
  }

  /** An amount in euros around `base` (± `spread` as a fraction), rounded to `step` euros. */
  amount(base: number, spread: number, step = 1): number {
    const raw = base * (1 + (this.next() * 2 - 1) * spread);
    return Math.max(step, Math.round(raw / step) * step);
  }
}
