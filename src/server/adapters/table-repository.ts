/**
 * Records of one Pilote table. Columns are found by their key (row 1), so moved columns, renamed
 * headers and the users' own columns are respected: a user column is never written. Writes are
 * one `setValues` per contiguous block of changed columns.
 *
 * A write reads only what it needs, whatever the table's size: the key row, then Google-side
 * searches (TextFinder) for the request id (double submit), the edited record's id and the
 * candidate next id, and `getNextDataCell` for the last record; the two rows around the end of
 * the data are read to check the next row is free. Anything unexpected there (a sorted sheet, a
 * row typed by hand without an id) falls back to reading the id column or the whole table, as
 * before: correct always, cheap in the common case. Listing and imports read the whole table
 * once (one `getValues` of the table's named range).
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
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
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

/** Where the table is and how its columns lie: its range and key row, nothing else. */
interface Frame {
  range: Range;
  sheet: Sheet;
  layout: TableLayout;
  top: number;
  left: number;
  numRows: number;
  numCols: number;
}

/** Where the next record goes: its 0-based index in the table range and its id. */
interface Slot {
  index: number;
  id: string;
}

export class TableRepository {
  private loaded: Loaded | null = null;
  private framed: Frame | null = null;
  private slot: Slot | null = null;
  private readonly requests = new Map<string, { id: string; row: number } | null>();
  /** Rows of records found by id in this execution (records never move within one). */
  private readonly rows = new Map<string, number>();
  private readonly written: ColumnDef[];

  constructor(
    private readonly workbook: WorkbookSession,
    readonly sheet: SheetDef,
    private readonly wallClock: WallClock = appsScriptWallClock,
  ) {
    this.written = sheet.columns.filter((c) => c.type !== 'formula');
  }

  /**
   * Forgets what was read (the table changed shape: it grew). Request ids already found stay
   * valid: growing inserts rows below the data, no record moves.
   */
  reload(): void {
    this.loaded = null;
    this.framed = null;
    this.slot = null;
  }

  /**
   * True when `count` more records would not fit: the table's last row stays empty, so that the
   * table can grow by inserting rows inside its ranges (see table-growth.ts).
   */
  needsRoomFor(count: number): boolean {
    if (this.loaded) {
      const data = this.loaded;
      return this.lastUsedRow() - data.top + count >= data.rows.length - 1;
    }
    return this.nextSlot().index - 1 + count >= this.frame().numRows - 1;
  }

  /** The sheet holding the table. */
  sheetHandle(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.frame().sheet;
  }

  /** Where the table's columns are, as read from its key row. */
  layout(): TableLayout {
    return this.frame().layout;
  }

  /**
   * Sheet rows whose label equals `label`, case and accents ignored (one Google-side search of
   * the label column, whatever the table's size). Whole-cell match: a label typed by hand with
   * extra spaces or another apostrophe is not found here (references then refuse the ambiguity).
   */
  rowsWithLabel(label: string): number[] {
    const key = this.sheet.labelColumn;
    const text = label.trim();
    if (!key || text === '') return [];
    if (this.loaded) {
      const data = this.loaded;
      const at = data.layout.indexOf(key);
      const wanted = foldLabel(text);
      const rows: number[] = [];
      if (at < 0) return rows;
      this.forEachUsedRow(data, (raw, index) => {
        if (foldLabel(String(raw[at] ?? '').trim()) === wanted) rows.push(data.top + index);
      });
      return rows;
    }
    const column = this.dataColumn(key);
    if (!column) return [];
    return column
      .createTextFinder(text)
      .matchEntireCell(true)
      .matchCase(false)
      .ignoreDiacritics(true)
      .findAll()
      .map((r) => r.getRow());
  }

  /**
   * The records whose column `key` holds exactly `text` (one Google-side search of that column,
   * then one read of the rows spanning the hits, all columns); none found: no read. Used by the
   * booking conflict check (bookings of one space) so a save does not read the whole table.
   */
  recordsWhere(key: string, text: string): StoredRecord[] {
    if (this.loaded) return this.list().filter((r) => r.values[key] === text);
    const column = this.dataColumn(key);
    if (!column || text === '') return [];
    const rows = column
      .createTextFinder(text)
      .matchEntireCell(true)
      .matchCase(true)
      .findAll()
      .map((r) => r.getRow());
    if (rows.length === 0) return [];
    const frame = this.frame();
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const raw = frame.sheet
      .getRange(first, frame.left, last - first + 1, frame.numCols)
      .getValues() as Raw[][];
    const zone = this.workbook.timeZone();
    return [...new Set(rows)]
      .sort((a, b) => a - b)
      .map((row) => {
        const cells = raw[row - first];
        const values: Record<string, CellValue> = {};
        for (const c of this.sheet.columns) {
          const at = frame.layout.indexOf(c.key);
          values[c.key] = at < 0 ? null : decodeCell(c, cells[at], zone, this.wallClock);
        }
        return { id: String(values.id ?? ''), row, values };
      });
  }

