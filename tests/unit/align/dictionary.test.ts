import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { segmentWords } from '../../../utils/align/chinese';
import { parseDictionary, type Dictionary } from '../../../utils/align/dictionary';

let dictionary: Dictionary;
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

describe('the built dictionary', () => {
  it('knows the lengths of the headwords a character starts, and the pairs that begin longer ones', () => {
    expect(dictionary.wordLengthsFrom('中') & (1 << 7)).toBeTruthy(); // 中华人民共和国
    expect(dictionary.hasLongerWordAt('中华人民', 0)).toBe(true);
    expect(dictionary.hasLongerWordAt('了了', 0)).toBe(false);
    // The table leaves surrogates out, so it cannot rule a longer word out there.
    expect(dictionary.hasLongerWordAt('了𠀋', 0)).toBe(true);
  });

  it('segments by the longest headword, unknown characters alone', () => {
    expect(segmentWords('中华人民共和国成立了', dictionary)).toEqual(['中华人民共和国', '成立', '了']);
    expect(segmentWords('韦小宝笑了', dictionary)).toContain('笑');
  });
});

describe('parsing', () => {
  it('reads words, readings, lengths and pair starts from their sections', () => {
    const parsed = parseDictionary(['中国\tchina', '中国人\tchinese person', '#pinyin', '中\tzhong', '#lengths', '中\t12', '#starts', '中国'].join('\n'));
    expect(parsed.stemsOf('中国人')).toEqual(['chinese', 'person']);
    expect(parsed.readingsOf('中')).toEqual(['zhong']);
    expect(parsed.wordLengthsFrom('中')).toBe(12);
    expect(parsed.hasLongerWordAt('中国人', 0)).toBe(true);
    expect(parsed.hasLongerWordAt('国人', 0)).toBe(false);
    expect(segmentWords('中国人好', parsed)).toEqual(['中国人', '好']);
  });
});
