/**
 * Letter templates, one per commitment type, in Chinese (the official language of these letters), and the
 * filled letter the PDF layout prints. `{{name}}` placeholders take the subject's and the matter's data;
 * the content and liability filled from a template are the editable defaults of a new commitment.
 */
import type { CommitmentInput } from './model.ts';
import type { CommitmentType } from './types.ts';

export interface CommitmentTemplate {
  title: string;
  /** The promise (承诺内容), one paragraph per entry. */
  content: string[];
  /** 违诺责任. */
  liability: string;
}

const publicised = '本承诺书及履行情况将纳入本单位（本人）信用记录，并依法依规向社会公开，接受社会监督。';
const standardLiability =
  '如违反上述承诺，本单位（本人）愿意承担相应法律责任，接受行政机关依法作出的撤销相关决定、将违诺情况纳入信用记录、实施失信约束等处理。';

export const commitmentTemplates: Readonly<Record<CommitmentType, CommitmentTemplate>> = {
  approvalSubstitution: {
    title: '告知承诺书',
    content: [
      '{{subjectName}}（{{codeLabel}}：{{subjectCode}}）申请办理{{matter}}，已经知晓行政机关告知的全部内容，现郑重承诺：',
      '一、所填写的信息和提交的材料真实、准确、完整、有效，不存在隐瞒真实情况、提供虚假材料的情形；',
      '二、已经符合行政机关告知的条件、标准和技术要求，并在取得相关决定后持续符合；',
      '三、愿意接受行政机关的事中事后核查，积极配合并如实提供有关情况；',
      `四、${publicised}`,
    ],
    liability: standardLiability,
  },
  missingMaterials: {
    title: '容缺受理承诺书',
    content: [
      '{{subjectName}}（{{codeLabel}}：{{subjectCode}}）申请办理{{matter}}，因部分非主要材料暂缺，申请容缺受理，现郑重承诺：',
      '一、已提交的材料真实、准确、完整、有效；',
      '二、于{{materialsDeadline}}前补齐以下材料：{{missingMaterials}}；',
      '三、逾期未补齐或补交材料与承诺不符的，同意行政机关终止办理或依法撤销已作出的决定；',
      `四、${publicised}`,
    ],
    liability: standardLiability,
  },
  certification: {
    title: '证明事项告知承诺书',
    content: [
      '{{subjectName}}（{{codeLabel}}：{{subjectCode}}）办理{{matter}}，以书面承诺代替相关证明材料，现郑重承诺：',
      '一、本单位（本人）符合行政机关告知的证明事项所要求的条件；',
      '二、所作承诺真实、准确，如有不实，自愿承担相应责任；',
      '三、同意行政机关核查承诺内容，并在要求的期限内提供有关情况；',
      `四、${publicised}`,
    ],
    liability: standardLiability,
  },
  creditRepair: {
    title: '信用修复承诺书',
    content: [
      '{{subjectName}}（{{codeLabel}}：{{subjectCode}}）申请信用修复，现郑重承诺：',
      '一、已经纠正失信行为，履行了行政处罚决定等规定的全部义务；',
      '二、申请修复所提交的材料真实、准确、完整、有效；',
      '三、今后严格遵守法律法规和行业规定，诚信经营，不再发生同类失信行为；',
      `四、${publicised}`,
    ],
    liability:
      '如违背上述承诺，本单位（本人）同意撤销信用修复决定，原失信信息按最长公示期限重新公示，并承担相应法律责任。',
  },
  industrySelfDiscipline: {
    title: '{{year}}年度行业自律信用承诺书',
    content: [
      '{{subjectName}}（{{codeLabel}}：{{subjectCode}}）自愿作出行业自律信用承诺，在{{year}}年度内：',
      '一、严格遵守国家法律法规和住房城乡建设领域行业规定，依法诚信经营；',
      '二、不以欺骗、贿赂等不正当手段取得资质、许可或备案，不转包、违法分包，不出借资质；',
      '三、按时足额支付农民工工资，保障工程质量安全和服务质量；',
      '四、自觉接受行业主管部门监管和社会监督，如实报送信用信息；',
      `五、${publicised}`,
    ],
    liability: standardLiability,
  },
  voluntary: {
    title: '信用承诺书',
    content: [
      '{{subjectName}}（{{codeLabel}}：{{subjectCode}}）自愿向社会作出公开信用承诺：',
      '一、遵守法律法规，诚实守信，依法经营；',
      '二、提供的产品和服务符合国家标准和合同约定，不作虚假宣传；',
      '三、主动公开信用信息，接受社会监督；',
      `四、${publicised}`,
    ],
    liability: standardLiability,
  },
  other: {
    title: '信用承诺书',
    content: [
      '{{subjectName}}（{{codeLabel}}：{{subjectCode}}）就{{matter}}作出以下信用承诺：',
      '一、所提供的信息和材料真实、准确、完整、有效；',
      '二、严格履行本承诺事项，接受行政机关的核查；',
      `三、${publicised}`,
    ],
    liability: standardLiability,
  },
};

