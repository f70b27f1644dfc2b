/**
 * A credit report (信用报告) of one subject, assembled from its file as pure data; renderer/reports lays
 * it out as a PDF. Housing-sector information only: the file holds nothing else.
 */
import { maskPersonalValue } from '../base/security/masking.ts';
import type { SubjectDocument } from '../subjects/model.ts';
import { type Fact, inPeriod, type Period, type ReportEntry, type SubjectCreditFile } from './file.ts';
import {
  type ReportSectionKey,
  type SectionProvider,
  type SectionScope,
  reportSectionProviders,
  reportableRecords,
} from './sections.ts';

export const reportVariants = ['full', 'public', 'special'] as const;
export type ReportVariant = (typeof reportVariants)[number];

/** What a special report (专项信用报告) is issued for, replacing a "no violation records" certificate. */
export const reportPurposes = ['tender', 'approval'] as const;
export type ReportPurpose = (typeof reportPurposes)[number];

export interface ReportRequest {
  variant: ReportVariant;
  /** Required for the special variant. */
  purpose?: ReportPurpose;
  period: Period;
  /** ISO instant. */
  issuedAt: string;
  /** China-time date of issue, YYYY-MM-DD: what "public today" means. */
  today: string;
  officeName: string;
  reportNumber: string;
  verificationCode: string;
}

export interface ReportSection {
  key: ReportSectionKey;
  title: string;
  /** null: this office's system holds no such information yet. */
  entries: ReportEntry[] | null;
}

/** The finding of a special report: whether violation records exist in the period. */
export interface SpecialFinding {
  purpose: ReportPurpose;
  penalties: number;
  dishonestRecords: number;
  statement: string;
}

export interface CreditReport {
  title: string;
  variant: ReportVariant;
  reportNumber: string;
  verificationCode: string;
  issuedAt: string;
  officeName: string;
  period: Period;
  subjectId: string;
  identity: Fact[];
  finding: SpecialFinding | null;
  sections: ReportSection[];
  notes: string[];
}

export type ReportProblem = 'reports.periodInvalid' | 'reports.purposeRequired';

const titles: Readonly<Record<ReportVariant, string>> = {
  full: '信用报告',
  public: '信用报告（公开版）',
  special: '专项信用报告',
};

const purposeNames: Readonly<Record<ReportPurpose, string>> = {
  tender: '招标投标',
  approval: '行政审批',
};

const kindNames = { enterprise: '企业', practitioner: '从业人员' } as const;

const industryNames: Readonly<Record<SubjectDocument['industry'], string>> = {
  construction: '建筑施工',
  realEstateDevelopment: '房地产开发',
  propertyServices: '物业服务',
  realEstateBrokerage: '房地产经纪',
  costConsulting: '工程造价咨询',
  landscaping: '园林绿化',
  other: '其他',
};

const statusNames = { active: '正常', suspended: '暂停', deregistered: '注销' } as const;

/** The identity block; the public variant masks a natural person's ID number. */
export function identityFacts(subject: SubjectDocument, publicOnly: boolean): Fact[] {
  const enterprise = subject.kind === 'enterprise';
  const code = !enterprise && publicOnly ? maskPersonalValue('idNumber', subject.code) : subject.code;
  const pairs: [string, string][] = [
    ['名称', subject.name],
    [enterprise ? '统一社会信用代码' : '身份证号码', code],
    ['主体类型', kindNames[subject.kind]],
    ['行业', industryNames[subject.industry]],
    ['法定代表人', enterprise ? subject.legalRepresentative : ''],
    ['注册地址', enterprise ? subject.address : ''],
    [enterprise ? '资质' : '执业资格', subject.qualification],
    ['资质等级', subject.qualificationLevel],
    ['证书编号', subject.certificateNumber],
    ['主体状态', statusNames[subject.status]],
  ];
  return pairs.filter(([, value]) => value !== '').map(([label, value]) => ({ label, value }));
}

export function checkReportRequest(
  request: Pick<ReportRequest, 'variant' | 'purpose' | 'period'>,
): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const { from, to } = request.period;
  if (!date.test(from) || !date.test(to) || from > to) problems.push('reports.periodInvalid');
  if (request.variant === 'special' && !request.purpose) problems.push('reports.purposeRequired');
  return problems;
}

function specialFinding(
  file: SubjectCreditFile,
  scope: SectionScope,
  purpose: ReportPurpose,
): SpecialFinding {
  const penalties = file.disclosures.filter(
    (decision) => decision.kind === 'penalty' && inPeriod(decision.decisionDate, scope.period),
  ).length;
  const dishonestRecords = reportableRecords(file, scope).filter(
    (record) => record.category === 'generalDishonest' || record.category === 'seriousDishonest',
  ).length;
  const { from, to } = scope.period;
  const found = penalties + dishonestRecords > 0;
  const statement = found
    ? `经查询本部门住房城乡建设领域公共信用信息，该主体在 ${from} 至 ${to} 期间有违法违规记录：行政处罚 ${penalties} 条，失信记录 ${dishonestRecords} 条，详见下文。`
    : `经查询本部门住房城乡建设领域公共信用信息，该主体在 ${from} 至 ${to} 期间无违法违规记录。`;
  return {
    purpose,
    penalties,
    dishonestRecords,
    statement: `${statement}本报告用于${purposeNames[purpose]}，可替代无违法违规记录证明。`,
  };
}

/** Assembles the report; check the request with `checkReportRequest` first. */
export function assembleReport(
  file: SubjectCreditFile,
  request: ReportRequest,
  providers: readonly SectionProvider[] = reportSectionProviders,
): CreditReport {
  const scope: SectionScope = {
    period: request.period,
    publicOnly: request.variant === 'public',
    today: request.today,
  };
  const notes = [
    '本报告仅包含本部门在住房城乡建设领域依法归集的公共信用信息，不含其他部门和领域的信息。',
    `本报告信息截至 ${request.issuedAt.slice(0, 10)}，以出具单位记载为准。`,
  ];
  if (scope.publicOnly) notes.push('本报告为公开版：仅含可向社会公开的信息，个人信息已作遮蔽处理。');
  const sections = providers.map((provider) => ({
    key: provider.key,
    title: provider.title,
    entries: provider.entries(file, scope),
  }));
  if (sections.some((section) => section.entries === null)) {
    notes.push('标注“本系统暂未归集”的栏目，表示出具单位尚未在本系统中归集该类信息，并非无记录。');
  }
  return {
    title: titles[request.variant],
    variant: request.variant,
    reportNumber: request.reportNumber,
    verificationCode: request.verificationCode,
    issuedAt: request.issuedAt,
    officeName: request.officeName,
    period: request.period,
    subjectId: file.subject.id,
    identity: identityFacts(file.subject, scope.publicOnly),
    finding:
      request.variant === 'special' && request.purpose ? specialFinding(file, scope, request.purpose) : null,
    sections,
    notes,
  };
}
