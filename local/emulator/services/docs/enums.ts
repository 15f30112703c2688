/** DocumentApp's enums (developers.google.com/apps-script/reference/document/…): each value is its own name. */
import { makeEnum } from '../shared';

/** developers.google.com/apps-script/reference/document/element-type */
export const ElementType = makeEnum([
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DOCUMENT',
  'EQUATION',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const);

/** developers.google.com/apps-script/reference/document/paragraph-heading */
export const ParagraphHeading = makeEnum([
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
] as const);

/** developers.google.com/apps-script/reference/document/glyph-type */
export const GlyphType = makeEnum([
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const);

/** developers.google.com/apps-script/reference/document/horizontal-alignment */
export const HorizontalAlignment = makeEnum(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const);

/** developers.google.com/apps-script/reference/document/attribute (the ones the emulator models). */
export const Attribute = makeEnum([
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'LINK_URL',
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
] as const);
