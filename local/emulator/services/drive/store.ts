/**
 * The emulated user's Drive: folders, files and the saved content of each Google Doc, shared by
 * DriveApp (./drive-app.ts) and DocumentApp (../docs/document-app.ts). A Google Doc is a Drive file
 * of MIME type application/vnd.google-apps.document whose id is the document's id.
 */
import type { Runtime } from '../../runtime';
import { stableHex } from '../shared';
import { cloneContent, type DocumentContent, emptyContent } from '../docs/model';

/** MimeType values (developers.google.com/apps-script/reference/base/mime-type). */
export const MIME = {
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  FOLDER: 'application/vnd.google-apps.folder',
  PDF: 'application/pdf',
  PLAIN_TEXT: 'text/plain',
  HTML: 'text/html',
  CSV: 'text/csv',
  JSON: 'application/json',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface DriveItem {
  id: string;
  name: string;
  mimeType: string;
  /** Parent folder ids (one since Drive's single-parent model). */
  parents: string[];
  trashed: boolean;
  createdAt: number;
  updatedAt: number;
  /** Bytes of a non-Google file, base64. */
  data?: string;
}

export interface DriveSnapshot {
  counter: number;
  rootId: string;
  items: DriveItem[];
  documents: Record<string, DocumentContent>;
}

export class DriveStore {
  private counter = 0;
  readonly rootId: string;
  readonly items = new Map<string, DriveItem>();
  /** Saved content of each Google Doc, by id. */
  readonly documents = new Map<string, DocumentContent>();

  constructor(private readonly runtime: Runtime) {
    this.rootId = `0A${stableHex('root', 17)}Uk9PVA`;
    this.items.set(this.rootId, this.item(this.rootId, 'Mon Drive', MIME.FOLDER, []));
  }

  now(): number {
    return this.runtime.clock.now();
  }

  /** A new id in Drive's shape (44 characters for files, 33 for folders). */
  newId(kind: 'file' | 'folder'): string {
    this.counter += 1;
    const hex = stableHex(`${kind}:${this.counter}`, 64);
    return kind === 'folder' ? `1${hex.slice(0, 32)}` : `1${hex.slice(0, 43)}`;
  }

  private item(id: string, name: string, mimeType: string, parents: string[]): DriveItem {
    const t = this.now();
    return { id, name, mimeType, parents, trashed: false, createdAt: t, updatedAt: t };
  }

  add(name: string, mimeType: string, parentId: string, data?: Buffer): DriveItem {
    const id = this.newId(mimeType === MIME.FOLDER ? 'folder' : 'file');
    const item = this.item(id, name, mimeType, [parentId]);
    if (data) item.data = data.toString('base64');
    this.items.set(id, item);
    if (mimeType === MIME.GOOGLE_DOCS) this.documents.set(id, emptyContent());
    return item;
  }

  /** Saves a document's content and marks its file updated now. */
  saveDocument(id: string, content: DocumentContent): void {
    this.documents.set(id, cloneContent(content));
    const item = this.items.get(id);
    if (item) item.updatedAt = this.now();
  }

  snapshot(): DriveSnapshot {
    return {
      counter: this.counter,
      rootId: this.rootId,
      items: [...this.items.values()].map((i) => ({ ...i, parents: [...i.parents] })),
      documents: Object.fromEntries([...this.documents].map(([k, v]) => [k, cloneContent(v)])),
    };
  }

  restore(snapshot: DriveSnapshot | undefined): void {
    if (!snapshot) return;
    this.counter = snapshot.counter;
    this.items.clear();
    for (const i of snapshot.items) this.items.set(i.id, { ...i, parents: [...i.parents] });
    this.documents.clear();
    for (const [k, v] of Object.entries(snapshot.documents)) this.documents.set(k, cloneContent(v));
  }
}
