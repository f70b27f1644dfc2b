// `BENCH_STAGES=1`: each stage of the repository's bulk insert timed on its own, over the same documents.
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import {
  type SubjectDocument,
  type SubjectInput,
  subjectJsonSchema,
  validateSubjectInput,
} from '../../shared/subjects/model.ts';
import { SubjectIndex, summarize } from '../../renderer/subjects/subjectIndex.ts';
import { migrationStrategies } from '../../renderer/kernel/db/database.ts';
import { bulkCreations } from '../../renderer/kernel/security/audit.ts';
import { openTestProfile, type TestProfile } from '../../renderer/kernel/security/testSupport.ts';

/** The repository's write chunk, so each stage sees the batches it sees there. */
const chunk = 5000;

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function inChunks(documents: SubjectDocument[], write: (part: SubjectDocument[]) => Promise<unknown>) {
  for (let start = 0; start < documents.length; start += chunk)
    await write(documents.slice(start, start + chunk));
}

async function withProfile(name: string, work: (profile: TestProfile) => Promise<number>): Promise<number> {
  const profile = await openTestProfile(name, { now: { value: new Date() } });
  try {
    return await work(profile);
  } finally {
    await profile.close();
  }
}

/**
 * Milliseconds per stage, each measured alone: input validation, encrypting the personal fields,
 * RxDB's write without and with the encrypting storage, the audit trail's bulk-creation entries and the
 * search index. The repository runs them chunk by chunk (digesting a chunk for the audit trail while
 * it is written), so its total is not quite their sum.
 */
export async function measureStages(
  inputs: SubjectInput[],
  created: SubjectDocument[],
): Promise<Record<string, number>> {
  const today = new Date().toISOString().slice(0, 10);
  const validateMs = await timed(() => inputs.map((input) => validateSubjectInput(input, today)));
  const encryptMs = await withProfile('bench-stage-encrypt', (profile) =>
    timed(() =>
      inChunks(created, (part) => Promise.all(part.map((doc) => profile.personalData.seal('subjects', doc)))),
    ),
  );
  const plain = await createRxDatabase({
    name: 'bench-stage-plain',
    storage: getRxStorageDexie(),
    multiInstance: false,
  });
  await plain.addCollections({
    subjects: {
      schema: subjectJsonSchema as unknown as RxJsonSchema<SubjectDocument>,
      migrationStrategies: migrationStrategies.subjects,
    },
  });
  const rxdbWriteMs = await timed(() => inChunks(created, (part) => plain.subjects.bulkInsert(part)));
  await plain.close();
  const rxdbEncryptedWriteMs = await withProfile('bench-stage-encrypted', (profile) =>
    timed(() => inChunks(created, (part) => profile.db.subjects.bulkInsert(part))),
  );
  const auditMs = await withProfile('bench-stage-audit', (profile) =>
    timed(async () =>
      profile.audit.appendCreations('bench-clerk', 'subjects', await bulkCreations('subjects', created)),
    ),
  );
  const indexMs = await timed(() => new SubjectIndex().load(created.map(summarize)));
  return {
    'stage.validateMs': validateMs,
    'stage.encryptMs': encryptMs,
    'stage.rxdbWriteMs': rxdbWriteMs,
    'stage.rxdbEncryptedWriteMs': rxdbEncryptedWriteMs,
    'stage.auditMs': auditMs,
    'stage.indexMs': indexMs,
  };
}
