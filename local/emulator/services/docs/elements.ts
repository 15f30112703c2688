/**
 * DocumentApp's elements over the JSON nodes of ./model.ts. Like Google's, each getter returns a
 * new wrapper over the same node; edits are local calls on the open document's working copy and
 * reach Drive only at saveAndClose() or the end of the execution (./document-app.ts).
 * Reference: developers.google.com/apps-script/reference/document/{body,paragraph,list-item,table,
 * table-row,table-cell,text,range-element}.
 */
import { GoogleException, type Runtime } from '../../runtime';
import { ElementType, GlyphType, HorizontalAlignment, ParagraphHeading } from './enums';
import {
  type AnyNode,
  type AttributeName,
  attributeIndices,
  attrsAt,
  type BlockNode,
  blockText,
  type ContainerNode,
  cloneContent,
  type DocumentContent,
  deleteInRuns,
  emptyParagraph,
  explode,
  implode,
  insertInRuns,
  type ListItemNode,
  type ParagraphNode,
  runsText,
  type SectionNode,
  setAttrInRuns,
  type TableCellNode,
  type TableNode,
  type TableRowNode,
  type TextAttributes,
  type TextNode,
} from './model';
import { expandReplacement, re2 } from './re2';

/** Google's texts. Those marked (unverified) were not found quoted in a public page. */
export const DOC_ERRORS = {
  /** The rule is Google's; the exact text was not found quoted in a searchable page (unverified wording). */
  lastParagraph: "Can't remove the last paragraph in a document section.",
  /** (unverified) */
  closed: 'Document is closed, its contents cannot be updated.',
  /** (unverified) */
  childIndex: (i: number, n: number) =>
    `Child index (${i}) must be less than the number of child elements (${n}).`,
  /** (unverified) */
  insertIndex: (i: number, n: number) =>
    `Index (${i}) must be less than or equal to the number of child elements (${n}).`,
  /** (unverified) */
  notChild: 'Element does not contain the specified child element.',
  /** (unverified) */
  mustBeDetached: 'Element must be detached.',
  /** (unverified) */
  offset: (name: string, value: number, length: number) =>
    `Invalid argument: ${name} (${value}) is out of range for a text of length ${length}.`,
  /** (unverified) */
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  /** Apps Script's text for arguments of the wrong class, as scripts report it. */
  signature: (args: string, method: string) =>
    `The parameters (${args}) don't match the method signature for DocumentApp.${method}.`,
} as const;

/** The open document an element belongs to (null for a detached copy). */
export interface DocSession {
  readonly id: string;
  content: DocumentContent;
  closed: boolean;
  dirty: boolean;
  readonly runtime: Runtime;
  nextListId(): string;
}

type Parent = ContainerNode | TableNode | TableRowNode;

function childrenOf(node: AnyNode): AnyNode[] {
  switch (node.type) {
    case 'TABLE':
      return node.rows;
    case 'TABLE_ROW':
      return node.cells;
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return [];
    default:
      return node.children;
  }
}

function sections(content: DocumentContent): SectionNode[] {
  return [content.body, content.header, content.footer].filter((s): s is SectionNode => s !== null);
}

function findParent(content: DocumentContent, target: AnyNode): { parent: Parent; index: number } | null {
  const walk = (node: AnyNode): { parent: Parent; index: number } | null => {
    const kids = childrenOf(node);
    const index = kids.indexOf(target);
    if (index >= 0) return { parent: node as Parent, index };
    for (const k of kids) {
      const found = walk(k);
      if (found) return found;
    }
    return null;
  };
  for (const s of sections(content)) {
    const found = walk(s);
    if (found) return found;
  }
  return null;
}

