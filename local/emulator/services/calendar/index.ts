/** The Advanced Calendar service emulator (Calendar API v3), exported from one place. */
export { listCalendarEventsJson, type EventsJsonOptions } from './cli';
export {
  CalendarApiError,
  type CalendarErrorDetails,
  type CalendarErrorItem,
  CalendarErrors,
  ENGLISH_PREFIX,
  GoogleJsonResponseException,
  INJECTABLE,
  type InjectableFault,
  type MessagePrefix,
  PORTUGUESE_PREFIX,
} from './errors';
export { RecurrenceNotImplemented } from './recurrence';
export { CALENDAR_SCOPES } from './scopes';
export {
  CALENDAR_LIMITS,
  CalendarAdvancedService,
  calendarScopeError,
  type CalendarServiceOptions,
  type CalendarSnapshot,
  EmuCalendarCalendars,
  EmuCalendarEvents,
  injectCalendarFault,
} from './service';
export type { CalendarWrite, Event as CalendarEvent } from './state';
