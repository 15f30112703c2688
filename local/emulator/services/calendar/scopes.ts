/**
 * OAuth scopes per Advanced Calendar method: any one of the listed scopes allows the call. Taken
 * from the Authorization section of each method's Calendar API v3 reference page (cited per row),
 * which is generated from the API's discovery document; the same lists appear in googleapis'
 * calendar_v3 typings (node_modules/googleapis/build/src/apis/calendar/v3.d.ts), from which this
 * table was checked.
 *
 * Conditions the table cannot express (the membrane checks "any one suffices" only):
 * - `calendar.app.created` allows the call only on calendars the app itself created;
 * - `calendar.events.owned` / `.owned.readonly` only on calendars the user owns;
 * - `calendar.events.freebusy` on events.get/list returns free/busy information only, and
 *   `calendar.events.public.readonly` public events only.
 * The emulator does not model these narrowings (unverified in detail): choose `calendar` or
 * `calendar.events` in the manifest and read these pages before relying on a narrower one.
 */
export const CALENDAR_SCOPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  // developers.google.com/calendar/api/v3/reference/events/insert (Authorization)
  'Calendar.Events.insert': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.events.owned',
  ],
  // developers.google.com/calendar/api/v3/reference/events/get (Authorization)
  'Calendar.Events.get': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.events.freebusy',
    'https://www.googleapis.com/auth/calendar.events.owned',
    'https://www.googleapis.com/auth/calendar.events.owned.readonly',
    'https://www.googleapis.com/auth/calendar.events.public.readonly',
    'https://www.googleapis.com/auth/calendar.events.readonly',
    'https://www.googleapis.com/auth/calendar.readonly',
  ],
  // developers.google.com/calendar/api/v3/reference/events/patch (Authorization)
  'Calendar.Events.patch': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.events.owned',
  ],
  // developers.google.com/calendar/api/v3/reference/events/update (Authorization)
  'Calendar.Events.update': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.events.owned',
  ],
  // developers.google.com/calendar/api/v3/reference/events/delete (Authorization)
  'Calendar.Events.remove': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.events.owned',
  ],
  // developers.google.com/calendar/api/v3/reference/events/list (Authorization)
  'Calendar.Events.list': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.events.freebusy',
    'https://www.googleapis.com/auth/calendar.events.owned',
    'https://www.googleapis.com/auth/calendar.events.owned.readonly',
    'https://www.googleapis.com/auth/calendar.events.public.readonly',
    'https://www.googleapis.com/auth/calendar.events.readonly',
    'https://www.googleapis.com/auth/calendar.readonly',
  ],
  // developers.google.com/calendar/api/v3/reference/events/instances (Authorization)
  'Calendar.Events.instances': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.events',
    'https://www.googleapis.com/auth/calendar.events.freebusy',
    'https://www.googleapis.com/auth/calendar.events.owned',
    'https://www.googleapis.com/auth/calendar.events.owned.readonly',
    'https://www.googleapis.com/auth/calendar.events.public.readonly',
    'https://www.googleapis.com/auth/calendar.events.readonly',
    'https://www.googleapis.com/auth/calendar.readonly',
  ],
  // developers.google.com/calendar/api/v3/reference/calendars/insert (Authorization)
  'Calendar.Calendars.insert': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.calendars',
  ],
  // developers.google.com/calendar/api/v3/reference/calendars/get (Authorization)
  'Calendar.Calendars.get': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.calendars',
    'https://www.googleapis.com/auth/calendar.calendars.readonly',
    'https://www.googleapis.com/auth/calendar.readonly',
  ],
  // developers.google.com/calendar/api/v3/reference/calendars/patch (Authorization)
  'Calendar.Calendars.patch': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.calendars',
  ],
  // developers.google.com/calendar/api/v3/reference/calendars/update (Authorization)
  'Calendar.Calendars.update': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.calendars',
  ],
  // developers.google.com/calendar/api/v3/reference/calendars/delete (Authorization)
  'Calendar.Calendars.remove': [
    'https://www.googleapis.com/auth/calendar',
    'https://www.googleapis.com/auth/calendar.app.created',
    'https://www.googleapis.com/auth/calendar.calendars',
  ],
});
