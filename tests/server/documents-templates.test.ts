/**
 * Templates and Drive for the documents service: Pilote's templates and documents in their own
 * folders (Advanced Drive, drive.file), a user's own template named in « Paramètres du lieu »,
 * its unknown placeholders reported with their place, service calls that do not grow with the
 * number of placeholders or repeated rows, a 200-row table far under the 6-minute limit, and the
 * .docx of a generated document read back by mammoth with the same text.
 */
import mammoth from 'mammoth';
import type { DocumentContent, ParagraphNode, TableNode } from '../../local/emulator/services/docs';
import { blockText } from '../../local/emulator/services/docs/model';
import { MIME } from '../../local/emulator/services/drive/store';
import { renderDocx } from '../../local/render/docx';
import { type Harness, setUpHarness, sheetDisplay } from './harness';

interface Answer {
  status: string;
  documentId: string;
  url: string;
  name: string;
}

let requests = 0;
function addMeeting(h: Harness, values: Record<string, unknown>): string {
  requests += 1;
  const { result } = h.api<{ id: string }>('saveRecord', {
    sheet: 'meetings',
    values: { title: `Réunion ${requests}`, type: 'Conseil d’administration', date: '2026-05-04', ...values },
    requestId: `template-test-${requests}`,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.data.id;
}

const paragraph = (text: string): ParagraphNode => ({
  type: 'PARAGRAPH',
  heading: 'NORMAL',
  alignment: null,
  runs: [{ text, attrs: {} }],
});
const table = (rows: string[][]): TableNode => ({
  type: 'TABLE',
  rows: rows.map((cells) => ({
    type: 'TABLE_ROW',
    cells: cells.map((c) => ({ type: 'TABLE_CELL', background: null, children: [paragraph(c)] })),
  })),
});

/** A Doc the user made in their own Drive (not created by Pilote), with this body. */
function userDoc(h: Harness, name: string, children: DocumentContent['body']['children']): string {
  const item = h.emulator.drive.add(name, MIME.GOOGLE_DOCS, h.emulator.drive.rootId);
  h.emulator.documentApp._userEdits(item.id, (c) => {
    c.body.children = children;
  });
  return item.id;
}

function useTemplate(h: Harness, value: string): void {
  const rows = sheetDisplay(h, 'Paramètres du lieu');
  const at = rows.findIndex((r) => r[0] === 'templateMeetingMinutes');
  if (at < 0) throw new Error('no template setting');
  h.emulator.spreadsheetApp._userEdit('Paramètres du lieu', `C${at + 1}`, value);
}

function generate(h: Harness, meeting: string, extra: Record<string, unknown> = {}) {
  return h.api<Answer>('makeDocument', { type: 'meetingMinutes', subject: meeting, ...extra });
}

function pathOf(h: Harness, id: string): string[] {
  const names: string[] = [];
  let item = h.emulator.drive.items.get(id);
  while (item && item.parents.length > 0) {
    item = h.emulator.drive.items.get(item.parents[0]);
    if (item) names.unshift(item.name);
  }
  return names;
}

const text = (h: Harness, id: string) => blockText(h.emulator.documentApp._document(id).body);

describe('templates and folders', () => {
  let h: Harness;
  beforeAll(() => {
    h = setUpHarness();
  }, 120_000);
  afterEach(() => useTemplate(h, ''));

  test('Pilote’s template lives in « Pilote — Modèles », documents by year and type; folders found by id', () => {
    const r = generate(h, addMeeting(h, { decisions: 'Une' })).result;
    if (!r.ok) throw new Error(r.error.message);
    expect(pathOf(h, r.data.documentId)).toEqual([
      'Mon Drive',
      'Pilote — Documents',
      '2026',
      'Compte rendu de réunion',
    ]);
    const templates = [...h.emulator.drive.items.values()].filter(
      (i) => i.name === 'Modèle — Compte rendu de réunion',
    );
    expect(templates).toHaveLength(1);
    expect(pathOf(h, templates[0].id)).toEqual(['Mon Drive', 'Pilote — Modèles']);
    // The user renames the folder: the next document still goes into it, no second folder.
    const folder = h.emulator.drive.items.get(
      h.emulator.drive.items.get(r.data.documentId)?.parents[0] ?? '',
    );
    if (!folder) throw new Error('no folder');
    folder.name = 'CR réunions';
    const again = generate(h, addMeeting(h, {})).result;
    if (!again.ok) throw new Error(again.error.message);
    expect(h.emulator.drive.items.get(again.data.documentId)?.parents).toEqual([folder.id]);
    expect([...h.emulator.drive.items.values()].filter((i) => i.mimeType === MIME.FOLDER)).toHaveLength(5);
  });

  test('the minutes of a meeting held in 2025 go into the 2025 folder, whatever the year today', () => {
    const r = generate(h, addMeeting(h, { title: 'AG 2025', date: '2025-06-14', decisions: 'Une' })).result;
    if (!r.ok) throw new Error(r.error.message);
    expect(pathOf(h, r.data.documentId)).toEqual([
      'Mon Drive',
      'Pilote — Documents',
      '2025',
      'Compte rendu de réunion',
    ]);
  });

  test('a user’s own template (a Doc link in « Paramètres du lieu ») is used, read with the documents scope', () => {
    const id = userDoc(h, 'Notre modèle', [
      paragraph('CR maison : {{reunion.titre}} — {{reunion.date|date}}'),
      table([
        ['N°', 'Quoi'],
        ['{{#each decisions}}{{@numero}}', '{{texte|majuscules}}{{/each}}'],
      ]),
      paragraph('Fin.'),
    ]);
    useTemplate(h, `https://docs.google.com/document/d/${id}/edit?usp=sharing`);
    const r = generate(h, addMeeting(h, { title: 'Bureau', decisions: 'adopter\nvoter' })).result;
    if (!r.ok) throw new Error(r.error.message);
    expect(text(h, r.data.documentId)).toBe(
      'CR maison : Bureau — 04/05/2026\nN°\tQuoi\n1\tADOPTER\n2\tVOTER\nFin.\n',
    ); // the body's last paragraph cannot be removed: it stays, empty;
    expect(h.emulator.driveV3._appFiles.has(id)).toBe(false); // never touched through Drive
  });

  test('unknown placeholders of a user template are reported with their place; nothing is made', () => {
    const id = userDoc(h, 'Modèle avec fautes', [
      paragraph('Compte rendu'),
      paragraph('{{reunion.titr}} du {{reunion.date|date courte}}'),
      table([
        ['A', 'B'],
        ['x', '{{montant}}'],
      ]),
    ]);
    useTemplate(h, id);
    const before = h.emulator.documentApp._documentIds().length;
    const rows = sheetDisplay(h, 'Documents').length;
    const r = generate(h, addMeeting(h, {})).result;
    expect(r).toMatchObject({ ok: false, error: { code: 'error.templateProblems' } });
    if (r.ok) return;
    expect(r.error.message).toContain('3 champs à corriger');
    expect(r.error.message).toContain(
      '{{reunion.titr}} (paragraphe 2)\u00a0: ce champ n’existe pas, vouliez-vous dire «\u00a0reunion.titre\u00a0»\u00a0?',
    );
    expect(r.error.message).toContain('{{reunion.date|date courte}} (paragraphe 2)\u00a0: format inconnu');
    expect(r.error.message).toContain('{{montant}} (tableau 1, ligne 2, colonne 2)');
    expect(h.emulator.documentApp._documentIds()).toHaveLength(before);
    expect(sheetDisplay(h, 'Documents').length).toBe(rows);
  });

  test('a template setting naming no readable Doc is refused in French', () => {
    useTemplate(h, 'https://docs.google.com/document/d/1inexistantinexistantinexistant/edit');
    const r = generate(h, addMeeting(h, {})).result;
    expect(r).toMatchObject({ ok: false, error: { code: 'error.templateMissing' } });
  });

  test('service calls do not grow with placeholders or repeated rows; 200 rows stay far under 6 minutes', () => {
    const small = userDoc(h, 'Petit', [
      paragraph('{{reunion.titre}}'),
      table([['N°'], ['{{#each decisions}}{{@numero}}{{/each}}']]),
    ]);
    const big = userDoc(h, 'Grand', [
      ...Array.from({ length: 40 }, (_, i) =>
        paragraph(`${i} {{reunion.titre}} {{lieu.nom}} {{reunion.date|date longue}} {{reunion.type}}`),
      ),
      table([
        ['N°', 'Décision', 'Date'],
        ['{{#each decisions}}{{@numero}}', '{{texte}} {{texte|majuscules}}', '{{/each}}'],
      ]),
    ]);
    useTemplate(h, small);
    generate(h, addMeeting(h, { decisions: 'warm-up' })); // the folders exist from now on
    const few = generate(h, addMeeting(h, { decisions: 'a' }));
    useTemplate(h, big);
    const decisions = Array.from({ length: 200 }, (_, i) => `Décision ${i + 1}`).join('\n');
    const many = generate(h, addMeeting(h, { decisions }));
    if (!few.result.ok || !many.result.ok) throw new Error('generation failed');
    const methods = (m: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(m).filter(([k]) => !k.startsWith('Range.') && !k.startsWith('Sheet')),
      );
    expect(methods(many.stats.byMethod)).toEqual(methods(few.stats.byMethod));
    expect(many.stats.calls).toBe(few.stats.calls);
    expect(many.stats.byMethod['Document.saveAndClose (pending edits)']).toBe(1);
    expect(text(h, many.result.data.documentId)).toContain('200\tDécision 200 DÉCISION 200\t');
    expect(many.stats.ms).toBeLessThan(30_000);
  });

  test('the .docx of a generated document opens in mammoth with the same text', async () => {
    const r = generate(
      h,
      addMeeting(h, { participants: 'Awa', decisions: 'Budget 1\u00a0234,50\u00a0€\nRepas $1' }),
    ).result;
    if (!r.ok) throw new Error(r.error.message);
    const content = h.emulator.documentApp._document(r.data.documentId);
    const buffer = await renderDocx(content, r.data.name);
    const { value } = await mammoth.extractRawText({ buffer });
    const expected: string[] = [];
    for (const node of content.body.children) {
      if (node.type === 'TABLE')
        for (const row of node.rows) for (const cell of row.cells) expected.push(blockText(cell));
      else expected.push(blockText(node));
    }
    expect(value.split('\n').filter((l) => l.trim() !== '')).toEqual(expected.filter((t) => t.trim() !== ''));
    expect(value).toContain('Repas $1');
  });
});
