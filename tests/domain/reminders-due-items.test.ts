/** What is due on a fixed date: each rule, its boundaries, the order of the list. */
import {
  dueItems,
  type DueSources,
  endOfMonth,
  nextStepsFromMeetings,
  type PlainRecord,
  safetyDueFromRegister,
} from '../../src/domain/reminders/due-items';

const TODAY = '2026-09-01';
const rec = (id: string, values: PlainRecord['values'], row = 3): PlainRecord => ({ id, row, values });
const none: DueSources = {
  safety: [],
  grants: [],
  maintenance: [],
  bookings: [],
  actions: [],
  structures: [],
  nextSteps: [],
};
const brief = (sources: Partial<DueSources>) =>
  dueItems({ ...none, ...sources }, TODAY).map((i) => [i.kind, i.recordId, i.date, i.days]);

describe('endOfMonth is Sheets’ EOMONTH', () => {
  test('month ends and leap years', () => {
    expect(endOfMonth('2026-01-31', 1)).toBe('2026-02-28');
    expect(endOfMonth('2028-02-29', 12)).toBe('2029-02-28');
    expect(endOfMonth('2027-02-15', 12)).toBe('2028-02-29');
    expect(endOfMonth('2026-09-01', 0)).toBe('2026-09-30');
    expect(endOfMonth('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('safety checks from the register', () => {
  test('the latest check of each kind and place is the one owed; periodicity 0 owes nothing', () => {
    const register = [
      rec('SEC-1', { date: '2025-06-10', checkType: 'Extincteurs – vérification', periodicityMonths: 12 }, 3),
      rec('SEC-2', { date: '2025-09-15', checkType: 'Extincteurs – vérification', periodicityMonths: 12 }, 4),
      rec('SEC-3', { date: '2026-03-02', checkType: 'Exercice d’évacuation', periodicityMonths: 6 }, 5),
      rec(
        'SEC-4',
        { date: '2026-02-01', checkType: 'Visite de la commission de sécurité', periodicityMonths: 0 },
        6,
      ),
      rec(
        'SEC-5',
        {
          date: '2026-08-01',
          checkType: 'Éclairage de sécurité – essai de fonctionnement',
          installation: 'Salle',
          periodicityMonths: 1,
        },
        7,
      ),
      rec(
        'SEC-6',
        {
          date: '2026-05-01',
          checkType: 'Éclairage de sécurité – essai de fonctionnement',
          installation: 'Atelier',
          periodicityMonths: 1,
        },
        8,
      ),
    ];
    const due = safetyDueFromRegister(register);
    expect(due.map((d) => [d.recordId, d.nextDue])).toEqual([
      ['SEC-2', '2026-09-30'],
      ['SEC-3', '2026-09-30'],
      ['SEC-4', null],
      ['SEC-5', '2026-09-30'],
      ['SEC-6', '2026-06-30'],
    ]);
    expect(brief({ safety: due })).toEqual([
      ['safetyCheck', 'SEC-6', '2026-06-30', -63],
      ['safetyCheck', 'SEC-2', '2026-09-30', 29],
      ['safetyCheck', 'SEC-3', '2026-09-30', 29],
      ['safetyCheck', 'SEC-5', '2026-09-30', 29],
    ]);
    expect(dueItems({ ...none, safety: due }, TODAY)[3]).toMatchObject({
      title: 'Éclairage de sécurité – essai de fonctionnement (Salle)',
      sheet: 'safetyChecks',
      row: 7,
      group: 'safety',
    });
  });

  test('31 days ahead is not yet due, 30 is', () => {
    const at = (nextDue: string) => [{ recordId: 'S', row: 3, checkType: 'X', installation: '', nextDue }];
    expect(brief({ safety: at('2026-10-01') })).toEqual([['safetyCheck', 'S', '2026-10-01', 30]]);
    expect(brief({ safety: at('2026-10-02') })).toEqual([]);
  });
});

describe('grants', () => {
  test('deadline while preparing, report due while not closed, financial report while owed', () => {
    const grants = [
      rec('SUB-1', { title: 'FDVA', status: 'En préparation', deadline: '2026-09-20' }),
      rec('SUB-2', { title: 'Région', status: 'Déposée', deadline: '2026-09-20' }),
      rec('SUB-3', { title: 'Ville', status: 'À étudier', deadline: '2026-08-20' }),
      rec('SUB-4', { title: 'CAF', status: 'Versée', reportDue: '2026-09-10' }),
      rec('SUB-5', { title: 'DRAC', status: 'Soldée', reportDue: '2026-09-10' }),
      rec('SUB-6', { title: 'Département', status: 'Accordée', financialYear: 2025 }),
      rec('SUB-7', { title: 'Fondation', status: 'Accordée', financialYear: 2026 }),
      rec('SUB-8', { title: 'Europe', status: 'Refusée', financialYear: 2025 }),
    ];
    expect(brief({ grants })).toEqual([
      ['financialReport', 'SUB-6', '2026-06-30', -63],
      ['grantDeadline', 'SUB-3', '2026-08-20', -12],
      ['grantReport', 'SUB-4', '2026-09-10', 9],
      ['grantDeadline', 'SUB-1', '2026-09-20', 19],
    ]);
  });
});

describe('maintenance, bookings, actions, agreements', () => {
  test('urgent and not done; options within 7 days; actions past their end; agreements ending within 60 days', () => {
    const items = brief({
      maintenance: [
        rec('MAI-1', { title: 'Fuite', priority: 'Urgente', status: 'Signalée', dueDate: null }),
        rec('MAI-2', { title: 'Porte', priority: 'Urgente', status: 'Terminée', dueDate: '2026-08-01' }),
        rec('MAI-3', { title: 'Peinture', priority: 'Haute', status: 'Planifiée', dueDate: '2026-08-01' }),
        rec('MAI-4', { title: 'Serrure', priority: 'Urgente', status: 'En cours', dueDate: '2026-09-03' }),
      ],
      bookings: [
        rec('RES-1', { title: 'Concert', status: 'Option', startDate: '2026-09-08' }),
        rec('RES-2', { title: 'Atelier', status: 'Option', startDate: '2026-09-09' }),
        rec('RES-3', { title: 'Réunion', status: 'Confirmée', startDate: '2026-09-02' }),
        rec('RES-4', { title: 'Passée', status: 'Option', startDate: '2026-08-31' }),
        rec('RES-5', { title: 'Aujourd’hui', status: 'Option', startDate: '2026-09-01' }),
      ],
      actions: [
        rec('ACT-1', { title: 'Jardin', status: 'En cours', endDate: '2026-08-31' }),
        rec('ACT-2', { title: 'Fête', status: 'Terminée', endDate: '2026-06-30' }),
        rec('ACT-3', { title: 'Café', status: 'En préparation', endDate: '2026-09-01' }),
      ],
      structures: [
        rec('STR-1', { name: 'Compagnie', agreementEnd: '2026-10-31' }),
        rec('STR-2', { name: 'Atelier vélo', agreementEnd: '2026-11-01' }),
        rec('STR-3', { name: 'Échue', agreementEnd: '2026-08-31' }),
      ],
    });
    expect(items).toEqual([
      ['urgentMaintenance', 'MAI-1', null, null],
      ['urgentMaintenance', 'MAI-4', '2026-09-03', 2],
      ['bookingOption', 'RES-5', '2026-09-01', 0],
      ['bookingOption', 'RES-1', '2026-09-08', 7],
      ['actionLate', 'ACT-1', '2026-08-31', -1],
      ['agreementEnding', 'STR-1', '2026-10-31', 60],
    ]);
  });
});

describe('meeting next steps', () => {
  test('dated lines are due on their date, the others at the next meeting', () => {
    const steps = nextStepsFromMeetings([
      rec('REU-1', {
        title: 'CA de juin',
        nextSteps: 'Marie envoie le budget pour le 05/09/2026\nRelancer la mairie\nPaul : devis 31/02/2026',
        nextMeeting: '2026-09-15',
      }),
      rec('REU-2', { title: 'Bureau', nextSteps: 'Compte rendu à diffuser.', nextMeeting: null }),
      rec('REU-3', { title: 'Équipe', nextSteps: 'Bilan au 20/07/26', nextMeeting: '2026-07-01' }),
    ]);
    expect(steps.map((s) => [s.recordId, s.due, s.text])).toEqual([
      ['REU-1', '2026-09-05', 'Marie envoie le budget pour le 05/09/2026'],
      ['REU-1', '2026-09-15', 'Relancer la mairie Paul : devis 31/02/2026'],
      ['REU-3', '2026-07-20', 'Bilan au 20/07/26'],
    ]);
    // Within 7 days ahead, at most 30 days late: 15/09 is 14 days ahead, 20/07 is 43 days late.
    expect(brief({ nextSteps: steps })).toEqual([['nextStep', 'REU-1', '2026-09-05', 4]]);
    expect(dueItems({ ...none, nextSteps: steps }, TODAY)[0].title).toBe(
      'CA de juin\u00a0: Marie envoie le budget pour le 05/09/2026',
    );
  });
});

test('groups come in a fixed order whatever the dates', () => {
  const items = dueItems(
    {
      ...none,
      structures: [rec('STR-1', { name: 'A', agreementEnd: '2026-09-02' })],
      safety: [{ recordId: 'SEC-1', row: 3, checkType: 'X', installation: '', nextDue: '2026-09-30' }],
      actions: [rec('ACT-1', { title: 'B', status: 'En cours', endDate: '2026-01-31' })],
    },
    TODAY,
  );
  expect(items.map((i) => i.group)).toEqual(['safety', 'actions', 'agreements']);
});
