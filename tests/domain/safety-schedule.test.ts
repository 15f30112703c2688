/** The schedule computed in TypeScript (src/domain/safety/schedule.ts): EDATE's month arithmetic and the status. */
import { addMonths, lastDoneOf, nextDue, serialOf, statusAt } from '../../src/domain/safety/schedule';

const d = serialOf;

test('31 January + 1 month is the last day of February, 28 or 29', () => {
  expect(addMonths(d(2026, 1, 31), 1)).toBe(d(2026, 2, 28));
  expect(addMonths(d(2028, 1, 31), 1)).toBe(d(2028, 2, 29));
  expect(addMonths(d(2026, 3, 31), 1)).toBe(d(2026, 4, 30));
  expect(addMonths(d(2026, 3, 31), -1)).toBe(d(2026, 2, 28));
});

test('29 February 2028 + 12 months is 28 February 2029; + 48 months 29 February 2032', () => {
  expect(addMonths(d(2028, 2, 29), 12)).toBe(d(2029, 2, 28));
  expect(addMonths(d(2028, 2, 29), 48)).toBe(d(2032, 2, 29));
});

test('months cross years and a fractional count is truncated as EDATE does', () => {
  expect(addMonths(d(2026, 8, 15), 6)).toBe(d(2027, 2, 15));
  expect(addMonths(d(2026, 1, 31), 2.6)).toBe(d(2026, 3, 31));
  expect(addMonths(d(2016, 7, 10), 120)).toBe(d(2026, 7, 10));
});

test('never done is due today and late; due before today late; within 30 days soon; else up to date', () => {
  const today = d(2026, 9, 1);
  expect(nextDue(null, 12, today)).toBe(today);
  expect(statusAt(null, today, today)).toBe('En retard');
  expect(statusAt(d(2025, 8, 31), d(2026, 8, 31), today)).toBe('En retard');
  expect(statusAt(d(2025, 9, 1), d(2026, 9, 1), today)).toBe('Bientôt');
  expect(statusAt(d(2025, 10, 1), d(2026, 10, 1), today)).toBe('Bientôt');
  expect(statusAt(d(2025, 10, 2), d(2026, 10, 2), today)).toBe('À jour');
});

test('the last date of a type, of a type and an installation, case-insensitive', () => {
  const entries = [
    { date: 10, checkType: 'Gaz – vérification', installation: 'Cuisine' },
    { date: 30, checkType: 'Gaz – vérification', installation: 'Chaufferie' },
    { date: 20, checkType: 'gaz – vérification', installation: 'cuisine' },
  ];
  expect(lastDoneOf(entries, 'Gaz – vérification', null)).toBe(30);
  expect(lastDoneOf(entries, 'Gaz – vérification', 'Cuisine')).toBe(20);
  expect(lastDoneOf(entries, 'Ascenseurs – vérification', null)).toBeNull();
});
