/**
 * OAuth scopes per Advanced Drive (v3) method, any one suffices: the Authorization section of each
 * method's page (developers.google.com/drive/api/reference/rest/v3/files/create, …/get, …/update),
 * checked against googleapis' drive_v3 typings (node_modules/googleapis/build/src/apis/drive/v3.d.ts).
 * `drive.file` allows the call only on files the app created or opened (modelled by the service).
 * Permissions (issue 12): developers.google.com/drive/api/reference/rest/v3/permissions/create
 * and …/permissions/list, the same lists as googleapis' typings of `drive.permissions.create`
 * (drive, drive.file) and `drive.permissions.list`.
 */
const A = 'https://www.googleapis.com/auth/';

export const DRIVE_V3_SCOPES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'Drive.Files.create': [`${A}drive`, `${A}drive.appdata`, `${A}drive.file`],
  'Drive.Files.get': [
    `${A}drive`,
    `${A}drive.appdata`,
    `${A}drive.file`,
    `${A}drive.meet.readonly`,
    `${A}drive.metadata`,
    `${A}drive.metadata.readonly`,
    `${A}drive.photos.readonly`,
    `${A}drive.readonly`,
  ],
  'Drive.Files.update': [
    `${A}drive`,
    `${A}drive.appdata`,
    `${A}drive.file`,
    `${A}drive.metadata`,
    `${A}drive.scripts`,
  ],
  'Drive.Permissions.create': [`${A}drive`, `${A}drive.file`],
  'Drive.Permissions.list': [
    `${A}drive`,
    `${A}drive.file`,
    `${A}drive.meet.readonly`,
    `${A}drive.metadata`,
    `${A}drive.metadata.readonly`,
    `${A}drive.photos.readonly`,
    `${A}drive.readonly`,
  ],
});
