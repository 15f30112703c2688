/** Budget, grants and activity figures computed in TypeScript from plain records (no Apps Script). */

export * from './activity';
export * from './budget';
export * from './grants';
export * from './in-kind';
export * from './occupancy';
export { addDays, cents, endOfMonth, type FinanceRecord } from './records';
