/**
 * Commitments through their repository on a real profile (RxDB on fake-indexeddb, the write journal):
 * a breach proposes a dishonest record that the confirmation approves, written together and linked both
 * ways; a party registered on the way; the campaign run twice; bad input refused with nothing written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { withUsccCheck } from '../../shared/creditRecords/testFixtures.ts';
import type { CommitmentFields, CommitmentRepository } from '../../renderer/commitments/repository.ts';
import type { JournalStep } from '../../renderer/kernel/db/writeJournal.ts';
import { uniqueIssue } from '../../renderer/kernel/sync/collectionSync.ts';
import { syncRegistration } from '../../renderer/kernel/sync/registration.ts';
import { acceptedCommitment, office, openCommitments } from './commitmentHarness.ts';
import {
  enterpriseInput,
  missingMaterialsLetter,
  openProfile,
  type Profile,
  registerSubject,
  users,
} from './creditHarness.ts';

let profile: Profile;
let enterprise: SubjectDocument;
let commitments: CommitmentRepository;
/** The steps of every journal run, in order. */
let runs: JournalStep[][];

beforeEach(async () => {
  profile = await openProfile('2026-03-06T02:00:00.000Z');
  enterprise = await registerSubject(profile, enterpriseInput());
  ({ commitments, runs } = openCommitments(profile));
});

afterEach(async () => {
  await profile.close();
});

function missingMaterials(overrides: Partial<CommitmentFields> = {}): CommitmentFields {
  return { ...missingMaterialsLetter(enterprise.id), ...overrides };
}

function accepted() {
  return acceptedCommitment(commitments, missingMaterials());
}

const breach = {
  result: 'notFulfilled' as const,
  facts: '截至补交期限，申请人未补交施工图设计文件审查合格书。',
  unfulfilledContent: '未补交施工图设计文件审查合格书',
  actionTaken: '终止办理并将违诺情况纳入信用记录',
};

describe('a commitment', () => {
  it('is numbered from the serial block and saves the acceptance check on acceptance', async () => {
    const commitment = await accepted();
    expect(commitment.number).toBe('41082320260306000001');
    expect(commitment.status).toBe('accepted');
    expect(commitment.acceptedBy).toBe(users.clerk.userId);
    expect(commitment.acceptanceCheck).toEqual({
      checkedAt: '2026-03-06T02:00:00.000Z',
      eligible: true,
      findings: [],
    });
    const second = await commitments.create(missingMaterials());
    expect(second.ok && second.value.number).toBe('41082320260306000002');
  });

  it("numbers each day after that day's numbers alone, read through the number index", async () => {
    const numberOn = async (signingDate: string) => {
      const created = await commitments.create(missingMaterials({ signingDate }));
      if (!created.ok) throw new Error(JSON.stringify(created.issues));
      return created.value.number;
    };
    expect(await numberOn('2026-03-06')).toBe('41082320260306000001');
    expect(await numberOn('2026-03-05')).toBe('41082320260305000001');
    expect(await numberOn('2026-03-06')).toBe('41082320260306000002');
    expect(await numberOn('2026-03-05')).toBe('41082320260305000002');
    expect((await commitments.serialBlockState()).leftToday).toBe(9_997);
    const plan = profile.db.commitments
      .find({ selector: { number: { $gte: '41082320260306000000', $lte: '41082320260306999999' } } })
      .getPreparedQuery().queryPlan;
    expect(plan.index).toContain('number');
  });

  it('is found holding its number when a merged letter arrives with the same number', async () => {
    const first = await accepted();
    const second = await accepted();
    const registration = syncRegistration('commitments', profile.db.commitments);
    expect(await uniqueIssue(registration, { ...second, number: first.number })).toEqual([
      { field: 'number', code: 'duplicateCode', params: { existingId: first.id } },
    ]);
    expect(await uniqueIssue(registration, { ...first })).toBeNull();
  });

  it('numbers from block 0 while this computer is not enrolled, and cannot ask for a block', async () => {
    expect(await commitments.serialBlockState()).toEqual({
      holding: { mode: 'standalone' },
      blocks: [{ first: 1, last: 9_999 }],
      leftToday: 9_999,
    });
    profile.signIn({
      userId: 'admin-1',
      userName: '管理员',
      county: office.county,
      username: 'admin',
      roles: ['countyAdmin'],
    });
    expect(await commitments.requestSerialBlock()).toMatchObject({
      ok: false,
      refusal: { reason: 'notEnrolled' },
    });
  });

  it('registers a party not yet registered together with its commitment, in one journal run', async () => {
    const party = enterpriseInput({
      name: '武陟县新建建材有限公司',
      code: withUsccCheck('91410823MA0R5K6L7'),
    });
    const created = await commitments.create(missingMaterials({ subjectId: '' }), party);
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const subject = await profile.subjects.get(created.value.subjectId);
    expect(subject?.name).toBe('武陟县新建建材有限公司');
    expect(created.value.subjectName).toBe('武陟县新建建材有限公司');
    expect(runs.at(-1)!.map((step) => step.collection)).toEqual(['subjects', 'commitments']);
  });
});

