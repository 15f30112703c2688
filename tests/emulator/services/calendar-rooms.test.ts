/**
 * Attendees and Workspace room resources in the Calendar v3 emulator (service.ts header):
 * events resource attendees[] (email required, `resource` set only when the attendee is first
 * added, responseStatus needsAction by default) and a room's immediate answer
 * (support.google.com/calendar/answer/16107253: a room already booked at that time declines;
 * moving the event asks the room again).
 */
import { Runtime } from '../../../local/emulator/runtime';
import {
  CalendarAdvancedService,
  type CalendarEvent,
  GoogleJsonResponseException,
} from '../../../local/emulator/services/calendar';

const ROOM = 'c_1888abc2defg@resource.calendar.google.com';

function setup() {
  const rt = new Runtime();
  const svc = new CalendarAdvancedService(rt);
  const a = svc.Calendars.insert({ summary: 'Pilote — A', timeZone: 'Europe/Paris' }).id as string;
  const b = svc.Calendars.insert({ summary: 'Pilote — B', timeZone: 'Europe/Paris' }).id as string;
  return { svc, a, b };
}

const at = (day: string, from: string, to: string, extra: CalendarEvent = {}): CalendarEvent => ({
  summary: 'Réunion',
  start: { dateTime: `${day}T${from}:00`, timeZone: 'Europe/Paris' },
  end: { dateTime: `${day}T${to}:00`, timeZone: 'Europe/Paris' },
  ...extra,
});

describe('attendees', () => {
  test('a guest without responseStatus is needsAction; a free room accepts at once', () => {
    const { svc, a } = setup();
    const e = svc.Events.insert(
      at('2026-02-10', '18:00', '20:00', {
        attendees: [{ email: 'awa@tiers-lieu.example' }, { email: ROOM, resource: true }],
      }),
      a,
    );
    expect(e.attendees).toEqual([
      { email: 'awa@tiers-lieu.example', responseStatus: 'needsAction' },
      { email: ROOM, resource: true, responseStatus: 'accepted' },
    ]);
  });

  test('an attendee without e-mail is a 400 and nothing is stored', () => {
    const { svc, a } = setup();
    expect(() =>
      svc.Events.insert(at('2026-02-10', '18:00', '20:00', { attendees: [{ displayName: 'x' }] }), a),
    ).toThrow(GoogleJsonResponseException);
    expect(svc._events(a)).toEqual([]);
  });

  test('a room already booked at that time declines, in another calendar too; a later slot is accepted', () => {
    const { svc, a, b } = setup();
    svc.Events.insert(
      at('2026-02-10', '18:00', '20:00', { attendees: [{ email: ROOM, resource: true }] }),
      a,
    );
    const clash = svc.Events.insert(
      at('2026-02-10', '19:00', '21:00', { attendees: [{ email: ROOM, resource: true }] }),
      b,
    );
    expect(clash.attendees?.[0].responseStatus).toBe('declined');
    const after = svc.Events.insert(
      at('2026-02-10', '20:00', '21:00', { attendees: [{ email: ROOM, resource: true }] }),
      b,
    );
    expect(after.attendees?.[0].responseStatus).toBe('accepted');
  });

  test('moving an event asks the room again; an update that keeps the time keeps its answer and its resource flag', () => {
    const { svc, a } = setup();
    const first = svc.Events.insert(
      at('2026-02-10', '18:00', '20:00', { attendees: [{ email: ROOM, resource: true }] }),
      a,
    );
    const other = svc.Events.insert(
      at('2026-02-11', '18:00', '20:00', { attendees: [{ email: ROOM, resource: true }] }),
      a,
    );
    // Retitled, same time, the resource flag omitted: "Subsequent modifications are ignored".
    const retitled = svc.Events.update(
      { ...at('2026-02-11', '18:00', '20:00'), summary: 'Autre titre', attendees: [{ email: ROOM }] },
      a,
      String(other.id),
    );
    expect(retitled.attendees).toEqual([{ email: ROOM, resource: true, responseStatus: 'accepted' }]);
    // Moved onto the first event's slot: the room is busy then and declines.
    const moved = svc.Events.update(
      at('2026-02-10', '19:00', '20:00', { attendees: [{ email: ROOM, resource: true }] }),
      a,
      String(other.id),
    );
    expect(moved.attendees?.[0].responseStatus).toBe('declined');
    expect(first.attendees?.[0].responseStatus).toBe('accepted');
  });

  test('_setRoomAnswer makes a room decline whatever it is offered; _roomResponds changes an answer later and lists it as a change', () => {
    const { svc, a } = setup();
    const kept = svc.Events.insert(
      at('2026-03-10', '18:00', '20:00', { attendees: [{ email: ROOM, resource: true }] }),
      a,
    );
    const page = svc.Events.list(a, { showDeleted: true });
    svc._setRoomAnswer(ROOM, 'declined');
    const refused = svc.Events.insert(
      at('2026-03-12', '18:00', '20:00', { attendees: [{ email: ROOM, resource: true }] }),
      a,
    );
    expect(refused.attendees?.[0].responseStatus).toBe('declined');
    svc._setRoomAnswer(ROOM, null);
    svc._roomResponds(a, String(kept.id), ROOM, 'declined');
    const changes = svc.Events.list(a, { syncToken: page.nextSyncToken, showDeleted: true });
    // events/list: "unspecified, stable order" — compared as a set.
    const listed = (changes.items ?? []).map((e) => [e.id, e.attendees?.[0].responseStatus]);
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        [refused.id, 'declined'],
        [kept.id, 'declined'],
      ]),
    );
  });
});
