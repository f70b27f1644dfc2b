/**
 * Messages of the inspections capability in zh-CN and en: flat i18next keys, `{{param}}` interpolation.
 * Issue codes map to `validation.<code>`; workflow steps to `<table namespace>.<step>`.
 */
import type { DeclarationStep } from './declarations.ts';
import type { InspectionStep, RectificationStep } from './workflows.ts';

/** Every issue code the inspections rules report (the codes they share with other modules left out). */
export const inspectionIssueCodes = [
  'inspection.plan.scopeEmpty',
  'inspection.plan.ratio',
  'inspection.plan.raisedBelowGrade',
  'inspection.plan.poolTooSmall',
  'inspection.plan.seed',
  'inspection.plan.unknown',
  'inspection.plan.subjectNotDrawn',
  'inspection.plan.inspectorsNotDrawn',
  'inspection.plan.conflictIgnored',
  'inspection.conflict.alreadyDeclared',
  'inspection.conflict.forOthers',
  'inspection.template.itemCodeTwice',
  'inspection.template.unknownCatalogItem',
  'inspection.template.catalogIndustry',
  'inspection.template.basisMissing',
  'inspection.template.noCoreItem',
  'inspection.template.itemEmpty',
  'inspection.template.industry',
  'inspection.template.headMismatch',
  'inspection.template.versionOfDefault',
  'inspection.planOrReason',
  'inspection.adHocReason',
  'inspection.inspectorsTwo',
  'inspection.inspectorIsContact',
  'inspection.endBeforeStart',
  'inspection.itemTwice',
  'inspection.itemWithoutResult',
  'inspection.photoHash',
  'inspection.tooManyPhotos',
  'inspection.findingWithoutResult',
  'inspection.findingOnCompliant',
  'inspection.nonCompliantWithoutFinding',
  'inspection.deadlinePast',
  'inspection.itemNotInTemplate',
  'inspection.templateUnknown',
  'inspection.itemNotAtDepth',
  'inspection.rectification.days',
  'inspection.rectification.unknownItem',
  'inspection.rectification.notEscalated',
  'inspection.rectification.unknownCatalogItem',
  'inspection.rectification.notNegative',
  'inspection.photo.empty',
  'inspection.photo.tooLarge',
  'inspection.photo.notImage',
  'inspection.photo.corrupt',
  'inspection.notDraft',
  'inspection.indexField',
  'inspection.notInspector',
  'inspection.rectification.beforeClose',
  'inspection.rectification.ordersAltered',
  'inspection.rectification.unknownFinding',
  'inspection.publicity.days',
] as const;
export type InspectionIssueCode = (typeof inspectionIssueCodes)[number];

type InspectionMessages = { [code in InspectionIssueCode as `validation.${code}`]: string } & {
  [step in InspectionStep as `inspection.workflow.action.${step}`]: string;
} & { [step in RectificationStep as `inspection.rectification.action.${step}`]: string } & {
  [step in DeclarationStep as `inspection.conflict.action.${step}`]: string;
};

