/** The shape of the demo dataset and the context shared by the generators of each area. */

import type { Day } from './calendar';
import type { DemoRandom } from './random';

/** A value as a coordinator would type it in a form (French formats, enum options, labels). */
export type DemoValue = string | number | boolean | null;

/** One record: column key → typed value. Only editable columns appear. */
export type DemoRecord = Record<string, DemoValue>;

/** The records of one sheet, identified by its schema key (`spaces`, `bookings`…). */
export interface DemoTable {
  sheet: string;
  records: DemoRecord[];
}

/** A whole demo workbook: the venue settings (setting key → typed value) and ordered tables. */
export interface DemoDataset {
  settings: Record<string, string>;
  /** Referenced records always come in an earlier table than the records referencing them. */
  tables: DemoTable[];
}

/** Options of `generateDemoData`. */
export interface DemoOptions {
  /** Seed of the pseudo-random draws (default 1). */
  seed?: number;
  /** Calendar year of the story (default 2026, or the year of `today` when given). */
  year?: number;
  /**
   * The day the story is seen from, ISO `yyyy-mm-dd` (default: 1 September of `year`): what is
   * before it happened (done, paid, held), what is after it is planned. The playground passes
   * the real today.
   */
  today?: string;
}

/** What every area generator receives. */
export interface DemoContext {
  year: number;
  /** The story's "today": 1 September of the year (the rentrée) unless `DemoOptions.today` says otherwise. */
  today: Day;
  rng: DemoRandom;
}
