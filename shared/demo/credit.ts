/**
 * The demo's red and black lists, credit repair and objection (`npm start`). Four credit records, each
 * entered by the demo clerk from its decision and approved by the demo reviewer, dated back from the
 * demo's first day so the rules hold on any day:
 * - a developer's serious penalty, whose real-estate serious-dishonesty list entry the reviewer decided;
 * - a property firm's model-estate award, its red-list entry proposed and awaiting the reviewer;
 * - a brokerage's general penalty, past its minimum publicity: a repair application with its credit-repair
 *   commitment, accepted and awaiting the review;
 * - a builder's general penalty, against which the builder objected: reviewed, awaiting the decision.
 */
import type { CreditRecordInput } from '../creditRecords/model.ts';
import type { DemoEnterprise } from './inspections.ts';

export interface DemoRecord
  extends Pick<CreditRecordInput, 'catalogCode' | 'title' | 'facts' | 'legalBasis'>,
    DemoEnterprise {
  /** Calendar days before the demo's first day the decision was made (publicity starts that day). */
  decidedDaysAgo: number;
  /** The decision's number: `{year}` is the decision's year. */
  documentNumber: string;
}

/** A scanned document handed in with a case, as a one-page PDF. */
export interface DemoScan {
  name: string;
  /** The line printed on the page (ASCII: the scan stands for a paper document). */
  caption: string;
}

/** The serious penalty behind the black-list entry, and the reviewer's decision on the entry. */
export const demoBlackList = {
  record: {
    industry: 'realEstateDevelopment',
    pick: 3,
    catalogCode: 'FK-YZ-01',
    title: '未取得商品房预售许可擅自预售商品房',
    facts:
      '经查，该公司开发的“锦绣华庭”项目在未取得商品房预售许可证的情况下，以收取“认筹金”方式向社会公开预售商品房 46 套，收取购房款 1380 万元。',
    legalBasis: '《城市商品房预售管理办法》第六条、第十三条；《城市房地产开发经营管理条例》第三十九条',
    decidedDaysAgo: 45,
    documentNumber: '武住建罚决字〔{year}〕第 17 号',
  } satisfies DemoRecord,
  decisionNumber: '武住建信黑〔{year}〕1 号',
  opinion:
    '经审核，该企业未取得预售许可擅自预售商品房，涉及购房群众众多，情节严重，符合房地产市场严重失信主体名单认定标准，同意列入。',
} as const;

/** The award behind the red-list entry the clerk proposed. */
export const demoRedList = {
  record: {
    industry: 'propertyServices',
    pick: 1,
    catalogCode: 'WY-ZX-01',
    title: '焦作市物业管理示范项目',
    facts: '该公司服务的“康桥花园”小区经市住房和城乡建设局考评，被评为年度焦作市物业管理示范项目。',
    legalBasis: '《物业管理条例》',
    decidedDaysAgo: 60,
    documentNumber: '焦住建物〔{year}〕9 号',
  } satisfies DemoRecord,
} as const;

/** The general penalty a brokerage applies to repair, with its application. */
export const demoRepair = {
  record: {
    industry: 'realEstateBrokerage',
    pick: 0,
    catalogCode: 'JJ-YB-01',
    title: '发布虚假房源信息',
    facts: '经查，该公司在网络平台发布已售出房源及虚构低价房源信息共 12 条，诱导购房人到店咨询。',
    legalBasis: '《房地产经纪管理办法》第二十五条、第三十七条',
    // Past the general tier's minimum publicity of 3 months.
    decidedDaysAgo: 130,
    documentNumber: '武住建罚决字〔{year}〕第 6 号',
  } satisfies DemoRecord,
  statement:
    '本公司已足额缴纳罚款人民币一万元，下架全部违规房源信息并完成整改，建立房源信息发布审核制度，组织全体经纪人员参加诚信经营培训。',
  proof: { name: '罚款缴纳凭证及整改报告.pdf', caption: 'Fine receipt and rectification report (scan)' },
  commitmentScan: { name: '信用修复承诺书（签章）.pdf', caption: 'Credit repair commitment, signed (scan)' },
} as const;

/** The general penalty a builder objects to, with the objection and the reviewer's opinion. */
export const demoObjection = {
  record: {
    industry: 'construction',
    pick: 5,
    catalogCode: 'JZ-YB-01',
    title: '未取得施工许可证擅自施工',
    facts: '经查，该公司承建的“木城街道社区服务中心”项目在未取得建筑工程施工许可证的情况下擅自开工建设。',
    legalBasis: '《建筑工程施工许可管理办法》第三条、第十二条',
    decidedDaysAgo: 20,
    documentNumber: '武住建罚决字〔{year}〕第 23 号',
  } satisfies DemoRecord,
  statement:
    '该项目于开工前已取得建筑工程施工许可证，许可日期早于处罚决定认定的开工日期，处罚认定的违法事实与实际不符，申请更正该条失信信息。',
  proof: { name: '建筑工程施工许可证（复印件）.pdf', caption: 'Construction permit (copy)' },
  opinion:
    '经核对许可档案，该项目施工许可证核发日期早于认定的开工日期，异议理由初步成立，待调取开工记录后作出决定。',
} as const;

/** The decision number with its year filled in. */
export function numbered(template: string, date: string): string {
  return template.replace('{year}', date.slice(0, 4));
}

/** A one-page PDF with one line of text: a stand-in for a scanned paper document. */
export function demoScanPdf(caption: string): Uint8Array {
  const text = caption.replace(/[\\()]/g, '\\$&');
  const stream = `BT /F1 14 Tf 60 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