function textNodesIn(node: AnyNode): TextNode[] {
  if (node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM') return [node];
  return childrenOf(node).flatMap(textNodesIn);
}

/** A wrapper of the right class for `node`. */
export function wrap(session: DocSession | null, node: AnyNode): Element {
  switch (node.type) {
    case 'PARAGRAPH':
      return new Paragraph(session, node);
    case 'LIST_ITEM':
      return new ListItem(session, node);
    case 'TABLE':
      return new Table(session, node);
    case 'TABLE_ROW':
      return new TableRow(session, node);
    case 'TABLE_CELL':
      return new TableCell(session, node);
    case 'HEADER_SECTION':
      return new HeaderSection(session, node);
    case 'FOOTER_SECTION':
      return new FooterSection(session, node);
    default:
      return new Body(session, node);
  }
}

/** What every element has (developers.google.com/apps-script/reference/document/element). */
export abstract class Element {
  constructor(
    protected readonly session: DocSession | null,
    readonly _node: AnyNode,
  ) {}

  protected call(method: string): void {
    if (this.session) {
      if (this.session.closed) throw new GoogleException(DOC_ERRORS.closed);
      this.session.runtime.charge(this.constructor.name, method, 'local');
    }
  }

  protected edit(method: string): void {
    this.call(method);
    if (this.session) this.session.dirty = true;
  }

  protected locate(): { parent: Parent; index: number } | null {
    return this.session ? findParent(this.session.content, this._node) : null;
  }

  getType(): string {
    this.call('getType');
    return this._node.type;
  }

  /** asParagraph(), asTable() …: the same element typed; a wrong type throws (text unverified). */
  private as<T>(type: string, method: string): T {
    this.call(method);
    if (this._node.type !== type) throw new GoogleException(DOC_ERRORS.invalidArgument(method));
    return this as unknown as T;
  }
  asParagraph(): Paragraph {
    return this.as('PARAGRAPH', 'asParagraph');
  }
  asListItem(): ListItem {
    return this.as('LIST_ITEM', 'asListItem');
  }
  asTable(): Table {
    return this.as('TABLE', 'asTable');
  }
  asTableRow(): TableRow {
    return this.as('TABLE_ROW', 'asTableRow');
  }
  asTableCell(): TableCell {
    return this.as('TABLE_CELL', 'asTableCell');
  }
  asBody(): Body {
    return this.as('BODY_SECTION', 'asBody');
  }

  getParent(): Element | null {
    this.call('getParent');
    const at = this.locate();
    return at ? wrap(this.session, at.parent) : null;
  }

  getNextSibling(): Element | null {
    this.call('getNextSibling');
    const at = this.locate();
    const next = at ? childrenOf(at.parent)[at.index + 1] : undefined;
    return next ? wrap(this.session, next) : null;
  }

  getPreviousSibling(): Element | null {
    this.call('getPreviousSibling');
    const at = this.locate();
    const prev = at && at.index > 0 ? childrenOf(at.parent)[at.index - 1] : undefined;
    return prev ? wrap(this.session, prev) : null;
  }

  isAtDocumentEnd(): boolean {
    this.call('isAtDocumentEnd');
    if (!this.session) return false;
    const body = this.session.content.body.children;
    return body[body.length - 1] === this._node;
  }

  /** A detached deep copy (Element.copy()). */
  copy(): Element {
    this.call('copy');
    return wrap(null, cloneContent(this._node));
  }

  /**
   * Removes the element. A section (body, header, footer) must keep its last paragraph:
   * "Can't remove the last paragraph in a document section." (Body.removeChild and
   * Paragraph.removeFromParent, developers.google.com/apps-script/reference/document/paragraph#removeFromParent()).
   */
  removeFromParent(): Element {
    this.edit('removeFromParent');
    const at = this.locate();
    if (at) removeAt(at.parent, at.index);
    return this;
  }

  getText(): string {
    this.call('getText');
    return blockText(this._node as BlockNode);
  }

  editAsText(): Text | ContainerText {
    this.call('editAsText');
    const node = this._node;
    if (node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM') return new Text(this.session, node);
    return new ContainerText(this.session, node);
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    this.call('findText');
    return findIn(this.session, textNodesIn(this._node), searchPattern, from);
  }

  /** Replaces every match in each paragraph's text (matches never span paragraphs). */
  replaceText(searchPattern: string, replacement: string): Element {
    this.edit('replaceText');
    replaceIn(textNodesIn(this._node), searchPattern, replacement);
    return this;
  }
}

function removeAt(parent: Parent, index: number): void {
  const kids = childrenOf(parent);
  const node = kids[index];
  if (
    parent.type === 'BODY_SECTION' ||
    parent.type === 'HEADER_SECTION' ||
    parent.type === 'FOOTER_SECTION'
  ) {
    const paragraphs = kids.filter((k) => k.type === 'PARAGRAPH' || k.type === 'LIST_ITEM');
    const isLast = index === kids.length - 1;
    if ((node.type === 'PARAGRAPH' || node.type === 'LIST_ITEM') && (isLast || paragraphs.length === 1))
      throw new GoogleException(DOC_ERRORS.lastParagraph);
  }
  // (unverified) A table cell keeps one paragraph too, with the same message.
  if (parent.type === 'TABLE_CELL' && kids.length === 1) throw new GoogleException(DOC_ERRORS.lastParagraph);
  kids.splice(index, 1);
}

/** setText on a container: its first paragraph keeps its style and takes the text; the rest goes. */
function setContainerText(node: AnyNode, text: string): void {
  if (
    node.type !== 'BODY_SECTION' &&
    node.type !== 'HEADER_SECTION' &&
    node.type !== 'FOOTER_SECTION' &&
    node.type !== 'TABLE_CELL'
  )
    throw new GoogleException(DOC_ERRORS.invalidArgument('text'));
  const first = node.children.find((c): c is TextNode => c.type !== 'TABLE') ?? emptyParagraph();
  first.runs = text ? [{ text, attrs: { ...(first.runs[0]?.attrs ?? {}) } }] : [];
  node.children.splice(0, node.children.length, first);
}

function findIn(
  session: DocSession | null,
  nodes: TextNode[],
  pattern: string,
  from?: RangeElement,
): RangeElement | null {
  const regex = re2(pattern);
  let start = 0;
  if (from) {
    start = nodes.indexOf(from._node);
    if (start < 0) return null;
  }
  for (let n = start; n < nodes.length; n++) {
    const text = runsText(nodes[n].runs);
    regex.lastIndex = from && n === start ? from.getEndOffsetInclusive() + 1 : 0;
    const m = regex.exec(text);
    if (m && m[0].length > 0) return new RangeElement(session, nodes[n], m.index, m.index + m[0].length - 1);
  }
  return null;
}

function replaceIn(nodes: TextNode[], pattern: string, replacement: string): void {
  const regex = re2(pattern);
  // Every replacement is expanded before any text changes: a bad replacement changes nothing.
  const plan: { node: TextNode; edits: { start: number; length: number; value: string }[] }[] = [];
  for (const node of nodes) {
    const text = runsText(node.runs);
    const edits: { start: number; length: number; value: string }[] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      edits.push({ start: m.index, length: m[0].length, value: expandReplacement(replacement, m) });
    }
    if (edits.length) plan.push({ node, edits });
  }
  for (const { node, edits } of plan) {
    for (const { start, length, value } of edits.reverse()) {
      // The replacement keeps the attributes of the first replaced character.
      const attrs = attrsAt(node.runs, start);
      let runs = insertInRuns(deleteInRuns(node.runs, start, start + length - 1), start, value);
      if (value)
        for (const [k, v] of Object.entries(attrs))
          runs = setAttrInRuns(runs, start, start + value.length - 1, k as AttributeName, v);
      node.runs = runs;
    }
  }
}

/** What a match is (developers.google.com/apps-script/reference/document/range-element). */
export class RangeElement {
  constructor(
    private readonly session: DocSession | null,
    readonly _node: TextNode,
    private readonly start: number,
    private readonly endInclusive: number,
  ) {}
  getElement(): Text {
    return new Text(this.session, this._node);
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.endInclusive;
  }
  isPartial(): boolean {
    return this.start > 0 || this.endInclusive < runsText(this._node.runs).length - 1;
  }
}

function argClass(arg: unknown): string {
  if (arg instanceof Element || arg instanceof Text) return `DocumentApp.${arg.constructor.name}`;
  return typeof arg;
}

function toParagraphNode(arg: unknown, method: string, index?: number): ParagraphNode {
  if (typeof arg === 'string') return emptyParagraph(arg);
  if (arg instanceof Paragraph) return arg._node as ParagraphNode;
  const args = index === undefined ? argClass(arg) : `number,${argClass(arg)}`;
  throw new GoogleException(DOC_ERRORS.signature(args, method));
}

/** Body, TableCell, header and footer: elements holding paragraphs, list items and tables. */
export abstract class ContainerElement extends Element {
  protected get kids(): BlockNode[] {
    return (this._node as ContainerNode).children;
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.kids.length;
  }

  getChild(childIndex: number): Element {
    this.call('getChild');
    const node = this.kids[childIndex];
    if (!Number.isInteger(childIndex) || childIndex < 0 || !node)
      throw new GoogleException(DOC_ERRORS.childIndex(childIndex, this.kids.length));
    return wrap(this.session, node);
  }

  getChildIndex(child: Element): number {
    this.call('getChildIndex');
    const i = this.kids.indexOf(child._node as BlockNode);
    if (i < 0) throw new GoogleException(DOC_ERRORS.notChild);
    return i;
  }

  private insertNode(method: string, index: number, node: BlockNode): void {
    this.edit(method);
    if (!Number.isInteger(index) || index < 0 || index > this.kids.length)
      throw new GoogleException(DOC_ERRORS.insertIndex(index, this.kids.length));
    if (this.session && findParent(this.session.content, node))
      throw new GoogleException(DOC_ERRORS.mustBeDetached);
    this.kids.splice(index, 0, node);
  }

  appendParagraph(textOrParagraph: string | Paragraph): Paragraph {
    const node = toParagraphNode(textOrParagraph, `${this.constructor.name}.appendParagraph`);
    this.insertNode('appendParagraph', this.kids.length, node);
    return new Paragraph(this.session, node);
  }

  insertParagraph(childIndex: number, textOrParagraph: string | Paragraph): Paragraph {
    const node = toParagraphNode(textOrParagraph, `${this.constructor.name}.insertParagraph`, childIndex);
    this.insertNode('insertParagraph', childIndex, node);
    return new Paragraph(this.session, node);
  }

  private listNode(arg: unknown, index: number): ListItemNode {
    if (arg instanceof ListItem) return arg._node as ListItemNode;
    if (typeof arg !== 'string')
      throw new GoogleException(
        DOC_ERRORS.signature(`number,${argClass(arg)}`, `${this.constructor.name}.insertListItem`),
      );
    // A new item joins the list of the item just before it, as the editor does.
    const prev = this.kids[index - 1];
    return {
      type: 'LIST_ITEM',
      heading: 'NORMAL',
      alignment: null,
      runs: arg ? [{ text: arg, attrs: {} }] : [],
      nesting: prev?.type === 'LIST_ITEM' ? prev.nesting : 0,
      glyph: prev?.type === 'LIST_ITEM' ? prev.glyph : 'BULLET',
      listId: prev?.type === 'LIST_ITEM' ? prev.listId : (this.session?.nextListId() ?? 'kix.detached'),
    };
  }

  appendListItem(textOrListItem: string | ListItem): ListItem {
    const node = this.listNode(textOrListItem, this.kids.length);
    this.insertNode('appendListItem', this.kids.length, node);
    return new ListItem(this.session, node);
  }

  insertListItem(childIndex: number, textOrListItem: string | ListItem): ListItem {
    const node = this.listNode(textOrListItem, childIndex);
    this.insertNode('insertListItem', childIndex, node);
    return new ListItem(this.session, node);
  }

  private tableNode(arg: unknown): TableNode {
    if (arg instanceof Table) return arg._node as TableNode;
    if (arg === undefined) return { type: 'TABLE', rows: [] };
    if (!Array.isArray(arg) || !arg.every((r) => Array.isArray(r)))
      throw new GoogleException(DOC_ERRORS.invalidArgument('cells'));
    return {
      type: 'TABLE',
      rows: (arg as unknown[][]).map((r) => ({
        type: 'TABLE_ROW',
        cells: r.map((c) => ({
          type: 'TABLE_CELL',
          background: null,
          children: [emptyParagraph(String(c))],
        })),
      })),
    };
  }

  /**
   * A section must end with a paragraph, so Google adds an empty one after a table appended at
   * the end (unverified: seen in the editor, not stated on the reference page).
   */
  private endWithParagraph(): void {
    if (this._node.type === 'TABLE_CELL') return;
    const last = this.kids[this.kids.length - 1];
    if (!last || last.type === 'TABLE') this.kids.push(emptyParagraph());
  }

  appendTable(cellsOrTable?: string[][] | Table): Table {
    const node = this.tableNode(cellsOrTable);
    this.insertNode('appendTable', this.kids.length, node);
    this.endWithParagraph();
    return new Table(this.session, node);
  }

  insertTable(childIndex: number, cellsOrTable?: string[][] | Table): Table {
    const node = this.tableNode(cellsOrTable);
    this.insertNode('insertTable', childIndex, node);
    this.endWithParagraph();
    return new Table(this.session, node);
  }

  removeChild(child: Element): ContainerElement {
    this.edit('removeChild');
    const i = this.kids.indexOf(child._node as BlockNode);
    if (i < 0) throw new GoogleException(DOC_ERRORS.notChild);
    removeAt(this._node as ContainerNode, i);
    return this;
  }

  /** Every paragraph and list item, those inside tables included. */
  getParagraphs(): Paragraph[] {
    this.call('getParagraphs');
    return textNodesIn(this._node).map((n) => wrap(this.session, n) as Paragraph);
  }

  getListItems(): ListItem[] {
    this.call('getListItems');
    return textNodesIn(this._node)
      .filter((n) => n.type === 'LIST_ITEM')
      .map((n) => new ListItem(this.session, n));
  }

  getTables(): Table[] {
    this.call('getTables');
    const out: TableNode[] = [];
    const walk = (node: AnyNode) => {
      if (node.type === 'TABLE') out.push(node);
      for (const k of childrenOf(node)) walk(k);
    };
    walk(this._node);
    return out.map((t) => new Table(this.session, t));
  }

  setText(text: string): ContainerElement {
    this.edit('setText');
    setContainerText(this._node, String(text));
    return this;
  }

  /** Clears the contents; a section keeps one empty paragraph. */
  clear(): ContainerElement {
    this.edit('clear');
    this.kids.splice(0, this.kids.length, emptyParagraph());
    return this;
  }
}

/** developers.google.com/apps-script/reference/document/body */
export class Body extends ContainerElement {
  appendPageBreak(): PageBreak {
    this.call('appendPageBreak');
    const p = emptyParagraph();
    p.pageBreak = true;
    this.appendParagraph(new Paragraph(null, p));
    return new PageBreak(this.session, p);
  }
}

/** developers.google.com/apps-script/reference/document/header-section */
export class HeaderSection extends ContainerElement {}
/** developers.google.com/apps-script/reference/document/footer-section */
export class FooterSection extends ContainerElement {}

/** developers.google.com/apps-script/reference/document/page-break (its parent is a paragraph). */
export class PageBreak {
  constructor(
    private readonly session: DocSession | null,
    private readonly paragraph: ParagraphNode,
  ) {}
  getType(): string {
    return ElementType.PAGE_BREAK;
  }
  getParent(): Paragraph {
    return new Paragraph(this.session, this.paragraph);
  }
}

/** Paragraph and ListItem: one run of text with a heading and an alignment. */
abstract class TextBlock extends Element {
  protected get textNode(): TextNode {
    return this._node as TextNode;
  }

  override editAsText(): Text {
    this.call('editAsText');
    return new Text(this.session, this.textNode);
  }

  setText(text: string): this {
    this.edit('setText');
    this.textNode.runs = text ? [{ text: String(text), attrs: {} }] : [];
    return this;
  }

  appendText(text: string): Text {
    this.edit('appendText');
    const node = this.textNode;
    node.runs = insertInRuns(node.runs, runsText(node.runs).length, String(text));
    return new Text(this.session, node);
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return (
      (runsText(this.textNode.runs) ? 1 : 0) +
      (this.textNode.type === 'PARAGRAPH' && this.textNode.pageBreak ? 1 : 0)
    );
  }

  getChild(childIndex: number): Text | PageBreak {
    this.call('getChild');
    const kids: (Text | PageBreak)[] = [];
    if (runsText(this.textNode.runs)) kids.push(new Text(this.session, this.textNode));
    if (this.textNode.type === 'PARAGRAPH' && this.textNode.pageBreak)
      kids.push(new PageBreak(this.session, this.textNode));
    const kid = kids[childIndex];
    if (!kid) throw new GoogleException(DOC_ERRORS.childIndex(childIndex, kids.length));
    return kid;
  }

  getHeading(): string {
    this.call('getHeading');
    return this.textNode.heading;
  }

  setHeading(heading: string): this {
    this.edit('setHeading');
    if (!(heading in ParagraphHeading)) throw new GoogleException(DOC_ERRORS.invalidArgument('heading'));
    this.textNode.heading = heading;
    return this;
  }

  getAlignment(): string | null {
    this.call('getAlignment');
    return this.textNode.alignment;
  }

  setAlignment(alignment: string): this {
    this.edit('setAlignment');
    if (!(alignment in HorizontalAlignment))
      throw new GoogleException(DOC_ERRORS.invalidArgument('alignment'));
    this.textNode.alignment = alignment;
    return this;
  }
}

/** developers.google.com/apps-script/reference/document/paragraph */
export class Paragraph extends TextBlock {}

/** developers.google.com/apps-script/reference/document/list-item */
export class ListItem extends TextBlock {
  private get item(): ListItemNode {
    return this._node as ListItemNode;
  }

  getNestingLevel(): number {
    this.call('getNestingLevel');
    return this.item.nesting;
  }

  /** Levels 0 to 8, as the editor offers (unverified bound). */
  setNestingLevel(nestingLevel: number): ListItem {
    this.edit('setNestingLevel');
    if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8)
      throw new GoogleException(DOC_ERRORS.invalidArgument('nestingLevel'));
    this.item.nesting = nestingLevel;
    return this;
  }

  getGlyphType(): string {
    this.call('getGlyphType');
    return this.item.glyph;
  }

  setGlyphType(glyphType: string): ListItem {
    this.edit('setGlyphType');
    if (!(glyphType in GlyphType)) throw new GoogleException(DOC_ERRORS.invalidArgument('glyphType'));
    this.item.glyph = glyphType;
    return this;
  }

  getListId(): string {
    this.call('getListId');
    return this.item.listId;
  }

  setListId(listItem: ListItem): ListItem {
    this.edit('setListId');
    this.item.listId = (listItem._node as ListItemNode).listId;
    return this;
  }
}

