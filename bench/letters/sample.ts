// The letters both runtimes print in bench/commitmentPrintBrowser.ts: the same input, so the same bytes.
import { commitmentLetter } from '../../shared/commitments/templates.ts';
import { sampleCommitment } from '../../shared/commitments/testFixtures.ts';

export const letterCount = 2_000;
export const letters = Array.from({ length: letterCount }, (_, index) =>
  commitmentLetter(
    { ...sampleCommitment(), subjectName: `乌海市第${index + 1}建筑工程有限公司` },
    '建筑工程施工许可',
    2026,
  ),
);
export const printSettings = {
  officeName: '海勃湾区住房和城乡建设局',
  title: '信用承诺书',
  createdAt: new Date('2026-10-01T08:00:00Z'),
};
