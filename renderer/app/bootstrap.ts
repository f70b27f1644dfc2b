import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { DeviceProvisions } from '../provisions/deviceProvisions.ts';
import { capabilities } from '../../shared/capabilities.ts';
import { demoCounty } from '../../shared/demo/county.ts';
import type { RxStorage } from 'rxdb';
import { generateDemoSubjects } from '../../shared/demo/subjects.ts';
import { normalizeUsername } from '../../shared/base/user.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { AppInfo, PlatformBridge } from '../../shared/base/platform/bridge.ts';
import { verifyPassword } from '../../shared/base/security/password.ts';
import { CommitmentRepository } from '../commitments/repository.ts';
import { seedDemoCommitments } from '../commitments/demoSeed.ts';
import { migratePersonalCollections, openDatabase } from '../kernel/db/database.ts';
import { LocalStore } from '../kernel/db/localStore.ts';
import { afterFirstScreen } from '../kernel/idle.ts';
import { openCaseRepository } from '../cases/repository.ts';
import { seedDemoCredit } from '../cases/demoSeed.ts';
import { Writer } from '../kernel/db/writer.ts';
import { openInspections, openPlanning } from '../inspections/open.ts';
import { seedDemoInspections } from '../inspections/demoSeed.ts';
import { openCreditRepositories } from '../disclosures/repository.ts';
import { ListingRepository } from '../lists/listings.ts';
import { SubjectRepository } from '../subjects/repository.ts';
import { AuditService } from '../kernel/security/audit.ts';
import { AuthService } from '../kernel/security/auth.ts';
import {
  BackupService,
  type BackupProblem,
  backupAdministrator,
  openBackupPayload,
} from '../kernel/security/backupService.ts';
import { deviceSecretStore } from '../kernel/security/deviceSecrets.ts';
import { createDemoUsers, demoUsers, grantDataKeyToDemoUsers } from '../kernel/security/demo.ts';
import { IdleLockSetting } from '../kernel/security/idleLockSetting.ts';
import { KeyVault } from '../kernel/security/keys.ts';
import { LockoutStore } from '../kernel/security/lockoutStore.ts';
import { PersonalDataCipher, sealLocalHistory } from '../kernel/security/personalData.ts';
import type { RepositoryContext } from '../kernel/security/repositoryContext.ts';
import { type SignedInSession, sessionOf } from '../kernel/security/session.ts';
import { UserRepository } from '../kernel/security/users.ts';
import { type Clock, systemClock } from '../kernel/session/session.ts';
import type { BlobUploads } from '../kernel/sync/blobUploads.ts';
import { syncRegistration } from '../kernel/sync/registration.ts';
import { SyncService } from '../kernel/sync/syncService.ts';
import type { EnrollOutcome } from '../kernel/sync/syncStatus.ts';
import type { CoreServices, OfficeSettings } from '../kernel/services.ts';
import type { AppServices } from './services.ts';

const defaultProfile = 'creditdesk';

/** The localStorage key of the e2e build's clock offset in milliseconds (see test/e2e/fixtures.ts). */
export const e2eClockOffsetKey = 'creditdesk.e2eClockOffsetMs';

/**
 * The system clock; in the e2e build only, moved ahead by the offset a test stored in localStorage (read
 * at each tick, so a test can pass a deadline without waiting). Production builds never read it.
 */
function appClock(): Clock {
  if (import.meta.env.MODE !== 'e2e') return systemClock;
  return () => new Date(Date.now() + Number(localStorage.getItem(e2eClockOffsetKey) ?? 0));
}
export const demoOffice: OfficeSettings = {
  officeName: demoCounty.officeZh,
  county: demoCounty.code,
};
const demoSubjectCount = 300;
/** True once the profile's demo subjects are taken care of: seeded here, or arriving by sync. */
const demoSubjectsSetting = 'demoSeeded';

export interface Opened {
  appInfo: AppInfo;
  /** Names the profile's local databases; one per office on this computer (tests open several). */
  profile: string;
  local: LocalStore;
  /** Null until the office has been set up on this computer. */
  office: OfficeSettings | null;
}

