/** DriveApp emulator and the Drive store it shares with DocumentApp. */
export * from './drive-app';
export { DRIVE_SCOPES } from './scopes';
export * from './store';
