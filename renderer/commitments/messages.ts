/**
 * The commitment screens' text in zh-CN and English: flat keys under `commitmentUi`, and the refusals
 * the repository itself gives (under `validation.commitment`).
 */
import type { CommitmentAction } from '../../shared/commitments/workflow.ts';

type Messages = Record<string, string>;

const zhConsequence: Record<CommitmentAction, string> = {
  accept: '受理后承诺书生效，签字人、签署日期不再修改；将记录受理时的信用状况核查结果，并由您作为受理人。',
  withdrawDraft: '撤回这份草稿，承诺书不再生效（历史记录保留）。',
  withdraw: '撤回已受理的承诺，承诺书不再生效，不纳入信用记录（历史记录保留）。',
  fulfil: '登记全部履行，并同时生成一条履约践诺信用记录（守信激励或基础信息）提交审核。',
  proposeBreach:
    '登记违诺，并同时生成一条拟纳入的失信信息提交审核；须由未参与登记的审核员确认后才生效（双人复核）。',
  confirmPartlyFulfilled: '确认部分履行的核查结论，并同时批准由此生成的失信信息。',
  confirmNotFulfilled: '确认全部未履行的核查结论，并同时批准由此生成的失信信息。',
  confirmFalseCommitment: '确认虚假承诺的核查结论，并同时批准由此生成的失信信息。',
  rejectBreach: '退回违诺认定，承诺回到“已受理”，拟纳入的失信信息一并退回为草稿。',
};

const enConsequence: Record<CommitmentAction, string> = {
  accept:
    'The letter takes effect: signatory and signing date can no longer change; the credit-state check is saved and you are named as the accepting official.',
  withdrawDraft: 'Withdraws this draft; the letter never takes effect (its history is kept).',
  withdraw:
    'Withdraws the accepted commitment; it no longer counts and enters no credit record (history kept).',
  fulfil:
    'Records full fulfilment and files a fulfilment credit record (credit-enhancing or basic) for review.',
  proposeBreach:
    'Records a breach and proposes a dishonest record for review; it takes effect only when a reviewer who took no part confirms it (four-eyes).',
  confirmPartlyFulfilled:
    'Confirms the finding “partly fulfilled” and approves the dishonest record it proposed.',
  confirmNotFulfilled: 'Confirms the finding “not fulfilled” and approves the dishonest record it proposed.',
  confirmFalseCommitment:
    'Confirms the finding “false commitment” and approves the dishonest record it proposed.',
  rejectBreach:
    'Returns the breach finding: the commitment is accepted again and the proposed record goes back to draft.',
};

const zhDone: Record<CommitmentAction, string> = {
  accept: '已受理',
  withdrawDraft: '草稿已撤回',
  withdraw: '承诺已撤回',
  fulfil: '已登记履行，履约信用记录已提交审核',
  proposeBreach: '已登记违诺，拟纳入的失信信息已提交审核',
  confirmPartlyFulfilled: '已确认部分履行，失信信息已批准',
  confirmNotFulfilled: '已确认全部未履行，失信信息已批准',
  confirmFalseCommitment: '已确认虚假承诺，失信信息已批准',
  rejectBreach: '违诺认定已退回',
};

const enDone: Record<CommitmentAction, string> = {
  accept: 'Accepted',
  withdrawDraft: 'Draft withdrawn',
  withdraw: 'Commitment withdrawn',
  fulfil: 'Fulfilment recorded; its credit record awaits review',
  proposeBreach: 'Breach recorded; the proposed dishonest record awaits review',
  confirmPartlyFulfilled: 'Partly fulfilled confirmed; the dishonest record is approved',
  confirmNotFulfilled: 'Not fulfilled confirmed; the dishonest record is approved',
  confirmFalseCommitment: 'False commitment confirmed; the dishonest record is approved',
  rejectBreach: 'Breach finding returned',
};

function prefixed(prefix: string, entries: Record<string, string>): Messages {
  return Object.fromEntries(Object.entries(entries).map(([key, value]) => [`${prefix}.${key}`, value]));
}

