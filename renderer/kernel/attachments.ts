import { liveQuery } from 'dexie';
import { Observable } from 'rxjs';
import { type Attachment, attachmentTypeOf, checkAttachmentFile } from '../../shared/base/attachment.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';
import { sha256Hex } from '../../shared/base/security/blobCrypto.ts';
import type { LocalStore } from './db/localStore.ts';
import type { PersonalDataCipher } from './security/personalData.ts';
import type { Clock } from './session/session.ts';
import type { BlobUploads } from './sync/blobUploads.ts';

/** A file picked to attach. */
export interface PickedFile {
  name: string;
  data: Uint8Array;
}

/**
 * Where an attachment's bytes are: on this computer waiting to reach the platform, on this computer
 * and the platform, or only on the platform (a record made on another computer; fetched when opened).
 */
export type AttachmentAvailability = 'pending' | 'uploaded' | 'elsewhere';

/** Fetches a blob from the platform (the sync service, once the computer is enrolled). */
export type BlobFetcher = (sha256: string) => Promise<Uint8Array>;

/**
 * Attachment bytes on this computer: stored once per content, encrypted with the data key, marked
 * pending until the platform holds them. The sync service uploads pending blobs before it pushes the
 * documents that refer to them.
 */
export class AttachmentStore implements BlobUploads {
  readonly #local: LocalStore;
  readonly #cipher: PersonalDataCipher;
  readonly #clock: Clock;

  constructor(local: LocalStore, cipher: PersonalDataCipher, clock: Clock) {
    this.#local = local;
    this.#cipher = cipher;
    this.#clock = clock;
  }

  /** Keeps a picked file here (once per content) and describes it as an attachment. */
  async keep(file: PickedFile): Promise<Validated<Attachment>> {
    const issues = checkAttachmentFile({ name: file.name, size: file.data.length });
    const mimeType = attachmentTypeOf(file.name);
    if (issues.length > 0 || mimeType === null) return { ok: false, issues };
    const sha256 = await sha256Hex(file.data);
    if (!(await this.#local.blobs.get(sha256))) await this.#store(sha256, file.data, 1);
    return { ok: true, value: { sha256, name: file.name.trim(), mimeType, size: file.data.length } };
  }

  /**
   * `existing` with the picked files added: all or none. Each file is checked (type, size, not attached
   * already) and kept on this computer encrypted.
   */
  async addTo(
    existing: readonly Attachment[],
    files: readonly PickedFile[],
  ): Promise<Validated<Attachment[]>> {
    const issues = files.flatMap((file, index) =>
      checkAttachmentFile({ name: file.name, size: file.data.length }, `files.${index}`),
    );
    if (files.length === 0) issues.push(issue('files', 'required'));
    if (issues.length > 0) return { ok: false, issues };
    const attachments = [...existing];
    for (const [index, file] of files.entries()) {
      const kept = await this.keep(file);
      if (!kept.ok) return kept;
      if (attachments.some((other) => other.sha256 === kept.value.sha256)) {
        return {
          ok: false,
          issues: [issue(`files.${index}`, 'attachment.duplicate', { name: kept.value.name })],
        };
      }
      attachments.push(kept.value);
    }
    return { ok: true, value: attachments };
  }

  /**
   * The bytes of an attachment: from this computer, else fetched from the platform with `fetch` (checked
   * against the digest and kept here). Refused when they are neither here nor fetchable.
   */
  async read(sha256: string, fetch?: BlobFetcher): Promise<Validated<Uint8Array>> {
    const stored = await this.#local.blobs.get(sha256);
    if (stored) return { ok: true, value: await this.#cipher.openBytes(stored.sealed, sha256) };
    if (!fetch) return { ok: false, issues: [issue('file', 'attachment.notHere')] };
    let data: Uint8Array;
    try {
      data = await fetch(sha256);
    } catch {
      return { ok: false, issues: [issue('file', 'attachment.notFetched')] };
    }
    if ((await sha256Hex(data)) !== sha256)
      return { ok: false, issues: [issue('file', 'attachment.corrupt')] };
    await this.#store(sha256, data, 0);
    return { ok: true, value: data };
  }

  async #store(sha256: string, data: Uint8Array, pending: 0 | 1): Promise<void> {
    await this.#local.blobs.put({
      sha256,
      size: data.length,
      sealed: await this.#cipher.sealBytes(data, sha256),
      pending,
      storedAt: this.#clock().toISOString(),
    });
  }

  /** Where each attachment's bytes are, kept current. */
  watchAvailability(sha256s: readonly string[]): Observable<Map<string, AttachmentAvailability>> {
    return new Observable((subscriber) => {
      const subscription = liveQuery(() => this.#local.blobs.bulkGet([...sha256s])).subscribe({
        next: (rows) => {
          const availability = new Map<string, AttachmentAvailability>();
          sha256s.forEach((sha256, index) => {
            const row = rows[index];
            availability.set(sha256, !row ? 'elsewhere' : row.pending === 1 ? 'pending' : 'uploaded');
          });
          subscriber.next(availability);
        },
        error: (error: unknown) => subscriber.error(error),
      });
      return () => subscription.unsubscribe();
    });
  }

  /** How many blobs wait for the platform. */
  pendingCount(): Promise<number> {
    return this.#local.blobs.where('pending').equals(1).count();
  }

  async pendingAmong(sha256s: readonly string[]): Promise<string[]> {
    const rows = await this.#local.blobs.bulkGet([...new Set(sha256s)]);
    return rows.filter((row) => row?.pending === 1).map((row) => row!.sha256);
  }

  async bytes(sha256: string): Promise<Uint8Array> {
    const stored = await this.#local.blobs.get(sha256);
    if (!stored) throw new Error(`Attachment ${sha256} is not on this computer`);
    return this.#cipher.openBytes(stored.sealed, sha256);
  }

  async markUploaded(sha256: string): Promise<void> {
    await this.#local.blobs.update(sha256, { pending: 0 });
  }
}
