/**
 * The sidebar's record forms on the shipped bundle: what opening costs, the form descriptions
 * derived from the schema, reference labels, search, one record, the selected row.
 */
import { SHEETS } from '../../src/schema';
import { editableColumns } from '../../src/schema/record-input';
import type { FormData, RecordView, SearchResults, SidebarBootstrap } from '../../src/shared/rpc';
import { seedBookings } from '../../local/fixtures';
import { type Harness, newHarness, setUpHarness } from './harness';

let counter = 0;
const requestId = () => {
  counter += 1;
  return `forms-${counter.toString().padStart(8, '0')}`;
};

function save(h: Harness, sheet: string, values: Record<string, unknown>): { id: string; row: number } {
  const { result } = h.api<{ id: string; row: number }>('saveRecord', {
    sheet,
    values,
    requestId: requestId(),
  });
  if (!result.ok) throw new Error(`${sheet}: ${JSON.stringify(result.error)}`);
  return result.data;
}

describe('opening the sidebar', () => {
  const h = setUpHarness();
  const { result, stats } = h.api<SidebarBootstrap>('getSidebarBootstrap');

  test('costs one call, at most 3 sheet reads and no write', () => {
    expect(result.ok).toBe(true);
    expect(stats.reads).toBeLessThanOrEqual(3);
    expect(stats.writes).toBe(0);
    // Printed for the report: the modelled cost of an open.
    process.stdout.write(
      `sidebar open: ${stats.calls} service calls, ${stats.reads} reads, ${stats.ms} ms\n`,
    );
  });

  test('describes the form of every table from the schema, grouped by domain', () => {
    if (!result.ok) throw new Error('bootstrap failed');
    const tables = SHEETS.filter((s) => s.kind === 'table');
    const { forms, domains } = result.data.catalogue;
    expect(forms.map((f) => f.key)).toEqual(tables.map((s) => s.key));
    for (const sheet of tables) {
      const form = forms.find((f) => f.key === sheet.key);
      expect(form?.name).toBe(sheet.name);
      expect(form?.fields.map((f) => f.key)).toEqual(editableColumns(sheet).map((c) => c.key));
      expect(domains.filter((d) => d.tables.includes(sheet.key))).toHaveLength(1);
    }
    const bookings = forms.find((f) => f.key === 'bookings');
    expect(bookings?.fields.find((f) => f.key === 'space')).toMatchObject({
      label: 'Espace',
      type: 'ref',
      required: true,
      ref: 'spaces',
    });
    expect(bookings?.fields.find((f) => f.key === 'status')?.options).toEqual([
      'Demande',
      'Option',
      'Confirmée',
      'Annulée',
    ]);
    expect(domains.map((d) => d.label)).toContain('Budget et opérations');
  });

  test('is English for an English user, help texts included', () => {
    const en = newHarness({ userLocale: 'en_GB' }, h.emulator.snapshot());
    const answer = en.api<SidebarBootstrap>('getSidebarBootstrap').result;
    if (!answer.ok) throw new Error('bootstrap failed');
    expect(answer.data.locale).toBe('en');
    const bookings = answer.data.catalogue.forms.find((f) => f.key === 'bookings');
    expect(bookings?.name).toBe('Bookings');
    expect(bookings?.fields.find((f) => f.key === 'startDate')?.label).toBe('Start date');
    expect(answer.data.catalogue.domains[0].label).toBe('Bookings');
    const safety = answer.data.catalogue.forms.find((f) => f.key === 'safetyChecks');
    expect(safety?.fields.find((f) => f.key === 'regulation')?.help).toBe('For example EC 14 or MS 38.');
    if (!result.ok) throw new Error('bootstrap failed');
    const french = result.data.catalogue.forms.find((f) => f.key === 'safetyChecks');
    expect(french?.fields.find((f) => f.key === 'regulation')?.help).toBe('Par exemple EC 14 ou MS 38.');
  });

  test('every help text of these sheets has its English version', () => {
    const sheets = ['events', 'communication', 'structures', 'contacts', 'meetings', 'documents'];
    sheets.push('inspirations', 'diagnostic', 'safetyChecks', 'maintenance', 'openingRota', 'incidents');
    const missing = SHEETS.filter((s) => sheets.includes(s.key)).flatMap((s) =>
      s.columns.filter((c) => c.help && !c.helpEn).map((c) => `${s.key}.${c.key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('a form opening', () => {
  const h = setUpHarness();
  save(h, 'spaces', { name: 'Grande salle' });
  save(h, 'spaces', { name: 'Atelier bois' });
  save(h, 'structures', { name: 'Les Amis du Quartier' });
  const created = save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Atelier couture',
    startDate: '29/03/2026',
    status: 'Confirmée',
    price: '12,50',
  });

  test('gets the labels of every reference, reading each referenced table once', () => {
    const { result, stats } = h.api<FormData>('getFormData', { sheet: 'bookings' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.record).toBeNull();
    expect(result.data.refOptions.space).toEqual(['Atelier bois', 'Grande salle']);
    expect(result.data.refOptions.organiser).toEqual(['Les Amis du Quartier']);
    expect(result.data.refOptions.contact).toEqual([]);
    expect(stats.byMethod['Range.getValues']).toBe(3);
    expect(stats.writes).toBe(0);
  });

  test('for an edit also gets the record, values as JSON', () => {
    const { result } = h.api<FormData>('getFormData', { sheet: 'bookings', id: created.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.record).toMatchObject({
      id: created.id,
      row: created.row,
      label: 'Atelier couture',
      values: { space: 'Grande salle', startDate: '2026-03-29', price: 12.5, status: 'Confirmée' },
    });
    expect(result.data.record?.values).not.toHaveProperty('requestId');
  });

  test('getRecord answers one record, or a French error for an unknown id', () => {
    const found = h.api<RecordView>('getRecord', { sheet: 'bookings', id: created.id }).result;
    expect(found).toMatchObject({ ok: true, data: { id: created.id, label: 'Atelier couture' } });
    const missing = h.api('getRecord', { sheet: 'bookings', id: 'RES-9999' }).result;
    expect(missing).toMatchObject({ ok: false, error: { code: 'error.recordNotFound' } });
    if (!missing.ok) expect(missing.error.message).toContain('RES-9999');
  });

  test('refuses malformed requests with a code, never a stack', () => {
    for (const bad of [null, 'bookings', { sheet: 'bookings', id: '<img>' }, { sheet: 'x', extra: 1 }]) {
      const answer = h.api('getFormData', bad).result;
      expect(answer).toMatchObject({ ok: false, error: { code: 'error.invalidArgument' } });
    }
    expect(h.api('getFormData', { sheet: 'journal' }).result).toMatchObject({
      ok: false,
      error: { code: 'error.unknownSheet' },
    });
  });
});

describe('searchRecords', () => {
  test('ignores case and accents, looks at the label and text columns', () => {
    const h = setUpHarness();
    save(h, 'structures', { name: 'Café Solidaire', activity: 'Épicerie et cuisine partagée' });
    save(h, 'structures', { name: 'Les Amis du Quartier' });
    const byName = h.api<SearchResults>('searchRecords', { sheet: 'structures', query: 'CAFE soli' }).result;
    expect(byName).toMatchObject({ ok: true, data: { total: 1, hits: [{ label: 'Café Solidaire' }] } });
    const byText = h.api<SearchResults>('searchRecords', { sheet: 'structures', query: 'epicerie' }).result;
    expect(byText).toMatchObject({ ok: true, data: { total: 1 } });
    const all = h.api<SearchResults>('searchRecords', { sheet: 'structures', query: '' }).result;
    if (!all.ok) throw new Error(all.error.message);
    expect(all.data.hits.map((x) => x.label)).toEqual(['Les Amis du Quartier', 'Café Solidaire']);
  });

  test('answers at most 50 hits, the most recent first, with the total', () => {
    const h = setUpHarness();
    seedBookings(h.emulator, 120);
    const { result, stats } = h.api<SearchResults>('searchRecords', {
      sheet: 'bookings',
      query: 'réservation',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.total).toBe(120);
    expect(result.data.hits).toHaveLength(50);
    expect(result.data.hits[0].label).toBe('Réservation 120');
    expect(stats.byMethod['Range.getValues']).toBe(1);
  });
});

describe('searchRecords on 10,000 records: one page at a time', () => {
  test('the first page and the next ones cost the same bounded calls', () => {
    const h = setUpHarness();
    seedBookings(h.emulator, 10_000);
    const first = h.api<SearchResults>('searchRecords', { sheet: 'bookings', query: '' });
    const second = h.api<SearchResults>('searchRecords', { sheet: 'bookings', query: '', offset: 50 });
    if (!first.result.ok || !second.result.ok) throw new Error('search failed');
    expect(first.result.data).toMatchObject({ total: 10_000, offset: 0 });
    expect(first.result.data.hits.map((x) => x.label).slice(0, 2)).toEqual([
      'Réservation 10000',
      'Réservation 9999',
    ]);
    expect(second.result.data.offset).toBe(50);
    expect(second.result.data.hits[0].label).toBe('Réservation 9950');
    expect(second.result.data.hits).toHaveLength(50);
    for (const { stats } of [first, second]) {
      expect(stats.byMethod['Range.getValues']).toBe(1);
      expect(stats.calls).toBeLessThanOrEqual(4);
      expect(stats.writes).toBe(0);
    }
    const last = h.api<SearchResults>('searchRecords', { sheet: 'bookings', query: '', offset: 9_980 });
    expect(last.result).toMatchObject({ ok: true, data: { offset: 9_980 } });
    if (last.result.ok) expect(last.result.data.hits).toHaveLength(20);
    const bad = h.api('searchRecords', { sheet: 'bookings', query: '', offset: -1 });
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'error.invalidArgument' } });
  });
});

describe('getSelectedRecord', () => {
  const h = setUpHarness();
  save(h, 'spaces', { name: 'Grande salle' });
  const booking = save(h, 'bookings', {
    space: 'Grande salle',
    title: 'Répétition chorale',
    startDate: '2026-04-02',
    status: 'Option',
  });

  test('reads the record under the active cell, with its form data', () => {
    h.emulator.selectCell('Réservations', booking.row, 4);
    const { result, stats } = h.api<FormData>('getSelectedRecord');
    expect(result).toMatchObject({
      ok: true,
      data: { sheet: 'bookings', record: { id: booking.id, label: 'Répétition chorale' } },
    });
    if (result.ok) expect(result.data.refOptions.space).toEqual(['Grande salle']);
    expect(stats.writes).toBe(0);
  });

  test('comes with the bootstrap when the sidebar was opened by « Modifier la ligne sélectionnée »', () => {
    h.emulator.selectCell('Réservations', booking.row, 2);
    const { result, stats } = h.api<SidebarBootstrap>('getSidebarBootstrap', { start: 'selection' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.selected).toMatchObject({ sheet: 'bookings', record: { id: booking.id } });
    expect(result.data.selected?.refOptions.space).toEqual(['Grande salle']);
    expect(stats.writes).toBe(0);
    h.emulator.selectCell('Réservations', 1, 1);
    const outside = h.api<SidebarBootstrap>('getSidebarBootstrap', { start: 'selection' }).result;
    if (!outside.ok) throw new Error(outside.error.message);
    expect(outside.data.selected).toBeUndefined();
    expect(outside.data.selectionError).toMatchObject({ code: 'error.notARecord' });
    expect(outside.data.catalogue.forms.length).toBeGreaterThan(0);
    const bad = h.api('getSidebarBootstrap', { start: 'everything' }).result;
    expect(bad).toMatchObject({ ok: false, error: { code: 'error.invalidArgument' } });
  });

  test('says in French when the selection is not a record', () => {
    h.emulator.selectCell('Réservations', 1, 1);
    const header = h.api('getSelectedRecord').result;
    expect(header).toMatchObject({ ok: false, error: { code: 'error.notARecord' } });
    h.emulator.selectCell('Tableau de bord', 3, 2);
    const dashboard = h.api('getSelectedRecord').result;
    expect(dashboard).toMatchObject({ ok: false, error: { code: 'error.noSelection' } });
    if (!dashboard.ok) expect(dashboard.error.message).toMatch(/^Sélectionnez/);
  });
});