describe('the deadline reminder', () => {
  it('announces an open commitment once, on the first check after its deadline passed', async () => {
    expect(await commitments.deadlinesPassedSinceLastCheck()).toEqual([]);
    const commitment = await accepted();
    profile.setNow('2026-03-13T02:00:00.000Z');
    expect(await commitments.deadlinesPassedSinceLastCheck()).toEqual([]);
    profile.setNow('2026-03-16T02:00:00.000Z');
    expect((await commitments.deadlinesPassedSinceLastCheck()).map((c) => c.id)).toEqual([commitment.id]);
    expect(await commitments.deadlinesPassedSinceLastCheck()).toEqual([]);
  });
});

describe('a breach', () => {
  it('proposes a dishonest record the reviewer approves by confirming, linked both ways and written together', async () => {
    const commitment = await accepted();
    profile.setNow('2026-03-16T02:00:00.000Z');
    const proposed = await commitments.act(commitment.id, 'proposeBreach', { finding: breach });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.issues));
    expect(proposed.value.status).toBe('breachProposed');
    expect(proposed.value.creditRecordIds).toHaveLength(1);
    const recordId = proposed.value.creditRecordIds[0]!;
    const record = await profile.records.get(recordId);
    expect(record).toMatchObject({
      subjectId: enterprise.id,
      catalogCode: 'JZ-YB-03',
      category: 'generalDishonest',
      source: 'commitmentBreach',
      sourceId: commitment.id,
      status: 'submitted',
    });
    expect(runs.at(-1)!.map((step) => [step.collection, step.kind])).toEqual([
      ['creditRecords', 'create'],
      ['commitments', 'update'],
    ]);

    // The proposer may not confirm her own finding; a reviewer does, approving the record with it.
    expect(commitments.availableActions(proposed.value)).toEqual([]);
    profile.signIn(users.reviewer);
    expect(commitments.availableActions(proposed.value)).toEqual(['confirmNotFulfilled', 'rejectBreach']);
    const confirmed = await commitments.act(commitment.id, 'confirmNotFulfilled', { note: '事实清楚' });
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.issues));
    expect(confirmed.value.status).toBe('notFulfilled');
    expect(runs.at(-1)!.map((step) => [step.collection, step.kind])).toEqual([
      ['creditRecords', 'update'],
      ['commitments', 'update'],
    ]);
    const approved = await profile.records.get(recordId);
    expect(approved?.status).toBe('approved');
    expect(approved?.workflow.map((step) => [step.action, step.by])).toEqual([
      ['submit', users.clerk.userId],
      ['approve', users.reviewer.userId],
    ]);
    expect((await commitments.get(commitment.id))!.creditRecordIds).toEqual([recordId]);
    expect(await profile.journal.unfinished()).toBe(0);
  });

  it('is refused without facts, and nothing is written', async () => {
    const commitment = await accepted();
    const before = runs.length;
    const refused = await commitments.act(commitment.id, 'proposeBreach', {
      finding: { ...breach, facts: ' ' },
    });
    expect(refused).toMatchObject({ ok: false, issues: [{ code: 'commitment.breachWithoutFacts' }] });
    expect(runs.length).toBe(before);
    expect(await profile.db.creditRecords.count().exec()).toBe(0);
    expect((await commitments.get(commitment.id))!.status).toBe('accepted');
  });
});

describe('fulfilment', () => {
  it('files a credit-enhancing record for review in the same run', async () => {
    const commitment = await accepted();
    const fulfilled = await commitments.act(commitment.id, 'fulfil', {
      finding: { result: 'fulfilled', facts: '已补交全部材料', unfulfilledContent: '', actionTaken: '' },
    });
    if (!fulfilled.ok) throw new Error(JSON.stringify(fulfilled.issues));
    const record = await profile.records.get(fulfilled.value.creditRecordIds[0]!);
    expect(record).toMatchObject({ catalogCode: 'TY-ZX-02', sourceId: commitment.id, status: 'submitted' });
    expect(runs.at(-1)!.map((step) => step.collection)).toEqual(['creditRecords', 'commitments']);
  });
});

describe('the annual self-discipline campaign', () => {
  it('creates one letter per active enterprise of the industries, and nothing the second time', async () => {
    await registerSubject(
      profile,
      enterpriseInput({
        name: '武陟县安居物业服务有限公司',
        code: withUsccCheck('91410823MA0R7P8Q9'),
        industry: 'propertyServices',
      }),
    );
    const options = { matterCode: 'HY-ZL', year: 2026, industries: ['construction' as const] };
    const first = await commitments.runCampaign(options);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.value.created.map((c) => c.subjectId)).toEqual([enterprise.id]);
    const second = await commitments.runCampaign({
      ...options,
      industries: ['construction', 'propertyServices'],
    });
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    expect(second.value).toMatchObject({ alreadyCommitted: 1, cancelled: false });
    expect(second.value.created).toHaveLength(1);
    const third = await commitments.runCampaign({
      ...options,
      industries: ['construction', 'propertyServices'],
    });
    expect(third.ok && third.value.created).toEqual([]);
    const all = await commitments.all();
    expect(all).toHaveLength(2);
    expect(new Set(all.map((c) => c.number)).size).toBe(2);
  });
});

