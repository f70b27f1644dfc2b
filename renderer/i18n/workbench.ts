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
  stepDialog: {
    text: { opinion: '审核意见', reason: '理由' },
    note: { opinion: '审核意见：{{note}}', reason: '理由：{{note}}' },
    kept: '将记入审核记录和审计日志，并在记录上显示',
    returnedTitle: '此记录已被退回，请按退回理由修改后重新提交',
    reportedOn: '上报日期',
    reportDone: { report: '已记为已上报', correctReport: '已更正上报日期', withdrawReport: '已撤回上报' },
    record: {
      submit: '提交后，记录交审核员审核，您不能再修改内容；审核前可以撤回提交。',
      withdraw: '撤回后，记录回到草稿，审核员不再看到它；您可以修改后重新提交。',
      return: '退回后，记录回到草稿交录入人修改；退回理由会显示在记录顶部。',
      approve:
        '审核通过后，记录按公示规则对外公示，内容不能再修改；有错误只能撤销或信用修复，且都会留下记录。',
      repair: '信用修复后，记录停止公示。此操作不能撤回。',
      revoke: '撤销后，记录停止公示并标记为已撤销。此操作不能撤回。',
    },
    report: {
      report:
        '将此决定记为已于所选日期上报市级平台（不能晚于今天，不能早于决定日期）。上报日期计入及时率；如有错误，可更正或撤回上报，均记入审计日志。',
      correctReport: '更正已记录的上报日期。原日期保留在修改记录中，理由记入审计日志。',
      withdrawReport: '撤回上报记录，决定回到“待上报”状态。原日期保留在修改记录中，理由记入审计日志。',
    },
  },
  listExport: {
    button: '导出',
    title: '导出{{list}}',
    what: '将按当前筛选条件导出 {{count}} 条{{list}}；个人信息按您的权限遮蔽。导出会记入审计日志。',
    reason: '导出理由',
    reasonHint: '例如：报送县政府的季度名单',
    done: '已导出 {{count}} 条',
    recordSearch: '标题、文号或信用主体名称',
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
  stepDialog: {
    text: { opinion: 'Review opinion', reason: 'Reason' },
    note: { opinion: 'Review opinion: {{note}}', reason: 'Reason: {{note}}' },
    kept: 'Kept in the review history and the audit trail, and shown on the record',
    returnedTitle: 'This record was returned: change it as the reason says and submit it again',
    reportedOn: 'Reporting date',
    reportDone: {
      report: 'Recorded as reported',
      correctReport: 'Reporting date corrected',
      withdrawReport: 'Report withdrawn',
    },
    record: {
      submit:
        'Once submitted, the record goes to a reviewer and you can no longer change it; you can withdraw the submission until it is reviewed.',
      withdraw:
        'The record becomes a draft again and leaves the reviewers’ list; you can change it and submit it again.',
      return:
        'The record goes back to its author as a draft; the return reason is shown at the top of the record.',
      approve:
        'Once approved, the record is published under its publicity rules and can no longer be changed; a mistake can only be revoked or repaired, both on record.',
      repair: 'After credit repair the record is no longer published. This cannot be undone.',
      revoke: 'The record is no longer published and is marked revoked. This cannot be undone.',
    },
    report: {
      report:
        'Records that this decision was reported to the city platform on the chosen date (not after today, not before the decision). The date counts for the timeliness rate; a mistake can be corrected or withdrawn, both on record in the audit trail.',
      correctReport:
        'Changes the recorded reporting date. The old date stays in the change history; the reason goes to the audit trail.',
      withdrawReport:
        'Withdraws the report: the decision is due for reporting again. The old date stays in the change history; the reason goes to the audit trail.',
    },
  },
  listExport: {
    button: 'Export',
    title: 'Export {{list}}',
    what: 'Exports the {{count}} rows of {{list}} the filters select; personal data masked as your role sees it. The export is recorded in the audit trail.',
    reason: 'Reason for the export',
    reasonHint: 'For example: the quarterly list for the county government',
    done: '{{count}} rows exported',
    recordSearch: 'Title, document number or subject name',
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
