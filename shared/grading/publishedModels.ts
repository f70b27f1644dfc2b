/**
 * The default scoring model and the published local models of docs/grading reference (Jinan, Yantai
 * 2022, Lianyungang, Shangqiu) written as configuration alone, to show the model shape carries them.
 * Only Yantai names its document; the others carry no basis until the city enters it. Where a source gives no figure (item points, Jinan's and Shangqiu's base, any inspection ratio) the
 * value here is an illustrative default the city replaces when it publishes its own model.
 */
import { blackLists } from '../lists/rules.ts';
import type { Industry } from '../subjects/model.ts';
import type { GradeDefinition, GradeMeasures, GradingModel, ItemValidity, ScoreItem } from './model.ts';

/** The serious-dishonesty lists veto a grade. */
const vetoLists = [...blackLists];

const trusted: GradeMeasures = { inspectionRatio: 0.05, greenChannel: true, toleranceAcceptance: true };
const normal: GradeMeasures = { inspectionRatio: 0.1, greenChannel: false, toleranceAcceptance: true };
const watched: GradeMeasures = { inspectionRatio: 0.3, greenChannel: false, toleranceAcceptance: false };
const strict: GradeMeasures = { inspectionRatio: 1, greenChannel: false, toleranceAcceptance: false };

function grade(code: string, zh: string, en: string, measures: GradeMeasures): GradeDefinition {
  return { code, name: { zh, en }, measures };
}

const publicity: ItemValidity = { kind: 'publicity' };

function categoryItem(
  category: string,
  points: number,
  zh: string,
  en: string,
  validity = publicity,
): ScoreItem {
  return { code: category, name: { zh, en }, kind: 'record', category, points, validity };
}

/** Record items by the five default categories, and the commitment and inspection facts. */
function standardItems(scale: number, validity: ItemValidity = publicity): ScoreItem[] {
  const year: ItemValidity =
    validity.kind === 'publicity'
      ? { kind: 'months', months: 12 }
      : { kind: 'months', months: validity.months };
  return [
    categoryItem('enhancing', 5 * scale, '增信信息', 'Credit-enhancing information', validity),
    categoryItem('generalDishonest', -5 * scale, '一般失信信息', 'General dishonest information', validity),
    categoryItem('seriousDishonest', -20 * scale, '严重失信信息', 'Serious dishonest information', validity),
    categoryItem('riskWarning', -2 * scale, '风险提示信息', 'Risk warning information', validity),
    {
      code: 'fulfilledCommitment',
      name: { zh: '履行信用承诺', en: 'Fulfilled commitment' },
      kind: 'fulfilledCommitment',
      points: 2 * scale,
      validity: year,
    },
    {
      code: 'breachedCommitment',
      name: { zh: '违背信用承诺', en: 'Breached commitment' },
      kind: 'breachedCommitment',
      points: -5 * scale,
      validity: year,
    },
    {
      code: 'falseCommitment',
      name: { zh: '虚假承诺', en: 'False commitment' },
      kind: 'falseCommitment',
      points: -10 * scale,
      validity: { kind: 'months', months: 36 },
    },
    {
      code: 'failedInspection',
      name: { zh: '检查不合格', en: 'Failed inspection' },
      kind: 'failedInspection',
      points: -3 * scale,
      validity: year,
    },
  ];
}

interface ModelHead {
  code: string;
  zh: string;
  en: string;
  industry: Industry;
  basis: string[];
}

function model(
  head: ModelHead,
  body: Omit<GradingModel, 'code' | 'version' | 'name' | 'industry' | 'validFrom' | 'basis'>,
): GradingModel {
  return {
    code: head.code,
    version: 1,
    name: { zh: head.zh, en: head.en },
    industry: head.industry,
    validFrom: '2026-01-01',
    basis: head.basis,
    ...body,
  };
}

/** The default: base 90, A ≥ 90, B 75–89, C 60–74, D < 60; a serious-dishonesty entry forces D. */
export function defaultGradingModel(industry: Industry): GradingModel {
  return model(
    {
      code: `default-${industry}`,
      zh: '信用评价默认模型',
      en: 'Default credit grading model',
      industry,
      basis: [],
    },
    {
      baseScore: 90,
      bonusCap: null,
      items: standardItems(1),
      grades: [
        grade('A', 'A 级（守信）', 'A (trustworthy)', trusted),
        grade('B', 'B 级（基本守信）', 'B (mostly trustworthy)', normal),
        grade('C', 'C 级（失信）', 'C (dishonest)', watched),
        grade('D', 'D 级（严重失信）', 'D (seriously dishonest)', strict),
      ],
      bands: [{ grade: 'A', min: 90 }, { grade: 'B', min: 75 }, { grade: 'C', min: 60 }, { grade: 'D' }],
      veto: { lists: vetoLists, grade: 'D' },
      notEnrolledGrade: null,
    },
  );
}

