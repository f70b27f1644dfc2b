import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPubliclyVisible } from '../../shared/creditRecords/visibility.ts';
import type { DisclosureInput } from '../../shared/disclosures/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { documentValidators } from '../../shared/sync/documentValidators.ts';
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

function penaltyFor(subject: SubjectDocument, overrides: Partial<DisclosureInput> = {}) {
  return penaltyInput(profile, subject, overrides);
}

describe('a penalty and the dishonest credit record it derives', () => {
  it('files a draft record under the catalog item for its severity, linked both ways', async () => {
    const saved = await profile.disclosures.create(await penaltyFor(enterprise));
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    const { disclosure, record } = saved.value;
    expect(record).not.toBeNull();
    const item = profile.reference.findItem(record!.catalogCode)!;
    expect(item).toMatchObject({ category: 'generalDishonest', penaltySeverity: 'general' });
    expect(item.industries).toContain('construction');

    const storedPenalty = await profile.disclosures.get(disclosure.id);
    const storedRecord = await profile.records.get(record!.id);
    expect(storedPenalty!.derivedRecordId).toBe(storedRecord!.id);
    expect(storedRecord).toMatchObject({
      subjectId: enterprise.id,
      source: 'penalty',
      sourceId: storedPenalty!.id,
      category: 'generalDishonest',
      status: 'draft',
      documentNumber: '武建罚字〔2026〕第12号',
      publicityStart: '2026-03-06',
      publicityEnd: '2027-03-06',
      createdBy: users.clerk.userId,
    });

    const file = await new Promise<unknown[]>((resolve) => {
      const subscription = profile.records.watchBySubject(enterprise.id).subscribe((records) => {
        if (records.length > 0) {
          resolve(records);
          subscription.unsubscribe();
        }
      });
    });
    expect(file).toEqual([storedRecord]);
  });

  it('files a serious penalty as serious dishonesty and derives nothing from a simple-procedure one', async () => {
    const serious = await profile.disclosures.create(
      await penaltyFor(enterprise, { severity: 'serious', documentNumber: '武建罚字〔2026〕第13号' }),
    );
    if (!serious.ok) throw new Error(JSON.stringify(serious.issues));
    expect(serious.value.record).toMatchObject({ category: 'seriousDishonest' });

    const simple = await profile.disclosures.create(
      await penaltyFor(enterprise, {
        simpleProcedure: true,
        penaltyCategories: ['01'],
        fineAmount: '',
        content: '警告',
        documentNumber: '武建罚字〔2026〕第14号',
      }),
    );
    if (!simple.ok) throw new Error(JSON.stringify(simple.issues));
    expect(simple.value.record).toBeNull();
    expect(simple.value.note).toEqual({ key: 'credit.derivation.simpleProcedure' });
    expect((await profile.disclosures.get(simple.value.disclosure.id))!.derivedRecordId).toBe('');
    expect(await profile.db.creditRecords.count().exec()).toBe(1);
    expect(await profile.db.disclosures.count().exec()).toBe(2);
  });

  it('carries an edit of the penalty over to its derived draft, and refuses edits once reported', async () => {
    const saved = await profile.disclosures.create(await penaltyFor(enterprise));
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    const { disclosure, record } = saved.value;
    profile.setNow('2026-03-09T02:00:00.000Z');
    const edited = await profile.disclosures.update(disclosure.id, {
      ...disclosure,
      violationType: '未取得施工许可证擅自施工（整改后复查仍未改正）',
    });
    expect(edited.ok).toBe(true);
    expect((await profile.records.get(record!.id))!.title).toBe(
      '未取得施工许可证擅自施工（整改后复查仍未改正）',
    );
    expect(await profile.disclosures.history(disclosure.id)).toHaveLength(1);
    expect(await profile.records.history(record!.id)).toHaveLength(1);

    const reported = await profile.disclosures.markReported(disclosure.id);
    expect(reported).toMatchObject({ ok: true, value: { reportedAt: '2026-03-09' } });
    expect(await profile.disclosures.update(disclosure.id, disclosure)).toEqual({
      ok: false,
      issues: [{ field: 'reportedAt', code: 'disclosure.alreadyReported' }],
    });
  });

  it('refuses a penalty whose party code is not the chosen subject’s, writing nothing', async () => {
    const other = await registerSubject(
      profile,
      enterpriseInput({ name: '武陟县广厦置业有限公司', code: codes.otherEnterprise }),
    );
    const result = await profile.disclosures.create({
      ...(await penaltyFor(enterprise)),
      subjectId: other.id,
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'CF_XDR_SHXYM', code: 'disclosure.partyCodeMismatch', params: { name: other.name } }],
    });
    expect(await profile.db.disclosures.count().exec()).toBe(0);
    expect(await profile.db.creditRecords.count().exec()).toBe(0);
  });
});

