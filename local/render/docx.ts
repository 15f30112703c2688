/**
 * An emulated Google Doc as .docx, written with the `docx` library (dolanmiu/docx, MIT): headings,
 * paragraphs, styled runs, links, nested bulleted or numbered lists, tables with cell colours, page
 * breaks, header and footer. Text is passed as is: French accents and non-breaking spaces
 * (U+00A0, U+202F) stay in the file.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  BlockNode,
  DocumentContent,
  ListItemNode,
  Run,
  TextNode,
} from '../emulator/services/docs/model';

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
  TITLE: HeadingLevel.TITLE,
};

const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

const ORDERED = new Set(['NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER']);

function runs(list: readonly Run[]): (TextRun | ExternalHyperlink)[] {
  return list.map((r) => {
    const run = new TextRun({
      text: r.text,
      bold: r.attrs.BOLD,
      italics: r.attrs.ITALIC,
      underline: r.attrs.UNDERLINE ? {} : undefined,
      size: r.attrs.FONT_SIZE ? Math.round(r.attrs.FONT_SIZE * 2) : undefined,
      color: r.attrs.FOREGROUND_COLOR?.replace('#', ''),
      style: r.attrs.LINK_URL ? 'Hyperlink' : undefined,
    });
    const link = r.attrs.LINK_URL && /^(https?:|mailto:)/i.test(r.attrs.LINK_URL) ? r.attrs.LINK_URL : null;
    return link ? new ExternalHyperlink({ link, children: [run] }) : run;
  });
}

function paragraph(node: TextNode): Paragraph {
  const list = node.type === 'LIST_ITEM' ? (node as ListItemNode) : null;
  return new Paragraph({
    children: [...runs(node.runs), ...(node.type === 'PARAGRAPH' && node.pageBreak ? [new PageBreak()] : [])],
    heading: HEADINGS[node.heading],
    alignment: node.alignment ? ALIGN[node.alignment] : undefined,
    numbering: list
      ? { reference: ORDERED.has(list.glyph) ? 'numbered' : 'bulleted', level: list.nesting }
      : undefined,
  });
}

function blocks(nodes: readonly BlockNode[]): (Paragraph | Table)[] {
  return nodes.map((node) => {
    if (node.type !== 'TABLE') return paragraph(node);
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: node.rows.map(
        (row) =>
          new TableRow({
            children: row.cells.map(
              (cell) =>
                new TableCell({
                  children: blocks(cell.children),
                  shading: cell.background
                    ? { type: ShadingType.CLEAR, color: 'auto', fill: cell.background.replace('#', '') }
                    : undefined,
                }),
            ),
          }),
      ),
    });
  });
}

function levels(ordered: boolean) {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : '•',
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** The .docx bytes of a document. */
export async function renderDocx(content: DocumentContent, title: string): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Pilote',
    numbering: {
      config: [
        { reference: 'bulleted', levels: levels(false) },
        { reference: 'numbered', levels: levels(true) },
      ],
    },
    sections: [
      {
        headers: content.header
          ? { default: new Header({ children: blocks(content.header.children) }) }
          : undefined,
        footers: content.footer
          ? { default: new Footer({ children: blocks(content.footer.children) }) }
          : undefined,
        children: blocks(content.body.children),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
