/**
 * EmuSpreadsheet: SpreadsheetApp's Spreadsheet — identity, locale and time zone, sheets,
 * active sheet and selection, named ranges, developer metadata, protections and toasts.
 */
import { parseA1 } from './a1';
import { type Ctx, charge, requireString } from './context';
import type { EmuEnumValue } from './enums';
import { describeType, fail, MSG } from './errors';
import { EmuDeveloperMetadata, EmuDeveloperMetadataFinder } from './metadata';
import { checkRangeName, EmuNamedRange } from './named-range';
import { EmuProtection } from './protection';
import { EmuRange, metadataArgs } from './range';
import { EmuSheet } from './sheet';

/** The spreadsheet (a live view over its workbook). */
export class EmuSpreadsheet {
  constructor(private readonly ctx: Ctx) {}

  private charge(method: string): void {
    charge(this.ctx, 'Spreadsheet', method);
  }
  private get st() {
    return this.ctx.wb.state;
  }

  // ---------- identity and settings ----------

  getId(): string {
    this.charge('getId');
    return this.st.id;
  }
  getName(): string {
    this.charge('getName');
    return this.st.name;
  }
  rename(newName: string): void {
    this.charge('rename');
    requireString('Spreadsheet.rename', newName);
    this.st.name = newName;
  }
  getUrl(): string {
    this.charge('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.st.id}/edit`;
  }
  getSpreadsheetLocale(): string {
    this.charge('getSpreadsheetLocale');
    return this.st.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.charge('setSpreadsheetLocale');
    requireString('Spreadsheet.setSpreadsheetLocale', locale);
    this.st.locale = locale;
  }
  getSpreadsheetTimeZone(): string {
    this.charge('getSpreadsheetTimeZone');
    return this.st.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.charge('setSpreadsheetTimeZone');
    requireString('Spreadsheet.setSpreadsheetTimeZone', timezone);
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone });
    } catch {
      // Unverified wording.
      fail(`Invalid argument: ${timezone}`);
    }
    this.st.timeZone = timezone;
    this.ctx.wb.engine.setTimeZone(timezone);
  }

  // ---------- sheets ----------

  getSheets(): EmuSheet[] {
    this.charge('getSheets');
    return this.st.sheets.map((s) => new EmuSheet(this.ctx, s.id));
  }
  getNumSheets(): number {
    this.charge('getNumSheets');
    return this.st.sheets.length;
  }
  /** Null when there is no such sheet (names compare case-insensitively, as in Sheets). */
  getSheetByName(name: string): EmuSheet | null {
    this.charge('getSheetByName');
    const s = this.ctx.wb.sheetByName(name);
    return s ? new EmuSheet(this.ctx, s.id) : null;
  }
  getSheetById(id: number): EmuSheet | null {
    this.charge('getSheetById');
    return this.ctx.wb.hasSheet(id) ? new EmuSheet(this.ctx, id) : null;
  }
  /**
   * insertSheet() | insertSheet(sheetName) | insertSheet(sheetIndex) | insertSheet(sheetName, sheetIndex).
   * The index is 0-based; the new sheet becomes the active sheet (Spreadsheet.insertSheet docs).
   */
  insertSheet(nameOrIndex?: string | number, sheetIndex?: number): EmuSheet {
    this.charge('insertSheet');
    const wb = this.ctx.wb;
    let name: string;
    let index = this.st.sheets.length;
    if (typeof nameOrIndex === 'number') {
      name = wb.defaultSheetName();
      index = nameOrIndex;
    } else if (nameOrIndex === undefined) {
      name = wb.defaultSheetName();
    } else if (typeof nameOrIndex === 'string') {
      name = nameOrIndex;
      if (sheetIndex !== undefined) {
        if (typeof sheetIndex !== 'number')
          fail(MSG.badSignature(`String,${describeType(sheetIndex)}`, 'Spreadsheet.insertSheet'));
        index = sheetIndex;
      }
    } else {
      return fail(MSG.badSignature(describeType(nameOrIndex), 'Spreadsheet.insertSheet'));
    }
    const sheet = wb.insertSheet(name, index);
    this.st.activeSheetId = sheet.id;
    return new EmuSheet(this.ctx, sheet.id);
  }
  deleteSheet(sheet: EmuSheet): void {
    this.charge('deleteSheet');
    if (!(sheet instanceof EmuSheet)) fail(MSG.badSignature(describeType(sheet), 'Spreadsheet.deleteSheet'));
    this.ctx.wb.deleteSheet(sheet.id);
  }

  // ---------- active sheet and selection ----------

  getActiveSheet(): EmuSheet {
    this.charge('getActiveSheet');
    return new EmuSheet(this.ctx, this.st.activeSheetId);
  }
  setActiveSheet(sheet: EmuSheet): EmuSheet {
    this.charge('setActiveSheet');
    this.ctx.wb.sheet(sheet.id);
    this.st.activeSheetId = sheet.id;
    return sheet;
  }
  /** The user's selection on the active sheet, or null. */
  getActiveRange(): EmuRange | null {
    this.charge('getActiveRange');
    const sel = this.st.selection;
    if (!sel || sel.sheetId !== this.st.activeSheetId) return null;
    return new EmuRange(this.ctx, sel.sheetId, { ...sel.rect });
  }
  /** The top-left cell of the selection, or null. */
  getCurrentCell(): EmuRange | null {
    this.charge('getCurrentCell');
    const sel = this.st.selection;
    if (!sel || sel.sheetId !== this.st.activeSheetId) return null;
    return new EmuRange(this.ctx, sel.sheetId, {
      row: sel.rect.row,
      col: sel.rect.col,
      numRows: 1,
      numCols: 1,
    });
  }
  setActiveSelection(range: EmuRange | string): EmuRange {
    this.charge('setActiveSelection');
    const r = typeof range === 'string' ? this.resolve(range) : range;
    this.st.activeSheetId = r.sheetId;
    this.st.selection = { sheetId: r.sheetId, rect: { ...r.rect } };
    return r;
  }

  private resolve(a1: string): EmuRange {
    const p = parseA1(a1);
    const sheet =
      p.sheetName !== undefined
        ? this.ctx.wb.sheetByName(p.sheetName)
        : this.ctx.wb.sheet(this.st.activeSheetId);
    if (!sheet) fail(MSG.rangeNotFound);
    return new EmuSheet(this.ctx, sheet.id).getRange(
      a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1,
    );
  }

  /** getRange("Sheet!A1:B2"), or a range of the active sheet without a sheet name. */
  getRange(a1Notation: string): EmuRange {
    this.charge('getRange');
    requireString('Spreadsheet.getRange', a1Notation);
    return this.resolve(a1Notation);
  }

  // ---------- named ranges ----------

  getRangeByName(name: string): EmuRange | null {
    this.charge('getRangeByName');
    const nr = this.st.namedRanges.find((n) => n.name.toLowerCase() === String(name).toLowerCase());
    if (!nr) return null;
    return new EmuSheet(this.ctx, nr.sheetId)._rangeUncharged(
      nr.rect.row,
      nr.rect.col,
      nr.rect.numRows,
      nr.rect.numCols,
    );
  }
  /** Names a range; an existing name is re-pointed. */
  setNamedRange(name: string, range: EmuRange): void {
    this.charge('setNamedRange');
    checkRangeName(name);
    if (!(range instanceof EmuRange))
      fail(MSG.badSignature(`String,${describeType(range)}`, 'Spreadsheet.setNamedRange'));
    const existing = this.st.namedRanges.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      existing.sheetId = range.sheetId;
      existing.rect = { ...range.rect };
    } else {
      this.st.namedRanges.push({ name, sheetId: range.sheetId, rect: { ...range.rect } });
    }
    this.ctx.wb.engine.setName(name, this.ctx.wb.rangeExpression(range.sheetId, range.rect));
    this.ctx.wb.syncFormulas();
  }
  getNamedRanges(): EmuNamedRange[] {
    this.charge('getNamedRanges');
    return this.st.namedRanges.map((n) => new EmuNamedRange(this.ctx, n.name));
  }
  removeNamedRange(name: string): void {
    this.charge('removeNamedRange');
    const nr = this.st.namedRanges.find((n) => n.name.toLowerCase() === String(name).toLowerCase());
    if (!nr) return;
    this.ctx.wb.engine.removeName(nr.name);
    this.st.namedRanges = this.st.namedRanges.filter((n) => n !== nr);
  }

  // ---------- developer metadata ----------

  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | EmuEnumValue,
    visibility?: EmuEnumValue,
  ): EmuSpreadsheet {
    this.charge('addDeveloperMetadata');
    requireString('Spreadsheet.addDeveloperMetadata', key);
    const { value, vis } = metadataArgs(valueOrVisibility, visibility);
    this.st.metadata.push({
      id: this.ctx.wb.nextId(),
      key,
      value,
      visibility: vis,
      location: { type: 'SPREADSHEET' },
    });
    return this;
  }
  /** The metadata of the spreadsheet itself (not of its sheets, rows or columns). */
  getDeveloperMetadata(): EmuDeveloperMetadata[] {
    this.charge('getDeveloperMetadata');
    return this.st.metadata
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => new EmuDeveloperMetadata(this.ctx, m.id));
  }
  /** Finds metadata anywhere in the spreadsheet. */
  createDeveloperMetadataFinder(): EmuDeveloperMetadataFinder {
    return new EmuDeveloperMetadataFinder(this.ctx, () => true);
  }

  // ---------- protections, toasts ----------

  getProtections(type: EmuEnumValue): EmuProtection[] {
    this.charge('getProtections');
    const t = String(type);
    return this.st.protections.filter((p) => p.type === t).map((p) => new EmuProtection(this.ctx, p.id));
  }
  /** toast(msg[, title[, timeoutSeconds]]): recorded for tests and the playground. */
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    this.charge('toast');
    this.st.toasts.push({
      message: String(msg),
      title: String(title),
      timeoutSeconds,
      at: this.ctx.runtime.clock.now(),
    });
  }
}
