/**
 * An emulated Google Doc as HTML, for the playground and for reading a generated document in a
 * test: headings, paragraphs, bold/italic/underline/colour/links, nested lists, tables, page
 * breaks. Every text and attribute is escaped; non-breaking spaces are kept as characters.
 */
import type {
  BlockNode,
  DocumentContent,
  ListItemNode,
  Run,
  SectionNode,
} from '../emulator/services/docs/model';

const HEADING_TAG: Record<string, string> = {
  HEADING1: 'h1',
  HEADING2: 'h2',
  HEADING3: 'h3',
  HEADING4: 'h4',
  HEADING5: 'h5',
  HEADING6: 'h6',
  TITLE: 'h1',
  SUBTITLE: 'h2',
};

const ORDERED = new Set(['NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER']);

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) and mailto links become hrefs; anything else is dropped. */
function safeUrl(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

function runHtml(run: Run): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  const a = run.attrs;
  const style: string[] = [];
  if (a.FONT_SIZE) style.push(`font-size:${Number(a.FONT_SIZE)}pt`);
  if (a.FOREGROUND_COLOR && /^#[0-9a-fA-F]{6}$/.test(a.FOREGROUND_COLOR))
    style.push(`color:${a.FOREGROUND_COLOR}`);
  if (style.length) html = `<span style="${style.join(';')}">${html}</span>`;
  if (a.UNDERLINE) html = `<u>${html}</u>`;
  if (a.ITALIC) html = `<em>${html}</em>`;
  if (a.BOLD) html = `<strong>${html}</strong>`;
  const href = a.LINK_URL ? safeUrl(a.LINK_URL) : null;
  if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  return html;
}

function runsHtml(runs: readonly Run[]): string {
  return runs.map(runHtml).join('');
}

function alignStyle(alignment: string | null): string {
  return alignment && alignment !== 'LEFT' ? ` style="text-align:${alignment.toLowerCase()}"` : '';
}

/** Consecutive list items of one list become nested <ul>/<ol> by nesting level. */
function listHtml(items: ListItemNode[]): string {
  let html = '';
  const open: string[] = [];
  for (const item of items) {
    const tag = ORDERED.has(item.glyph) ? 'ol' : 'ul';
    const depth = item.nesting + 1;
    if (open.length >= depth) {
      while (open.length > depth) html += `</li></${open.pop()}>`;
      html += '</li>';
    }
    // Deeper lists open inside the current item.
    while (open.length < depth) {
      html += `<${tag}>`;
      open.push(tag);
    }
    html += `<li>${runsHtml(item.runs)}`;
  }
  while (open.length) html += `</li></${open.pop()}>`;
  return html;
}

export function blocksHtml(blocks: readonly BlockNode[]): string {
  let html = '';
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i];
    if (node.type === 'LIST_ITEM') {
      const items: ListItemNode[] = [];
      while (
        i < blocks.length &&
        blocks[i].type === 'LIST_ITEM' &&
        (blocks[i] as ListItemNode).listId === node.listId
      )
        items.push(blocks[i++] as ListItemNode);
      i -= 1;
      html += listHtml(items);
    } else if (node.type === 'TABLE') {
      html += '<table>';
      for (const row of node.rows) {
        html += '<tr>';
        for (const cell of row.cells) {
          const bg =
            cell.background && /^#[0-9a-f]{6}$/i.test(cell.background)
              ? ` style="background:${cell.background}"`
              : '';
          html += `<td${bg}>${blocksHtml(cell.children)}</td>`;
        }
        html += '</tr>';
      }
      html += '</table>';
    } else {
      const tag = HEADING_TAG[node.heading] ?? 'p';
      html += `<${tag}${alignStyle(node.alignment)}>${runsHtml(node.runs)}</${tag}>`;
      if (node.pageBreak) html += '<hr class="page-break">';
    }
  }
  return html;
}

function sectionHtml(section: SectionNode | null, tag: string): string {
  return section ? `<${tag}>${blocksHtml(section.children)}</${tag}>` : '';
}

/** A whole HTML page for the document. */
export function renderHtml(content: DocumentContent, title: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="fr"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:Arial,sans-serif;max-width:48rem;margin:2rem auto}table{border-collapse:collapse}td{border:1px solid #999;padding:4px 8px;vertical-align:top}td p{margin:0}.page-break{border:0;border-top:1px dashed #bbb}</style>',
    '</head><body>',
    sectionHtml(content.header, 'header'),
    `<main>${blocksHtml(content.body.children)}</main>`,
    sectionHtml(content.footer, 'footer'),
    '</body></html>',
  ].join('\n');
}
