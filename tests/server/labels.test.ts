/**
 * Issue 9, item 8: labels that identify. A label that references point at (« Espaces » names,
 * contacts' names…) is unique ignoring case and accents, on create and on edit; a reference that
 * matches two labels folded together (twins typed by hand) is refused, never stored as one.
 */
import { seedLabels } from '../../local/fixtures';
import { FIRST_DATA_ROW } from '../../src/schema';
import { type Harness, setUpHarness, sheetDisplay } from './harness';

jest.setTimeout(120_000);

type Answer = {
  ok: boolean;
  data?: { id: string; row: number };
  error?: { code: string; message: string; fields?: { field: string; code: string; message: string }[] };
};

let n = 0;
const requestId = () => {
  n += 1;
  return `labels-test-${String(n).padStart(6, '0')}`;
};

const space = (name: string, id?: string) => ({
  sheet: 'spaces',
  ...(id ? { id } : {}),
  values: { name },
  requestId: requestId(),
});

function save(h: Harness, request: unknown) {
  const { result, stats } = h.api('saveRecord', request);
  return { answer: result as unknown as Answer, stats };
}

function rows(h: Harness, sheetName: string): number {
  return sheetDisplay(h, sheetName).length;
}

describe('a label is unique ignoring case and accents', () => {
  let h: Harness;
  beforeEach(() => {
    h = setUpHarness();
    const first = save(h, space('Salle A'));
    expect(first.answer).toMatchObject({ ok: true, data: { id: 'ESP-0001' } });
  });

  test.each(['Salle A', 'salle a', 'Sällé A', '  SALLE A  '])(
    'creating « %s » next to « Salle A » is refused on the field, nothing written',
    (name) => {
      const before = { spaces: rows(h, 'Espaces'), journal: rows(h, 'Journal') };
      const { answer, stats } = save(h, space(name));
      expect(answer.ok).toBe(false);
      expect(answer.error?.fields).toEqual([
        {
          field: 'name',
          code: 'error.duplicateLabel',
          message: expect.stringContaining('existe déjà dans «\u00a0Espaces\u00a0»'),
        },
      ]);
      expect(answer.error?.fields?.[0].message).toContain('sans tenir compte des majuscules ni des accents');
      expect(stats.writes).toBe(0);
      expect(stats.byMethod['TextFinder.findAll']).toBe(1);
      expect({ spaces: rows(h, 'Espaces'), journal: rows(h, 'Journal') }).toEqual(before);
    },
  );

  test('another name is accepted', () => {
    expect(save(h, space('Salle B')).answer).toMatchObject({ ok: true, data: { id: 'ESP-0002' } });
  });

  test('an edit that keeps its own label (or changes only its case) passes', () => {
    expect(save(h, space('Salle A', 'ESP-0001')).answer).toMatchObject({ ok: true });
    expect(save(h, space('salle a', 'ESP-0001')).answer).toMatchObject({ ok: true });
    expect(sheetDisplay(h, 'Espaces')[FIRST_DATA_ROW - 1]).toContain('salle a');
  });

  test('an edit taking another record’s label is refused and writes nothing', () => {
    expect(save(h, space('Salle B')).answer).toMatchObject({ ok: true, data: { id: 'ESP-0002' } });
    const before = sheetDisplay(h, 'Espaces');
    const { answer, stats } = save(h, space('SALLE A', 'ESP-0002'));
    expect(answer.error?.fields?.[0]).toMatchObject({ field: 'name', code: 'error.duplicateLabel' });
    expect(stats.writes).toBe(0);
    expect(sheetDisplay(h, 'Espaces')).toEqual(before);
  });

  test('English users get the English message', () => {
    h.emulator.session._configure({ locale: 'en' });
    const { answer } = save(h, space('salle a'));
    expect(answer.error?.fields?.[0].message).toBe(
      '“salle a” already exists in “Spaces” (row 3): “Name” must be unique, ignoring case and accents. Choose another name.',
    );
  });

  test('labels that name no referenced record may repeat (two bookings titled alike)', () => {
    // Two confirmed bookings a week apart (the same day would be a double booking, issue 10).
    const booking = (startDate: string) => ({
      sheet: 'bookings',
      values: { space: 'Salle A', title: 'Répétition', startDate, status: 'Confirmée' },
      requestId: requestId(),
    });
    expect(save(h, booking('29/03/2026')).answer).toMatchObject({ ok: true });
    expect(save(h, booking('05/04/2026')).answer).toMatchObject({ ok: true });
  });
});

describe('a reference resolves to exactly one record', () => {
  test('twins typed by hand make a reference to either ambiguous: refused, naming both', () => {
    const h = setUpHarness();
    seedLabels(h.emulator, 'spaces', ['Salle A', 'salle a', 'Grande salle']);
    const before = rows(h, 'Réservations');
    const { answer, stats } = save(h, {
      sheet: 'bookings',
      values: { space: 'SALLE A', title: 'Atelier', startDate: '29/03/2026', status: 'Confirmée' },
      requestId: requestId(),
    });
    expect(answer.ok).toBe(false);
    const field = answer.error?.fields?.[0];
    expect(field).toMatchObject({ field: 'space', code: 'error.ambiguousReference' });
    expect(field?.message).toContain('«\u00a0SALLE A\u00a0» est ambigu');
    expect(field?.message).toContain('«\u00a0Salle A\u00a0», «\u00a0salle a\u00a0»');
    expect(stats.writes).toBe(0);
    expect(rows(h, 'Réservations')).toBe(before);
    // The other space still resolves, stored as its sheet spells it.
    const ok = save(h, {
      sheet: 'bookings',
      values: { space: 'grande SALLE', title: 'Atelier', startDate: '29/03/2026', status: 'Confirmée' },
      requestId: requestId(),
    });
    expect(ok.answer).toMatchObject({ ok: true });
    expect(sheetDisplay(h, 'Réservations')[FIRST_DATA_ROW - 1]).toContain('Grande salle');
  });
});
