/**
 * DocumentApp (developers.google.com/apps-script/reference/document/document-app) and Document
 * (…/document/document) over the Drive store.
 *
 * Cost model. Opening or creating a document is a round trip (docsOpen). Edits are buffered in
 * the script, as Apps Script buffers them: the page for Document.saveAndClose() says "Saves the
 * current Document. Causes pending updates to be flushed and applied" and "scripts … automatically
 * close any open documents at the end of script execution". So an edit is a local call; a save with
 * pending edits costs one batch edit (docsBatchEdit) plus the save (docsSave), and a document left
 * open is saved the same way when the execution ends. A generation's service calls therefore do not
 * grow with its number of placeholders. Another execution, and Drive's makeCopy/getAs, see only
 * saved content.
 */
import { GoogleException, type Runtime } from '../../runtime';
import { Blob } from '../blob';
import { DRIVE_ERRORS } from '../drive/drive-app';
import { renderPdf } from '../drive/pdf';
import { type DriveStore, MIME } from '../drive/store';
import { Body, type DocSession, DOC_ERRORS, FooterSection, HeaderSection } from './elements';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading } from './enums';
import { cloneContent, type DocumentContent, emptyParagraph } from './model';

/** "Document is missing (perhaps it was deleted, or you don't have read access?)", as scripts report it. */
export const DOCUMENT_APP_ERRORS = {
  missing: "Document is missing (perhaps it was deleted, or you don't have read access?)",
  /** (unverified) */
  badUrl: 'Invalid argument: url',
  /** (unverified) */
  emptyName: 'Invalid argument: name',
} as const;

class Session implements DocSession {
  closed = false;
  dirty = false;
  content: DocumentContent;
  constructor(
    readonly id: string,
    saved: DocumentContent,
    readonly runtime: Runtime,
    private readonly lists: { n: number },
  ) {
    this.content = cloneContent(saved);
  }
  nextListId(): string {
    this.lists.n += 1;
    return `kix.list${this.lists.n}`;
  }
}

/** `Document`. */
export class EmuDocument {
  constructor(
    private readonly app: EmuDocumentApp,
    private readonly session: Session,
  ) {}

  private call(method: string): void {
    if (this.session.closed) throw new GoogleException(DOC_ERRORS.closed);
    this.app._runtime.charge('Document', method, 'local');
  }

  getId(): string {
    this.call('getId');
    return this.session.id;
  }

  getName(): string {
    this.call('getName');
    return this.app._store.items.get(this.session.id)?.name ?? '';
  }

  /** Renaming is a Drive metadata write: priced like a Drive read (the model has no price of its own). */
  setName(name: string): EmuDocument {
    if (this.session.closed) throw new GoogleException(DOC_ERRORS.closed);
    this.app._runtime.charge('Document', 'setName', 'driveRead');
    if (!String(name)) throw new GoogleException(DOCUMENT_APP_ERRORS.emptyName);
    const item = this.app._store.items.get(this.session.id);
    if (item) {
      item.name = String(name);
      item.updatedAt = this.app._store.now();
    }
    return this;
  }

  getUrl(): string {
    this.call('getUrl');
    return documentUrl(this.session.id);
  }

  getBody(): Body {
    this.call('getBody');
    return new Body(this.session, this.session.content.body);
  }

  getHeader(): HeaderSection | null {
    this.call('getHeader');
    const h = this.session.content.header;
    return h ? new HeaderSection(this.session, h) : null;
  }

  addHeader(): HeaderSection {
    this.call('addHeader');
    this.session.dirty = true;
    this.session.content.header ??= { type: 'HEADER_SECTION', children: [emptyParagraph()] };
    return new HeaderSection(this.session, this.session.content.header);
  }

  getFooter(): FooterSection | null {
    this.call('getFooter');
    const f = this.session.content.footer;
    return f ? new FooterSection(this.session, f) : null;
  }

  addFooter(): FooterSection {
    this.call('addFooter');
    this.session.dirty = true;
    this.session.content.footer ??= { type: 'FOOTER_SECTION', children: [emptyParagraph()] };
    return new FooterSection(this.session, this.session.content.footer);
  }

