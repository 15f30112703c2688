/**
 * Records of one Pilote table, read once per execution (one `getValues` of the table's named
 * range) and written with one `setValues` per contiguous block of changed columns. Columns are
 * found by their key (row 1), so moved columns, renamed headers and the users' own columns are
 * respected: a user column is never written.
 */
import { hasOwn } from '../../shared/objects';
import { nextRecordId } from '../../domain/record-ids';
import { FIRST_DATA_ROW, KEY_ROW } from '../../schema';
import { contiguousBlocks, layoutFromKeyRow, type TableLayout } from '../../schema/layout';
import type { CellValue, ColumnDef, SheetDef } from '../../schema/types';
import { PiloteError } from '../errors';
import { appsScriptWallClock, decodeCell, encodeCell, type WallClock } from './cell-codec';
import type { WorkbookSession } from './workbook';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Raw = string | number | boolean | Date;

/** A record as stored: its id, its sheet row (1-based) and its values by column key. */
export interface StoredRecord {
  id: string;
  row: number;
  values: Record<string, CellValue>;
}

/** When and through which request a write happens. */
export interface WriteStamp {
  now: Date;
  requestId: string | null;
}

interface Loaded {
  range: Range;
  rows: Raw[][];
  layout: TableLayout;
  top: number;
  left: number;
}

export class TableRepository {
  private loaded: Loaded | null = null;
  private readonly written: ColumnDef[];

  constructor(
    private readonly workbook: WorkbookSession,
    readonly sheet: SheetDef,
    private readonly wallClock: WallClock = appsScriptWallClock,
  ) {
    this.written = sheet.columns.filter((c) => c.type !== 'formula');
  }

  /** Forgets what was read (the table changed shape: it grew). */
  reload(): void {
    this.loaded = null;
  }

  /**
   * True when `count` more records would not fit: the table's last row stays empty, so that the
   * table can grow by inserting rows inside its ranges (see table-growth.ts).
   */
  needsRoomFor(count: number): boolean {
    const data = this.load();
    return this.lastUsedRow() - data.top + count >= data.rows.length - 1;
  }

  /** The sheet holding the table. */
  sheetHandle(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.load().range.getSheet();
  }

  /** Where the table's columns are, as read from its key row. */
  layout(): TableLayout {
    return this.load().layout;
  }

  /** Every record, in sheet order. */
  list(): StoredRecord[] {
    const data = this.load();
    const zone = this.workbook.timeZone();
    const out: StoredRecord[] = [];
    this.forEachUsedRow(data, (raw, index) => {
      const values: Record<string, CellValue> = {};
      for (const column of this.sheet.columns) {
        const at = data.layout.indexOf(column.key);
        values[column.key] = at < 0 ? null : decodeCell(column, raw[at], zone, this.wallClock);
      }
      out.push({ id: String(values.id ?? ''), row: data.top + index, values });
    });
    return out;
  }

  /** The number of records (rows with any value in a column Pilote writes). */
  count(): number {
    let n = 0;
    this.forEachUsedRow(this.load(), () => {
      n += 1;
    });
    return n;
  }

  /** The sheet row of the last record, or the header row when the table is empty. */
  lastUsedRow(): number {
    const data = this.load();
    let last = firstDataIndex(data) - 1;
    this.forEachUsedRow(data, (_raw, index) => {
      last = index;
    });
    return data.top + last;
  }

  /** The id and row of the record last written by `requestId`, or null. */
  findByRequest(requestId: string): { id: string; row: number } | null {
    const data = this.load();
    const at = data.layout.indexOf('requestId');
    const idAt = data.layout.indexOf('id');
    if (at < 0 || idAt < 0) return null;
    for (let i = firstDataIndex(data); i < data.rows.length; i += 1) {
      if (data.rows[i][at] === requestId) return { id: String(data.rows[i][idAt]), row: data.top + i };
    }
    return null;
  }

  /**
   * Appends a record after the last used row. A request already written returns its record
   * unchanged: a double submit writes one row.
   */
  insert(
    values: Record<string, CellValue>,
    stamp: WriteStamp,
  ): { id: string; row: number; duplicate: boolean } {
    if (stamp.requestId) {
      const existing = this.findByRequest(stamp.requestId);
      if (existing) return { ...existing, duplicate: true };
    }
    const data = this.load();
    const idAt = data.layout.indexOf('id');
    if (idAt < 0) throw new PiloteError('error.workbookDamaged', { sheet: this.sheet.name });
    let last = firstDataIndex(data) - 1;
    this.forEachUsedRow(data, (_raw, index) => {
      last = index;
    });
    const index = last + 1;
    if (index >= data.rows.length - 1) throw new PiloteError('error.tableFull', { sheet: this.sheet.name });
    const id = nextRecordId(
      this.sheet.idPrefix ?? 'ID',
      data.rows.map((r) => r[idAt]),
    );
    const changes = this.encodeAll(values);
    // A new row is written whole: every column Pilote writes, empty where nothing was given,
    // so the row is one contiguous block (one setValues).
    for (const column of this.written) if (!changes.has(column.key)) changes.set(column.key, '');
    changes.set('id', `'${id}`);
    changes.set('createdAt', stamp.now);
    changes.set('updatedAt', stamp.now);
    if (stamp.requestId) changes.set('requestId', `'${stamp.requestId}`);
    this.writeRow(data, index, changes);
    return { id, row: data.top + index, duplicate: false };
  }

