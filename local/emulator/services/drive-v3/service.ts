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
 * Permissions (issue 12): `Drive.Permissions.create(resource, fileId, optionalArgs?)` and
 * `Drive.Permissions.list(fileId, optionalArgs?)` (developers.google.com/drive/api/reference/rest/
 * v3/permissions/create, …/list), on the files the app may see only (drive.file: 404 otherwise).
 * Every file has its owner's permission. A Permission resource answers `kind, id, type, role`
 * unless `fields` asks for more (`emailAddress` is not in that default subset: unverified, the
 * stricter choice, so a caller that compares addresses must ask for them).
 *
 * Not modelled: `files.list` and its `q` language, shared drives, permissions' update/delete and
 * the notification e-mail's content, revisions, resumable uploads, `copy`.
 */
import type { drive_v3 } from 'googleapis';
import type { Runtime } from '../../runtime';
import type { Blob } from '../blob';
import { type DriveItem, type DriveStore, MIME } from '../drive/store';

type FileResource = drive_v3.Schema$File;
type PermissionResource = drive_v3.Schema$Permission;

/** A permission as the emulator keeps it (`notified`: whether Drive would have sent its e-mail). */
export interface StoredPermission {
  id: string;
  type: string;
  role: string;
  emailAddress: string | null;
  notified: boolean;
}

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

/** Roles and grantee types of developers.google.com/drive/api/reference/rest/v3/permissions. */
const ROLES = new Set(['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader']);
const GRANTEES = new Set(['user', 'group', 'domain', 'anyone']);
const PERMISSION_WRITABLE = new Set([
  'role',
  'type',
  'emailAddress',
  'domain',
  'allowFileDiscovery',
  'expirationTime',
  'view',
]);
const PERMISSION_DEFAULT_FIELDS = ['kind', 'id', 'type', 'role'];

/** `Drive.Permissions`. */
export class EmuDriveV3Permissions {
  static readonly googleClassName = 'Drive.Permissions';
  constructor(private readonly service: DriveV3Service) {}

  create(
    resource: PermissionResource,
    fileId: string,
    optionalArgs?: Record<string, unknown>,
  ): PermissionResource {
    const method = 'drive.permissions.create';
    const s = this.service;
    s._runtime.charge('Drive.Permissions', 'create', 'driveRead');
    const id = String(fileId);
    if (!s._visible(id) || id === s._store.rootId) throw notFound(method, id);
    const body = resource ?? {};
    for (const key of Object.keys(body)) if (!PERMISSION_WRITABLE.has(key)) throw notWritable(method, key);
    // The API's texts for these refusals are unverified; the refusals are the page's rules
    // (role and type are required; user and group need an e-mail address).
    if (!body.role || !ROLES.has(body.role)) throw badRequest(method, 'Invalid value for: role');
    if (!body.type || !GRANTEES.has(body.type)) throw badRequest(method, 'Invalid value for: type');
    const email = typeof body.emailAddress === 'string' ? body.emailAddress.trim().toLowerCase() : '';
    if ((body.type === 'user' || body.type === 'group') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw badRequest(method, 'Invalid value for: emailAddress');
    // Making another user owner needs transferOwnership (permissions/create, its query parameters).
    if (body.role === 'owner' && optionalArgs?.transferOwnership !== true)
      throw new GoogleJsonResponseException(method, {
        code: 403,
        message: "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
        errors: [{ domain: 'global', reason: 'forbidden', message: 'transferOwnership (unverified text)' }],
      });
    const list = s._permissionsOf(id);
    // The same user again: Drive keeps one permission per grantee (its id is the user's); the
    // emulator updates its role (unverified: Pilote lists first and never does this).
    const same = email ? list.find((p) => p.emailAddress === email) : undefined;
    const notified =
      body.type === 'user' || body.type === 'group' ? optionalArgs?.sendNotificationEmail !== false : false;
    if (same) {
      same.role = body.role;
      return s._permissionResource(same, optionalArgs);
    }
    const permission: StoredPermission = {
      id: email
        ? permissionIdOf(email)
        : body.type === 'anyone'
          ? 'anyoneWithLink'
          : `${body.type}-${list.length}`,
      type: body.type,
      role: body.role,
      emailAddress: email || null,
      notified,
    };
    list.push(permission);
    return s._permissionResource(permission, optionalArgs);
  }

  list(fileId: string, optionalArgs?: Record<string, unknown>): drive_v3.Schema$PermissionList {
    const s = this.service;
    s._runtime.charge('Drive.Permissions', 'list', 'driveRead');
    const id = String(fileId);
    if (!s._visible(id) || id === s._store.rootId) throw notFound('drive.permissions.list', id);
    const asked = typeof optionalArgs?.fields === 'string' ? optionalArgs.fields : '';
    const inner = /^\s*permissions\(([^)]*)\)\s*$/.exec(asked);
    const fields = asked === '*' || asked === 'permissions' ? '*' : inner ? inner[1] : '';
    return {
      ...(inner ? {} : { kind: 'drive#permissionList' }),
      permissions: s._permissionsOf(id).map((p) => s._permissionResource(p, fields ? { fields } : undefined)),
    };
  }
}

