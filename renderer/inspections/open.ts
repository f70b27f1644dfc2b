import { conflictedUsers } from '../../shared/inspections/conflicts.ts';
import { hasRaisedRisk } from '../../shared/inspections/rectification.ts';
import type { CreditDeskDatabase } from '../db/database.ts';
import type { LocalStore } from '../db/localStore.ts';
import type { WriteJournal } from '../db/writeJournal.ts';
import type { AttachmentStore } from '../repositories/attachments.ts';
import type { CreditRecordRepository } from '../repositories/creditRecords.ts';
import type { ReferenceRepository } from '../repositories/reference.ts';
import type { SubjectRepository } from '../repositories/subjects.ts';
import type { RepositoryContext } from '../security/repositoryContext.ts';
import type { UserRepository } from '../security/users.ts';
import { localDate } from '../session/session.ts';
import { InspectionRepository, type SubjectStanding } from './repository.ts';

/**
 * The inspections of this workspace. A subject's standing: no grade until grading exists; raised by an
 * approved risk warning in publicity; in conflict with every user named as its contact person or legal
 * representative (users are known here by display name only).
 */
export function openInspections(options: {
  db: CreditDeskDatabase;
  local: LocalStore;
  context: RepositoryContext;
  journal: WriteJournal;
  attachments: AttachmentStore;
  subjects: SubjectRepository;
  creditRecords: CreditRecordRepository;
  users: UserRepository;
  reference: ReferenceRepository;
  officeName: string;
}): InspectionRepository {
  const { subjects, creditRecords, users, context } = options;
  const standingOf = async (subjectId: string): Promise<SubjectStanding> => {
    const subject = await subjects.get(subjectId);
    const records = (await creditRecords.list({ subjectId, limit: 10_000 })).items;
    const conflicted = conflictedUsers(subject, await users.list());
    return { grade: '', raised: hasRaisedRisk(records, [], localDate(context.clock())), conflicted };
  };
  return new InspectionRepository(options.db.inspections, context, {
    journal: options.journal,
    local: options.local,
    attachments: options.attachments,
    standingOf,
    records: creditRecords,
    reference: options.reference,
    officeName: options.officeName,
  });
}
