/** Record ids: a sheet prefix and a sequence number, `RES-0001`, never reused. */

/** The id after the highest `PREFIX-n` among `existing` (other values are ignored). */
export function nextRecordId(prefix: string, existing: readonly unknown[]): string {
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  let max = 0;
  for (const value of existing) {
    const m = typeof value === 'string' ? pattern.exec(value) : null;
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${String(max + 1).padStart(4, '0')}`;
}
