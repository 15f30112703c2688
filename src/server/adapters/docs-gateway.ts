/**
 * Google Docs for the documents service: reads a template's body as `TemplateNode`s, creates the
 * default templates from their definitions in code, and carries out a `planDocument` plan with
 * structural edits only — copy an element, delete and insert text at offsets, append, remove.
 * `replaceText` is never called: its pattern is a regular expression
 * (developers.google.com/apps-script/reference/document/body#replaceText(String,String)), so a
 * value holding `$`, `\` or `{{` is inserted as it is and never read again as a template.
 *
 * Every edit is buffered until `saveAndClose` (developers.google.com/apps-script/reference/
 * document/document#saveAndClose()): a document costs one open, one batch edit and one save
 * whatever its number of placeholders.
 */
import type { PlannedNode, TemplateNode, TextEdit } from '../../domain/documents/template';
import type { DefaultTemplateBlock } from '../documents/document-type';
import { createDocInFolder } from './drive-gateway';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type Doc = GoogleAppsScript.Document.Document;

/** A template opened for reading: its body's children, one `TemplateNode` each. */
export interface OpenedTemplate {
  id: string;
  nodes: TemplateNode[];
  children: Element[];
}

/** Reads a Doc's body: paragraphs and list items as their text, tables as their cells' texts. */
export function openTemplate(id: string): OpenedTemplate {
  const body = DocumentApp.openById(id).getBody();
  const children: Element[] = [];
  const nodes: TemplateNode[] = [];
  const n = body.getNumChildren();
  for (let i = 0; i < n; i += 1) {
    const child = body.getChild(i);
    children.push(child);
    const type = child.getType();
    if (type === DocumentApp.ElementType.TABLE) {
      const table = child.asTable();
      const rows: string[][] = [];
      for (let r = 0; r < table.getNumRows(); r += 1) {
        const row = table.getRow(r);
        const cells: string[] = [];
        for (let c = 0; c < row.getNumCells(); c += 1) cells.push(row.getCell(c).getText());
        rows.push(cells);
      }
      nodes.push({ kind: 'table', rows });
    } else if (type === DocumentApp.ElementType.PARAGRAPH) {
      nodes.push({ kind: 'text', text: child.asParagraph().getText() });
    } else if (type === DocumentApp.ElementType.LIST_ITEM) {
      nodes.push({ kind: 'text', text: child.asListItem().getText() });
    } else {
      // A table of contents or another element: kept as it is, no placeholder read in it.
      nodes.push({ kind: 'text', text: '' });
    }
  }
  return { id, nodes, children };
}

/** Opens a document, or null when it is missing (deleted, or not readable by the user). */
export function openDocumentOrNull(id: string): Doc | null {
  try {
    return DocumentApp.openById(id);
  } catch (_e) {
    return null;
  }
}

const HEADINGS = (): GoogleAppsScript.Document.ParagraphHeading[] => [
  DocumentApp.ParagraphHeading.HEADING1,
  DocumentApp.ParagraphHeading.HEADING2,
  DocumentApp.ParagraphHeading.HEADING3,
];

/** Creates a Doc holding a default template (its headings, paragraphs, list items, tables). */
export function createTemplateDocument(
  name: string,
  blocks: readonly DefaultTemplateBlock[],
  folderId: string,
): string {
  const doc = DocumentApp.openById(createDocInFolder(name, folderId));
  const body = doc.getBody();
  const before = body.getNumChildren();
  let at = 0;
  for (const block of blocks) {
    if (block.kind === 'heading')
      body.insertParagraph(at++, block.text).setHeading(HEADINGS()[block.level - 1]);
    else if (block.kind === 'paragraph') body.insertParagraph(at++, block.text);
    else if (block.kind === 'listItem') body.insertListItem(at++, block.text).setNestingLevel(block.level);
    else body.insertTable(at++, block.rows);
  }
  removeOldChildren(body, at, before);
  const id = doc.getId();
  doc.saveAndClose();
  return id;
}