const zhCN: Messages = {
  'validation.commitment.excluded.activeSeriousDishonest':
    '不能受理：该主体有公示期内的严重失信信息，不适用容缺受理或告知承诺',
  'validation.commitment.excluded.seriousDishonestList':
    '不能受理：该主体被列入严重失信主体名单，不适用容缺受理或告知承诺',
  'validation.commitment.excluded.earlierFalseCommitment':
    '不能受理：该主体曾作出虚假承诺，不适用容缺受理或告知承诺',
  'validation.commitment.excluded.gradeNotEligible':
    '不能受理：该主体信用等级为 {{grade}}，按分级分类监管措施不适用容缺受理或告知承诺',
  'validation.commitment.notDraft': '已受理的承诺书不能修改，只能通过流程操作',
  'validation.commitment.republishThroughBreach': '恢复公示须经确认违背信用修复承诺办理，不能单独操作',
  'commitmentUi.republishNotice':
    '这是信用修复承诺：确认违诺后，所修复的信用记录将同时恢复公示，按其目录项最长公示期限公示。',
  'commitmentUi.nav': '信用承诺',
  'commitmentUi.title': '信用承诺',
  'commitmentUi.tab': '信用承诺',
  'commitmentUi.new': '新建承诺书',
  'commitmentUi.editTitle': '修改承诺书草稿',
  'commitmentUi.search': '编号或主体名称',
  'commitmentUi.followUp': '跟踪',
  'commitmentUi.followUpFilter.dueSoon': '即将到期',
  'commitmentUi.followUpFilter.overdue': '已逾期',
  'commitmentUi.openOnly': '只看履行中',
  'commitmentUi.order.label': '排序',
  'commitmentUi.order.recent': '最近更新在前',
  'commitmentUi.order.name': '按主体名称',
  'commitmentUi.noneMatch': '没有符合条件的承诺',
  'commitmentUi.noneForSubject': '该主体还没有信用承诺',
  'commitmentUi.openBadge': '{{count}} 份承诺履行中',
  'commitmentUi.heading': '{{name}} · {{type}}',
  'commitmentUi.print': '打印承诺书',
  'commitmentUi.printed': '承诺书 PDF 已保存',
  'commitmentUi.letterFileName': '信用承诺书_{{number}}',
  'commitmentUi.missingCharacters': 'PDF 已保存，但字库缺少以下字符，打印为空白：{{characters}}',
  'commitmentUi.checkedAt': '核查时间：{{at}}',
  'commitmentUi.checkPreview': '当前信用状况（受理时将再次核查并随承诺书保存）',
  'commitmentUi.noFindings': '未发现失信信息、名单记录或以往违诺',
  'commitmentUi.findingCount': '（{{count}} 条）',
  'commitmentUi.finding': '核查结论',
  'commitmentUi.result': '核查结论',
  'commitmentUi.creditRecords': '由此生成的信用记录',
  'commitmentUi.creditRecord': '信用记录 {{index}}',
  'commitmentUi.scans': '签字承诺书扫描件',
  'commitmentUi.addScan': '添加扫描件',
  'commitmentUi.noScans': '尚未添加签字承诺书扫描件',
  'commitmentUi.scanAdded': '已添加扫描件 {{name}}',
  'commitmentUi.history': '办理记录',
  'commitmentUi.stepBy': '{{by}} · {{at}}',
  'commitmentUi.registeredParty': '已登记主体',
  'commitmentUi.newParty': '尚未登记的主体（同时登记）',
  'commitmentUi.partyName': '主体名称',
  'commitmentUi.partyCode': '统一社会信用代码',
  'commitmentUi.partyIndustry': '行业',
  'commitmentUi.onePerLine': '每行一项',
  'commitmentUi.deadlineHint': '按该事项默认 {{days}} 个工作日（节假日顺延）计算，可修改',
  'commitmentUi.fillTemplate': '按承诺类型模板填写',
  'commitmentUi.public': '向社会公开',
  'commitmentUi.acceptedByHint':
    '保存为草稿，可先打印给承诺人签字；在承诺书页面点击“受理”时记录受理人和信用状况核查。',
  'commitmentUi.saveDraft': '保存草稿',
  'commitmentUi.close': '关闭',
  'commitmentUi.campaign.open': '年度行业自律承诺',
  'commitmentUi.campaign.title': '年度行业自律信用承诺',
  'commitmentUi.campaign.consequence':
    '将为所选行业每一家存续企业生成一份“{{matter}}”承诺书草稿（已有本年度承诺的企业不重复生成），并合并打印为一个 PDF。签字扫描件收回后，在各承诺书页面添加扫描件并受理。',
  'commitmentUi.campaign.industries': '行业',
  'commitmentUi.campaign.year': '年度',
  'commitmentUi.campaign.run': '生成并打印',
  'commitmentUi.campaign.progress': '已完成 {{done}} / {{total}}',
  'commitmentUi.campaign.done': '新生成 {{count}} 份承诺书，{{already}} 家企业本年度已有承诺',
  'commitmentUi.campaign.cancelled': '已取消：已生成的 {{count}} 份保留，再次运行会补齐其余企业',
  'commitmentUi.campaign.fileName': '{{year}}年度行业自律信用承诺书',
  'commitmentUi.markSigned.open': '标记已签署',
  'commitmentUi.markSigned.title': '批量标记承诺书已签署',
  'commitmentUi.markSigned.campaign': '{{year}}年度 · {{matter}}',
  'commitmentUi.markSigned.campaignLabel': '批次',
  'commitmentUi.markSigned.industry': '行业',
  'commitmentUi.markSigned.allIndustries': '全部行业',
  'commitmentUi.markSigned.consequence':
    '将把 {{count}} 份尚未签署的承诺书标记为已签署并受理：签字人为承诺书上的签字人或企业法定代表人，签署日期为所选日期，每份单独记录受理环节，您作为受理人。已签署的不会重复标记。',
  'commitmentUi.markSigned.run': '标记已签署',
  'commitmentUi.markSigned.done': '已标记 {{count}} 份；{{already}} 份此前已签署，未重复标记',
  'commitmentUi.markSigned.cancelled': '已取消：已标记的 {{count}} 份保留，其余仍为草稿',
  'commitmentUi.markSigned.refused': '{{number}}：{{reason}}',
  'commitmentUi.markSigned.letters': '勾选已收回签字件的承诺书（{{ticked}} / {{total}} 份已勾选）',
  'commitmentUi.markSigned.find': '按编号或主体名称查找',
  'commitmentUi.markSigned.tickShown': '勾选所列',
  'commitmentUi.markSigned.untickShown': '取消勾选所列',
  'commitmentUi.markSigned.moreLetters': '仅列出前 {{shown}} 份，共 {{total}} 份符合；输入编号或名称缩小范围',
  'commitmentUi.publication.export': '导出承诺公示文件',
  'commitmentUi.publication.fileName': '信用承诺公示',
  'commitmentUi.publication.done': '已导出 {{count}} 份公开的信用承诺',
  'commitmentUi.dashboard.title': '信用承诺',
  'commitmentUi.dashboard.rateDetail': '全部履行 {{fulfilled}} 份 / 已有核查结论 {{decided}} 份',
  'commitmentUi.dashboard.overdueDetail': '容缺受理超过补交期限仍未办结',
  'commitmentUi.todo.title': '信用承诺跟踪（{{count}}）',
  // Refusals the repository gives when numbering or asking the platform for a block.
  'validation.commitment.serialBlockAwaited':
    '本机已登记到市级平台，但尚未收到平台分配的承诺书编号段。请连接平台同步一次后再编号，或在本县另一台电脑上办理',
  'validation.commitment.serialBlock.offline': '无法连接市级平台，未能申请编号段。请联网后再试',
  'validation.commitment.serialBlock.notEnrolled': '本机尚未登记到市级平台，不能申请编号段',
  'validation.commitment.serialBlock.refused': '市级平台未分配编号段：{{reason}}',
  'commitmentUi.serialBlock.title': '承诺书编号段',
  'commitmentUi.serialBlock.mode.platform': '由市级平台分配',
  'commitmentUi.serialBlock.mode.awaiting': '等待平台分配',
  'commitmentUi.serialBlock.mode.standalone': '未登记到平台',
  'commitmentUi.serialBlock.explain.platform':
    '本机的承诺书流水号取自市级平台分配给本机的编号段，同一区县的其他电脑不会使用这些号码，离线编号也不会重号。当天剩余号码不足两千个时，本机联网后会自动申请新的编号段。',
  'commitmentUi.serialBlock.explain.awaiting':
    '本机已登记到市级平台，下次同步时会收到平台分配的编号段；在此之前本机不能为承诺书编号。',
  'commitmentUi.serialBlock.explain.standalone':
    '本机尚未登记到市级平台，承诺书流水号取自 0 号编号段。在登记到平台之前，本县请只用这一台电脑编号承诺书，否则可能重号。',
  'commitmentUi.serialBlock.range': '流水号 {{first}}–{{last}}',
  'commitmentUi.serialBlock.leftToday': '今天还可编 {{count}} 份',
  'commitmentUi.serialBlock.request': '申请新的编号段',
  'commitmentUi.serialBlock.requestConsequence':
    '将向市级平台为本机申请一个新的编号段（一万个流水号）。编号段分配后归本机永久使用，不会收回。',
  'commitmentUi.serialBlock.received': '已收到新的编号段',
  'commitmentUi.reminder': '提醒：{{name}} 的容缺材料补交期限 {{date}} 已过，请核查履约情况',
  'commitmentUi.todo.dueSoon': '补交期限 {{date}}，即将到期',
  'commitmentUi.todo.overdue': '补交期限 {{date}}，已逾期',
  ...prefixed('commitmentUi.consequence', zhConsequence),
  ...prefixed('commitmentUi.done', zhDone),
};

