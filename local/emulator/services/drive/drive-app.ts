/**
 * DriveApp, Folder, File and their iterators (developers.google.com/apps-script/reference/drive/…)
 * over the Drive store. Costs: lookups, listings and metadata writes are Drive round trips
 * (driveRead; the cost model has no separate price for a metadata write), makeCopy is
 * driveMakeCopy, getAs(PDF) is pdfExport; getters on a File/Folder already fetched are local.
 */
import { GoogleException, type Runtime } from '../../runtime';
import { Blob } from '../blob';
import { cloneContent } from '../docs/model';
import { renderPdf } from './pdf';
import { type DriveItem, type DriveStore, MIME } from './store';

export const DRIVE_ERRORS = {
  /** (unverified) as scripts report it for an unknown or inaccessible id. */
  notFound: 'No item with the given ID could be found, or you do not have permission to access it.',
  /** Reported by scripts that call next() past the end. */
  iteratorEnd: 'Cannot retrieve the next object: iterator has reached the end.',
  /** (unverified) */
  conversion: (from: string, to: string) => `Converting from ${from} to ${to} is not supported.`,
  /** (unverified) */
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
} as const;

abstract class ItemIterator<T> {
  private at = 0;
  constructor(
    private readonly runtime: Runtime,
    private readonly items: T[],
  ) {}
  hasNext(): boolean {
    this.runtime.charge(this.constructor.name, 'hasNext', 'local');
    return this.at < this.items.length;
  }
  next(): T {
    this.runtime.charge(this.constructor.name, 'next', 'local');
    if (this.at >= this.items.length) throw new GoogleException(DRIVE_ERRORS.iteratorEnd);
    return this.items[this.at++];
  }
}

/** `FileIterator`. */
export class FileIterator extends ItemIterator<EmuFile> {}
/** `FolderIterator`. */
export class FolderIterator extends ItemIterator<EmuFolder> {}

abstract class DriveEntry {
  constructor(
    protected readonly drive: EmuDriveApp,
    protected readonly item: DriveItem,
  ) {}

  protected local(method: string): void {
    this.drive._runtime.charge(this.constructor.name.replace(/^Emu/, ''), method, 'local');
  }

  protected write(method: string): void {
    this.drive._runtime.charge(this.constructor.name.replace(/^Emu/, ''), method, 'driveRead');
    this.item.updatedAt = this.drive._store.now();
  }

  getId(): string {
    this.local('getId');
    return this.item.id;
  }

  getName(): string {
    this.local('getName');
    return this.item.name;
  }

  setName(name: string): this {
    this.write('setName');
    if (!String(name ?? '')) throw new GoogleException(DRIVE_ERRORS.invalidArgument('name'));
    this.item.name = String(name);
    return this;
  }

  getLastUpdated(): Date {
    this.local('getLastUpdated');
    return new Date(this.item.updatedAt);
  }

  getDateCreated(): Date {
    this.local('getDateCreated');
    return new Date(this.item.createdAt);
  }

  isTrashed(): boolean {
    this.local('isTrashed');
    return this.item.trashed;
  }

  setTrashed(trashed: boolean): this {
    this.write('setTrashed');
    this.item.trashed = Boolean(trashed);
    return this;
  }

  getParents(): FolderIterator {
    this.drive._runtime.charge(this.constructor.name.replace(/^Emu/, ''), 'getParents', 'driveRead');
    return new FolderIterator(
      this.drive._runtime,
      this.item.parents.map((p) => new EmuFolder(this.drive, this.drive._store.items.get(p)!)),
    );
  }

  moveTo(destination: EmuFolder): this {
    this.write('moveTo');
    if (!(destination instanceof EmuFolder))
      throw new GoogleException(DRIVE_ERRORS.invalidArgument('destination'));
    this.item.parents = [destination.getId()];
    return this;
  }
}

/** `File`. */
export class EmuFile extends DriveEntry {
  getUrl(): string {
    this.local('getUrl');
    return this.item.mimeType === MIME.GOOGLE_DOCS
      ? `https://docs.google.com/document/d/${this.item.id}/edit?usp=drivesdk`
      : `https://drive.google.com/file/d/${this.item.id}/view?usp=drivesdk`;
  }

