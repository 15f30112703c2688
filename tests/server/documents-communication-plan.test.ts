/**
 * « Plan de communication » through the shipped bundle on the demo workbook: the Doc is made from
 * « Communication », each address of « E-mail du service communication » becomes a reader of it
 * (Drive.Permissions with drive.file, no notification e-mail), and making it again adds no
 * second permission.
 */
import type { DocumentContent } from '../../local/emulator/services/docs';
import { blockText } from '../../local/emulator/services/docs/model';
import { setSetting, demoHarness } from './harness';

interface Answer {
  status: string;
  documentId: string;
}

const h = demoHarness();

test('made from « Communication », shared as reader with the service once, again adds none', () => {
  const first = h.api<Answer>('makeDocument', { type: 'communicationPlan', subject: 2026 });
  if (!first.result.ok) throw new Error(first.result.error.message);
  expect(first.result.data.status).toBe('created');
  const id = first.result.data.documentId;
  const text = blockText((h.emulator.documentApp._document(id) as DocumentContent).body);
  expect(text).toContain('Plan de communication 2026');
  expect(text).not.toContain('{{');
  const communication = h.ss.getSheetByName('Communication');
  if (!communication) throw new Error('no Communication sheet');
  const subjects = communication
    .getDataRange()
    .getDisplayValues()
    .filter((r) => /^\d{2}\/\d{2}\/2026$/.test(r.find((c) => /^\d{2}\/\d{2}\/\d{4}$/.test(c)) ?? ''))
    .map((r) => r[1]);
  expect(subjects.length).toBeGreaterThan(0);
  for (const s of subjects) expect(text).toContain(s);

  const readers = () => h.emulator.driveV3._permissions(id).filter((p) => p.role === 'reader');
  expect(readers()).toEqual([
    {
      id: expect.any(String),
      type: 'user',
      role: 'reader',
      emailAddress: 'communication@valmoret.example',
      notified: false,
    },
  ]);
  expect(first.stats.byMethod).toMatchObject({ 'Drive.Permissions.list': 1, 'Drive.Permissions.create': 1 });

  const again = h.api<Answer>('makeDocument', { type: 'communicationPlan', subject: 2026 });
  if (!again.result.ok) throw new Error(again.result.error.message);
  expect(again.result.data).toMatchObject({ status: 'updated', documentId: id });
  expect(readers()).toHaveLength(1);
  expect(again.stats.byMethod['Drive.Permissions.list']).toBe(1);
  expect(again.stats.byMethod['Drive.Permissions.create']).toBeUndefined();
});

test('a second address in the setting is added alone; an empty setting shares nothing', () => {
  setSetting(h, 'communicationServiceEmail', 'communication@valmoret.example, Presse@Valmoret.example');
  const out = h.api<Answer>('makeDocument', { type: 'communicationPlan', subject: 2026 });
  if (!out.result.ok) throw new Error(out.result.error.message);
  const readers = h.emulator.driveV3
    ._permissions(out.result.data.documentId)
    .filter((p) => p.role === 'reader');
  expect(readers.map((p) => p.emailAddress)).toEqual([
    'communication@valmoret.example',
    'presse@valmoret.example',
  ]);
  expect(out.stats.byMethod['Drive.Permissions.create']).toBe(1);

  setSetting(h, 'communicationServiceEmail', '');
  const other = h.api<Answer>('makeDocument', { type: 'communicationPlan', subject: 2025 });
  if (!other.result.ok) throw new Error(other.result.error.message);
  expect(h.emulator.driveV3._permissions(other.result.data.documentId).map((p) => p.role)).toEqual(['owner']);
  expect(other.stats.byMethod['Drive.Permissions.list']).toBeUndefined();
});
