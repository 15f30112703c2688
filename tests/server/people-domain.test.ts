/**
 * The pure functions of the people part (issue 12) that the reminders digest and the sidebar
 * call: agreements ending soon, next steps due, the initiatives' search; and the demo rows of
 * the new sheets seen through them.
 */
import { agreementsEndingWithin } from '../../src/domain/people/agreements';
import { daysBetween } from '../../src/domain/people/dates';
import { fold, matchInitiatives } from '../../src/domain/people/initiatives';
import { nextStepsDue } from '../../src/domain/people/next-steps';
import { generateDemoData } from '../../src/demo';
import { emailsOf } from '../../src/server/restricted-sheets';

describe('agreementsEndingWithin', () => {
  const structures = [
    { id: 'STR-0001', name: 'Rouage', agreementEnd: '2026-10-31' },
    { id: 'STR-0002', name: 'Compagnie', agreementEnd: '2026-09-01' },
    { id: 'STR-0003', name: 'Jardiniers', agreementEnd: '2026-08-31' },
    { id: 'STR-0004', name: 'Graines', agreementEnd: '2026-11-01' },
    { id: 'STR-0005', name: 'Sans convention', agreementEnd: null },
    { id: 'STR-0006', name: 'Atelier', agreementEnd: '2026-10-31T00:00:00' },
  ];

  test('lists the agreements ending from today to today + N days, soonest first', () => {
    expect(agreementsEndingWithin(structures, '2026-09-01', 60)).toEqual([
      { id: 'STR-0002', name: 'Compagnie', agreementEnd: '2026-09-01', daysLeft: 0 },
      { id: 'STR-0006', name: 'Atelier', agreementEnd: '2026-10-31', daysLeft: 60 },
      { id: 'STR-0001', name: 'Rouage', agreementEnd: '2026-10-31', daysLeft: 60 },
    ]);
  });

  test('the default window is the sheet rule’s 60 days; a shorter one is honoured', () => {
    expect(agreementsEndingWithin(structures, '2026-09-01').map((a) => a.id)).toHaveLength(3);
    expect(agreementsEndingWithin(structures, '2026-09-01', 0).map((a) => a.id)).toEqual(['STR-0002']);
  });

  test('day counts cross month ends and leap days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
    expect(daysBetween('bad', '2026-01-31')).toBeNull();
  });
});

describe('nextStepsDue', () => {
  const steps = [
    {
      id: 'SUI-0001',
      meeting: 'CA',
      action: 'Compte rendu',
      owner: 'Awa',
      dueDate: '2026-08-20',
      status: 'En cours',
    },
    {
      id: 'SUI-0002',
      meeting: 'CA',
      action: 'Devis',
      owner: 'Camille',
      dueDate: '2026-09-08',
      status: 'À faire',
    },
    {
      id: 'SUI-0003',
      meeting: 'CA',
      action: 'Budget',
      owner: 'Bernard',
      dueDate: '2026-09-09',
      status: 'À faire',
    },
    { id: 'SUI-0004', meeting: 'CA', action: 'Fait', owner: 'Awa', dueDate: '2026-08-01', status: 'Fait' },
    {
      id: 'SUI-0005',
      meeting: 'CA',
      action: 'Abandon',
      owner: 'Awa',
      dueDate: '2026-08-01',
      status: 'Abandonnée',
    },
    { id: 'SUI-0006', meeting: 'CA', action: 'Sans date', owner: 'Awa', dueDate: null, status: 'À faire' },
  ];

  test('open steps due within 7 days, late ones first and flagged', () => {
    expect(nextStepsDue(steps, '2026-09-01')).toEqual([
      {
        id: 'SUI-0001',
        meeting: 'CA',
        action: 'Compte rendu',
        owner: 'Awa',
        dueDate: '2026-08-20',
        daysLeft: -12,
        late: true,
      },
      {
        id: 'SUI-0002',
        meeting: 'CA',
        action: 'Devis',
        owner: 'Camille',
        dueDate: '2026-09-08',
        daysLeft: 7,
        late: false,
      },
    ]);
  });
});

