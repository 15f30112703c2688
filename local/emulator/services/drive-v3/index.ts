export { DRIVE_V3_SCOPES } from './scopes';
export {
  DriveV3Service,
  EmuDriveV3Files,
  EmuDriveV3Permissions,
  type StoredPermission,
  GoogleJsonResponseException as DriveJsonResponseException,
} from './service';