const en: Messages = {
  'validation.commitment.excluded.activeSeriousDishonest':
    'Cannot accept: the subject has serious dishonest information still public, which rules out commitment-based acceptance',
  'validation.commitment.excluded.seriousDishonestList':
    'Cannot accept: the subject is on a serious-dishonesty list, which rules out commitment-based acceptance',
  'validation.commitment.excluded.earlierFalseCommitment':
    'Cannot accept: the subject made a false commitment before, which rules out commitment-based acceptance',
  'validation.commitment.excluded.gradeNotEligible':
    'Cannot accept: the subject’s credit grade is {{grade}}, whose supervision measures rule out commitment-based acceptance',
  'validation.commitment.notDraft': 'An accepted letter cannot be edited; only workflow steps change it',
  'validation.commitment.republishThroughBreach':
    'A record is published again only when a breach of its credit-repair commitment is confirmed',
  'commitmentUi.republishNotice':
    'This is a credit-repair commitment: confirming the breach also publishes the repaired record again, for the longest period its catalog item allows.',
  'commitmentUi.nav': 'Commitments',
  'commitmentUi.title': 'Credit commitments',
  'commitmentUi.tab': 'Commitments',
  'commitmentUi.new': 'New commitment',
  'commitmentUi.editTitle': 'Edit the draft commitment',
  'commitmentUi.search': 'Number or subject name',
  'commitmentUi.followUp': 'Follow-up',
  'commitmentUi.followUpFilter.dueSoon': 'Due soon',
  'commitmentUi.followUpFilter.overdue': 'Overdue',
  'commitmentUi.openOnly': 'Open only',
  'commitmentUi.order.label': 'Order',
  'commitmentUi.order.recent': 'Recently updated first',
  'commitmentUi.order.name': 'By subject name',
  'commitmentUi.noneMatch': 'No commitments match',
  'commitmentUi.noneForSubject': 'This subject has no commitments yet',
  'commitmentUi.openBadge': '{{count}} open commitments',
  'commitmentUi.heading': '{{name}} · {{type}}',
  'commitmentUi.print': 'Print the letter',
  'commitmentUi.printed': 'Letter PDF saved',
  'commitmentUi.letterFileName': 'Commitment letter {{number}}',
  'commitmentUi.missingCharacters':
    'PDF saved, but the font lacks these characters and printed them blank: {{characters}}',
  'commitmentUi.checkedAt': 'Checked {{at}}',
  'commitmentUi.checkPreview':
    'Credit state now (checked again and saved with the letter when it is accepted)',
  'commitmentUi.noFindings': 'No dishonest records, list entries or earlier breaches found',
  'commitmentUi.findingCount': ' ({{count}})',
  'commitmentUi.finding': 'Finding',
  'commitmentUi.result': 'Finding',
  'commitmentUi.creditRecords': 'Credit records it produced',
  'commitmentUi.creditRecord': 'Credit record {{index}}',
  'commitmentUi.scans': 'Scanned signed letter',
  'commitmentUi.addScan': 'Add a scan',
  'commitmentUi.noScans': 'No scan of the signed letter yet',
  'commitmentUi.scanAdded': 'Scan {{name}} added',
  'commitmentUi.history': 'History',
  'commitmentUi.stepBy': '{{by}} · {{at}}',
  'commitmentUi.registeredParty': 'Registered subject',
  'commitmentUi.newParty': 'Not yet registered (register it now)',
  'commitmentUi.partyName': 'Subject name',
  'commitmentUi.partyCode': 'Unified social credit code',
  'commitmentUi.partyIndustry': 'Industry',
  'commitmentUi.onePerLine': 'One per line',
  'commitmentUi.deadlineHint': 'The matter’s {{days}} working days (holidays skipped); you may change it',
  'commitmentUi.fillTemplate': 'Fill from the type’s template',
  'commitmentUi.public': 'Public',
  'commitmentUi.acceptedByHint':
    'Saved as a draft, to be printed and signed first; “Accept” on the letter’s page records you as accepting official and saves the credit-state check.',
  'commitmentUi.saveDraft': 'Save draft',
  'commitmentUi.close': 'Close',
  'commitmentUi.campaign.open': 'Annual self-discipline campaign',
  'commitmentUi.campaign.title': 'Annual industry self-discipline commitments',
  'commitmentUi.campaign.consequence':
    'Creates a draft “{{matter}}” letter for every active enterprise of the chosen industries (none for an enterprise that already has one this year) and prints them as one PDF. As signed scans come back, add each scan on the letter’s page and accept it.',
  'commitmentUi.campaign.industries': 'Industries',
  'commitmentUi.campaign.year': 'Year',
  'commitmentUi.campaign.run': 'Create and print',
  'commitmentUi.campaign.progress': '{{done}} of {{total}} done',
  'commitmentUi.campaign.done':
    '{{count}} letters created; {{already}} enterprises already had one this year',
  'commitmentUi.campaign.cancelled':
    'Cancelled: the {{count}} letters created are kept; running it again completes the rest',
  'commitmentUi.campaign.fileName': 'Self-discipline commitments {{year}}',
  'commitmentUi.markSigned.open': 'Mark signed',
  'commitmentUi.markSigned.title': 'Mark commitment letters signed',
  'commitmentUi.markSigned.campaign': '{{year}} · {{matter}}',
  'commitmentUi.markSigned.campaignLabel': 'Campaign',
  'commitmentUi.markSigned.industry': 'Industry',
  'commitmentUi.markSigned.allIndustries': 'All industries',
  'commitmentUi.markSigned.consequence':
    'Marks {{count}} unsigned letters as signed and accepts them: signed by the signatory on the letter or the enterprise’s legal representative, on the date chosen; each gets its own acceptance step, with you as the accepting official. Letters already signed are not marked again.',
  'commitmentUi.markSigned.run': 'Mark signed',
  'commitmentUi.markSigned.done':
    '{{count}} marked signed; {{already}} were already signed and were left as they were',
  'commitmentUi.markSigned.cancelled':
    'Cancelled: the {{count}} letters marked stay signed; the rest remain drafts',
  'commitmentUi.markSigned.refused': '{{number}}: {{reason}}',
  'commitmentUi.markSigned.letters':
    'Tick the letters whose signed copies came back ({{ticked}} of {{total}} ticked)',
  'commitmentUi.markSigned.find': 'Find by number or subject name',
  'commitmentUi.markSigned.tickShown': 'Tick those listed',
  'commitmentUi.markSigned.untickShown': 'Untick those listed',
  'commitmentUi.markSigned.moreLetters':
    'Only the first {{shown}} of {{total}} matching letters are listed; type a number or name to narrow them',
  'commitmentUi.publication.export': 'Export commitment publication file',
  'commitmentUi.publication.fileName': 'Commitment publication',
  'commitmentUi.publication.done': '{{count}} public commitments exported',
  'commitmentUi.dashboard.title': 'Credit commitments',
  'commitmentUi.dashboard.rateDetail': '{{fulfilled}} fully fulfilled of {{decided}} with a finding',
  'commitmentUi.dashboard.overdueDetail': 'Missing materials past their deadline',
  'commitmentUi.todo.title': 'Commitment follow-up ({{count}})',
  // Refusals the repository gives when numbering or asking the platform for a block.
  'validation.commitment.serialBlockAwaited':
    'This computer is enrolled on the city platform but has not yet received its commitment number block. Connect to the platform and sync once, then try again, or take the letter on another computer of the county',
  'validation.commitment.serialBlock.offline':
    'The city platform could not be reached, so no block was given. Try again when online',
  'validation.commitment.serialBlock.notEnrolled':
    'This computer is not enrolled on a city platform and cannot ask for a number block',
  'validation.commitment.serialBlock.refused': 'The city platform gave no block: {{reason}}',
  'commitmentUi.serialBlock.title': 'Commitment number blocks',
  'commitmentUi.serialBlock.mode.platform': 'Given by the city platform',
  'commitmentUi.serialBlock.mode.awaiting': 'Waiting for the platform',
  'commitmentUi.serialBlock.mode.standalone': 'Not enrolled on a platform',
  'commitmentUi.serialBlock.explain.platform':
    'This computer takes commitment serials from the blocks the city platform gave it; no other computer of the county uses them, so letters numbered offline never share a number. When fewer than 2,000 numbers are left for the day, this computer asks for another block as soon as it is online.',
  'commitmentUi.serialBlock.explain.awaiting':
    'This computer is enrolled on the city platform and receives its number block with the next sync; until then it cannot number commitment letters.',
  'commitmentUi.serialBlock.explain.standalone':
    'This computer is not enrolled on a city platform and takes serials from block 0. Until it is enrolled, number commitment letters on this one computer only, or two letters may share a number.',
  'commitmentUi.serialBlock.range': 'Serials {{first}}–{{last}}',
  'commitmentUi.serialBlock.leftToday': 'Numbers left for today: {{count}}',
  'commitmentUi.serialBlock.request': 'Ask for a new block',
  'commitmentUi.serialBlock.requestConsequence':
    'This asks the city platform for one more number block (10,000 serials) for this computer. A block given stays this computer’s for good.',
  'commitmentUi.serialBlock.received': 'A new number block has arrived',
  'commitmentUi.reminder':
    'Reminder: the deadline {{date}} for {{name}}’s missing materials has passed; check fulfilment',
  'commitmentUi.todo.dueSoon': 'materials due {{date}}',
  'commitmentUi.todo.overdue': 'materials were due {{date}}: overdue',
  ...prefixed('commitmentUi.consequence', enConsequence),
  ...prefixed('commitmentUi.done', enDone),
};

export const commitmentUiMessages: { 'zh-CN': Messages; en: Messages } = { 'zh-CN': zhCN, en };
