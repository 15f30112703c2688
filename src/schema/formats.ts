/** Number formats of each column type, and the bounds shared by every sheet. */

import type { ColumnType } from './types';

/**
 * Row of the column keys: hidden and protected, it is how Pilote finds a column whatever its
 * position or header (a moved column carries its key cell along). See ARCHITECTURE.md.
 */
export const KEY_ROW = 1;
/** Row of the French headers, frozen with the key row; data starts on the next row. */
export const HEADER_ROW = 2;
/** First row of records in a table. */
export const FIRST_DATA_ROW = 3;
/** Last row covered by formulas, validations and conditional formats (ranges are always bounded). */
export const LAST_DATA_ROW = 1000;
/** Rows of records a new table holds (it grows by inserting rows inside its ranges). */
export const DATA_ROW_COUNT = LAST_DATA_ROW - FIRST_DATA_ROW + 1;

/**
 * The number format of each type (Sheets patterns; the spreadsheet's locale gives the separators).
 * null: leave Sheets' automatic format (booleans are checkboxes; a formula takes its result type).
 * Text columns stay automatic rather than plain text (`@`): Pilote stores every string with a
 * leading apostrophe, the documented way to keep typed text as text, and whether Sheets keeps
 * that apostrophe visible in a plain-text cell is unverified.
 */
export const NUMBER_FORMATS: Readonly<Record<ColumnType, string | null>> = {
  id: null,
  text: null,
  longText: null,
  integer: '0',
  number: '#,##0.00',
  money: '#,##0.00 [$€-1]',
  percent: '0%',
  date: 'dd/MM/yyyy',
  datetime: 'dd/MM/yyyy HH:mm',
  time: 'HH:mm',
  duration: '[h]:mm',
  boolean: null,
  enum: null,
  ref: null,
  email: null,
  phone: null,
  url: null,
  formula: null,
};
