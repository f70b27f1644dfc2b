/** UI text of the publicity (一公开) of inspection results, zh-CN and English (`publicityUi.`). */
const zhCN = {
  'publicityUi.title': '检查结果公示',
  'publicityUi.state.published': '已公示',
  'publicityUi.state.late': '逾期未公示',
  'publicityUi.state.due': '待公示',
  'publicityUi.publishedOn': '已于 {{date}} 在“{{where}}”公示。',
  'publicityUi.corrected': '（公示登记已更正 {{count}} 次，历次登记保留在处理记录中）',
  'publicityUi.dueBy': '{{closed}} 办结，应在 {{days}} 个工作日内、即 {{date}} 前公示检查结果。',
  'publicityUi.action.record': '登记公示',
  'publicityUi.action.correct': '更正公示登记',
  'publicityUi.consequence.record':
    '将登记该检查结果已公示（公示日期和公示渠道），登记后不再计入逾期未公示；登记有误可以更正。',
  'publicityUi.consequence.correct':
    '将以新的公示日期和渠道更正此前的登记；原登记保留在处理记录中，不会删除。',
  'publicityUi.date': '公示日期',
  'publicityUi.where': '公示渠道',
  'publicityUi.whereHint': '例如：县住建局门户网站“双随机、一公开”专栏、政务服务大厅公示栏',
  'publicityUi.recorded': '公示登记已保存。',
  'publicityUi.export.button': '导出检查结果公示',
  'publicityUi.export.fileName': '检查结果公示',
  'publicityUi.export.done': '已导出 {{count}} 条办结的检查结果。',
  'publicityUi.setting.title': '检查结果公示期限',
  'publicityUi.setting.explain':
    '检查办结后应在多少个工作日内公示结果（节假日按工作日历扣除，默认 {{days}} 个工作日）。这是全县统一的规则：同步后本县各台电脑和市级平台都按此期限统计逾期未公示。',
  'publicityUi.setting.label': '公示期限（工作日）',
  'publicityUi.setting.save': '保存期限',
  'publicityUi.setting.saved': '公示期限已设为 {{days}} 个工作日。',
  'publicityUi.setting.consequence':
    '将全县的检查结果公示期限由 {{current}} 个工作日改为 {{days}} 个工作日。同步后本县各台电脑和市级平台都按新期限计算公示截止日和逾期数；此项修改记入操作日志，如需调整可再次修改。',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  'publicityUi.title': 'Publication of the result',
  'publicityUi.state.published': 'Published',
  'publicityUi.state.late': 'Publication late',
  'publicityUi.state.due': 'To be published',
  'publicityUi.publishedOn': 'Published on {{date}} at “{{where}}”.',
  'publicityUi.corrected':
    '(the record was corrected {{count}} time(s); every earlier record stays in the history)',
  'publicityUi.dueBy':
    'Closed on {{closed}}; the result is due for publication within {{days}} working days, by {{date}}.',
  'publicityUi.action.record': 'Record publication',
  'publicityUi.action.correct': 'Correct the publication record',
  'publicityUi.consequence.record':
    'Records that this result was published (date and where); it then no longer counts as late. A wrong record can be corrected.',
  'publicityUi.consequence.correct':
    'Corrects the earlier record with a new date and place; the earlier record stays in the history, nothing is deleted.',
  'publicityUi.date': 'Publication date',
  'publicityUi.where': 'Published at',
  'publicityUi.whereHint': 'For example: the county housing bureau’s website, the service hall notice board',
  'publicityUi.recorded': 'The publication record is saved.',
  'publicityUi.export.button': 'Export inspection results for publication',
  'publicityUi.export.fileName': 'Inspection results',
  'publicityUi.export.done': '{{count}} closed inspection results exported.',
  'publicityUi.setting.title': 'Publication deadline of inspection results',
  'publicityUi.setting.explain':
    'Within how many working days of closing an inspection its result is published (holidays per the working-day calendar; {{days}} by default). A rule of the whole county: once synchronised, every computer of the county and the city platform count late publication by it.',
  'publicityUi.setting.label': 'Deadline (working days)',
  'publicityUi.setting.save': 'Save deadline',
  'publicityUi.setting.saved': 'The publication deadline is now {{days}} working days.',
  'publicityUi.setting.consequence':
    'Changes the county’s publication deadline from {{current}} to {{days}} working days. Once synchronised, every computer of the county and the city platform work out due dates and late results with it. The change is kept in the audit log; change it again to adjust it.',
};

export const publicityUiMessages = { 'zh-CN': zhCN, en } as const;