  /**
   * The document as a PDF blob (developers.google.com/apps-script/reference/document/document#getAs(String)):
   * a PDF export, of the SAVED content as Drive's getAs (pending edits are not in it: scripts call
   * saveAndClose and reopen first; unverified for Document.getAs, the stricter choice). Issue 11.
   */
  getAs(contentType: string): Blob {
    if (this.session.closed) throw new GoogleException(DOC_ERRORS.closed);
    this.app._runtime.charge('Document', 'getAs', 'pdfExport');
    const name = this.app._store.items.get(this.session.id)?.name ?? '';
    const saved = this.app._store.documents.get(this.session.id);
    if (String(contentType) !== MIME.PDF || !saved)
      throw new GoogleException(DRIVE_ERRORS.conversion(MIME.GOOGLE_DOCS, String(contentType)));
    return new Blob(this.app._runtime, renderPdf(saved, name), MIME.PDF, `${name}.pdf`);
  }

  /** Flushes pending edits (one batch edit) and saves; the document is closed afterwards. */
  saveAndClose(): void {
    if (this.session.closed) throw new GoogleException(DOC_ERRORS.closed);
    this.app._save(this.session);
  }
}

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** `DocumentApp`. */
export class EmuDocumentApp {
  readonly ElementType = ElementType;
  readonly ParagraphHeading = ParagraphHeading;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly Attribute = Attribute;
  private open: Session[] = [];
  private readonly lists = { n: 0 };

  constructor(
    readonly _runtime: Runtime,
    readonly _store: DriveStore,
  ) {}

  /** Creates a document in the root folder: one empty paragraph, as a new Doc has. */
  create(name: string): EmuDocument {
    this._runtime.charge('DocumentApp', 'create', 'docsOpen');
    if (!String(name ?? '')) throw new GoogleException(DOCUMENT_APP_ERRORS.emptyName);
    const item = this._store.add(String(name), MIME.GOOGLE_DOCS, this._store.rootId);
    return this.session(item.id);
  }

  openById(id: string): EmuDocument {
    this._runtime.charge('DocumentApp', 'openById', 'docsOpen');
    const item = this._store.items.get(String(id));
    if (!item || item.mimeType !== MIME.GOOGLE_DOCS || !this._store.documents.has(item.id))
      throw new GoogleException(DOCUMENT_APP_ERRORS.missing);
    return this.session(item.id);
  }

  openByUrl(url: string): EmuDocument {
    const m = /^https:\/\/docs\.google\.com\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
    if (!m) {
      this._runtime.charge('DocumentApp', 'openByUrl', 'docsOpen');
      throw new GoogleException(DOCUMENT_APP_ERRORS.badUrl);
    }
    return this.openById(m[1]);
  }

  /** A document opened twice in one execution shares its pending edits, as on Apps Script. */
  private session(id: string): EmuDocument {
    let s = this.open.find((o) => o.id === id && !o.closed);
    if (!s) {
      s = new Session(id, this._store.documents.get(id)!, this._runtime, this.lists);
      this.open.push(s);
    }
    return new EmuDocument(this, s);
  }

  _save(session: Session): void {
    if (session.dirty) this._runtime.charge('Document', 'saveAndClose (pending edits)', 'docsBatchEdit');
    this._runtime.charge('Document', 'saveAndClose', 'docsSave');
    if (session.dirty) this._store.saveDocument(session.id, session.content);
    session.dirty = false;
    session.closed = true;
    this.open = this.open.filter((o) => o !== session);
  }

  /** End of execution: documents still open with pending edits are saved, then all are closed. */
  _endExecution(): void {
    for (const s of [...this.open]) {
      if (s.dirty) this._save(s);
      else s.closed = true;
    }
    this.open = [];
  }

  /** Test helper: the saved content tree of a document. */
  _document(id: string): DocumentContent {
    const content = this._store.documents.get(id);
    if (!content) throw new Error(`emulator: no document ${id}`);
    return cloneContent(content);
  }

  /** Test helper: the user edits the saved document later (another session); its file is updated now. */
  _userEdits(id: string, edit: (content: DocumentContent) => void): void {
    const content = this._document(id);
    edit(content);
    this._store.saveDocument(id, content);
  }

  /** Ids of every document in Drive, trashed ones included. */
  _documentIds(): string[] {
    return [...this._store.documents.keys()];
  }
}