const shandongGrades = [
  grade('AAA', 'AAA 级', 'AAA', trusted),
  grade('AA', 'AA 级', 'AA', trusted),
  grade('A', 'A 级', 'A', normal),
  grade('B', 'B 级', 'B', watched),
  grade('C', 'C 级', 'C', strict),
];

const shandongBands = [
  { grade: 'AAA', min: 85 },
  { grade: 'AA', min: 80 },
  { grade: 'A', min: 70 },
  { grade: 'B', min: 60 },
  { grade: 'B', withoutNegative: true },
  { grade: 'C' },
];

/** Shandong (Jinan) property services: basic + good − bad; B below 60 without negative records; "C (missing)". */
export const jinanPropertyModel: GradingModel = model(
  {
    code: 'jinan-property',
    zh: '济南市物业服务企业信用评价',
    en: 'Jinan property services credit evaluation',
    industry: 'propertyServices',
    basis: [],
  },
  {
    baseScore: 70,
    bonusCap: null,
    items: standardItems(1),
    grades: [...shandongGrades, grade('C-missing', 'C 级（缺失）', 'C (missing)', strict)],
    bands: shandongBands,
    veto: { lists: vetoLists, grade: 'C' },
    notEnrolledGrade: 'C-missing',
  },
);

/** Yantai 2022 (烟建住房〔2022〕13号): basic 80 + good ≤ 40 − bad; items valid for the record's period or 1 year; a black-list grade. */
export const yantaiPropertyModel: GradingModel = model(
  {
    code: 'yantai-property',
    zh: '烟台市物业服务企业信用评价',
    en: 'Yantai property services credit evaluation',
    industry: 'propertyServices',
    basis: ['烟建住房〔2022〕13号'],
  },
  {
    baseScore: 80,
    bonusCap: 40,
    items: standardItems(2, { kind: 'publicityOrMonths', months: 12 }),
    grades: [
      ...shandongGrades,
      grade('blackList', '黑名单', 'Black list', strict),
      grade('C-missing', 'C 级（缺失）', 'C (missing)', strict),
    ],
    bands: shandongBands,
    veto: { lists: vetoLists, grade: 'blackList' },
    notEnrolledGrade: 'C-missing',
  },
);

/** Lianyungang property services: base 90 ± items; 4A ≥ 140 … A 85–100; B below 85 or by one-vote veto. */
export const lianyungangPropertyModel: GradingModel = model(
  {
    code: 'lianyungang-property',
    zh: '连云港市物业服务企业信用评价',
    en: 'Lianyungang property services credit evaluation',
    industry: 'propertyServices',
    basis: [],
  },
  {
    baseScore: 90,
    bonusCap: null,
    items: standardItems(2),
    grades: [
      grade('AAAA', 'AAAA 级', 'AAAA', trusted),
      grade('AAA', 'AAA 级', 'AAA', trusted),
      grade('AA', 'AA 级', 'AA', normal),
      grade('A', 'A 级', 'A', normal),
      grade('B', 'B 级', 'B', strict),
    ],
    bands: [
      { grade: 'AAAA', min: 140 },
      { grade: 'AAA', min: 120 },
      { grade: 'AA', min: 100 },
      { grade: 'A', min: 85 },
      { grade: 'B' },
    ],
    veto: { lists: vetoLists, grade: 'B' },
    notEnrolledGrade: null,
  },
);

/** Shangqiu, yearly cycle: AAA above 100 … C 60–70, below 60 not graded; AAA feeds the red list, C and below the black list. */
export const shangqiuModel: GradingModel = model(
  {
    code: 'shangqiu-development',
    zh: '商丘市房地产开发企业信用评价',
    en: 'Shangqiu real estate developer credit evaluation',
    industry: 'realEstateDevelopment',
    basis: [],
  },
  {
    baseScore: 90,
    bonusCap: null,
    items: standardItems(2),
    grades: [
      grade('AAA', 'AAA 级', 'AAA', trusted),
      grade('AA', 'AA 级', 'AA', trusted),
      grade('A', 'A 级', 'A', normal),
      grade('B', 'B 级', 'B', watched),
      grade('C', 'C 级', 'C', strict),
      grade('notGraded', '不予评级', 'Not graded', strict),
    ],
    bands: [
      { grade: 'AAA', min: 100, exclusive: true },
      { grade: 'AA', min: 90 },
      { grade: 'A', min: 80 },
      { grade: 'B', min: 70 },
      { grade: 'C', min: 60 },
      { grade: 'notGraded' },
    ],
    veto: { lists: vetoLists, grade: 'notGraded' },
    notEnrolledGrade: null,
  },
);

export const publishedModels: readonly GradingModel[] = [
  jinanPropertyModel,
  yantaiPropertyModel,
  lianyungangPropertyModel,
  shangqiuModel,
];
