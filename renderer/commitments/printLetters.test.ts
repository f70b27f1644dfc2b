// @vitest-environment node
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { fixtureCodes } from '../../shared/creditRecords/testFixtures.ts';
import { commitmentLetter } from '../../shared/commitments/templates.ts';
import { sampleCommitment } from '../../shared/commitments/testFixtures.ts';
import { loadPrintFont } from '../kernel/pdf/font.ts';
import inlineFont from '../kernel/pdf/fonts/NotoSansSC-GB2312.ttf?inline';
import { PrintCancelled, printCommitmentLetters } from './printLetters.ts';

const fontBytes = await loadPrintFont(inlineFont);
const options = {
  fontBytes,
  officeName: '海勃湾区住房和城乡建设局',
  title: '信用承诺书',
  createdAt: new Date('2026-10-01T08:00:00Z'),
};
const letter = commitmentLetter(sampleCommitment(), '建筑工程施工许可', 2026);

async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: false });
  return text;
}

describe('printed commitment letters', () => {
  it('are an A4 PDF whose text holds the subject’s name and credit code', async () => {
    const printed = await printCommitmentLetters([letter], options);
    expect(new TextDecoder().decode(printed.bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await getDocumentProxy(printed.bytes.slice());
    const [, , width, height] = (await pdf.getPage(1)).view;
    expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
    const text = (await pagesText(printed.bytes)).join('\n').replace(/\s+/g, '');
    expect(text).toContain('乌海市某某建筑工程有限公司');
    expect(text).toContain(fixtureCodes.enterprise);
    expect(text).toContain('容缺受理承诺书');
    expect(text).toContain('于规定期限内补齐材料。');
    expect(text).toContain('海勃湾区住房和城乡建设局');
    expect(printed.missingCharacters).toEqual([]);
  });

  it('number the pages of a multi-page document', async () => {
    const long = {
      ...letter,
      sections: [
        {
          heading: '承诺内容',
          paragraphs: Array(40).fill('本单位承诺所提交的材料真实、准确、完整、有效。'.repeat(4)),
        },
      ],
    };
    const printed = await printCommitmentLetters([long, letter], options);
    expect(printed.pages).toBeGreaterThanOrEqual(3);
    const pages = (await pagesText(printed.bytes)).map((page) => page.replace(/\s+/g, ''));
    expect(pages).toHaveLength(printed.pages);
    pages.forEach((page, index) => {
      expect(page).toContain(`第${index + 1}页共${printed.pages}页`);
      expect(page).toContain('海勃湾区住房和城乡建设局');
    });
  });

  it('are the same bytes every time for the same letters (no clock, no random font name)', async () => {
    const first = await printCommitmentLetters([letter], options);
    const second = await printCommitmentLetters([letter], options);
    expect(second.bytes).toEqual(first.bytes);
  });

  it('report characters the shipped font cannot print instead of dropping them silently', async () => {
    const rare = { ...letter, signature: ['承诺人（签章）：𠀀记建筑有限公司'] };
    expect((await printCommitmentLetters([rare], options)).missingCharacters).toEqual(['𠀀']);
  });

  it('stop when the progress callback cancels', async () => {
    const seen: number[] = [];
    const cancel = (done: number) => {
      seen.push(done);
      return done < 2;
    };
    await expect(
      printCommitmentLetters([letter, letter, letter], { ...options, onProgress: cancel }),
    ).rejects.toThrow(PrintCancelled);
    expect(seen).toEqual([1, 2]);
  });
});
