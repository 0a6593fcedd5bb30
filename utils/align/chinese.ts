/** Chinese text prepared for dictionary lookup: one script, and words found by the dictionary itself. */
import * as OpenCC from 'opencc-js/t2cn';
import type { Dictionary } from './dictionary';
import { isHanCode } from '../text/script';

/** Traditional characters to Simplified, since the dictionary is keyed by Simplified headwords. */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 't', to: 'cn' });

/** Greedy longest-match segmentation over the dictionary, with every character of unknown words kept alone. */
export function segmentWords(text: string, dictionary: Dictionary): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    // Han characters outside the Basic Multilingual Plane take two code units.
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (width > 1 || !isHanCode(code)) {
      i += width;
      continue;
    }
    let word = '';
    const headwords = dictionary.headwordsFrom(text.charCodeAt(i));
    let longest = Math.min(31 - Math.clz32(headwords.lengths), text.length - i);
    if (longest > 2 && !headwords.longerAfter.has(text.charCodeAt(i + 1))) longest = 2;
    for (let len = longest; len > 2 && !word; len -= 1) {
      if (!(headwords.lengths & (1 << len))) continue;
      const candidate = text.slice(i, i + len);
      if (headwords.words.has(candidate)) word = candidate;
    }
    if (!word && longest >= 2 && headwords.pairedWith.has(text.charCodeAt(i + 1))) word = text.slice(i, i + 2);
    word ||= text[i]!;
    words.push(word);
    i += word.length;
  }
  return words;
}
