/**
 * « Proposer le planning de la semaine » on the emulator: the proposal written into « Ouverture et
 * fermeture » under the document lock (one block of new lines, one journal line), nothing written
 * the second time nor on a retried request, a line a person edited in the sheet never rewritten,
 * unreadable opening hours refused in French with nothing written, and today's rota read back.
 */
import { type Harness, setUpHarness, sheetDisplay } from './harness';

interface WeekAnswer {
  weekStart: string;
  inserted: number;
  updated: number;
  kept: number;
  unstaffed: number;
  unmatched: string[];
  duplicate: boolean;
  message: string;
}

const ROTA = 'Ouverture et fermeture';

function setSetting(h: Harness, key: string, value: string): void {
  const rows = sheetDisplay(h, 'Paramètres du lieu');
  const at = rows.findIndex((r) => r[0] === key);
  if (at < 0) throw new Error(`no setting ${key}`);
  h.emulator.spreadsheetApp._userEdit('Paramètres du lieu', `C${at + 1}`, value);
}

function save(h: Harness, sheet: string, values: Record<string, unknown>, requestId: string): void {
  const { result } = h.api('saveRecord', { sheet, values, requestId });
  if (!result.ok) throw new Error(`${sheet}: ${JSON.stringify(result.error)}`);
}

/** The rota's lines by column key (row 1 holds the keys), display values. */
function rotaLines(h: Harness): Record<string, string>[] {
  const rows = sheetDisplay(h, ROTA);
  const keys = rows[0];
  return rows
    .slice(2)
    .filter((r) => r[keys.indexOf('id')] !== '')
    .map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]])));
}

const brief = (l: Record<string, string>) => [l.date, l.shift, l.startTime, l.endTime, l.person, l.notes];

function columnLetter(h: Harness, key: string): string {
  const at = sheetDisplay(h, ROTA)[0].indexOf(key);
  return String.fromCharCode(65 + at);
}

let seed: Harness | null = null;

/** A set-up workbook with hours, three contacts who volunteer, one who has no contact, one booking. */
function venue(): Harness {
  const h = setUpHarness();
  setSetting(h, 'openingHours', 'mar-ven 9h-18h ; sam 10h-14h');
  let n = 0;
  const id = () => {
    n += 1;
    return `rota-seed-${String(n).padStart(4, '0')}`;
  };
  save(h, 'spaces', { name: 'Grande salle', capacity: '80' }, id());
  for (const name of ['Alice Martin', 'Bruno Petit', 'Chloé Roux'])
    save(h, 'contacts', { fullName: name }, id());
  save(
    h,
    'volunteers',
    {
      fullName: 'Alice Martin',
      contact: 'Alice Martin',
      rotaShifts: 'Ouverture, Fermeture',
      rotaWeekdays: 'mardi, mercredi, jeudi',
    },
    id(),
  );
  save(
    h,
    'volunteers',
    { fullName: 'Bruno Petit', rotaShifts: 'Ouverture', rotaWeekdays: 'mardi, vendredi, samedi' },
    id(),
  );
  save(
    h,
    'volunteers',
    {
      fullName: 'Chloé Roux',
      contact: 'Chloé Roux',
      rotaShifts: 'Fermeture',
      rotaWeekdays: 'mercredi, vendredi, samedi',
    },
    id(),
  );
  save(
    h,
    'volunteers',
    { fullName: 'Zoé Sans-Fiche', rotaShifts: 'Ouverture', rotaWeekdays: 'samedi' },
    id(),
  );
  save(
    h,
    'bookings',
    {
      space: 'Grande salle',
      title: 'Chorale',
      startDate: '08/09/2026',
      startTime: '19h00',
      endTime: '21h30',
      status: 'Confirmée',
    },
    id(),
  );
  return h;
}

function fresh(): Harness {
  if (!seed) seed = venue();
  return seed;
}

