/**
 * Spreadsheet serial numbers: days since 1899-12-30 of a local wall time, the way Sheets,
 * Excel and LibreOffice store dates. Pilote writes dates as serials into date-formatted cells,
 * so nothing depends on the script's or the browser's time zone.
 */

const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** `2026-03-29` → 46110; `2026-03-29T14:30` → 46110.604…; `14:30` → 0.604…; null when malformed. */
export function isoToSerial(iso: string): number | null {
  const time = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(iso);
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  return (ms - EPOCH_UTC) / DAY_MS;
}

/** The ISO form of a serial for a column of `kind`: date, datetime (minutes) or time. */
export function serialToIso(serial: number, kind: 'date' | 'datetime' | 'time'): string {
  const ms = Math.round((serial * DAY_MS) / 60_000) * 60_000 + EPOCH_UTC;
  const d = new Date(ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (kind === 'date') return date;
  if (kind === 'time') return time;
  return `${date}T${time}`;
}

/** Serial of a wall time given as `yyyy-MM-dd'T'HH:mm:ss` (what Utilities.formatDate prints). */
export function wallTimeToSerial(wall: string): number | null {
  return isoToSerial(wall);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
