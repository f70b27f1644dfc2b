import { filter, firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DisclosureInput } from '../../shared/disclosures/model.ts';
import { emptySubjectInput, type SubjectDocument } from '../../shared/subjects/model.ts';
import { openCreditRepositories } from '../../renderer/disclosures/repository.ts';
import {
  codes,
  enterpriseInput,
  openProfile,
  penaltyInput,
  type Profile,
  recordFields,
  registerSubject,
  users,
} from './creditHarness.ts';

let profile: Profile;
let enterprise: SubjectDocument;

beforeEach(async () => {
  profile = await openProfile('2026-03-06T02:00:00.000Z');
  enterprise = await registerSubject(profile, enterpriseInput());
});

afterEach(async () => {
  await profile.close();
});

function penalty(documentNumber: string): Promise<DisclosureInput> {
  return penaltyInput(profile, enterprise, { documentNumber });
}

/** Makes the next `count` bulk writes of credit records fail as a full disk or a closed window would. */
function failRecordWrites(count: number): void {
  const collection = profile.db.creditRecords;
  const original = collection.bulkInsert.bind(collection);
  let left = count;
  collection.bulkInsert = (async (...args: Parameters<typeof original>) => {
    if (left-- > 0) throw new Error('QuotaExceededError (injected)');
    return original(...args);
  }) as typeof collection.bulkInsert;
}

async function auditedCreations(documentId: string): Promise<number> {
  const entries = await profile.context.audit.search({ documentId, action: 'create' });
  return entries.length;
}

/** What opening the workspace does with the credit repositories. */
function reopen() {
  return openCreditRepositories({
    db: profile.db,
    local: profile.local,
    context: profile.context,
    subjects: profile.subjects,
    county: enterprise.division,
  });
}

describe('a penalty and its derived record are written together', () => {
  it('finishes the pair on the next opening when the record could not be written', async () => {
    failRecordWrites(1);
    await expect(profile.disclosures.create(await penalty('武建罚字〔2026〕第21号'))).rejects.toThrow(
      'QuotaExceededError',
    );
    const [stored] = await profile.db.disclosures.find().exec();
    expect(stored!.derivedRecordId).not.toBe('');
    expect(await profile.records.get(stored!.derivedRecordId)).toBeNull();
    expect(await profile.local.journal.count()).toBe(1);
    const shown = profile.journal.watchUnfinished();
    expect(await firstValueFrom(shown.pipe(filter((count) => count > 0)))).toBe(1);

    const reopened = await reopen();
    const record = await reopened.creditRecords.get(stored!.derivedRecordId);
    expect(record).toMatchObject({ source: 'penalty', sourceId: stored!.id, createdBy: users.clerk.userId });
    expect(await profile.local.journal.count()).toBe(0);
    expect(await auditedCreations(stored!.id)).toBe(1);
    expect(await auditedCreations(record!.id)).toBe(1);
  });

  it('audits each write once when the audit append failed after the write', async () => {
    const audit = profile.context.audit;
    const original = audit.appendMany.bind(audit);
    let calls = 0;
    audit.appendMany = ((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new Error('audit write failed (injected)'));
      return original(...args);
    }) as typeof audit.appendMany;
    await expect(profile.disclosures.create(await penalty('武建罚字〔2026〕第22号'))).rejects.toThrow(
      'injected',
    );
    audit.appendMany = original;

    await reopen();
    const [stored] = await profile.db.disclosures.find().exec();
    expect(await profile.db.creditRecords.count().exec()).toBe(1);
    expect(await auditedCreations(stored!.id)).toBe(1);
    expect(await auditedCreations(stored!.derivedRecordId)).toBe(1);
    expect(await profile.local.journal.count()).toBe(0);
  });

  it('keeps personal values sealed in the journal', async () => {
    const person = await registerSubject(profile, {
      ...emptySubjectInput('practitioner'),
      name: '李秀英',
      code: codes.practitioner,
      industry: 'realEstateBrokerage',
      division: enterprise.division,
    });
    const input = await penaltyInput(profile, person, { documentNumber: '武建罚字〔2026〕第23号' });
    failRecordWrites(1);
    await expect(profile.disclosures.create(input)).rejects.toThrow('QuotaExceededError');
    const [entry] = await profile.local.journal.toArray();
    expect(entry).toMatchObject({ userId: users.clerk.userId, done: 1, written: false });
    expect(JSON.stringify(entry!.steps)).toContain('enc:v1:');
    expect(JSON.stringify(entry!.steps)).not.toContain(codes.practitioner);
    await reopen();
    expect(
      (await profile.db.disclosures.findOne({ selector: { subjectId: person.id } }).exec())!.partyIdNumber,
    ).toBe(codes.practitioner);
  });
});