  /** The sheet row of record `id`, or -1 (one Google-side search of the id column). */
  rowOf(id: string): number {
    if (this.loaded) {
      const data = this.loaded;
      const idAt = data.layout.indexOf('id');
      const index =
        idAt < 0 ? -1 : data.rows.findIndex((r, i) => i >= firstDataIndex(data) && r[idAt] === id);
      return index < 0 ? -1 : data.top + index;
    }
    const known = this.rows.get(id);
    if (known !== undefined) return known;
    const hit = this.findExact('id', id);
    const row = hit ? hit.getRow() : -1;
    this.rows.set(id, row);
    return row;
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

  /**
   * The id and row of the record last written by `requestId`, or null: one Google-side search
   * of the request-id column (and one cell read when found), remembered for the execution.
   */
  findByRequest(requestId: string): { id: string; row: number } | null {
    const known = this.requests.get(requestId);
    if (known !== undefined) return known;
    let found: { id: string; row: number } | null = null;
    if (this.loaded) {
      const data = this.loaded;
      const at = data.layout.indexOf('requestId');
      const idAt = data.layout.indexOf('id');
      for (let i = firstDataIndex(data); at >= 0 && idAt >= 0 && i < data.rows.length; i += 1) {
        if (data.rows[i][at] === requestId) {
          found = { id: String(data.rows[i][idAt]), row: data.top + i };
          break;
        }
      }
    } else {
      const frame = this.frame();
      const idAt = frame.layout.indexOf('id');
      const hit = idAt < 0 ? null : this.findExact('requestId', requestId);
      if (hit) {
        const row = hit.getRow();
        found = { id: String(frame.sheet.getRange(row, frame.left + idAt).getValue()), row };
      }
    }
    this.requests.set(requestId, found);
    return found;
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
    const { index, id } = this.nextSlot();
    if (index >= this.frame().numRows - 1)
      throw new PiloteError('error.tableFull', { sheet: this.sheet.name });
    const changes = this.encodeAll(values);
    // A new row is written whole: every column Pilote writes, empty where nothing was given,
    // so the row is one contiguous block (one setValues).
    for (const column of this.written) if (!changes.has(column.key)) changes.set(column.key, '');
    changes.set('id', `'${id}`);
    changes.set('createdAt', stamp.now);
    changes.set('updatedAt', stamp.now);
    if (stamp.requestId) changes.set('requestId', `'${stamp.requestId}`);
    this.writeRow(index, changes);
    const row = this.frame().top + index;
    this.slot = null;
    if (stamp.requestId) this.requests.set(stamp.requestId, { id, row });
    return { id, row, duplicate: false };
  }

  /**
   * Appends many records at once (an import): ids in sequence, one `setValues` for the whole
   * block of rows (per run of columns), whatever their number.
   */
  insertMany(records: readonly Record<string, CellValue>[], now: Date): { firstRow: number; ids: string[] } {
    const data = this.load();
    this.slot = null;
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
    const frame = this.frame();
    const row = this.rowOf(id);
    if (row < 0) throw new PiloteError('error.recordNotFound', { id, sheet: this.sheet.name });
    const requestAt = frame.layout.indexOf('requestId');
    // A request already searched for this execution answers without reading the row.
    const known = stamp.requestId ? this.requests.get(stamp.requestId) : undefined;
    if (known && known.row === row) return { id, row, duplicate: true };
    if (stamp.requestId && requestAt >= 0 && known === undefined) {
      // The target row's request id only (one cell): the same request already saved this edit.
      const current = this.loaded
        ? this.loaded.rows[row - this.loaded.top][requestAt]
        : frame.sheet.getRange(row, frame.left + requestAt).getValue();
      if (current === stamp.requestId) return { id, row, duplicate: true };
    }
    const changes = this.encodeAll(values);
    changes.set('updatedAt', stamp.now);
    if (stamp.requestId) changes.set('requestId', `'${stamp.requestId}`);
    this.writeRow(row - frame.top, changes);
    if (stamp.requestId) this.requests.set(stamp.requestId, { id, row });
    return { id, row, duplicate: false };
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

  /** One setValues per run of adjacent changed columns; in-memory rows (when read) follow. */
  private writeRow(index: number, changes: Map<string, Raw>): void {
    const frame = this.frame();
    for (const block of contiguousBlocks(frame.layout, [...changes.keys()])) {
      const row = block.keys.map((key) => changes.get(key) as Raw);
      frame.sheet.getRange(frame.top + index, frame.left + block.start, 1, row.length).setValues([row]);
      const data = this.loaded;
      if (!data) continue;
      row.forEach((value, k) => {
        data.rows[index][block.start + k] =
          typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
      });
    }
  }

  /**
   * Where the next record goes. Common case, whatever the table's size: the last id of the
   * id column (`getNextDataCell` up from the reserved last row), the two rows around it (to see
   * that the next row is free in every column Pilote writes) and a search that the next id is
   * unused. A sorted sheet or a row typed without an id falls back to reading more.
   */
  private nextSlot(): Slot {
    if (this.slot) return this.slot;
    const prefix = this.sheet.idPrefix ?? 'ID';
    if (this.loaded) {
      this.slot = this.slotFromRows(this.loaded);
      return this.slot;
    }
    const frame = this.frame();
    const idAt = frame.layout.indexOf('id');
    if (idAt < 0) throw new PiloteError('error.workbookDamaged', { sheet: this.sheet.name });
    const firstRow = frame.top + FIRST_DATA_ROW - KEY_ROW;
    const bottom = frame.top + frame.numRows - 1;
    const edge = frame.sheet
      .getRange(bottom, frame.left + idAt)
      .getNextDataCell(SpreadsheetApp.Direction.UP)
      .getRow();
    const lastIdRow = edge < firstRow ? firstRow - 1 : edge;
    if (lastIdRow + 1 > bottom) {
      this.slot = this.slotFromRows(this.load());
      return this.slot;
    }
    const from = Math.max(lastIdRow, firstRow);
    const around = frame.sheet
      .getRange(from, frame.left, lastIdRow + 2 - from, frame.numCols)
      .getValues() as Raw[][];
    const next = around[around.length - 1];
    const positions = this.written.map((c) => frame.layout.indexOf(c.key)).filter((i) => i >= 0);
    if (positions.some((p) => !isEmpty(next[p]))) {
      // A row without an id below the last one (typed by hand): find the last used row the long way.
      this.slot = this.slotFromRows(this.load());
      return this.slot;
    }
    const lastId = lastIdRow >= firstRow ? around[0][idAt] : null;
    const m = typeof lastId === 'string' ? new RegExp(`^${prefix}-(\\d+)$`).exec(lastId) : null;
    let id = lastId === null ? `${prefix}-0001` : m ? nextRecordId(prefix, [lastId]) : null;
    if (id === null || this.findExact('id', id)) {
      // The last row is not the highest id (a sorted sheet, an id typed by hand): read the ids.
      const ids = this.dataColumn('id')?.getValues() ?? [];
      id = nextRecordId(
        prefix,
        ids.map((r) => r[0]),
      );
    }
    this.slot = { index: lastIdRow + 1 - frame.top, id };
    return this.slot;
  }

  /** The slot after the last used row, the id after the highest: from rows already read. */
  private slotFromRows(data: Loaded): Slot {
    const idAt = data.layout.indexOf('id');
    if (idAt < 0) throw new PiloteError('error.workbookDamaged', { sheet: this.sheet.name });
    let last = firstDataIndex(data) - 1;
    this.forEachUsedRow(data, (_raw, index) => {
      last = index;
    });
    return {
      index: last + 1,
      id: nextRecordId(
        this.sheet.idPrefix ?? 'ID',
        data.rows.map((r) => r[idAt]),
      ),
    };
  }

  /** The data cells of column `key` (below the header), or null when the workbook lacks it. */
  private dataColumn(key: string): Range | null {
    const frame = this.frame();
    const at = frame.layout.indexOf(key);
    const skip = FIRST_DATA_ROW - KEY_ROW;
    if (at < 0 || frame.numRows <= skip) return null;
    return frame.sheet.getRange(frame.top + skip, frame.left + at, frame.numRows - skip, 1);
  }

  /** The first cell of column `key` whose whole text is `text`, case included (one search). */
  private findExact(key: string, text: string): Range | null {
    const column = this.dataColumn(key);
    if (!column || text === '') return null;
    return column.createTextFinder(text).matchEntireCell(true).matchCase(true).findNext();
  }

  /** The table's range and key row (one narrow read), or what a whole read already gave. */
  private frame(): Frame {
    if (!this.framed) {
      const data = this.loaded;
      if (data) {
        this.framed = {
          range: data.range,
          sheet: data.range.getSheet(),
          layout: data.layout,
          top: data.top,
          left: data.left,
          numRows: data.rows.length,
          numCols: data.range.getNumColumns(),
        };
      } else {
        this.workbook.assertWritable();
        const range = this.workbook.tableRange(this.sheet);
        const sheet = range.getSheet();
        const top = range.getRow();
        const left = range.getColumn();
        const numCols = range.getNumColumns();
        const keys = sheet.getRange(top, left, 1, numCols).getValues()[0] ?? [];
        this.framed = {
          range,
          sheet,
          layout: layoutFromKeyRow(this.sheet, keys),
          top,
          left,
          numRows: range.getNumRows(),
          numCols,
        };
      }
    }
    return this.framed;
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

function isEmpty(raw: Raw | undefined): boolean {
  return raw === '' || raw === null || raw === undefined;
}

/** A label as compared for uniqueness: case, accents and runs of spaces ignored. */
export function foldLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Records start two rows below the key row, wherever the table's range begins. */
function firstDataIndex(_data: Loaded): number {
  return FIRST_DATA_ROW - KEY_ROW;
}
