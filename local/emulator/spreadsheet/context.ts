/**
 * What every Emu* object of one spreadsheet shares: the runtime (for charging) and the workbook.
 */
import type { CallVolume, Runtime } from '../runtime';
import { chargeCall } from './costs';
import { describeType, fail, MSG } from './errors';
import type { Workbook } from './workbook';

/** Shared by the views of one spreadsheet. */
export interface Ctx {
  runtime: Runtime;
  wb: Workbook;
  /**
   * The e-mail of the user the script runs as (Session's effective user): protections are
   * checked against it. Absent: the spreadsheet's owner (who may edit everything).
   */
  user?: () => string;
}

/** Charges one round trip of `cls.method` (see costs.ts). */
export function charge(ctx: Ctx, cls: string, method: string, volume?: CallVolume): void {
  chargeCall(ctx.runtime, cls, method, volume);
}

/** Throws the bridge's signature error unless every argument is a number. */
export function requireNumbers(method: string, args: unknown[]): void {
  if (args.some((a) => typeof a !== 'number' || Number.isNaN(a))) {
    fail(MSG.badSignature(args.map(describeType).join(','), method));
  }
}

/** Throws the bridge's signature error unless `value` is a string. */
export function requireString(method: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') fail(MSG.badSignature(describeType(value), method));
}
