/**
 * The OAuth scopes each DocumentApp call accepts (any one suffices), from the Authorization
 * section of each reference page:
 * - DocumentApp.create, openById, openByUrl: only `…/auth/documents`
 *   (developers.google.com/apps-script/reference/document/document-app).
 * - getActiveDocument and every method of Document, Body, Paragraph, ListItem, Table, TableRow,
 *   TableCell, Text, RangeElement, HeaderSection, FooterSection: `…/auth/documents.currentonly`
 *   or `…/auth/documents` (developers.google.com/apps-script/reference/document/document,
 *   …/document/body, …/document/paragraph, …/document/text …). A document opened by id needs
 *   `documents` anyway, so an add-on generating Docs lists `documents`.
 */
import {
  Body,
  FooterSection,
  HeaderSection,
  ListItem,
  Paragraph,
  RangeElement,
  Table,
  TableCell,
  TableRow,
  Text,
} from './elements';
import { EmuDocument } from './document-app';

const DOCUMENTS = 'https://www.googleapis.com/auth/documents';
const CURRENT_ONLY = 'https://www.googleapis.com/auth/documents.currentonly';

/** Public method names of a class, inherited ones included. */
export function methodNames(ctor: { prototype: object }): string[] {
  const names = new Set<string>();
  for (let p: object | null = ctor.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    for (const n of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, n);
      // Methods only: accessors (getters) and private helpers are not Apps Script members.
      if (n !== 'constructor' && !n.startsWith('_') && typeof d?.value === 'function') names.add(n);
    }
  return [...names];
}

function table(): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {
    'DocumentApp.create': [DOCUMENTS],
    'DocumentApp.openById': [DOCUMENTS],
    'DocumentApp.openByUrl': [DOCUMENTS],
    'DocumentApp.getActiveDocument': [CURRENT_ONLY, DOCUMENTS],
  };
  const classes: [string, { prototype: object }][] = [
    ['Document', EmuDocument],
    ['Body', Body],
    ['HeaderSection', HeaderSection],
    ['FooterSection', FooterSection],
    ['Paragraph', Paragraph],
    ['ListItem', ListItem],
    ['Table', Table],
    ['TableRow', TableRow],
    ['TableCell', TableCell],
    ['Text', Text],
    ['RangeElement', RangeElement],
  ];
  for (const [name, ctor] of classes)
    for (const m of methodNames(ctor)) out[`${name}.${m}`] = [CURRENT_ONLY, DOCUMENTS];
  return out;
}

/** `'Class.method'` → the scopes that allow it. */
export const DOCS_SCOPES: Readonly<Record<string, readonly string[]>> = Object.freeze(table());
