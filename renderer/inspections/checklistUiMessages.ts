/** UI text of the checklist templates screen, zh-CN and English (`checklistUi.`). */
const zhCN = {
  'checklistUi.title': '检查表模板',
  'checklistUi.intro':
    '检查表由市级平台统一发布，全市各县区使用同一版本，检查结果和信用评价才能相互比较。新建的检查使用当日施行的版本；已有的检查记录始终按其登记时的版本显示，发布新版本不会改变它们。',
  'checklistUi.publish.title': '如何发布新版本',
  'checklistUi.publish.step1':
    '以本页所列的现行版本为基础修改检查项：每项须有编号、中英文内容、法律依据和不合格时对应的信用信息目录事项，编号不得重复。',
  'checklistUi.publish.step2':
    '管理员可在本页编辑下一版本的草稿并下载，或直接下载与现行版本相同的草稿文件另行修改；将修改后的检查表以新的版本号（大于现行版本）和施行日期交市级平台管理员，由其用平台的“发布参考数据”命令发布；不符合上述要求的版本会被拒绝并说明原因。',
  'checklistUi.publish.step3':
    '已发布的版本不得修改，如需调整请再发布一个新版本。各县区电脑同步后即按施行日期使用。',
  'checklistUi.version': '第 {{version}} 版',
  'checklistUi.inForceSince': '自 {{date}} 起施行（市级平台发布）',
  'checklistUi.builtIn': '系统内置版本（市级平台尚未发布新版本）',
  'checklistUi.count': '共 {{count}} 项',
  'checklistUi.inForceItems': '现行第 {{version}} 版的检查项',
  'checklistUi.column.code': '编号',
  'checklistUi.column.item': '检查内容（中文 / 英文）',
  'checklistUi.column.depth': '最低检查深度',
  'checklistUi.column.basis': '法律依据',
  'checklistUi.column.catalog': '不合格时对应的目录事项',
  'checklistUi.draft.button': '下载第 {{version}} 版草稿',
  'checklistUi.draft.fileName': '检查表_{{industry}}_第{{version}}版草稿.json',
  'checklistUi.draft.done': '已保存第 {{version}} 版草稿：修改检查项和施行日期后交市级平台管理员发布。',
  'checklistUi.editor.start': '编辑第 {{version}} 版草稿',
  'checklistUi.editor.title': '第 {{version}} 版草稿（您的草稿，仅保存在本机）',
  'checklistUi.editor.intro':
    '在现行版本的基础上增删、排序和修改检查项。草稿随时自动保存在本机您的账户下（其他管理员在本机看不到也不会改动它），关闭或刷新页面后仍在，直到您放弃它；下载前会检查每一项。',
  'checklistUi.editor.stale':
    '此草稿以第 {{from}} 版为基础，而现行版本已是第 {{inForce}} 版，不能再作为下一版本下载。请放弃此草稿，以现行版本为基础重新编辑。',
  'checklistUi.editor.unsaved':
    '最近的修改未能保存到本机，关闭或刷新页面会丢失这些修改。请先下载草稿，或稍后再改一处以重新保存。',
  'checklistUi.editor.textZh': '检查内容（中文）',
  'checklistUi.editor.textEn': '检查内容（英文）',
  'checklistUi.editor.basisHint': '每行一项法律、法规或标准',
  'checklistUi.editor.up': '将检查项 {{code}} 上移',
  'checklistUi.editor.down': '将检查项 {{code}} 下移',
  'checklistUi.editor.remove': '从草稿中删除检查项 {{code}}',
  'checklistUi.editor.itemNamed': '{{code}}“{{text}}”',
  'checklistUi.editor.removeTitle': '删除检查项',
  'checklistUi.editor.removeConfirm': '将从草稿中删除检查项 {{item}}及其填写的全部内容。',
  'checklistUi.editor.removeKeep': '保留检查项',
  'checklistUi.editor.removeYes': '删除检查项',
  'checklistUi.editor.add': '添加检查项',
  'checklistUi.editor.download': '下载第 {{version}} 版草稿',
  'checklistUi.editor.invalid': '草稿有 {{count}} 处问题，已在对应检查项旁标出；改正后才能下载。',
  'checklistUi.editor.publishNote':
    '下载的文件交市级平台管理员，由其用平台的“发布参考数据”命令发布后才生效；版本一经发布不得修改，如需调整请再编辑并发布下一个版本。',
  'checklistUi.editor.discard': '放弃草稿',
  'checklistUi.editor.discardConfirm':
    '将从本机删除第 {{version}} 版草稿及其全部修改，无法恢复。现行版本和已下载的文件不受影响。',
  'checklistUi.editor.keep': '保留草稿',
  'checklistUi.editor.discardYes': '删除草稿',
};

