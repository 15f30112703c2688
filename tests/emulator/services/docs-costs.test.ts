/**
 * Buffered edits (developers.google.com/apps-script/reference/document/document#saveAndClose()):
 * edits are local calls, one batch edit per save with pending edits, and documents still open are
 * saved at the end of the execution.
 */
import { COSTS } from '../../../local/emulator/runtime';
import { scriptHarness } from './docs-harness';

const SCRIPT = `
function generate(n) {
  var doc = DocumentApp.create('Modèle');
  var body = doc.getBody();
  for (var i = 0; i < n; i++) body.appendParagraph('{{champ' + i + '}}').editAsText().insertText(0, 'v');
  var id = doc.getId();
  doc.saveAndClose();
  return id;
}
function leaveOpen(id) {
  DocumentApp.openById(id).getBody().appendParagraph('ajout');
  return 1;
}
function readOnly(id) {
  var doc = DocumentApp.openById(id);
  doc.getBody().getText();
  doc.saveAndClose();
  return 1;
}
function twice(id) {
  DocumentApp.openById(id).getBody().appendParagraph('un');
  return DocumentApp.openById(id).getBody().getNumChildren();
}
function pendingInvisibleToCopy(id) {
  DocumentApp.openById(id).getBody().appendParagraph('non enregistré');
  return DriveApp.getFileById(id).makeCopy('copie').getId();
}
`;

function countOf(stats: { byMethod: Record<string, number> }, key: string): number {
  return stats.byMethod[key] ?? 0;
}

describe('DocumentApp cost model', () => {
  test('service calls do not grow with the number of edits', () => {
    const { runner } = scriptHarness(SCRIPT);
    const small = runner.call('generate', 2);
    const large = runner.call('generate', 200);
    if (!small.ok || !large.ok) throw new Error('generation failed');
    expect(large.stats.calls).toBe(small.stats.calls);
    expect(large.stats.byMethod).toEqual({
      'DocumentApp.create': 1,
      'Document.saveAndClose (pending edits)': 1,
      'Document.saveAndClose': 1,
    });
    expect(large.stats.ms).toBe(COSTS.coldStart + COSTS.docsOpen + COSTS.docsBatchEdit + COSTS.docsSave);
  });

  test('a document left open is saved at the end of the execution', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const made = runner.call('generate', 1);
    const id = made.ok ? (made.value as string) : '';
    const open = runner.call('leaveOpen', id);
    if (!open.ok) throw new Error(open.error);
    expect(countOf(open.stats, 'Document.saveAndClose (pending edits)')).toBe(1);
    const texts = emulator.documentApp
      ._document(id)
      .body.children.map((c) => (c.type === 'TABLE' ? '' : c.runs.map((r) => r.text).join('')));
    expect(texts[texts.length - 1]).toBe('ajout');
  });

  test('a save without pending edits costs no batch edit and does not touch getLastUpdated', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const made = runner.call('generate', 1);
    const id = made.ok ? (made.value as string) : '';
    const before = emulator.driveApp._item(id)!.updatedAt;
    const read = runner.call('readOnly', id);
    if (!read.ok) throw new Error(read.error);
    expect(countOf(read.stats, 'Document.saveAndClose (pending edits)')).toBe(0);
    expect(countOf(read.stats, 'Document.saveAndClose')).toBe(1);
    expect(emulator.driveApp._item(id)!.updatedAt).toBe(before);
  });

  test('opening a document twice in one execution shares its pending edits', () => {
    const { runner } = scriptHarness(SCRIPT);
    const made = runner.call('generate', 1);
    expect(runner.call('twice', made.ok ? made.value : '')).toMatchObject({ ok: true, value: 3 });
  });

  test('makeCopy sees only saved content, not the pending edits of an open document', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const made = runner.call('generate', 1);
    const id = made.ok ? (made.value as string) : '';
    const copied = runner.call('pendingInvisibleToCopy', id);
    if (!copied.ok) throw new Error(copied.error);
    const copy = emulator.documentApp._document(copied.value as string);
    expect(JSON.stringify(copy)).not.toContain('non enregistré');
    expect(JSON.stringify(emulator.documentApp._document(id))).toContain('non enregistré');
  });
});
