// Makes the CJK font the renderer prints letters with (renderer/kernel/pdf/fonts/), run once by hand:
//   npm pack @expo-google-fonts/noto-sans-sc@0.4.3 && tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz
//   npx node scripts/subsetCjkFont.ts package/400Regular/NotoSansSC_400Regular.ttf
// Source: Noto Sans SC Regular (SIL Open Font License 1.1, copyright Adobe), 10.6 MB. The subset keeps
// every character of GB 2312 (6,763 hanzi and 682 symbols), printable ASCII, full-width forms and the
// punctuation Chinese letters use, so the app ships about a fifth of the font and needs no download.
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';

const source = process.argv[2];
if (!source) {
  console.error('usage: npx node scripts/subsetCjkFont.ts <NotoSansSC_400Regular.ttf>');
  process.exit(1);
}
const target = 'renderer/kernel/pdf/fonts/NotoSansSC-GB2312.ttf';

/** Every character GB 2312 encodes: rows 0xA1–0xF7, cells 0xA1–0xFE, decoded through GBK. */
function gb2312Characters(): string[] {
  const decoder = new TextDecoder('gbk');
  const characters: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const character = decoder.decode(new Uint8Array([row, cell]));
      const code = character.codePointAt(0)!;
      const privateUse = code >= 0xe000 && code <= 0xf8ff;
      if (character.length === 1 && code !== 0xfffd && !privateUse) characters.push(character);
    }
  }
  return characters;
}

const ranges: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xff], // Latin-1 (°, ±, ×, ·)
  [0x2010, 0x2027], // dashes, quotes, ellipsis
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0xff01, 0xff5e], // full-width forms
];
const characters = new Set(gb2312Characters());
for (const [from, to] of ranges)
  for (let code = from; code <= to; code++) characters.add(String.fromCodePoint(code));

const subset = await subsetFont(readFileSync(source), [...characters].join(''), { targetFormat: 'truetype' });
writeFileSync(target, subset);
console.log(`${characters.size} characters, ${(subset.length / 1024 / 1024).toFixed(2)} MB → ${target}`);