describe('marking campaign letters signed', () => {
  it('accepts each draft with its own step, in chunked runs, and nothing twice', async () => {
    const other = await registerSubject(
      profile,
      enterpriseInput({
        name: '武陟县安居物业服务有限公司',
        code: withUsccCheck('91410823MA0R7P8Q9'),
        industry: 'propertyServices',
        legalRepresentative: '李娜',
      }),
    );
    const campaign = await commitments.runCampaign({
      matterCode: 'HY-ZL',
      year: 2026,
      industries: ['construction', 'propertyServices'],
    });
    if (!campaign.ok) throw new Error(JSON.stringify(campaign.issues));
    expect(await commitments.campaigns()).toEqual(['HY-ZL:2026']);
    const construction = await commitments.campaignDrafts('HY-ZL:2026', 'construction');
    expect(construction.map((c) => c.subjectId)).toEqual([enterprise.id]);
    const all = await commitments.campaignDrafts('HY-ZL:2026');
    expect(all).toHaveLength(2);

    profile.setNow('2026-03-09T02:00:00.000Z');
    const ticks: [number, number][] = [];
    const first = await commitments.markSigned([construction[0]!.id], '2026-03-09', (done, total) => {
      ticks.push([done, total]);
      return true;
    });
    expect(first).toEqual({
      ok: true,
      value: { signed: [construction[0]!.id], alreadySigned: [], refused: [], cancelled: false },
    });
    expect(ticks).toEqual([[1, 1]]);
    const before = runs.length;
    const second = await commitments.markSigned(
      all.map((c) => c.id),
      '2026-03-09',
    );
    expect(second.ok && second.value).toMatchObject({
      signed: all.map((c) => c.id).filter((id) => id !== construction[0]!.id),
      alreadySigned: [construction[0]!.id],
      refused: [],
    });
    expect(runs.length).toBe(before + 1);
    const signed = await commitments.campaignDrafts('HY-ZL:2026');
    expect(signed).toEqual([]);
    const letters = await commitments.list({ subjectId: other.id });
    expect(letters[0]).toMatchObject({
      status: 'accepted',
      signatory: '李娜',
      signingDate: '2026-03-09',
      acceptedBy: users.clerk.userId,
    });
    expect(letters[0]!.workflow.map((step) => step.action)).toEqual(['accept']);
    // Marking again changes nothing.
    const again = await commitments.markSigned(
      all.map((c) => c.id),
      '2026-03-09',
    );
    expect(again.ok && again.value.signed).toEqual([]);
    expect(runs.length).toBe(before + 1);
  });

  it('refuses a signing date after today and a user without the right, writing nothing', async () => {
    const campaign = await commitments.runCampaign({
      matterCode: 'HY-ZL',
      year: 2026,
      industries: ['construction'],
    });
    if (!campaign.ok) throw new Error(JSON.stringify(campaign.issues));
    const ids = campaign.value.created.map((c) => c.id);
    const before = runs.length;
    const future = await commitments.markSigned(ids, '2026-03-07');
    expect(future.ok && future.value.refused.map((r) => r.issues.map((i) => i.code))).toEqual([
      ['dateInFuture'],
    ]);
    profile.signIn({ ...users.reviewer, roles: ['inspector'] });
    expect(await commitments.markSigned(ids, '2026-03-06')).toMatchObject({
      ok: false,
      issues: [{ code: 'permission.denied' }],
    });
    expect(runs.length).toBe(before);
  });
});

describe('bad input', () => {
  it('is refused with a specific reason each, nothing written', async () => {
    const before = runs.length;
    const deadline = await commitments.create(missingMaterials({ materialsDeadline: '2026-03-05' }));
    expect(deadline).toMatchObject({ ok: false, issues: [{ code: 'commitment.deadlineBeforeSigning' }] });
    const matter = await commitments.create(missingMaterials({ matterCode: 'NO-SUCH' }));
    expect(matter).toMatchObject({ ok: false, issues: [{ code: 'commitment.unknownMatter' }] });

    const unsigned = await commitments.create(missingMaterials({ signatory: '' }));
    if (!unsigned.ok) throw new Error(JSON.stringify(unsigned.issues));
    const written = runs.length;
    expect(await commitments.act(unsigned.value.id, 'accept')).toMatchObject({
      ok: false,
      issues: [{ code: 'commitment.signatoryMissing' }],
    });
    expect(runs.length).toBe(written);

    await profile.subjects.update(enterprise.id, { ...enterpriseInput(), status: 'deregistered' });
    const deregistered = await commitments.create(missingMaterials());
    expect(deregistered).toMatchObject({ ok: false, issues: [{ code: 'commitment.subjectDeregistered' }] });
    expect(runs.length).toBe(before + 1);
    expect(await commitments.all()).toHaveLength(1);
  });
});