/** developers.google.com/apps-script/reference/document/table */
export class Table extends Element {
  private get table(): TableNode {
    return this._node as TableNode;
  }

  getNumRows(): number {
    this.call('getNumRows');
    return this.table.rows.length;
  }

  getRow(rowIndex: number): TableRow {
    this.call('getRow');
    const row = this.table.rows[rowIndex];
    if (!Number.isInteger(rowIndex) || !row)
      throw new GoogleException(DOC_ERRORS.childIndex(rowIndex, this.table.rows.length));
    return new TableRow(this.session, row);
  }

  getCell(rowIndex: number, cellIndex: number): TableCell {
    this.call('getCell');
    return this.getRow(rowIndex).getCell(cellIndex);
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.table.rows.length;
  }

  getChild(childIndex: number): TableRow {
    return this.getRow(childIndex);
  }

  private rowNode(arg: unknown): TableRowNode {
    if (arg === undefined) return { type: 'TABLE_ROW', cells: [] };
    if (arg instanceof TableRow) {
      const node = arg._node as TableRowNode;
      if (this.session && findParent(this.session.content, node))
        throw new GoogleException(DOC_ERRORS.mustBeDetached);
      return node;
    }
    throw new GoogleException(DOC_ERRORS.invalidArgument('tableRow'));
  }