test('the coming week is proposed and written in one block, journaled once', () => {
  const h = fresh();
  const before = sheetDisplay(h, 'Journal').length;
  const { result, stats } = h.api<WeekAnswer>('proposeRotaWeek', {
    weekOf: '07/09/2026',
    requestId: 'rota-req-0001',
  });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.data).toMatchObject({
    weekStart: '2026-09-07',
    inserted: 10,
    updated: 0,
    kept: 0,
    unstaffed: 0,
    unmatched: ['Zoé Sans-Fiche'],
    duplicate: false,
  });
  expect(result.data.message).toBe(
    'Planning de la semaine du 07/09/2026\u00a0: 10 ligne(s) ajoutée(s), 0 mise(s) à jour, 0 modifiée(s) à la main et gardée(s), 0 créneau(x) sans personne. Sans fiche contact, donc non proposé·es\u00a0: Zoé Sans-Fiche.',
  );
  expect(rotaLines(h).map(brief)).toEqual([
    ['08/09/2026', 'Ouverture', '09:00', '', 'Alice Martin', ''],
    ['08/09/2026', 'Fermeture', '', '21:30', 'Alice Martin', ''],
    ['09/09/2026', 'Ouverture', '09:00', '', 'Alice Martin', ''],
    ['09/09/2026', 'Fermeture', '', '18:00', 'Chloé Roux', ''],
    ['10/09/2026', 'Ouverture', '09:00', '', 'Alice Martin', ''],
    ['10/09/2026', 'Fermeture', '', '18:00', 'Alice Martin', ''],
    ['11/09/2026', 'Ouverture', '09:00', '', 'Bruno Petit', ''],
    ['11/09/2026', 'Fermeture', '', '18:00', 'Chloé Roux', ''],
    ['12/09/2026', 'Ouverture', '10:00', '', 'Bruno Petit', ''],
    ['12/09/2026', 'Fermeture', '', '14:00', 'Chloé Roux', ''],
  ]);
  expect(rotaLines(h).every((l) => /^[0-9a-f]{8}$/.test(l.proposedHash))).toBe(true);
  expect(stats.byMethod['Lock.tryLock']).toBe(1);
  expect(stats.byMethod['Range.setValues']).toBe(1);
  expect(stats.byMethod['Sheet.appendRow']).toBe(1);
  expect(stats.writes).toBe(2);
  const journal = sheetDisplay(h, 'Journal');
  expect(journal.length).toBe(before + 1);
  expect(journal[journal.length - 1]).toEqual(expect.arrayContaining([ROTA, 'Création', 'rota-req-0001']));
});

test('run again: nothing written; the same request again: nothing read but the journal', () => {
  const h = fresh();
  const again = h.api<WeekAnswer>('proposeRotaWeek', { weekOf: '2026-09-10', requestId: 'rota-req-0002' });
  if (!again.result.ok) throw new Error(again.result.error.message);
  expect(again.result.data).toMatchObject({ inserted: 0, updated: 0, duplicate: false });
  expect(again.stats.writes).toBe(0);
  const retry = h.api<WeekAnswer>('proposeRotaWeek', { weekOf: '07/09/2026', requestId: 'rota-req-0001' });
  if (!retry.result.ok) throw new Error(retry.result.error.message);
  expect(retry.result.data).toMatchObject({ duplicate: true, inserted: 0 });
  expect(retry.result.data.message).toBe('Cette demande a déjà été traitée\u00a0: rien n’a été réécrit.');
  expect(retry.stats.writes).toBe(0);
  expect(retry.stats.byMethod['Range.getValues'] ?? 0).toBe(0);
  expect(rotaLines(h)).toHaveLength(10);
});

