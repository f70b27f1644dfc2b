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
