/**
 * Line breaking for Chinese text (a small part of the 禁则 rules of GB/T 15834 and JIS X 4051): a line may
 * break between any two Chinese characters, but closing punctuation never starts a line and opening
 * punctuation never ends one — the character before is carried down with it instead. Runs of Latin
 * letters and digits (a credit code, a date, a number) stay whole unless longer than a line.
 */

/** Characters that may not begin a line. */
const noStart = new Set('，。、；：！？）》」』】〕〉’”…—·%‰,.;:!?)]}>％）～'.split(''));
/** Characters that may not end a line. */
const noEnd = new Set('（《「『【〔〈‘“([{<'.split(''));

/** Latin letters, digits and the punctuation inside codes and numbers stay together. */
const wordCharacter = /[A-Za-z0-9@#&_\-./+]/;

/** Splits text into the units a line may break between. */
function units(text: string): string[] {
  const found: string[] = [];
  let word = '';
  for (const character of text) {
    if (wordCharacter.test(character)) {
      word += character;
      continue;
    }
    if (word) found.push(word);
    word = '';
    found.push(character);
  }
  if (word) found.push(word);
  return found;
}

/**
 * Breaks one paragraph into lines no wider than `maxWidth` (the first line `firstIndent` narrower).
 * `widthOf` measures a string in the same unit as `maxWidth`.
 */
export function breakLines(
  text: string,
  maxWidth: number,
  widthOf: (text: string) => number,
  firstIndent = 0,
): string[] {
  const lines: string[][] = [];
  let line: string[] = [];
  let width = 0;
  const limit = () => (lines.length === 0 ? maxWidth - firstIndent : maxWidth);
  const push = (unit: string) => {
    line.push(unit);
    width += widthOf(unit);
  };
  const newLine = (carried: string[]) => {
    lines.push(line);
    line = [];
    width = 0;
    for (const unit of carried) push(unit);
  };

  for (const unit of units(text)) {
    const unitWidth = widthOf(unit);
    if (unitWidth > limit()) {
      // A word longer than a line is cut by character.
      for (const character of unit) {
        if (line.length > 0 && width + widthOf(character) > limit()) newLine([]);
        push(character);
      }
      continue;
    }
    if (line.length > 0 && width + unitWidth > limit()) {
      const carried: string[] = [];
      // Carry opening punctuation at the line end, and the unit before a closing mark, to the next line.
      while (line.length > 1 && noEnd.has(line.at(-1)!)) carried.unshift(line.pop()!);
      if (noStart.has(unit)) {
        while (line.length > 1 && noStart.has(line.at(-1)!)) carried.unshift(line.pop()!);
        if (line.length > 1) carried.unshift(line.pop()!);
      }
      newLine(carried);
    }
    push(unit);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((parts) => parts.join(''));
}
