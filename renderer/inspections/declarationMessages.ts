/** UI text of declared conflicts of interest, zh-CN and English (`declarationUi.`). */
const zhCN = {
  'declarationUi.title': '回避申报',
  'declarationUi.intro':
    '检查人员与被检查主体存在利害关系（亲属任职、曾在该单位任职等）时应当申报回避。申报在撤回前有效：双随机抽取不会派该检查人员检查该主体，也不能由其实施检查。',
  'declarationUi.none': '尚无回避申报。',
  'declarationUi.column.subject': '主体',
  'declarationUi.column.inspector': '检查人员',
  'declarationUi.column.reason': '申报理由',
  'declarationUi.column.declared': '申报时间',
  'declarationUi.column.state': '状态',
  'declarationUi.state.declared': '有效',
  'declarationUi.state.withdrawn': '已撤回',
  'declarationUi.withdrawnBy': '{{name}} 撤回：{{note}}',
  'declarationUi.form.title': '新增回避申报',
  'declarationUi.form.subject': '被检查主体',
  'declarationUi.form.inspector': '需回避的检查人员',
  'declarationUi.form.reason': '申报理由',
  'declarationUi.form.consequence':
    '申报后，该检查人员不会被抽取检查该主体，也不能登记对该主体的检查；申报可撤回，撤回须说明理由并留痕。',
  'declarationUi.form.submit': '申报回避',
  'declarationUi.declared': '已申报回避。',
  'declarationUi.withdraw.consequence':
    '撤回后，该检查人员可以再次被抽取检查该主体；撤回理由将记录在案，申报本身不会删除。',
  'declarationUi.withdrawn': '回避申报已撤回。',
};

const en: typeof zhCN = {
  'declarationUi.title': 'Conflicts of interest',
  'declarationUi.intro':
    'An inspector with a conflict of interest with a subject (a relative working there, a former employer) declares it. Until withdrawn, a declaration keeps the inspector out of random draws and inspections of that subject.',
  'declarationUi.none': 'No conflicts declared yet.',
  'declarationUi.column.subject': 'Subject',
  'declarationUi.column.inspector': 'Inspector',
  'declarationUi.column.reason': 'Reason',
  'declarationUi.column.declared': 'Declared',
  'declarationUi.column.state': 'State',
  'declarationUi.state.declared': 'In force',
  'declarationUi.state.withdrawn': 'Withdrawn',
  'declarationUi.withdrawnBy': 'Withdrawn by {{name}}: {{note}}',
  'declarationUi.form.title': 'Declare a conflict of interest',
  'declarationUi.form.subject': 'Subject',
  'declarationUi.form.inspector': 'Inspector in conflict',
  'declarationUi.form.reason': 'Reason',
  'declarationUi.form.consequence':
    'Once declared, the inspector is not drawn for this subject and cannot record an inspection of it; the declaration can be withdrawn, with a recorded reason.',
  'declarationUi.form.submit': 'Declare',
  'declarationUi.declared': 'Conflict of interest declared.',
  'declarationUi.withdraw.consequence':
    'Once withdrawn, the inspector may again be drawn for this subject; the reason is recorded and the declaration itself is kept.',
  'declarationUi.withdrawn': 'Declaration withdrawn.',
};

export const declarationUiMessages = { 'zh-CN': zhCN, en } as const;
