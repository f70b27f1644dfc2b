/**
 * The platform's public /verify page, rendered on the server in Chinese or English: enter a report's
 * verification code, or choose the PDF (its SHA-256 is checked by /verify/v1/file). It shows only whether
 * the report is genuine, the issuing office and the issue time.
 */
import { reportPaths, type VerificationAnswer } from '../../shared/reports/protocol.ts';

export type PageLanguage = 'zh-CN' | 'en';

const messages = {
  'zh-CN': {
    title: '信用报告核验',
    intro:
      '输入信用报告上的核验码，或选择报告的 PDF 文件，核验报告是否由本市住房城乡建设部门出具且未被改动。',
    codeLabel: '核验码',
    check: '核验',
    fileLabel: '报告文件（PDF）',
    checkFile: '核验文件',
    genuine: '报告真实有效',
    office: '出具单位',
    issuedAt: '出具时间',
    code: '核验码',
    unknownCode: '未找到该核验码：报告不是由本平台登记的，或核验码输入有误。请核对后重试。',
    notRegistered: '文件核验未通过：该文件与平台登记的任何报告都不一致，可能已被改动或从未登记。',
    invalidCode: '核验码格式不正确：应为 12 位字母和数字，如 K7QF-3MZP-W9RX。',
    notPdf: '所选文件不是 PDF 报告。',
    failed: '暂时无法核验，请稍后重试。',
    throttled: '核验次数过多：本网络短时间内核验了太多次，请在 {seconds} 秒后重试。',
    other: 'English',
    keyNote: '平台签名公钥',
  },
  en: {
    title: 'Verify a credit report',
    intro:
      'Enter the verification code printed on a credit report, or choose the report’s PDF, to check that a housing office of this city issued it and that it has not been altered.',
    codeLabel: 'Verification code',
    check: 'Verify',
    fileLabel: 'Report file (PDF)',
    checkFile: 'Verify file',
    genuine: 'The report is genuine',
    office: 'Issued by',
    issuedAt: 'Issued at',
    code: 'Code',
    unknownCode:
      'No report carries this code: it was not registered on this platform, or the code was mistyped. Check it and try again.',
    notRegistered:
      'The file did not pass: it matches no report registered on the platform; it may have been altered or never registered.',
    invalidCode: 'This is not a verification code: it has 12 letters and digits, such as K7QF-3MZP-W9RX.',
    notPdf: 'The chosen file is not a PDF report.',
    failed: 'The report cannot be verified right now; try again later.',
    throttled:
      'Too many verifications: this network has verified too often in a short time. Try again in {seconds} seconds.',
    other: '中文',
    keyNote: 'Platform signing key',
  },
} as const;

