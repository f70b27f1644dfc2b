/**
 * Messages of credit commitments in zh-CN and en: flat i18next keys, `{{param}}` interpolation and
 * `$t(key)` nesting to name code values, as shared/creditRecords/messages.ts. Issue codes map to
 * `validation.<code>`.
 */
import { acceptanceRules } from './acceptance.ts';
import { commitmentActions } from './workflow.ts';
import { commitmentStatuses, commitmentTypes } from './types.ts';

type Messages = Record<string, string>;

const zhCN: Messages = {
  'validation.commitment.numberFormat': '承诺书编号应为 6 位区划代码、8 位日期和 6 位流水号，共 20 位数字',
  'validation.commitment.subjectDeregistered': '该主体已注销，不能作出新的信用承诺',
  'validation.commitment.unknownMatter': '承诺事项目录清单中没有编码为 {{code}} 的事项',
  'validation.commitment.matterCodeDuplicate': '承诺事项编码 {{code}} 重复',
  'validation.commitment.matterWithdrawn':
    '“{{matter}}”已从现行承诺事项目录清单中撤销，不能再受理该事项的承诺',
  'validation.commitment.typeNotForMatter': '“{{matter}}”不适用“$t(commitment.type.{{type}})”承诺',
  'validation.commitment.signatoryMissing': '请填写签字人：受理的承诺书须由承诺人签字',
  'validation.commitment.materialsRequired': '容缺受理须列明暂缺的材料',
  'validation.commitment.materialsOnlyForMissingMaterials': '只有容缺受理承诺填写暂缺材料和补交期限',
  'validation.commitment.deadlineBeforeSigning': '补交期限不能早于签署日期',
  'validation.commitment.repairedRecordRequired': '信用修复承诺须指明所修复的信用记录',
  'validation.commitment.outcomeTooEarly': '承诺尚未到履约核查环节，不能填写核查结论',
  'validation.commitment.breachWithoutFacts': '认定违诺或虚假承诺须写明核查认定的事实',
  'validation.commitment.unfulfilledContentRequired': '部分履行或全部未履行须写明未履行的内容',
  'validation.commitment.actionTakenRequired': '部分履行或全部未履行须写明对违诺采取的处理措施',
  'validation.commitment.workingDays': '工作日数应为 0 到 {{max}} 之间的整数',
  'validation.commitment.serialBlockExhausted':
    '本机 {{date}} 的承诺书编号只剩 {{left}} 个，不够编 {{count}} 份。请连接市级平台并同步（本机会自动申请新的编号段）后再编号，或在本县另一台电脑上办理',
  'validation.commitment.illegalTransition':
    '状态为“$t(commitment.status.{{from}})”的承诺不能执行“$t(commitment.action.{{action}})”',
  'validation.commitment.noteRequired': '“$t(commitment.action.{{action}})”须填写理由',
  'validation.commitment.acceptanceCheckRequired': '受理前须完成信用状况核查',
  'validation.commitment.findingMismatch': '只能确认已登记的核查结论“$t(commitment.status.{{proposed}})”',
  'commitment.type.approvalSubstitution': '审批替代型（告知承诺）',
  'commitment.type.missingMaterials': '容缺受理型',
  'commitment.type.certification': '证明事项型',
  'commitment.type.creditRepair': '信用修复型',
  'commitment.type.industrySelfDiscipline': '行业自律型',
  'commitment.type.voluntary': '主动型',
  'commitment.type.other': '其他',
  'commitment.status.draft': '草稿',
  'commitment.status.accepted': '已受理',
  'commitment.status.breachProposed': '违诺待确认',
  'commitment.status.fulfilled': '全部履行',
  'commitment.status.partlyFulfilled': '部分履行',
  'commitment.status.notFulfilled': '全部未履行',
  'commitment.status.falseCommitment': '虚假承诺',
  'commitment.status.withdrawn': '已撤回',
  'commitment.action.accept': '受理',
  'commitment.action.withdrawDraft': '撤回草稿',
  'commitment.action.withdraw': '撤回',
  'commitment.action.fulfil': '登记履行',
  'commitment.action.proposeBreach': '登记违诺',
  'commitment.action.confirmPartlyFulfilled': '确认部分履行',
  'commitment.action.confirmNotFulfilled': '确认全部未履行',
  'commitment.action.confirmFalseCommitment': '确认虚假承诺',
  'commitment.action.rejectBreach': '退回违诺认定',
  'commitment.publicity.public': '公开',
  'commitment.publicity.notPublic': '不公开',
  'commitment.acceptanceRule.activeSeriousDishonest': '有公示期内的严重失信信息，不适用容缺受理或告知承诺',
  'commitment.acceptanceRule.seriousDishonestList': '被列入严重失信主体名单，不适用容缺受理或告知承诺',
  'commitment.acceptanceRule.earlierFalseCommitment': '曾作出虚假承诺，不适用容缺受理或告知承诺',
  'commitment.acceptanceRule.gradeNotEligible':
    '信用等级为 {{grade}}，按分级分类监管措施不适用容缺受理或告知承诺',
  'commitment.acceptanceRule.activeGeneralDishonest': '有公示期内的一般失信信息，请审慎受理',
  'commitment.acceptanceRule.earlierBreach': '曾有未履行或部分履行的承诺，请审慎受理',
  'commitment.acceptance.eligible': '信用状况符合受理条件',
  'commitment.acceptance.notEligible': '信用状况不符合受理条件',
  'commitment.followUp.pending': '未到期',
  'commitment.followUp.dueSoon': '即将到期（剩 {{count}} 个工作日）',
  'commitment.followUp.overdue': '已逾期 {{count}} 个工作日',
  'commitment.metric.ratio': '信用承诺比值',
  'commitment.metric.ratioDetail':
    '（承诺 {{commitments}} 份 + 履约践诺 {{records}} 条）÷ 企业 {{enterprises}} 家，目标 > {{target}}',
  'commitment.metric.fulfilmentRate': '承诺履约率',
  'commitment.metric.overdue': '逾期未补交',
  'commitment.field.number': '承诺书编号',
  'commitment.field.subjectId': '承诺主体',
  'commitment.field.type': '承诺类型',
  'commitment.field.matterCode': '承诺事项',
  'commitment.field.reason': '承诺事由',
  'commitment.field.content': '承诺内容',
  'commitment.field.missingMaterials': '暂缺材料',
  'commitment.field.materialsDeadline': '补交期限',
  'commitment.field.liability': '违诺责任',
  'commitment.field.signatory': '签字人',
  'commitment.field.signingDate': '签署日期',
  'commitment.field.acceptingUnit': '受理单位',
  'commitment.field.acceptedBy': '受理人',
  'commitment.field.publicity': '公开类型',
  'commitment.field.status': '履行状态',
  'commitment.field.facts': '核查认定事实',
  'commitment.field.unfulfilledContent': '未履行内容',
  'commitment.field.actionTaken': '违诺处理措施',
  'commitment.field.decidingUnit': '认定单位',
  'commitment.field.decisionDate': '认定日期',
};

