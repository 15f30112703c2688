/**
 * « Registre de sécurité » for the safety commission, schema 4: its « Vérifications périodiques
 * dues » section lists « Échéancier de sécurité » with last done, next due and status computed
 * from the register's typed dates (the demo input has no formula values at all), and the open
 * maintenance tickets linked to a register entry.
 */
import type { DocRecord, DocumentInput } from '../../src/domain/documents/catalog';
import { DOCUMENT_TYPES } from '../../src/domain/documents/catalog';
import { demoInput, TODAY } from './documents-input';
import { render } from './documents-render';

const type = DOCUMENT_TYPES.safetyRegister;
const HEADER = [
  'Vérification',
  'Périodicité',
  'Intervenant',
  'Référence',
  'Dernière fois',
  'Prochaine échéance',
  'État',
];

function rendered(input: DocumentInput) {
  const built = type.build(input);
  if (!built.ok) throw new Error(built.code);
  return render(type, built.data);
}
const scheduleTable = (input: DocumentInput) =>
  rendered(input).tables.find((t) => t[0][0] === 'Vérification' && t[0][1] === 'Périodicité');
const withRecords = (input: DocumentInput, records: Record<string, readonly DocRecord[]>): DocumentInput => ({
  ...input,
  records: { ...input.records, ...records },
});

describe('Vérifications périodiques dues, on the demo venue (today 1 September 2026)', () => {
  const input = demoInput(null);
  const table = scheduleTable(input)!;
  const row = (check: string) => table.find((r) => r[0].startsWith(check));

  test('one row per scheduled check, in the schedule’s order, under the header', () => {
    expect(input.today).toBe(TODAY);
    expect(table[0]).toEqual(HEADER);
    const schedule = input.records.safetySchedule;
    expect(schedule.length).toBe(13);
    expect(table.slice(1).map((r) => r[0].replace(/ \(à vérifier\)$/, ''))).toEqual(
      schedule.map((s) => s.checkType),
    );
  });

  test('a late check: the latest of two drills (16/09/2025, 24/02/2026) + 6 months is 24/08/2026, past', () => {
    expect(row('Exercice d’évacuation')).toEqual([
      'Exercice d’évacuation (à vérifier)',
      '6 mois',
      'Exploitant',
      'code du travail R. 4227-39',
      '24/02/2026',
      '24/08/2026',
      'En retard',
    ]);
  });

  test('due within 30 days is « Bientôt », later « À jour »; a line not to verify is not marked', () => {
    expect(row('Chauffage')?.slice(4)).toEqual(['24/09/2025', '24/09/2026', 'Bientôt']);
    expect(row('Moyens de secours')?.[0]).toBe('Moyens de secours (alarme, RIA, détection) – vérification');
    expect(row('Moyens de secours')?.slice(4)).toEqual(['21/01/2026', '21/01/2027', 'À jour']);
  });

  test('« à vérifier » stays on the lines the schedule ticks, and only those', () => {
    const marked = table.slice(1).filter((r) => r[0].endsWith(' (à vérifier)')).length;
    expect(marked).toBe(input.records.safetySchedule.filter((s) => s.toVerify === true).length);
    expect(marked).toBe(7);
    expect(row('Ascenseurs')?.[0]).toBe('Ascenseurs – vérification (à vérifier)');
  });

  test('the open ticket the non-conforming cooking check opened, and no closed one', () => {
    const r = rendered(input);
    const tickets = r.blocks.slice(r.blocks.indexOf('Interventions de maintenance ouvertes') + 1, -1);
    expect(tickets).toEqual([
      'Appareils de cuisson – vérification\u00a0: Hotte encrassée\u00a0: nettoyer le circuit d’extraction des graisses. (vérification SEC-0017 du 11/03/2026) — Signalée, priorité Haute',
    ]);
  });
});

describe('edge cases of the schedule', () => {
  const input = demoInput(null);
  const check = (over: Partial<Record<string, unknown>>): DocRecord =>
    ({
      id: 'SEC-0900',
      date: '2026-01-31',
      checkType: 'Gaz – vérification',
      installation: 'Réseau gaz de la cuisine',
      result: 'Conforme',
      ...over,
    }) as DocRecord;
  const scheduleRow = (over: Partial<Record<string, unknown>>): DocRecord =>
    ({
      id: 'ECH-0900',
      checkType: 'Gaz – vérification',
      installation: null,
      periodicityMonths: 1,
      providerKind: 'Technicien compétent',
      regulation: 'GZ 30',
      toVerify: false,
      ...over,
    }) as DocRecord;

  test('31 January + 1 month is 28 February; 29 February 2028 + 12 months is 28 February 2029', () => {
    const t = scheduleTable(
      withRecords(
        { ...input, today: '2026-02-20' },
        {
          safetyChecks: [
            check({}),
            check({
              id: 'SEC-0901',
              date: '2028-02-29',
              checkType: 'Ascenseurs – vérification',
              installation: 'Ascenseur PMR',
            }),
          ],
          safetySchedule: [
            scheduleRow({}),
            scheduleRow({ id: 'ECH-0901', checkType: 'Ascenseurs – vérification', periodicityMonths: 12 }),
          ],
        },
      ),
    )!;
    expect(t.slice(1).map((r) => r.slice(4))).toEqual([
      ['31/01/2026', '28/02/2026', 'Bientôt'],
      ['29/02/2028', '28/02/2029', 'À jour'],
    ]);
  });

  test('never done: « jamais », due today, late; an installation counts only its own entries', () => {
    const t = scheduleTable(
      withRecords(input, {
        safetyChecks: [check({ date: '2026-08-20' })],
        safetySchedule: [
          scheduleRow({ installation: 'Réseau gaz de la cuisine', toVerify: true }),
          scheduleRow({ id: 'ECH-0901', installation: 'Chaudière' }),
          scheduleRow({ id: 'ECH-0902', checkType: 'Ascenseurs – vérification' }),
        ],
      }),
    )!;
    expect(t.slice(1)).toEqual([
      [
        'Gaz – vérification — Réseau gaz de la cuisine (à vérifier)',
        '1 mois',
        'Technicien compétent',
        'GZ 30',
        '20/08/2026',
        '20/09/2026',
        'Bientôt',
      ],
      [
        'Gaz – vérification — Chaudière',
        '1 mois',
        'Technicien compétent',
        'GZ 30',
        'jamais',
        '01/09/2026',
        'En retard',
      ],
      [
        'Ascenseurs – vérification',
        '1 mois',
        'Technicien compétent',
        'GZ 30',
        'jamais',
        '01/09/2026',
        'En retard',
      ],
    ]);
  });

  test('an empty schedule says how to fill it; a ticket done or abandoned is not listed', () => {
    const maintenance = input.records.maintenance.map((m) =>
      m.safetyCheckId ? { ...m, status: 'Terminée' } : m,
    );
    const r = rendered(withRecords(input, { safetySchedule: [], maintenance }));
    expect(scheduleTable(withRecords(input, { safetySchedule: [] }))).toBeUndefined();
    expect(r.text).toContain('L’échéancier de sécurité est vide');
    expect(r.text).toContain('Aucune intervention ouverte liée à une vérification au 01/09/2026.');
    expect(r.text).not.toContain('SEC-0017');
  });

  test('a schedule row without periodicity is left out, as the sheet’s formulas leave it blank', () => {
    const t = scheduleTable(
      withRecords(input, {
        safetySchedule: [scheduleRow({ periodicityMonths: null }), scheduleRow({ id: 'ECH-0901' })],
      }),
    )!;
    expect(t).toHaveLength(2);
  });
});
