/** The demo workbook as the documents service would hand it to `build`: parsed records with ids, parsed settings. */
import type { DocRecord, DocumentInput } from '../../src/domain/documents/catalog';
import { generateDemoData } from '../../src/domain/demo';
import { parseCellInput } from '../../src/domain/values';
import { requireSheet } from '../../src/schema';
import { VENUE_SETTINGS } from '../../src/schema/sheets/settings';
import type { CellValue } from '../../src/domain/value-types';
import { demoRecords } from '../server/demo-records';

const dataset = generateDemoData({ seed: 1 });

/** The demo records of every table, each with an id as setup writes them (`ACT-0001`…). */
export function demoInputRecords(): Record<string, DocRecord[]> {
  const out: Record<string, DocRecord[]> = {};
  for (const table of dataset.tables) {
    const prefix = requireSheet(table.sheet).idPrefix ?? table.sheet.toUpperCase();
    out[table.sheet] = demoRecords(table.sheet).map((r, i) => ({
      id: `${prefix}-${String(i + 1).padStart(4, '0')}`,
      ...r,
    }));
  }
  return out;
}

/** « Paramètres du lieu » of the demo, parsed as the settings sheet stores them. */
export function demoSettings(): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const def of VENUE_SETTINGS) {
    if (def.type === 'formula') continue;
    const parsed = parseCellInput(def, dataset.settings[def.key], { locale: 'fr', timeZone: 'Europe/Paris' });
    if (!parsed.ok) throw new Error(`${def.key}: ${JSON.stringify(parsed.error)}`);
    out[def.key] = parsed.value;
  }
  return out;
}

/** The demo story's « today » (1 September 2026), as the emulator's clock. */
export const TODAY = '2026-09-01';
export const YEAR = 2026;

export function demoInput(subject: DocumentInput['subject']): DocumentInput {
  return { records: demoInputRecords(), settings: demoSettings(), subject, today: TODAY };
}
