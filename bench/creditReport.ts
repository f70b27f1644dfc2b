// Credit report benchmark (not a test): `npx node bench/creditReport.ts` [BENCH_RECORDS=500].
// One subject's credit report with N items in its file (credit records, penalties, licences), assembled
// (shared/reports, pure) and printed as one A4 PDF with the renderer's PDF code, here in Node, with its
// SHA-256 as the registration needs. Target: under 2 s. Baseline in the same run: the same report
// printed through pdf-lib's public API (addPage + drawText per wrapped line).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { breakLines } from '../renderer/kernel/pdf/lineBreaking.ts';
import { a4, margins } from '../renderer/kernel/pdf/textDocument.ts';
import { printCreditReport } from '../renderer/reports/printReport.ts';
import { assembleReport, type CreditReport, type ReportRequest } from '../shared/reports/report.ts';
import { sampleDecision, sampleFile, sampleRecord } from '../shared/reports/testFixtures.ts';

const items = Number(process.env.BENCH_RECORDS ?? 500);
const fontBytes = new Uint8Array(readFileSync('renderer/kernel/pdf/fonts/NotoSansSC-GB2312.ttf'));
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + (n % 900) * 86_400_000).toISOString().slice(0, 10);

// A file of `items` entries: 60 % credit records (a fifth of them positive), 20 % penalties, 20 % licences.
const records = Array.from({ length: Math.round(items * 0.6) }, (_, i) =>
  sampleRecord(1_000 + i, {
    category: i % 5 === 0 ? 'enhancing' : 'generalDishonest',
    title: `第${i + 1}条信用记录：未按规定办理竣工验收备案`,
    decisionDate: day(i),
    publicityStart: day(i),
  }),
);
const penalties = Array.from({ length: Math.round(items * 0.2) }, (_, i) =>
  sampleDecision('penalty', 5_000 + i, {
    decisionDate: day(i * 3),
    documentNumber: `武建罚字〔2025〕第${i + 1}号`,
  }),
);
const licences = Array.from({ length: items - records.length - penalties.length }, (_, i) =>
  sampleDecision('licence', 9_000 + i, { decisionDate: day(i * 5), documentNumber: `41082320250${i}` }),
);
const file = sampleFile({ creditRecords: records, disclosures: [...penalties, ...licences] });
const request: ReportRequest = {
  variant: 'full',
  period: { from: '2024-01-01', to: '2026-12-31' },
  issuedAt: '2026-10-01T02:00:00.000Z',
  today: '2026-10-01',
  officeName: '武陟县住房和城乡建设局',
  reportNumber: 'XYBG-410823-20261001-K7QF',
  verificationCode: 'K7QF-3MZP-W9RX',
};
const printOptions = { fontBytes, platformUrl: 'https://platform.example' };

/** The same report through pdf-lib's public API: addPage and one drawText per wrapped line. */
async function printNaively(report: CreditReport): Promise<number> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes);
  const width = a4.width - margins.left - margins.right;
  const lines = [
    report.title,
    ...report.identity.map((fact) => `${fact.label}：${fact.value}`),
    ...report.sections.flatMap((section) => [
      section.title,
      ...(section.entries ?? []).flatMap((entry) => [
        entry.title,
        ...entry.facts.map((fact) => `${fact.label}：${fact.value}`),
      ]),
    ]),
    ...report.notes,
  ];
  let page = pdf.addPage([a4.width, a4.height]);
  let y = a4.height - margins.top;
  for (const text of lines) {
    for (const line of breakLines(text, width, (t) => font.widthOfTextAtSize(t, 10.5), 0)) {
      if (y - 17 < margins.bottom) {
        page = pdf.addPage([a4.width, a4.height]);
        y = a4.height - margins.top;
      }
      y -= 17;
      page.drawText(line, { x: margins.left, y, size: 10.5, font });
    }
  }
  return (await pdf.save()).length;
}

async function time<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

// Warm-up (module loading, font parsing caches in V8), not timed.
await printCreditReport(assembleReport(sampleFile(), request), printOptions);

const [report, assembleMs] = await time(() => assembleReport(file, request));
const [printed, printMs] = await time(() => printCreditReport(report, printOptions));
const [, hashMs] = await time(() => createHash('sha256').update(printed.bytes).digest('hex'));
const [naiveBytes, naiveMs] = await time(() => printNaively(report));
const total = assembleMs + printMs + hashMs;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

console.log(`Credit report, one subject with ${items} items in its file (Node ${process.version})`);
console.log(`  assemble:        ${assembleMs.toFixed(0)} ms`);
console.log(
  `  print PDF:       ${printMs.toFixed(0)} ms, ${printed.pages} pages, ${mb(printed.bytes.length)}`,
);
console.log(`  SHA-256:         ${hashMs.toFixed(0)} ms`);
console.log(`  together:        ${total.toFixed(0)} ms (target < 2,000 ms)`);
console.log(
  `  baseline, pdf-lib addPage + drawText, same report: ${naiveMs.toFixed(0)} ms (${mb(naiveBytes)}) → writer ${(naiveMs / printMs).toFixed(1)}x faster`,
);
