/**
 * Words of the desktop shell, in i18next's flat key → message form. The main process uses the
 * dialog texts itself; the renderer merges the `desktop.error.*` keys to explain a rejected bridge call.
 */
export const desktopMessages = {
  'zh-CN': {
    'desktop.dialog.saveTitle': '保存文件',
    'desktop.dialog.openTitle': '选择文件',
    'desktop.dialog.pdfTitle': '导出 PDF',
    'desktop.dialog.pdfFilter': 'PDF 文档',
    'desktop.dialog.supportedFiles': '支持的文件（{{extensions}}）',
    'desktop.dialog.cancel': '取消',
    'desktop.link.confirmMessage': '在浏览器中打开此链接？',
    'desktop.link.confirmDetail': '{{url}}\n\n这不是信用档案认可的网站，请仅在信任它时打开。',
    'desktop.link.open': '打开',
    'desktop.platform.confirmMessage': '允许信用档案连接到平台 {{origin}}？',
    'desktop.platform.confirmDetail':
      '信用档案只连接此处允许的一个平台。窗口将重新启动以应用此设置，之后请重新输入登记码。',
    'desktop.platform.allow': '允许并重新启动',
    'desktop.error.senderRejected': '请求来自不受信任的页面，已拒绝。',
    'desktop.error.invalidRequest': '请求内容不符合要求，已拒绝。',
    'desktop.error.fileTooLarge': '文件超过 {{limitMb}} MB，无法打开。',
    'desktop.error.fileTypeRejected': '只能打开以下类型的文件：{{extensions}}。',
    'desktop.error.notRegularFile': '所选项目不是普通文件，无法打开。',
    'desktop.error.saveTypeRejected': '信用档案不保存此类型的文件（{{extension}}）。',
    'desktop.error.saveTooLarge': '文件超过 {{limitMb}} MB，无法保存。',
    'desktop.error.externalUrlRejected': '只能在浏览器中打开 https 链接。',
    'desktop.error.secretStorageUnavailable': '系统密钥存储不可用，无法保存凭据。',
    'desktop.error.operationFailed': '操作失败，请重试。',
  },
  en: {
    'desktop.dialog.saveTitle': 'Save file',
    'desktop.dialog.openTitle': 'Choose a file',
    'desktop.dialog.pdfTitle': 'Export PDF',
    'desktop.dialog.pdfFilter': 'PDF document',
    'desktop.dialog.supportedFiles': 'Supported files ({{extensions}})',
    'desktop.dialog.cancel': 'Cancel',
    'desktop.link.confirmMessage': 'Open this link in your browser?',
    'desktop.link.confirmDetail':
      '{{url}}\n\nThis is not a site CreditDesk knows. Open it only if you trust it.',
    'desktop.link.open': 'Open',
    'desktop.platform.confirmMessage': 'Allow CreditDesk to connect to the platform at {{origin}}?',
    'desktop.platform.confirmDetail':
      'CreditDesk connects only to the one platform allowed here. The window restarts to apply this; then enter the enrollment code again.',
    'desktop.platform.allow': 'Allow and restart',
    'desktop.error.senderRejected': 'The request came from an untrusted page and was refused.',
    'desktop.error.invalidRequest': 'The request was malformed and was refused.',
    'desktop.error.fileTooLarge': 'The file is larger than {{limitMb}} MB and cannot be opened.',
    'desktop.error.fileTypeRejected': 'Only these file types can be opened: {{extensions}}.',
    'desktop.error.notRegularFile': 'The chosen item is not an ordinary file and cannot be opened.',
    'desktop.error.saveTypeRejected': 'CreditDesk does not save files of this type ({{extension}}).',
    'desktop.error.saveTooLarge': 'The file is larger than {{limitMb}} MB and cannot be saved.',
    'desktop.error.externalUrlRejected': 'Only https links can be opened in the browser.',
    'desktop.error.secretStorageUnavailable':
      'The system keychain is unavailable, so the credential cannot be saved.',
    'desktop.error.operationFailed': 'The operation failed. Please try again.',
  },
} as const satisfies Record<'zh-CN' | 'en', Record<string, string>>;
