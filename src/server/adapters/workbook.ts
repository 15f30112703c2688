/**
 * One execution's handle on the active spreadsheet: the named ranges (how Pilote finds each of
 * its tables, whatever the sheets are called), the schema version stamped in the workbook and
 * the time zone are each read at most once.
 */
import { SCHEMA_VERSION } from '../../schema';
import { tableRangeName } from '../../schema/layout';
import type { SheetDef } from '../../schema/types';
import { PiloteError } from '../errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Developer metadata key holding the workbook's schema version. */
export const SCHEMA_VERSION_KEY = 'pilote.schemaVersion';

export class WorkbookSession {
  private named: Map<string, Range> | null = null;
  private version: number | null | undefined;
  private zone: string | null = null;

  constructor(readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {}

  /** Every named range of the spreadsheet, by name (one read). */
  namedRanges(): Map<string, Range> {
    if (!this.named) {
      this.named = new Map();
      for (const nr of this.spreadsheet.getNamedRanges()) this.named.set(nr.getName(), nr.getRange());
    }
    return this.named;
  }

  /** Forgets what was read, after setup changed named ranges or metadata. */
  invalidate(): void {
    this.named = null;
    this.version = undefined;
  }

  /** The range covering `sheet`'s table, or null when the workbook lacks it. */
  findTableRange(sheet: SheetDef): Range | null {
    return this.namedRanges().get(tableRangeName(sheet)) ?? null;
  }

  /** The range covering `sheet`'s table; a clear error when setup has not been run. */
  tableRange(sheet: SheetDef): Range {
    const range = this.findTableRange(sheet);
    if (!range) throw new PiloteError('error.workbookNotSetUp', { sheet: sheet.name });
    return range;
  }

  /** The schema version stamped in the workbook, null for a workbook Pilote never set up. */
  schemaVersion(): number | null {
    if (this.version === undefined) {
      const found = this.spreadsheet.getDeveloperMetadata().find((m) => m.getKey() === SCHEMA_VERSION_KEY);
      const value = found ? Number(found.getValue()) : Number.NaN;
      this.version = Number.isFinite(value) ? value : null;
    }
    return this.version;
  }

  /** Refuses to write into a workbook made by a newer Pilote (its schema would be damaged). */
  assertWritable(): void {
    const found = this.schemaVersion();
    if (found !== null && found > SCHEMA_VERSION) {
      throw new PiloteError('error.newerWorkbook', { found, known: SCHEMA_VERSION });
    }
  }

  /** The spreadsheet's time zone (dates are read as its wall time). */
  timeZone(): string {
    if (this.zone === null) this.zone = this.spreadsheet.getSpreadsheetTimeZone();
    return this.zone;
  }
}