  /**
   * Appends many records at once (an import): ids in sequence, one `setValues` for the whole
   * block of rows (per run of columns), whatever their number.
   */
  insertMany(records: readonly Record<string, CellValue>[], now: Date): { firstRow: number; ids: string[] } {
    const data = this.load();
    const idAt = data.layout.indexOf('id');
    if (idAt < 0) throw new PiloteError('error.workbookDamaged', { sheet: this.sheet.name });
    const start = this.lastUsedRow() - data.top + 1;
    if (records.length === 0) return { firstRow: data.top + start, ids: [] };
    if (start + records.length > data.rows.length)
      throw new PiloteError('error.tableFull', { sheet: this.sheet.name });
    const existing: unknown[] = data.rows.map((r) => r[idAt]);
    const ids: string[] = [];
    const rows = records.map((values) => {
      const id = nextRecordId(this.sheet.idPrefix ?? 'ID', existing);
      existing.push(id);
      ids.push(id);
      const changes = this.encodeAll(values);
      for (const column of this.written) if (!changes.has(column.key)) changes.set(column.key, '');
      changes.set('id', `'${id}`);
      changes.set('createdAt', now);
      changes.set('updatedAt', now);
      return changes;
    });
    const sheet = data.range.getSheet();
    for (const block of contiguousBlocks(data.layout, [...rows[0].keys()])) {
      const matrix = rows.map((changes) => block.keys.map((key) => changes.get(key) as Raw));
      sheet
        .getRange(data.top + start, data.left + block.start, matrix.length, block.keys.length)
        .setValues(matrix);
      matrix.forEach((row, i) => {
        row.forEach((value, k) => {
          data.rows[start + i][block.start + k] =
            typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
        });
      });
    }
    return { firstRow: data.top + start, ids };
  }

  /** Writes the given fields of record `id` (only those: the client sends what changed). */
  update(
    id: string,
    values: Record<string, CellValue>,
    stamp: WriteStamp,
  ): { id: string; row: number; duplicate: boolean } {
    const data = this.load();
    const idAt = data.layout.indexOf('id');
    const index = idAt < 0 ? -1 : data.rows.findIndex((r, i) => i >= firstDataIndex(data) && r[idAt] === id);
    if (index < 0) throw new PiloteError('error.recordNotFound', { id, sheet: this.sheet.name });
    const requestAt = data.layout.indexOf('requestId');
    if (stamp.requestId && requestAt >= 0 && data.rows[index][requestAt] === stamp.requestId) {
      return { id, row: data.top + index, duplicate: true };
    }
    const changes = this.encodeAll(values);
    changes.set('updatedAt', stamp.now);
    if (stamp.requestId) changes.set('requestId', `'${stamp.requestId}`);
    this.writeRow(data, index, changes);
    return { id, row: data.top + index, duplicate: false };
  }

  private encodeAll(values: Record<string, CellValue>): Map<string, Raw> {
    const changes = new Map<string, Raw>();
    for (const column of this.written) {
      if (hasOwn(values, column.key)) {
        changes.set(column.key, encodeCell(column, values[column.key]));
      }
    }
    return changes;
  }

  /** One setValues per run of adjacent changed columns; in-memory rows follow. */
  private writeRow(data: Loaded, index: number, changes: Map<string, Raw>): void {
    const sheet = data.range.getSheet();
    for (const block of contiguousBlocks(data.layout, [...changes.keys()])) {
      const row = block.keys.map((key) => changes.get(key) as Raw);
      sheet.getRange(data.top + index, data.left + block.start, 1, row.length).setValues([row]);
      row.forEach((value, k) => {
        data.rows[index][block.start + k] =
          typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
      });
    }
  }

  private forEachUsedRow(data: Loaded, fn: (raw: Raw[], index: number) => void): void {
    const positions = this.written.map((c) => data.layout.indexOf(c.key)).filter((i) => i >= 0);
    for (let i = firstDataIndex(data); i < data.rows.length; i += 1) {
      const raw = data.rows[i];
      if (positions.some((p) => raw[p] !== '' && raw[p] !== null && raw[p] !== undefined)) fn(raw, i);
    }
  }

  private load(): Loaded {
    if (!this.loaded) {
      this.workbook.assertWritable();
      const range = this.workbook.tableRange(this.sheet);
      const rows = range.getValues() as Raw[][];
      const layout = layoutFromKeyRow(this.sheet, rows[0] ?? []);
      this.loaded = { range, rows, layout, top: range.getRow(), left: range.getColumn() };
    }
    return this.loaded;
  }
}

/** Records start two rows below the key row, wherever the table's range begins. */
function firstDataIndex(_data: Loaded): number {
  return FIRST_DATA_ROW - KEY_ROW;
}
