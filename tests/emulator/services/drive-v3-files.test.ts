/**
 * The Advanced Drive service (v3) emulator: files.create/get/update over the shared Drive store,
 * drive.file visibility (only the app's files), default response fields, Google's error shapes,
 * scopes per method enforced by the membrane.
 */
import { Emulator } from '../../../local/emulator/emulator';
import { DRIVE_V3_SCOPES } from '../../../local/emulator/services/drive-v3';
import { MIME } from '../../../local/emulator/services/drive/store';
import { scriptHarness } from './docs-harness';

const SCRIPT = `
function folderAndDoc() {
  var folder = Drive.Files.create({ name: 'Pilote — Modèles', mimeType: 'application/vnd.google-apps.folder' });
  var doc = Drive.Files.create({ name: 'Modèle', mimeType: 'application/vnd.google-apps.document', parents: [folder.id] }, null, { fields: 'id,parents,webViewLink' });
  DocumentApp.openById(doc.id).getBody().appendParagraph('Bonjour');
  return { folder: folder, doc: doc };
}
function getIt(id, fields) { return fields ? Drive.Files.get(id, { fields: fields }) : Drive.Files.get(id); }
function tryGet(id) { try { Drive.Files.get(id); return 'ok'; } catch (e) { return e.name + ': ' + e.message; } }
function rename(id, name) { return Drive.Files.update({ name: name }, id, null, { fields: 'id,name' }); }
function move(id, from, to) { return Drive.Files.update({}, id, null, { addParents: to, removeParents: from, fields: 'parents' }); }
function writeParents(id) { try { Drive.Files.update({ parents: ['x'] }, id); return 'ok'; } catch (e) { return e.message; } }
function pdfOf(id) {
  var doc = DocumentApp.openById(id);
  doc.getBody().appendParagraph('pas encore enregistré');
  var blob = doc.getAs('application/pdf');
  var refused;
  try { doc.getAs('text/plain'); } catch (e) { refused = e.message; }
  return { type: blob.getContentType(), name: blob.getName(), head: blob.getDataAsString().slice(0, 5), text: blob.getDataAsString(), refused: refused };
}
function trash(id) { return Drive.Files.update({ trashed: true }, id, null, { fields: 'trashed' }); }
`;

describe('Drive.Files (v3)', () => {
  test('creates a folder and a Doc in it; default fields are kind, id, name, mimeType', () => {
    const { runner, emulator } = scriptHarness(SCRIPT);
    const out = runner.call('folderAndDoc');
    if (!out.ok) throw new Error(out.error);
    const { folder, doc } = out.value as { folder: Record<string, unknown>; doc: Record<string, unknown> };
    expect(Object.keys(folder).sort()).toEqual(['id', 'kind', 'mimeType', 'name']);
    expect(folder).toMatchObject({ kind: 'drive#file', mimeType: MIME.FOLDER, name: 'Pilote — Modèles' });
    expect(doc).toEqual({
      id: expect.any(String),
      parents: [folder.id],
      webViewLink: `https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`,
    });
    expect(emulator.documentApp._document(String(doc.id)).body.children).toHaveLength(2);
    expect(out.stats.byMethod).toMatchObject({ 'Drive.Files.create': 2, 'DocumentApp.openById': 1 });
  });

  test('drive.file: a file the app did not create is « File not found » (404), even when it exists', () => {
    const emulator = new Emulator();
    const mine = emulator.drive.add('Le modèle de la coordinatrice', MIME.GOOGLE_DOCS, emulator.drive.rootId);
    const { runner } = scriptHarness(SCRIPT, emulator);
    expect(runner.call('tryGet', mine.id)).toMatchObject({
      ok: true,
      value: `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${mine.id}.`,
    });
    emulator.driveV3._grantFullDrive();
    expect(runner.call('tryGet', mine.id)).toMatchObject({ ok: true, value: 'ok' });
  });

  test('update renames, moves with addParents/removeParents, trashes; parents is not writable', () => {
    const { runner } = scriptHarness(SCRIPT);
    const made = runner.call('folderAndDoc');
    if (!made.ok) throw new Error(made.error);
    const { folder, doc } = made.value as { folder: { id: string }; doc: { id: string } };
    expect(runner.call('rename', doc.id, 'CR $1 \\\\')).toMatchObject({
      value: { id: doc.id, name: 'CR $1 \\\\' },
    });
    const other = runner.call('folderAndDoc');
    if (!other.ok) throw new Error(other.error);
    const to = (other.value as { folder: { id: string } }).folder.id;
    expect(runner.call('move', doc.id, folder.id, to)).toMatchObject({ value: { parents: [to] } });
    expect(runner.call('writeParents', doc.id)).toMatchObject({
      value:
        'API call to drive.files.update failed with error: The resource body includes fields which are not directly writable.',
    });
    expect(runner.call('trash', doc.id)).toMatchObject({ value: { trashed: true } });
    expect(runner.call('getIt', doc.id, 'trashed')).toMatchObject({ value: { trashed: true } });
  });

  test('Document.getAs(PDF) exports the saved document (pending edits are not in it), other types refused', () => {
    const { runner } = scriptHarness(SCRIPT);
    const made = runner.call('folderAndDoc');
    if (!made.ok) throw new Error(made.error);
    const { doc } = made.value as { doc: { id: string } };
    const out = runner.call('pdfOf', doc.id);
    if (!out.ok) throw new Error(out.error);
    const value = out.value as { type: string; name: string; head: string; text: string; refused: string };
    expect(value).toMatchObject({ type: 'application/pdf', name: 'Modèle.pdf', head: '%PDF-' });
    expect(value.text).toContain('Bonjour');
    expect(value.text).not.toContain('pas encore');
    expect(value.refused).toBe(
      'Converting from application/vnd.google-apps.document to text/plain is not supported.',
    );
    expect(out.stats.byMethod['Document.getAs']).toBe(2);
  });

  test('the scope table lists drive.file for each method, and the membrane enforces it', () => {
    for (const m of ['Drive.Files.create', 'Drive.Files.get', 'Drive.Files.update'])
      expect(DRIVE_V3_SCOPES[m]).toContain('https://www.googleapis.com/auth/drive.file');
    const { runner } = scriptHarness(SCRIPT);
    // The harness' manifest has no oauthScopes (Google infers them): restrict it explicitly.
    const { Runner } = jest.requireActual(
      '../../../local/runner/runner',
    ) as typeof import('../../../local/runner/runner');
    const strict = new Runner({
      bundlePath: (runner as unknown as { options: { bundlePath: string } }).options.bundlePath,
      host: new Emulator(),
      manifest: { timeZone: 'Europe/Paris', oauthScopes: ['https://www.googleapis.com/auth/documents'] },
    });
    const out = strict.call('folderAndDoc');
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.error).toContain(
        'Specified permissions are not sufficient to call Drive.Files.create. Required permissions: (https://www.googleapis.com/auth/drive || https://www.googleapis.com/auth/drive.appdata || https://www.googleapis.com/auth/drive.file)',
      );
  });
});
