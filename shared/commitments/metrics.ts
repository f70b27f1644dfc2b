/**
 * The dashboard's commitment figures, each with the ids behind it:
 *
 *   commitment ratio  = (commitments + fulfilment records) ÷ enterprises in the county, against 2.0
 *                       (Wuhai task table row 9: 「信用承诺信息及履约践诺情况信息数量与辖区内企业总数的比值超过2」)
 *   fulfilment rate   = commitments fully fulfilled ÷ commitments with a confirmed finding
 *   overdue count     = open commitments past their deadline for missing materials
 *
 * Commitments count from acceptance on (drafts and withdrawn letters are not commitments made); each
 * confirmed finding is one fulfilment record; enterprises are those not deregistered. Counts are
 * cumulative, as the platform's target is.
 */
import type { Rate } from '../disclosures/rates.ts';
import type { CalendarWarning, WorkdayCalendar } from '../base/calendar/workdays.ts';
import type { SubjectDocument } from '../subjects/model.ts';
import { followUpQueue } from './followUp.ts';
import type { CommitmentDocument } from './model.ts';
import { decidedStatuses } from './types.ts';

export const commitmentRatioTarget = 2;

export interface CommitmentRatio {
  commitmentIds: string[];
  fulfilmentRecordIds: string[];
  enterpriseIds: string[];
  /** (commitments + fulfilment records) ÷ enterprises; null without enterprises. */
  ratio: number | null;
  target: number;
  /** The ratio exceeds the target. */
  met: boolean;
}

type Counted = Pick<CommitmentDocument, 'id' | 'status' | 'materialsDeadline'>;

export function commitmentRatio(
  commitments: readonly Counted[],
  subjects: readonly Pick<SubjectDocument, 'id' | 'kind' | 'status'>[],
  target: number = commitmentRatioTarget,
): CommitmentRatio {
  const commitmentIds = commitments
    .filter((c) => c.status !== 'draft' && c.status !== 'withdrawn')
    .map((c) => c.id);
  const fulfilmentRecordIds = commitments.filter((c) => decidedStatuses.includes(c.status)).map((c) => c.id);
  const enterpriseIds = subjects
    .filter((s) => s.kind === 'enterprise' && s.status !== 'deregistered')
    .map((s) => s.id);
  const ratio =
    enterpriseIds.length === 0
      ? null
      : (commitmentIds.length + fulfilmentRecordIds.length) / enterpriseIds.length;
  return {
    commitmentIds,
    fulfilmentRecordIds,
    enterpriseIds,
    ratio,
    target,
    met: ratio !== null && ratio > target,
  };
}

export function fulfilmentRate(commitments: readonly Counted[]): Rate {
  const denominatorIds = commitments.filter((c) => decidedStatuses.includes(c.status)).map((c) => c.id);
  const fulfilled = new Set(commitments.filter((c) => c.status === 'fulfilled').map((c) => c.id));
  const numeratorIds = denominatorIds.filter((id) => fulfilled.has(id));
  return {
    numerator: numeratorIds.length,
    denominator: denominatorIds.length,
    rate: denominatorIds.length === 0 ? null : numeratorIds.length / denominatorIds.length,
    numeratorIds,
    denominatorIds,
    shortfallIds: denominatorIds.filter((id) => !fulfilled.has(id)),
  };
}

export function overdueCommitments(
  commitments: readonly Counted[],
  today: string,
  calendar: WorkdayCalendar,
): { count: number; ids: string[]; warnings: CalendarWarning[] } {
  const { entries, warnings } = followUpQueue(commitments, today, calendar);
  const ids = entries.filter((e) => e.state === 'overdue').map((e) => e.commitment.id);
  return { count: ids.length, ids, warnings };
}
