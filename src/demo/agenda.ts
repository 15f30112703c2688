/** The occupation of each space while bookings are drawn, so that no two blocking bookings overlap. */

import type { Day } from './calendar';

/** A stretch of time, in minutes since 1970-01-01 00:00 (wall clock), end excluded. */
export interface Slot {
  start: number;
  end: number;
}

/** The slot from `startDay` at `startMin` to `endDay` at `endMin` (minutes since midnight). */
export function slot(startDay: Day, startMin: number, endDay: Day, endMin: number): Slot {
  return { start: startDay * 1440 + startMin, end: endDay * 1440 + endMin };
}

/** Taken slots per space; `reserve` refuses a slot that overlaps one already taken. */
export class SpaceAgenda {
  private readonly taken = new Map<string, Slot[]>();

  /** True if nothing taken in `space` overlaps `s`. */
  isFree(space: string, s: Slot): boolean {
    const slots = this.taken.get(space) ?? [];
    return slots.every((t) => t.end <= s.start || s.end <= t.start);
  }

  /** Takes every slot if all are free and returns true; takes none and returns false otherwise. */
  reserve(space: string, slots: Slot[]): boolean {
    if (!slots.every((s) => this.isFree(space, s))) return false;
    const list = this.taken.get(space) ?? [];
    for (const s of slots) list.push(s);
    this.taken.set(space, list);
    return true;
  }
}