  appendTableRow(tableRow?: TableRow): TableRow {
    this.edit('appendTableRow');
    const node = this.rowNode(tableRow);
    this.table.rows.push(node);
    return new TableRow(this.session, node);
  }

  insertTableRow(childIndex: number, tableRow?: TableRow): TableRow {
    this.edit('insertTableRow');
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > this.table.rows.length)
      throw new GoogleException(DOC_ERRORS.insertIndex(childIndex, this.table.rows.length));
    const node = this.rowNode(tableRow);
    this.table.rows.splice(childIndex, 0, node);
    return new TableRow(this.session, node);
  }

  removeRow(rowIndex: number): TableRow {
    this.edit('removeRow');
    const row = this.table.rows[rowIndex];
    if (!Number.isInteger(rowIndex) || !row)
      throw new GoogleException(DOC_ERRORS.childIndex(rowIndex, this.table.rows.length));
    this.table.rows.splice(rowIndex, 1);
    return new TableRow(null, row);
  }
}

/** developers.google.com/apps-script/reference/document/table-row */
export class TableRow extends Element {
  private get row(): TableRowNode {
    return this._node as TableRowNode;
  }

  getNumCells(): number {
    this.call('getNumCells');
    return this.row.cells.length;
  }

  getNumChildren(): number {
    this.call('getNumChildren');
    return this.row.cells.length;
  }

