import { type CoreServices, useCoreServices } from '../kernel/services.ts';
import type { CaseRepository } from '../cases/repository.ts';
import type { CommitmentRepository } from '../commitments/repository.ts';
import type { WriteJournal } from '../kernel/db/writeJournal.ts';
import type { PlanRepository } from '../inspections/plans.ts';
import type { ProjectRepository } from '../inspections/projects.ts';
import type { DeclarationRepository } from '../inspections/declarations.ts';
import type { InspectionRepository } from '../inspections/repository.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import type { DisclosureRepository } from '../disclosures/repository.ts';
import type { ListingRepository } from '../lists/listings.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import type { BackupService } from '../kernel/security/backupService.ts';
import type { SyncService } from '../kernel/sync/syncService.ts';

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
  /** Declared conflicts of interest between inspectors and subjects. */
  declarations: DeclarationRepository;
  /** Red/black list entries, published grades and the local grade cache. */
  listings: ListingRepository;
  /** Groups of writes that belong together; unfinished ones stay until finished. */
  journal: WriteJournal;
  /** Batch sync with the city platform. */
  sync: SyncService;
}

/** The services of the opened workspace, for its screens (the kernel's own pieces ask `useCoreServices`). */
export function useServices(): AppServices {
  return useCoreServices() as AppServices;
}
