import { Dexie } from 'dexie';
import type { SecretProtection, SecretStore } from '../../../shared/base/platform/bridge.ts';
import type { Argon2Params } from '../../../shared/base/security/argon2.ts';
import { type CreditDeskDatabase, type OpenDatabaseOptions, openDatabase } from '../db/database.ts';
import { LocalStore } from '../db/localStore.ts';
import { AuditService } from './audit.ts';
import { AuthService } from './auth.ts';
import { KeyVault } from './keys.ts';
import { LockoutStore } from './lockoutStore.ts';
import { PersonalDataCipher } from './personalData.ts';
import type { RepositoryContext } from './repositoryContext.ts';
import type { SignedInSession } from './session.ts';
import { UserRepository } from './users.ts';

/** Test support: the security services over a real (fake-indexeddb) profile, with cheap argon2id. */

export const cheapArgon2: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** The OS keychain's stand-in: secrets in memory, with the protection level a test asks for. */
export function memorySecretStore(protection: SecretProtection = 'browser'): SecretStore & {
  values: Map<string, string>;
} {
  const values = new Map<string, string>();
  return {
    values,
    async get(key) {
      return values.get(key) ?? null;
    },
    async set(key, value) {
      values.set(key, value);
    },
    async delete(key) {
      values.delete(key);
    },
    async protection() {
      return protection;
    },
  };
}

export interface TestProfile {
  name: string;
  db: CreditDeskDatabase;
  local: LocalStore;
  vault: KeyVault;
  personalData: PersonalDataCipher;
  audit: AuditService;
  users: UserRepository;
  auth: AuthService;
  context: RepositoryContext;
  /** Overrides who the repositories see as signed in (null: the AuthService decides). */
  actAs(session: SignedInSession | null): void;
  /** Moves the shared test clock. */
  now: { value: Date };
  close(): Promise<void>;
}

export async function openTestProfile(
  name: string,
  options: {
    secrets?: SecretStore;
    county?: string;
    now?: { value: Date };
    /** Opens a part of the profile's collections (see `OpenDatabaseOptions.only`). */
    only?: OpenDatabaseOptions['only'];
  } = {},
): Promise<TestProfile> {
  const secrets = options.secrets ?? memorySecretStore();
  const now = options.now ?? { value: new Date('2026-11-20T08:00:00Z') };
  const clock = () => now.value;
  const local = new LocalStore(name);
  const vault = await KeyVault.open(secrets, local, { argon2: cheapArgon2 });
  const personalData = new PersonalDataCipher(() => vault.fieldKeys());
  const db = await openDatabase({
    name,
    multiInstance: false,
    personalData,
    ...(options.only ? { only: options.only } : {}),
  });
  const audit = await AuditService.open(db.auditLog, local, { county: options.county ?? '410823', clock });
  let override: SignedInSession | null = null;
  const context: RepositoryContext = {
    session: () => override ?? auth.session(),
    clock,
    audit,
    personalData,
  };
  const users = new UserRepository(db.users, context, { vault, local, argon2: cheapArgon2 });
  const auth = new AuthService({ users, lockouts: new LockoutStore(local), vault, audit, clock });
  return {
    name,
    db,
    local,
    vault,
    personalData,
    audit,
    users,
    auth,
    context,
    now,
    actAs(session) {
      override = session;
    },
    async close() {
      await db.close();
      local.close();
    },
  };
}

export function testSession(
  roles: SignedInSession['roles'],
  userId = `user-${roles.join('-')}`,
): SignedInSession {
  return { userId, userName: `测试${roles.join('')}`, username: userId, county: '410823', roles };
}

/** Every record of every IndexedDB database of the profile, read with raw Dexie (no RxDB, no key). */
export async function rawProfileContents(profileName: string): Promise<string> {
  const names = (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((name) => name.includes(profileName));
  if (names.length === 0) throw new Error(`No IndexedDB database of profile ${profileName}`);
  const dumps: string[] = [];
  for (const name of names) {
    const raw = new Dexie(name);
    await raw.open();
    for (const table of raw.tables)
      dumps.push(`${name}/${table.name}: ${JSON.stringify(await table.toArray())}`);
    raw.close();
  }
  return dumps.join('\n');
}
