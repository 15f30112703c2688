/** Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone shifts a day. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days from `from` to `to` (negative when `to` is earlier); null when either is not an ISO date. */
export function daysBetween(from: string, to: string): number | null {
  const a = ISO.exec(from);
  const b = ISO.exec(to);
  if (!a || !b) return null;
  const ms = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/** The ISO date part of a stored value (`2026-09-01` or `2026-09-01T…`), or null. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
