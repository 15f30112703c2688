/**
 * The week's rota proposed from opening hours and confirmed bookings, checked by hand line by
 * line (week of Monday 7 September 2026).
 */
import { parseOpeningHours } from '../../src/domain/rota/opening-hours';
import {
  type ExistingRotaLine,
  type ProposedLine,
  proposeRota,
  ROTA_NOTES,
  type RotaBooking,
  type RotaPerson,
  rotaLineHash,
} from '../../src/domain/rota/propose';

const hours = (() => {
  const r = parseOpeningHours('mar-ven 9h-18h ; sam 10h-14h');
  if (!r.ok) throw new Error('unreadable');
  return r.hours;
})();

const bookings: RotaBooking[] = [
  // Weekly from Tuesday 1 September, 19:00–21:30: Tuesday 8 closes at 21:30.
  {
    status: 'Confirmée',
    startDate: '2026-09-01',
    startTime: '19:00',
    endTime: '21:30',
    recurrence: 'Chaque semaine',
  },
  // Wednesday 9, 8:00–10:00: Wednesday opens at 8:00.
  { status: 'Confirmée', startDate: '2026-09-09', startTime: '08:00', endTime: '10:00' },
  // Friday 11, 20:00 → 01:00 (no end date, crosses midnight): Friday closes at 01:00 the next day.
  { status: 'Confirmée', startDate: '2026-09-11', startTime: '20:00', endTime: '01:00' },
  // Monthly from Wednesday 12 August, 15:00–19:00: Saturday 12 September closes at 19:00.
  {
    status: 'Confirmée',
    startDate: '2026-08-12',
    startTime: '15:00',
    endTime: '19:00',
    recurrence: 'Chaque mois',
  },
  // Sunday 13, all day: the day opens, times left to the coordinator.
  { status: 'Confirmée', startDate: '2026-09-13' },
  // Not confirmed: ignored.
  { status: 'Option', startDate: '2026-09-10', startTime: '07:00', endTime: '23:00' },
  { status: 'Annulée', startDate: '2026-09-12', startTime: '22:00', endTime: '23:00' },
  // Confirmed but outside the week (the Monday after).
  { status: 'Confirmée', startDate: '2026-09-14', startTime: '06:00', endTime: '23:00' },
];

const MO = 0;
const TU = 1;
const WE = 2;
const TH = 3;
const FR = 4;
const SA = 5;
const SU = 6;
const people: RotaPerson[] = [
  { name: 'Alice Martin', shifts: ['Ouverture', 'Fermeture'], weekdays: [TU, WE, TH] },
  { name: 'Bruno Petit', shifts: ['Ouverture'], weekdays: [TU, FR, SA] },
  { name: 'Chloé Roux', shifts: ['Fermeture', 'Permanence'], weekdays: [WE, FR, SA, SU] },
  { name: 'David Simon', shifts: ['Ouverture', 'Fermeture'], weekdays: [TH, SA] },
  // Can open, but on Mondays only, when the place is closed.
  { name: 'Emma Leroy', shifts: ['Ouverture'], weekdays: [MO] },
];

function pilote(id: string, line: ProposedLine, current: Partial<ExistingRotaLine> = {}): ExistingRotaLine {
  return { id, ...line, proposedHash: rotaLineHash(line), ticked: false, ...current };
}

const line = (date: string, shift: 'Ouverture' | 'Fermeture', rest: Partial<ProposedLine>): ProposedLine => ({
  date,
  shift,
  startTime: null,
  endTime: null,
  person: null,
  backup: null,
  notes: null,
  ...rest,
});

