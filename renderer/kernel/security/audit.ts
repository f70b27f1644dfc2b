import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { AuditAction, AuditEntry, AuditSnapshot } from '../../../shared/base/auditEntry.ts';
import { auditEntryFields, auditTextLimits } from '../../../shared/base/auditEntry.ts';
import type { CollectionName } from '../../../shared/base/collections.ts';
import {
  appendEntry,
  type BulkCreation,
  bulkCreation,
  bulkCreationLimit,
  bulkCreationOf,
  type ChainProblem,
  type ChainVerdict,
  verifyChain,
} from '../../../shared/base/security/auditChain.ts';
import { issue, type ValidationIssue } from '../../../shared/base/validation.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import type { AuditLogCollection } from '../db/database.ts';
import { documentsInOrder, indexedPage } from '../db/indexedPages.ts';
import type { LocalStore } from '../db/localStore.ts';
import type { Clock } from '../session/session.ts';
import { authorize } from './permissions.ts';
import { maskPersonalData } from './personalData.ts';
import type { SignedInSession } from './session.ts';

/**
 * The device's audit trail: hash-chained entries (shared/base/security/auditChain.ts) appended to the
 * `auditLog` collection strictly one at a time. The chain head is read from the collection before each
 * append, under a Web Lock where the runtime has one, so two tabs of the same profile never fork it.
 * The last head is also kept in the local settings, so a chain cut off at its end is noticed.
 */

/** What a caller records; who, when, where and the chain fields are added here. */
export interface AuditRecord {
  action: AuditAction;
  collectionName?: string;
  documentId?: string;
  before?: AuditSnapshot | null;
  after?: AuditSnapshot | null;
  reason?: string;
}

