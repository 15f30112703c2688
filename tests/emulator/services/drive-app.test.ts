/** DriveApp (developers.google.com/apps-script/reference/drive/…) through a script, and its scopes. */
import { Emulator } from '../../../local/emulator/emulator';
import { COSTS } from '../../../local/emulator/runtime';
import { DOCS_SCOPES } from '../../../local/emulator/services/docs';
import { DRIVE_SCOPES } from '../../../local/emulator/services/drive';
import { scriptHarness } from './docs-harness';

const SCRIPT = `
function folders() {
  var root = DriveApp.createFolder('Pilote — Modèles');
  var year = root.createFolder('2026');
  root.createFolder('2027');
  var names = [];
  var it = root.getFolders();
  while (it.hasNext()) names.push(it.next().getName());
  var byName = DriveApp.getFoldersByName('2026');
  var found = byName.next().getId() === year.getId();
  var end = '';
  try { byName.next(); } catch (e) { end = e.message; }
  return [names, found, byName.hasNext(), end, DriveApp.getFolderById(year.getId()).getName(), year.getParents().next().getId() === root.getId()];
}
function copyDoc() {
  var doc = DocumentApp.create('Modèle rapport');
  doc.getBody().appendParagraph('Bonjour {{nom}}');
  var id = doc.getId();
  doc.saveAndClose();
  var folder = DriveApp.createFolder('Rapports');
  var copy = DriveApp.getFileById(id).makeCopy('Rapport 2026', folder);
  var parents = copy.getParents();
  return [copy.getName(), String(copy.getMimeType()), parents.next().getId() === folder.getId(), copy.getId() !== id,
          DocumentApp.openById(copy.getId()).getBody().getText(), copy.getUrl().indexOf('https://docs.google.com/document/d/' + copy.getId()) === 0,
          folder.getFilesByName('Rapport 2026').hasNext()];
}
function pdf(id) {
  var blob = DriveApp.getFileById(id).getAs(MimeType.PDF);
  var folder = DriveApp.getRootFolder();
  var file = folder.createFile(blob);
  return [blob.getName(), blob.getContentType(), file.getName(), String(file.getMimeType()), blob.getBytes().length];
}
function badConversion() {
  var f = DriveApp.getRootFolder().createFile('notes.txt', 'du texte');
  try { f.getAs(MimeType.PDF); return 'converted'; } catch (e) { return e.message; }
}
function missing() {
  try { DriveApp.getFileById('inconnu'); return 'found'; } catch (e) { return e.message; }
}
function trash(id) {
  var f = DriveApp.getFileById(id);
  f.setTrashed(true);
  return [f.isTrashed(), DriveApp.getFileById(id).isTrashed(), DriveApp.getFilesByName(f.getName()).hasNext()];
}
function move(id) {
  var dest = DriveApp.createFolder('Archives');
  DriveApp.getFileById(id).moveTo(dest);
  return DriveApp.getFileById(id).getParents().next().getName();
}
function touch(id) {
  var d = DocumentApp.openById(id);
  d.getBody().appendParagraph('modifié');
  d.saveAndClose();
  return DriveApp.getFileById(id).getLastUpdated().getTime();
}
function lastUpdated(id) { return DriveApp.getFileById(id).getLastUpdated().getTime(); }
`;

function makeDoc(emulator: Emulator, text = 'Bonjour'): string {
  emulator.beginExecution('setup', 'normal');
  const doc = emulator.documentApp.create('Rapport d’activités');
  doc.getBody().appendParagraph(text);
  const id = doc.getId();
  doc.saveAndClose();
  emulator.endExecution();
  return id;
}

