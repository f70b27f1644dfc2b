/**
 * Commitments in a credit report (信用承诺及履约信息) and in a credit check (open commitments and breaches).
 * A letter counts from acceptance on: drafts and withdrawn letters are not commitments made. A breach
 * still awaiting its second person's confirmation is shown as such to the office, and as accepted to the
 * public; letters the matter keeps from the public are left out of the public variant.
 */
import { addMonths } from '../base/calendar/dates.ts';
import { defaultLookBackMonths } from '../commitments/acceptance.ts';
import { defaultCommitmentMatters, findMatter } from '../commitments/matters.ts';
import { commitmentMessages } from '../commitments/messages.ts';
import type { CommitmentDocument } from '../commitments/model.ts';
import { breachOutcomes, type CommitmentStatus, openStatuses } from '../commitments/types.ts';
import {
  type CheckItem,
  facts,
  inPeriod,
  newestFirst,
  type ReportEntry,
  type SectionScope,
  type SubjectCreditFile,
} from './file.ts';

const zh = commitmentMessages['zh-CN'];
const typeName = (commitment: CommitmentDocument) => zh[`commitment.type.${commitment.type}`] ?? '';
const statusName = (status: CommitmentStatus) => zh[`commitment.status.${status}`] ?? '';
const matterName = (commitment: CommitmentDocument) =>
  findMatter(defaultCommitmentMatters, commitment.matterCode)?.name.zh ?? commitment.reason;

const made = (commitment: CommitmentDocument) =>
  commitment.status !== 'draft' && commitment.status !== 'withdrawn';

function commitmentEntry(commitment: CommitmentDocument, publicOnly: boolean): ReportEntry {
  const status = publicOnly && commitment.status === 'breachProposed' ? 'accepted' : commitment.status;
  const decided = status !== 'accepted' && status !== 'breachProposed';
  const { outcome } = commitment;
  return {
    title: `${typeName(commitment)}：${matterName(commitment)}`,
    facts: facts([
      ['承诺书编号', commitment.number],
      ['承诺事由', commitment.reason],
      ['签署日期', commitment.signingDate],
      ['受理单位', commitment.acceptingUnit],
      ['补正期限', commitment.materialsDeadline],
      ['履约状态', statusName(status)],
      ['认定日期', decided ? outcome.decisionDate : ''],
      ['认定单位', decided ? outcome.decidingUnit : ''],
      ['未履行内容', decided ? outcome.unfulfilledContent : ''],
    ]),
  };
}

/** Letters signed or decided in the period. */
export function commitmentEntries(file: SubjectCreditFile, scope: SectionScope): ReportEntry[] {
  return file.commitments
    .filter(
      (commitment) =>
        made(commitment) &&
        (!scope.publicOnly || commitment.publicity === 'public') &&
        (inPeriod(commitment.signingDate, scope.period) ||
          inPeriod(commitment.outcome.decisionDate, scope.period)),
    )
    .sort(newestFirst((commitment) => commitment.signingDate))
    .map((commitment) => commitmentEntry(commitment, scope.publicOnly));
}

/** Open commitments, and breaches found within the look-back period of the acceptance check. */
export function commitmentCheckItems(file: SubjectCreditFile, today: string): CheckItem[] {
  const since = addMonths(today, -defaultLookBackMonths);
  return file.commitments
    .filter(
      (commitment) =>
        openStatuses.includes(commitment.status) ||
        ((breachOutcomes as readonly string[]).includes(commitment.status) &&
          commitment.outcome.decisionDate >= since),
    )
    .sort(newestFirst((commitment) => commitment.signingDate))
    .map((commitment) => ({
      id: commitment.id,
      title: `${typeName(commitment)}：${matterName(commitment)}`,
      date: commitment.signingDate,
      detail: [commitment.number, statusName(commitment.status)].join(' · '),
    }));
}
