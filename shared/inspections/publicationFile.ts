/**
 * The publication file of inspection results (双随机、一公开): one row per closed inspection, with the
 * fields a result is published with — the inspected party (a practitioner's ID number masked, as in
 * every public listing), where and when, under which plan or why, the checklist, how it came out, the
 * conclusion, and the publication as recorded. Nothing else personal: neither the representative, their
 * ID number and signature, nor the inspectors' names, nor notes and photos.
 */
import { encodeCsv } from '../base/io/csv.ts';
import { writeXlsx } from '../base/io/xlsx.ts';
import { maskPersonalValue } from '../base/security/masking.ts';
import type { ChecklistIndustry } from './checklists.ts';
import type { InspectionDocument } from './document.ts';
import { type PublicitySummary, publicitySummary } from './publicity.ts';
import type { AdHocReason } from './record.ts';

/** What the device resolves for the file: names, never ids. */
export interface PublicationLookups {
  subject: (id: string) => { name: string; kind: 'enterprise' | 'practitioner'; code: string } | undefined;
  projectName: (id: string) => string;
  planName: (id: string) => string;
  /** The checklist's industry in Chinese. */
  industryName: (industry: ChecklistIndustry) => string;
  /** The inspecting office. */
  office: string;
}

type Published = Pick<
  InspectionDocument,
  | 'id'
  | 'subjectId'
  | 'projectId'
  | 'planId'
  | 'adHocReason'
  | 'state'
  | 'steps'
  | 'items'
  | 'findings'
  | 'conclusion'
  | 'startedAt'
  | 'templateIndustry'
>;

const origins: Record<AdHocReason, string> = {
  complaint: '投诉举报',
  referral: '转办交办',
  followUp: '跟踪复查',
};

type Row = { doc: Published; summary: PublicitySummary };

const columns: readonly [header: string, value: (row: Row, lookups: PublicationLookups) => string][] = [
  ['检查对象名称', ({ doc }, { subject }) => subject(doc.subjectId)?.name ?? ''],
  [
    '统一社会信用代码或身份证号码',
    ({ doc }, { subject }) => {
      const found = subject(doc.subjectId);
      if (!found) return '';
      return found.kind === 'enterprise' ? found.code : maskPersonalValue('idNumber', found.code);
    },
  ],
  ['检查项目', ({ doc }, { projectName }) => (doc.projectId ? projectName(doc.projectId) : '')],
  [
    '检查方式',
    ({ doc }) => (doc.planId ? '双随机抽查' : `专项检查（${origins[doc.adHocReason || 'complaint']}）`),
  ],
  ['抽查计划', ({ doc }, { planName }) => (doc.planId ? planName(doc.planId) : '')],
  ['检查机关', (_, { office }) => office],
  ['检查日期', ({ doc }) => doc.startedAt.slice(0, 10)],
  ['检查事项', ({ doc }, { industryName }) => industryName(doc.templateIndustry)],
  ['检查项数', ({ doc }) => String(doc.items.length)],
  ['符合项数', ({ summary }) => String(summary.compliant)],
  ['不符合项数', ({ summary }) => String(summary.nonCompliant)],
  ['发现问题数', ({ summary }) => String(summary.findings)],
  ['检查结果', ({ summary }) => (summary.nonCompliant === 0 ? '未发现问题' : '发现问题，责令整改')],
  ['检查结论', ({ summary }) => summary.conclusion],
  ['办结日期', ({ summary }) => summary.closedOn],
  ['公示日期', ({ summary }) => summary.publication?.date ?? ''],
  ['公示渠道', ({ summary }) => summary.publication?.where ?? ''],
];

/** The closed inspections closed in [from, to] (China time), oldest closing first. */
export function publishableInspections<T extends Published>(
  docs: readonly T[],
  period?: { from: string; to: string },
): { doc: T; summary: PublicitySummary }[] {
  return docs
    .flatMap((doc) => {
      const summary = publicitySummary(doc);
      if (!summary) return [];
      if (period && (summary.closedOn < period.from || summary.closedOn > period.to)) return [];
      return [{ doc, summary }];
    })
    .sort((a, b) => a.summary.closedOn.localeCompare(b.summary.closedOn) || a.doc.id.localeCompare(b.doc.id));
}

/** Header row, then one row per closed inspection. */
export function inspectionPublicationRows(
  docs: readonly Published[],
  lookups: PublicationLookups,
  period?: { from: string; to: string },
): string[][] {
  return [
    columns.map(([header]) => header),
    ...publishableInspections(docs, period).map((row) => columns.map(([, value]) => value(row, lookups))),
  ];
}

export async function exportInspectionPublication(
  docs: readonly Published[],
  lookups: PublicationLookups,
  format: 'csv' | 'xlsx',
  period?: { from: string; to: string },
): Promise<Uint8Array> {
  const rows = inspectionPublicationRows(docs, lookups, period);
  return format === 'csv' ? encodeCsv(rows) : writeXlsx([{ name: '检查结果公示', rows }], { compress: true });
}