test('a line a person edited in the sheet is kept; untouched lines are updated in place', () => {
  const h = fresh();
  const lines = rotaLines(h);
  // Someone swaps Tuesday's closing to Bruno and ticks Friday opening's alarm.
  const tuesdayClose = lines.findIndex((l) => l.date === '08/09/2026' && l.shift === 'Fermeture');
  h.emulator.spreadsheetApp._userEdit(ROTA, `${columnLetter(h, 'person')}${tuesdayClose + 3}`, 'Bruno Petit');
  const fridayOpen = lines.findIndex((l) => l.date === '11/09/2026' && l.shift === 'Ouverture');
  h.emulator.spreadsheetApp._userEdit(ROTA, `${columnLetter(h, 'alarmChecked')}${fridayOpen + 3}`, 'VRAI');
  // The venue now opens at 8:30 on weekdays.
  setSetting(h, 'openingHours', 'mar-ven 8h30-18h ; sam 10h-14h');
  const { result, stats } = h.api<WeekAnswer>('proposeRotaWeek', {
    weekOf: '07/09/2026',
    requestId: 'rota-req-0003',
  });
  if (!result.ok) throw new Error(result.error.message);
  // Openings Tue, Wed, Thu move to 08:30 (Friday's is kept: its checklist is ticked).
  expect(result.data).toMatchObject({ inserted: 0, updated: 3, kept: 2 });
  const after = rotaLines(h);
  expect(after).toHaveLength(10);
  expect(after.map(brief)).toEqual([
    ['08/09/2026', 'Ouverture', '08:30', '', 'Alice Martin', ''],
    ['08/09/2026', 'Fermeture', '', '21:30', 'Bruno Petit', ''],
    ['09/09/2026', 'Ouverture', '08:30', '', 'Alice Martin', ''],
    ['09/09/2026', 'Fermeture', '', '18:00', 'Chloé Roux', ''],
    ['10/09/2026', 'Ouverture', '08:30', '', 'Alice Martin', ''],
    ['10/09/2026', 'Fermeture', '', '18:00', 'Alice Martin', ''],
    ['11/09/2026', 'Ouverture', '09:00', '', 'Bruno Petit', ''],
    ['11/09/2026', 'Fermeture', '', '18:00', 'Chloé Roux', ''],
    ['12/09/2026', 'Ouverture', '10:00', '', 'Bruno Petit', ''],
    ['12/09/2026', 'Fermeture', '', '14:00', 'Chloé Roux', ''],
  ]);
  expect(stats.byMethod['Sheet.appendRow']).toBe(1);
  expect(stats.byMethod['Range.setValues']).toBeGreaterThanOrEqual(3);
  const journal = sheetDisplay(h, 'Journal');
  expect(journal[journal.length - 1]).toEqual(
    expect.arrayContaining([ROTA, 'Modification', 'rota-req-0003']),
  );
});

test('unreadable opening hours: a French error, nothing written', () => {
  const h = fresh();
  setSetting(h, 'openingHours', 'lun-ven 9h-18h ; samedy 10h-14h');
  const { result, stats } = h.api('proposeRotaWeek', { weekOf: '14/09/2026', requestId: 'rota-req-0004' });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('openingHours.unknownDay');
  expect(result.error.message).toBe(
    'Horaires d’ouverture\u00a0: jour inconnu «\u00a0samedy\u00a0» dans «\u00a0samedy 10h-14h\u00a0» (lun, mar… dim).',
  );
  expect(stats.writes).toBe(0);
  const bad = h.api('proposeRotaWeek', { weekOf: '31/02/2026', requestId: 'rota-req-0005' });
  expect(bad.result.ok).toBe(false);
  if (!bad.result.ok) expect(bad.result.error.code).toBe('rota.invalidWeek');
  expect(bad.stats.writes).toBe(0);
  setSetting(h, 'openingHours', 'mar-ven 8h30-18h ; sam 10h-14h');
});

test('today’s rota: who opens and closes, times and checklist, one read, no write', () => {
  const h = fresh();
  // The emulator's clock is Tuesday 1 September 2026: propose that week first.
  const week = h.api<WeekAnswer>('proposeRotaWeek', { weekOf: '01/09/2026', requestId: 'rota-req-0006' });
  if (!week.result.ok) throw new Error(week.result.error.message);
  const lines = rotaLines(h);
  const open = lines.findIndex((l) => l.date === '01/09/2026' && l.shift === 'Ouverture');
  h.emulator.spreadsheetApp._userEdit(ROTA, `${columnLetter(h, 'alarmChecked')}${open + 3}`, 'VRAI');
  h.emulator.spreadsheetApp._userEdit(ROTA, `${columnLetter(h, 'lightsChecked')}${open + 3}`, 'VRAI');
  const { result, stats } = h.api<{ date: string; lines: Record<string, unknown>[] }>('getTodayRota');
  if (!result.ok) throw new Error(result.error.message);
  expect(result.data.date).toBe('2026-09-01');
  expect(result.data.lines).toEqual([
    expect.objectContaining({
      shift: 'Ouverture',
      startTime: '08:30',
      person: 'Alice Martin',
      checked: ['Alarme', 'Lumières'],
      unchecked: ['Fenêtres', 'Chauffage', 'Portes'],
    }),
    expect.objectContaining({ shift: 'Fermeture', endTime: '18:00', person: 'Alice Martin', checked: [] }),
  ]);
  expect(stats.writes).toBe(0);
  expect(stats.byMethod['Range.getValues']).toBe(1);
});