const existing: ExistingRotaLine[] = [
  // Proposed by Pilote, untouched, now proposed to someone else: updated in place.
  pilote('ROT-0001', line('2026-09-08', 'Ouverture', { startTime: '09:00', person: 'Bruno Petit' })),
  // Proposed to Alice, then a person changed it to David: kept, David has one shift.
  pilote('ROT-0002', line('2026-09-09', 'Ouverture', { startTime: '08:00', person: 'Alice Martin' }), {
    person: 'David Simon',
  }),
  // Typed by hand (no fingerprint): kept, Thursday's closing is not proposed.
  {
    id: 'ROT-0003',
    date: '2026-09-10',
    shift: 'Fermeture',
    startTime: null,
    endTime: '18:00',
    person: 'Élise Blanc',
    backup: null,
    notes: null,
    proposedHash: null,
    ticked: false,
  },
  // Proposed by Pilote, untouched and the same as today's proposal: nothing written.
  pilote('ROT-0004', line('2026-09-11', 'Ouverture', { startTime: '09:00', person: 'Bruno Petit' })),
  // Proposed by Pilote and its checklist ticked: a person's line now, kept.
  pilote('ROT-0005', line('2026-09-12', 'Fermeture', { endTime: '19:00', person: 'Chloé Roux' }), {
    ticked: true,
  }),
  // Another week: not looked at.
  { ...pilote('ROT-0006', line('2026-09-01', 'Ouverture', { startTime: '09:00', person: 'Bruno Petit' })) },
];

test('the proposed rota for a week with bookings matches hand-checked expectations', () => {
  const proposal = proposeRota({ weekOf: '2026-09-10', openingHours: hours, bookings, people, existing });
  expect(proposal.weekStart).toBe('2026-09-07');
  // When the place is open (minutes since the day's midnight).
  expect(proposal.days.map((d) => [d.date, d.open, d.start, d.end])).toEqual([
    ['2026-09-07', false, null, null], // Monday: no hours, no booking (Emma is never asked)
    ['2026-09-08', true, 9 * 60, 21 * 60 + 30], // hours 9–18, weekly booking until 21:30
    ['2026-09-09', true, 8 * 60, 18 * 60], // booking from 8:00, hours until 18:00
    ['2026-09-10', true, 9 * 60, 18 * 60], // the option 7:00–23:00 does not count
    ['2026-09-11', true, 9 * 60, 25 * 60], // until 01:00 the next day
    ['2026-09-12', true, 10 * 60, 19 * 60], // hours 10–14, monthly booking until 19:00
    ['2026-09-13', true, null, null], // all-day booking on a closed day
  ]);
  // Fewest shifts first; counts start with the kept lines (David 1, Chloé 1, Élise 1).
  expect(proposal.lines).toEqual([
    // Tue: Alice and Bruno both at 0, Alice first in « Bénévoles ».
    line('2026-09-08', 'Ouverture', { startTime: '09:00', person: 'Alice Martin' }),
    // Tue closing: only Alice closes on Tuesdays (she already opens: nobody else can).
    line('2026-09-08', 'Fermeture', { endTime: '21:30', person: 'Alice Martin' }),
    // Wed opening kept (David). Wed closing: Alice 2, Chloé 1 → Chloé.
    line('2026-09-09', 'Fermeture', { endTime: '18:00', person: 'Chloé Roux' }),
    // Thu opening: Alice 2, David 1 → David. Thu closing kept (Élise).
    line('2026-09-10', 'Ouverture', { startTime: '09:00', person: 'David Simon' }),
    // Fri: only Bruno opens, only Chloé closes on Fridays.
    line('2026-09-11', 'Ouverture', { startTime: '09:00', person: 'Bruno Petit' }),
    line('2026-09-11', 'Fermeture', {
      endTime: '01:00',
      person: 'Chloé Roux',
      notes: ROTA_NOTES.afterMidnight,
    }),
    // Sat opening: Bruno 1, David 2 → Bruno. Sat closing kept (ticked checklist).
    line('2026-09-12', 'Ouverture', { startTime: '10:00', person: 'Bruno Petit' }),
    // Sun: nobody opens on Sundays — left empty and flagged; Chloé closes.
    line('2026-09-13', 'Ouverture', { notes: `${ROTA_NOTES.nobody} ${ROTA_NOTES.allDay}` }),
    line('2026-09-13', 'Fermeture', { person: 'Chloé Roux', notes: ROTA_NOTES.allDay }),
  ]);
  expect(proposal.updates).toEqual([{ id: 'ROT-0001', line: proposal.lines[0] }]);
  expect(proposal.inserts).toEqual([1, 2, 3, 5, 6, 7, 8].map((i) => proposal.lines[i]));
  expect(proposal.kept.map((l) => l.id)).toEqual(['ROT-0002', 'ROT-0003', 'ROT-0005']);
  expect(proposal.unstaffed).toEqual([{ date: '2026-09-13', shift: 'Ouverture' }]);
});

