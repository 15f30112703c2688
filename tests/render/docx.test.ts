/**
 * The .docx and HTML renderers: an emulated Google Doc with headings, a nested list, a table and
 * styled runs, written as .docx and read back by mammoth (a real docx reader), has the same text in
 * the same order as the emulated document; the HTML escapes everything it is given.
 */
import mammoth from 'mammoth';
import { Emulator } from '../../local/emulator/emulator';
import type { DocumentContent } from '../../local/emulator/services/docs';
import { renderDocx } from '../../local/render/docx';
import { renderHtml } from '../../local/render/html';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function buildDocument(): { emulator: Emulator; id: string } {
  const emulator = new Emulator();
  emulator.beginExecution('build', 'normal');
  const doc = emulator.documentApp.create('Rapport d’activités 2026');
  const body = doc.getBody();
  body.getParagraphs()[0].setText('Rapport d’activités 2026').setHeading('TITLE');
  body.appendParagraph('Chiffres clés').setHeading('HEADING1');
  const p = body.appendParagraph(`Fréquentation : 12${NNBSP}345 personnes, budget 1${NBSP}234,50${NBSP}€.`);
  p.editAsText().setBold(0, 13, true).setItalic(16, 21, true);
  body
    .appendParagraph('Voir le site')
    .editAsText()
    .setLinkUrl(0, 11, 'https://tiers-lieu.example/?a=1&b=<2>');
  body.appendListItem('Axe 1 : lien social');
  body.appendListItem('Objectif 1.1 — « café »').setNestingLevel(1);
  body.appendListItem('Objectif 1.2 <script>').setNestingLevel(1);
  body.appendListItem('Axe 2 : économie').setNestingLevel(0);
  body.appendParagraph('Budget').setHeading('HEADING2');
  const table = body.appendTable([
    ['Compte', 'Montant'],
    ['60 — Achats', `1${NBSP}000,00${NBSP}€`],
    ['74 — Subventions', `234,50${NBSP}€`],
  ]);
  table.getCell(0, 0).setBackgroundColor('#dddddd');
  body.appendParagraph('Perspectives 2027 & au-delà');
  doc.saveAndClose();
  emulator.endExecution();
  return { emulator, id: emulator.documentApp._documentIds()[0] };
}

/** The emulated document's texts in reading order (table cells one by one). */
function texts(content: DocumentContent): string[] {
  const out: string[] = [];
  for (const node of content.body.children) {
    if (node.type === 'TABLE') {
      for (const row of node.rows)
        for (const cell of row.cells)
          for (const k of cell.children) if (k.type !== 'TABLE') out.push(k.runs.map((r) => r.text).join(''));
    } else out.push(node.runs.map((r) => r.text).join(''));
  }
  return out.filter((t) => t !== '');
}

describe('renderDocx', () => {
  test('mammoth reads back the same text, in order, with French spaces intact', async () => {
    const { emulator, id } = buildDocument();
    const content = emulator.documentApp._document(id);
    const buffer = await renderDocx(content, 'Rapport');
    const { value } = await mammoth.extractRawText({ buffer });
    const read = value.split('\n').filter((l) => l.trim() !== '');
    expect(read).toEqual(texts(content));
    expect(value).toContain(`12${NNBSP}345`);
    expect(value).toContain(`1${NBSP}234,50${NBSP}€`);
  });

  test('headings, nested lists, tables, bold, italic and links survive as structure', async () => {
    const { emulator, id } = buildDocument();
    const buffer = await renderDocx(emulator.documentApp._document(id), 'Rapport');
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<h1>Chiffres clés</h1>');
    expect(html).toContain('<h2>Budget</h2>');
    expect(html).toMatch(
      /<ul><li>Axe 1 : lien social<ul><li>Objectif 1\.1 — « café »<\/li><li>Objectif 1\.2 &lt;script&gt;<\/li><\/ul><\/li><li>Axe 2 : économie<\/li><\/ul>/,
    );
    expect(html).toContain('<strong>Fréquentation </strong>');
    expect(html).toContain(`<em>12${NNBSP}345</em>`);
    expect(html).toContain('<a href="https://tiers-lieu.example/?a=1&amp;b=&lt;2&gt;">Voir le site</a>');
    expect(html).toMatch(/<table><tr><td><p>Compte<\/p><\/td><td><p>Montant<\/p><\/td><\/tr>/);
  });
});

describe('renderHtml', () => {
  test('same structure as the document, every text escaped', () => {
    const { emulator, id } = buildDocument();
    const html = renderHtml(emulator.documentApp._document(id), 'Rapport <1> & "2"');
    expect(html).toContain('<title>Rapport &lt;1&gt; &amp; &quot;2&quot;</title>');
    expect(html).toContain('<h1>Chiffres clés</h1>');
    expect(html).toContain('<li>Objectif 1.2 &lt;script&gt;</li>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<ul><li>Axe 1 : lien social<ul><li>Objectif 1.1 — « café »</li>');
    expect(html).toContain('<strong>Fréquentation </strong>');
    expect(html).toContain('<a href="https://tiers-lieu.example/?a=1&amp;b=&lt;2&gt;">Voir le site</a>');
    expect(html).toContain('<td style="background:#dddddd"><p>Compte</p></td>');
    expect(html).toContain('Perspectives 2027 &amp; au-delà');
    expect(html).toContain(`1${NBSP}234,50${NBSP}€`);
  });

  test('a javascript: link is not made a link', () => {
    const content: DocumentContent = {
      body: {
        type: 'BODY_SECTION',
        children: [
          {
            type: 'PARAGRAPH',
            heading: 'NORMAL',
            alignment: null,
            runs: [{ text: 'x', attrs: { LINK_URL: 'javascript:alert(1)' } }],
          },
        ],
      },
      header: null,
      footer: null,
    };
    expect(renderHtml(content, 't')).not.toContain('href');
  });
});

describe('export (the CLI’s `export docx|html <id> <file>`)', () => {
  test('writes a .docx that mammoth opens with the document’s text, and an HTML file', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { exportDocument } = await import('../../local/render/export');
    const { emulator, id } = buildDocument();
    const dir = mkdtempSync(join(tmpdir(), 'pilote-export-'));
    const docx = await exportDocument(emulator, 'docx', id, join(dir, 'r.docx'));
    expect(docx.name).toBe('Rapport d’activités 2026');
    const { value } = await mammoth.extractRawText({ path: docx.file });
    expect(value.split('\n').filter((l) => l.trim() !== '')).toEqual(
      texts(emulator.documentApp._document(id)),
    );
    const html = await exportDocument(emulator, 'html', id, join(dir, 'r.html'));
    expect(readFileSync(html.file, 'utf8')).toContain('<h2>Budget</h2>');
    await expect(exportDocument(emulator, 'docx', 'inconnu', join(dir, 'x.docx'))).rejects.toThrow(
      'no document inconnu',
    );
  });
});
