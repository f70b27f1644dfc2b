import { idCheckChar, organizationCodeCheckChar, usccCheckChar } from '../base/identifiers.ts';
import type { Industry, SubjectInput } from '../subjects/model.ts';
import { emptySubjectInput, industries } from '../subjects/model.ts';

/** Mulberry32: a small seeded generator, so demo data and benchmarks are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const givenNames = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强海燕红梅文斌俊峰晓东振宇';
const places = [
  '武陟县',
  '修武县',
  '博爱县',
  '温县',
  '沁阳市',
  '孟州市',
  '焦作市',
  '获嘉县',
  '原阳县',
  '延津县',
  '封丘县',
];
const wordParts = [
  '宏达',
  '鑫源',
  '恒泰',
  '华宇',
  '正通',
  '安居',
  '瑞丰',
  '中盛',
  '广厦',
  '金桥',
  '润泽',
  '汇通',
  '博远',
  '嘉禾',
  '天诚',
  '永固',
];
const industryWords: Record<Industry, string[]> = {
  construction: ['建筑工程有限公司', '建设集团有限公司', '建工有限公司', '市政工程有限公司'],
  realEstateDevelopment: ['房地产开发有限公司', '置业有限公司', '地产有限公司'],
  propertyServices: ['物业服务有限公司', '物业管理有限公司'],
  realEstateBrokerage: ['房地产经纪有限公司', '房屋中介服务有限公司'],
  costConsulting: ['工程造价咨询有限公司', '工程咨询有限公司'],
  landscaping: ['园林绿化工程有限公司', '景观工程有限公司'],
  other: ['建材有限公司', '装饰工程有限公司'],
};
const qualifications: Record<Industry, string[]> = {
  construction: ['建筑工程施工总承包', '市政公用工程施工总承包', '建筑装修装饰工程专业承包'],
  realEstateDevelopment: ['房地产开发企业资质'],
  propertyServices: ['物业服务企业备案'],
  realEstateBrokerage: ['房地产经纪机构备案'],
  costConsulting: ['工程造价咨询企业'],
  landscaping: ['园林绿化工程施工'],
  other: [''],
};
const levels = ['一级', '二级', '三级', '甲级', '乙级', ''];
const practitionerQualifications = [
  '一级注册建造师',
  '二级注册建造师',
  '注册造价工程师',
  '房地产经纪人',
  '注册监理工程师',
  '安全员',
];
const orgCodeChars = Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY');

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

/** A synthetic, valid USCC for a market-regulation-registered enterprise in the given division. */
export function syntheticUscc(random: () => number, division: string): string {
  let org = '';
  for (let i = 0; i < 8; i++) org += pick(random, orgCodeChars);
  const body = `91${division}${org}${organizationCodeCheckChar(org)}`;
  return body + usccCheckChar(body);
}

/** A synthetic, valid resident ID number (no real person's): birth 1960–1999, the given division. */
export function syntheticResidentId(random: () => number, division: string): string {
  const year = 1960 + Math.floor(random() * 40);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  const first17 = `${division}${year}${month}${day}${digits(random, 3)}`;
  return first17 + idCheckChar(first17);
}

function personName(random: () => number): string {
  const given =
    pick(random, Array.from(givenNames)) + (random() < 0.6 ? pick(random, Array.from(givenNames)) : '');
  return pick(random, Array.from(surnames)) + given;
}

function mobile(random: () => number): string {
  return `1${pick(random, ['3', '5', '7', '8', '9'])}${digits(random, 9)}`;
}

export interface DemoSubjectOptions {
  seed: number;
  count: number;
  /** County division code the subjects are registered in. */
  division: string;
  /** Share of practitioners among the subjects (0–1). */
  practitionerShare?: number;
}

/** Deterministic, realistic demo subjects with valid codes; the same seed gives the same list. */
export function generateDemoSubjects(options: DemoSubjectOptions): SubjectInput[] {
  const random = seededRandom(options.seed);
  const share = options.practitionerShare ?? 0.3;
  const out: SubjectInput[] = [];
  const usedCodes = new Set<string>();
  while (out.length < options.count) {
    const practitioner = random() < share;
    const industry = pick(random, industries);
    const subject = emptySubjectInput(practitioner ? 'practitioner' : 'enterprise');
    subject.industry = industry;
    subject.status = random() < 0.9 ? 'active' : random() < 0.5 ? 'suspended' : 'deregistered';
    if (practitioner) {
      subject.name = personName(random);
      subject.code = syntheticResidentId(random, options.division);
      subject.qualification = pick(random, practitionerQualifications);
      subject.certificateNumber = `豫${digits(random, 3)}${digits(random, 9)}`;
      subject.phone = mobile(random);
    } else {
      subject.name = `${pick(random, places)}${pick(random, wordParts)}${pick(random, industryWords[industry])}`;
      subject.code = syntheticUscc(random, options.division);
      subject.legalRepresentative = personName(random);
      subject.qualification = pick(random, qualifications[industry]);
      subject.qualificationLevel = subject.qualification === '' ? '' : pick(random, levels);
      subject.address = `${pick(random, places)}${pick(random, ['人民路', '建设路', '解放大道', '文化路', '迎宾大道'])}${1 + Math.floor(random() * 300)}号`;
      subject.division = options.division;
      subject.contactPerson = personName(random);
      subject.phone = mobile(random);
    }
    if (usedCodes.has(subject.code)) continue;
    usedCodes.add(subject.code);
    out.push(subject);
  }
  return out;
}
