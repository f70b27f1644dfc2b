/**
 * A real local profile for the credit-file tests: RxDB on fake-indexeddb, the local Dexie store, the
 * audit trail and the personal-data cipher, with the acting user and the clock under the test's control.
 */
import {
  type CommitmentFields,
  type CommitmentOffice,
  CommitmentRepository,
  emptyCommitmentFields,
} from '../../renderer/commitments/repository.ts';
import type { DeviceProvisions } from '../../renderer/provisions/deviceProvisions.ts';
import { afterEach, beforeEach } from 'vitest';
import { samplePenalty, withIdCheck, withUsccCheck } from '../../shared/creditRecords/testFixtures.ts';
import type { DisclosureDocument, DisclosureInput } from '../../shared/disclosures/model.ts';
import { emptySubjectInput, type SubjectDocument, type SubjectInput } from '../../shared/subjects/model.ts';
import { deriveKeysFromMaster, generateDataKey } from '../../shared/base/security/fieldCrypto.ts';
import type { Role } from '../../shared/base/security/permissions.ts';
import {
  type CreditDeskCollections,
  type CreditDeskDatabase,
  openDatabase,
} from '../../renderer/kernel/db/database.ts';
import { LocalStore } from '../../renderer/kernel/db/localStore.ts';
import { WriteJournal } from '../../renderer/kernel/db/writeJournal.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import { type CreditRecordFields, CreditRecordRepository } from '../../renderer/creditRecords/repository.ts';
import { DisclosureRepository } from '../../renderer/disclosures/repository.ts';
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { SubjectRepository } from '../../renderer/subjects/repository.ts';
import { AuditService } from '../../renderer/kernel/security/audit.ts';
import { PersonalDataCipher } from '../../renderer/kernel/security/personalData.ts';
import type { RepositoryContext } from '../../renderer/kernel/security/repositoryContext.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { syncRegistration } from '../../renderer/kernel/sync/registration.ts';
import { SyncService } from '../../renderer/kernel/sync/syncService.ts';
import { fastBackoff, memorySecrets, type TestPlatform, testCounty, testStaff } from './harness.ts';
import type { ListingRepository } from '../../renderer/lists/listings.ts';
import type { ReportServiceDependencies } from '../../renderer/reports/reportService.ts';

export const county = '410823';

export const users = {
  clerk: user('clerk-1', '张敏', ['clerk']),
  secondClerk: user('clerk-2', '王芳', ['clerk']),
  reviewer: user('reviewer-1', '李强', ['reviewer']),
  /** Holds both roles: may enter records and review other people's. */
  clerkReviewer: user('clerk-reviewer-1', '赵丽', ['clerk', 'reviewer']),
} as const;

function user(userId: string, userName: string, roles: Role[]): SignedInSession {
  return { userId, userName, county, username: userId, roles };
}

export interface Profile {
  name: string;
  db: CreditDeskDatabase;
  local: LocalStore;
  subjects: SubjectRepository;
  reference: ReferenceRepository;
  records: CreditRecordRepository;
  disclosures: DisclosureRepository;
  context: RepositoryContext;
  journal: WriteJournal;
  /** Acts as this user from now on. */
  signIn(session: SignedInSession | null): void;
  /** Sets the clock. */
  setNow(instant: string): void;
  close(): Promise<void>;
}

let profiles = 0;

/** The collections a credit-file profile uses, for tests that hold two profiles open at once. */
export const creditFileCollections = [
  'subjects',
  'reference',
  'creditRecords',
  'disclosures',
  'auditLog',
] as const;

/** A cipher with a new data key, as a new profile gets. */
export async function newPersonalDataCipher(): Promise<PersonalDataCipher> {
  const keys = await deriveKeysFromMaster(generateDataKey());
  return new PersonalDataCipher(() => keys);
}

/**
 * Opens a fresh profile with the default catalog seeded, signed in as the clerk; `only` opens a part of
 * its collections (see `OpenDatabaseOptions.only`); reopening a profile takes the cipher it was opened with.
 */
