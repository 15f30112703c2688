/**
 * No double booking on save (src/server/bookings/conflicts.ts), on the shipped bundle: two
 * confirmed bookings of one space never overlap (recurrences included), an option is kept and
 * flagged, an event of the space's calendar that Pilote did not create counts as occupied, and of
 * two simultaneous submissions of one slot exactly one is stored.
 */
import { KEY_ROW, columnLetter } from '../../src/schema';
import { seedLabels } from '../../local/fixtures';
import { type Harness, setUpHarness, sheetDisplay } from './harness';

interface Saved {
  id: string;
  row: number;
  duplicate: boolean;
}
type Answer =
  | { ok: true; data: Saved }
  | { ok: false; error: { code: string; message: string; field?: string } };

let counter = 0;
function save(h: Harness, values: Record<string, string>, id: string | null = null): Answer {
  counter += 1;
  return h.api<Saved>('saveRecord', {
    sheet: 'bookings',
    id,
    requestId: `conflict-${String(counter).padStart(6, '0')}`,
    values,
  }).result as Answer;
}

function harness(): Harness {
  const h = setUpHarness();
  seedLabels(h.emulator, 'spaces', ['Grande halle', 'Petite salle']);
  return h;
}

function column(h: Harness, key: string): string[] {
  const rows = sheetDisplay(h, 'Réservations');
  const at = rows[KEY_ROW - 1].indexOf(key);
  if (at < 0) throw new Error(`no column ${key}`);
  return rows.slice(KEY_ROW + 1).map((r) => r[at]);
}
const filled = (values: string[]) => values.filter((v) => v !== '');

const RES1 = {
  space: 'Grande halle',
  title: 'Assemblée générale',
  startDate: '03/01/2026',
  startTime: '14:00',
  endTime: '18:00',
  status: 'Confirmée',
};

describe('a confirmed booking over another confirmed one', () => {
  test('is refused with a French error naming the other booking, its date and time; nothing written', () => {
    const h = harness();
    const first = save(h, RES1);
    expect(first.ok).toBe(true);
    const before = sheetDisplay(h, 'Réservations');
    const second = save(h, { ...RES1, title: 'Répétition', startTime: '15:00', endTime: '16:00' });
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'booking.conflict',
        field: 'startDate',
        message: expect.stringContaining(
          'RES-0001 «\u00a0Assemblée générale\u00a0» le 03/01/2026 14:00–18:00',
        ),
      },
    });
    expect(sheetDisplay(h, 'Réservations')).toEqual(before);
  });

  test('back to back (ending at 14:00, starting at 14:00) and another space are accepted', () => {
    const h = harness();
    expect(save(h, RES1).ok).toBe(true);
    expect(save(h, { ...RES1, title: 'Avant', startTime: '10:00', endTime: '14:00' }).ok).toBe(true);
    expect(save(h, { ...RES1, title: 'Ailleurs', space: 'Petite salle' }).ok).toBe(true);
    expect(save(h, { ...RES1, title: 'Demande', status: 'Demande' }).ok).toBe(true);
    expect(filled(column(h, 'id'))).toEqual(['RES-0001', 'RES-0002', 'RES-0003', 'RES-0004']);
  });

  test('an edit does not conflict with itself, but moving onto another booking is refused', () => {
    const h = harness();
    const a = save(h, RES1);
    const b = save(h, { ...RES1, title: 'Soirée', startTime: '19:00', endTime: '22:00' });
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(save(h, { title: 'Assemblée générale (2)' }, a.data.id).ok).toBe(true);
    const moved = save(h, { startTime: '17:00' }, b.data.id);
    expect(moved).toMatchObject({ ok: false, error: { code: 'booking.conflict' } });
    expect(column(h, 'startTime')[1]).toBe('19:00');
  });
});

describe('recurring bookings', () => {
  const weekly = {
    space: 'Grande halle',
    title: 'Yoga du lundi',
    startDate: '05/01/2026',
    startTime: '10:00',
    endTime: '12:00',
    recurrence: 'Chaque semaine',
    status: 'Confirmée',
  };

  test('a one-off on a later Monday of a weekly booking is refused, naming that occurrence', () => {
    const h = harness();
    expect(save(h, weekly).ok).toBe(true);
    const monday = save(h, {
      ...RES1,
      title: 'Réunion',
      startDate: '02/03/2026',
      startTime: '11:00',
      endTime: '13:00',
    });
    expect(monday).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('RES-0001 «\u00a0Yoga du lundi\u00a0» le 02/03/2026 10:00–12:00'),
      },
    });
    // A Tuesday is free, and so is a Monday after « Répéter jusqu’au ».
    expect(
      save(h, { ...RES1, title: 'Mardi', startDate: '03/03/2026', startTime: '11:00', endTime: '13:00' }).ok,
    ).toBe(true);
  });

  test('« Répéter jusqu’au » bounds the series; fortnightly skips the odd weeks', () => {
    const h = harness();
    expect(save(h, { ...weekly, recurrenceUntil: '26/01/2026' }).ok).toBe(true);
    expect(
      save(h, { ...RES1, title: 'Après', startDate: '02/02/2026', startTime: '10:00', endTime: '11:00' }).ok,
    ).toBe(true);
    expect(
      save(h, {
        ...weekly,
        space: 'Petite salle',
        title: 'Quinzaine',
        recurrence: 'Toutes les deux semaines',
      }).ok,
    ).toBe(true);
    expect(
      save(h, {
        ...RES1,
        space: 'Petite salle',
        title: 'Semaine impaire',
        startDate: '12/01/2026',
        startTime: '10:00',
        endTime: '11:00',
      }).ok,
    ).toBe(true);
    expect(
      save(h, {
        ...RES1,
        space: 'Petite salle',
        title: 'Semaine paire',
        startDate: '19/01/2026',
        startTime: '10:00',
        endTime: '11:00',
      }),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('le 19/01/2026 10:00–12:00') } });
  });
});