describe('credit record steps', () => {
  it('are audited under their own action with the reason, and finished after an interruption', async () => {
    const created = await profile.records.create(recordFields(enterprise.id));
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const id = created.value.id;
    expect((await profile.records.act(id, 'submit')).ok).toBe(true);
    profile.signIn(users.reviewer);

    // The write of the returned record stops once, as a closed window would stop it.
    const history = profile.local.history;
    const add = history.add.bind(history);
    history.add = (() =>
      Promise.reject(new Error('window closed (injected)'))) as unknown as typeof history.add;
    await expect(profile.records.act(id, 'return', '缺少处罚决定书')).rejects.toThrow('injected');
    history.add = add;
    expect((await profile.records.get(id))!.status).toBe('submitted');

    await reopen();
    expect((await profile.records.get(id))!.status).toBe('draft');
    const trail = await profile.context.audit.search({ documentId: id });
    expect(trail.map((entry) => [entry.action, entry.reason]).reverse()).toEqual([
      ['create', ''],
      ['statusChange', ''],
      ['reject', '缺少处罚决定书'],
    ]);
    expect((await profile.records.history(id)).map((entry) => entry.snapshot.status)).toEqual([
      'submitted',
      'draft',
    ]);
  });
});

describe('a retry while a group is being written', () => {
  it('leaves the group to its writer, so nothing is written or audited twice', async () => {
    const collection = profile.db.creditRecords;
    const original = collection.bulkInsert.bind(collection);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached = () => {};
    const writing = new Promise<void>((resolve) => {
      reached = resolve;
    });
    collection.bulkInsert = (async (...args: Parameters<typeof original>) => {
      reached();
      await held;
      return original(...args);
    }) as typeof collection.bulkInsert;
    const creating = profile.disclosures.create(await penalty('武建罚字〔2026〕第61号'));
    await writing;
    expect(await profile.local.journal.count()).toBe(1);
    expect(await profile.journal.unfinished()).toBe(0);
    expect(await profile.journal.replay()).toEqual({ finished: 0, failed: 0 });
    release();
    const created = await creating;
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    expect(await auditedCreations(created.value.record!.id)).toBe(1);
    expect(await profile.local.journal.count()).toBe(0);
  });
});

describe('a group that cannot be finished', () => {
  it('stays in the journal, counted, while the others are finished', async () => {
    failRecordWrites(2);
    await expect(profile.disclosures.create(await penalty('武建罚字〔2026〕第51号'))).rejects.toThrow();
    await expect(profile.disclosures.create(await penalty('武建罚字〔2026〕第52号'))).rejects.toThrow();
    const [broken] = await profile.local.journal.orderBy('seq').toArray();
    const steps = broken!.steps as { collection: string }[];
    await profile.local.journal.update(broken!.seq!, {
      steps: [steps[0], { ...steps[1], collection: 'lost' }],
    });

    const reopened = await reopen();
    expect(await reopened.journal.unfinished()).toBe(1);
    expect(await profile.db.creditRecords.count().exec()).toBe(1);
    expect(await reopened.journal.replay()).toEqual({ finished: 0, failed: 1 });
    expect((await profile.local.journal.toArray()).map((entry) => entry.seq)).toEqual([broken!.seq]);
  });
});

describe('an imported file is written whole', () => {
  it('completes every row after a failure in the middle of the file', async () => {
    for (const number of ['第31号', '第32号', '第33号']) {
      const saved = await profile.disclosures.create(await penalty(`武建罚字〔2026〕${number}`));
      if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    }
    const march = { from: '2026-03-01', to: '2026-03-31' };
    const exported = await profile.disclosures.files.exportFile('penalty', 'csv', march, '月度上报');
    if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
    await profile.close();

    profile = await openProfile('2026-03-20T02:00:00.000Z');
    enterprise = await registerSubject(profile, enterpriseInput());
    const check = await profile.disclosures.files.previewImport('penalty', exported.value.data, {
      severity: 'general',
      reportedAt: '',
    });
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    failRecordWrites(1);
    await expect(profile.disclosures.files.commitImport(check.preview)).rejects.toThrow('QuotaExceededError');
    expect(await profile.db.disclosures.count().exec()).toBe(3);
    expect(await profile.db.creditRecords.count().exec()).toBe(0);

    await reopen();
    expect(await profile.db.creditRecords.count().exec()).toBe(3);
    const links = (await profile.db.disclosures.find().exec()).map((doc) => doc.derivedRecordId).sort();
    const records = (await profile.db.creditRecords.find().exec()).map((doc) => doc.id).sort();
    expect(records).toEqual(links);
    expect(await profile.local.journal.count()).toBe(0);
  });
});
