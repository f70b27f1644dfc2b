/**
 * UI text of the shell's own pages (not found, not allowed), the dashboard's to-do list and the
 * readable audit trail, under the `page.`, `todo.` and `auditText.` keys.
 */
const zhCN = {
  page: {
    notFoundTitle: '没有这个页面',
    notFoundBody: '地址“{{path}}”不对应任何页面，可能已过期或输入有误。',
    notAllowedTitle: '无权使用此页面',
    toDashboard: '返回工作台',
    goBack: '返回',
    showPassword: '显示或隐藏密码',
  },
  todo: {
    title: '待办事项',
    loading: '正在查找待办事项…',
    empty: '暂无待办事项。',
    refused: '{{count}} 条记录被平台拒收，需要修改',
    conflicts: '{{count}} 处同步冲突待处理',
    kind: {
      sync: '同步问题',
      reportOverdue: '已逾期未上报的双公示决定',
      reportDue: '{{workingDays}} 个工作日内到期的双公示上报',
      awaitingReview: '待我审核的信用记录',
      returnedDraft: '被退回的草稿',
      publicityEnding: '{{days}} 天内公示期届满的信用记录',
    },
    date: {
      reportOverdue: '上报期限 {{date}}，已逾期',
      reportDue: '上报期限 {{date}}',
      awaitingReview: '{{date}} 提交',
      returnedDraft: '{{date}} 退回',
      publicityEnding: '公示至 {{date}}',
    },
  },
  auditText: {
    column: '经过',
    acted: '{{user}} {{action}}',
    actedOn: '{{user}} {{action}}：{{record}}',
    created: '{{user}} 新建了{{record}}',
    bulkCreated: '{{user}} 一次新建了 {{count}} 条{{type}}',
    changed: '{{user}} 将{{record}}的{{changes}}',
    change: '{{field}}由“{{from}}”改为“{{to}}”',
    changeSeparator: '，',
    record: '{{type}}“{{name}}”',
    complexValue: '（多项内容）',
    details: '明细',
    hideDetails: '收起明细',
    field: '项目',
    value: '内容',
    type: {
      other: '记录',
      subjects: { any: '信用主体', enterprise: '企业', practitioner: '从业人员' },
      creditRecords: { any: '信用记录' },
      disclosures: { any: '双公示决定', licence: '行政许可', penalty: '行政处罚' },
      users: { any: '用户' },
      settings: { any: '本机设置' },
      auditLog: { any: '审计日志' },
    },
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

const en: Messages<typeof zhCN> = {
  page: {
    notFoundTitle: 'No such page',
    notFoundBody: 'The address “{{path}}” leads to no page; it may be out of date or mistyped.',
    notAllowedTitle: 'You cannot use this page',
    toDashboard: 'Back to the dashboard',
    goBack: 'Back',
    showPassword: 'Show or hide the password',
  },
  todo: {
    title: 'To do',
    loading: 'Looking for work to do…',
    empty: 'Nothing to do right now.',
    refused: '{{count}} records refused by the platform need changes',
    conflicts: '{{count}} sync conflicts to resolve',
    kind: {
      sync: 'Sync problems',
      reportOverdue: 'Decisions overdue for reporting',
      reportDue: 'Decisions due for reporting within {{workingDays}} working days',
      awaitingReview: 'Credit records awaiting my review',
      returnedDraft: 'My drafts returned by a reviewer',
      publicityEnding: 'Credit records whose publicity ends within {{days}} days',
    },
    date: {
      reportOverdue: 'due {{date}}, overdue',
      reportDue: 'due {{date}}',
      awaitingReview: 'submitted {{date}}',
      returnedDraft: 'returned {{date}}',
      publicityEnding: 'public until {{date}}',
    },
  },
  auditText: {
    column: 'What happened',
    acted: '{{user}}: {{action}}',
    actedOn: '{{user}}: {{action}}, {{record}}',
    created: '{{user}} created {{record}}',
    bulkCreated: '{{user}} created {{count}} records at once ({{type}})',
    changed: '{{user}} changed {{record}}: {{changes}}',
    change: '{{field}} from “{{from}}” to “{{to}}”',
    changeSeparator: '; ',
    record: '{{type}} “{{name}}”',
    complexValue: '(several values)',
    details: 'Details',
    hideDetails: 'Hide details',
    field: 'Item',
    value: 'Value',
    type: {
      other: 'record',
      subjects: { any: 'subject', enterprise: 'enterprise', practitioner: 'practitioner' },
      creditRecords: { any: 'credit record' },
      disclosures: { any: 'licence or penalty decision', licence: 'licence', penalty: 'penalty' },
      users: { any: 'user' },
      settings: { any: 'settings of this computer' },
      auditLog: { any: 'audit trail' },
    },
  },
};

export const workbenchMessages = { 'zh-CN': zhCN, en };
