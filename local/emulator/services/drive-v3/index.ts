export { DRIVE_V3_SCOPES } from './scopes';
export {
  DriveV3Service,
  EmuDriveV3Files,
  GoogleJsonResponseException as DriveJsonResponseException,
} from './service';
