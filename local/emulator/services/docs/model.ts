/**
 * The content of an emulated Google Doc as plain JSON: sections of block nodes (paragraphs, list
 * items, tables), text as runs of characters sharing attributes. The element classes of
 * ./elements.ts edit these nodes; snapshots, renderers and tests read them as they are.
 */

/** Character attributes, named as DocumentApp.Attribute names them. */
export interface TextAttributes {
  BOLD?: boolean;
  ITALIC?: boolean;
  UNDERLINE?: boolean;
  FONT_SIZE?: number;
  FOREGROUND_COLOR?: string;
  LINK_URL?: string;
}

export type AttributeName = keyof TextAttributes;

/** Characters sharing the same attributes. */
export interface Run {
  text: string;
  attrs: TextAttributes;
}

export interface ParagraphNode {
  type: 'PARAGRAPH';
  heading: string;
  alignment: string | null;
  runs: Run[];
  /** A page break element inside the paragraph (Body.appendPageBreak). */
  pageBreak?: boolean;
}

export interface ListItemNode {
  type: 'LIST_ITEM';
  heading: string;
  alignment: string | null;
  runs: Run[];
  nesting: number;
  glyph: string;
  listId: string;
}

export interface TableCellNode {
  type: 'TABLE_CELL';
  background: string | null;
  children: BlockNode[];
}

export interface TableRowNode {
  type: 'TABLE_ROW';
  cells: TableCellNode[];
}

export interface TableNode {
  type: 'TABLE';
  rows: TableRowNode[];
}

export type TextNode = ParagraphNode | ListItemNode;
export type BlockNode = ParagraphNode | ListItemNode | TableNode;

export interface SectionNode {
  type: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
  children: BlockNode[];
}

export type ContainerNode = SectionNode | TableCellNode;
export type AnyNode = BlockNode | SectionNode | TableRowNode | TableCellNode;

/** One document's content. */
export interface DocumentContent {
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
}

export function emptyParagraph(text = ''): ParagraphNode {
  return { type: 'PARAGRAPH', heading: 'NORMAL', alignment: null, runs: text ? [{ text, attrs: {} }] : [] };
}

export function emptyContent(): DocumentContent {
  return { body: { type: 'BODY_SECTION', children: [emptyParagraph()] }, header: null, footer: null };
}

export function cloneContent<T>(node: T): T {
  return JSON.parse(JSON.stringify(node)) as T;
}

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

function sameAttrs(a: TextAttributes, b: TextAttributes): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<AttributeName>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** Merges neighbours with equal attributes and drops empty runs. */
export function normalizeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && sameAttrs(last.attrs, r.attrs)) last.text += r.text;
    else out.push({ text: r.text, attrs: { ...r.attrs } });
  }
  return out;
}

/** One attribute set per character (UTF-16 code unit, as Apps Script offsets count). */
export function explode(runs: readonly Run[]): { ch: string; attrs: TextAttributes }[] {
  const out: { ch: string; attrs: TextAttributes }[] = [];
  for (const r of runs)
    for (const ch of r.text) for (const unit of ch.split('')) out.push({ ch: unit, attrs: r.attrs });
  return out;
}

export function implode(chars: { ch: string; attrs: TextAttributes }[]): Run[] {
  return normalizeRuns(chars.map((c) => ({ text: c.ch, attrs: { ...c.attrs } })));
}

/**
 * Inserted text takes the attributes of the character before it (of the first one at offset 0):
 * "the text style for the inserted text matches the text immediately before the insertion index"
 * (developers.google.com/docs/api/concepts/rules-behavior, the Docs API that Apps Script sits on).
 */
export function insertInRuns(runs: Run[], offset: number, text: string): Run[] {
  const chars = explode(runs);
  const inherit = chars[offset - 1]?.attrs ?? chars[0]?.attrs ?? {};
  const added = text.split('').map((ch) => ({ ch, attrs: { ...inherit } }));
  chars.splice(offset, 0, ...added);
  return implode(chars);
}

export function deleteInRuns(runs: Run[], start: number, endInclusive: number): Run[] {
  const chars = explode(runs);
  chars.splice(start, endInclusive - start + 1);
  return implode(chars);
}

export function setAttrInRuns(
  runs: Run[],
  start: number,
  endInclusive: number,
  name: AttributeName,
  value: unknown,
): Run[] {
  const chars = explode(runs);
  for (let i = start; i <= endInclusive && i < chars.length; i++) {
    const attrs = { ...chars[i].attrs } as Record<string, unknown>;
    if (value === null || value === undefined || value === false) delete attrs[name];
    else attrs[name] = value;
    chars[i] = { ch: chars[i].ch, attrs: attrs as TextAttributes };
  }
  return implode(chars);
}

export function attrsAt(runs: readonly Run[], offset: number): TextAttributes {
  return explode(runs)[offset]?.attrs ?? {};
}

/** Offsets where a new run starts (Text.getTextAttributeIndices). */
export function attributeIndices(runs: readonly Run[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const r of runs) {
    out.push(at);
    at += r.text.length;
  }
  return out.length ? out : [0];
}

/** Plain text of a container as Apps Script gives it: children joined by newlines. */
export function blockText(node: BlockNode | TableCellNode | SectionNode | TableRowNode): string {
  switch (node.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return runsText(node.runs);
    case 'TABLE':
      return node.rows.map(blockText).join('\n');
    case 'TABLE_ROW':
      return node.cells.map(blockText).join('\t');
    default:
      return node.children.map(blockText).join('\n');
  }
}
