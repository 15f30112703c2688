/**
 * A real, small PDF of a document's text (Helvetica, WinAnsi, A4, one line per paragraph, new
 * pages as needed), made here so File.getAs('application/pdf') returns bytes a PDF reader opens.
 * It is not Google's layout: only the text and its order are meant to match.
 */
import { type DocumentContent, runsText, type BlockNode } from '../docs/model';

/** WinAnsi code for the characters outside Latin-1 that French text uses. */
const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '’': 0x92,
  '‘': 0x91,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '…': 0x85,
  œ: 0x9c,
  Œ: 0x8c,
};

function encode(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (WIN_ANSI[ch] !== undefined) bytes.push(WIN_ANSI[ch]);
    else if (code === 0x202f) bytes.push(0xa0);
    else if (code < 256) bytes.push(code);
    else bytes.push(0x3f);
  }
  const out: number[] = [];
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out.push(0x5c);
    out.push(b);
  }
  return Buffer.from(out);
}

function lines(content: DocumentContent): string[] {
  const out: string[] = [];
  const walk = (node: BlockNode, indent: string) => {
    if (node.type === 'TABLE') {
      for (const row of node.rows)
        out.push(
          row.cells
            .map((c) => c.children.map((k) => (k.type === 'TABLE' ? '' : runsText(k.runs))).join(' '))
            .join(' | '),
        );
      return;
    }
    const prefix = node.type === 'LIST_ITEM' ? `${'  '.repeat(node.nesting)}• ` : indent;
    out.push(prefix + runsText(node.runs));
  };
  for (const n of content.body.children) walk(n, '');
  return out;
}

/** The PDF bytes. */
export function renderPdf(content: DocumentContent, title: string): Buffer {
  const all = lines(content);
  const perPage = 50;
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(all.length, 1); i += perPage) pages.push(all.slice(i, i + perPage));
  const objects: Buffer[] = [];
  const fontId = 3;
  const firstPageId = 4;
  const kids = pages.map((_, i) => `${firstPageId + i * 2} 0 R`).join(' ');
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`));
  objects.push(
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  );
  pages.forEach((page, i) => {
    const parts: Buffer[] = [Buffer.from('BT /F1 11 Tf 56 800 Td 14 TL\n')];
    for (const line of page) parts.push(Buffer.from('('), encode(line), Buffer.from(') Tj T*\n'));
    parts.push(Buffer.from('ET'));
    const stream = Buffer.concat(parts);
    objects.push(
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${firstPageId + i * 2 + 1} 0 R >>`,
      ),
    );
    objects.push(
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} >>\nstream\n`),
        stream,
        Buffer.from('\nendstream'),
      ]),
    );
  });
  objects.push(
    Buffer.concat([
      Buffer.from('<< /Title ('),
      encode(title),
      Buffer.from(') /Producer (Pilote emulator) >>'),
    ]),
  );
  const infoId = objects.length;
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n'];
  for (const o of offsets) xref.push(`${String(o).padStart(10, '0')} 00000 n \n`);
  xref.push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  );
  chunks.push(Buffer.from(xref.join('')));
  return Buffer.concat(chunks);
}