  getCell(cellIndex: number): TableCell {
    this.call('getCell');
    const cell = this.row.cells[cellIndex];
    if (!Number.isInteger(cellIndex) || !cell)
      throw new GoogleException(DOC_ERRORS.childIndex(cellIndex, this.row.cells.length));
    return new TableCell(this.session, cell);
  }

  getChild(childIndex: number): TableCell {
    return this.getCell(childIndex);
  }

  appendTableCell(textContents?: string): TableCell {
    this.edit('appendTableCell');
    const cell: TableCellNode = {
      type: 'TABLE_CELL',
      background: null,
      children: [emptyParagraph(textContents === undefined ? '' : String(textContents))],
    };
    this.row.cells.push(cell);
    return new TableCell(this.session, cell);
  }

  removeCell(cellIndex: number): TableCell {
    this.edit('removeCell');
    const cell = this.row.cells[cellIndex];
    if (!cell) throw new GoogleException(DOC_ERRORS.childIndex(cellIndex, this.row.cells.length));
    this.row.cells.splice(cellIndex, 1);
    return new TableCell(null, cell);
  }
}

/** developers.google.com/apps-script/reference/document/table-cell */
export class TableCell extends ContainerElement {
  getBackgroundColor(): string | null {
    this.call('getBackgroundColor');
    return (this._node as TableCellNode).background;
  }

