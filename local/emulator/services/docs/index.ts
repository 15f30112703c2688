/** DocumentApp emulator. */
export * from './document-app';
export * from './elements';
export * from './enums';
export * from './model';
export { RE2_ERRORS } from './re2';
export { DOCS_SCOPES } from './scopes';
