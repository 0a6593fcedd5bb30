import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { segmentWords } from '../../../utils/align/chinese';
import { formatDictionary, MAX_WORD_LENGTH, parseDictionary, type Dictionary } from '../../../utils/align/dictionary';

let dictionary: Dictionary;
const headwordsOf = (d: Dictionary, word: string) => d.headwordsFrom(word.charCodeAt(0));
const isWord = (d: Dictionary, word: string) => word.length > 0 && headwordsOf(d, word).words.has(word);
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

describe('the built dictionary', () => {
  it('knows the lengths of the headwords a character starts, and the pairs that begin longer ones', () => {
    expect(headwordsOf(dictionary, '中').lengths & (1 << 7)).toBeTruthy(); // 中华人民共和国
    expect(headwordsOf(dictionary, '中').longerAfter.has('华'.charCodeAt(0))).toBe(true);
    expect(headwordsOf(dictionary, '了').longerAfter.has('了'.charCodeAt(0))).toBe(false);
  });

  it('finds every word it holds, and the headwords of each first character', () => {
    let checked = 0;
    let k = 0;
    for (const [word, stems] of dictionary.entries()) {
      k += 1;
      if (k % 37 !== 0) continue;
      checked += 1;
      // The entries' stems are found through the same search: every word of the file has some.
      expect(stems.length).toBeGreaterThan(0);
      expect(dictionary.stemsOf(word)).toEqual(stems);
      expect(headwordsOf(dictionary, word).words.has(word)).toBe(true);
      expect(dictionary.stemsOf(`${word}\u4e00\u4e00\u4e00\u4e00\u4e00\u4e00\u4e00\u4e00`)).toBeUndefined();
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('segments by the longest headword, unknown characters alone', () => {
    expect(segmentWords('中华人民共和国成立了', dictionary)).toEqual(['中华人民共和国', '成立', '了']);
    expect(segmentWords('韦小宝笑了', dictionary)).toContain('笑');
  });
});

describe('the file format', () => {
  const words = new Map<string, string[]>([
    ['中国人', ['chinese', 'person']],
    ['中国', ['china']],
    ['中', ['middle', 'china']],
    ['𠀋𠀋', ['rare']],
    ['咖啡馆', ['café']],
    // 31 stems and more: the count no longer fits beside the word's length in its first byte.
    ['三十一', Array.from({ length: 31 }, (_, k) => `thirtyone${k}`)],
    ['三十', Array.from({ length: 30 }, (_, k) => `thirty${k}`)],
    ['中华人民共和国万岁', ['too', 'long']],
    ['空', []],
  ]);
  // Enough stems that codes take two and three digits.
  for (let k = 0; k < 3000; k += 1) words.set(`词${String.fromCharCode(0x4e00 + k)}`, [`stem${k}`, `stem${(k * 7) % 3000}`, 'china']);
  const readings = new Map([['中', ['zhong']], ['国', ['guo']], ['𠀋', ['shang']]]);
  const parsed = parseDictionary(formatDictionary(words, readings));

  it('gives back every word of eight code units or fewer with its stems in order, and each reading', () => {
    for (const [word, stems] of words) {
      if (word.length > MAX_WORD_LENGTH || stems.length === 0) expect(parsed.stemsOf(word)).toBeUndefined();
      else expect(parsed.stemsOf(word)).toEqual(stems);
    }
    expect(isWord(parsed, '中国')).toBe(true);
    expect(isWord(parsed, '中国话')).toBe(false);
    expect(isWord(parsed, '中华人民共和国万岁')).toBe(false);
    expect(parsed.readingsOf('中')).toEqual(['zhong']);
    expect(parsed.readingsOf('人')).toBeUndefined();
    expect(parsed.readingsOf('𠀋')).toEqual(['shang']);
    expect(parsed.readingsOf('中国')).toBeUndefined();
    expect(parsed.wordCount).toBe(3007);
    expect(parsed.characterCount).toBe(3);
    const entries = [...parsed.entries()];
    expect(entries).toHaveLength(3007);
    // In the order of their code units, as JavaScript sorts strings.
    expect(entries.map(([word]) => word)).toEqual(entries.map(([word]) => word).sort());
  });

  it('knows the lengths of the headwords a character starts, and the pairs that begin longer ones', () => {
    expect(headwordsOf(parsed, '中').lengths).toBe((1 << 1) | (1 << 2) | (1 << 3));
    expect([...headwordsOf(parsed, '中').longerAfter]).toEqual(['国'.charCodeAt(0)]);
    expect([...headwordsOf(parsed, '中').pairedWith]).toEqual(['国'.charCodeAt(0)]);
    expect(headwordsOf(parsed, '国').lengths).toBe(0);
    expect(segmentWords('中国人好', parsed)).toEqual(['中国人', '好']);
    // A character beyond the Basic Multilingual Plane: its headwords start with its first code unit.
    expect(headwordsOf(parsed, '𠀋').lengths).toBe(1 << 4);
    expect(isWord(parsed, '𠀋𠀋')).toBe(true);
  });

  it('finds words among long and short lines, first and last included', () => {
    const mixed = new Map<string, string[]>();
    // Lines of one word with many stems (long) between words with one (short), in sorted order.
    for (let k = 0; k < 400; k += 1) {
      const word = String.fromCharCode(0x4e00 + k);
      mixed.set(word, k % 5 === 0 ? Array.from({ length: 40 }, (_, s) => `long${k}x${s}`) : [`short${k}`]);
    }
    const dictionaryOfMixed = parseDictionary(formatDictionary(mixed, new Map()));
    for (const [word, stems] of mixed) expect(dictionaryOfMixed.stemsOf(word)).toEqual(stems);
    expect(isWord(dictionaryOfMixed, '\u4dff')).toBe(false); // before the first
    expect(isWord(dictionaryOfMixed, String.fromCharCode(0x4e00 + 400))).toBe(false); // after the last
    expect(isWord(dictionaryOfMixed, '\u4e00\u4e00')).toBe(false); // between the first and the second
    for (const [word] of mixed) expect(isWord(dictionaryOfMixed, word)).toBe(true);
    expect(dictionaryOfMixed.wordCount).toBe(400);
  });

  it('leaves out a stem too long to be written, keeping the word\'s others', () => {
    const withLongStem = parseDictionary(formatDictionary(new Map([['词', ['x'.repeat(300), 'word']]]), new Map()));
    expect(withLongStem.stemsOf('词')).toEqual(['word']);
  });

  it('takes two bytes for each character of a headword after its first, where text would take three', () => {
    const oneWord = (word: string) => formatDictionary(new Map([[word, ['stem']]]), new Map()).length;
    expect(oneWord('中国人民') - oneWord('中')).toBe(3 * 2);
  });

  it('refuses a file in another format, or cut short, rather than misread it', () => {
    expect(() => parseDictionary(new TextEncoder().encode('#parallax-dictionary 4\n#stems\nchina\n'))).toThrow(/npm run dict/);
    const file = formatDictionary(words, readings);
    expect(() => parseDictionary(file.subarray(0, file.length - 1))).toThrow(/npm run dict/);
    expect(() => parseDictionary(file.subarray(0, 10))).toThrow(/npm run dict/);
  });
});
