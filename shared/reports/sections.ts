/**
 * The sections of a credit report, one provider per capability, in print order. A provider returns the
 * entries of its section, or null while this office's CreditDesk holds no such information (the section
 * is then printed as "not held", never as "none").
 */
import { defaultCreditCategories } from '../creditRecords/catalog.ts';
import type { CreditRecordDocument } from '../creditRecords/model.ts';
import { type DisclosureDocument, licenceCategories, penaltyCategories } from '../disclosures/model.ts';
import { isPubliclyVisible } from '../creditRecords/visibility.ts';
import { repairEntries } from './caseSection.ts';
import { commitmentEntries } from './commitmentSection.ts';
import {
  creditCategoryNames,
  facts,
  inPeriod,
  type ReportEntry,
  type SectionScope,
  type SubjectCreditFile,
} from './file.ts';
import { inspectionEntries } from './inspectionSection.ts';
import { gradeReportEntries, listReportEntries } from './listSections.ts';

export type { SectionScope } from './file.ts';

export const reportSectionKeys = [
  'licences',
  'penalties',
  'dishonest',
  'honours',
  'commitments',
  'lists',
  'grade',
  'inspections',
  'repairs',
] as const;
export type ReportSectionKey = (typeof reportSectionKeys)[number];

export interface SectionProvider {
  key: ReportSectionKey;
  /** The printed heading (reports are official documents in Chinese). */
  title: string;
  entries(file: SubjectCreditFile, scope: SectionScope): ReportEntry[] | null;
}

function codeNames(entries: readonly { code: string; zh: string }[], codes: readonly string[]): string {
  return codes.map((code) => entries.find((entry) => entry.code === code)?.zh ?? code).join('、');
}

/** A 双公示 penalty stays public until its publicity end; a licence while it is valid. */
function disclosureIsPublic(decision: DisclosureDocument, today: string): boolean {
  const end = decision.kind === 'penalty' ? decision.publicityEnd : decision.validUntil;
  return end === '' || today <= end;
}

function decisionsOf(
  file: SubjectCreditFile,
  kind: DisclosureDocument['kind'],
  scope: SectionScope,
): DisclosureDocument[] {
  return file.disclosures
    .filter(
      (decision) =>
        decision.kind === kind &&
        inPeriod(decision.decisionDate, scope.period) &&
        (!scope.publicOnly || disclosureIsPublic(decision, scope.today)),
    )
    .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate) || a.id.localeCompare(b.id));
}

function licenceEntry(licence: DisclosureDocument): ReportEntry {
  return {
    title: licence.documentName || licence.certificateName,
    facts: facts([
      ['许可文书号', licence.documentNumber],
      ['许可证书编号', licence.licenceNumber],
      ['许可类别', codeNames(licenceCategories, [licence.licenceCategory])],
      ['许可决定日期', licence.decisionDate],
      ['有效期', licence.validFrom && `${licence.validFrom} 至 ${licence.validUntil || '长期'}`],
      ['许可内容', licence.content],
      ['许可机关', licence.authority],
    ]),
  };
}

function penaltyEntry(penalty: DisclosureDocument): ReportEntry {
  return {
    title: penalty.violationType || penalty.documentNumber,
    facts: facts([
      ['处罚决定书文号', penalty.documentNumber],
      ['处罚决定日期', penalty.decisionDate],
      ['违法事实', penalty.violationFacts],
      ['处罚依据', penalty.legalBasis],
      ['处罚类别', codeNames(penaltyCategories, penalty.penaltyCategories)],
      ['处罚内容', penalty.content],
      ['处罚机关', penalty.authority],
      ['公示截止日期', penalty.publicityEnd],
    ]),
  };
}

const recordStatusNames: Readonly<Record<CreditRecordDocument['status'], string>> = {
  draft: '草稿',
  submitted: '待审核',
  approved: '有效',
  expired: '公示期满',
  repaired: '已信用修复',
  revoked: '已撤销',
};

function recordEntry(record: CreditRecordDocument): ReportEntry {
  return {
    title: record.title,
    facts: facts([
      ['信息类别', creditCategoryNames[record.category] ?? record.category],
      ['决定文书号', record.documentNumber],
      ['认定日期', record.decisionDate],
      ['认定机关', record.authority],
      ['事实', record.facts],
      ['依据', record.legalBasis],
      ['公示期', record.publicityStart && `${record.publicityStart} 至 ${record.publicityEnd || '长期'}`],
      ['状态', recordStatusNames[record.status]],
    ]),
  };
}

function polarityOf(category: string): string {
  return defaultCreditCategories.find((entry) => entry.code === category)?.polarity ?? 'neutral';
}

/**
 * Records a report may show: confirmed ones (approved, or expired after their publicity) decided in the
 * period; in the public variant only those the public may see today. Drafts, records under review and
 * revoked records never appear.
 */
export function reportableRecords(file: SubjectCreditFile, scope: SectionScope): CreditRecordDocument[] {
  return file.creditRecords
    .filter(
      (record) =>
        inPeriod(record.decisionDate, scope.period) &&
        (scope.publicOnly
          ? isPubliclyVisible(record, scope.today)
          : record.status === 'approved' || record.status === 'expired'),
    )
    .sort((a, b) => b.decisionDate.localeCompare(a.decisionDate) || a.id.localeCompare(b.id));
}

export const reportSectionProviders: readonly SectionProvider[] = [
  {
    key: 'licences',
    title: '行政许可信息',
    entries: (file, scope) => decisionsOf(file, 'licence', scope).map(licenceEntry),
  },
  {
    key: 'penalties',
    title: '行政处罚信息',
    entries: (file, scope) => decisionsOf(file, 'penalty', scope).map(penaltyEntry),
  },
  {
    key: 'dishonest',
    title: '失信及风险提示信息',
    entries: (file, scope) =>
      reportableRecords(file, scope)
        .filter((record) => polarityOf(record.category) === 'negative')
        .map(recordEntry),
  },
  {
    key: 'honours',
    title: '守信激励信息',
    entries: (file, scope) =>
      reportableRecords(file, scope)
        .filter((record) => polarityOf(record.category) === 'positive')
        .map(recordEntry),
  },
  { key: 'commitments', title: '信用承诺及履约信息', entries: commitmentEntries },
  { key: 'lists', title: '红黑名单信息', entries: listReportEntries },
  { key: 'grade', title: '信用评价等级', entries: gradeReportEntries },
  { key: 'inspections', title: '监督检查信息', entries: inspectionEntries },
  { key: 'repairs', title: '信用修复及异议处理信息', entries: repairEntries },
];
