/** Messages of inspection plans and the projects register in zh-CN and en (flat i18next keys). */
type PlanMessages = Record<
  | 'inspection.plan.action.draw'
  | 'validation.inspection.plan.drawnDraft'
  | 'validation.inspection.plan.notDrawn'
  | 'validation.inspection.plan.drawMismatch'
  | 'validation.project.enterpriseTwice'
  | 'validation.project.tooManyEnterprises',
  string
>;

const zhCN: PlanMessages = {
  'inspection.plan.action.draw': '抽取',
  'validation.inspection.plan.drawnDraft': '未抽取的计划不应带有抽取结果。',
  'validation.inspection.plan.notDrawn': '已抽取的计划缺少抽取结果。',
  'validation.inspection.plan.drawMismatch': '按记录的随机种子和输入重新抽取，结果与保存的抽取结果不一致。',
  'validation.project.enterpriseTwice': '同一企业以同一角色重复登记。',
  'validation.project.tooManyEnterprises': '参建企业最多登记 {{max}} 家。',
};

const en: PlanMessages = {
  'inspection.plan.action.draw': 'Draw',
  'validation.inspection.plan.drawnDraft': 'A plan not yet drawn cannot carry a draw result.',
  'validation.inspection.plan.notDrawn': 'The drawn plan has no draw result.',
  'validation.inspection.plan.drawMismatch':
    'Re-running the draw from the recorded seed and inputs does not give the saved result.',
  'validation.project.enterpriseTwice': 'The same enterprise is named twice in the same role.',
  'validation.project.tooManyEnterprises': 'At most {{max}} enterprises can be named.',
};

export const planMessages = { 'zh-CN': zhCN, en } as const;
