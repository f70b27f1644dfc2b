import { describe, expect, it } from 'vitest';
import { breakLines } from './lineBreaking.ts';

/** Every character one unit wide. */
const width = (text: string) => [...text].length;

describe('Chinese line breaking', () => {
  it('breaks between any two Chinese characters', () => {
    expect(breakLines('本单位郑重承诺材料真实', 4, width)).toEqual(['本单位郑', '重承诺材', '料真实']);
  });

  it('never starts a line with closing punctuation: the character before comes down with it', () => {
    expect(breakLines('一二三四，五六', 4, width)).toEqual(['一二三', '四，五六']);
    expect(breakLines('一二三四。”五', 4, width)).toEqual(['一二三', '四。”五']);
  });

  it('never ends a line with opening punctuation', () => {
    expect(breakLines('一二三《四五》', 4, width)).toEqual(['一二三', '《四五》']);
  });

  it('keeps a credit code whole, and cuts a run longer than a line by character', () => {
    expect(breakLines('代码91150303MA0R1B2C3X', 19, width)).toEqual(['代码', '91150303MA0R1B2C3X']);
    expect(breakLines('ABCDEFGHIJ', 4, width)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('narrows the first line by the indent and keeps an empty paragraph as one empty line', () => {
    expect(breakLines('一二三四五六', 4, width, 2)).toEqual(['一二', '三四五六']);
    expect(breakLines('', 4, width)).toEqual(['']);
  });
});
