/** The venue's opening hours typed in « Paramètres du lieu », read into minutes per weekday. */
import { parseOpeningHours } from '../../src/domain/rota/opening-hours';

const h = (hh: number, mm = 0) => hh * 60 + mm;

function week(text: string) {
  const r = parseOpeningHours(text);
  if (!r.ok) throw new Error(`${r.problem.code} ${JSON.stringify(r.problem.params)}`);
  return r.hours;
}

test('« lun-ven 9h-18h ; sam 10h-14h »: five days, Saturday short, Sunday closed', () => {
  expect(week('lun-ven 9h-18h ; sam 10h-14h')).toEqual([
    [{ start: h(9), end: h(18) }],
    [{ start: h(9), end: h(18) }],
    [{ start: h(9), end: h(18) }],
    [{ start: h(9), end: h(18) }],
    [{ start: h(9), end: h(18) }],
    [{ start: h(10), end: h(14) }],
    [],
  ]);
});

test('full names, « du … au … », « de … à … », 09:00, 9h30 and several ranges a day', () => {
  const w = week(
    'du lundi au mercredi de 09:00 à 12:30 et 14h-18h30\nJeudi : 9h30–22h\nsamedi, dimanche 10-16h',
  );
  expect(w[0]).toEqual([
    { start: h(9), end: h(12, 30) },
    { start: h(14), end: h(18, 30) },
  ]);
  expect(w[2]).toEqual(w[0]);
  expect(w[3]).toEqual([{ start: h(9, 30), end: h(22) }]);
  expect(w[4]).toEqual([]);
  expect(w[5]).toEqual([{ start: h(10), end: h(16) }]);
  expect(w[6]).toEqual([{ start: h(10), end: h(16) }]);
});

test('the demo venue’s text (one day per line, en dashes) reads', () => {
  const w = week('mardi 9h–19h\nmercredi 9h–19h\njeudi 9h–21h\nvendredi 9h–23h\nsamedi 10h–18h');
  expect(w.map((d) => d.map((r) => [r.start / 60, r.end / 60]))).toEqual([
    [],
    [[9, 19]],
    [[9, 19]],
    [[9, 21]],
    [[9, 23]],
    [[10, 18]],
    [],
  ]);
});

test('a day named twice gets both ranges; « fermé » closes a day; 24h is midnight', () => {
  const w = week('lun-ven 9h-12h; ven 18h-24h; mer fermé; LUN. 11h-14h');
  expect(w[0]).toEqual([{ start: h(9), end: h(14) }]);
  expect(w[2]).toEqual([]);
  expect(w[4]).toEqual([
    { start: h(9), end: h(12) },
    { start: h(18), end: 1440 },
  ]);
  expect(week('')).toEqual([[], [], [], [], [], [], []]);
});

test('what cannot be read is a French error naming the part', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['lundy 9h-18h', 'openingHours.unknownDay', { word: 'lundy', entry: 'lundy 9h-18h' }],
    ['9h-18h', 'openingHours.noDay', { entry: '9h-18h' }],
    ['sam', 'openingHours.noTime', { entry: 'sam' }],
    ['sam 10h-25h', 'openingHours.badTime', { text: '25h', entry: 'sam 10h-25h' }],
    ['sam 10h70-12h', 'openingHours.badTime', { text: '10h70', entry: 'sam 10h70-12h' }],
    ['ven 20h-2h', 'openingHours.endBeforeStart', { text: '20h-2h', entry: 'ven 20h-2h' }],
    ['mar 9h', 'openingHours.badTime', { text: '9h', entry: 'mar 9h' }],
  ];
  for (const [text, code, params] of cases) {
    const r = parseOpeningHours(text);
    expect(r).toEqual({ ok: false, problem: { code, params } });
  }
});