  setBackgroundColor(color: string): TableCell {
    this.edit('setBackgroundColor');
    if (!/^#[0-9a-fA-F]{6}$/.test(color)) throw new GoogleException(DOC_ERRORS.invalidArgument('color'));
    (this._node as TableCellNode).background = color.toLowerCase();
    return this;
  }
}

const ATTRIBUTE_SETTERS: Record<string, AttributeName> = {
  setBold: 'BOLD',
  setItalic: 'ITALIC',
  setUnderline: 'UNDERLINE',
  setFontSize: 'FONT_SIZE',
  setForegroundColor: 'FOREGROUND_COLOR',
  setLinkUrl: 'LINK_URL',
};

/**
 * The text of one paragraph or list item (developers.google.com/apps-script/reference/document/text).
 * Offsets count UTF-16 code units; end offsets are inclusive.
 */
export class Text {
  constructor(
    private readonly session: DocSession | null,
    readonly _node: TextNode,
  ) {}

  private call(method: string, edits = false): void {
    if (!this.session) return;
    if (this.session.closed) throw new GoogleException(DOC_ERRORS.closed);
    this.session.runtime.charge('Text', method, 'local');
    if (edits) this.session.dirty = true;
  }

  private get length(): number {
    return runsText(this._node.runs).length;
  }

  private checkRange(start: number, endInclusive: number): void {
    const n = this.length;
    if (!Number.isInteger(start) || start < 0 || start >= n)
      throw new GoogleException(DOC_ERRORS.offset('startOffset', start, n));
    if (!Number.isInteger(endInclusive) || endInclusive < start || endInclusive >= n)
      throw new GoogleException(DOC_ERRORS.offset('endOffsetInclusive', endInclusive, n));
  }

  getType(): string {
    this.call('getType');
    return ElementType.TEXT;
  }

  getParent(): Element {
    this.call('getParent');
    return wrap(this.session, this._node);
  }

  getText(): string {
    this.call('getText');
    return runsText(this._node.runs);
  }

  setText(text: string): Text {
    this.call('setText', true);
    this._node.runs = text ? [{ text: String(text), attrs: {} }] : [];
    return this;
  }

  insertText(offset: number, text: string): Text {
    this.call('insertText', true);
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length)
      throw new GoogleException(DOC_ERRORS.offset('offset', offset, this.length));
    this._node.runs = insertInRuns(this._node.runs, offset, String(text));
    return this;
  }

