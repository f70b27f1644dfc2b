/**
 * Commitments on a credit-file profile (see creditHarness.ts): the repository with every journal run
 * recorded, and a letter created and accepted in one call.
 */
import {
  type CommitmentFields,
  CommitmentRepository,
  type CommitmentRepositoryOptions,
} from '../../renderer/commitments/repository.ts';
import type { JournalStep } from '../../renderer/kernel/db/writeJournal.ts';
import { DeviceProvisions } from '../../renderer/provisions/deviceProvisions.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import type { Profile } from './creditHarness.ts';
import { memorySecrets } from './harness.ts';

export const office = { county: '410823', officeName: '武陟县住房和城乡建设局' };

/** The repository on the profile; `runs` collects the steps of every journal run, in order. */
export function openCommitments(
  profile: Profile,
  extra: Partial<CommitmentRepositoryOptions> = {},
): { commitments: CommitmentRepository; runs: JournalStep[][] } {
  const runs: JournalStep[][] = [];
  const run = profile.journal.run.bind(profile.journal);
  profile.journal.run = (author, steps) => {
    runs.push([...steps]);
    return run(author, steps);
  };
  const commitments = new CommitmentRepository(profile.db.commitments, profile.local, profile.context, {
    subjects: profile.subjects,
    records: profile.records,
    reference: profile.reference,
    journal: profile.journal,
    attachments: new AttachmentStore(profile.local, profile.context.personalData, profile.context.clock),
    office,
    provisions: new DeviceProvisions(profile.local, memorySecrets()),
    ...extra,
  });
  return { commitments, runs };
}

/** Creates the letter and accepts it as the signed-in user; throws when either is refused. */
export async function acceptedCommitment(
  commitments: CommitmentRepository,
  fields: CommitmentFields,
): Promise<CommitmentDocument> {
  const created = await commitments.create(fields);
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const result = await commitments.act(created.value.id, 'accept');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
