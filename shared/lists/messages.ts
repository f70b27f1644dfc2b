/** Messages of the red and black list rules in zh-CN and en (flat keys, issue codes under `validation.`). */
type Messages = Record<string, string>;

const zhCN: Messages = {
  'validation.lists.basisRequired':
    '名单须以法律、行政法规、地方性法规或党中央、国务院政策性文件为依据，请填写依据',
  'validation.lists.unknownCatalogItem': '目录中没有编码为 {{code}} 的信息项',
  'validation.lists.minCount': '触发次数应为不小于 1 的整数',
  'validation.lists.months': '期限应为 1 到 {{max}} 个月',
  'validation.lists.noGrades': '红名单规则须指定至少一个信用等级',
  'validation.lists.unknownRule': '没有编号为 {{rule}} 的名单规则',
  'validation.lists.noTrigger': '列入名单须指明触发的信用记录',
  'validation.lists.endBeforeStart': '截止日期不能早于列入日期',
  'lists.exit.revoked': '触发的信用记录已撤销',
  'lists.exit.repaired': '触发的信用记录已修复',
  'lists.exit.periodEnded': '列入期限届满',
  'lists.exit.noLongerQualifies': '不再符合列入条件',
  'validation.lists.notExited': '尚未移出名单的条目不能填写移出原因或移出日期',
  'validation.lists.fixedOnceProposed': '名单条目提出后内容不可更改，只能通过审核、移出等步骤处理',
  'lists.action.propose': '提请列入',
  'lists.action.approve': '批准列入',
  'lists.action.reject': '不予列入',
  'lists.action.exit': '移出名单',
  'lists.action.record': '记录省级评价',
  'validation.lists.provincialRecordedOnly':
    '省级公共信用综合评价只能按省里公布的结果记录，不能提请、审核或移出',
  'lists.status.draft': '草稿',
  'lists.status.proposed': '待审核',
  'lists.status.listed': '已列入',
  'lists.status.rejected': '不予列入',
  'lists.status.exited': '已移出',
};

const en: Messages = {
  'validation.lists.basisRequired':
    'A list must rest on a law, administrative regulation, local regulation or central policy document: enter its basis',
  'validation.lists.unknownCatalogItem': 'The catalog has no item with code {{code}}',
  'validation.lists.minCount': 'The trigger count must be a whole number of 1 or more',
  'validation.lists.months': 'The period must be 1 to {{max}} months',
  'validation.lists.noGrades': 'A red list rule names at least one grade',
  'validation.lists.unknownRule': 'There is no list rule {{rule}}',
  'validation.lists.noTrigger': 'A list entry names the credit records that triggered it',
  'validation.lists.endBeforeStart': 'The end date cannot be before the entry date',
  'lists.exit.revoked': 'The triggering credit record was revoked',
  'lists.exit.repaired': 'The triggering credit record was repaired',
  'lists.exit.periodEnded': 'The listing period ended',
  'lists.exit.noLongerQualifies': 'No longer meets the entry criteria',
  'validation.lists.notExited': 'Only an entry taken off its list has an exit reason and exit date',
  'validation.lists.fixedOnceProposed':
    'A list entry cannot be changed once proposed; it is decided, rejected or exited through its steps',
  'lists.action.propose': 'Propose entry',
  'lists.action.approve': 'Approve entry',
  'lists.action.reject': 'Reject entry',
  'lists.action.exit': 'Take off the list',
  'lists.action.record': 'Record provincial evaluation',
  'validation.lists.provincialRecordedOnly':
    "The province's comprehensive credit evaluation is only recorded as the province published it; it is not proposed, reviewed or taken off",
  'lists.status.draft': 'Draft',
  'lists.status.proposed': 'Awaiting review',
  'lists.status.listed': 'Listed',
  'lists.status.rejected': 'Rejected',
  'lists.status.exited': 'Taken off',
};

export const listMessages: { 'zh-CN': Messages; en: Messages } = { 'zh-CN': zhCN, en };
