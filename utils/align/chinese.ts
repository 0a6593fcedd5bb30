/** Chinese text prepared for dictionary lookup: one script, and words found by the dictionary itself. */
import * as OpenCC from 'opencc-js/t2cn';
import type { Dictionary } from './dictionary';
import { isHanChar } from '../text/script';

/** Traditional characters to Simplified, since the dictionary is keyed by Simplified headwords. */
export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 't', to: 'cn' });

/** Greedy longest-match segmentation over the dictionary, with every character of unknown words kept alone. */
export function segmentWords(text: string, dictionary: Dictionary): string[] {
  const chars = [...text];
  const words: string[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!isHanChar(chars[i]!)) {
      i += 1;
      continue;
    }
    let matched = 1;
    for (let len = Math.min(dictionary.maxWordLength, chars.length - i); len > 1; len -= 1) {
      if (dictionary.hasWord(chars.slice(i, i + len).join(''))) {
        matched = len;
        break;
      }
    }
    words.push(chars.slice(i, i + matched).join(''));
    i += matched;
  }
  return words;
}