type Messages = (typeof messages)[PageLanguage];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function pageLanguage(query: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  if (query === 'en' || query === 'zh-CN') return query;
  return (acceptLanguage ?? 'zh-CN').toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** `2026-10-01 10:00` in China time, or in UTC+8 written out for English readers. */
function issueTime(instant: string, language: PageLanguage): string {
  const local = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();
  const text = `${local.slice(0, 10)} ${local.slice(11, 16)}`;
  return language === 'en' ? `${text} (China time)` : text;
}

function answerHtml(answer: VerificationAnswer, m: Messages, language: PageLanguage): string {
  if (!answer.genuine) return `<p class="result bad" role="status">${escapeHtml(m[answer.reason])}</p>`;
  return `<div class="result good" role="status"><p><strong>${escapeHtml(m.genuine)}</strong></p><dl>
<dt>${escapeHtml(m.office)}</dt><dd>${escapeHtml(answer.officeName)}（${escapeHtml(answer.countyName)}）</dd>
<dt>${escapeHtml(m.issuedAt)}</dt><dd>${escapeHtml(issueTime(answer.issuedAt, language))}</dd>
<dt>${escapeHtml(m.code)}</dt><dd>${escapeHtml(answer.code)}</dd></dl></div>`;
}

function throttledHtml(m: Messages, seconds: number): string {
  return `<p class="result bad" role="status">${escapeHtml(m.throttled.replace('{seconds}', String(seconds)))}</p>`;
}

export function renderVerifyPage(
  language: PageLanguage,
  options: { code: string; answer: VerificationAnswer | null; publicKey: string; waitSeconds?: number },
): string {
  const m = messages[language];
  const other: PageLanguage = language === 'en' ? 'zh-CN' : 'en';
  const otherHref = `${reportPaths.verifyPage}?lang=${other}${options.code ? `&code=${encodeURIComponent(options.code)}` : ''}`;
  const fileAnswers = {
    genuine: m.genuine,
    office: m.office,
    issuedAt: m.issuedAt,
    code: m.code,
    notRegistered: m.notRegistered,
    notPdf: m.notPdf,
    failed: m.failed,
    throttled: m.throttled,
  };
  const wait = options.waitSeconds ?? 0;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
<style>
body{font-family:system-ui,"Noto Sans SC",sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
label{display:block;margin:1rem 0 .25rem;font-weight:600}input[type=text]{font-size:1.1rem;padding:.4rem;width:16rem;letter-spacing:.05em}
button{font-size:1rem;padding:.4rem 1rem;margin-left:.5rem}.result{padding:.75rem 1rem;border-radius:6px;margin:1rem 0}
.good{background:#ebfbee;border:1px solid #2f9e44}.bad{background:#fff5f5;border:1px solid #e03131}
dt{font-weight:600;margin-top:.4rem}dd{margin:0}.small{color:#555;font-size:.85rem;word-break:break-all}
</style></head><body>
<p style="text-align:right"><a href="${escapeHtml(otherHref)}">${escapeHtml(m.other)}</a></p>
<h1>${escapeHtml(m.title)}</h1><p>${escapeHtml(m.intro)}</p>
<form method="get" action="${reportPaths.verifyPage}"><input type="hidden" name="lang" value="${language}">
<label for="code">${escapeHtml(m.codeLabel)}</label>
<input id="code" name="code" type="text" autocomplete="off" value="${escapeHtml(options.code)}" placeholder="K7QF-3MZP-W9RX"><button type="submit">${escapeHtml(m.check)}</button></form>
${options.answer ? answerHtml(options.answer, m, language) : ''}${wait > 0 ? throttledHtml(m, wait) : ''}
<form id="file-form"><label for="file">${escapeHtml(m.fileLabel)}</label>
<input id="file" type="file" accept="application/pdf,.pdf"><button type="submit">${escapeHtml(m.checkFile)}</button></form>
<div id="file-result"></div>
<p class="small">${escapeHtml(m.keyNote)} (Ed25519): ${escapeHtml(options.publicKey)}</p>
<script>
const m = ${JSON.stringify(fileAnswers).replace(/</g, '\\u003c')};
const esc = (t) => String(t).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const time = (iso) => { const d = new Date(Date.parse(iso) + 8 * 3600000).toISOString(); return d.slice(0, 10) + ' ' + d.slice(11, 16)${language === 'en' ? " + ' (China time)'" : ''}; };
document.getElementById('file-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('file-result');
  const file = document.getElementById('file').files[0];
  if (!file) return;
  try {
    const response = await fetch('${reportPaths.verifyFile}', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: file });
    if (response.status === 429) {
      const seconds = response.headers.get('retry-after') || '60';
      out.innerHTML = '<p class="result bad" role="status">' + esc(m.throttled.replace('{seconds}', seconds)) + '</p>';
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    const a = await response.json();
    out.innerHTML = a.genuine
      ? '<div class="result good" role="status"><p><strong>' + esc(m.genuine) + '</strong></p><dl><dt>' + esc(m.office) + '</dt><dd>' + esc(a.officeName) + '（' + esc(a.countyName) + '）</dd><dt>' + esc(m.issuedAt) + '</dt><dd>' + esc(time(a.issuedAt)) + '</dd><dt>' + esc(m.code) + '</dt><dd>' + esc(a.code) + '</dd></dl></div>'
      : '<p class="result bad" role="status">' + esc(m[a.reason] || m.failed) + '</p>';
  } catch {
    out.innerHTML = '<p class="result bad" role="status">' + esc(m.failed) + '</p>';
  }
});
</script></body></html>`;
}