describe('matchInitiatives', () => {
  const records = [
    {
      id: 'INS-0001',
      values: {
        name: 'Cantine à prix libre',
        theme: 'Alimentation, Modèle économique',
        place: 'Le Grand Chaudron',
        lessons: 'Afficher le coût de revient.',
      },
    },
    {
      id: 'INS-0002',
      values: {
        name: 'Matériauthèque',
        theme: 'Réemploi et économie circulaire',
        place: 'Recyclerie',
        town: 'Lyon',
        lessons: null,
      },
    },
    {
      id: 'INS-0003',
      values: {
        name: 'Œuvres partagées',
        theme: 'Culture',
        place: 'Cœur de ville',
        lessons: 'Prêter plutôt qu’acheter.',
      },
    },
  ];

  test('accents and case are ignored, every word must match, over name, themes, lessons and place', () => {
    expect(matchInitiatives(records, 'ÉCONOM').map((m) => m.id)).toEqual(['INS-0001', 'INS-0002']);
    expect(matchInitiatives(records, 'économie recyclerie').map((m) => m.id)).toEqual(['INS-0002']);
    expect(matchInitiatives(records, 'cout de REVIENT').map((m) => m.id)).toEqual(['INS-0001']);
    expect(matchInitiatives(records, 'coeur').map((m) => m.id)).toEqual(['INS-0003']);
    expect(matchInitiatives(records, 'lyon').map((m) => m.id)).toEqual(['INS-0002']);
    expect(matchInitiatives(records, 'piscine')).toEqual([]);
    expect(matchInitiatives(records, '   ')).toEqual([]);
  });

  test('a match carries its themes as a list', () => {
    expect(matchInitiatives(records, 'cantine')[0]).toMatchObject({
      name: 'Cantine à prix libre',
      themes: ['Alimentation', 'Modèle économique'],
      lessons: 'Afficher le coût de revient.',
    });
    expect(fold('Économie Œuvre')).toBe('economie oeuvre');
  });
});

describe('the demo workbook seen through them', () => {
  const demo = generateDemoData();
  const table = (key: string) => demo.tables.find((t) => t.sheet === key)?.records ?? [];
  const iso = (fr: unknown) => {
    const [d, m, y] = String(fr).split('/');
    return `${y}-${m}-${d}`;
  };

  test('next steps of the demo due on 1 September: the two late ones and the two of the coming week', () => {
    const steps = table('nextSteps').map((r, i) => ({
      id: `SUI-${String(i + 1).padStart(4, '0')}`,
      meeting: r.meeting,
      action: r.action,
      owner: r.owner,
      status: r.status,
      dueDate: iso(r.dueDate),
    }));
    expect(nextStepsDue(steps, '2026-09-01').map((s) => [s.action, s.daysLeft])).toEqual([
      ['Demander trois devis pour la réfection de la toiture', -12],
      ['Proposer un planning d’usage de l’abri de jardin', -4],
      ['Relancer les bénévoles pour l’accueil du samedi', 3],
      ['Mettre à jour le plan de communication de l’automne', 6],
    ]);
  });

  test('the demo has mediations, a conflict linked to one, representations and searchable lessons', () => {
    const subjects = table('mediations').map((r) => r.subject);
    expect(subjects).toHaveLength(2);
    const conflict = table('incidents').find((r) => r.kind === 'Conflit');
    expect(subjects).toContain(conflict?.mediation);
    expect(table('representation').length).toBeGreaterThanOrEqual(3);
    const initiatives = table('inspirations').map((r, i) => ({ id: String(i), values: r }));
    expect(matchInitiatives(initiatives, 'consigne').map((m) => m.name)).toEqual(['Festival sans plastique']);
  });

  test('the settings list the communication service; e-mail lists split on commas', () => {
    expect(emailsOf(demo.settings.communicationServiceEmail as string)).toEqual([
      'communication@valmoret.example',
    ]);
    expect(emailsOf('a@x.org, b@y.org;A@x.org  c@z.org')).toEqual(['a@x.org', 'b@y.org', 'c@z.org']);
    expect(emailsOf(null)).toEqual([]);
  });
});