describe('DriveApp', () => {
  test('folders nest, iterate and are found by name; next() past the end throws (drive/folder-iterator#next())', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('folders')).toMatchObject({
      ok: true,
      value: [
        ['2026', '2027'],
        true,
        false,
        'Cannot retrieve the next object: iterator has reached the end.',
        '2026',
        true,
      ],
    });
  });

  test('makeCopy(name, folder) of a Google Doc copies its content into the folder (drive/file#makeCopy(String,Folder))', () => {
    const { runner } = scriptHarness(SCRIPT);
    const out = runner.call('copyDoc');
    expect(out).toMatchObject({
      ok: true,
      value: [
        'Rapport 2026',
        'application/vnd.google-apps.document',
        true,
        true,
        '\nBonjour {{nom}}',
        true,
        true,
      ],
    });
    if (out.ok) expect(out.stats.byMethod['File.makeCopy']).toBe(1);
  });

  test('getAs(PDF) returns a real PDF blob named after the file, charged as a PDF export (drive/file#getAs(String))', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const id = makeDoc(emulator, 'Synthèse : 1 234,50 €');
    const out = runner.call('pdf', id);
    if (!out.ok) throw new Error(out.error);
    expect(out.value).toEqual([
      'Rapport d’activités.pdf',
      'application/pdf',
      'Rapport d’activités.pdf',
      'application/pdf',
      expect.any(Number),
    ]);
    expect(out.stats.log.filter((l) => l.kind === 'pdfExport')).toHaveLength(1);
    expect(out.stats.ms).toBeGreaterThanOrEqual(COSTS.pdfExport);
    const file = [...emulator.drive.items.values()].find((i) => i.mimeType === 'application/pdf')!;
    const bytes = Buffer.from(file.data!, 'base64');
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text).toContain('(Synth\xe8se : 1 234,50 \x80) Tj');
    // The xref table points at each object.
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/(\d{10}) 00000 n/g)].map((m) => Number(m[1]));
    expect(offsets.length).toBeGreaterThan(3);
    for (const [i, o] of offsets.entries())
      expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });

  test('only Google Docs convert to PDF here (drive/file#getAs(String))', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('badConversion')).toMatchObject({
      value: 'Converting from text/plain to application/pdf is not supported.',
    });
  });

  test('an unknown id throws (drive/drive-app#getFileById(String))', () => {
    const { runner } = scriptHarness(SCRIPT);
    expect(runner.call('missing')).toMatchObject({
      value: 'No item with the given ID could be found, or you do not have permission to access it.',
    });
  });

  test('a trashed file is still found by id and by name; isTrashed says so (drive/file#setTrashed(Boolean))', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const id = makeDoc(emulator);
    expect(runner.call('trash', id)).toMatchObject({ value: [true, true, true] });
  });

  test('moveTo changes the parent (drive/file#moveTo(Folder))', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const id = makeDoc(emulator);
    expect(runner.call('move', id)).toMatchObject({ value: 'Archives' });
  });

  test('getLastUpdated changes when the document is saved with edits, and when the user edits it (drive/file#getLastUpdated())', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const id = makeDoc(emulator);
    const first = (runner.call('lastUpdated', id) as { value: number }).value;
    const touched = (runner.call('touch', id) as { value: number }).value;
    expect(touched).toBeGreaterThan(first);
    emulator.runtime.clock.advance(60_000);
    const editedAt = emulator.runtime.clock.now();
    emulator.documentApp._userEdits(id, (content) => {
      content.body.children.push({
        type: 'PARAGRAPH',
        heading: 'NORMAL',
        alignment: null,
        runs: [{ text: 'note', attrs: {} }],
      });
    });
    const edited = (runner.call('lastUpdated', id) as { value: number }).value;
    expect(edited).toBe(editedAt);
    expect(edited).toBeGreaterThanOrEqual(touched + 60_000);
  });

  test('snapshot/restore keeps folders, files and saved documents', () => {
    const emulator = new Emulator();
    const id = makeDoc(emulator, 'À garder');
    const again = Emulator.fromSnapshot(JSON.parse(JSON.stringify(emulator.snapshot())));
    expect(again.documentApp._document(id)).toEqual(emulator.documentApp._document(id));
    expect(again.driveApp._item(id)).toEqual(emulator.driveApp._item(id));
    // New ids after a restore do not collide with the saved ones.
    again.beginExecution('x', 'normal');
    const other = again.documentApp.create('autre').getId();
    again.endExecution();
    expect(other).not.toBe(id);
  });
});

describe('scopes of the Docs and Drive emulators', () => {
  const DRIVE = 'https://www.googleapis.com/auth/drive';
  const DOCUMENTS = 'https://www.googleapis.com/auth/documents';

  test('opening or creating a document needs documents; element calls accept documents.currentonly', () => {
    expect(DOCS_SCOPES['DocumentApp.openById']).toEqual([DOCUMENTS]);
    expect(DOCS_SCOPES['DocumentApp.create']).toEqual([DOCUMENTS]);
    expect(DOCS_SCOPES['Body.appendParagraph']).toContain(
      'https://www.googleapis.com/auth/documents.currentonly',
    );
    expect(DOCS_SCOPES['Text.deleteText']).toContain(DOCUMENTS);
    expect(DOCS_SCOPES['Document.saveAndClose']).toContain(DOCUMENTS);
  });

  test('DriveApp writes need the full drive scope; no DriveApp method accepts drive.file', () => {
    for (const m of [
      'DriveApp.createFolder',
      'File.makeCopy',
      'Folder.createFile',
      'File.setTrashed',
      'File.moveTo',
    ])
      expect(DRIVE_SCOPES[m]).toEqual([DRIVE]);
    expect(DRIVE_SCOPES['DriveApp.getFileById']).toEqual([
      'https://www.googleapis.com/auth/drive.readonly',
      DRIVE,
    ]);
    expect(Object.values(DRIVE_SCOPES).flat()).not.toContain('https://www.googleapis.com/auth/drive.file');
  });

  test('every public method of the emulated classes has a scope entry, and no test helper does', () => {
    expect(Object.keys(DRIVE_SCOPES).some((k) => k.includes('._'))).toBe(false);
    expect(Object.keys(DOCS_SCOPES).some((k) => k.includes('._'))).toBe(false);
    expect(DRIVE_SCOPES['FileIterator.next']).toBeDefined();
    expect(DOCS_SCOPES['TableRow.getCell']).toBeDefined();
  });
});
