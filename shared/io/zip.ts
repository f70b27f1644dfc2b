/**
 * A minimal ZIP (PKWARE APPNOTE) writer and reader for XLSX packages: stored and deflated entries,
 * CRC-32 checked on read. No ZIP64, no encryption, no multi-disk archives.
 */
import { decodeText, deflateRaw, encodeUtf8, inflateRaw, SizeLimitError } from './web.ts';

export type ZipErrorCode = 'notZip' | 'corrupt' | 'unsupported' | 'tooLarge';

export class ZipError extends Error {
  readonly code: ZipErrorCode;
  constructor(code: ZipErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3), as ZIP stores it. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipInput {
  name: string;
  data: Uint8Array;
}

const signature = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const;
const utf8NameFlag = 0x0800;
/** 1980-01-01 00:00, the earliest DOS date: fixed so equal input gives byte-equal archives. */
const dosDate = (0 << 9) | (1 << 5) | 1;

/** Builds an archive; with `compress` each entry is deflated when that makes it smaller. */
export async function writeZip(
  entries: readonly ZipInput[],
  options: { compress?: boolean } = {},
): Promise<Uint8Array> {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encodeUtf8(entry.name);
    const crc = crc32(entry.data);
    const deflated = options.compress ? await deflateRaw(entry.data) : null;
    const useDeflate = deflated !== null && deflated.length < entry.data.length;
    const body = useDeflate ? deflated : entry.data;
    const method = useDeflate ? 8 : 0;

    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, signature.local, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, utf8NameFlag, true);
    l.setUint16(8, method, true);
    l.setUint16(10, 0, true);
    l.setUint16(12, dosDate, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, entry.data.length, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);

    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, signature.central, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, utf8NameFlag, true);
    c.setUint16(10, method, true);
    c.setUint16(12, 0, true);
    c.setUint16(14, dosDate, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, entry.data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, signature.end, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  /** Entry names as stored, with '/' separators. */
  readonly names: readonly string[];
  /** An entry's content (name matched case-insensitively, as OPC part names are), or null when absent. */
  read(name: string): Promise<Uint8Array | null>;
}

/** Opens an archive: reads its central directory now, entries on demand. Throws ZipError. */
export function openZip(bytes: Uint8Array, maxEntrySize = 100 * 1024 * 1024): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const looksLikeZip = bytes.length >= 4 && u32(0) === signature.local;

  let endAt = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === signature.end) {
      endAt = at;
      break;
    }
  }
  if (endAt < 0) throw new ZipError(looksLikeZip ? 'corrupt' : 'notZip', 'No end of central directory');
  const count = u16(endAt + 10);
  const centralOffset = u32(endAt + 16);
  if (count === 0xffff || centralOffset === 0xffffffff) throw new ZipError('unsupported', 'ZIP64 archive');

  const entries = new Map<string, CentralEntry>();
  const names: string[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== signature.central)
      throw new ZipError('corrupt', 'Bad central directory');
    const nameLength = u16(at + 28);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > bytes.length) throw new ZipError('corrupt', 'Bad central directory');
    const name = decodeText(bytes.subarray(at + 46, nameEnd)).replaceAll('\\', '/');
    const entry: CentralEntry = {
      name,
      flags: u16(at + 8),
      method: u16(at + 10),
      crc: u32(at + 16),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    names.push(name);
    entries.set(name.toLowerCase(), entry);
    at = nameEnd + u16(at + 30) + u16(at + 32);
  }

  async function read(name: string): Promise<Uint8Array | null> {
    const entry = entries.get(name.replace(/^\//, '').toLowerCase());
    if (!entry) return null;
    if (entry.flags & 1) throw new ZipError('unsupported', `Encrypted entry ${entry.name}`);
    if (entry.size > maxEntrySize) throw new ZipError('tooLarge', `Entry ${entry.name} is too large`);
    const local = entry.localOffset;
    if (local + 30 > bytes.length || u32(local) !== signature.local)
      throw new ZipError('corrupt', 'Bad local header');
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new ZipError('corrupt', `Entry ${entry.name} is truncated`);
    const raw = bytes.subarray(start, end);

    let data: Uint8Array;
    if (entry.method === 0) {
      data = raw.slice();
    } else if (entry.method === 8) {
      try {
        data = await inflateRaw(raw, entry.size);
      } catch (error) {
        const tooBig = error instanceof SizeLimitError;
        throw new ZipError(
          'corrupt',
          tooBig ? `Entry ${entry.name} inflates beyond its size` : String(error),
        );
      }
    } else {
      throw new ZipError('unsupported', `Compression method ${entry.method}`);
    }
    if (data.length !== entry.size || crc32(data) !== entry.crc) {
      throw new ZipError('corrupt', `Entry ${entry.name} fails its check`);
    }
    return data;
  }

  return { names, read };
}