/** Development builds validate every write against the schema; tests and production do not pay for it. */
async function developmentStorageWrapper(): Promise<
  ((storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>) | undefined
> {
  if (!import.meta.env.DEV || import.meta.env.MODE === 'test') return undefined;
  const [{ addRxPlugin }, { RxDBDevModePlugin }, { wrappedValidateAjvStorage }] = await Promise.all([
    import('rxdb'),
    import('rxdb/plugins/dev-mode'),
    import('rxdb/plugins/validate-ajv'),
  ]);
  addRxPlugin(RxDBDevModePlugin);
  return (storage) => wrappedValidateAjvStorage({ storage }) as RxStorage<unknown, unknown>;
}

export async function openShell(bridge: PlatformBridge, profile = defaultProfile): Promise<Opened> {
  const appInfo = await bridge.appInfo();
  const local = new LocalStore(profile);
  let office = (await local.getSetting<OfficeSettings>('office')) ?? null;
  if (!office && appInfo.demo) {
    office = demoOffice;
    await local.setSetting('office', office);
  }
  return { appInfo, profile, local, office };
}

/**
 * Opens the data key, the database, the users and the audit trail: everything sign-in needs. In demo
 * mode a profile without users gets the demo users (see prepareDemoUsers).
 */
export async function openCore(
  bridge: PlatformBridge,
  opened: Opened & { office: OfficeSettings },
): Promise<CoreServices> {
  const { appInfo, profile, local, office } = opened;
  const clock = appClock();
  const vault = await KeyVault.open(bridge.secrets, local);
  const personalData = new PersonalDataCipher(() => vault.fieldKeys());
  const db = await openDatabase({
    name: profile,
    multiInstance: appInfo.shell === 'browser',
    wrapStorage: await developmentStorageWrapper(),
    personalData,
  });
  const audit = await AuditService.open(db.auditLog, local, { county: office.county, clock });
  const context: RepositoryContext = { session: () => auth.session(), clock, audit, personalData };
  const users = new UserRepository(db.users, context, { vault, local });
  const auth = new AuthService({ users, lockouts: new LockoutStore(local), vault, audit, clock });
  // Roles changed or the account disabled elsewhere (synced) apply to the signed-in user at once.
  users.watchAll().subscribe((all) => {
    const state = auth.state;
    if (state.status === 'signedOut') return;
    const current = all.find((user) => user.id === state.session.userId);
    if (current) auth.refresh(current);
  });
  const core: CoreServices = {
    bridge,
    appInfo,
    db,
    local,
    office,
    clock,
    vault,
    personalData,
    audit,
    users,
    auth,
    idleLock: await IdleLockSetting.open(local),
    context,
  };
  if (appInfo.demo && (await users.count()) === 0) await prepareDemoUsers(core);
  return core;
}

/**
 * The demo users of a profile that has none. The demo platform may hold them already (another browser
 * profile or computer started the demo before): then this profile joins the county like a further
 * computer, its people sign in with those accounts, and the county's demo subjects arrive by sync. Only
 * when the platform cannot be reached or its county has no users yet are the demo users made here (and
 * the demo subjects seeded at the first sign-in), so an offline demo works too.
 */
async function prepareDemoUsers(core: CoreServices): Promise<void> {
  const { platformUrl, demoEnrollmentCode } = core.appInfo;
  // Set first: a profile closed while joining must not seed subjects of its own at the next start.
  await core.local.setSetting(demoSubjectsSetting, true);
  if (platformUrl && demoEnrollmentCode) {
    const joined = await pullCountyUsers(core, (sync) => sync.autoEnroll(platformUrl, demoEnrollmentCode));
    if (joined.ok) {
      await grantDataKeyToDemoUsers(core);
      return;
    }
    if (joined.reason !== 'noUsers') console.warn('Demo platform not joined, demo users made here:', joined);
  }
  await core.local.setSetting(demoSubjectsSetting, false);
  await createDemoUsers(core);
}

/** Opens what needs the unlocked data key: migrations of personal data, then the repositories. */
export async function openWorkspace(core: CoreServices): Promise<AppServices> {
  const { db, local, appInfo, context, audit, personalData, bridge, clock } = core;
  await migratePersonalCollections(db);
  await sealLocalHistory(local, personalData);
  // Demo subjects and commitments are entered by the demo clerk, once, on the profile that made the
  // demo users.
  let seeding: SignedInSession | null = null;
  const seedingContext = { ...context, session: () => seeding ?? context.session() };
  const subjects = await SubjectRepository.open(db.subjects, local, seedingContext);
  const clerk = appInfo.demo ? await core.users.findByUsername(demoUsers[1]!.username) : null;
  const demoClerk =
    clerk && !(await local.getSetting<boolean>(demoSubjectsSetting)) ? sessionOf(clerk) : null;
  if (demoClerk) {
    seeding = demoClerk;
    try {
      await subjects.createMany(
        generateDemoSubjects({ seed: 2026, count: demoSubjectCount, division: core.office.county }),
      );
    } finally {
      seeding = null;
    }
  }
  const backup = new BackupService({ db, local, audit, personalData, bridge, clock });
  const credit = await openCreditRepositories({
    ...{ db, local, subjects, county: core.office.county },
    context: seedingContext,
  });
  const provisions = deviceProvisionsOf(core);
  const listings = await ListingRepository.open(db, seedingContext, credit.journal, subjects, () =>
    provisions.matchingKey(),
  );
  const commitments = new CommitmentRepository(db.commitments, local, seedingContext, {
    standing: listings.grades,
    provisions,
    subjects,
    records: credit.creditRecords,
    reference: credit.reference,
    journal: credit.journal,
    attachments: credit.attachments,
    office: core.office,
  });
  afterFirstScreen(() => void commitments.words.build());
  const cases = openCaseRepository(db.cases, local, seedingContext, credit, commitments);
  if (demoClerk) {
    seeding = demoClerk;
    try {
      await seedDemoCommitments(commitments, subjects);
    } finally {
      seeding = null;
    }
  }
  const inspections = openInspections({
    ...{ db, local, context, subjects, users: core.users, ...credit },
    officeName: core.office.officeName,
  });
  const gradeOf = (subjectId: string) => listings.supervisionOf(subjectId)?.grade ?? null;
  const planning = openPlanning({ db, context, subjects, users: core.users, gradeOf, ...credit });
  if (demoClerk) {
    // The demo's inspections are entered by the demo people each in turn, through a writer acting for them.
    const acting = { ...credit, journal: new Writer(db, local, seedingContext), context: seedingContext };
    await seedDemoInspections({
      subjects,
      reference: credit.reference,
      inspections: openInspections({
        ...{ db, local, subjects, users: core.users, ...acting },
        officeName: core.office.officeName,
      }),
      ...openPlanning({ db, subjects, users: core.users, gradeOf, ...acting }),
      people: await core.users.list(),
      actAs: (session) => {
        seeding = session;
      },
    });
    await seedDemoCredit({
      ...{ subjects, records: credit.creditRecords, listings, cases, commitments },
      people: await core.users.list(),
      actAs: (session) => {
        seeding = session;
      },
    });
    await local.setSetting(demoSubjectsSetting, true);
  }
  const sync = await openSync(core, subjects, credit.attachments, provisions);
  provisions.connect({
    enrolled: () => sync.status.enrollment !== null,
    fetchProvisions: (moreSerials) => sync.fetchProvisions(moreSerials),
  });
  return {
    ...core,
    subjects,
    backup,
    ...credit,
    cases,
    commitments,
    inspections,
    ...planning,
    listings,
    sync,
  };
}

/** What the platform hands this computer, kept with the device's other secrets and settings. */
function deviceProvisionsOf(core: CoreServices): DeviceProvisions {
  return new DeviceProvisions(core.local, deviceSecretStore(core.vault, core.bridge.secrets, core.local));
}

/** The sync service; `blobs` are the attachment bytes to upload before the records listing them. */
function openSyncService(
  core: CoreServices,
  provisions: DeviceProvisions,
  blobs?: BlobUploads,
): Promise<SyncService> {
  const { db, appInfo, bridge, office, personalData, context, clock, vault, local } = core;
  return SyncService.open({
    profile: db.name,
    database: db,
    secrets: deviceSecretStore(vault, bridge.secrets, local),
    officeCounty: office.county,
    deviceName: `${office.officeName} (${appInfo.platform})`,
    session: () => {
      const session = context.session();
      if (!session) throw new Error('Sign in to resolve sync conflicts');
      return session;
    },
    sealer: personalData,
    writer: new Writer(db, local, context),
    clock,
    allowPlatform: (platformUrl) => bridge.allowPlatform(platformUrl),
    provisions,
    ...(blobs ? { blobs } : {}),
  });
}

/** How long a joining computer waits for the platform's answer to its first pull of the users. */
const joinWaitMs = 20_000;

export type JoinOutcome = EnrollOutcome | { ok: false; reason: 'noUsers' };

/**
 * A further computer of a county that already uses CreditDesk: enrolls it and pulls the county's users,
 * so its people sign in with the accounts their administrator made (no second first administrator).
 */
export function joinCounty(
  core: CoreServices,
  request: { platformUrl: string; code: string },
): Promise<JoinOutcome> {
  return pullCountyUsers(core, (sync) => sync.enroll(request.platformUrl, request.code));
}

/** Enrolls the device (`enroll`), then pulls the county's users once; `noUsers` when it has none. */
async function pullCountyUsers(
  core: CoreServices,
  enroll: (sync: SyncService) => Promise<EnrollOutcome>,
): Promise<JoinOutcome> {
  const sync = await openSyncService(core, deviceProvisionsOf(core));
  try {
    await sync.register(syncRegistration('users', core.db.users));
    const outcome = await enroll(sync);
    if (!outcome.ok) return outcome;
    // A device enrolled before (a start cut short) has not started replicating yet.
    await sync.start();
    await firstPull(sync, joinWaitMs);
    return (await core.users.count()) > 0 ? outcome : { ok: false, reason: 'noUsers' };
  } finally {
    await sync.close();
  }
}

/**
 * Waits, at most `limitMs`, until the registered collections have been pulled once. Replication begins
 * once this window leads the profile's browser tabs (in Electron at once).
 */
async function firstPull(sync: SyncService, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (sync.status.state === 'standby') {
    if (Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (sync.status.state !== 'running') return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
  });
  try {
    await Promise.race([sync.awaitInSync(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Registers every synced collection and starts replication. Users go first, so the platform knows the
 * authors before their documents arrive. In demo mode the device enrolls itself on the demo platform.
 */
async function openSync(
  core: CoreServices,
  subjects: SubjectRepository,
  attachments: BlobUploads,
  provisions: DeviceProvisions,
): Promise<SyncService> {
  const { db, appInfo } = core;
  const sync = await openSyncService(core, provisions, attachments);
  for (const name of capabilities.collections) {
    const collection = db.collections[name as keyof typeof db.collections];
    const extra =
      name === 'subjects' ? { findByUniqueValue: (code: unknown) => subjects.idOfCode(String(code)) } : {};
    await sync.register(syncRegistration(name, collection, extra));
  }
  if (appInfo.demo && appInfo.platformUrl && appInfo.demoEnrollmentCode) {
    const outcome = await sync.autoEnroll(appInfo.platformUrl, appInfo.demoEnrollmentCode);
    if (!outcome.ok) console.warn('Demo enrollment failed:', outcome);
  }
  // The shell may not know this device's platform yet (enrolled before Electron kept it): it asks once.
  const enrolledUrl = sync.status.enrollment?.platformUrl;
  if (enrolledUrl && (await core.bridge.allowPlatform(enrolledUrl)) === 'restarting') return sync;
  await sync.start();
  return sync;
}

export interface FreshRestoreRequest {
  bytes: Uint8Array;
  backupPassword: string;
  /** An active county administrator found in the backup, who restores it and is then signed in. */
  username: string;
  password: string;
  reason: string;
}

export type FreshRestoreResult =
  | { ok: true; core: CoreServices }
  | { ok: false; error: BackupProblem }
  | { ok: false; issues: ValidationIssue[] };

/**
 * First start from a backup instead of an empty office: the backup is decrypted and checked, its
 * administrator proves who she is with her password, and only then is the new profile opened and filled.
 */
export async function restoreIntoFreshProfile(
  bridge: PlatformBridge,
  opened: Opened,
  request: FreshRestoreRequest,
): Promise<FreshRestoreResult> {
  const backup = await openBackupPayload(
    request.bytes,
    request.backupPassword,
    null,
    chinaDateOf(systemClock()),
  );
  if (!backup.ok) return backup;
  const username = normalizeUsername(request.username);
  const admin = backupAdministrator(backup.payload, username);
  if (!admin || !(await verifyPassword(request.password, admin.passwordVerifier))) {
    return { ok: false, error: { code: 'backupRestore.notAdministrator' } };
  }
  const saved = backup.payload.settings.office as Partial<OfficeSettings> | undefined;
  const county = backup.origin.county;
  const office: OfficeSettings = { officeName: saved?.officeName || county, county };
  const core = await openCore(bridge, { ...opened, office });
  await migratePersonalCollections(core.db);
  const service = new BackupService({ ...core, bridge });
  const restored = await service.restore(sessionOf(admin), backup, request.reason);
  if (!restored.ok) return restored;
  await opened.local.setSetting('office', office);
  const signedIn = await core.auth.signIn(username, request.password);
  if (!signedIn.ok) return { ok: false, issues: [signedIn.issue] };
  return { ok: true, core };
}