export interface TemplateValues {
  subjectName: string;
  subjectCode: string;
  subjectKind: 'enterprise' | 'practitioner';
  matter: string;
  /** YYYY-MM-DD or ''. */
  materialsDeadline: string;
  missingMaterials: readonly string[];
  year: number;
}

/** 2026-03-15 → 2026年3月15日. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

export function fillTemplate(text: string, values: TemplateValues): string {
  const replacements: Record<string, string> = {
    subjectName: values.subjectName,
    subjectCode: values.subjectCode,
    codeLabel: values.subjectKind === 'enterprise' ? '统一社会信用代码' : '公民身份号码',
    matter: values.matter,
    materialsDeadline: values.materialsDeadline === '' ? '规定期限' : chineseDate(values.materialsDeadline),
    missingMaterials: values.missingMaterials.join('、'),
    year: String(values.year),
  };
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => replacements[name] ?? whole);
}

/** The editable defaults of a new commitment of this type: its promise text and liability. */
export function templateDefaults(
  type: CommitmentType,
  values: TemplateValues,
): Pick<CommitmentInput, 'content' | 'liability'> {
  const template = commitmentTemplates[type];
  return {
    content: template.content.map((line) => fillTemplate(line, values)).join('\n'),
    liability: fillTemplate(template.liability, values),
  };
}

/** A letter ready for layout: every text already filled. */
export interface CommitmentLetter {
  title: string;
  /** 编号：…, or '' before the commitment has a number. */
  number: string;
  addressee: string;
  /** Labelled blocks (承诺事由, 承诺内容 …) in print order. */
  sections: { heading: string; paragraphs: string[] }[];
  /** Signature lines at the foot of the letter. */
  signature: string[];
}

type Printed = Pick<
  CommitmentInput,
  | 'number'
  | 'subjectName'
  | 'subjectCode'
  | 'subjectKind'
  | 'type'
  | 'reason'
  | 'content'
  | 'missingMaterials'
  | 'materialsDeadline'
  | 'liability'
  | 'signatory'
  | 'signingDate'
  | 'acceptingUnit'
>;

/** The letter of a commitment as recorded (its possibly edited content and liability). */
export function commitmentLetter(commitment: Printed, matterName: string, year: number): CommitmentLetter {
  const values: TemplateValues = { ...commitment, matter: matterName, year };
  const sections = [
    { heading: '承诺事由', paragraphs: [commitment.reason] },
    { heading: '承诺内容', paragraphs: commitment.content.split('\n').filter((p) => p.trim() !== '') },
  ];
  if (commitment.missingMaterials.length > 0) {
    sections.push({
      heading: '容缺材料及补交期限',
      paragraphs: [
        ...commitment.missingMaterials.map((material, index) => `${index + 1}. ${material}`),
        `补交期限：${values.materialsDeadline === '' ? '—' : chineseDate(values.materialsDeadline)}`,
      ],
    });
  }
  sections.push({ heading: '违诺责任', paragraphs: [commitment.liability] });
  const signed = commitment.signingDate === '' ? '　　年　　月　　日' : chineseDate(commitment.signingDate);
  return {
    title: fillTemplate(commitmentTemplates[commitment.type].title, values),
    number: commitment.number === '' ? '' : `编号：${commitment.number}`,
    addressee: commitment.acceptingUnit === '' ? '' : `${commitment.acceptingUnit}：`,
    sections,
    signature: [
      `承诺人（签章）：${commitment.subjectName}`,
      `${commitment.subjectKind === 'enterprise' ? '统一社会信用代码' : '公民身份号码'}：${commitment.subjectCode}`,
      `${commitment.subjectKind === 'enterprise' ? '法定代表人或授权代表（签字）' : '签字'}：${commitment.signatory}`,
      `日期：${signed}`,
    ],
  };
}
