// Campaign benchmark (not a test): `npx node bench/commitmentCampaign.ts` [BENCH_ENTERPRISES=20000].
// The yearly self-discipline campaign for N enterprises: generating the numbered commitments and their
// letters (shared/commitments, pure), then printing all letters as one A4 PDF with the renderer's PDF code
// (the same code the app runs; here in Node). Target: both together under 60 s for 20,000.
// Baselines, measured in the same run on a sample:
// - generation one letter at a time, each run asking the campaign for a single enterprise with everything
//   made so far (what a naive per-letter loop does);
// - printing through pdf-lib's public API (addPage + drawText per line) instead of the document writer.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { printCommitmentLetters } from '../renderer/commitments/printLetters.ts';
import { breakLines } from '../renderer/kernel/pdf/lineBreaking.ts';
import { a4, margins } from '../renderer/kernel/pdf/textDocument.ts';
import { type CampaignOptions, planCampaign } from '../shared/commitments/campaign.ts';
import { defaultCommitmentMatters, findMatter } from '../shared/commitments/matters.ts';
import type { CommitmentInput } from '../shared/commitments/model.ts';
import { serialBlock } from '../shared/commitments/numbering.ts';
import { type CommitmentLetter, commitmentLetter } from '../shared/commitments/templates.ts';
import { generateDemoSubjects } from '../shared/demo/subjects.ts';
import { uuidv7 } from '../shared/base/uuid.ts';

const target = Number(process.env.BENCH_ENTERPRISES ?? 20_000);
const sample = Math.min(target, 1_000);
const fontBytes = new Uint8Array(readFileSync('renderer/kernel/pdf/fonts/NotoSansSC-GB2312.ttf'));
const matter = findMatter(defaultCommitmentMatters, 'HY-ZL')!;
const office = '海勃湾区住房和城乡建设局';

// Demo subjects until there are `target` active enterprises of the campaign's industries (not timed).
const all = generateDemoSubjects({
  seed: 2026,
  count: Math.ceil(target * 3),
  division: '150303',
  practitionerShare: 0.2,
})
  .map((s) => ({ ...s, id: uuidv7() }))
  .filter((s) => s.kind === 'enterprise' && s.status === 'active' && matter.industries.includes(s.industry))
  .slice(0, target);
if (all.length < target) throw new Error(`only ${all.length} demo enterprises`);

const options: CampaignOptions = {
  matter,
  year: 2026,
  industries: [...matter.industries],
  division: '150303',
  date: '2026-06-01',
  blocks: [serialBlock(1), serialBlock(2), serialBlock(3)],
  knownNumbers: [],
  acceptingUnit: office,
  acceptingUnitCode: '',
};

function generate(subjects: typeof all): { inputs: CommitmentInput[]; letters: CommitmentLetter[] } {
  const plan = planCampaign(subjects, [], options);
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  return { inputs: plan.inputs, letters: plan.inputs.map((c) => commitmentLetter(c, matter.name.zh, 2026)) };
}

function generateOneByOne(subjects: typeof all): number {
  const made: CommitmentInput[] = [];
  for (const subject of subjects) {
    const plan = planCampaign([subject], made, { ...options, knownNumbers: made.map((c) => c.number) });
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    made.push(...plan.inputs);
    commitmentLetter(plan.inputs[0]!, matter.name.zh, 2026);
  }
  return made.length;
}

/** The same letters through pdf-lib's public API: addPage and one drawText per wrapped line. */
async function printNaively(letters: readonly CommitmentLetter[]): Promise<number> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes);
  const width = a4.width - margins.left - margins.right;
  for (const letter of letters) {
    let page = pdf.addPage([a4.width, a4.height]);
    let y = a4.height - margins.top;
    const texts = [
      letter.title,
      letter.number,
      letter.addressee,
      ...letter.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
      ...letter.signature,
    ];
    for (const text of texts) {
      for (const line of breakLines(text, width, (t) => font.widthOfTextAtSize(t, 12))) {
        y -= 21;
        if (y < margins.bottom) {
          page = pdf.addPage([a4.width, a4.height]);
          y = a4.height - margins.top - 21;
        }
        page.drawText(line, { x: margins.left, y, size: 12, font });
      }
    }
  }
  return (await pdf.save()).length;
}

const time = async <T>(run: () => T | Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await run();
  return [result, (performance.now() - start) / 1000];
};
const printOptions = {
  fontBytes,
  officeName: office,
  title: '2026年度行业自律信用承诺书',
  createdAt: new Date('2026-06-01T00:00:00Z'),
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (seconds: number) => `${seconds.toFixed(2)} s`;

// Same-run baselines on the sample.
const [sampleGenerated, sampleGenerate] = await time(() => generate(all.slice(0, sample)));
const [, naiveGenerate] = await time(() => generateOneByOne(all.slice(0, sample)));
const [samplePrinted, samplePrint] = await time(() =>
  printCommitmentLetters(sampleGenerated.letters, printOptions),
);
const [naiveBytes, naivePrint] = await time(() => printNaively(sampleGenerated.letters));

// The full campaign.
const [generated, generateSeconds] = await time(() => generate(all));
const [printed, printSeconds] = await time(() => printCommitmentLetters(generated.letters, printOptions));

console.log(`Commitment campaign, ${target.toLocaleString('en')} enterprises (Node ${process.version})`);
console.log(
  `  generate commitments + letters: ${s(generateSeconds)} (${generated.inputs.length} commitments)`,
);
console.log(
  `  print one PDF:                  ${s(printSeconds)}, ${printed.pages} pages, ${mb(printed.bytes.length)}`,
);
console.log(`  together:                       ${s(generateSeconds + printSeconds)} (target < 60 s)`);
console.log(`  peak memory (RSS):              ${mb(process.memoryUsage().rss)}`);
console.log(`Baselines on ${sample.toLocaleString('en')} letters, same run:`);
console.log(
  `  generation: batch ${s(sampleGenerate)} vs one at a time ${s(naiveGenerate)} → ${(naiveGenerate / sampleGenerate).toFixed(1)}x faster`,
);
console.log(
  `  printing:   writer ${s(samplePrint)} (${mb(samplePrinted.bytes.length)}) vs pdf-lib addPage+drawText ${s(naivePrint)} (${mb(naiveBytes)}) → ${(naivePrint / samplePrint).toFixed(1)}x faster`,
);
