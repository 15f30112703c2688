/**
 * Google's own error texts for SpreadsheetApp, in one place. Each entry says where the text was
 * seen; "unverified" means the wording is our best recollection and is flagged in the report.
 */
import { GoogleException } from '../runtime';

/** Builders for the messages Google throws (as `Exception: <message>`). */
export const MSG = {
  // Seen verbatim in user reports (github alpatania/sassafras#8 for the columns variant).
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  // github davepar/gcalendarsync#55 ("The starting column of the range is too small.").
  startRowTooSmall: 'The starting row of the range is too small.',
  startColTooSmall: 'The starting column of the range is too small.',
  // github chriskyfung/AutoFetcher-IG-Stories-to-GDrive#26.
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColsTooSmall: 'The number of columns in the range must be at least 1.',
  // github diegomanuel/binance-to-google-sheets#19.
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  // github mogsdad/SheetConverter#20 ("Those columns are out of bounds.").
  rowsOutOfBounds: 'Those rows are out of bounds.',
  colsOutOfBounds: 'Those columns are out of bounds.',
  // Sheets API v4 wording (googleapis/google-api-php-client#1293, SteveWinward/GoogleSheetsWrapper#43).
  deleteAllSheets: "You can't remove all the sheets in a document.",
  deleteAllRows: "You can't delete all the rows on the sheet.",
  // Unverified wording (widely quoted, not found in the reference corpus).
  cellTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
  tooManyCells:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  duplicateSheet: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  rangeNotFound: 'Range not found',
  // The signature check of the Apps Script bridge, e.g. "The parameters (number[]) don't match the
  // method signature for SpreadsheetApp.Range.setValues." (quoted in Stack Overflow questions).
  badSignature: (types: string, method: string) =>
    `The parameters (${types}) don't match the method signature for SpreadsheetApp.${method}.`,
  // Unverified wording.
  metadataArbitraryRange:
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  // The UI message when a user types into a protected cell (unverified wording).
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  // Google's data validation rejection dialog text (unverified wording).
  invalidInput: (a1: string) =>
    `There was a problem. The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
  // github cloud.tencent.com question quoting it: requireValueInList is limited to 500 items.
  listTooLong:
    'The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.',
  sheetGone: 'This sheet has been deleted.',
} as const;

/** Throws Google's `Exception` with `message`. */
export function fail(message: string): never {
  throw new GoogleException(message);
}

/** Describes an argument's type as the Apps Script signature error does (number, String, Object...). */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const inner = value.length > 0 ? describeType(value[0]) : 'Object';
    return `${inner}[]`;
  }
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof Date) return 'Date';
  if (typeof value === 'function') return 'Function';
  return 'Object';
}
