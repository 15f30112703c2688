/** A minimal Blob (`GoogleAppsScript.Base.Blob`): bytes, content type and name. */
import type { CostKind, Runtime } from '../runtime';
import { fromBytes, toSignedBytes } from './shared';

/** A blob lives in the script's memory: no round trip. */
const COST: Record<string, CostKind> = {
  getBytes: 'local',
  getDataAsString: 'local',
  getContentType: 'local',
  setContentType: 'local',
  getName: 'local',
  setName: 'local',
  copyBlob: 'local',
  setDataFromString: 'local',
};

/** `Blob`. */
export class Blob {
  private data: Buffer;

  constructor(
    private readonly runtime: Runtime,
    data: string | readonly number[] | Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.data = toBuffer(data);
  }

  private charge(method: string): void {
    this.runtime.charge('Blob', method, COST[method]);
  }

  /** Signed bytes, as Java hands them to JavaScript. */
  getBytes(): number[] {
    this.charge('getBytes');
    return toSignedBytes(this.data);
  }

  getDataAsString(charset?: string): string {
    this.charge('getDataAsString');
    return this.data.toString(nodeEncoding(charset));
  }

  setDataFromString(string: string, charset?: string): Blob {
    this.charge('setDataFromString');
    this.data = Buffer.from(string, nodeEncoding(charset));
    return this;
  }

  getContentType(): string | null {
    this.charge('getContentType');
    return this.contentType;
  }

  setContentType(contentType: string | null): Blob {
    this.charge('setContentType');
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    this.charge('getName');
    return this.name;
  }

  setName(name: string): Blob {
    this.charge('setName');
    this.name = name;
    return this;
  }

  copyBlob(): Blob {
    this.charge('copyBlob');
    return new Blob(this.runtime, Buffer.from(this.data), this.contentType, this.name);
  }
}

/** Strings are UTF-8 encoded, byte arrays taken as they are. */
export function toBuffer(data: string | readonly number[] | Buffer): Buffer {
  if (Buffer.isBuffer(data)) return Buffer.from(data);
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return fromBytes(data);
}

/** `Utilities.Charset` names (US_ASCII, UTF_8) or Java names to Node encodings. */
export function nodeEncoding(charset?: string): BufferEncoding {
  const c = (charset ?? 'UTF_8').toUpperCase().replace('-', '_');
  if (c === 'US_ASCII') return 'ascii';
  if (c === 'UTF_8') return 'utf8';
  if (c === 'ISO_8859_1') return 'latin1';
  throw new Error(`emulator: charset ${charset} is not implemented`);
}
