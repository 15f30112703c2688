/**
 * The Advanced Drive service, Drive API v3 (developers.google.com/drive/api/reference/rest/v3/files),
 * as Apps Script exposes it (`Drive.Files.create(resource, mediaData?, optionalArgs?)`,
 * `Drive.Files.get(fileId, optionalArgs?)`, `Drive.Files.update(resource, fileId, mediaData?,
 * optionalArgs?)`; argument order of @types/google-apps-script's drive_v3), over the same Drive
 * store as DriveApp and DocumentApp. Resources are typed with googleapis' `drive_v3` schemas.
 *
 * `drive.file` semantics: that scope gives access to "files that you open or create with this app"
 * (developers.google.com/drive/api/guides/about-auth). Pilote's manifest has drive.file only, so
 * this service sees only the files it created itself; any other id answers 404 `File not found:
 * <id>.`, the API's text for a file the app may not see (developers.google.com/drive/api/guides/
 * handle-errors#resolve_a_404_error_file_not_found_fileid). `_grantFullDrive()` lifts this for
 * a test of the full `drive` scope. Whether files made by `DocumentApp.create` count as the app's
 * is unverified: Pilote creates every file through this service, and the emulator does not count
 * them (the stricter choice).
 *
 * Responses hold the fields Drive v3 returns by default (`kind`, `id`, `name`, `mimeType`) unless
 * `fields` asks for others (same page, "Return specific fields": v3 returns a default subset).
 * Not modelled: `files.list` and its `q` language, shared drives, permissions, revisions,
 * resumable uploads, `copy`.
 */
import type { drive_v3 } from 'googleapis';
import type { Runtime } from '../../runtime';
import type { Blob } from '../blob';
import { type DriveItem, type DriveStore, MIME } from '../drive/store';

type FileResource = drive_v3.Schema$File;

/** The JSON error body (`error`) of developers.google.com/drive/api/guides/handle-errors. */
export interface DriveErrorDetails {
  code: number;
  message: string;
  errors: { domain: string; reason: string; message: string; locationType?: string; location?: string }[];
}

/** The exception an Advanced Drive call throws: `API call to drive.files.get failed with error: …`. */
export class GoogleJsonResponseException extends Error {
  readonly details: DriveErrorDetails;
  constructor(apiMethod: string, details: DriveErrorDetails) {
    super(`API call to ${apiMethod} failed with error: ${details.message}`);
    this.name = 'GoogleJsonResponseException';
    this.details = details;
  }
}

const notFound = (method: string, id: string) =>
  new GoogleJsonResponseException(method, {
    code: 404,
    message: `File not found: ${id}.`,
    errors: [
      {
        domain: 'global',
        reason: 'notFound',
        message: `File not found: ${id}.`,
        locationType: 'parameter',
        location: 'fileId',
      },
    ],
  });

/** developers.google.com/drive/api/guides/handle-errors (fieldNotWritable); text of the API (unverified word for word). */
const notWritable = (method: string, field: string) =>
  new GoogleJsonResponseException(method, {
    code: 403,
    message: `The resource body includes fields which are not directly writable.`,
    errors: [
      {
        domain: 'global',
        reason: 'fieldNotWritable',
        message: `The resource body includes fields which are not directly writable.`,
        locationType: 'other',
        location: field,
      },
    ],
  });

const badRequest = (method: string, message: string) =>
  new GoogleJsonResponseException(method, {
    code: 400,
    message,
    errors: [{ domain: 'global', reason: 'invalid', message }],
  });

const DEFAULT_FIELDS = ['kind', 'id', 'name', 'mimeType'];
const CREATE_WRITABLE = new Set(['name', 'mimeType', 'parents', 'description']);
const UPDATE_WRITABLE = new Set(['name', 'mimeType', 'trashed', 'description']);

/** `Drive.Files`. */
export class EmuDriveV3Files {
  static readonly googleClassName = 'Drive.Files';
  constructor(private readonly service: DriveV3Service) {}

  create(resource: FileResource, mediaData?: Blob, optionalArgs?: Record<string, unknown>): FileResource {
    const method = 'drive.files.create';
    const s = this.service;
    s._runtime.charge('Drive.Files', 'create', 'driveRead');
    const body = resource ?? {};
    for (const key of Object.keys(body)) if (!CREATE_WRITABLE.has(key)) throw notWritable(method, key);
    const parents = body.parents ?? [s._store.rootId];
    if (parents.length > 1) throw badRequest(method, 'Increasing the number of parents is not allowed');
    for (const p of parents) {
      const parent = s._visible(p);
      if (!parent || parent.mimeType !== MIME.FOLDER) throw notFound(method, p);
    }
    const blobType = mediaData ? mediaData.getContentType() : null;
    const mimeType = body.mimeType ?? blobType ?? 'application/octet-stream';
    const data = mediaData ? Buffer.from(mediaData.getBytes().map((b) => b & 0xff)) : undefined;
    const item = s._store.add(body.name ?? 'Untitled', mimeType, parents[0], data);
    s._appFiles.add(item.id);
    return s._resource(item, optionalArgs);
  }

