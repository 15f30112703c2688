/** The demo dataset's records as the sidebar would store them, for figures computed in TypeScript. */
import { generateDemoData } from '../../src/demo';
import type { FinanceRecord } from '../../src/domain/finance';
import { requireSheet } from '../../src/schema';
import { validateRecordInput } from '../../src/schema/record-input';

const dataset = generateDemoData({ seed: 1 });

/** The records of a demo table, parsed by the schema (`1h30` → 0.0625 day, `19h` → `19:00`). */
export function demoRecords(sheetKey: string): FinanceRecord[] {
  const table = dataset.tables.find((t) => t.sheet === sheetKey);
  if (!table) throw new Error(`no demo table ${sheetKey}`);
  return table.records.map((record) => {
    const parsed = validateRecordInput(
      requireSheet(sheetKey),
      record,
      { locale: 'fr', timeZone: 'Europe/Paris' },
      'create',
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.values;
  });
}
