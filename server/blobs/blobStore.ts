/**
 * Attachment bytes, addressed by their SHA-256. Which county may read a blob is recorded in the database
 * (blob_holders); the store only keeps each content once.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface BlobStore {
  /** Size in bytes, or null when the blob is not stored. */
  size(sha256: string): Promise<number | null>;
  /** Stores bytes whose hash the caller has verified; storing the same blob again is a no-op. */
  put(sha256: string, data: Uint8Array): Promise<void>;
  read(sha256: string): Readable;
}

const hashPattern = /^[0-9a-f]{64}$/;

/** Blobs as files under `root/ab/cd/<sha256>`; written to a temporary name, then renamed into place. */
export class FileBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  #path(sha256: string): string {
    if (!hashPattern.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await stat(this.#path(sha256))).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async put(sha256: string, data: Uint8Array): Promise<void> {
    if ((await this.size(sha256)) !== null) return;
    const path = this.#path(sha256);
    const directory = join(path, '..');
    await mkdir(directory, { recursive: true });
    const temporary = join(directory, `.${sha256}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, data, { flag: 'wx' });
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  read(sha256: string): Readable {
    return createReadStream(this.#path(sha256));
  }
}