const zhCN: InspectionMessages = {
  'validation.inspection.plan.scopeEmpty': '请至少选择一个检查行业。',
  'validation.inspection.plan.ratio': '抽查比例应为 0 到 100 之间的整数（百分比）。',
  'validation.inspection.plan.raisedBelowGrade':
    '存在风险预警或逾期未整改的主体，抽查比例不应低于其他任何档次（当前最高为 {{percent}}%）。',
  'validation.inspection.plan.poolTooSmall': '检查人员库至少需要两名不同的检查人员。',
  'validation.inspection.plan.seed': '随机种子应为 0 到 {{max}} 之间的整数。',
  'validation.inspection.plan.unknown': '所属检查计划不存在或尚未抽取，不能按计划检查。',
  'validation.inspection.plan.subjectNotDrawn': '该主体不在所属检查计划的抽取结果中，不能按该计划检查。',
  'validation.inspection.plan.inspectorsNotDrawn':
    '检查人员与检查计划为该主体抽取的两名检查人员不一致，应由抽中的检查人员实施检查。',
  'validation.inspection.plan.conflictIgnored':
    '抽取时未排除已申报回避的检查人员，抽取结果无效，请重新建立计划并抽取。',
  'validation.inspection.conflict.alreadyDeclared': '该检查人员与该主体的利害关系已申报，无需重复申报。',
  'validation.inspection.conflict.forOthers': '检查人员只能申报本人的回避事项；为他人申报请联系系统管理员。',
  'validation.inspection.template.itemCodeTwice': '检查项编号 {{code}} 重复。',
  'validation.inspection.template.unknownCatalogItem': '信用信息目录中没有编号为 {{code}} 的事项。',
  'validation.inspection.template.catalogIndustry': '目录事项 {{code}} 不适用于本检查表所属行业。',
  'validation.inspection.template.basisMissing': '请填写该检查项的法律依据。',
  'validation.inspection.template.noCoreItem': '检查表至少需要一项基础检查项（各信用等级都要检查的项目）。',
  'validation.inspection.template.itemEmpty': '检查项的编号、中文内容和英文内容都须填写。',
  'validation.inspection.template.industry':
    '检查表的行业须为建筑施工、物业服务、房地产开发或房地产经纪之一。',
  'validation.inspection.template.headMismatch': '检查表所属行业和版本号须与所发布版本的编码和版本号一致。',
  'validation.inspection.template.versionOfDefault':
    '检查表版本号须大于系统内置的第 {{version}} 版，已有检查记录使用该版本。',
  'validation.inspection.planOrReason': '请选择所属的检查计划，或说明临时检查的原因（二者选其一）。',
  'validation.inspection.adHocReason': '临时检查的原因应为投诉举报、转办交办或跟踪复查之一。',
  'validation.inspection.publicity.days': '公示期限应为 {{min}} 至 {{max}} 个工作日之间的整数。',
  'validation.inspection.inspectorsTwo': '每次检查需要两名不同的检查人员。',
  'validation.inspection.inspectorIsContact': '该检查人员是被检查单位的联系人或已申报利害关系，应当回避。',
  'validation.inspection.endBeforeStart': '检查结束时间不能早于开始时间。',
  'validation.inspection.itemTwice': '检查项 {{code}} 重复出现。',
  'validation.inspection.itemWithoutResult': '请为该检查项选择结果：符合、不符合或不适用。',
  'validation.inspection.photoHash': '照片引用无效，请重新添加该照片。',
  'validation.inspection.tooManyPhotos': '每项最多附 {{max}} 张照片。',
  'validation.inspection.findingWithoutResult': '该问题所属的检查项尚未填写检查结果，请先填写结果。',
  'validation.inspection.findingOnCompliant': '检查结果为“符合”或“不适用”的项目不能登记问题。',
  'validation.inspection.nonCompliantWithoutFinding': '检查结果为“不符合”的项目，请登记发现的问题。',
  'validation.inspection.deadlinePast': '整改期限不能早于今天（{{today}}）。',
  'validation.inspection.itemNotInTemplate': '检查表中没有编号为 {{code}} 的检查项。',
  'validation.inspection.templateUnknown':
    '检查记录所用的检查表第 {{version}} 版未由市级平台发布，请先同步后再提交。',
  'validation.inspection.itemNotAtDepth': '检查项 {{code}} 不在本次检查的检查深度内，不能填写结果。',
  'validation.inspection.rectification.days': '整改期限应为 {{min}} 到 {{max}} 个工作日。',
  'validation.inspection.rectification.unknownItem': '检查表中没有编号为 {{code}} 的检查项。',
  'validation.inspection.rectification.notEscalated': '只有复查未整改、已移交处理的整改单才能提出信用记录。',
  'validation.inspection.rectification.unknownCatalogItem':
    '信用信息目录中没有编号为 {{code}} 的事项，无法提出信用记录。',
  'validation.inspection.rectification.notNegative':
    '该检查项对应的目录事项既非风险提示也非失信信息，不能据此提出信用记录。',
  'validation.inspection.photo.empty': '“{{name}}”是空文件，请重新拍摄或选择照片。',
  'validation.inspection.photo.tooLarge': '“{{name}}”超过 {{maxMb}} MB，请选择较小的照片。',
  'validation.inspection.photo.notImage': '“{{name}}”不是照片（只接受 JPEG、PNG 或 WebP 图片）。',
  'validation.inspection.photo.corrupt': '“{{name}}”已损坏或不完整，无法打开，请重新拍摄。',
  'validation.inspection.notDraft': '该检查记录已提交，只有退回修改后才能更改。',
  'validation.inspection.indexField':
    '检查记录附带的检索信息（整改期限、办结日期、公示情况）与记录内容不一致，不予接收。',
  'validation.inspection.notInspector': '只有本次检查的检查人员才能修改检查记录。',
  'validation.inspection.rectification.beforeClose': '检查记录审核办结后才下达整改通知。',
  'validation.inspection.rectification.ordersAltered':
    '整改通知的内容（问题、期限、所依据的目录事项）不能更改，只能记录复查结果。',
  'validation.inspection.rectification.unknownFinding': '检查记录中没有该整改通知对应的问题。',
  'inspection.workflow.action.submit': '提交审核',
  'inspection.workflow.action.return': '退回修改',
  'inspection.workflow.action.close': '审核办结',
  'inspection.workflow.action.publish': '登记公示',
  'inspection.rectification.action.confirm': '复查合格，整改完成',
  'inspection.rectification.action.escalate': '复查未整改，移交处理',
  'inspection.conflict.action.withdraw': '撤回回避申报',
};