/** A stable id per address (Drive's is the account's permission id; its form is not modelled). */
function permissionIdOf(email: string): string {
  let h = 0;
  for (const ch of email) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return String(10_000_000_000 + h);
}

/** The `Drive` global (Advanced Drive service, v3). */
export class DriveV3Service {
  static readonly googleClassName = 'Drive';
  readonly Files: EmuDriveV3Files;
  readonly Permissions: EmuDriveV3Permissions;
  /** @internal ids of the files this app created (drive.file). */
  readonly _appFiles = new Set<string>();
  /** @internal permissions by file id, beyond the owner's. */
  private readonly permissions = new Map<string, StoredPermission[]>();
  private fullDrive = false;

  constructor(
    readonly _runtime: Runtime,
    readonly _store: DriveStore,
    private readonly ownerEmail: () => string = () => 'user@example.com',
  ) {
    this.Files = new EmuDriveV3Files(this);
    this.Permissions = new EmuDriveV3Permissions(this);
  }

  /** @internal the permissions of a file, its owner's first (made on first use). */
  _permissionsOf(fileId: string): StoredPermission[] {
    let list = this.permissions.get(fileId);
    if (!list) {
      const owner = this.ownerEmail().toLowerCase();
      list = [
        { id: permissionIdOf(owner), type: 'user', role: 'owner', emailAddress: owner, notified: false },
      ];
      this.permissions.set(fileId, list);
    }
    return list;
  }

  /** @internal a v3 Permission resource with the requested fields. */
  _permissionResource(p: StoredPermission, optionalArgs?: Record<string, unknown>): PermissionResource {
    const full: Record<string, unknown> = {
      kind: 'drive#permission',
      id: p.id,
      type: p.type,
      role: p.role,
      emailAddress: p.emailAddress ?? undefined,
    };
    const asked = typeof optionalArgs?.fields === 'string' ? optionalArgs.fields : '';
    const fields =
      asked === '*'
        ? Object.keys(full)
        : asked
          ? asked.split(',').map((f) => f.trim())
          : PERMISSION_DEFAULT_FIELDS;
    const out: Record<string, unknown> = {};
    for (const f of fields) if (full[f] !== undefined) out[f] = full[f];
    return out as PermissionResource;
  }

  /** Test helper: the permissions of a file as the emulator keeps them (owner included). */
  _permissions(fileId: string): readonly StoredPermission[] {
    return this._permissionsOf(fileId).map((p) => ({ ...p }));
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

  snapshot(): { appFiles: string[]; permissions?: [string, StoredPermission[]][] } {
    return {
      appFiles: [...this._appFiles],
      permissions: [...this.permissions].map(([id, list]) => [id, list.map((p) => ({ ...p }))]),
    };
  }

  restore(snapshot: { appFiles: string[]; permissions?: [string, StoredPermission[]][] } | undefined): void {
    this._appFiles.clear();
    for (const id of snapshot?.appFiles ?? []) this._appFiles.add(id);
    this.permissions.clear();
    for (const [id, list] of snapshot?.permissions ?? [])
      this.permissions.set(
        id,
        list.map((p) => ({ ...p })),
      );
  }
}

function webViewLink(item: DriveItem): string {
  if (item.mimeType === MIME.FOLDER) return `https://drive.google.com/drive/folders/${item.id}`;
  if (item.mimeType === MIME.GOOGLE_DOCS)
    return `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`;
  return `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`;
}
