/**
 * On-site inspections (监督检查信息) in a credit report, and open rectifications (未完成的整改) in a credit
 * check. A draft is no inspection yet; the public variant shows inspections a reviewer has closed, and
 * never the representative who signed. A finding's rectification stays open until a re-inspection
 * settles its order: rectified, or escalated into a proposed credit record (shared/inspections/orders.ts).
 */
import { chinaDateOf } from '../grading/grade.ts';
import type { InspectionDocument } from '../inspections/document.ts';
import type { FindingSeverity } from '../inspections/record.ts';
import {
  type CheckItem,
  facts,
  inPeriod,
  newestFirst,
  type ReportEntry,
  type SectionScope,
  type SubjectCreditFile,
} from './file.ts';

const severityNames: Readonly<Record<FindingSeverity, string>> = {
  minor: '一般',
  major: '较重',
  critical: '严重',
};

const adHocNames: Readonly<Record<string, string>> = {
  complaint: '投诉举报',
  referral: '转办交办',
  followUp: '跟踪复查',
};

const visitDay = (inspection: InspectionDocument) => chinaDateOf(inspection.startedAt);

function inspectionEntry(inspection: InspectionDocument): ReportEntry {
  const judged = inspection.items.filter((item) => item.result !== '' && item.result !== 'notApplicable');
  const failed = judged.filter((item) => item.result === 'nonCompliant').length;
  return {
    title: `${inspection.planId ? '双随机抽查' : '专项检查'}（${visitDay(inspection)}）`,
    facts: facts([
      ['检查日期', visitDay(inspection)],
      ['检查原因', adHocNames[inspection.adHocReason] ?? ''],
      ['检查项目', `共 ${judged.length} 项，不符合 ${failed} 项`],
      ['检查结论', inspection.conclusion],
      ...inspection.findings.map((finding, index): [string, string] => [
        `问题 ${index + 1}`,
        `${finding.description}（${severityNames[finding.severity]}，整改期限 ${finding.rectifyBy}）`,
      ]),
      ['状态', inspection.state === 'closed' ? '已办结' : '待审核'],
    ]),
  };
}

export function inspectionEntries(file: SubjectCreditFile, scope: SectionScope): ReportEntry[] {
  return file.inspections
    .filter(
      (inspection) =>
        (scope.publicOnly ? inspection.state === 'closed' : inspection.state !== 'draft') &&
        inPeriod(visitDay(inspection), scope.period),
    )
    .sort(newestFirst(visitDay))
    .map(inspectionEntry);
}

/** The findings of an inspection whose rectification order a re-inspection settled. */
function settledFindings(inspection: InspectionDocument): Set<string> {
  return new Set(
    (inspection.rectifications ?? [])
      .filter((order) => order.state !== 'open')
      .map((order) => order.findingId),
  );
}

/** Findings of submitted or closed inspections whose rectification is not settled, earliest deadline first. */
export function openRectificationItems(file: SubjectCreditFile): CheckItem[] {
  return file.inspections
    .filter((inspection) => inspection.state !== 'draft')
    .flatMap((inspection) =>
      inspection.findings
        .filter((finding) => finding.rectifyBy !== '' && !settledFindings(inspection).has(finding.id))
        .map((finding) => ({
          id: finding.id,
          title: finding.description,
          date: finding.rectifyBy,
          detail: `${severityNames[finding.severity]} · 检查日期 ${visitDay(inspection)}`,
        })),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
