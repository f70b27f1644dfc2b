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
    saveRefused: '未保存：{{message}}',
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
    saveRefused: 'Not saved: {{message}}',
  },
};

export const workbenchMessages = { 'zh-CN': zhCN, en };