  getMimeType(): string {
    this.local('getMimeType');
    return this.item.mimeType;
  }

  /**
   * makeCopy(), makeCopy(name), makeCopy(destination), makeCopy(name, destination). A Google Doc's
   * copy has the document's saved content (pending edits of an open Document are not in it).
   * Without a name the copy is "Copy of …" (unverified for a French account); without a folder it
   * goes beside the original.
   */
  makeCopy(a?: string | EmuFolder, b?: EmuFolder): EmuFile {
    this.drive._runtime.charge('File', 'makeCopy', 'driveMakeCopy');
    const name = typeof a === 'string' ? a : `Copy of ${this.item.name}`;
    const folder = a instanceof EmuFolder ? a : b;
    if (folder !== undefined && !(folder instanceof EmuFolder))
      throw new GoogleException(DRIVE_ERRORS.invalidArgument('destination'));
    const parent = folder ? folder.getId() : (this.item.parents[0] ?? this.drive._store.rootId);
    const data = this.item.data ? Buffer.from(this.item.data, 'base64') : undefined;
    const copy = this.drive._store.add(name, this.item.mimeType, parent, data);
    const content = this.drive._store.documents.get(this.item.id);
    if (content) this.drive._store.documents.set(copy.id, cloneContent(content));
    return new EmuFile(this.drive, copy);
  }

  /** A Google Doc as PDF (a real PDF of its saved text, ./pdf.ts); other conversions are refused. */
  getAs(contentType: string): Blob {
    this.drive._runtime.charge('File', 'getAs', 'pdfExport');
    const content = this.drive._store.documents.get(this.item.id);
    if (contentType !== MIME.PDF || !content)
      throw new GoogleException(DRIVE_ERRORS.conversion(this.item.mimeType, String(contentType)));
    return new Blob(
      this.drive._runtime,
      renderPdf(content, this.item.name),
      MIME.PDF,
      `${this.item.name}.pdf`,
    );
  }

  getBlob(): Blob {
    this.drive._runtime.charge('File', 'getBlob', 'driveRead');
    if (!this.item.data) throw new GoogleException(DRIVE_ERRORS.conversion(this.item.mimeType, 'blob'));
    return new Blob(
      this.drive._runtime,
      Buffer.from(this.item.data, 'base64'),
      this.item.mimeType,
      this.item.name,
    );
  }

  getSize(): number {
    this.local('getSize');
    return this.item.data ? Buffer.from(this.item.data, 'base64').length : 0;
  }
}

/** `Folder`. */
export class EmuFolder extends DriveEntry {
  getUrl(): string {
    this.local('getUrl');
    return `https://drive.google.com/drive/folders/${this.item.id}`;
  }

  createFolder(name: string): EmuFolder {
    this.write('createFolder');
    if (!String(name ?? '')) throw new GoogleException(DRIVE_ERRORS.invalidArgument('name'));
    return new EmuFolder(this.drive, this.drive._store.add(String(name), MIME.FOLDER, this.item.id));
  }

  /** createFile(blob) or createFile(name, content, mimeType?). */
  createFile(a: Blob | string, content?: string, mimeType?: string): EmuFile {
    this.write('createFile');
    let name: string;
    let data: Buffer;
    let type: string;
    if (a instanceof Blob) {
      name = a.getName() ?? 'Untitled';
      data = Buffer.from(a.getBytes().map((x) => x & 0xff));
      type = a.getContentType() ?? 'application/octet-stream';
    } else {
      if (!String(a ?? '')) throw new GoogleException(DRIVE_ERRORS.invalidArgument('name'));
      name = String(a);
      data = Buffer.from(String(content ?? ''), 'utf8');
      type = mimeType ?? MIME.PLAIN_TEXT;
    }
    return new EmuFile(this.drive, this.drive._store.add(name, type, this.item.id, data));
  }

