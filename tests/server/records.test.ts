/** Creating and editing records through the API, as the sidebar does, on the shipped bundle. */
import { FIRST_DATA_ROW, HEADER_ROW } from '../../src/schema';
import { FORMULA_BLOCK_ROWS } from '../../src/schema/layout';
import { seedBookings, seedLabels, seedRows } from '../../local/fixtures';
import { type Harness, setUpHarness as setUpWorkbook, sheetDisplay } from './harness';

const booking = {
  space: 'Grande salle',
  title: 'Atelier couture',
  startDate: '29/03/2026',
  startTime: '14h30',
  endTime: '17:00',
  status: 'Confirmée',
  expectedAttendance: '12',
  price: '1 234,50',
  paid: 'oui',
  notes: '=HYPERLINK("http://evil.example","clic")',
};

/**
 * A set-up workbook holding what the records below point at: references are checked against
 * their target tables, so the space, the volunteer and the account must exist.
 */
function setUpHarness(): Harness {
  const h = setUpWorkbook();
  seedLabels(h.emulator, 'spaces', ['Grande salle', 'Atelier bois']);
  seedLabels(h.emulator, 'volunteers', ['Awa Diallo']);
  seedLabels(h.emulator, 'accounts', [{ number: '606', label: 'Achats non stockés' }]);
  seedLabels(h.emulator, 'structures', ['Les Amis du Quartier', 'Café Solidaire']);
  return h;
}

let counter = 0;
const requestId = () => {
  counter += 1;
  return `req-${counter.toString().padStart(8, '0')}`;
};

