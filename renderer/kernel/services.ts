import { createContext, useContext } from 'react';
import type { AppInfo, PlatformBridge } from '../../shared/base/platform/bridge.ts';
import type { CreditDeskDatabase } from './db/database.ts';
import type { LocalStore } from './db/localStore.ts';
import type { AuditService } from './security/audit.ts';
import type { AuthService } from './security/auth.ts';
import type { IdleLockSetting } from './security/idleLockSetting.ts';
import type { KeyVault } from './security/keys.ts';
import type { PersonalDataCipher } from './security/personalData.ts';
import type { RepositoryContext } from './security/repositoryContext.ts';
import type { UserRepository } from './security/users.ts';
import type { Clock } from './session/session.ts';

/** This office's identity on this computer, entered once at first start (or taken from a backup). */
export interface OfficeSettings {
  officeName: string;
  county: string;
}

/** What works before anyone signs in: the database, users, sign-in and the audit trail. */
export interface CoreServices {
  bridge: PlatformBridge;
  appInfo: AppInfo;
  db: CreditDeskDatabase;
  local: LocalStore;
  office: OfficeSettings;
  clock: Clock;
  vault: KeyVault;
  personalData: PersonalDataCipher;
  audit: AuditService;
  users: UserRepository;
  auth: AuthService;
  idleLock: IdleLockSetting;
  /** Who writes, the clock, the audit trail: handed to every repository. */
  context: RepositoryContext;
}

/** The services React components read; the app provides every capability's besides these. */
export const ServicesContext = createContext<CoreServices | null>(null);

export function useCoreServices(): CoreServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
