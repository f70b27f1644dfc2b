/**
 * Credit repair (信用修复信息) in a credit report: records repaired, with the repair case that decided it
 * where this office holds one, and objections (异议) decided in the period. Applicants are people: their
 * names are never printed; open cases are the office's business until decided, and objections are
 * left out of the public variant.
 */
import type { CaseDocument } from '../cases/model.ts';
import type { CreditRecordDocument } from '../creditRecords/model.ts';
import { chinaDateOf } from '../grading/grade.ts';
import {
  creditCategoryNames,
  facts,
  inPeriod,
  newestFirst,
  type ReportEntry,
  type SectionScope,
  type SubjectCreditFile,
} from './file.ts';

const objectionOutcomes: Readonly<Record<string, string>> = {
  corrected: '信息有误，已更正',
  upheld: '信息无误，维持原记录',
  revoked: '信息有误，原记录已撤销',
};

/** When the case reached its present state. */
const decidedOn = (doc: CaseDocument) => (doc.workflow.at(-1) ? chinaDateOf(doc.workflow.at(-1)!.at) : '');

/** Records repaired whose decision falls in the period; the public sees that a repair happened. */
function repairEntry(record: CreditRecordDocument, cases: readonly CaseDocument[]): ReportEntry {
  const repaired = record.workflow.findLast((step) => step.action === 'repair');
  const approved = cases.find(
    (doc) => doc.kind === 'repair' && doc.recordId === record.id && doc.status === 'approved',
  );
  return {
    title: record.title,
    facts: facts([
      ['信息类别', creditCategoryNames[record.category] ?? record.category],
      ['原认定日期', record.decisionDate],
      ['修复申请日期', approved?.applicationDate ?? ''],
      ['修复途径', approved ? (approved.channel === 'national' ? '信用中国网站' : '本单位') : ''],
      ['修复日期', repaired ? chinaDateOf(repaired.at) : ''],
    ]),
  };
}

function objectionEntry(doc: CaseDocument, records: readonly CreditRecordDocument[]): ReportEntry {
  const record = records.find((candidate) => candidate.id === doc.recordId);
  return {
    title: `异议处理：${record?.title ?? ''}`,
    facts: facts([
      ['异议提出日期', doc.applicationDate],
      ['处理结果', objectionOutcomes[doc.status] ?? ''],
      ['处理日期', decidedOn(doc)],
    ]),
  };
}

export function repairEntries(file: SubjectCreditFile, scope: SectionScope): ReportEntry[] {
  const repaired = file.creditRecords
    .filter((record) => record.status === 'repaired' && inPeriod(record.decisionDate, scope.period))
    .sort(newestFirst((record) => record.decisionDate))
    .map((record) => repairEntry(record, file.cases));
  const objections = file.cases
    .filter(
      (doc) =>
        doc.kind === 'objection' &&
        doc.status in objectionOutcomes &&
        inPeriod(decidedOn(doc), scope.period) &&
        // How an objection was handled is the office's record, not public information.
        !scope.publicOnly,
    )
    .sort(newestFirst(decidedOn))
    .map((doc) => objectionEntry(doc, file.creditRecords));
  return [...repaired, ...objections];
}
