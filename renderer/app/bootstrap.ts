import { demoCounty } from '../../shared/demo/county.ts';
import type { RxStorage } from 'rxdb';
import { generateDemoSubjects } from '../../shared/demo/subjects.ts';
import type { CollectionName } from '../../shared/model/collections.ts';
import { normalizeUsername } from '../../shared/model/user.ts';
import type { ValidationIssue } from '../../shared/model/validation.ts';
import type { AppInfo, PlatformBridge } from '../../shared/platform/bridge.ts';
import { verifyPassword } from '../../shared/security/password.ts';
import { documentValidators } from '../../shared/sync/documentValidators.ts';
import { migratePersonalCollections, openDatabase } from '../db/database.ts';
import { LocalStore } from '../db/localStore.ts';
import { openCreditRepositories } from '../repositories/disclosures.ts';
import { SubjectRepository } from '../repositories/subjects.ts';
import { AuditService } from '../security/audit.ts';
import { AuthService } from '../security/auth.ts';
import {
  BackupService,
  type BackupProblem,
  backupAdministrator,
  openBackupPayload,
} from '../security/backupService.ts';
import { demoPassword, demoUsers } from '../security/demo.ts';
import { IdleLockSetting } from '../security/idleLockSetting.ts';
import { KeyVault } from '../security/keys.ts';
import { LockoutStore } from '../security/lockoutStore.ts';
import { PersonalDataCipher, sealLocalHistory } from '../security/personalData.ts';
import type { RepositoryContext } from '../security/repositoryContext.ts';
import { type SignedInSession, sessionOf } from '../security/session.ts';
import { UserRepository } from '../security/users.ts';
import { localDate, systemClock } from '../session/session.ts';
import { syncRegistration } from '../sync/registration.ts';
import { type EnrollOutcome, SyncService } from '../sync/syncService.ts';
import type { AppServices, CoreServices, OfficeSettings } from './services.ts';

const profileName = 'creditdesk';
export const demoOffice: OfficeSettings = {
  officeName: demoCounty.officeZh,
  county: demoCounty.code,
};
const demoSubjectCount = 300;

