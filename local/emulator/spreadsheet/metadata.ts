/**
 * Developer metadata: EmuDeveloperMetadata, its location, and the finder. Column and row
 * metadata is anchored to the column/row itself and moves with it (Sheets API guide "Developer
 * metadata": metadata associated with a row or column moves when rows/columns are inserted,
 * removed or moved).
 */
import type { Ctx } from './context';
import { charge } from './context';
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  type EmuEnumValue,
  enumValue,
} from './enums';
import { fail, MSG } from './errors';
import type { MetadataState } from './model';
import type { EmuRange } from './range';
import { EmuSheet } from './sheet';
import { EmuSpreadsheet } from './spreadsheet';

/** DeveloperMetadataLocation: where an item is. */
export class EmuDeveloperMetadataLocation {
  constructor(
    private readonly ctx: Ctx,
    private readonly loc: MetadataState['location'],
  ) {}
  getLocationType(): EmuEnumValue {
    return enumValue(DeveloperMetadataLocationType, this.loc.type);
  }
  getSpreadsheet(): EmuSpreadsheet | null {
    return this.loc.type === 'SPREADSHEET' ? new EmuSpreadsheet(this.ctx) : null;
  }
  getSheet(): EmuSheet | null {
    return this.loc.type === 'SHEET' ? new EmuSheet(this.ctx, this.loc.sheetId) : null;
  }
  /** The whole column, e.g. C1:C1000. */
  getColumn(): EmuRange | null {
    if (this.loc.type !== 'COLUMN') return null;
    const sheet = new EmuSheet(this.ctx, this.loc.sheetId);
    return sheet._rangeUncharged(1, this.loc.index, this.ctx.wb.sheet(this.loc.sheetId).maxRows, 1);
  }
  getRow(): EmuRange | null {
    if (this.loc.type !== 'ROW') return null;
    const sheet = new EmuSheet(this.ctx, this.loc.sheetId);
    return sheet._rangeUncharged(this.loc.index, 1, 1, this.ctx.wb.sheet(this.loc.sheetId).maxCols);
  }
}

/** One developer metadata item (a live view by id). */
export class EmuDeveloperMetadata {
  constructor(
    private readonly ctx: Ctx,
    private readonly id: number,
  ) {}

  private get item(): MetadataState {
    const m = this.ctx.wb.state.metadata.find((x) => x.id === this.id);
    // Unverified wording: using a removed item fails in Google too.
    if (!m) fail('Developer metadata not found.');
    return m;
  }
  private charge(method: string): void {
    charge(this.ctx, 'DeveloperMetadata', method);
  }

  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.item.key;
  }
  getValue(): string | null {
    return this.item.value;
  }
  getVisibility(): EmuEnumValue {
    return enumValue(DeveloperMetadataVisibility, this.item.visibility);
  }
  getLocation(): EmuDeveloperMetadataLocation {
    return new EmuDeveloperMetadataLocation(this.ctx, structuredClone(this.item.location));
  }
  setKey(key: string): EmuDeveloperMetadata {
    this.charge('setKey');
    this.item.key = String(key);
    return this;
  }
  setValue(value: string): EmuDeveloperMetadata {
    this.charge('setValue');
    this.item.value = String(value);
    return this;
  }
  setVisibility(visibility: EmuEnumValue): EmuDeveloperMetadata {
    this.charge('setVisibility');
    this.item.visibility = visibility.name() as MetadataState['visibility'];
    return this;
  }
  remove(): void {
    this.charge('remove');
    this.ctx.wb.state.metadata = this.ctx.wb.state.metadata.filter((m) => m.id !== this.id);
  }
  moveToColumn(column: EmuRange): EmuDeveloperMetadata {
    this.charge('moveToColumn');
    const sheet = this.ctx.wb.sheet(column.sheetId);
    if (column.rect.row !== 1 || column.rect.numRows !== sheet.maxRows || column.rect.numCols !== 1) {
      fail(MSG.metadataArbitraryRange);
    }
    this.item.location = { type: 'COLUMN', sheetId: column.sheetId, index: column.rect.col };
    return this;
  }
  moveToRow(row: EmuRange): EmuDeveloperMetadata {
    this.charge('moveToRow');
    const sheet = this.ctx.wb.sheet(row.sheetId);
    if (row.rect.col !== 1 || row.rect.numCols !== sheet.maxCols || row.rect.numRows !== 1)
      fail(MSG.metadataArbitraryRange);
    this.item.location = { type: 'ROW', sheetId: row.sheetId, index: row.rect.row };
    return this;
  }
  moveToSheet(sheet: EmuSheet): EmuDeveloperMetadata {
    this.charge('moveToSheet');
    this.item.location = { type: 'SHEET', sheetId: sheet.id };
    return this;
  }
  moveToSpreadsheet(): EmuDeveloperMetadata {
    this.charge('moveToSpreadsheet');
    this.item.location = { type: 'SPREADSHEET' };
    return this;
  }
}

/** DeveloperMetadataFinder, scoped to the spreadsheet, a sheet or a range. */
export class EmuDeveloperMetadataFinder {
  private filters: ((m: MetadataState) => boolean)[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly scope: (m: MetadataState) => boolean,
  ) {}

  withKey(key: string): EmuDeveloperMetadataFinder {
    this.filters.push((m) => m.key === key);
    return this;
  }
  withValue(value: string): EmuDeveloperMetadataFinder {
    this.filters.push((m) => m.value === value);
    return this;
  }
  withId(id: number): EmuDeveloperMetadataFinder {
    this.filters.push((m) => m.id === id);
    return this;
  }
  withLocationType(locationType: EmuEnumValue): EmuDeveloperMetadataFinder {
    const t = locationType.name();
    this.filters.push((m) => m.location.type === t);
    return this;
  }
  withVisibility(visibility: EmuEnumValue): EmuDeveloperMetadataFinder {
    const v = visibility.name();
    this.filters.push((m) => m.visibility === v);
    return this;
  }
  find(): EmuDeveloperMetadata[] {
    charge(this.ctx, 'DeveloperMetadataFinder', 'find');
    return this.ctx.wb.state.metadata
      .filter((m) => this.scope(m) && this.filters.every((f) => f(m)))
      .map((m) => new EmuDeveloperMetadata(this.ctx, m.id));
  }
}
