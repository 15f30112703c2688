/**
 * Calendar API errors as the Advanced Calendar service throws them to a script.
 *
 * Shape. On Apps Script a failed advanced-service call throws an exception named
 * `GoogleJsonResponseException` whose message is `API call to calendar.<resource>.<method> failed
 * with error: <the API's message>`, e.g.
 *   - `GoogleJsonResponseException: API call to calendar.events.insert failed with error: Bad Request`
 *     (derekantrican/GAS-ICS-Sync#289),
 *   - `API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync
 *     is required.` (hk21702/YA-GCal-Notion-Sync-Script#45),
 *   - `Falha na chamada de API para calendar.events.insert com o erro The requested identifier already
 *     exists.` (lucasvtiradentes/gcal-sync#98): the PREFIX IS LOCALISED to the user's language, the
 *     API's own message after it stays English.
 * The JSON body behind the message (code, message, errors[].domain/reason) is the one of
 * developers.google.com/calendar/api/guides/errors. Apps Script exposes it on the exception as
 * `details` (unverified: seen in public scripts, not on a Google reference page).
 *
 * What a script can rely on: the exception's `message` ends with the API's English message
 * (match it with `indexOf`, never the prefix). `details.code` / `details.errors[0].reason` are set
 * here too; note that the runner's Membrane copies only `name` and `message` into the script realm
 * today, so inside dist/Code.js only the message is visible until the Membrane copies `details`.
 */

/** One entry of `error.errors[]` of the Calendar API's JSON error body. */
export interface CalendarErrorItem {
  domain: string;
  reason: string;
  message: string;
  locationType?: string;
  location?: string;
}

/** The JSON error body (`error` member) of developers.google.com/calendar/api/guides/errors. */
export interface CalendarErrorDetails {
  code: number;
  message: string;
  errors: CalendarErrorItem[];
}

/** Prefix of the message, per the user's language (only English is confirmed word for word). */
export type MessagePrefix = (apiMethod: string) => string;

/** `API call to calendar.events.insert failed with error: ` (texts quoted above). */
export const ENGLISH_PREFIX: MessagePrefix = (apiMethod) => `API call to ${apiMethod} failed with error: `;

/** The Portuguese prefix quoted in lucasvtiradentes/gcal-sync#98, to test locale-independence. */
export const PORTUGUESE_PREFIX: MessagePrefix = (apiMethod) =>
  `Falha na chamada de API para ${apiMethod} com o erro `;