const en: typeof zhCN = {
  'checklistUi.title': 'Checklist templates',
  'checklistUi.intro':
    'Checklists are published by the city platform, and every county of the city uses the same version, so that inspection results and credit grades stay comparable. A new inspection uses the version in force on its day; an existing inspection always shows the version it was recorded with, whatever is published later.',
  'checklistUi.publish.title': 'How to publish a new version',
  'checklistUi.publish.step1':
    'Start from the version in force shown here. Every item needs a number, its wording in Chinese and English, its legal basis and the catalog item a failure maps to; no number may be used twice.',
  'checklistUi.publish.step2':
    'Administrators edit the draft of the next version on this page and download it (or download the version in force, renumbered, to edit elsewhere), and give the edited checklist, with a new version number (above the one in force) and the date it applies from, to the administrator of the city platform, who publishes it with the “publish reference data” command of the platform; a version breaking these rules is refused with the reason.',
  'checklistUi.publish.step3':
    'A published version never changes: to adjust it, publish another version. County computers use it from its start date once they have synchronised.',
  'checklistUi.version': 'Version {{version}}',
  'checklistUi.inForceSince': 'In force since {{date}} (published by the city platform)',
  'checklistUi.builtIn': 'Built-in version (the city platform has published none yet)',
  'checklistUi.count': '{{count}} items',
  'checklistUi.inForceItems': 'Items of version {{version}}, in force',
  'checklistUi.column.code': 'Number',
  'checklistUi.column.item': 'Item (English / Chinese)',
  'checklistUi.column.depth': 'Checked from',
  'checklistUi.column.basis': 'Legal basis',
  'checklistUi.column.catalog': 'Catalog item a failure maps to',
  'checklistUi.draft.button': 'Download a draft of version {{version}}',
  'checklistUi.draft.fileName': 'checklist_{{industry}}_version-{{version}}-draft.json',
  'checklistUi.draft.done':
    'Draft of version {{version}} saved: edit its items and start date, then hand it to the administrator of the city platform to publish.',
  'checklistUi.editor.start': 'Edit the draft of version {{version}}',
  'checklistUi.editor.title': 'Draft of version {{version}} (yours, kept on this computer only)',
  'checklistUi.editor.intro':
    'Add, remove, reorder and edit items, starting from the version in force. The draft is saved on this computer under your account as you type (other administrators of this computer neither see nor change it) and is still here after closing or reloading the page, until you discard it; every item is checked before download.',
  'checklistUi.editor.stale':
    'This draft was started from version {{from}}, but version {{inForce}} is now in force, so it can no longer be downloaded as the next version. Discard it and edit again from the version in force.',
  'checklistUi.editor.unsaved':
    'The latest edits could not be saved on this computer and would be lost on closing or reloading the page. Download the draft first, or make another edit later to save again.',
  'checklistUi.editor.textZh': 'Item (Chinese)',
  'checklistUi.editor.textEn': 'Item (English)',
  'checklistUi.editor.basisHint': 'One law, regulation or standard per line',
  'checklistUi.editor.up': 'Move item {{code}} up',
  'checklistUi.editor.down': 'Move item {{code}} down',
  'checklistUi.editor.remove': 'Remove item {{code}} from the draft',
  'checklistUi.editor.itemNamed': '{{code}} “{{text}}”',
  'checklistUi.editor.removeTitle': 'Remove item',
  'checklistUi.editor.removeConfirm':
    'This removes item {{item}} and everything written in it from the draft.',
  'checklistUi.editor.removeKeep': 'Keep the item',
  'checklistUi.editor.removeYes': 'Remove the item',
  'checklistUi.editor.add': 'Add an item',
  'checklistUi.editor.download': 'Download the draft of version {{version}}',
  'checklistUi.editor.invalid':
    'The draft has {{count}} problems, marked at their items; fix them to download it.',
  'checklistUi.editor.publishNote':
    'Hand the downloaded file to the administrator of the city platform: it applies only once published with the platform’s “publish reference data” command. A published version never changes; to adjust it, edit and publish the next version.',
  'checklistUi.editor.discard': 'Discard draft',
  'checklistUi.editor.discardConfirm':
    'This deletes the draft of version {{version}} and all its edits from this computer, with no way back. The version in force and files already downloaded are not affected.',
  'checklistUi.editor.keep': 'Keep the draft',
  'checklistUi.editor.discardYes': 'Delete the draft',
};

export const checklistUiMessages = { 'zh-CN': zhCN, en } as const;
