/**
 * Search of « Initiatives inspirantes »: every word of the query must appear (accents and case
 * ignored, as a substring) in the initiative's name, themes, lessons, what to borrow, place or
 * town. Pure: the server reads the table once and calls this.
 */

export interface InitiativeRecord {
  id: string;
  values: Record<string, unknown>;
}

export interface InitiativeMatch {
  id: string;
  name: string;
  place: string;
  town: string;
  themes: string[];
  lessons: string;
  takeaway: string;
  link: string;
  contact: string;
}

/** Columns searched, in the order a match is reported. */
export const SEARCHED_COLUMNS = ['name', 'theme', 'lessons', 'takeaway', 'place', 'town'] as const;

/** Lower case without diacritics (« Économie » → « economie »), ligatures œ/æ spelt out. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase();
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);

/** Initiatives matching `query` (all its words), in table order; at most `limit`. */
export function matchInitiatives(
  records: readonly InitiativeRecord[],
  query: string,
  limit = 50,
): InitiativeMatch[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const out: InitiativeMatch[] = [];
  for (const r of records) {
    const haystack = fold(SEARCHED_COLUMNS.map((k) => str(r.values[k])).join('\n'));
    if (!words.every((w) => haystack.includes(w))) continue;
    out.push({
      id: r.id,
      name: str(r.values.name),
      place: str(r.values.place),
      town: str(r.values.town),
      themes: str(r.values.theme)
        .split(/\s*,\s*/)
        .filter((t) => t !== ''),
      lessons: str(r.values.lessons),
      takeaway: str(r.values.takeaway),
      link: str(r.values.link),
      contact: str(r.values.contact),
    });
    if (out.length >= limit) break;
  }
  return out;
}
