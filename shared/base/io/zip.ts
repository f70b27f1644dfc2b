/**
 * ZIP archives for XLSX packages, through fflate: stored and deflated entries. On read, an entry's
 * declared size is checked against the caller's limit before it is inflated, and it must inflate to
 * exactly that size. fflate checks no CRC-32: damage inside a deflated entry shows as a DEFLATE or
 * XML error, damage inside a stored one may not show at all.
 */
import { Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';

export type ZipErrorCode = 'notZip' | 'corrupt' | 'unsupported' | 'tooLarge';

export class ZipError extends Error {
  readonly code: ZipErrorCode;
  constructor(code: ZipErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface ZipInput {
  name: string;
  data: Uint8Array;
}

/** 1980-01-01 00:00, the earliest DOS date: fixed so equal input gives byte-equal archives. */
const fixedTime = new Date(1980, 0, 1);

/** Builds an archive; with `compress` every entry is deflated. */
export async function writeZip(
  entries: readonly ZipInput[],
  options: { compress?: boolean } = {},
): Promise<Uint8Array> {
  const level = options.compress ? 6 : 0;
  return zipSync(
    Object.fromEntries(entries.map((entry) => [entry.name, [entry.data, { level, mtime: fixedTime }]])),
  );
}

interface Entry {
  name: string;
  /** The name as stored, backslashes and all: fflate's key for the entry. */
  stored: string;
  size: number;
  originalSize: number;
  compression: number;
}

export interface ZipArchive {
  /** Entry names as stored, with '/' separators. */
  readonly names: readonly string[];
  /** An entry's content (name matched case-insensitively, as OPC part names are), or null when absent. */
  read(name: string): Promise<Uint8Array | null>;
}

const localSignature = [0x50, 0x4b, 0x03, 0x04];

/** Opens an archive: reads its central directory now, entries on demand. Throws ZipError. */
export function openZip(bytes: Uint8Array, maxEntrySize = 100 * 1024 * 1024): ZipArchive {
  const looksLikeZip = localSignature.every((byte, at) => bytes[at] === byte);
  const entries = new Map<string, Entry>();
  const names: string[] = [];
  try {
    // A filter that takes nothing lists the central directory without inflating any entry.
    unzipSync(bytes, {
      filter(info) {
        const name = info.name.replaceAll('\\', '/');
        names.push(name);
        entries.set(name.toLowerCase(), { ...info, name, stored: info.name });
        return false;
      },
    });
  } catch (error) {
    throw new ZipError(looksLikeZip ? 'corrupt' : 'notZip', String(error));
  }

  async function read(name: string): Promise<Uint8Array | null> {
    const entry = entries.get(name.replace(/^\//, '').toLowerCase());
    if (!entry) return null;
    if (entry.compression !== 0 && entry.compression !== 8) {
      throw new ZipError('unsupported', `Compression method ${entry.compression}`);
    }
    if (entry.originalSize > maxEntrySize) throw new ZipError('tooLarge', `Entry ${entry.name} is too large`);
    const data = inflateEntry(bytes, entry);
    if (data.length !== entry.originalSize) {
      throw new ZipError('corrupt', `Entry ${entry.name} does not inflate to its declared size`);
    }
    return data;
  }

  return { names, read };
}

/**
 * An entry's content, inflated as a stream so that it stops as soon as it grows beyond the size the
 * central directory declares (a ZIP bomb never fills memory).
 */
function inflateEntry(bytes: Uint8Array, entry: Entry): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let failure: string | null = null;
  const unzip = new Unzip((file) => {
    if (file.name !== entry.stored) return;
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) failure = error.message;
      else if (length + chunk.length > entry.originalSize) {
        failure = `Entry ${entry.name} inflates beyond its declared size`;
        file.terminate();
      } else {
        chunks.push(chunk);
        length += chunk.length;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    failure ??= String(error);
  }
  if (failure) throw new ZipError('corrupt', failure);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
