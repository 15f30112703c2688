/** Reading LibreOffice's CSV of a recalculated sheet (check-xlsx.ts), kept apart to be tested. */

/** Parses RFC 4180 CSV (LibreOffice: comma, double quotes, UTF-8). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The number behind LibreOffice's CSV text. Even with "save cell contents as shown" off, 7.4
 * writes percentages as `61.94…%` and dates as `MM/DD/YYYY` (en-US, full precision otherwise).
 */
export function csvNumber(text: string): number {
  if (text === '') return Number.NaN;
  if (text.endsWith('%')) return Number(text.slice(0, -1)) / 100;
  const date = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (date) {
    const [, m, d, y, hh, mm, ss] = date;
    const ms = Date.UTC(+y, +m - 1, +d, +(hh ?? 0), +(mm ?? 0), +(ss ?? 0)) - Date.UTC(1899, 11, 30);
    return ms / 86_400_000;
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (time) return (+time[1] * 3600 + +time[2] * 60 + +(time[3] ?? 0)) / 86_400;
  return Number(text);
}

/** Whether LibreOffice's text of a cell equals the emulator's value. */
export function sameValue(emulated: unknown, error: boolean, libre: string): boolean {
  if (emulated === null || emulated === '') return libre === '';
  if (error) return libre.startsWith('#') || libre.startsWith('Err:');
  if (typeof emulated === 'boolean') return libre.toUpperCase() === String(emulated).toUpperCase();
  if (typeof emulated === 'number') {
    const n = csvNumber(libre);
    if (Number.isNaN(n)) return false;
    return Math.abs(n - emulated) <= 1e-9 * Math.max(1, Math.abs(emulated));
  }
  return String(emulated) === libre;
}