  appendText(text: string): Text {
    this.call('appendText', true);
    this._node.runs = insertInRuns(this._node.runs, this.length, String(text));
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): Text {
    this.call('deleteText', true);
    this.checkRange(startOffset, endOffsetInclusive);
    this._node.runs = deleteInRuns(this._node.runs, startOffset, endOffsetInclusive);
    return this;
  }

  replaceText(searchPattern: string, replacement: string): Text {
    this.call('replaceText', true);
    replaceIn([this._node], searchPattern, replacement);
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    this.call('findText');
    return findIn(this.session, [this._node], searchPattern, from);
  }

  getTextAttributeIndices(): number[] {
    this.call('getTextAttributeIndices');
    return attributeIndices(this._node.runs);
  }

  /** The attributes at `offset`, or of the whole text when all characters agree. */
  getAttributes(offset?: number): Record<string, unknown> {
    this.call('getAttributes');
    if (offset !== undefined) return { ...attrsAt(this._node.runs, offset) };
    const runs = this._node.runs;
    if (runs.length === 1) return { ...runs[0].attrs };
    return {};
  }

  private attr(name: AttributeName, offset?: number): unknown {
    if (offset !== undefined) {
      if (!Number.isInteger(offset) || offset < 0 || offset >= this.length)
        throw new GoogleException(DOC_ERRORS.offset('offset', offset, this.length));
      return attrsAt(this._node.runs, offset)[name] ?? null;
    }
    const values = new Set(this._node.runs.map((r) => r.attrs[name] ?? null));
    return values.size === 1 ? [...values][0] : null;
  }

  isBold(offset?: number): boolean | null {
    this.call('isBold');
    const v = this.attr('BOLD', offset);
    return v === null && offset !== undefined ? false : (v as boolean | null);
  }
  isItalic(offset?: number): boolean | null {
    this.call('isItalic');
    const v = this.attr('ITALIC', offset);
    return v === null && offset !== undefined ? false : (v as boolean | null);
  }
  isUnderline(offset?: number): boolean | null {
    this.call('isUnderline');
    const v = this.attr('UNDERLINE', offset);
    return v === null && offset !== undefined ? false : (v as boolean | null);
  }
  getFontSize(offset?: number): number | null {
    this.call('getFontSize');
    return this.attr('FONT_SIZE', offset) as number | null;
  }
  getForegroundColor(offset?: number): string | null {
    this.call('getForegroundColor');
    return this.attr('FOREGROUND_COLOR', offset) as string | null;
  }
  getLinkUrl(offset?: number): string | null {
    this.call('getLinkUrl');
    return this.attr('LINK_URL', offset) as string | null;
  }

  private setAttr(method: string, args: unknown[]): Text {
    this.call(method, true);
    const name = ATTRIBUTE_SETTERS[method];
    let start = 0;
    let end = this.length - 1;
    let value: unknown;
    if (args.length >= 3) {
      [start, end] = args as [number, number];
      value = args[2];
      this.checkRange(start, end);
    } else value = args[0];
    if (end < start) return this;
    if (name === 'FONT_SIZE' && value !== null && (typeof value !== 'number' || value <= 0))
      throw new GoogleException(DOC_ERRORS.invalidArgument('size'));
    if (name === 'FOREGROUND_COLOR' && value !== null && !/^#[0-9a-fA-F]{6}$/.test(String(value)))
      throw new GoogleException(DOC_ERRORS.invalidArgument('color'));
    this._node.runs = setAttrInRuns(this._node.runs, start, end, name, value);
    return this;
  }

  setBold(...args: [boolean] | [number, number, boolean]): Text {
    return this.setAttr('setBold', args);
  }
  setItalic(...args: [boolean] | [number, number, boolean]): Text {
    return this.setAttr('setItalic', args);
  }
  setUnderline(...args: [boolean] | [number, number, boolean]): Text {
    return this.setAttr('setUnderline', args);
  }
  setFontSize(...args: [number] | [number, number, number]): Text {
    return this.setAttr('setFontSize', args);
  }
  setForegroundColor(...args: [string] | [number, number, string]): Text {
    return this.setAttr('setForegroundColor', args);
  }
  setLinkUrl(...args: [string | null] | [number, number, string | null]): Text {
    return this.setAttr('setLinkUrl', args);
  }
}

/**
 * editAsText() of a container (body, cell, table): its paragraphs' texts joined by newlines.
 * The emulator offers the reading and replacing members only; offset edits across paragraphs are
 * not implemented (the membrane reports them).
 */
export class ContainerText {
  static readonly googleClassName = 'Text';
  constructor(
    private readonly session: DocSession | null,
    private readonly node: AnyNode,
  ) {}
  private call(method: string, edits = false): void {
    if (!this.session) return;
    if (this.session.closed) throw new GoogleException(DOC_ERRORS.closed);
    this.session.runtime.charge('Text', method, 'local');
    if (edits) this.session.dirty = true;
  }

