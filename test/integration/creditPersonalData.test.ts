import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type DisclosureDocument, disclosureJsonSchema } from '../../shared/disclosures/model.ts';
import { emptySubjectInput, type SubjectDocument } from '../../shared/subjects/model.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { rawProfileContents } from '../../renderer/kernel/security/testSupport.ts';
import { codes, openProfile, type Profile, recordPenalty, registerSubject } from './creditHarness.ts';

let profile: Profile | null = null;

afterEach(async () => {
  await profile?.close();
  profile = null;
});

async function practitionerIn(target: Profile): Promise<SubjectDocument> {
  return registerSubject(target, {
    ...emptySubjectInput('practitioner'),
    name: '李秀英',
    code: codes.practitioner,
    industry: 'realEstateBrokerage',
    division: '410823',
  });
}

function penaltyOf(target: Profile, subject: SubjectDocument): Promise<DisclosureDocument> {
  return recordPenalty(target, subject, {
    violationType: '未按规定公示房源信息',
    violationFacts: '经纪人员发布房源信息未注明信息来源。',
    legalBasis: '《房地产经纪管理办法》第三十七条',
    penaltyCategories: ['01'],
    content: '警告',
    fineAmount: '',
    validUntil: '2026-09-06',
    publicityEnd: '2026-09-06',
  });
}

describe("a natural person's ID number in a 双公示 decision", () => {
  it('is stored encrypted, read in clear through the repository and masked in the audit trail', async () => {
    profile = await openProfile();
    const person = await practitionerIn(profile);
    const penalty = await penaltyOf(profile, person);
    expect(penalty.partyIdNumber).toBe(codes.practitioner);

    expect((await profile.disclosures.get(penalty.id))!.partyIdNumber).toBe(codes.practitioner);
    const raw = await rawProfileContents(profile.name);
    expect(raw).toContain('enc:v1:');
    expect(raw).not.toContain(codes.practitioner);
    const [created] = await profile.context.audit.search({ documentId: penalty.id, action: 'create' });
    expect(JSON.stringify(created!.after)).not.toContain(codes.practitioner);
  });

  it('is encrypted when a profile written before encryption opens', async () => {
    const written = await openProfile();
    const penalty = await penaltyOf(written, await practitionerIn(written));
    await written.close();

    const name = `test-credit-v0-${Date.now()}`;
    const version0 = { ...disclosureJsonSchema, version: 0 } as unknown as RxJsonSchema<DisclosureDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    await old.addCollections({ disclosures: { schema: version0 } });
    await old.disclosures.insert(penalty);
    await old.close();
    expect(await rawProfileContents(name)).toContain(codes.practitioner);

    profile = await openProfile('2026-03-20T02:00:00.000Z', name);
    await migratePersonalCollections(profile.db);
    expect((await profile.disclosures.get(penalty.id))!.partyIdNumber).toBe(codes.practitioner);
    expect(await rawProfileContents(name)).not.toContain(codes.practitioner);
  });
});