describe('options', () => {
  test('an option over a confirmed booking is kept and flagged in « Conflit » (orange)', () => {
    const h = harness();
    expect(save(h, RES1).ok).toBe(true);
    const option = save(h, {
      ...RES1,
      title: 'Peut-être',
      startTime: '15:00',
      endTime: '16:00',
      status: 'Option',
    });
    expect(option.ok).toBe(true);
    const flags = column(h, 'conflictWith');
    expect(flags[0]).toBe('');
    expect(flags[1]).toBe('RES-0001 «\u00a0Assemblée générale\u00a0» 03/01/2026 14:00–18:00');
    if (!option.ok) return;
    const conflictAt = sheetDisplay(h, 'Réservations')[KEY_ROW - 1].indexOf('conflictWith');
    const a1 = `${columnLetter(conflictAt)}${option.data.row}`;
    expect(h.emulator.spreadsheetApp._formatAt('Réservations', a1)?.background).toBe('#fce8b2');
    // Moved away, the flag is cleared.
    expect(save(h, { startTime: '18:00', endTime: '19:00' }, option.data.id).ok).toBe(true);
    expect(column(h, 'conflictWith')[1]).toBe('');
  });

  test('a confirmed booking over an option is accepted and flagged', () => {
    const h = harness();
    expect(save(h, { ...RES1, status: 'Option' }).ok).toBe(true);
    expect(save(h, { ...RES1, title: 'Confirmée par-dessus' }).ok).toBe(true);
    expect(column(h, 'conflictWith')[1]).toContain('RES-0001');
  });
});

describe('events of the space’s calendar', () => {
  test('an event Pilote did not create is occupied: one list call, bounded by timeMin/timeMax', () => {
    const h = harness();
    const cal = h.emulator.calendar;
    const calendarId = cal.Calendars.insert({ summary: 'Grande halle', timeZone: 'Europe/Paris' })
      .id as string;
    cal._addExternalEvent(calendarId, {
      summary: 'Concert (réservé par téléphone)',
      start: { dateTime: '2026-01-03T20:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2026-01-03T23:00:00', timeZone: 'Europe/Paris' },
    });
    // The space's « Agenda » column holds that calendar.
    const spaces = sheetDisplay(h, 'Espaces');
    const at = spaces[KEY_ROW - 1].indexOf('calendarId');
    const row = spaces.findIndex((r) => r.includes('Grande halle')) + 1;
    h.ss
      .getSheetByName('Espaces')
      ?.getRange(row, at + 1)
      .setValue(`'${calendarId}`);
    const writes = cal._writes().length;
    const refused = save(h, { ...RES1, startTime: '21:00', endTime: '22:00' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'booking.conflictOutside',
        message: expect.stringContaining(
          '«\u00a0Concert (réservé par téléphone)\u00a0» le 03/01/2026 20:00–23:00',
        ),
      },
    });
    const stats = h.runner.lastStats;
    const lists = stats?.log.filter((c) => c.method === 'Events.list') ?? [];
    expect(lists).toHaveLength(1);
    expect(save(h, RES1).ok).toBe(true);
    // Reading never writes to the calendar.
    expect(cal._writes().length).toBe(writes);
  });
});

describe('two simultaneous submissions of one slot', () => {
  test('exactly one is stored; the other gets the French error naming it', () => {
    const h = harness();
    const t0 = h.emulator.runtime.clock.now();
    // Both arrive at the same instant; the document lock runs them one after the other.
    h.emulator.runtime.clock.set(t0);
    const a = save(h, { ...RES1, title: 'Demande d’Awa' });
    h.emulator.runtime.clock.set(t0);
    const b = save(h, { ...RES1, title: 'Demande de Bruno' });
    const answers = [a, b];
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    const loser = answers.find((x) => !x.ok);
    expect(loser).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('RES-0001 «\u00a0Demande d’Awa\u00a0» le 03/01/2026 14:00–18:00'),
      },
    });
    expect(filled(column(h, 'id'))).toEqual(['RES-0001']);
  });
});