const en: Messages = {
  'validation.commitment.numberFormat':
    'A commitment number is 20 digits: 6-digit division code, 8-digit date and 6-digit serial',
  'validation.commitment.subjectDeregistered': 'This subject is deregistered and cannot make new commitments',
  'validation.commitment.unknownMatter': 'The list of commitment matters has no matter with code {{code}}',
  'validation.commitment.matterCodeDuplicate': 'The commitment matter code {{code}} is used twice',
  'validation.commitment.matterWithdrawn':
    '“{{matter}}” has been withdrawn from the list of commitment matters in force; no commitment can be accepted for it',
  'validation.commitment.typeNotForMatter':
    '“{{matter}}” does not take $t(commitment.type.{{type}}) commitments',
  'validation.commitment.signatoryMissing': 'Enter the signatory: an accepted letter must be signed',
  'validation.commitment.materialsRequired':
    'An accept-with-missing-materials commitment must list the missing materials',
  'validation.commitment.materialsOnlyForMissingMaterials':
    'Only accept-with-missing-materials commitments have missing materials and a deadline',
  'validation.commitment.deadlineBeforeSigning':
    'The deadline for the materials cannot be before the signing date',
  'validation.commitment.repairedRecordRequired':
    'A credit-repair commitment must name the credit record it repairs',
  'validation.commitment.outcomeTooEarly':
    'The commitment is not yet being checked: no finding can be recorded',
  'validation.commitment.breachWithoutFacts': 'A breach or false commitment needs the facts found',
  'validation.commitment.unfulfilledContentRequired':
    'Partly or not fulfilled: state what of the promise was not kept',
  'validation.commitment.actionTakenRequired':
    'Partly or not fulfilled: state the action taken on the breach',
  'validation.commitment.workingDays': 'Working days must be a whole number from 0 to {{max}}',
  'validation.commitment.serialBlockExhausted':
    'This computer has {{left}} commitment numbers left for {{date}}, not enough for {{count}}. Connect to the city platform and sync (this computer then asks for a new number block by itself) and try again, or take the letter on another computer of the county',
  'validation.commitment.illegalTransition':
    'A commitment that is $t(commitment.status.{{from}}) cannot be given “$t(commitment.action.{{action}})”',
  'validation.commitment.noteRequired': '“$t(commitment.action.{{action}})” needs a reason',
  'validation.commitment.acceptanceCheckRequired': 'Check the subject’s credit state before accepting',
  'validation.commitment.findingMismatch':
    'Only the finding recorded can be confirmed: $t(commitment.status.{{proposed}})',
  'commitment.type.approvalSubstitution': 'Approval substitution (notification and commitment)',
  'commitment.type.missingMaterials': 'Accepted with missing materials',
  'commitment.type.certification': 'Certification matter',
  'commitment.type.creditRepair': 'Credit repair',
  'commitment.type.industrySelfDiscipline': 'Industry self-discipline',
  'commitment.type.voluntary': 'Voluntary',
  'commitment.type.other': 'Other',
  'commitment.status.draft': 'Draft',
  'commitment.status.accepted': 'Accepted',
  'commitment.status.breachProposed': 'Breach awaiting confirmation',
  'commitment.status.fulfilled': 'Fully fulfilled',
  'commitment.status.partlyFulfilled': 'Partly fulfilled',
  'commitment.status.notFulfilled': 'Not fulfilled',
  'commitment.status.falseCommitment': 'False commitment',
  'commitment.status.withdrawn': 'Withdrawn',
  'commitment.action.accept': 'Accept',
  'commitment.action.withdrawDraft': 'Withdraw the draft',
  'commitment.action.withdraw': 'Withdraw',
  'commitment.action.fulfil': 'Record fulfilment',
  'commitment.action.proposeBreach': 'Record a breach',
  'commitment.action.confirmPartlyFulfilled': 'Confirm: partly fulfilled',
  'commitment.action.confirmNotFulfilled': 'Confirm: not fulfilled',
  'commitment.action.confirmFalseCommitment': 'Confirm: false commitment',
  'commitment.action.rejectBreach': 'Return the breach finding',
  'commitment.publicity.public': 'Public',
  'commitment.publicity.notPublic': 'Not public',
  'commitment.acceptanceRule.activeSeriousDishonest':
    'Serious dishonest information still public: not eligible for commitment-based acceptance',
  'commitment.acceptanceRule.seriousDishonestList':
    'On a serious-dishonesty list: not eligible for commitment-based acceptance',
  'commitment.acceptanceRule.earlierFalseCommitment':
    'Made a false commitment before: not eligible for commitment-based acceptance',
  'commitment.acceptanceRule.gradeNotEligible':
    'Credit grade {{grade}}: its supervision measures allow no acceptance with missing materials or on notification and commitment',
  'commitment.acceptanceRule.activeGeneralDishonest':
    'General dishonest information still public: accept with care',
  'commitment.acceptanceRule.earlierBreach': 'Earlier commitments partly or not fulfilled: accept with care',
  'commitment.acceptance.eligible': 'Credit state allows acceptance',
  'commitment.acceptance.notEligible': 'Credit state does not allow acceptance',
  'commitment.followUp.pending': 'Not yet due',
  'commitment.followUp.dueSoon': 'Due soon ({{count}} working days left)',
  'commitment.followUp.overdue': 'Overdue by {{count}} working days',
  'commitment.metric.ratio': 'Commitment ratio',
  'commitment.metric.ratioDetail':
    '(commitments: {{commitments}} + fulfilment records: {{records}}) ÷ enterprises: {{enterprises}}; target above {{target}}',
  'commitment.metric.fulfilmentRate': 'Fulfilment rate',
  'commitment.metric.overdue': 'Materials overdue',
  'commitment.field.number': 'Commitment number',
  'commitment.field.subjectId': 'Committing party',
  'commitment.field.type': 'Commitment type',
  'commitment.field.matterCode': 'Matter',
  'commitment.field.reason': 'Reason',
  'commitment.field.content': 'Promise',
  'commitment.field.missingMaterials': 'Missing materials',
  'commitment.field.materialsDeadline': 'Deadline for materials',
  'commitment.field.liability': 'Liability for breach',
  'commitment.field.signatory': 'Signatory',
  'commitment.field.signingDate': 'Signing date',
  'commitment.field.acceptingUnit': 'Accepting unit',
  'commitment.field.acceptedBy': 'Accepted by',
  'commitment.field.publicity': 'Publicity',
  'commitment.field.status': 'Fulfilment status',
  'commitment.field.facts': 'Facts found',
  'commitment.field.unfulfilledContent': 'What was not fulfilled',
  'commitment.field.actionTaken': 'Action taken on the breach',
  'commitment.field.decidingUnit': 'Deciding unit',
  'commitment.field.decisionDate': 'Decision date',
};

export const commitmentMessages: { 'zh-CN': Messages; en: Messages } = { 'zh-CN': zhCN, en };

/** Every code-value label the module must define, for the completeness test. */
export const labelledCodes: readonly string[] = [
  ...commitmentTypes.map((code) => `commitment.type.${code}`),
  ...commitmentStatuses.map((code) => `commitment.status.${code}`),
  ...commitmentActions.map((code) => `commitment.action.${code}`),
  ...acceptanceRules.map((code) => `commitment.acceptanceRule.${code}`),
];