export interface Opened {
  appInfo: AppInfo;
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

export async function openShell(bridge: PlatformBridge): Promise<Opened> {
  const appInfo = await bridge.appInfo();
  const local = new LocalStore(profileName);
  let office = (await local.getSetting<OfficeSettings>('office')) ?? null;
  if (!office && appInfo.demo) {
    office = demoOffice;
    await local.setSetting('office', office);
  }
  return { appInfo, local, office };
}

/**
 * Opens the data key, the database, the users and the audit trail: everything sign-in needs. In demo
 * mode a profile without users gets the demo users.
 */
export async function openCore(
  bridge: PlatformBridge,
  opened: Opened & { office: OfficeSettings },
): Promise<CoreServices> {
  const { appInfo, local, office } = opened;
  const clock = systemClock;
  const vault = await KeyVault.open(bridge.secrets, local);
  const personalData = new PersonalDataCipher(() => vault.fieldKeys());
  const db = await openDatabase({
    name: profileName,
    multiInstance: appInfo.shell === 'browser',
    wrapStorage: await developmentStorageWrapper(),
    personalData,
  });
  const audit = await AuditService.open(db.auditLog, local, { county: office.county, clock });
  const context: RepositoryContext = { session: () => auth.session(), clock, audit, personalData };
  const users = new UserRepository(db.users, context, { vault });
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
  if (appInfo.demo && (await users.count()) === 0) await createDemoUsers(core);
  return core;
}

/** The demo administrator, then the other demo users created by her. */
async function createDemoUsers(core: CoreServices): Promise<void> {
  const [admin, ...others] = demoUsers;
  const created = await core.users.createFirstAdministrator(core.office.county, {
    username: admin!.username,
    displayName: admin!.displayName,
    password: demoPassword,
  });
  if (!created.ok) throw new Error(`Demo administrator refused: ${created.issues[0]?.code}`);
  const asAdmin = new UserRepository(
    core.db.users,
    { ...core.context, session: () => sessionOf(created.value) },
    { vault: core.vault },
  );
  for (const user of others) {
    const result = await asAdmin.create({ ...user, password: demoPassword }, { mustChangePassword: false });
    if (!result.ok) throw new Error(`Demo user ${user.username} refused: ${result.issues[0]?.code}`);
  }
}

/** Opens what needs the unlocked data key: migrations of personal data, then the repositories. */
export async function openWorkspace(core: CoreServices): Promise<AppServices> {
  const { db, local, appInfo, context, audit, personalData, bridge, clock } = core;
  await migratePersonalCollections(db);
  await sealLocalHistory(local, personalData);
  // Demo subjects are entered by the demo clerk, once per profile.
  let seeding: SignedInSession | null = null;
  const subjects = await SubjectRepository.open(db.subjects, local, {
    ...context,
    session: () => seeding ?? context.session(),
  });
  const clerk = appInfo.demo ? await core.users.findByUsername(demoUsers[1]!.username) : null;
  if (clerk && !(await local.getSetting<boolean>('demoSeeded'))) {
    seeding = sessionOf(clerk);
    try {
      await subjects.createMany(
        generateDemoSubjects({ seed: 2026, count: demoSubjectCount, division: core.office.county }),
      );
    } finally {
      seeding = null;
    }
    await local.setSetting('demoSeeded', true);
  }
  const backup = new BackupService({ db, local, audit, personalData, bridge, clock });
  const credit = await openCreditRepositories({ db, local, context, subjects, county: core.office.county });
  const sync = await openSync(core, subjects);
  return { ...core, subjects, backup, ...credit, sync };
}

function openSyncService(core: CoreServices): Promise<SyncService> {
  const { db, appInfo, bridge, office, personalData, context, clock } = core;
  return SyncService.open({
    profile: profileName,
    database: db,
    secrets: bridge.secrets,
    officeCounty: office.county,
    deviceName: `${office.officeName} (${appInfo.platform})`,
    session: () => {
      const session = context.session();
      if (!session) throw new Error('Sign in to resolve sync conflicts');
      return session;
    },
    sealer: personalData,
    clock,
  });
}

const joinWaitMs = 20_000;

/**
 * A further computer of a county that already uses CreditDesk: enrolls it and pulls the county's users,
 * so its people sign in with the accounts their administrator made (no second first administrator).
 */
export async function joinCounty(
  core: CoreServices,
  request: { platformUrl: string; code: string },
): Promise<EnrollOutcome | { ok: false; reason: 'noUsers' }> {
  const sync = await openSyncService(core);
  try {
    await sync.register(syncRegistration('users', core.db.users));
    const outcome = await sync.enroll(request.platformUrl, request.code);
    if (!outcome.ok) return outcome;
    // Replication starts in the background after enrollment: wait for the users to arrive.
    const deadline = Date.now() + joinWaitMs;
    while ((await core.users.count()) === 0 && Date.now() < deadline) {
      await sync.awaitInSync();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return (await core.users.count()) > 0 ? outcome : { ok: false, reason: 'noUsers' };
  } finally {
    await sync.close();
  }
}

/**
 * Registers every synced collection and starts replication. Users go first, so the platform knows the
 * authors before their documents arrive. In demo mode the device enrolls itself on the demo platform.
 */
async function openSync(core: CoreServices, subjects: SubjectRepository): Promise<SyncService> {
  const { db, appInfo } = core;
  const sync = await openSyncService(core);
  const collections = [db.users, db.auditLog, db.reference, db.subjects, db.creditRecords, db.disclosures];
  for (const collection of collections) {
    const name = collection.name as CollectionName;
    if (!documentValidators[name]) continue;
    const extra =
      name === 'subjects'
        ? { findByUniqueValue: async (code: unknown) => subjects.index.findByCode(String(code))?.id ?? null }
        : {};
    await sync.register(syncRegistration(name, collection, extra));
  }
  if (appInfo.demo && appInfo.platformUrl && appInfo.demoEnrollmentCode) {
    const outcome = await sync.autoEnroll(appInfo.platformUrl, appInfo.demoEnrollmentCode);
    if (!outcome.ok) console.warn('Demo enrollment failed:', outcome);
  }
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
    localDate(systemClock()),
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