/** Text edits of one node, last first, so that each offset is still the source's. */
function applyEdits(text: GoogleAppsScript.Document.Text, edits: readonly TextEdit[]): void {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  for (const edit of ordered) {
    if (edit.end > edit.start) text.deleteText(edit.start, edit.end - 1);
    if (edit.text !== '') text.insertText(edit.start, edit.text);
  }
}

/** The planned table: the template's rows copied in plan order, each cell edited, the originals removed. */
function plannedTable(
  source: GoogleAppsScript.Document.Table,
  node: Extract<PlannedNode, { kind: 'table' }>,
) {
  const table = source.copy();
  const original = table.getNumRows();
  for (const row of node.rows) {
    const copy = table.getRow(row.source).copy();
    row.cells.forEach((edits, c) => {
      if (edits.length > 0) applyEdits(copy.getCell(c).editAsText(), edits);
    });
    table.appendTableRow(copy);
  }
  for (let r = 0; r < original; r += 1) table.removeRow(0);
  return table;
}

/**
 * Writes the plan into `doc`'s body: the planned copies are inserted before what is there, then
 * the previous children are removed but the body's last paragraph, which stays empty (see
 * removeOldChildren). Inserting before existing content, rather than appending, adds no empty
 * paragraph after a table that the template does not have. Returns the body's text, as saved.
 */
export function writePlan(doc: Doc, template: OpenedTemplate, plan: readonly PlannedNode[]): string {
  const body = doc.getBody();
  const before = body.getNumChildren();
  let at = 0;
  for (const node of plan) {
    const source = template.children[node.source];
    const type = source.getType();
    if (node.kind === 'table') {
      if (node.rows.length > 0) body.insertTable(at++, plannedTable(source.asTable(), node));
    } else if (type === DocumentApp.ElementType.PARAGRAPH) {
      const copy = source.asParagraph().copy();
      applyEdits(copy.editAsText(), node.edits);
      body.insertParagraph(at++, copy);
    } else if (type === DocumentApp.ElementType.LIST_ITEM) {
      const copy = source.asListItem().copy();
      applyEdits(copy.editAsText(), node.edits);
      body.insertListItem(at++, copy);
    }
  }
  removeOldChildren(body, at, before);
  return body.getText();
}

/**
 * Removes the `count` children from `from` on, but the last: the body's final paragraph cannot be
 * removed ("Can't remove the last paragraph in a document section.", Paragraph.removeFromParent,
 * developers.google.com/apps-script/reference/document/paragraph#removeFromParent()); it stays,
 * emptied, as the document's last line.
 */
function removeOldChildren(body: Body, from: number, count: number): void {
  for (let i = count - 1; i >= 0; i -= 1) {
    const child = body.getChild(from + i);
    if (i === count - 1) {
      if (child.getType() === DocumentApp.ElementType.PARAGRAPH) {
        const last = child.asParagraph();
        last.setText('');
        last.setHeading(DocumentApp.ParagraphHeading.NORMAL);
      }
      continue;
    }
    child.removeFromParent();
  }
}

/** A new, empty document in `folderId` (one empty paragraph, as Google makes it). */
export function createDocument(name: string, folderId: string): Doc {
  return DocumentApp.openById(createDocInFolder(name, folderId));
}

/** The body's text of a saved document (what the user sees), or null when it is missing. */
export function documentText(doc: Doc): string {
  return doc.getBody().getText();
}

/**
 * The styles of a document that DocumentApp lets Pilote read, its text left out (its own
 * fingerprint covers it): for each element of the body, in order, its type; a paragraph's heading
 * and alignment (developers.google.com/apps-script/reference/document/paragraph#getHeading(),
 * #getAlignment()), a list item's also its nesting level and glyph (…/list-item); the runs of
 * its text, each as its start offset and its non-null attributes — bold, italic, underline, size,
 * colour, link, and whatever else Google returns (…/text#getTextAttributeIndices(),
 * #getAttributes(Integer)); a table as its rows, each cell's background colour and content
 * (…/table-cell#getBackgroundColor()). Every call is on the open document (no round trip to
 * Drive); a body of n elements with r runs costs about 7n + r calls.
 * Not seen: page setup, margins, fonts set as document defaults, images' size, comments.
 */