  get(fileId: string, optionalArgs?: Record<string, unknown>): FileResource {
    const s = this.service;
    s._runtime.charge('Drive.Files', 'get', 'driveRead');
    const item = s._visible(String(fileId));
    if (!item) throw notFound('drive.files.get', String(fileId));
    return s._resource(item, optionalArgs);
  }

  update(
    resource: FileResource,
    fileId: string,
    mediaData?: Blob | null,
    optionalArgs?: Record<string, unknown>,
  ): FileResource {
    const method = 'drive.files.update';
    const s = this.service;
    s._runtime.charge('Drive.Files', 'update', 'driveRead');
    const item = s._visible(String(fileId));
    if (!item) throw notFound(method, String(fileId));
    const body = resource ?? {};
    for (const key of Object.keys(body)) if (!UPDATE_WRITABLE.has(key)) throw notWritable(method, key);
    const add = String(optionalArgs?.addParents ?? '')
      .split(',')
      .filter(Boolean);
    const remove = String(optionalArgs?.removeParents ?? '')
      .split(',')
      .filter(Boolean);
    for (const p of add) {
      const parent = s._visible(p);
      if (!parent || parent.mimeType !== MIME.FOLDER) throw notFound(method, p);
    }
    const parents = [
      ...item.parents.filter((p) => !remove.includes(p)),
      ...add.filter((p) => !item.parents.includes(p)),
    ];
    if (parents.length > 1) throw badRequest(method, 'Increasing the number of parents is not allowed');
    item.parents = parents;
    if (body.name !== undefined && body.name !== null) item.name = String(body.name);
    if (typeof body.trashed === 'boolean') item.trashed = body.trashed;
    if (mediaData) item.data = Buffer.from(mediaData.getBytes().map((b) => b & 0xff)).toString('base64');
    item.updatedAt = s._store.now();
    return s._resource(item, optionalArgs);
  }
}

/** The `Drive` global (Advanced Drive service, v3). */
export class DriveV3Service {
  static readonly googleClassName = 'Drive';
  readonly Files: EmuDriveV3Files;
  /** @internal ids of the files this app created (drive.file). */
  readonly _appFiles = new Set<string>();
  private fullDrive = false;

  constructor(
    readonly _runtime: Runtime,
    readonly _store: DriveStore,
  ) {
    this.Files = new EmuDriveV3Files(this);
  }

  /** @internal the item when the app may see it (the root folder always, as a parent). */
  _visible(id: string): DriveItem | null {
    const item = this._store.items.get(id);
    if (!item) return null;
    if (this.fullDrive || id === this._store.rootId || this._appFiles.has(id)) return item;
    return null;
  }

  /** @internal a v3 File resource with the requested fields. */
  _resource(item: DriveItem, optionalArgs?: Record<string, unknown>): FileResource {
    const full: Record<string, unknown> = {
      kind: 'drive#file',
      id: item.id,
      name: item.name,
      mimeType: item.mimeType,
      parents: [...item.parents],
      trashed: item.trashed,
      createdTime: new Date(item.createdAt).toISOString(),
      modifiedTime: new Date(item.updatedAt).toISOString(),
      webViewLink: webViewLink(item),
      size: item.data ? String(Buffer.from(item.data, 'base64').length) : undefined,
    };
    const asked = typeof optionalArgs?.fields === 'string' ? optionalArgs.fields : '';
    const fields =
      asked === '*' ? Object.keys(full) : asked ? asked.split(',').map((f) => f.trim()) : DEFAULT_FIELDS;
    const out: Record<string, unknown> = {};
    for (const f of fields) if (full[f] !== undefined) out[f] = full[f];
    return out as FileResource;
  }

  /** Test helper: the manifest has the full `drive` scope (every file visible). */
  _grantFullDrive(on = true): void {
    this.fullDrive = on;
  }

  snapshot(): { appFiles: string[] } {
    return { appFiles: [...this._appFiles] };
  }

  restore(snapshot: { appFiles: string[] } | undefined): void {
    this._appFiles.clear();
    for (const id of snapshot?.appFiles ?? []) this._appFiles.add(id);
  }
}

function webViewLink(item: DriveItem): string {
  if (item.mimeType === MIME.FOLDER) return `https://drive.google.com/drive/folders/${item.id}`;
  if (item.mimeType === MIME.GOOGLE_DOCS)
    return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
  return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
}
