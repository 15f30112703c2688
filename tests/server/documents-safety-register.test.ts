/**
 * « Registre de sécurité » made through the shipped bundle on the demo workbook: its section
 * « Vérifications périodiques dues » computes last done, next due and status from the register's
 * typed dates (src/domain/safety/schedule.ts), and says exactly what the formulas of
 * « Échéancier de sécurité » display; the open ticket linked to a check is listed.
 */
import type { DocumentContent, TableNode } from '../../local/emulator/services/docs/model';
import { blockText } from '../../local/emulator/services/docs/model';
import { demoHarness, sheetDisplay } from './harness';

const h = demoHarness();

test('the schedule section equals the sheet’s formulas, row by row; the linked open ticket is listed', () => {
  const { result } = h.api<{ documentId: string; status: string }>('makeDocument', {
    type: 'safetyRegister',
    subject: 2026,
  });
  if (!result.ok) throw new Error(result.error.message);
  const content: DocumentContent = h.emulator.documentApp._document(result.data.documentId);
  const tables = content.body.children.filter((b): b is TableNode => b.type === 'TABLE');
  const rows = (t: TableNode) => t.rows.map((r) => r.cells.map((c) => blockText(c)));
  const docTable = tables.map(rows).find((t) => t[0][0] === 'Vérification' && t[0][1] === 'Périodicité');
  if (!docTable) throw new Error('no schedule table');

  const sheet = sheetDisplay(h, 'Échéancier de sécurité');
  const header = sheet.findIndex((r) => r.includes('Prochaine échéance'));
  const col = (label: string) => sheet[header].indexOf(label);
  const lines = sheet.slice(header + 1).filter((r) => r[col('Vérification')] !== '');
  expect(lines.length).toBe(13);
  expect(docTable.length - 1).toBe(lines.length);
  const fromSheet = lines.map((r) => [
    r[col('Dernière fois')] || 'jamais',
    r[col('Prochaine échéance')],
    r[col('État')],
  ]);
  const fromDoc = docTable.slice(1).map((r) => r.slice(4));
  expect(fromDoc).toEqual(fromSheet);
  expect(fromDoc.map((r) => r[2])).toEqual(expect.arrayContaining(['En retard', 'Bientôt', 'À jour']));

  const text = blockText(content.body);
  expect(text).toContain('(vérification SEC-0017 du 11/03/2026) — Signalée, priorité Haute');
  expect(text).not.toContain('{{');
});
