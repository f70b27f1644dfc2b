/** UI text of credit reports (flat keys `reports.*` and their validation messages). */
const zhCN = {
  'reports.nav': '信用报告',
  'reports.title': '已出具的信用报告',
  'reports.intro':
    '本机出具的信用报告。每份报告的核验码和文件摘要登记到市信用平台后，银行或其他单位即可在平台核验页面核验真伪。',
  'reports.print': '打印信用报告',
  'reports.dialogTitle': '出具信用报告：{{name}}',
  'reports.variant.label': '报告类型',
  'reports.variant.full': '完整版',
  'reports.variant.public': '公开版',
  'reports.variant.special': '专项信用报告',
  'reports.variantHint.full': '含本单位归集的全部已确认信息，供主体本人或有权单位使用。',
  'reports.variantHint.public': '只含可向社会公开的信息，个人信息遮蔽。',
  'reports.variantHint.special': '说明期间内有无违法违规记录，可替代无违法违规记录证明。',
  'reports.purpose.label': '用途',
  'reports.purpose.tender': '招标投标',
  'reports.purpose.approval': '行政审批',
  'reports.period.from': '信息期间自',
  'reports.period.to': '至',
  'reports.willDo':
    '将生成 PDF 报告并保存到您选择的位置，出具记录写入审计日志；联网时报告的核验码登记到市信用平台，未登记前显示“待登记”。',
  'reports.issue': '生成并保存',
  'reports.issued': '已出具报告 {{number}}，核验码 {{code}}',
  'reports.missingCharacters': '报告中有 {{count}} 个字符无法用内置字体打印，已留空：{{characters}}',
  'reports.notSaved': '报告已出具并记录，但文件未保存。',
  'reports.column.number': '报告编号',
  'reports.column.subject': '主体',
  'reports.column.variant': '类型',
  'reports.column.issuedAt': '出具时间',
  'reports.column.code': '核验码',
  'reports.column.registration': '平台登记',
  'reports.registrationNote': '（{{state}}）',
  'reports.registration.registered': '已登记',
  'reports.registration.pending': '待登记',
  'reports.registration.refused': '平台拒绝',
  'reports.registerNow': '立即登记待登记报告',
  'reports.registeredCount': '已登记 {{count}} 份报告',
  'reports.notEnrolled': '本机尚未连接市信用平台：报告将在连接并同步后登记。',
  'reports.empty': '本机尚未出具信用报告。可在主体详情页点击“打印信用报告”。',
  'validation.reports.periodInvalid': '信息期间不正确：请填写起止日期，且起始日期不晚于截止日期',
  'validation.reports.purposeRequired': '专项信用报告须选择用途',
  'validation.reports.subjectNotHeld':
    '本机没有该主体的信用档案，不能出具报告（其他区县的主体须由其所在区县出具）',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  'reports.nav': 'Credit reports',
  'reports.title': 'Credit reports issued',
  'reports.intro':
    'Credit reports issued on this computer. Once a report’s code and file digest are registered on the city platform, a bank or another office can verify it on the platform’s verification page.',
  'reports.print': 'Print credit report',
  'reports.dialogTitle': 'Issue a credit report: {{name}}',
  'reports.variant.label': 'Report type',
  'reports.variant.full': 'Full',
  'reports.variant.public': 'Public',
  'reports.variant.special': 'Special report',
  'reports.variantHint.full':
    'Everything this office holds and has confirmed, for the subject itself or an entitled office.',
  'reports.variantHint.public': 'Only what the public may see; personal data masked.',
  'reports.variantHint.special':
    'States whether violation records exist in the period; replaces a “no violation records” certificate.',
  'reports.purpose.label': 'Purpose',
  'reports.purpose.tender': 'Tender',
  'reports.purpose.approval': 'Administrative approval',
  'reports.period.from': 'Period from',
  'reports.period.to': 'to',
  'reports.willDo':
    'Makes the PDF report and saves it where you choose; the issue is recorded in the audit trail. When online, the report’s code is registered on the city platform; until then it shows “pending registration”.',
  'reports.issue': 'Make and save',
  'reports.issued': 'Report {{number}} issued, verification code {{code}}',
  'reports.missingCharacters':
    '{{count}} characters of the report cannot be printed with the shipped font and were left blank: {{characters}}',
  'reports.notSaved': 'The report was issued and recorded, but the file was not saved.',
  'reports.column.number': 'Report number',
  'reports.column.subject': 'Subject',
  'reports.column.variant': 'Type',
  'reports.column.issuedAt': 'Issued',
  'reports.column.code': 'Verification code',
  'reports.column.registration': 'Platform registration',
  'reports.registrationNote': ' ({{state}})',
  'reports.registration.registered': 'Registered',
  'reports.registration.pending': 'Pending registration',
  'reports.registration.refused': 'Refused by the platform',
  'reports.registerNow': 'Register pending reports now',
  'reports.registeredCount': '{{count}} reports registered',
  'reports.notEnrolled':
    'This computer is not connected to the city platform yet: reports are registered after it connects and syncs.',
  'reports.empty':
    'No credit report was issued on this computer yet. Use “Print credit report” on a subject’s page.',
  'validation.reports.periodInvalid':
    'The period is not valid: enter both dates, the first no later than the second',
  'validation.reports.purposeRequired': 'A special report needs a purpose',
  'validation.reports.subjectNotHeld':
    'This computer holds no credit file on the subject, so it cannot issue a report (a subject of another county is reported by its own county)',
};

export const reportMessages = { 'zh-CN': zhCN, en } as const;
