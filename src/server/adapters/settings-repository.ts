/**
 * « Paramètres du lieu »: one row per setting, found by its hidden key, value in the `value`
 * column. Read once; written as runs of adjacent value cells, never over a formula setting.
 */
import { hasOwn } from '../../shared/objects';
import { FIRST_DATA_ROW, KEY_ROW, requireSheet } from '../../schema';
import { layoutFromKeyRow } from '../../schema/layout';
import type { CellValue, SettingDef } from '../../schema/types';
import { appsScriptWallClock, decodeCell, encodeCell } from './cell-codec';
import type { WorkbookSession } from './workbook';

export class SettingsRepository {
  private readonly def = requireSheet('settings');

  constructor(private readonly workbook: WorkbookSession) {}

  /** Every setting's value by key (one read), decoded by its type; formula settings as computed. */
  read(): Record<string, CellValue> {
    const range = this.workbook.tableRange(this.def);
    const rows = range.getValues();
    const layout = layoutFromKeyRow(this.def, rows[0] ?? []);
    const keyAt = layout.indexOf('key');
    const valueAt = layout.indexOf('value');
    const settings = new Map((this.def.settings ?? []).map((s) => [s.key, s]));
    const zone = this.workbook.timeZone();
    const out: Record<string, CellValue> = {};
    for (let i = FIRST_DATA_ROW - KEY_ROW; i < rows.length; i += 1) {
      const setting = settings.get(String(rows[i][keyAt] ?? ''));
      if (!setting) continue;
      const column =
        setting.type === 'formula' ? { ...setting, type: setting.resultType ?? 'text' } : setting;
      out[setting.key] = decodeCell(column, rows[i][valueAt], zone, appsScriptWallClock);
    }
    return out;
  }

  /** Writes the given settings' values (already parsed), in as few blocks as rows allow. */
  write(values: Record<string, CellValue>): number {
    const range = this.workbook.tableRange(this.def);
    const rows = range.getValues();
    const layout = layoutFromKeyRow(this.def, rows[0] ?? []);
    const keyAt = layout.indexOf('key');
    const valueAt = layout.indexOf('value');
    const settings = new Map((this.def.settings ?? []).map((s) => [s.key, s]));
    const top = range.getRow();
    const targets: { row: number; value: string | number | boolean }[] = [];
    for (let i = FIRST_DATA_ROW - KEY_ROW; i < rows.length; i += 1) {
      const key = String(rows[i][keyAt] ?? '');
      const setting: SettingDef | undefined = settings.get(key);
      if (!setting || setting.type === 'formula' || !hasOwn(values, key)) continue;
      targets.push({ row: top + i, value: encodeCell(setting, values[key]) });
    }
    const sheet = range.getSheet();
    let written = 0;
    for (let i = 0; i < targets.length; ) {
      let j = i;
      while (j + 1 < targets.length && targets[j + 1].row === targets[j].row + 1) j += 1;
      const block = targets.slice(i, j + 1);
      sheet
        .getRange(block[0].row, range.getColumn() + valueAt, block.length, 1)
        .setValues(block.map((t) => [t.value]));
      written += block.length;
      i = j + 1;
    }
    return written;
  }
}
