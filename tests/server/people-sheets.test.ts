/**
 * The people part through Pilote's API (issue 12): the communication plan editable by the
 * coordinators and the communication service only; the initiatives' search; a next step saved
 * with its owner and due date.
 */
import type { EmulatorSnapshot } from '../../local/emulator/emulator';
import { actAs, type Harness, newHarness, setSetting, setUpHarness } from './harness';

const SETUP_USER = 'coordination@tiers-lieu.example';
const COMMUNICATION = 'communication@valmoret.example';
const VOLUNTEER = 'benevole@tiers-lieu.example';

let n = 0;
function requestId(): string {
  n += 1;
  return `people-request-${n}`;
}

let prepared: EmulatorSnapshot | null = null;
function workbook(): Harness {
  if (prepared) return newHarness({}, JSON.parse(JSON.stringify(prepared)) as EmulatorSnapshot);
  const h = setUpHarness();
  setSetting(h, 'coordinatorEmails', SETUP_USER);
  setSetting(h, 'communicationServiceEmail', COMMUNICATION);
  expect(h.api('updateSheetProtections').result).toMatchObject({ ok: true });
  const initiatives = [
    {
      name: 'Cantine à prix libre',
      place: 'Le Grand Chaudron',
      theme: 'Alimentation, Modèle économique',
      lessons: 'Afficher le coût de revient.',
    },
    { name: 'Matériauthèque', place: 'Recyclerie des Deux Rives', theme: 'Réemploi et économie circulaire' },
  ];
  for (const values of initiatives) {
    expect(
      h.api('saveRecord', { sheet: 'inspirations', values, requestId: requestId() }).result,
    ).toMatchObject({
      ok: true,
    });
  }
  prepared = h.emulator.snapshot();
  return h;
}

const plan = { subject: 'Programme de rentrée', channel: 'Réseaux sociaux', status: 'À rédiger' };

describe('the communication plan', () => {
  test('the communication service and the coordinators edit it; another user is refused in French', () => {
    const h = workbook();
    const p = h.ss
      .getSheetByName('Communication')
      ?.getProtections(h.emulator.spreadsheetApp.ProtectionType.SHEET)[0];
    expect(p?.isWarningOnly()).toBe(false);
    expect(p?.getEditors().map((u) => u.getEmail())).toContain(COMMUNICATION);
    actAs(h, COMMUNICATION);
    const ok = h.api('saveRecord', { sheet: 'communication', values: plan, requestId: requestId() }).result;
    expect(ok).toMatchObject({ ok: true, data: { id: 'COM-0001' } });
    actAs(h, VOLUNTEER);
    const refused = h.api('saveRecord', {
      sheet: 'communication',
      values: plan,
      requestId: requestId(),
    }).result;
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'error.sheetRestricted',
        message: expect.stringContaining('les coordinateur·ices et le service communication'),
      },
    });
    // Other sheets stay open to that user.
    const other = h.api('saveRecord', {
      sheet: 'contacts',
      values: { fullName: 'Zoé' },
      requestId: requestId(),
    });
    expect(other.result).toMatchObject({ ok: true });
  });
});

describe('findInitiatives', () => {
  test('finds by theme, place or lessons, accents and case ignored, in one read', () => {
    const h = workbook();
    const { result, stats } = h.api<{ name: string; themes: string[] }[]>('findInitiatives', {
      query: 'ECONOM',
    });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.map((m) => m.name)).toEqual(['Cantine à prix libre', 'Matériauthèque']);
    expect(result.data[0].themes).toEqual(['Alimentation', 'Modèle économique']);
    expect(stats.byMethod['Range.getValues']).toBe(1);
    const byLesson = h.api<{ name: string }[]>('findInitiatives', { query: 'cout de revient' }).result;
    expect(byLesson).toMatchObject({ ok: true, data: [{ name: 'Cantine à prix libre' }] });
  });

  test('refuses a query too short, in French, and reads nothing', () => {
    const h = workbook();
    const { result, stats } = h.api('findInitiatives', { query: 'a' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'error.searchQuery',
        message: 'Tapez au moins deux caractères à chercher (200 au plus).',
      },
    });
    expect(stats.byMethod['Range.getValues'] ?? 0).toBe(0);
  });
});

describe('Suites à donner', () => {
  test('a next step references its meeting and owner', () => {
    const h = workbook();
    const meeting = h.api('saveRecord', {
      sheet: 'meetings',
      values: { title: 'Groupe de travail jardin', type: 'Groupe de travail', date: '02/09/2026' },
      requestId: requestId(),
    }).result;
    expect(meeting).toMatchObject({ ok: true });
    const owner = h.api('saveRecord', {
      sheet: 'contacts',
      values: { fullName: 'Awa Diallo' },
      requestId: requestId(),
    });
    expect(owner.result).toMatchObject({ ok: true });
    const step = h.api('saveRecord', {
      sheet: 'nextSteps',
      values: {
        meeting: 'Groupe de travail jardin',
        action: 'Planning de l’abri',
        owner: 'Awa Diallo',
        dueDate: '15/09/2026',
        status: 'À faire',
      },
      requestId: requestId(),
    }).result;
    expect(step).toMatchObject({ ok: true, data: { id: 'SUI-0001' } });
    const unknown = h.api('saveRecord', {
      sheet: 'nextSteps',
      values: { meeting: 'Réunion inconnue', action: 'x', status: 'À faire' },
      requestId: requestId(),
    }).result;
    expect(unknown).toMatchObject({ ok: false });
  });
});
