/**
 * The catalog's document types through the shipped bundle, on the demo workbook: each makes a
 * Google Doc with no placeholder left, or is refused in French (a grant request whose action's
 * budget does not balance), writing nothing.
 */
import type { DocumentContent } from '../../local/emulator/services/docs';
import { blockText } from '../../local/emulator/services/docs/model';
import { demoHarness, sheetDisplay } from './harness';

const h = demoHarness();
const firstId = (sheet: string) => sheetDisplay(h, sheet)[2][0];

interface Answer {
  status: string;
  documentId: string;
  name: string;
}

const made: [string, unknown][] = [
  ['activityReport', 2026],
  ['evaluation', 2026],
  ['safetyRegister', 2026],
  ['progressReport', { from: '2026-01-01', to: '2026-06-30' }],
  ['territoryDiagnostic', null],
  ['specification', firstId('Actions')],
  ['financialReport', firstId('Subventions')],
];

test.each(made)('%s is made as a Google Doc with no placeholder left', (type, subject) => {
  const { result } = h.api<Answer>('makeDocument', { type, subject });
  if (!result.ok) throw new Error(`${type}: ${result.error.message}`);
  expect(result.data.status).not.toBe('refused');
  const content: DocumentContent = h.emulator.documentApp._document(result.data.documentId);
  const text = blockText(content.body);
  expect(text.length).toBeGreaterThan(200);
  expect(text).not.toContain('{{');
  expect(text).not.toMatch(/undefined|NaN/);
});

test('a grant request for an action whose budget does not balance is refused in French, no document made', () => {
  const before = h.emulator.documentApp._documentIds().length;
  const { result } = h.api<Answer>('makeDocument', { type: 'grantRequest', subject: firstId('Actions') });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).toMatch(/écart|équilibr/);
  expect(h.emulator.documentApp._documentIds()).toHaveLength(before);
});
