/**
 * The OAuth scopes each DriveApp call accepts (any one suffices), from the Authorization section
 * of each reference page (developers.google.com/apps-script/reference/drive/drive-app, …/drive/folder,
 * …/drive/file, …/drive/file-iterator, …/drive/folder-iterator):
 * - methods that only read: `…/auth/drive.readonly` or `…/auth/drive`;
 * - methods that create, copy, rename, move or trash: only `…/auth/drive`
 *   (checked: Folder.createFile(blob) lists only `…/auth/drive` on developers.google.cn/apps-script/reference/drive/folder).
 * None of DriveApp's pages lists `…/auth/drive.file`: a script whose manifest has only drive.file
 * cannot call DriveApp.createFolder, File.makeCopy, or even getFileById of a file it created
 * (the per-method lists for the read methods are "unverified": not re-read page by page here).
 */
import { methodNames } from '../docs/scopes';
import { EmuDriveApp, EmuFile, EmuFolder, FileIterator, FolderIterator } from './drive-app';

const DRIVE = 'https://www.googleapis.com/auth/drive';
const READONLY = 'https://www.googleapis.com/auth/drive.readonly';

const WRITES = new Set(['createFolder', 'createFile', 'makeCopy', 'setName', 'setTrashed', 'moveTo']);

function table(): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  const classes: [string, { prototype: object }][] = [
    ['DriveApp', EmuDriveApp],
    ['File', EmuFile],
    ['Folder', EmuFolder],
    ['FileIterator', FileIterator],
    ['FolderIterator', FolderIterator],
  ];
  for (const [name, ctor] of classes)
    for (const m of methodNames(ctor)) out[`${name}.${m}`] = WRITES.has(m) ? [DRIVE] : [READONLY, DRIVE];
  return out;
}

/** `'Class.method'` → the scopes that allow it. */
export const DRIVE_SCOPES: Readonly<Record<string, readonly string[]>> = Object.freeze(table());