function columnOf(h: Harness, sheetName: string, header: string): number {
  const sheet = h.ss.getSheetByName(sheetName)!;
  const headers = sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column ${header} in ${sheetName}`);
  return at + 1;
}

function cell(h: Harness, sheetName: string, row: number, header: string) {
  const range = h.ss.getSheetByName(sheetName)!.getRange(row, columnOf(h, sheetName, header));
  return { value: range.getValue(), display: range.getDisplayValue(), formula: range.getFormula() };
}

describe('saveRecord: create', () => {
  const h = setUpHarness();
  const { result, stats } = h.api<{ id: string; row: number; duplicate: boolean }>('saveRecord', {
    sheet: 'bookings',
    values: booking,
    requestId: requestId(),
  });

  test('answers with the new id and row', () => {
    expect(result).toEqual({
      ok: true,
      data: { sheet: 'bookings', id: 'RES-0001', row: FIRST_DATA_ROW, duplicate: false },
    });
  });

  test('stores typed values with the column formats, French display', () => {
    const row = FIRST_DATA_ROW;
    expect(cell(h, 'Réservations', row, 'Objet').value).toBe('Atelier couture');
    expect(cell(h, 'Réservations', row, 'Date de début').display).toBe('29/03/2026');
    expect(cell(h, 'Réservations', row, 'Date de début').value).toBeInstanceOf(Date);
    expect(cell(h, 'Réservations', row, 'Heure de début').display).toBe('14:30');
    expect(cell(h, 'Réservations', row, 'Participation attendue').value).toBe(12);
    expect(cell(h, 'Réservations', row, 'Prix').value).toBe(1234.5);
    expect(cell(h, 'Réservations', row, 'Prix').display).toBe('1\u202f234,50\u00a0€');
    expect(cell(h, 'Réservations', row, 'Payée').value).toBe(true);
  });

  test('keeps a formula-looking text as text', () => {
    const notes = cell(h, 'Réservations', FIRST_DATA_ROW, 'Remarques');
    expect(notes.formula).toBe('');
    expect(notes.value).toBe(booking.notes);
  });

  test('writes one journal line saying who created what', () => {
    const journal = sheetDisplay(h, 'Journal');
    const last = journal[journal.length - 1];
    expect(last).toContain('coordination@tiers-lieu.example');
    expect(last).toContain('Création');
    expect(last).toContain('RES-0001');
    expect(last.join(' ')).toContain('Réservations\u00a0: création de «\u00a0Atelier couture\u00a0»');
  });

  test('costs 16 small service calls: one sheet write, one journal append, one read of « Espaces »', () => {
    // Lock, version, named ranges; the key row; Google-side searches for the request id and the
    // next id and the last id's cell instead of the whole table (write-cost.test.ts); the rows
    // around the end of the data; the space names; the row; the journal. A confirmed booking
    // adds the conflict check (src/server/bookings/conflicts.ts): one search of its space in
    // « Réservations » (no hit: no read), one search of the space in « Espaces » and the read of
    // its row (its calendar), the time zone.
    expect(stats.calls).toBe(16);
    expect(stats.byMethod['TextFinder.findAll']).toBe(2);
    expect(stats.byMethod['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(stats.byMethod['Range.getValues']).toBe(5);
    expect(stats.byMethod['TextFinder.findNext']).toBe(2);
    expect(stats.byMethod['Range.getNextDataCell']).toBe(1);
    expect(stats.byMethod['Range.setValues']).toBe(1);
    expect(stats.byMethod['Sheet.appendRow']).toBe(1);
    expect(stats.byMethod['Lock.tryLock']).toBe(1);
  });
});

describe('saveRecord: cost does not grow with the table', () => {
  test('the same calls at 10 and at 10,000 existing rows', () => {
    const costs = [10, 10_000].map((rows) => {
      const h = setUpHarness();
      seedBookings(h.emulator, rows);
      const { result, stats } = h.api<{ id: string; row: number }>('saveRecord', {
        sheet: 'bookings',
        values: booking,
        requestId: requestId(),
      });
      expect(result).toMatchObject({
        ok: true,
        data: { id: `RES-${String(rows + 1).padStart(4, '0')}`, row: FIRST_DATA_ROW + rows },
      });
      return { calls: stats.calls, byMethod: stats.byMethod };
    });
    expect(costs[0]).toEqual(costs[1]);
    expect(costs[0].calls).toBe(16);
  });
});

describe('saveRecord: references are checked against their tables', () => {
  test('an unknown space is refused on its field, in French, and nothing is written', () => {
    const h = setUpHarness();
    const { result, stats } = h.api('saveRecord', {
      sheet: 'bookings',
      values: { ...booking, space: 'Salle inventée' },
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'error.validation' } });
    if (result.ok) return;
    expect(result.error.fields).toEqual([
      {
        field: 'space',
        code: 'unknown_reference',
        message:
          '«\u00a0Salle inventée\u00a0» n’existe pas dans la feuille «\u00a0Espaces\u00a0»\u00a0: choisissez une valeur de la liste pour «\u00a0Espace\u00a0».',
      },
    ]);
    expect(stats.writes).toBe(0);
    expect(cell(h, 'Réservations', FIRST_DATA_ROW, 'Objet').value).toBe('');
  });

  test('a label typed without accents or capitals is stored as the target spells it', () => {
    const h = setUpHarness();
    const { result } = h.api('saveRecord', {
      sheet: 'bookings',
      values: { ...booking, space: 'grande SALLE' },
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: true });
    expect(cell(h, 'Réservations', FIRST_DATA_ROW, 'Espace').value).toBe('Grande salle');
  });

  test('each item of a multiple reference is checked; one read per referenced table', () => {
    const h = setUpHarness();
    const event = {
      title: 'Fête de quartier',
      date: '14/06/2026',
      space: 'Atelier bois',
      partners: 'cafe solidaire, Les Amis du Quartier',
    };
    const refused = h.api('saveRecord', {
      sheet: 'events',
      values: { ...event, partners: 'Café Solidaire, Inconnue' },
      requestId: requestId(),
    });
    expect(refused.result).toMatchObject({ ok: false });
    if (!refused.result.ok)
      expect(refused.result.error.fields?.map((f) => [f.field, f.code, f.message])).toEqual([
        [
          'partners',
          'unknown_reference',
          '«\u00a0Inconnue\u00a0» n’existe pas dans la feuille «\u00a0Structures\u00a0»\u00a0: choisissez une valeur de la liste pour «\u00a0Partenaires\u00a0».',
        ],
      ]);
    expect(refused.stats.writes).toBe(0);
    // The events table, « Espaces » and « Structures »: three reads, whatever the number of items.
    expect(refused.stats.byMethod['Range.getValues']).toBe(3);
    const saved = h.api<{ row: number }>('saveRecord', {
      sheet: 'events',
      values: event,
      requestId: requestId(),
    });
    expect(saved.result).toMatchObject({ ok: true });
    if (saved.result.ok)
      expect(cell(h, 'Événements', saved.result.data.row, 'Partenaires').value).toBe(
        'Café Solidaire, Les Amis du Quartier',
      );
  });

  test('an edit that leaves the references alone reads no other table', () => {
    const h = setUpHarness();
    h.api('saveRecord', { sheet: 'bookings', values: booking, requestId: requestId() });
    const { stats } = h.api('saveRecord', {
      sheet: 'bookings',
      id: 'RES-0001',
      values: { title: 'Autre titre' },
      requestId: requestId(),
    });
    expect(stats.byMethod['Range.getValues']).toBe(1);
  });

  test('a moved column is still found by its key (one more read)', () => {
    const h = setUpHarness();
    const spaces = h.ss.getSheetByName('Espaces')!;
    spaces.insertColumnBefore(2);
    const { result, stats } = h.api('saveRecord', {
      sheet: 'bookings',
      values: booking,
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: true });
    // Key row, rows around the end of the data, then the narrow and the whole read of « Espaces »;
    // the conflict check's key row and row of « Espaces ».
    expect(stats.byMethod['Range.getValues']).toBe(6);
  });
});

describe('saveRecord: double submit, update, refusals', () => {
  test('a double submit writes one row', () => {
    const h = setUpHarness();
    const request = { sheet: 'bookings', values: booking, requestId: requestId() };
    const first = h.api('saveRecord', request);
    const second = h.api('saveRecord', request);
    expect(first.result).toMatchObject({ ok: true, data: { id: 'RES-0001', duplicate: false } });
    expect(second.result).toMatchObject({ ok: true, data: { id: 'RES-0001', duplicate: true } });
    expect(second.stats.writes).toBe(0);
    expect(
      h.ss
        .getSheetByName('Réservations')!
        .getRange(FIRST_DATA_ROW + 1, columnOf(h, 'Réservations', 'Objet'))
        .getValue(),
    ).toBe('');
  });

  test('an update writes only the fields sent, stamps the row and journals the change', () => {
    const h = setUpHarness();
    h.api('saveRecord', { sheet: 'bookings', values: booking, requestId: requestId() });
    const { result, stats } = h.api('saveRecord', {
      sheet: 'bookings',
      id: 'RES-0001',
      values: { title: 'Atelier couture et réparation' },
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: true, data: { id: 'RES-0001', row: FIRST_DATA_ROW } });
    expect(cell(h, 'Réservations', FIRST_DATA_ROW, 'Objet').value).toBe('Atelier couture et réparation');
    expect(cell(h, 'Réservations', FIRST_DATA_ROW, 'Prix').value).toBe(1234.5);
    // Lock, version, named ranges, key row, searches for the request id and the record's id,
    // one setValues per run of changed columns, the journal: no read of the table's rows.
    expect(stats.calls).toBeLessThanOrEqual(10);
    expect(stats.byMethod['Range.getValues']).toBe(1);
    const journal = sheetDisplay(h, 'Journal');
    expect(journal[journal.length - 1].join(' ')).toContain(
      'modification de «\u00a0Atelier couture et réparation\u00a0» (Objet)',
    );
  });

  test('invalid input is refused field by field in French, and nothing is written', () => {
    const h = setUpHarness();
    const { result, stats } = h.api('saveRecord', {
      sheet: 'bookings',
      values: { ...booking, title: '', startDate: '31/02/2026', price: 'douze euros' },
      requestId: requestId(),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('error.validation');
    expect(result.error.message).toBe('3 champs sont à corriger.');
    const byField = Object.fromEntries((result.error.fields ?? []).map((f) => [f.field, f.message]));
    expect(byField.title).toBe('Le champ «\u00a0Objet\u00a0» est obligatoire.');
    expect(byField.startDate).toContain('«\u00a0Date de début\u00a0»');
    expect(byField.price).toContain('«\u00a0Prix\u00a0»');
    expect(stats.writes).toBe(0);
    expect(stats.calls).toBe(0);
  });

  test('an unknown or read-only field is refused', () => {
    const h = setUpHarness();
    const { result } = h.api('saveRecord', {
      sheet: 'bookings',
      values: { ...booking, calendarEventId: 'x', colour: 'rouge' },
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'error.validation' } });
    if (result.ok) return;
    expect(result.error.fields?.map((f) => f.field).sort()).toEqual(['calendarEventId', 'colour']);
  });

  test('a malformed request is refused with a clear message', () => {
    const h = setUpHarness();
    const { result } = h.api('saveRecord', { sheet: 'bookings', values: booking });
    expect(result).toMatchObject({ ok: false, error: { code: 'error.invalidArgument' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Requête invalide\u00a0: requestId/);
  });

  test('English users get English messages', () => {
    const h = setUpHarness();
    h.emulator.session._configure({ locale: 'en' });
    const { result } = h.api('saveRecord', {
      sheet: 'bookings',
      values: { ...booking, title: '' },
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: false, error: { message: 'One field needs fixing.' } });
  });

  test('a workbook stamped by a newer Pilote is refused before any write', () => {
    const h = setUpHarness();
    h.ss
      .getDeveloperMetadata()
      .find((m) => m.getKey() === 'pilote.schemaVersion')!
      .setValue('99');
    const { result, stats } = h.api('saveRecord', {
      sheet: 'bookings',
      values: booking,
      requestId: requestId(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'error.newerWorkbook' } });
    if (!result.ok) expect(result.error.message).toContain('schéma 99');
    expect(stats.writes).toBe(0);
    const setup = h.api('setupWorkbook');
    expect(setup.result).toMatchObject({ ok: false, error: { code: 'error.newerWorkbook' } });
    expect(setup.stats.writes).toBe(0);
  });
});

test('a full table grows: rows inserted inside its ranges, formats on the new rows, formulas follow', () => {
  const h = setUpHarness();
  const sheet = h.ss.getSheetByName('Opérations')!;
  const rowsBefore = sheet.getMaxRows();
  // Every row but the last (kept empty so the table can grow) holds an operation.
  seedRows(h.emulator, 'Opérations', 'OPE', 'Libellé', rowsBefore - FIRST_DATA_ROW);
  const { result, stats } = h.api<{ row: number }>('saveRecord', {
    sheet: 'operations',
    values: { date: '02/09/2026', account: '606 Achats non stockés', label: 'Achat de vis', amount: '12,50' },
    requestId: requestId(),
  });
  expect([result.ok, !result.ok && result.error.message]).toEqual([true, false]);
  expect(result).toMatchObject({ ok: true, data: { row: rowsBefore } });
  expect(sheet.getMaxRows()).toBe(rowsBefore + 1000);
  const amountAt = columnOf(h, 'Opérations', 'Montant');
  expect(sheet.getRange(rowsBefore, amountAt).getNumberFormat()).toBe('#,##0.00 [$€-1]');
  expect(sheet.getRange(rowsBefore + 999, amountAt).getNumberFormat()).toBe('#,##0.00 [$€-1]');
  const table = h.ss
    .getNamedRanges()
    .find((n) => n.getName() === 'PILOTE_T_OPERATIONS')!
    .getRange();
  expect(table.getNumRows()).toBe(rowsBefore + 1000);
  const budget = h.ss.getSheetByName('Budget prévisionnel')!;
  const actual = budget.getRange(FIRST_DATA_ROW, columnOf(h, 'Budget prévisionnel', 'Réalisé')).getFormula();
  expect(actual).toContain(`$${rowsBefore + 1000}`);
  // Every range over « Opérations » grew; ranges over other tables did not have to.
  expect(actual).not.toMatch(new RegExp(`Opérations!\\$[A-Z]+\\$3:\\$[A-Z]+\\$${rowsBefore},`));
  // Growing reads every table's key row (dropdowns point at other tables): once every 1,000 records.
  // 82 measured with issue 12's three new tables.
  expect(stats.calls).toBeLessThan(85);
});

test('computed columns keep up: the record after the last pre-filled formula row gets its formula', () => {
  const h = setUpHarness();
  const sheet = h.ss.getSheetByName('Heures de bénévolat')!;
  const headers = sheet.getRange(HEADER_ROW, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  const valued = headers.indexOf('Valorisation') + 1;
  let last = FIRST_DATA_ROW;
  while (sheet.getRange(last + 1, valued).getFormula() !== '') last += 1;
  seedRows(h.emulator, 'Heures de bénévolat', 'HEU', 'Ce qui a été fait', last - FIRST_DATA_ROW);
  const { result } = h.api<{ row: number }>('saveRecord', {
    sheet: 'volunteerHours',
    values: {
      date: '02/09/2026',
      volunteer: 'Awa Diallo',
      taskType: 'Accueil et permanence',
      description: 'Accueil',
      hours: '2h',
    },
    requestId: requestId(),
  });
  expect([result.ok, !result.ok && JSON.stringify(result.error)]).toEqual([true, false]);
  expect(result).toMatchObject({ ok: true, data: { row: last } });
  expect(sheet.getRange(last + 1, valued).getFormula()).toMatch(/^=/);
  expect(sheet.getRange(last + FORMULA_BLOCK_ROWS - 1, valued).getFormula()).toMatch(/^=/);
});

test('a consumer account (Google hides the e-mail) still saves, journaled without an author', () => {
  const h = setUpHarness();
  h.emulator.session._configure({ activeUserEmail: '' });
  const { result } = h.api('saveRecord', { sheet: 'bookings', values: booking, requestId: requestId() });
  expect(result).toMatchObject({ ok: true });
  const journal = sheetDisplay(h, 'Journal');
  const last = journal[journal.length - 1];
  expect(last[1]).toBe('');
  expect(last).toContain('RES-0001');
});

test('a double-submitted edit writes and journals once', () => {
  const h = setUpHarness();
  h.api('saveRecord', { sheet: 'bookings', values: booking, requestId: requestId() });
  const edit = {
    sheet: 'bookings',
    id: 'RES-0001',
    values: { title: 'Nouveau titre' },
    requestId: requestId(),
  };
  h.api('saveRecord', edit);
  const journalRows = h.ss.getSheetByName('Journal')!.getLastRow();
  const again = h.api('saveRecord', edit);
  expect(again.result).toMatchObject({ ok: true, data: { duplicate: true } });
  expect(again.stats.writes).toBe(0);
  expect(h.ss.getSheetByName('Journal')!.getLastRow()).toBe(journalRows);
});