describe('publicity periods', () => {
  it('moves an approved record out of public view the day after its publicity ends, keeping it', async () => {
    const created = await profile.records.create(recordFields(enterprise.id));
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const id = created.value.id;
    expect(await profile.records.act(id, 'submit')).toMatchObject({ ok: true });
    profile.signIn(users.reviewer);
    expect(await profile.records.act(id, 'approve')).toMatchObject({ ok: true });

    profile.setNow('2026-09-06T10:00:00.000Z');
    expect(await profile.records.expireDue()).toEqual([]);
    expect((await profile.records.publicRecords(enterprise.id)).map((r) => r.id)).toEqual([id]);

    profile.setNow('2026-09-07T01:00:00.000Z');
    const expired = await profile.records.expireDue();
    expect(expired.map((record) => record.id)).toEqual([id]);
    const stored = (await profile.records.get(id))!;
    expect(stored.status).toBe('expired');
    expect(stored.workflow.at(-1)).toEqual({
      action: 'expire',
      by: 'system',
      at: '2026-09-07T01:00:00.000Z',
      note: '',
    });
    expect(isPubliclyVisible(stored, '2026-09-07')).toBe(false);
    expect(await profile.records.publicRecords(enterprise.id)).toEqual([]);
    expect(await profile.db.creditRecords.count().exec()).toBe(1);
    expect(await profile.records.expireDue()).toEqual([]);
  });

  it('computes the default end from the catalog rule and refuses periods outside it', async () => {
    expect(profile.records.defaultPublicityEnd('JZ-YB-01', '2026-03-06')).toBe('2027-03-06');
    expect(profile.records.defaultPublicityEnd('JZ-JC-01', '2026-03-06')).toBe('');
    const tooShort = await profile.records.create(
      recordFields(enterprise.id, { publicityEnd: '2026-05-06' }),
    );
    expect(tooShort).toEqual({
      ok: false,
      issues: [{ field: 'publicityEnd', code: 'publicity.tooShort', params: { min: 6 } }],
    });
    const tooLong = await profile.records.create(recordFields(enterprise.id, { publicityEnd: '2028-03-06' }));
    expect(tooLong).toMatchObject({
      ok: false,
      issues: [{ field: 'publicityEnd', code: 'publicity.tooLong' }],
    });
    expect(await profile.db.creditRecords.count().exec()).toBe(0);
  });
});

describe('the review workflow by role', () => {
  async function submittedBy(author: (typeof users)[keyof typeof users]) {
    profile.signIn(author);
    const created = await profile.records.create(recordFields(enterprise.id));
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const submitted = await profile.records.act(created.value.id, 'submit');
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.issues));
    return submitted.value;
  }

  it('a clerk cannot approve', async () => {
    const record = await submittedBy(users.clerk);
    profile.signIn(users.secondClerk);
    expect(profile.records.availableActions(record)).toEqual([]);
    expect(await profile.records.act(record.id, 'approve')).toEqual({
      ok: false,
      issues: [{ field: 'action', code: 'permission.denied', params: { action: 'record.approve' } }],
    });
    expect((await profile.records.get(record.id))!.status).toBe('submitted');
  });

  it('the author cannot approve her own record, even holding the reviewer role', async () => {
    const record = await submittedBy(users.clerkReviewer);
    expect(profile.records.availableActions(record)).not.toContain('approve');
    expect(await profile.records.act(record.id, 'approve')).toEqual({
      ok: false,
      issues: [{ field: 'approvedBy', code: 'permission.ownWork' }],
    });
    expect((await profile.records.get(record.id))!.status).toBe('submitted');
  });

  it('a reviewer approves, returns only with a reason, and every step records who and when', async () => {
    const record = await submittedBy(users.clerk);
    profile.signIn(users.reviewer);
    expect(profile.records.availableActions(record)).toEqual(['return', 'approve']);
    expect(await profile.records.act(record.id, 'return', '  ')).toMatchObject({
      ok: false,
      issues: [{ field: 'note', code: 'workflow.noteRequired' }],
    });
    profile.setNow('2026-03-07T03:00:00.000Z');
    const approved = await profile.records.act(record.id, 'approve');
    if (!approved.ok) throw new Error(JSON.stringify(approved.issues));
    expect(approved.value.status).toBe('approved');
    expect(approved.value.workflow).toEqual([
      { action: 'submit', by: users.clerk.userId, at: '2026-03-06T02:00:00.000Z', note: '' },
      { action: 'approve', by: users.reviewer.userId, at: '2026-03-07T03:00:00.000Z', note: '' },
    ]);
    expect(approved.value.updatedBy).toBe(users.reviewer.userId);
    expect(profile.records.isPublic(approved.value)).toBe(true);

    expect(
      await profile.records.updateDraft(record.id, recordFields(enterprise.id, { title: '改' })),
    ).toMatchObject({
      ok: false,
      issues: [{ code: 'permission.denied' }],
    });
    profile.signIn(users.clerk);
    expect(
      await profile.records.updateDraft(record.id, recordFields(enterprise.id, { title: '改' })),
    ).toEqual({
      ok: false,
      issues: [{ field: 'status', code: 'creditRecord.notDraft' }],
    });
  });

  it('refuses every write when nobody is signed in', async () => {
    profile.signIn(null);
    expect(await profile.records.create(recordFields(enterprise.id))).toMatchObject({
      ok: false,
      issues: [{ code: 'permission.denied' }],
    });
    expect(await profile.disclosures.create(await penaltyFor(enterprise))).toMatchObject({
      ok: false,
      issues: [{ code: 'permission.denied' }],
    });
  });
});

describe('what the repositories write', () => {
  it('passes the platform’s validators of every credit collection', async () => {
    const saved = await profile.disclosures.create(await penaltyFor(enterprise));
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    await profile.records.act(saved.value.record!.id, 'submit');
    const context = { today: '2026-03-06' };
    const collections = ['creditRecords', 'disclosures', 'reference'] as const;
    for (const name of collections) {
      const docs = await profile.db[name].find().exec();
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        expect([name, doc.id, documentValidators[name]!(doc.toJSON(), context)]).toEqual([name, doc.id, []]);
      }
    }
  });
});
