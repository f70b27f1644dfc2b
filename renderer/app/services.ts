import { createContext, useContext } from 'react';
import type { AppInfo, PlatformBridge } from '../../shared/platform/bridge.ts';
import type { CaseRepository } from '../cases/repository.ts';
import type { CommitmentRepository } from '../commitments/repository.ts';
import type { CreditDeskDatabase } from '../db/database.ts';
import type { LocalStore } from '../db/localStore.ts';
import type { WriteJournal } from '../db/writeJournal.ts';
import type { PlanRepository } from '../inspections/plans.ts';
import type { ProjectRepository } from '../inspections/projects.ts';
import type { InspectionRepository } from '../inspections/repository.ts';
import type { CreditRecordRepository } from '../repositories/creditRecords.ts';
import type { DisclosureRepository } from '../repositories/disclosures.ts';
import type { ListingRepository } from '../lists/listings.ts';
import type { ReferenceRepository } from '../repositories/reference.ts';
import type { SubjectRepository } from '../repositories/subjects.ts';
import type { AuditService } from '../security/audit.ts';
import type { AuthService } from '../security/auth.ts';
import type { BackupService } from '../security/backupService.ts';
import type { IdleLockSetting } from '../security/idleLockSetting.ts';
import type { KeyVault } from '../security/keys.ts';
import type { PersonalDataCipher } from '../security/personalData.ts';
import type { RepositoryContext } from '../security/repositoryContext.ts';
import type { UserRepository } from '../security/users.ts';
import type { Clock } from '../session/session.ts';
import type { SyncService } from '../sync/syncService.ts';

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

/** The workspace opened after the first sign-in (personal data needs the unlocked data key). */
export interface AppServices extends CoreServices {
  subjects: SubjectRepository;
  backup: BackupService;
  /** The catalog and holiday calendars (city reference data, read-only here). */
  reference: ReferenceRepository;
  creditRecords: CreditRecordRepository;
  disclosures: DisclosureRepository;
  /** Credit repair applications and objections. */
  cases: CaseRepository;
  /** Credit commitment letters and their follow-up. */
  commitments: CommitmentRepository;
  /** On-site inspections, their photos and signatures. */
  inspections: InspectionRepository;
  /** 双随机 inspection plans and their draws. */
  plans: PlanRepository;
  /** The projects register. */
  projects: ProjectRepository;
  /** Red/black list entries, published grades and the local grade cache. */
  listings: ListingRepository;
  /** Groups of writes that belong together; unfinished ones stay until finished. */
  journal: WriteJournal;
  /** Batch sync with the city platform. */
  sync: SyncService;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