export function documentStyles(doc: Doc): string {
  const out: string[] = [];
  writeContainerStyles(doc.getBody(), out);
  return out.join('\n');
}

function writeContainerStyles(container: Body | GoogleAppsScript.Document.TableCell, out: string[]): void {
  const n = container.getNumChildren();
  for (let i = 0; i < n; i += 1) {
    const child = container.getChild(i);
    const type = child.getType();
    if (type === DocumentApp.ElementType.TABLE) {
      const table = child.asTable();
      const rows = table.getNumRows();
      out.push(`T ${rows}`);
      for (let r = 0; r < rows; r += 1) {
        const row = table.getRow(r);
        const cells = row.getNumCells();
        out.push(`R ${cells}`);
        for (let c = 0; c < cells; c += 1) {
          const cell = row.getCell(c);
          out.push(`C ${String(cell.getBackgroundColor() ?? '')}`);
          writeContainerStyles(cell, out);
          out.push('/C');
        }
      }
    } else if (type === DocumentApp.ElementType.PARAGRAPH) {
      const p = child.asParagraph();
      out.push(`P ${String(p.getHeading())} ${String(p.getAlignment() ?? '')}${runStyles(p.editAsText())}`);
    } else if (type === DocumentApp.ElementType.LIST_ITEM) {
      const item = child.asListItem();
      out.push(
        `L ${String(item.getHeading())} ${String(item.getAlignment() ?? '')} ${item.getNestingLevel()} ${String(item.getGlyphType())}${runStyles(item.editAsText())}`,
      );
    } else {
      out.push(String(type));
    }
  }
}

/** ` offset{attributes}` for each run of `text` (none for an empty text). */
function runStyles(text: GoogleAppsScript.Document.Text): string {
  if (text.getText() === '') return '';
  let out = '';
  for (const offset of text.getTextAttributeIndices()) {
    const attributes = text.getAttributes(offset) as Record<string, unknown>;
    const set = Object.keys(attributes)
      .filter((k) => attributes[k] !== null && attributes[k] !== undefined)
      .sort()
      .map((k) => `${k}=${String(attributes[k])}`);
    out += ` ${offset}{${set.join(',')}}`;
  }
  return out;
}

/** What Pilote last wrote into a document: the fingerprints of its text and styles, and when. */
export interface WrittenStamp {
  fingerprint: string;
  /** The fingerprint of `documentStyles` (absent from stamps written before styles were kept). */
  style?: string;
  at: string;
  /** The PDF made beside it, when asked. */
  pdfId?: string;
}

const STAMP_PREFIX = 'pilote.document.';
const TEMPLATE_PREFIX = 'pilote.template.';

/** The stamp Pilote kept for document `id` (document properties of the workbook), or null. */
export function readStamp(id: string): WrittenStamp | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(STAMP_PREFIX + id);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as WrittenStamp;
    return typeof parsed.fingerprint === 'string' ? parsed : null;
  } catch (_e) {
    return null;
  }
}

export function writeStamp(id: string, stamp: WrittenStamp): void {
  PropertiesService.getDocumentProperties().setProperty(STAMP_PREFIX + id, JSON.stringify(stamp));
}

/** The id of the default template Pilote made for a document type, or null. */
export function defaultTemplateId(typeKey: string): string | null {
  return PropertiesService.getDocumentProperties().getProperty(TEMPLATE_PREFIX + typeKey);
}

export function rememberDefaultTemplate(typeKey: string, id: string): void {
  PropertiesService.getDocumentProperties().setProperty(TEMPLATE_PREFIX + typeKey, id);
}
