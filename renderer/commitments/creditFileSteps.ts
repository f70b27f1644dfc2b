/**
 * What a commitment step writes into the credit file, in the step's own journal run: fulfilment and a
 * proposed breach create the record the catalog names (a dishonest one submitted for review at once);
 * the confirmation approves it, a rejection returns it; a confirmed breach of a credit-repair commitment
 * republishes the repaired record.
 */
import { creditFileEffect, republishReason, republishRepaired } from '../../shared/commitments/creditFile.ts';
import type { CommitmentMatter } from '../../shared/commitments/matters.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { type CommitmentAction, commitmentWorkflow } from '../../shared/commitments/workflow.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { takeCreditRecordStep } from '../../shared/creditRecords/workflow.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { issue, prefixIssues, type Validated } from '../../shared/base/validation.ts';
import { creationOf, type JournalStep } from '../kernel/db/writeJournal.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { Clock } from '../kernel/session/session.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import type { ReferenceRepository } from '../reference/repository.ts';

export interface CreditFileDependencies {
  records: CreditRecordRepository;
  reference: ReferenceRepository;
  /** Every matter, to find the catalog items a commitment files under. */
  matters: readonly CommitmentMatter[];
  clock: Clock;
}

/** The credit-file writes of a step, and the ids of records it creates. */
export async function creditFileSteps(
  deps: CreditFileDependencies,
  current: CommitmentDocument,
  next: CommitmentDocument,
  action: CommitmentAction,
  session: SignedInSession,
  now: string,
  note: string,
): Promise<Validated<{ steps: JournalStep[]; newRecordIds: string[] }>> {
  const none = { ok: true as const, value: { steps: [], newRecordIds: [] } };
  if (action === 'fulfil' || action === 'proposeBreach') {
    const repaired = next.repairedRecordId ? await deps.records.get(next.repairedRecordId) : null;
    const effect = creditFileEffect(next, deps.matters, deps.reference.catalog(), {
      ...(repaired ? { repairedRecord: repaired } : {}),
    });
    if (effect.outcome === 'noCatalogItem') {
      return {
        ok: false,
        issues: [issue('outcome', 'creditRecord.unknownCatalogItem', { code: effect.code })],
      };
    }
    if (effect.outcome !== 'record') return none;
    const id = uuidv7(deps.clock().getTime());
    const prepared = deps.records.prepareDerived(session, id, { ...effect.record, sourceId: current.id });
    if (!prepared.ok) return { ok: false, issues: prefixIssues(prepared.issues, 'creditRecord') };
    // Submitted for review at once: a dishonest record is a proposal a reviewer approves (four-eyes).
    const submitted = takeCreditRecordStep(prepared.value, 'submit', session, now);
    if (!submitted.ok) return { ok: false, issues: prefixIssues(submitted.issues, 'creditRecord') };
    return {
      ok: true,
      value: { steps: [creationOf('creditRecords', [submitted.value])], newRecordIds: [id] },
    };
  }
  const confirms = commitmentWorkflow.transitions[action].from === 'breachProposed';
  if (!confirms) return none;
  const recordStep = action === 'rejectBreach' ? 'return' : 'approve';
  const steps: JournalStep[] = [];
  for (const recordId of current.creditRecordIds) {
    const record = await deps.records.get(recordId);
    if (record?.status !== 'submitted') continue;
    const stepped = takeCreditRecordStep(record, recordStep, session, now, note);
    if (!stepped.ok) return { ok: false, issues: prefixIssues(stepped.issues, 'creditRecord') };
    const after: CreditRecordDocument = { ...stepped.value, updatedAt: now, updatedBy: session.userId };
    steps.push({
      kind: 'update',
      collection: 'creditRecords',
      before: record,
      after,
      audit: { action: recordStep === 'approve' ? 'approve' : 'reject', reason: note.trim() },
    });
  }
  if (recordStep === 'approve') {
    const republished = await republishSteps(deps, current);
    if (!republished.ok) return republished;
    steps.push(...republished.value);
  }
  return { ok: true, value: { steps, newRecordIds: [] } };
}

/**
 * A confirmed breach of a credit-repair commitment puts the repaired record back into publicity for
 * its maximum period (「违背信用修复承诺的，按最长公示期限公示」): the record's own republish step,
 * judged by its workflow (a reviewer, four-eyes), written in the confirmation's run.
 */
async function republishSteps(
  deps: CreditFileDependencies,
  commitment: CommitmentDocument,
): Promise<Validated<JournalStep[]>> {
  if (commitment.type !== 'creditRepair') return { ok: true, value: [] };
  const repaired = await deps.records.get(commitment.repairedRecordId);
  // A repair not decided (or since revoked) left nothing to republish: the record is as it was.
  if (repaired?.status !== 'repaired') return { ok: true, value: [] };
  const republish = republishRepaired(repaired, deps.reference.catalog());
  if (!republish) {
    return {
      ok: false,
      issues: [issue('repairedRecordId', 'creditRecord.unknownCatalogItem', { code: repaired.catalogCode })],
    };
  }
  const prepared = await deps.records.prepareRepublish(
    repaired.id,
    republish.publicityEnd,
    republishReason(commitment.number),
  );
  if (!prepared.ok) return { ok: false, issues: prefixIssues(prepared.issues, 'repairedRecord') };
  return { ok: true, value: [prepared.value.step] };
}