/** The exception an Advanced Calendar service call throws. */
export class GoogleJsonResponseException extends Error {
  readonly details: CalendarErrorDetails;
  constructor(apiMethod: string, details: CalendarErrorDetails, prefix: MessagePrefix = ENGLISH_PREFIX) {
    super(`${prefix(apiMethod)}${details.message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = details;
  }
}

/** A Calendar API failure before it is bound to a method name (the service adds it). */
export class CalendarApiError {
  constructor(readonly details: CalendarErrorDetails) {}
}

function body(
  code: number,
  message: string,
  domain: string,
  reason: string,
  extra: Partial<CalendarErrorItem> = {},
) {
  return new CalendarApiError({ code, message, errors: [{ domain, reason, message, ...extra }] });
}

/**
 * The errors the emulator raises. Texts marked "reported" are quoted from public reports cited
 * beside them; "guide" from developers.google.com/calendar/api/guides/errors; "unverified" are our
 * best wording where neither gave the exact text.
 */
export const CalendarErrors = {
  /** guide "404: Not found". */
  notFound: () => body(404, 'Not Found', 'global', 'notFound'),
  /** reported: google-api-python-client#846, google-api-ruby-client#1811 (also for a deleted event's id). */
  duplicate: () => body(409, 'The requested identifier already exists.', 'global', 'duplicate'),
  /** reported: google-api-python-client#210 (deleting an event twice). guide "410: Gone" (deleted). */
  deleted: () => body(410, 'Resource has been deleted', 'global', 'deleted'),
  /** guide "410: Gone" fullSyncRequired; text from Google's own sample (apps-script-samples advanced/calendar.gs). */
  fullSyncRequired: () =>
    body(410, 'Sync token is no longer valid, a full sync is required.', 'calendar', 'fullSyncRequired'),
  /** reported: wanasit/google-calendar#25. */
  invalidId: () => body(400, 'Invalid resource id value.', 'global', 'invalid'),
  /** guide "400: Bad Request" timeRangeEmpty. */
  timeRangeEmpty: (location: string) =>
    body(400, 'The specified time range is empty.', 'calendar', 'timeRangeEmpty', {
      locationType: 'parameter',
      location,
    }),
  /** reported as "Missing time zone definition for start time." for recurring events; same for an offset-less dateTime (unverified). */
  missingTimeZone: (which: 'start' | 'end') =>
    body(400, `Missing time zone definition for ${which} time.`, 'calendar', 'missingTimeZone'),
  /** reported: derekantrican/GAS-ICS-Sync#305. */
  invalidTimeZone: (which: 'start' | 'end') =>
    body(400, `Invalid time zone definition for ${which} time.`, 'calendar', 'invalidTimeZone'),
  /** Missing start/end (text unverified). */
  required: (what: 'start' | 'end') => body(400, `Missing ${what} time.`, 'global', 'required'),
  /** Anything else malformed; Google answers a plain "Bad Request" (GAS-ICS-Sync#289: date mixed with dateTime). */
  badRequest: (reason = 'badRequest') => body(400, 'Bad Request', 'global', reason),
  /** Parameter value rejected (text unverified). */
  invalidParameter: (name: string) =>
    body(400, `Invalid value for parameter: ${name}`, 'global', 'invalidParameter', {
      locationType: 'parameter',
      location: name,
    }),
  /** syncToken together with a filter the events.list page forbids with it (text unverified). */
  syncTokenIncompatible: (name: string) =>
    body(400, `The parameter ${name} cannot be used together with syncToken.`, 'global', 'invalidParameter', {
      locationType: 'parameter',
      location: name,
    }),
  /** orderBy=startTime without singleEvents=true (text as commonly reported; unverified here). */
  orderingNotAvailable: () =>
    body(400, 'The requested ordering is not available for the particular query.', 'global', 'badRequest'),
  /** Sequence lower than the stored one (text as commonly reported; unverified here). */
  invalidSequence: () =>
    body(
      400,
      'Invalid sequence value. The specified sequence number is below the current sequence number of the resource.',
      'global',
      'invalid',
    ),
  /** Unparsable recurrence line (text unverified). */
  invalidRecurrence: () => body(400, 'Invalid recurrence rule.', 'global', 'invalid'),
  /** guide "403: Rate Limit Exceeded" (domain usageLimits). */
  rateLimitExceeded: () => body(403, 'Rate Limit Exceeded', 'usageLimits', 'rateLimitExceeded'),
  /** guide "403: User Rate Limit Exceeded". */
  userRateLimitExceeded: () => body(403, 'User Rate Limit Exceeded', 'usageLimits', 'userRateLimitExceeded'),
  /** guide "403: Calendar usage limits exceeded" (reason quotaExceeded); reported texts on devpeace / Stack Overflow 15473732. */
  quotaExceeded: () => body(403, 'Calendar usage limits exceeded.', 'usageLimits', 'quotaExceeded'),
  /** guide "403: Daily Limit Exceeded". */
  dailyLimitExceeded: () => body(403, 'Daily Limit Exceeded', 'usageLimits', 'dailyLimitExceeded'),
  /** guide "429: Too many requests" (reason rateLimitExceeded). */
  tooManyRequests: () => body(429, 'Rate Limit Exceeded', 'usageLimits', 'rateLimitExceeded'),
  /** guide "500: Backend error". */
  backendError: () => body(500, 'Backend Error', 'global', 'backendError'),
  /** 503 (text unverified: the guide describes 500 backendError; 503 is what proxies in front answer). */
  serviceUnavailable: () => body(503, 'Service Unavailable', 'global', 'backendError'),
  /**
   * A scope missing from the manifest. Advanced services call the REST API with the script's
   * token, so Google answers 403 and the script sees `API call to gmail.users.labels.list failed
   * with error: Request had insufficient authentication scopes.` (googleworkspace/apps-script-samples#159),
   * not the built-in services' « You do not have permission to call … ». Body as reported in
   * googleworkspace/apps-script-oauth2#287.
   */
  insufficientScopes: () =>
    new CalendarApiError({
      code: 403,
      message: 'Request had insufficient authentication scopes.',
      errors: [{ domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' }],
    }),
  /** Deleting the primary calendar with calendars.delete (text unverified). */
  cannotDeletePrimary: () => body(400, 'Cannot delete primary calendar.', 'global', 'badRequest'),
} as const;

/** The faults a test can inject, by HTTP status (403 = rateLimitExceeded, the retryable one). */
export const INJECTABLE = {
  403: CalendarErrors.rateLimitExceeded,
  '403-user': CalendarErrors.userRateLimitExceeded,
  '403-quota': CalendarErrors.quotaExceeded,
  '403-daily': CalendarErrors.dailyLimitExceeded,
  429: CalendarErrors.tooManyRequests,
  500: CalendarErrors.backendError,
  503: CalendarErrors.serviceUnavailable,
  410: CalendarErrors.fullSyncRequired,
} as const;

export type InjectableFault = keyof typeof INJECTABLE;