  private children(folders: boolean, name?: string): DriveItem[] {
    return [...this.drive._store.items.values()].filter(
      (i) =>
        i.parents.includes(this.item.id) &&
        (i.mimeType === MIME.FOLDER) === folders &&
        (name === undefined || i.name === name),
    );
  }

  /** Listings include trashed items (unverified; the strict choice: callers must check isTrashed()). */
  getFiles(): FileIterator {
    this.drive._runtime.charge('Folder', 'getFiles', 'driveRead');
    return this.drive._files(this.children(false));
  }

  getFolders(): FolderIterator {
    this.drive._runtime.charge('Folder', 'getFolders', 'driveRead');
    return this.drive._folders(this.children(true));
  }

  getFilesByName(name: string): FileIterator {
    this.drive._runtime.charge('Folder', 'getFilesByName', 'driveRead');
    return this.drive._files(this.children(false, String(name)));
  }

  getFoldersByName(name: string): FolderIterator {
    this.drive._runtime.charge('Folder', 'getFoldersByName', 'driveRead');
    return this.drive._folders(this.children(true, String(name)));
  }
}

/** `DriveApp`. */
export class EmuDriveApp {
  constructor(
    readonly _runtime: Runtime,
    readonly _store: DriveStore,
  ) {}

  _files(items: DriveItem[]): FileIterator {
    return new FileIterator(
      this._runtime,
      items.map((i) => new EmuFile(this, i)),
    );
  }

  _folders(items: DriveItem[]): FolderIterator {
    return new FolderIterator(
      this._runtime,
      items.map((i) => new EmuFolder(this, i)),
    );
  }

  private lookup(method: string, id: string, folder: boolean): DriveItem {
    this._runtime.charge('DriveApp', method, 'driveRead');
    const item = this._store.items.get(String(id));
    if (!item || (item.mimeType === MIME.FOLDER) !== folder) throw new GoogleException(DRIVE_ERRORS.notFound);
    return item;
  }

  getFileById(id: string): EmuFile {
    return new EmuFile(this, this.lookup('getFileById', id, false));
  }

  getFolderById(id: string): EmuFolder {
    return new EmuFolder(this, this.lookup('getFolderById', id, true));
  }

  getRootFolder(): EmuFolder {
    return new EmuFolder(this, this.lookup('getRootFolder', this._store.rootId, true));
  }

  createFolder(name: string): EmuFolder {
    return this._root().createFolder(name);
  }

  createFile(a: Blob | string, content?: string, mimeType?: string): EmuFile {
    return this._root().createFile(a, content, mimeType);
  }

  private all(folders: boolean, name?: string): DriveItem[] {
    return [...this._store.items.values()].filter(
      (i) =>
        i.id !== this._store.rootId &&
        (i.mimeType === MIME.FOLDER) === folders &&
        (name === undefined || i.name === name),
    );
  }

  getFilesByName(name: string): FileIterator {
    this._runtime.charge('DriveApp', 'getFilesByName', 'driveRead');
    return this._files(this.all(false, String(name)));
  }

  getFoldersByName(name: string): FolderIterator {
    this._runtime.charge('DriveApp', 'getFoldersByName', 'driveRead');
    return this._folders(this.all(true, String(name)));
  }

  getFiles(): FileIterator {
    this._runtime.charge('DriveApp', 'getFiles', 'driveRead');
    return this._files(this.all(false));
  }

  getFolders(): FolderIterator {
    this._runtime.charge('DriveApp', 'getFolders', 'driveRead');
    return this._folders(this.all(true));
  }

  _root(): EmuFolder {
    return new EmuFolder(this, this._store.items.get(this._store.rootId)!);
  }

  /** Test helper: a Drive item's metadata. */
  _item(id: string): DriveItem | undefined {
    const i = this._store.items.get(id);
    return i ? { ...i, parents: [...i.parents] } : undefined;
  }
}

/** The `MimeType` global (developers.google.com/apps-script/reference/base/mime-type). */
export const MimeType = Object.freeze({ ...MIME });
