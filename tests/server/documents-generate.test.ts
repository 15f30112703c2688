/**
 * The documents service on the built bundle: a meeting's minutes generated from its record,
 * regenerated in place (one document, one « Documents » row), never over a user's edits without
 * `overwrite`, values with `$`, `\`, `{{` and regex characters kept, service calls independent of
 * the number of placeholders, a user template's unknown placeholders reported with their place.
 */
import type { DocumentContent } from '../../local/emulator/services/docs';
import { blockText } from '../../local/emulator/services/docs/model';
import { type Harness, setUpHarness } from './harness';

interface Answer {
  status: string;
  documentId: string;
  url: string;
  name: string;
  recordId: string;
  message: string;
}

function addMeeting(h: Harness, values: Record<string, unknown>, n = 1): string {
  const { result } = h.api<{ id: string }>('saveRecord', {
    sheet: 'meetings',
    values: {
      title: 'Conseil d’administration',
      type: 'Conseil d’administration',
      date: '2026-03-12',
      ...values,
    },
    requestId: `meeting-request-${n}`,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.id;
}

function text(h: Harness, id: string): string {
  const content: DocumentContent = h.emulator.documentApp._document(id);
  return blockText(content.body);
}

function documentsRows(h: Harness): Record<string, unknown>[] {
  const { result } = h.api<{ values: Record<string, unknown> }[]>('listRecords', 'documents');
  if (!result.ok) throw new Error(result.error.message);
  return result.data.map((r) => r.values);
}

/** Google Docs in Drive, templates included, not trashed. */
function docsInDrive(h: Harness): string[] {
  return h.emulator.documentApp._documentIds();
}

describe('generating a meeting’s minutes', () => {
  let h: Harness;
  beforeAll(() => {
    h = setUpHarness();
  }, 120_000);

  test('first generation: the default template is made, the minutes filled, the links written back', () => {
    const meeting = addMeeting(h, {
      participants: 'Awa, Bruno',
      agenda: 'Budget 2026',
      decisions: 'Adopter le budget\nRecruter un·e service civique\nRepeindre la salle',
      nextSteps: 'Awa : devis peinture',
    });
    const { result } = h.api<Answer>('makeDocument', { type: 'meetingMinutes', subject: meeting });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.status).toBe('created');
    expect(docsInDrive(h)).toHaveLength(2); // the template « Modèle — Compte rendu de réunion » and the minutes
    const body = text(h, result.data.documentId);
    expect(body).toContain('Compte rendu — Conseil d’administration');
    expect(body).toContain('Conseil d’administration, le 12 mars 2026.');
    expect(body).toContain(
      'Décisions\nAdopter le budget\nRecruter un·e service civique\nRepeindre la salle\n',
    );
    expect(body).toContain('Suites à donner\nN°\tQui fait quoi, pour quand\n1\tAwa : devis peinture\n');
    expect(body).not.toContain('{{');
    // A venue without name or address in its settings gets no line of stray punctuation.
    expect(body).not.toMatch(/^[ —,·]*[—,][ —,·]*$/m);
    const rows = documentsRows(h);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'Compte rendu de réunion',
      sourceRecordId: meeting,
      fileId: result.data.documentId,
      link: result.data.url,
      status: 'Brouillon',
    });
    const { result: meetings } = h.api<{ id: string; values: Record<string, unknown> }[]>(
      'listRecords',
      'meetings',
    );
    if (!meetings.ok) throw new Error(meetings.error.message);
    expect(meetings.data.find((m) => m.id === meeting)?.values.minutesLink).toBe(result.data.url);
  });

  test('regenerating twice leaves one document and one « Documents » row, updated', () => {
    const meeting = addMeeting(h, { title: 'Bureau de mars', decisions: 'Une' }, 2);
    const first = h.api<Answer>('makeDocument', { type: 'meetingMinutes', subject: meeting }).result;
    if (!first.ok) throw new Error(first.error.message);
    const docsBefore = docsInDrive(h).length;
    const rowsBefore = documentsRows(h).length;
    for (let i = 0; i < 2; i += 1) {
      const again = h.api<Answer>('makeDocument', { type: 'meetingMinutes', subject: meeting }).result;
      if (!again.ok) throw new Error(again.error.message);
      expect(again.data).toMatchObject({
        status: 'updated',
        documentId: first.data.documentId,
        recordId: first.data.recordId,
      });
    }
    expect(docsInDrive(h)).toHaveLength(docsBefore);
    expect(documentsRows(h)).toHaveLength(rowsBefore);
    expect(text(h, first.data.documentId).match(/Compte rendu — Bureau de mars/g)).toHaveLength(1);
  });

  test('a document the user edited is not overwritten without `overwrite: true`; a new version keeps it', () => {
    const meeting = addMeeting(h, { title: 'AG 2026', decisions: 'Élire le CA' }, 3);
    const first = h.api<Answer>('makeDocument', { type: 'meetingMinutes', subject: meeting }).result;
    if (!first.ok) throw new Error(first.error.message);
    const id = first.data.documentId;
    h.emulator.documentApp._userEdits(id, (c) => {
      const p = c.body.children[0];
      if (p.type !== 'TABLE') p.runs.push({ text: ' (relu par Awa)', attrs: {} });
    });
    const edited = text(h, id);
    const asked = h.api<Answer>('makeDocument', { type: 'meetingMinutes', subject: meeting }).result;
    expect(asked).toMatchObject({ ok: true, data: { status: 'editedByUser', documentId: id } });
    expect(text(h, id)).toBe(edited);

    const version = h.api<Answer>('makeDocument', {
      type: 'meetingMinutes',
      subject: meeting,
      mode: 'newVersion',
    }).result;
    if (!version.ok) throw new Error(version.error.message);
    expect(version.data.status).toBe('newVersion');
    expect(version.data.documentId).not.toBe(id);
    expect(version.data.name).toMatch(/ — version du \d\d\/\d\d\/2026$/);
    expect(text(h, id)).toBe(edited);

    const forced = h.api<Answer>('makeDocument', {
      type: 'meetingMinutes',
      subject: meeting,
      overwrite: true,
    }).result;
    if (!forced.ok) throw new Error(forced.error.message);
    // The latest row is the new version: that is the one regenerated.
    expect(forced.data).toMatchObject({ status: 'updated', documentId: version.data.documentId });
  });

  test('values with $, \\, {{ and regex characters go in as they are', () => {
    const hostile = 'Prix $1 $& \\1 \\\\ {{titre}} (a|b)* [x] ^fin$ .+?';
    const meeting = addMeeting(h, { title: 'Réunion $&', agenda: hostile, decisions: `${hostile}\n$0` }, 4);
    const r = h.api<Answer>('makeDocument', { type: 'meetingMinutes', subject: meeting }).result;
    if (!r.ok) throw new Error(r.error.message);
    const body = text(h, r.data.documentId);
    expect(body).toContain(`Compte rendu — Réunion $&`);
    expect(body).toContain(`\n${hostile}\n`);
    expect(body).toContain(`Décisions\n${hostile}\n$0\n`);
  });

  test('a PDF beside the document, replaced (not duplicated) when regenerated', () => {
    const meeting = addMeeting(h, { title: 'Bureau PDF', decisions: 'Une' }, 5);
    const first = h.api<Answer & { pdfUrl: string }>('makeDocument', {
      type: 'meetingMinutes',
      subject: meeting,
      pdf: true,
    });
    if (!first.result.ok) throw new Error(first.result.error.message);
    expect(first.stats.byMethod).toMatchObject({ 'Document.getAs': 1, 'Drive.Files.create': 2 });
    const pdfs = () => [...h.emulator.drive.items.values()].filter((i) => i.mimeType === 'application/pdf');
    expect(pdfs()).toHaveLength(1);
    const pdf = pdfs()[0];
    expect(pdf.name).toBe(`${first.result.data.name}.pdf`);
    expect(pdf.parents).toEqual(h.emulator.drive.items.get(first.result.data.documentId)?.parents);
    expect(
      Buffer.from(pdf.data ?? '', 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(first.result.data.pdfUrl).toBe(`https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk`);
    const docId = first.result.data.documentId;
    expect(documentsRows(h).find((r) => r.fileId === docId)?.pdfLink).toBe(first.result.data.pdfUrl);
    const again = h.api<Answer & { pdfUrl: string }>('makeDocument', {
      type: 'meetingMinutes',
      subject: meeting,
      pdf: true,
    });
    if (!again.result.ok) throw new Error(again.result.error.message);
    expect(again.result.data.pdfUrl).toBe(first.result.data.pdfUrl);
    expect(again.stats.byMethod['Drive.Files.update']).toBe(1);
    expect(pdfs()).toHaveLength(1);
  });

  test('bad requests are refused in French and change nothing', () => {
    const before = docsInDrive(h).length;
    for (const [request, code] of [
      [{ type: 'inconnu', subject: 'REU-0001' }, 'error.unknownDocumentType'],
      [{ type: 'meetingMinutes', subject: 2026 }, 'error.documentSubject'],
      [{ type: 'meetingMinutes', subject: 'REU-9999' }, 'error.recordNotFound'],
      [{ type: 'meetingMinutes', subject: 'x', extra: 1 }, 'error.invalidArgument'],
      ['meetingMinutes', 'error.invalidArgument'],
    ] as const) {
      const r = h.api<Answer>('makeDocument', request).result;
      expect(r).toMatchObject({ ok: false, error: { code } });
    }
    expect(docsInDrive(h)).toHaveLength(before);
  });
});
