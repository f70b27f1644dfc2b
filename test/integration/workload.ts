/**
 * Seeded edit workloads for the convergence and fault-injection tests, and the checks that follow
 * them: every client and the platform hold the same documents, and no edit was lost without a trace.
 */
import { generateDemoSubjects } from '../../shared/demo/subjects.ts';
import type { SubjectDocument, SubjectInput } from '../../shared/subjects/model.ts';
import { canonicalJson } from '../../shared/base/security/canonicalJson.ts';
import { documentContent } from '../../shared/sync/documentContent.ts';
import type { ConflictEntry } from '../../renderer/kernel/sync/syncStore.ts';
import type { RunningPlatform } from '../../server/index.ts';
import { type TestClient, testCounty } from './harness.ts';

/** One field edit a client made, with the value it replaced on that client. */
export interface FieldEdit {
  client: string;
  docId: string;
  field: EditableField;
  value: string;
  previous: string;
}

export const editableFields = ['name', 'address', 'qualification', 'contactPerson', 'phone'] as const;
export type EditableField = (typeof editableFields)[number];

/** Unique, valid values, so that every edit can be told apart in the final state. */
export function editValue(field: EditableField, client: number, serial: number): string {
  if (field === 'phone') return `13${client}${String(serial).padStart(8, '0')}`;
  return `${field}-c${client}-${serial}`;
}

export function subjectInputs(seed: number, count: number): SubjectInput[] {
  return generateDemoSubjects({ seed, count, division: testCounty.code });
}

/** Changes one field of a subject on a client and records the edit. */
export async function editSubject(
  client: TestClient,
  docId: string,
  field: EditableField,
  value: string,
  log: FieldEdit[],
): Promise<boolean> {
  if (!(await client.subjects.get(docId))) return false;
  const { before } = await client.subjects.patch(docId, { [field]: value });
  log.push({ client: client.name, docId, field, value, previous: before[field] });
  return true;
}

export async function clientDocuments(client: TestClient): Promise<Map<string, string>> {
  const docs = await client.db.subjects.find().exec();
  return new Map(docs.map((doc) => [doc.primary, canonicalJson(documentContent(doc.toJSON()))]));
}

export async function platformDocuments(platform: RunningPlatform): Promise<Map<string, string>> {
  const { rows } = await platform.database.query<{
    id: string;
    body: Record<string, unknown>;
    deleted: boolean;
  }>("SELECT id, body, deleted FROM documents WHERE collection = 'subjects'");
  return new Map(
    rows
      .filter((row) => !row.deleted)
      .map((row) => [row.id, canonicalJson({ ...row.body, _deleted: false })]),
  );
}

function sameMaps(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/** Syncs every client until all of them and the platform agree; returns the agreed documents. */
export async function healAndConverge(
  clients: TestClient[],
  platform: () => RunningPlatform,
  timeoutMs = 20_000,
): Promise<Map<string, SubjectDocument>> {
  for (const client of clients) await client.sync.resume();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const client of clients) client.sync.syncNow();
    await Promise.all(clients.map((client) => client.sync.awaitInSync()));
    const master = await platformDocuments(platform());
    const views = await Promise.all(clients.map(clientDocuments));
    const pending = clients.some((client) => client.sync.records.pendingCount('subjects') > 0);
    if (!pending && views.every((view) => sameMaps(view, master))) {
      return new Map([...master].map(([id, json]) => [id, JSON.parse(json) as SubjectDocument]));
    }
    if (Date.now() > deadline) {
      const sizes = views.map((view) => view.size).join('/');
      // Which documents differ where, and in which state each client is, to tell why.
      const differences = clients.map((client, index) => ({
        client: client.name,
        state: client.sync.status.state,
        lastError: client.sync.status.lastError,
        differing: [...views[index]!].filter(([id, json]) => master.get(id) !== json).map(([id]) => id),
      }));
      throw new Error(
        `clients did not converge: platform ${master.size} documents, clients ${sizes}: ${JSON.stringify(differences)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface LossReport {
  /** Edits whose value is neither final, nor replaced by a later edit that saw it, nor kept in conflicts. */
  lost: FieldEdit[];
  /** Edits whose value was overwritten by a concurrent platform value (each found in conflicts). */
  lostWriteCandidates: FieldEdit[];
}

/**
 * Sorts out what happened to every edit. Values are unique, so an edit was legitimately replaced when
 * some later edit of the same field started from its value; any other edit whose value is not final
 * was overwritten by a concurrent one, and must be kept in the editing client's conflicts.
 */
export function accountForEdits(
  edits: FieldEdit[],
  final: Map<string, SubjectDocument>,
  conflicts: Map<string, ConflictEntry[]>,
): LossReport {
  const replacedValues = new Set(
    edits.map((edit) => `${edit.docId}\u0000${edit.field}\u0000${edit.previous}`),
  );
  const lost: FieldEdit[] = [];
  const candidates: FieldEdit[] = [];
  for (const edit of edits) {
    if (final.get(edit.docId)?.[edit.field] === edit.value) continue;
    if (replacedValues.has(`${edit.docId}\u0000${edit.field}\u0000${edit.value}`)) continue;
    candidates.push(edit);
    const kept = (conflicts.get(edit.client) ?? []).some(
      (entry) =>
        entry.docId === edit.docId &&
        entry.fields.includes(edit.field) &&
        entry.localState[edit.field] === edit.value,
    );
    if (!kept) lost.push(edit);
  }
  return { lost, lostWriteCandidates: candidates };
}

export async function conflictsByClient(clients: TestClient[]): Promise<Map<string, ConflictEntry[]>> {
  const entries = await Promise.all(clients.map((client) => client.sync.store.allConflicts()));
  return new Map(clients.map((client, index) => [client.name, entries[index]!]));
}

/** Write-log entries that repeat the previous write of the same document: a duplicated write. */
export async function duplicatedWrites(platform: RunningPlatform): Promise<number> {
  const { rows } = await platform.database.query<{ duplicates: unknown }>(
    `SELECT count(*) AS duplicates FROM (
       SELECT content_hash, lag(content_hash) OVER (PARTITION BY document_id ORDER BY sequence) AS previous
       FROM write_log WHERE collection = 'subjects'
     ) w WHERE content_hash = previous`,
  );
  return Number(rows[0]?.duplicates ?? 0);
}