test('a second run over what the first wrote proposes no write', () => {
  const first = proposeRota({ weekOf: '2026-09-07', openingHours: hours, bookings, people, existing });
  const written: ExistingRotaLine[] = [
    ...existing.filter((l) => !first.updates.some((u) => u.id === l.id)),
    ...first.updates.map((u) => pilote(u.id, u.line)),
    ...first.inserts.map((l, i) => pilote(`ROT-01${String(i).padStart(2, '0')}`, l)),
  ];
  const second = proposeRota({
    weekOf: '2026-09-13',
    openingHours: hours,
    bookings,
    people,
    existing: written,
  });
  expect(second.inserts).toEqual([]);
  expect(second.updates).toEqual([]);
  expect(second.lines).toEqual(first.lines);
});

test('a line whose person, time or notes a person changed is kept, whatever changed', () => {
  const proposed = line('2026-09-08', 'Ouverture', { startTime: '09:00', person: 'Alice Martin' });
  for (const change of [
    { startTime: '08:45' },
    { notes: 'Clés chez la voisine' },
    { backup: 'Bruno Petit' },
  ]) {
    const proposal = proposeRota({
      weekOf: '2026-09-08',
      openingHours: hours,
      bookings: [],
      people,
      existing: [pilote('ROT-0009', proposed, change)],
    });
    expect(proposal.kept.map((l) => l.id)).toEqual(['ROT-0009']);
    expect(proposal.lines.some((l) => l.date === '2026-09-08' && l.shift === 'Ouverture')).toBe(false);
    expect(proposal.updates).toEqual([]);
  }
});

test('a hand-typed « Ouverture et fermeture » line covers both shifts of its day', () => {
  const proposal = proposeRota({
    weekOf: '2026-09-08',
    openingHours: hours,
    bookings: [],
    people,
    existing: [
      {
        id: 'ROT-0010',
        date: '2026-09-08',
        shift: 'Ouverture et fermeture',
        startTime: '09:00',
        endTime: '18:00',
        person: 'Bruno Petit',
        backup: null,
        notes: null,
        proposedHash: null,
        ticked: false,
      },
    ],
  });
  expect(proposal.lines.filter((l) => l.date === '2026-09-08')).toEqual([]);
  // Bruno has one shift already: Friday's opening is still his (only one who opens then).
  expect(proposal.lines.find((l) => l.date === '2026-09-11' && l.shift === 'Ouverture')?.person).toBe(
    'Bruno Petit',
  );
});

test('a residency over three days: first day to midnight, middle day whole, last day to its end', () => {
  const proposal = proposeRota({
    weekOf: '2026-09-07',
    openingHours: hours,
    bookings: [
      {
        status: 'Confirmée',
        startDate: '2026-09-08',
        startTime: '07:30',
        endDate: '2026-09-10',
        endTime: '20:00',
      },
    ],
    people,
    existing: [],
  });
  expect(proposal.days.slice(1, 4).map((d) => [d.date, d.start, d.end])).toEqual([
    ['2026-09-08', 7 * 60 + 30, 1440], // opens at 7:30, closes at midnight
    ['2026-09-09', 9 * 60, 18 * 60], // covered whole: the opening hours say when
    ['2026-09-10', 9 * 60, 20 * 60], // closes at the booking's end
  ]);
  const tuesdayClose = proposal.lines.find((l) => l.date === '2026-09-08' && l.shift === 'Fermeture');
  expect(tuesdayClose).toMatchObject({ endTime: '00:00', notes: ROTA_NOTES.afterMidnight });
});
