// `npx node scripts/makeProfileFixture.ts [out.json]`: a local profile made by this checkout's code (users,
// subjects with personal data, a credit record through its workflow with an attachment and history, a
// 双公示 penalty of a natural person, the audit trail), dumped to JSON for the migration test
// (test/integration/profileFixture.test.ts). Run it on a release's code to keep that release's profiles
// opening; its output (formatted with `npx biome format --write`) is committed, so it is not part of the
// build.
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { samplePenalty, withIdCheck, withUsccCheck } from '../shared/creditRecords/testFixtures.ts';
import { emptySubjectInput, type SubjectDocument, type SubjectInput } from '../shared/subjects/model.ts';
import type { UserDocument } from '../shared/base/user.ts';
import type { Validated } from '../shared/base/validation.ts';
import { openCreditRepositories } from '../renderer/disclosures/repository.ts';
import { SubjectRepository } from '../renderer/subjects/repository.ts';
import { sessionOf } from '../renderer/kernel/security/session.ts';
import { memorySecretStore, openTestProfile } from '../renderer/kernel/security/testSupport.ts';
import { dumpProfile } from '../test/integration/profileDump.ts';

const out = process.argv[2] ?? 'test/integration/fixtures/profile.json';
const name = 'fixture-profile';
const county = '410823';
const password = 'Fixture-Profile-2026';
const now = { value: new Date('2026-03-06T02:00:00.000Z') };
const later = (minutes: number) => {
  now.value = new Date(now.value.getTime() + minutes * 60_000);
};

function must<T>(result: Validated<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const secrets = memorySecretStore();
const profile = await openTestProfile(name, { secrets, county, now });
await profile.local.setSetting('office', { officeName: '武陟县住房和城乡建设局', county });

const admin = must(
  await profile.users.createFirstAdministrator(county, {
    username: 'admin',
    displayName: '周管理',
    password,
  }),
  'the administrator',
);
profile.actAs(sessionOf(admin));
const newUser = async (username: string, displayName: string, role: 'clerk' | 'reviewer') =>
  must(
    await profile.users.create(
      { username, displayName, roles: [role], password },
      { mustChangePassword: false },
    ),
    username,
  );
const clerk: UserDocument = await newUser('clerk', '张敏', 'clerk');
const reviewer: UserDocument = await newUser('reviewer', '李强', 'reviewer');

profile.actAs(sessionOf(clerk));
const subjects = await SubjectRepository.open(profile.db.subjects, profile.local, profile.context);
const credit = await openCreditRepositories({
  db: profile.db,
  local: profile.local,
  context: profile.context,
  subjects,
  county,
});

const enterpriseInput: SubjectInput = {
  ...emptySubjectInput('enterprise'),
  name: '武陟县宏达建筑工程有限公司',
  code: withUsccCheck('91410823MA0R1B2C3'),
  legalRepresentative: '王伟',
  division: county,
  phone: '13812345678',
};
let enterprise: SubjectDocument = must(await subjects.create(enterpriseInput), 'the enterprise');
const practitioner = must(
  await subjects.create({
    ...emptySubjectInput('practitioner'),
    name: '刘洋',
    code: withIdCheck('41082319850315201'),
    phone: '13987654321',
    division: county,
  }),
  'the practitioner',
);
later(10);
enterprise = must(
  await subjects.update(enterprise.id, { ...enterpriseInput, phone: '13800001111', address: '武陟县木城镇' }),
  'the enterprise change',
);

later(10);
const fields = {
  subjectId: enterprise.id,
  catalogCode: 'JZ-YB-01',
  title: '城南安置房项目未办理竣工验收备案',
  facts: '城南安置房项目竣工三个月后仍未办理竣工验收备案。',
  documentNumber: '武建罚字〔2026〕第7号',
  decisionDate: '2026-03-05',
  authority: '武陟县住房和城乡建设局',
  legalBasis: '《建设工程质量管理条例》第四十九条、第五十六条',
  disclosure: 'public' as const,
  publicityStart: '2026-03-06',
  publicityEnd: '2026-09-06',
};
const draft = must(await credit.creditRecords.create(fields), 'the record');
later(5);
must(
  await credit.creditRecords.updateDraft(draft.id, { ...fields, title: '未办理竣工验收备案' }),
  'the draft change',
);
const scan = new TextEncoder().encode('%PDF-1.4\n% 武建罚字〔2026〕第7号 决定书扫描件\n%%EOF\n');
must(await credit.creditRecords.attach(draft.id, [{ name: '决定书.pdf', data: scan }]), 'the attachment');
later(5);
must(await credit.creditRecords.act(draft.id, 'submit'), 'the submission');
profile.actAs(sessionOf(reviewer));
later(30);
must(await credit.creditRecords.act(draft.id, 'approve', '事实清楚，同意公示。'), 'the approval');

profile.actAs(sessionOf(clerk));
later(10);
const party = await credit.disclosures.draftFor('penalty', practitioner.id);
const penalty = must(
  await credit.disclosures.create(
    samplePenalty({
      subjectId: party.subjectId,
      partyName: party.partyName,
      partyCategory: party.partyCategory,
      partyUscc: party.partyUscc,
      partyIdType: party.partyIdType,
      partyIdNumber: party.partyIdNumber,
      legalRepresentative: party.legalRepresentative,
      authority: '武陟县住房和城乡建设局',
      sourceUnit: '武陟县住房和城乡建设局',
      authorityCode: withUsccCheck('11410823MB1234567'),
      sourceUnitCode: withUsccCheck('11410823MB1234567'),
      documentNumber: '武建罚字〔2026〕第12号',
    }),
  ),
  'the penalty',
);

// What the profile holds in clear, as this code reads it: the migration test expects the same.
const plain = async (collection: 'subjects' | 'creditRecords' | 'disclosures' | 'users') =>
  (await profile.db[collection].find().exec()).map((doc) => doc.toJSON());
const expected = {
  subjects: await plain('subjects'),
  creditRecords: await plain('creditRecords'),
  disclosures: await plain('disclosures'),
  users: await plain('users'),
  history: {
    subjects: (await subjects.history(enterprise.id)).map((entry) => entry.snapshot),
    creditRecords: (await credit.creditRecords.history(draft.id)).map((entry) => entry.snapshot),
  },
  attachment: { recordId: draft.id, text: new TextDecoder().decode(scan) },
  auditEntries: (await profile.audit.search()).length,
  penaltyId: penalty.disclosure.id,
  derivedRecordId: penalty.record?.id ?? null,
  password,
};
await profile.close();

const fixture = {
  format: 'creditdesk-profile-fixture',
  version: 1,
  profile: name,
  county,
  madeAt: new Date().toISOString(),
  secrets: Object.fromEntries(secrets.values),
  databases: await dumpProfile(name),
  expected,
};
writeFileSync(out, `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`Wrote ${out}: ${fixture.databases.length} databases, ${expected.auditEntries} audit entries`);
