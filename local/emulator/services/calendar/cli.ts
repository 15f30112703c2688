/**
 * What `npm run local -- events <space>` will print: one calendar's events as JSON, read from
 * the emulator's state directly (no execution, nothing charged).
 */
import type { CalendarAdvancedService } from './service';

/** Options of {@link listCalendarEventsJson}. */
export interface EventsJsonOptions {
  /** Include deleted (cancelled) events; default false. */
  showDeleted?: boolean;
}

/**
 * The events of `calendarId` (an id, `primary`, or a calendar's summary such as « Grande halle »)
 * as pretty JSON: `{ calendar: { id, summary, timeZone }, events: [...] }`, creation order.
 */
export function listCalendarEventsJson(
  service: CalendarAdvancedService,
  calendarId: string,
  options: EventsJsonOptions = {},
): string {
  const calendars = service._calendars();
  const calendar =
    calendars.find((c) => c.id === calendarId) ??
    (calendarId === 'primary' ? calendars.find((c) => c.id === service._userEmail) : undefined) ??
    calendars.find((c) => c.summary === calendarId);
  if (!calendar) {
    const known = calendars.map((c) => `${c.summary} (${c.id})`).join(', ');
    throw new Error(`Agenda inconnu : « ${calendarId} ». Agendas : ${known || 'aucun'}.`);
  }
  const events = service
    ._events(calendar.id as string)
    .filter((e) => options.showDeleted === true || e.status !== 'cancelled');
  return JSON.stringify(
    { calendar: { id: calendar.id, summary: calendar.summary, timeZone: calendar.timeZone }, events },
    null,
    2,
  );
}
