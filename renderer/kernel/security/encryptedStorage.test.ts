import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  emptySubjectInput,
  type SubjectDocument,
  subjectJsonSchema,
} from '../../../shared/subjects/model.ts';
import { migratePersonalCollections } from '../db/database.ts';
import { LocalStore } from '../db/localStore.ts';
import { SubjectRepository } from '../../subjects/repository.ts';
import { historySealedThroughSetting, sealLocalHistory } from './personalData.ts';
import {
  memorySecretStore,
  openTestProfile,
  rawProfileContents,
  type TestProfile,
  testSession,
} from './testSupport.ts';

const idNumber = '11010519491231002X';
const phone = '13812345678';
const newPhone = '13987654321';

let profile: TestProfile | null = null;
let counter = 0;

afterEach(async () => {
  await profile?.close();
  profile = null;
});

async function openSubjects(p: TestProfile): Promise<SubjectRepository> {
  await migratePersonalCollections(p.db);
  return SubjectRepository.open(p.db.subjects, p.local, {
    ...p.context,
    session: () => testSession(['clerk']),
  });
}

const practitioner = {
  ...emptySubjectInput('practitioner'),
  name: '李秀英',
  code: idNumber,
  phone,
};

describe('personal data at rest', () => {
  it('stores ID numbers and phones encrypted everywhere on disk while the repository returns them in clear', async () => {
    const name = `test-at-rest-${++counter}`;
    profile = await openTestProfile(name);
    const subjects = await openSubjects(profile);
    const created = await subjects.create(practitioner);
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    await subjects.update(created.value.id, { ...practitioner, phone: newPhone });

    // A replication keeps copies of pushed documents in its meta instance: those must be encrypted too.
    const pushed: unknown[] = [];
    const replication = replicateRxCollection({
      collection: profile.db.subjects,
      replicationIdentifier: 'test-at-rest',
      live: false,
      push: {
        handler: async (rows) => {
          pushed.push(...rows.map((row) => row.newDocumentState));
          return [];
        },
      },
    });
    await replication.awaitInitialReplication();
    await replication.cancel();
    expect(pushed).toMatchObject([{ code: idNumber, phone: newPhone }]);

    expect(await subjects.get(created.value.id)).toMatchObject({ code: idNumber, phone: newPhone });
    expect((await subjects.history(created.value.id))[0]?.snapshot).toMatchObject({ code: idNumber, phone });
    expect((await subjects.list({ text: idNumber.slice(0, 10) })).items.map((s) => s.id)).toEqual([
      created.value.id,
    ]);
    expect(await subjects.findByCode(idNumber)).toMatchObject({ id: created.value.id });

    const raw = await rawProfileContents(name);
    expect(raw).toContain('李秀英');
    expect(raw).toContain('enc:v1:');
    expect(raw).toMatch(/rx-replication-meta/);
    for (const clear of [idNumber, idNumber.slice(6, 14), phone, newPhone, phone.slice(3)]) {
      expect(raw).not.toContain(clear);
    }
  });

  it('reports its own writes in clear without decrypting them, and decrypts what it reads', async () => {
    profile = await openTestProfile(`test-at-rest-${++counter}`);
    await migratePersonalCollections(profile.db);
    const events: SubjectDocument[] = [];
    const subscription = profile.db.subjects.$.subscribe((event) =>
      events.push(event.documentData as SubjectDocument),
    );
    const open = vi.spyOn(profile.personalData, 'open');
    const seal = vi.spyOn(profile.personalData, 'seal');
    const stamp = '2026-01-05T08:00:00.000Z';
    const document = {
      ...practitioner,
      id: '019b8d2e-0000-7000-8000-000000000003',
      county: '410823',
      createdAt: stamp,
      updatedAt: stamp,
      createdBy: 'u-1',
      updatedBy: 'u-1',
    };
    await profile.db.subjects.bulkInsert([document]);
    subscription.unsubscribe();
    expect(seal).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    expect(events).toMatchObject([{ id: document.id, code: idNumber, phone }]);

    const [stored] = await profile.db.subjects.storageInstance.findDocumentsById([document.id], false);
    expect(stored).toMatchObject({ code: idNumber, phone });
    expect(open).toHaveBeenCalledTimes(1);
    expect(await rawProfileContents(profile.name)).not.toContain(idNumber);
  });

  it('refuses a duplicate ID number found through the decrypted index', async () => {
    profile = await openTestProfile(`test-at-rest-${++counter}`);
    const subjects = await openSubjects(profile);
    const first = await subjects.create(practitioner);
    if (!first.ok) throw new Error('setup');
    const again = await subjects.create({ ...practitioner, name: '李秀英二', code: idNumber.toLowerCase() });
    expect(again).toEqual({
      ok: false,
      issues: [{ field: 'code', code: 'duplicate', params: { id: first.value.id, name: '李秀英' } }],
    });
  });

  it('cannot be read with another key, and stays readable with its own after a restart', async () => {
    const name = `test-at-rest-${++counter}`;
    const secrets = memorySecretStore();
    profile = await openTestProfile(name, { secrets });
    const created = await (await openSubjects(profile)).create(practitioner);
    if (!created.ok) throw new Error('setup');
    await profile.close();

    profile = await openTestProfile(name, { secrets });
    expect(await (await openSubjects(profile)).get(created.value.id)).toMatchObject({
      code: idNumber,
      phone,
    });
    await profile.close();

    const foreign = memorySecretStore();
    foreign.values.set(
      'creditdesk.dataKey',
      [...secrets.values.values()][0]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    );
    profile = await openTestProfile(name, { secrets: foreign });
    const subjects = await openSubjects(profile);
    await expect(subjects.get(created.value.id)).rejects.toThrow(/fieldCrypto.tampered/);
  });

  it('migrates a version 0 subjects database, encrypting what was stored in clear', async () => {
    const name = `test-migrate-${++counter}`;
    const version0 = {
      ...subjectJsonSchema,
      version: 0,
      properties: {
        ...subjectJsonSchema.properties,
        code: { type: 'string', maxLength: 18 },
        phone: { type: 'string', maxLength: 30 },
      },
      indexes: ['code', 'updatedAt'],
    } as unknown as RxJsonSchema<SubjectDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ subjects: { schema: version0 } });
    const stamp = '2026-01-05T08:00:00.000Z';
    const stamps = {
      county: '410823',
      createdAt: stamp,
      updatedAt: stamp,
      createdBy: 'u-1',
      updatedBy: 'u-1',
    };
    await old.subjects.bulkInsert([
      { ...practitioner, ...stamps, id: '019b8d2e-0000-7000-8000-000000000001' },
      {
        ...emptySubjectInput('enterprise'),
        ...stamps,
        id: '019b8d2e-0000-7000-8000-000000000002',
        name: '武陟县宏达建筑工程有限公司',
        code: '91350100M000100Y43',
        legalRepresentative: '王伟',
        division: '410823',
        phone: '0391-7123456',
      },
    ]);
    // A history entry in clear, as written before personal values were encrypted at rest (a new object
    // each time: the store sets its sequence number on the object it adds).
    const clearEntry = () => ({
      collection: 'subjects',
      docId: '019b8d2e-0000-7000-8000-000000000001',
      replacedAt: stamp,
      replacedBy: 'u-1',
      replacedByName: '张敏',
      snapshot: { ...practitioner, ...stamps, id: '019b8d2e-0000-7000-8000-000000000001' },
    });
    const oldLocal = new LocalStore(name);
    await oldLocal.history.add(clearEntry());
    oldLocal.close();
    expect(await rawProfileContents(name)).toContain(idNumber);
    await old.close();

    profile = await openTestProfile(name);
    const subjects = await openSubjects(profile);
    expect(await sealLocalHistory(profile.local, profile.personalData)).toBe(1);
    expect(await sealLocalHistory(profile.local, profile.personalData)).toBe(0);
    // The next sign-in reads only the entries after the last one looked at.
    const lastSeq = (await profile.local.history.orderBy('seq').last())?.seq;
    expect(await profile.local.getSetting(historySealedThroughSetting)).toBe(lastSeq);
    const later = await profile.local.history.add(clearEntry());
    expect(await sealLocalHistory(profile.local, profile.personalData)).toBe(1);
    expect(await profile.local.getSetting(historySealedThroughSetting)).toBe(later);
    expect((await subjects.history('019b8d2e-0000-7000-8000-000000000001'))[0]?.snapshot).toMatchObject({
      code: idNumber,
      phone,
    });
    const all = (await subjects.list({ sort: 'name' })).items;
    expect(all.map((s) => [s.code, s.phone])).toEqual([
      [idNumber, phone],
      ['91350100M000100Y43', '0391-7123456'],
    ]);
    const raw = await rawProfileContents(name);
    expect(raw).not.toContain(idNumber);
    expect(raw).not.toContain(phone);
    expect(raw).not.toContain('7123456');
    // The enterprise's credit code is public: it stays clear and searchable.
    expect(raw).toContain('91350100M000100Y43');
  });
});
