/**
 * The emulated SpreadsheetApp service (see app.ts for the entry point and its test helpers).
 */
export * from './a1';
export * from './app';
export * from './chart';
export * from './conditional-format';
export * from './costs';
export * from './data-validation';
export * from './engine';
export * from './enums';
export * from './errors';
export * from './layers';
export * from './locale';
export * from './metadata';
export * from './model';
export * from './named-range';
export * from './number-format';
export * from './protection';
export * from './range';
export * from './sheet';
export * from './spreadsheet';
export * from './text-finder';
export * from './values';
export * from './workbook';
export type { Ctx } from './context';
