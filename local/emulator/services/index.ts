/** The smaller Apps Script service emulators, exported from one place. */
export * from './blob';
export * from './cache';
export { parseCsv } from './csv';
export { formatDate } from './date-format';
export * from './html-output';
export { HtmlTemplate } from './html-template';
export * from './html-service';
export * from './lock';
export * from './mail';
export * from './properties';
export * from './script-app';
export * from './session';
export * from './ui';
export * from './utilities';