export async function openProfile(
  start = '2026-03-06T02:00:00.000Z',
  name = `test-credit-${++profiles}`,
  only?: readonly (keyof CreditDeskCollections)[],
  cipher?: PersonalDataCipher,
): Promise<Profile> {
  let now = new Date(start);
  let session: SignedInSession | null = users.clerk;
  const clock = () => now;
  const personalData = cipher ?? (await newPersonalDataCipher());
  const db = await openDatabase({ name, multiInstance: false, personalData, ...(only ? { only } : {}) });
  const local = new LocalStore(name);
  const audit = await AuditService.open(db.auditLog, local, { county, clock });
  const context: RepositoryContext = { session: () => session, clock, audit, personalData };
  const subjects = await SubjectRepository.open(db.subjects, local, context);
  const reference = await ReferenceRepository.open(db.reference);
  const journal = new WriteJournal(db, local, context);
  await reference.seedDefaultCatalog(county, journal);
  const attachments = new AttachmentStore(local, personalData, clock);
  const records = new CreditRecordRepository(db.creditRecords, local, reference, context, {
    attachments,
    journal,
  });
  const disclosures = new DisclosureRepository(
    db.disclosures,
    local,
    { subjects, reference, records, journal },
    context,
  );
  return {
    name,
    db,
    local,
    subjects,
    reference,
    records,
    disclosures,
    context,
    journal,
    signIn: (next) => {
      session = next;
    },
    setNow: (instant) => {
      now = new Date(instant);
    },
    close: async () => {
      await db.close();
      local.close();
    },
  };
}

export const codes = {
  enterprise: withUsccCheck('91410823MA0R1B2C3'),
  otherEnterprise: withUsccCheck('91410823MA0R9X8Y7'),
  practitioner: withIdCheck('41082319850315201'),
  authority: withUsccCheck('11410823MB1234567'),
} as const;

export function enterpriseInput(overrides: Partial<SubjectInput> = {}): SubjectInput {
  return {
    ...emptySubjectInput('enterprise'),
    name: '武陟县宏达建筑工程有限公司',
    code: codes.enterprise,
    industry: 'construction',
    legalRepresentative: '王伟',
    division: county,
    ...overrides,
  };
}

/**
 * For a test file: a fresh profile with the enterprise of `enterpriseInput` registered before each test,
 * closed after it.
 */
/** A registered construction practitioner (二级建造师) identified by a valid ID number. */
export function practitionerInput(): SubjectInput {
  return {
    ...enterpriseInput(),
    kind: 'practitioner',
    name: '赵六',
    code: codes.practitioner,
    legalRepresentative: '',
    division: '',
    qualification: '二级建造师',
  };
}

export function eachProfileWithEnterprise(start = '2026-03-06T02:00:00.000Z') {
  // Filled before each test; read them inside tests only.
  const current = {} as { profile: Profile; enterprise: SubjectDocument };
  beforeEach(async () => {
    current.profile = await openProfile(start);
    current.enterprise = await registerSubject(current.profile, enterpriseInput());
  });
  afterEach(async () => {
    await current.profile.close();
  });
  return current;
}

/** Registers a subject as the clerk (whoever is signed in otherwise) and returns it. */
export async function registerSubject(profile: Profile, input: SubjectInput): Promise<SubjectDocument> {
  const created = await profile.subjects.create(input);
  if (!created.ok) throw new Error(`Registering the subject failed: ${JSON.stringify(created.issues)}`);
  return created.value;
}

/** A complete general penalty of `subject` decided on 2026-03-06, the party filled as the form does. */
export async function penaltyInput(
  profile: Profile,
  subject: SubjectDocument,
  overrides: Partial<DisclosureInput> = {},
): Promise<DisclosureInput> {
  const draft = await profile.disclosures.draftFor('penalty', subject.id);
  const { subjectId, partyName, partyCategory, partyUscc, partyIdType, partyIdNumber, legalRepresentative } =
    draft;
  const office = { authority: '武陟县住房和城乡建设局', sourceUnit: '武陟县住房和城乡建设局' };
  return samplePenalty({
    ...{ subjectId, partyName, partyCategory, partyUscc, partyIdType, partyIdNumber, legalRepresentative },
    ...office,
    documentNumber: '武建罚字〔2026〕第12号',
    authorityCode: codes.authority,
    sourceUnitCode: codes.authority,
    ...overrides,
  });
}

/** Records a penalty (see `penaltyInput`) and returns it; throws when it is refused. */
export async function recordPenalty(
  profile: Profile,
  subject: SubjectDocument,
  overrides: Partial<DisclosureInput> = {},
): Promise<DisclosureDocument> {
  const saved = await profile.disclosures.create(await penaltyInput(profile, subject, overrides));
  if (!saved.ok) throw new Error(`Recording the penalty failed: ${JSON.stringify(saved.issues)}`);
  return saved.value.disclosure;
}

