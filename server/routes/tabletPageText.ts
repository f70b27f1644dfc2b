/** The words of the operators' tablet page (tabletPage.ts), in both languages. */
export type PageLanguage = 'zh-CN' | 'en';

const zhCN = {
  title: '平板现场终端：安装与登记',
  intro: '检查人员在现场使用平板上的 CreditDesk 现场终端，离线记录检查；回到有网络的地方后，通过本平台同步。',
  installTitle: '一、在平板上安装现场终端',
  installSteps:
    '在平板的浏览器（Chrome 或 Edge）中打开下面的地址，或用平板相机扫描二维码；打开后在浏览器菜单中选择“安装应用”或“添加到主屏幕”。首次打开需要联网，之后无网络也能使用。',
  shellQr: '现场终端地址的二维码',
  noShellUrl:
    '本平台尚未配置现场终端的地址：请在启动平台时设置环境变量 CREDITDESK_FIELD_SHELL_URL（现场终端所在的网址）。',
  enrollTitle: '二、登记平板',
  enrollSteps:
    '生成一个登记码后，用已安装现场终端的平板扫描登记二维码：登记页面会自动填好平台地址、县区和登记码，填写单位名称后点“登记并同步用户”。登记码只能使用一次，{{hours}} 小时内有效；登记后可在设备列表中查看或吊销这台平板。',
  county: '县区',
  countyFixed: '登记到县区：',
  issue: '生成登记码',
  issued: '登记码已生成（只显示这一次）：',
  expires: '有效期至 {{at}}（北京时间）。',
  enrollQr: '登记链接的二维码：用平板扫描',
  enrollLink: '登记链接（在平板上打开）',
  enrollManually: '在现场终端的登记页面中手工填写平台地址 {{platform}} 和上面的登记码。',
  signedInAs: '当前运维账号：',
  otherLanguage: 'English',
  signIn: '请使用平台运维账号登录后查看此页面。',
  foreignOrigin: '只能从本平台的页面生成登记码。',
  countyRequired: '请选择要登记到的县区。',
} as const;

const en: Record<keyof typeof zhCN, string> = {
  title: 'Field shell for tablets: install and enrol',
  intro:
    'Inspectors use the CreditDesk field shell on a tablet to record inspections on site, offline; back on a network, it syncs through this platform.',
  installTitle: '1. Install the field shell on the tablet',
  installSteps:
    'Open the address below in the tablet’s browser (Chrome or Edge), or scan the QR code with the tablet’s camera; then choose “Install app” or “Add to home screen” in the browser menu. The first opening needs a network; after that it works without one.',
  shellQr: 'QR code of the field shell’s address',
  noShellUrl:
    'This platform has no address of the field shell yet: set the environment variable CREDITDESK_FIELD_SHELL_URL (where the field shell is served) when starting the platform.',
  enrollTitle: '2. Enrol the tablet',
  enrollSteps:
    'Issue an enrolment code, then scan the enrolment QR code with the tablet that has the field shell: its enrolment page opens with the platform address, county and code filled in; enter the office name and choose “Enroll and sync users”. A code works once, for {{hours}} hours; the tablet then shows in the device list, where it can be revoked.',
  county: 'County',
  countyFixed: 'Enrols into county:',
  issue: 'Issue an enrolment code',
  issued: 'Enrolment code issued (shown only this once):',
  expires: 'Valid until {{at}} (Beijing time).',
  enrollQr: 'QR code of the enrolment link: scan it with the tablet',
  enrollLink: 'Enrolment link (open it on the tablet)',
  enrollManually:
    'Enter the platform address {{platform}} and the code above on the field shell’s enrolment page.',
  signedInAs: 'Operator account:',
  otherLanguage: '中文',
  signIn: 'Sign in with a platform operator account to see this page.',
  foreignOrigin: 'An enrolment code can only be issued from this platform’s own page.',
  countyRequired: 'Choose the county to enrol into.',
};

export const tabletPageText: Record<PageLanguage, Record<keyof typeof zhCN, string>> = { 'zh-CN': zhCN, en };