const en: InspectionMessages = {
  'validation.inspection.plan.scopeEmpty': 'Choose at least one industry to inspect.',
  'validation.inspection.plan.ratio': 'A sampling ratio is a whole percentage from 0 to 100.',
  'validation.inspection.plan.raisedBelowGrade':
    'Subjects with an open risk warning or an overdue rectification must be sampled at least as often as any other group (the highest is now {{percent}}%).',
  'validation.inspection.plan.poolTooSmall': 'The inspector pool needs at least two different inspectors.',
  'validation.inspection.plan.seed': 'The random seed is a whole number from 0 to {{max}}.',
  'validation.inspection.plan.unknown':
    'The inspection plan named does not exist or has not been drawn, so nothing can be inspected under it.',
  'validation.inspection.plan.subjectNotDrawn':
    'The plan did not draw this subject, so it cannot be inspected under that plan.',
  'validation.inspection.plan.inspectorsNotDrawn':
    'The inspectors are not the two the plan drew for this subject; the inspectors drawn carry it out.',
  'validation.inspection.plan.conflictIgnored':
    'The draw did not keep out an inspector who had declared a conflict of interest, so it is not valid; make the plan again and draw it.',
  'validation.inspection.conflict.alreadyDeclared':
    'This inspector’s conflict with this subject is already declared.',
  'validation.inspection.conflict.forOthers':
    'An inspector declares only his own conflicts; ask an administrator to declare one for someone else.',
  'validation.inspection.template.itemCodeTwice': 'The item number {{code}} is used twice.',
  'validation.inspection.template.unknownCatalogItem': 'The credit catalog has no item {{code}}.',
  'validation.inspection.template.catalogIndustry':
    'The catalog item {{code}} does not apply to the industry of this checklist.',
  'validation.inspection.template.basisMissing': 'Give the legal basis of this checklist item.',
  'validation.inspection.template.noCoreItem':
    'A checklist needs at least one core item (checked at every credit grade).',
  'validation.inspection.template.itemEmpty':
    'Every checklist item needs its number and its wording in Chinese and in English.',
  'validation.inspection.template.industry':
    'A checklist belongs to construction, property services, real-estate development or brokerage.',
  'validation.inspection.template.headMismatch':
    'The checklist’s industry and version must match the code and version it is published under.',
  'validation.inspection.template.versionOfDefault':
    'The checklist version must be above the built-in version {{version}}, which inspections already use.',
  'validation.inspection.planOrReason':
    'Choose the inspection plan, or give the reason for an ad hoc inspection (one of the two).',
  'validation.inspection.adHocReason': 'An ad hoc inspection follows a complaint, a referral or a follow-up.',
  'validation.inspection.publicity.days':
    'The publication deadline is a whole number of {{min}} to {{max}} working days.',
  'validation.inspection.inspectorsTwo': 'Every inspection needs two different inspectors.',
  'validation.inspection.inspectorIsContact':
    'This inspector is a contact of the inspected party or has declared a conflict of interest, and may not inspect it.',
  'validation.inspection.endBeforeStart': 'The inspection cannot end before it started.',
  'validation.inspection.itemTwice': 'The checklist item {{code}} appears twice.',
  'validation.inspection.itemWithoutResult':
    'Choose a result for this item: compliant, non-compliant or not applicable.',
  'validation.inspection.photoHash': 'This photo reference is not valid; add the photo again.',
  'validation.inspection.tooManyPhotos': 'At most {{max}} photos per item.',
  'validation.inspection.findingWithoutResult':
    'The checklist item of this finding has no result yet; record the result first.',
  'validation.inspection.findingOnCompliant':
    'An item found compliant or not applicable cannot have a finding.',
  'validation.inspection.nonCompliantWithoutFinding': 'Record the finding for this non-compliant item.',
  'validation.inspection.deadlinePast': 'The rectification deadline cannot be before today ({{today}}).',
  'validation.inspection.itemNotInTemplate': 'The checklist has no item {{code}}.',
  'validation.inspection.templateUnknown':
    'Version {{version}} of the checklist this record uses was never published by the city platform; synchronise, then submit again.',
  'validation.inspection.itemNotAtDepth':
    'Item {{code}} is beyond the depth of this inspection and cannot have a result.',
  'validation.inspection.rectification.days': 'Rectification takes {{min}} to {{max}} working days.',
  'validation.inspection.rectification.unknownItem': 'The checklist has no item {{code}}.',
  'validation.inspection.rectification.notEscalated':
    'A credit record can only be proposed for an order escalated after a failed re-inspection.',
  'validation.inspection.rectification.unknownCatalogItem':
    'The credit catalog has no item {{code}}, so no credit record can be proposed.',
  'validation.inspection.rectification.notNegative':
    'The catalog item of this checklist item is neither a risk warning nor a dishonesty record, so no credit record can be proposed.',
  'validation.inspection.photo.empty': '“{{name}}” is empty; take or choose the photo again.',
  'validation.inspection.photo.tooLarge': '“{{name}}” is larger than {{maxMb}} MB; choose a smaller photo.',
  'validation.inspection.photo.notImage': '“{{name}}” is not a photo (JPEG, PNG or WebP pictures only).',
  'validation.inspection.photo.corrupt':
    '“{{name}}” is damaged or incomplete and cannot be opened; take it again.',
  'validation.inspection.notDraft':
    'This inspection has been submitted; it changes only after it is returned.',
  'validation.inspection.indexField':
    'The lookup details the inspection carries (rectification deadlines, month done, publicity) do not match its record; it is refused.',
  'validation.inspection.notInspector': 'Only the inspectors of this inspection may change its record.',
  'validation.inspection.rectification.beforeClose':
    'Rectification orders are issued when the inspection is closed.',
  'validation.inspection.rectification.ordersAltered':
    'A rectification order (finding, deadline, catalog item) does not change; only its re-inspection is recorded.',
  'validation.inspection.rectification.unknownFinding':
    'This inspection has no finding for that rectification order.',
  'inspection.workflow.action.submit': 'Submit for review',
  'inspection.workflow.action.return': 'Return for changes',
  'inspection.workflow.action.close': 'Close',
  'inspection.workflow.action.publish': 'Record publication',
  'inspection.rectification.action.confirm': 'Re-inspected: rectified',
  'inspection.rectification.action.escalate': 'Re-inspected: not rectified, escalate',
  'inspection.conflict.action.withdraw': 'Withdraw the declaration',
};

export const inspectionMessages: { 'zh-CN': InspectionMessages; en: InspectionMessages } = {
  'zh-CN': zhCN,
  en,
};
