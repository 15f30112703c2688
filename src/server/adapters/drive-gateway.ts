/**
 * Drive for the documents service, through the Advanced Drive service (v3) with the `drive.file`
 * scope only: Pilote sees and changes the files it created, never the rest of the user's Drive
 * (developers.google.com/drive/api/guides/about-auth). DriveApp would need the full `drive`
 * scope for any write (its reference pages list no narrower one).
 *
 * Folders are found again by the ids Pilote stored (document properties), never by name: a
 * folder the user renamed or moved stays Pilote's; one deleted or trashed is made again.
 */

const FOLDER_MIME = 'application/vnd.google-apps.folder';
const DOC_MIME = 'application/vnd.google-apps.document';
const FOLDER_PREFIX = 'pilote.folder.';

function drive(): GoogleAppsScript.Drive {
  // The manifest enables the service (appsscript.json, enabledAdvancedServices).
  if (!Drive) throw new Error('Advanced Drive service not enabled');
  return Drive;
}

/** True when the app can still see the file and it is not in the trash. */
function alive(id: string): boolean {
  try {
    const file = drive().Files.get(id, { fields: 'id,trashed' });
    return file.trashed !== true;
  } catch (_e) {
    return false;
  }
}

function create(name: string, mimeType: string, parent: string | null): string {
  const resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File = { name, mimeType };
  if (parent) resource.parents = [parent];
  const id = drive().Files.create(resource).id;
  if (!id) throw new Error('Drive created a file without id');
  return id;
}

/**
 * The folder path `names` (from My Drive), each level remembered under `key` + its depth: one
 * `Files.get` of the deepest folder when it is still there, else the missing levels are made.
 */
export function ensureFolderPath(key: string, names: readonly string[]): string {
  const props = PropertiesService.getDocumentProperties();
  const keys = names.map((_, i) => `${FOLDER_PREFIX}${key}.${names.slice(0, i + 1).join('/')}`);
  const leaf = props.getProperty(keys[keys.length - 1]);
  if (leaf && alive(leaf)) return leaf;
  let parent: string | null = null;
  for (let i = 0; i < names.length; i += 1) {
    const known = props.getProperty(keys[i]);
    const id: string =
      known && (i === names.length - 1 ? false : alive(known))
        ? known
        : create(names[i], FOLDER_MIME, parent);
    if (id !== known) props.setProperty(keys[i], id);
    parent = id;
  }
  return parent as string;
}

/** A new, empty Google Doc in `folderId`, created by Pilote (so visible to it under drive.file). */
export function createDocInFolder(name: string, folderId: string): string {
  return create(name, DOC_MIME, folderId);
}

/** The PDF of saved document `docId` beside it: `previousPdf` replaced when Pilote still sees it, else a new file. */
export function savePdf(
  docId: string,
  name: string,
  folderId: string,
  previousPdf: string | null,
): { id: string; url: string } {
  // Document.getAs reads the saved document: the caller has called saveAndClose.
  const blob = DocumentApp.openById(docId).getAs('application/pdf');
  blob.setName(`${name}.pdf`);
  const fields = { fields: 'id,webViewLink' };
  const file =
    previousPdf && alive(previousPdf)
      ? drive().Files.update({ name: `${name}.pdf` }, previousPdf, blob, fields)
      : drive().Files.create(
          { name: `${name}.pdf`, mimeType: 'application/pdf', parents: [folderId] },
          blob,
          fields,
        );
  return { id: String(file.id), url: String(file.webViewLink ?? '') };
}

/**
 * Gives `emails` read access to `fileId` (a file Pilote created: drive.file allows it), without
 * the notification e-mail; an address that already has a permission on the file is left as it
 * is, so making the document again adds none (Permissions.list, then Permissions.create each
 * missing one; developers.google.com/drive/api/reference/rest/v3/permissions/create).
 * Returns the addresses given access by this call.
 */
export function shareAsReader(fileId: string, emails: readonly string[]): string[] {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))];
  if (wanted.length === 0) return [];
  const permissions = drive().Permissions;
  const existing = new Set(
    (permissions.list(fileId, { fields: 'permissions(id,type,emailAddress,role)' }).permissions ?? [])
      .map((p) => String(p.emailAddress ?? '').toLowerCase())
      .filter((e) => e !== ''),
  );
  const added: string[] = [];
  for (const emailAddress of wanted) {
    if (existing.has(emailAddress)) continue;
    permissions.create({ role: 'reader', type: 'user', emailAddress }, fileId, {
      sendNotificationEmail: false,
    });
    added.push(emailAddress);
  }
  return added;
}