/** The fields of a general-dishonesty record entered by hand, decided on 2026-03-06. */
export function recordFields(
  subjectId: string,
  overrides: Partial<CreditRecordFields> = {},
): CreditRecordFields {
  return {
    subjectId,
    catalogCode: 'JZ-YB-01',
    title: '未按规定办理竣工验收备案',
    facts: '工程竣工后未在规定期限内办理竣工验收备案。',
    documentNumber: '武建罚字〔2026〕第3号',
    decisionDate: '2026-03-06',
    authority: '武陟县住房和城乡建设局',
    legalBasis: '《建设工程质量管理条例》第四十九条',
    disclosure: 'public',
    publicityStart: '2026-03-06',
    publicityEnd: '2026-09-06',
    ...overrides,
  };
}

/** The county clerk the test platform knows, for profiles that sync. */
export const platformClerk: SignedInSession = {
  userId: testStaff.clerk,
  userName: '张敏',
  username: 'clerk',
  county: testCounty.code,
  roles: ['clerk'],
};

/**
 * Enrolls the profile on the test platform syncing its credit records as the clerk; the service is added
 * to `closeAfter`, for the test to close.
 */
export function enrolledForCreditRecords(
  profile: Profile,
  platform: TestPlatform,
  closeAfter: { close(): Promise<void> }[],
): Promise<SyncService> {
  return enrolledFor('creditRecords', profile, platform, closeAfter);
}

/** Enrolls the profile on the test platform syncing one collection as the clerk (see above). */
export async function enrolledFor(
  collection: 'creditRecords' | 'inspections',
  profile: Profile,
  platform: TestPlatform,
  closeAfter: { close(): Promise<void> }[],
): Promise<SyncService> {
  const sync = await SyncService.open({
    profile: profile.name,
    database: profile.db,
    secrets: memorySecrets(),
    officeCounty: testCounty.code,
    deviceName: profile.name,
    session: () => platformClerk,
    backoff: fastBackoff,
    blobs: profile.records.attachments,
    writer: profile.journal,
  });
  closeAfter.push(sync);
  await sync.register(syncRegistration(collection, profile.db[collection]));
  const outcome = await sync.enroll(platform.platform.url, await platform.enrollmentCode());
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return sync;
}

/** A 容缺受理 letter signed on the profiles' first day, materials due a week later. */
export function missingMaterialsLetter(subjectId: string): CommitmentFields {
  return {
    ...emptyCommitmentFields(subjectId),
    type: 'missingMaterials',
    matterCode: 'SG-XK',
    reason: '申请办理建筑工程施工许可，部分非主要材料暂缺',
    content: '于规定期限内补齐材料。',
    missingMaterials: ['施工图设计文件审查合格书'],
    materialsDeadline: '2026-03-13',
    liability: '如违反承诺，愿意承担相应法律责任。',
    signatory: '王伟',
    signingDate: '2026-03-06',
  };
}

/** The profile's commitment repository for `office`, numbering from what `provisions` hold. */
export function commitmentRepositoryOf(
  profile: Profile,
  office: CommitmentOffice,
  provisions: DeviceProvisions,
): CommitmentRepository {
  return new CommitmentRepository(profile.db.commitments, profile.local, profile.context, {
    subjects: profile.subjects,
    records: profile.records,
    reference: profile.reference,
    journal: profile.journal,
    attachments: new AttachmentStore(profile.local, profile.context.personalData, profile.context.clock),
    office,
    provisions,
  });
}

/** The profile's inspections, on a device that knows of no conflict of interest with any subject. */
export function inspectionRepositoryOf(profile: Profile): InspectionRepository {
  return new InspectionRepository(profile.db.inspections, profile.context, {
    journal: profile.journal,
    local: profile.local,
    attachments: profile.records.attachments,
    standingOf: async () => ({ grade: '', raised: false, conflicted: [] }),
    records: profile.records,
    reference: profile.reference,
    officeName: '示范县住房和城乡建设局',
  });
}

/** The profile's part of the workspace the report, verification and figures services read. */
export function reportDependencies(
  profile: Profile,
  listings: ListingRepository,
  sync: SyncService,
): ReportServiceDependencies {
  return {
    db: profile.db,
    listings,
    subjects: profile.subjects,
    creditRecords: profile.records,
    disclosures: profile.disclosures,
    reference: profile.reference,
    audit: profile.context.audit,
    context: profile.context,
    local: profile.local,
    office: { officeName: '武陟县住房和城乡建设局', county },
    sync,
  };
}