  /** The paragraphs and where each starts in the joined text (one '\n' between paragraphs). */
  private segments(): { node: TextNode; start: number; end: number }[] {
    const kids = childrenOf(this.node);
    if (!kids.every((k): k is TextNode => k.type === 'PARAGRAPH' || k.type === 'LIST_ITEM'))
      throw new Error('Pilote emulator: offset edits of a text holding a table are not implemented');
    let at = 0;
    return kids.map((n) => {
      const len = runsText(n.runs).length;
      const seg = { node: n, start: at, end: at + len };
      at += len + 1;
      return seg;
    });
  }

  private get length(): number {
    const segs = this.segments();
    return segs.length ? segs[segs.length - 1].end : 0;
  }

  private checkRange(start: number, endInclusive: number): void {
    const n = this.length;
    if (!Number.isInteger(start) || start < 0 || start >= n)
      throw new GoogleException(DOC_ERRORS.offset('startOffset', start, n));
    if (!Number.isInteger(endInclusive) || endInclusive < start || endInclusive >= n)
      throw new GoogleException(DOC_ERRORS.offset('endOffsetInclusive', endInclusive, n));
  }

  getText(): string {
    this.call('getText');
    return blockText(this.node as BlockNode);
  }
  setText(text: string): ContainerText {
    this.call('setText', true);
    setContainerText(this.node, String(text));
    return this;
  }

  /** Inserts into the paragraph the offset falls in (at a boundary: the end of the earlier one). */
  insertText(offset: number, text: string): ContainerText {
    this.call('insertText', true);
    const n = this.length;
    if (!Number.isInteger(offset) || offset < 0 || offset > n)
      throw new GoogleException(DOC_ERRORS.offset('offset', offset, n));
    const seg = this.segments().find((s) => offset >= s.start && offset <= s.end)!;
    seg.node.runs = insertInRuns(seg.node.runs, offset - seg.start, String(text));
    return this;
  }

  /** Deletes [start, endInclusive]; deleting the newline between two paragraphs merges them. */
  deleteText(startOffset: number, endOffsetInclusive: number): ContainerText {
    this.call('deleteText', true);
    this.checkRange(startOffset, endOffsetInclusive);
    const segs = this.segments();
    type Unit = { ch: string; attrs: TextAttributes } | { next: number };
    const units: Unit[] = [];
    segs.forEach((s, i) => {
      if (i > 0) units.push({ next: i });
      units.push(...explode(s.node.runs));
    });
    units.splice(startOffset, endOffsetInclusive - startOffset + 1);
    const kept = new Map<number, { ch: string; attrs: TextAttributes }[]>([[0, []]]);
    let current = 0;
    for (const u of units) {
      if ('next' in u) {
        current = u.next;
        kept.set(current, []);
      } else kept.get(current)!.push(u);
    }
    const kids = (this.node as ContainerNode).children;
    segs.forEach((s, i) => {
      const chars = kept.get(i);
      if (chars) s.node.runs = implode(chars);
      else kids.splice(kids.indexOf(s.node), 1);
    });
    return this;
  }

  private setAttr(method: string, args: unknown[]): ContainerText {
    this.call(method, true);
    const name = ATTRIBUTE_SETTERS[method];
    let start = 0;
    let end = this.length - 1;
    let value: unknown = args[0];
    if (args.length >= 3) {
      [start, end] = args as [number, number];
      value = args[2];
      this.checkRange(start, end);
    }
    for (const s of this.segments()) {
      const a = Math.max(start, s.start) - s.start;
      const b = Math.min(end, s.end - 1) - s.start;
      if (a <= b) s.node.runs = setAttrInRuns(s.node.runs, a, b, name, value);
    }
    return this;
  }
  setBold(...args: [boolean] | [number, number, boolean]): ContainerText {
    return this.setAttr('setBold', args);
  }
  setItalic(...args: [boolean] | [number, number, boolean]): ContainerText {
    return this.setAttr('setItalic', args);
  }
  setUnderline(...args: [boolean] | [number, number, boolean]): ContainerText {
    return this.setAttr('setUnderline', args);
  }
  setFontSize(...args: [number] | [number, number, number]): ContainerText {
    return this.setAttr('setFontSize', args);
  }
  setForegroundColor(...args: [string] | [number, number, string]): ContainerText {
    return this.setAttr('setForegroundColor', args);
  }
  setLinkUrl(...args: [string | null] | [number, number, string | null]): ContainerText {
    return this.setAttr('setLinkUrl', args);
  }

  replaceText(searchPattern: string, replacement: string): ContainerText {
    this.call('replaceText', true);
    replaceIn(textNodesIn(this.node), searchPattern, replacement);
    return this;
  }
  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    this.call('findText');
    return findIn(this.session, textNodesIn(this.node), searchPattern, from);
  }
}

export type { TextAttributes };