export interface AuditFilter {
  userId?: string;
  action?: AuditAction;
  documentId?: string;
  /** ISO instants, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
}

/** The verdict on one device's chain found in the collection. */
export interface DeviceChainReport {
  deviceId: string;
  entries: number;
  verdict: ChainVerdict;
}

interface ChainHeadSetting {
  seq: number;
  hash: string;
}

const deviceIdSetting = 'deviceId';
const headSetting = 'auditHead';

/** This profile's device id: a UUID made once and kept in the local settings. */
export async function deviceIdOf(local: LocalStore): Promise<string> {
  const known = await local.getSetting<string>(deviceIdSetting);
  if (known) return known;
  return local.transaction('rw', local.settings, async () => {
    const raced = await local.getSetting<string>(deviceIdSetting);
    if (raced) return raced;
    const id = uuidv7();
    await local.setSetting(deviceIdSetting, id);
    return id;
  });
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function webLocks(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/**
 * How the trail records documents created together: one bulk creation per `bulkCreationLimit`
 * documents, listing their ids with a digest of them with personal values masked. This is the costly
 * part of auditing a bulk creation, so callers may run it while the documents are being written.
 */
export async function bulkCreations(
  collection: CollectionName,
  created: readonly { id: string }[],
): Promise<BulkCreation[]> {
  const creations: BulkCreation[] = [];
  for (let start = 0; start < created.length; start += bulkCreationLimit) {
    const part = created.slice(start, start + bulkCreationLimit);
    creations.push(await bulkCreation(part.map((doc) => maskPersonalData(collection, doc))));
  }
  return creations;
}

/** IndexedDB's largest count: no limit. */
const readAll = 2 ** 32 - 1;

function newestFirst(a: AuditEntry, b: AuditEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return b.seq - a.seq;
}

/** The entry's own fields, without RxDB's bookkeeping. */
function plainEntry(data: Record<string, unknown>): AuditEntry {
  const entry: Record<string, unknown> = {};
  for (const field of auditEntryFields) entry[field] = data[field];
  return entry as unknown as AuditEntry;
}

export class AuditService {
  readonly county: string;
  readonly deviceId: string;
  readonly #collection: AuditLogCollection;
  readonly #local: LocalStore;
  readonly #clock: Clock;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    collection: AuditLogCollection,
    local: LocalStore,
    county: string,
    deviceId: string,
    clock: Clock,
  ) {
    this.#collection = collection;
    this.#local = local;
    this.county = county;
    this.deviceId = deviceId;
    this.#clock = clock;
  }

  static async open(
    collection: AuditLogCollection,
    local: LocalStore,
    options: { county: string; clock: Clock },
  ): Promise<AuditService> {
    return new AuditService(collection, local, options.county, await deviceIdOf(local), options.clock);
  }

  /** Appends one entry by this user; resolves once it is stored. */
  async append(userId: string, record: AuditRecord): Promise<AuditEntry> {
    const [entry] = await this.appendMany(userId, [record]);
    return entry!;
  }

  /** Appends entries in order with one database write (imports, bulk creation). */
  appendMany(userId: string, records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    return this.#appendAll(userId, records);
  }

  /**
   * Records that this user created the documents `bulkCreations` describes: one `create` entry each, in
   * one database write.
   */
  appendCreations(
    userId: string,
    collection: CollectionName,
    creations: readonly BulkCreation[],
  ): Promise<AuditEntry[]> {
    const records = creations.map(
      ({ documents, digest }): AuditRecord => ({
        action: 'create',
        collectionName: collection,
        after: { documents, digest },
      }),
    );
    // The id list is the point of such an entry: it is kept whole, never replaced by its digest.
    return this.#appendAll(userId, records, auditTextLimits.snapshotBytes);
  }

  /**
   * Appends one entry whose snapshot is evidence kept whole (a verification record as it was shown), up
   * to the snapshot limit, instead of replacing large fields by their digests.
   */
  async appendEvidence(userId: string, record: AuditRecord): Promise<AuditEntry> {
    const [entry] = await this.#appendAll(userId, [record], auditTextLimits.snapshotBytes);
    return entry!;
  }

  #appendAll(
    userId: string,
    records: readonly AuditRecord[],
    largeFieldBytes?: number,
  ): Promise<AuditEntry[]> {
    if (records.length === 0) return Promise.resolve([]);
    return this.#exclusive(async () => {
      let head = await this.#head();
      const entries: AuditEntry[] = [];
      for (const record of records) {
        const at = this.#clock();
        head = await appendEntry(
          head,
          {
            id: uuidv7(at.getTime()),
            county: this.county,
            deviceId: this.deviceId,
            at: at.toISOString(),
            userId,
            action: record.action,
            collectionName: record.collectionName ?? '',
            documentId: record.documentId ?? '',
            before: record.before ?? null,
            after: record.after ?? null,
            reason: record.reason ?? '',
          },
          { largeFieldBytes },
        );
        entries.push(head);
      }
      const written = await this.#collection.bulkInsert(entries);
      if (written.error.length > 0) throw new Error(`Audit trail write failed: ${written.error[0]!.status}`);
      await this.#local.setSetting(headSetting, {
        seq: head!.seq,
        hash: head!.hash,
      } satisfies ChainHeadSetting);
      return entries;
    });
  }

  /**
   * Entries matching the filter, newest first. A document id also finds the bulk-creation entries
   * listing that document.
   */
  async search(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const found = await this.#find(filter);
    const { documentId, action } = filter;
    if (!documentId || (action !== undefined && action !== 'create')) return found;
    // A document is created once: one created alone has its own creation entry and no listing names it.
    if (await this.#createdAlone(documentId)) return found;
    const listing = (
      await this.#find({ ...filter, documentId: '', action: 'create', limit: undefined })
    ).filter((entry) => bulkCreationOf(entry)?.documents.includes(documentId));
    if (listing.length === 0) return found;
    return [...found, ...listing].sort(newestFirst).slice(0, filter.limit);
  }

  /** Whether the document has a creation entry of its own (it was not among a bulk creation's). */
  async #createdAlone(documentId: string): Promise<boolean> {
    const created = await indexedPage(this.#collection, {
      index: ['documentId', 'at'],
      equal: [documentId],
      filter: (stored) => stored.action === 'create',
      limit: 1,
      countUpTo: 1,
    });
    return created.ids.length > 0;
  }

  /**
   * One page of the entries of one action, newest first, or oldest first from the instant `from` on,
   * walking the [at] index and testing each entry's action (an index of its own would make RxDB copy every
   * entry at the first start after the upgrade); counted up to `countUpTo` (`more` says the count stopped there).
   */
  async actionPage(
    action: AuditAction,
    page: { from?: string; oldestFirst?: boolean; offset?: number; limit: number; countUpTo: number },
  ): Promise<{ total: number; more: boolean; entries: AuditEntry[] }> {
    const found = await indexedPage(this.#collection, {
      index: ['at'],
      filter: (stored) => stored.action === action,
      descending: !page.oldestFirst,
      ...(page.from !== undefined ? { from: page.from } : {}),
      offset: page.offset ?? 0,
      limit: page.limit,
      countUpTo: page.countUpTo,
    });
    const documents = await documentsInOrder(this.#collection, found.ids);
    return {
      total: found.total,
      more: found.more ?? false,
      entries: documents.map((doc) => plainEntry(doc as unknown as Record<string, unknown>)),
    };
  }

  /**
   * Entries matching the filter, newest first, read through the [documentId, at], [userId, at] or [at]
   * index from the newest, only as far as the limit: a page of `limit` and the entries of its last
   * instant (so that equal instants keep their order by sequence number). The filters the index does not
   * answer test the stored entries on the way.
   */
  async #find(filter: AuditFilter): Promise<AuditEntry[]> {
    const { userId, action, documentId } = filter;
    // A document has a handful of entries, a user thousands: the document's index is the shorter walk.
    const index =
      documentId !== undefined
        ? { index: ['documentId', 'at'], equal: [documentId] }
        : userId !== undefined
          ? { index: ['userId', 'at'], equal: [userId] }
          : { index: ['at'] };
    const rest = (stored: Record<string, unknown>) =>
      (action === undefined || stored.action === action) &&
      (userId === undefined || documentId === undefined || stored.userId === userId);
    const filtered = action !== undefined || (userId !== undefined && documentId !== undefined);
    const scan = {
      ...index,
      descending: true,
      ...(filtered ? { filter: rest } : {}),
    };
    const limit = filter.limit ?? readAll;
    const page = await indexedPage(this.#collection, {
      ...scan,
      ...(filter.from !== undefined ? { from: filter.from } : {}),
      ...(filter.to !== undefined ? { to: filter.to } : {}),
      limit,
      countUpTo: limit,
    });
    const ids = new Set(page.ids);
    if (page.more) {
      const last = await this.#collection.findOne(page.ids.at(-1)!).exec();
      const at = last?.at ?? '';
      const sameInstant = await indexedPage(this.#collection, {
        ...scan,
        from: at,
        to: at,
        limit: readAll,
        countUpTo: readAll,
      });
      for (const id of sameInstant.ids) ids.add(id);
    }
    const found = await documentsInOrder(this.#collection, [...ids]);
    return found
      .map((doc) => plainEntry(doc as unknown as Record<string, unknown>))
      .sort(newestFirst)
      .slice(0, limit);
  }

  /**
   * Exports the entries matching the filter (oldest first) through `save`; once saved, the export is
   * itself audited with the reason. Needs `audit.export`.
   */
  async exportEntries(
    session: SignedInSession | null,
    filter: AuditFilter,
    reason: string,
    save: (entries: AuditEntry[]) => Promise<boolean>,
  ): Promise<{ ok: true; saved: boolean; count: number } | { ok: false; issues: ValidationIssue[] }> {
    const authorized = authorize(session, 'audit.export');
    if (!authorized.ok) return authorized;
    if (reason.trim() === '') return { ok: false, issues: [issue('reason', 'auditEntry.reasonRequired')] };
    const entries = (await this.search({ ...filter, limit: undefined })).reverse();
    const saved = await save(entries);
    if (saved) {
      const { limit: _limit, ...criteria } = filter;
      await this.append(authorized.session.userId, {
        action: 'auditExport',
        collectionName: 'auditLog',
        after: { filter: JSON.parse(JSON.stringify(criteria)), entries: entries.length },
        reason,
      });
    }
    return { ok: true, saved, count: entries.length };
  }

  /**
   * Verifies every device's chain in the collection (each in seq order). This device's chain is also
   * checked against the head recorded at the last append, which shows entries cut off its end.
   */
  async verify(): Promise<DeviceChainReport[]> {
    const all = await this.#collection.find({ sort: [{ deviceId: 'asc' }, { seq: 'asc' }] }).exec();
    const byDevice = new Map<string, AuditEntry[]>();
    for (const doc of all) {
      const entry = plainEntry(doc.toJSON() as Record<string, unknown>);
      const chain = byDevice.get(entry.deviceId);
      if (chain) chain.push(entry);
      else byDevice.set(entry.deviceId, [entry]);
    }
    if (!byDevice.has(this.deviceId) && (await this.#recordedHead())) byDevice.set(this.deviceId, []);
    const reports: DeviceChainReport[] = [];
    for (const [deviceId, entries] of byDevice) {
      let verdict = await verifyChain(entries, { deviceId, county: this.county });
      if (deviceId === this.deviceId) verdict = this.#checkTail(verdict, entries, await this.#recordedHead());
      reports.push({ deviceId, entries: entries.length, verdict });
    }
    return reports;
  }

  #checkTail(verdict: ChainVerdict, entries: AuditEntry[], recorded: ChainHeadSetting | null): ChainVerdict {
    if (!recorded) return verdict;
    const last = entries.at(-1);
    const problems: ChainProblem[] = verdict.ok ? [] : [...verdict.problems];
    if (!last || last.seq < recorded.seq) {
      const seq = (last?.seq ?? 0) + 1;
      problems.push({ code: 'auditChain.removed', seq, params: { seq, count: recorded.seq - seq + 1 } });
    } else {
      const atHead = entries.find((entry) => entry.seq === recorded.seq);
      if (atHead && atHead.hash !== recorded.hash && !problems.some((p) => p.seq === recorded.seq)) {
        problems.push({ code: 'auditChain.altered', seq: recorded.seq, params: { seq: recorded.seq } });
      }
    }
    return problems.length === 0 ? verdict : { ok: false, problems: problems.sort((a, b) => a.seq - b.seq) };
  }

  async #recordedHead(): Promise<ChainHeadSetting | null> {
    return (await this.#local.getSetting<ChainHeadSetting>(headSetting)) ?? null;
  }

  /** The last entry of this device's chain, read from storage (not a cached query result). */
  async #head(): Promise<AuditEntry | null> {
    const schema = this.#collection.schema.jsonSchema;
    const query = normalizeMangoQuery<AuditEntry>(schema, {
      selector: { deviceId: this.deviceId },
      sort: [{ seq: 'desc' }],
      limit: 1,
    });
    const { documents } = await this.#collection.storageInstance.query(prepareQuery(schema, query));
    const last = documents[0];
    return last ? plainEntry(last as unknown as Record<string, unknown>) : null;
  }

  /** One append at a time in this tab, and across tabs where Web Locks exist. */
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const locks = webLocks();
    const guarded = locks ? () => locks.request(`creditdesk-audit-${this.deviceId}`, work) : work;
    const run = this.#queue.then(guarded, guarded);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
