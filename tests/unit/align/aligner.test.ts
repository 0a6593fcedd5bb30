import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { align } from '../../../utils/align/aligner';
import type { Dictionary } from '../../../utils/align/dictionary';
import { enFeatures, quotationOpenAfter, Vocabulary, zhFeatures } from '../../../utils/align/features';
import { applyLexicon, learnLexicon } from '../../../utils/align/lexicon';
import { beadQuality, pairQuality } from '../../../utils/align/monotone';
import { documentWeights, prepareEn, prepareZh } from '../../../utils/align/similarity';
import type { AlignRequest, AlignResult, Bead } from '../../../utils/align/types';

let dictionary: Dictionary;
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

const run = (zh: string[], en: string[], extra: Partial<AlignRequest> = {}) =>
  align({ zh: { sentences: zh }, en: { sentences: en }, ...extra }, dictionary);

/** Every sentence of both sides in exactly one bead, beads ordered, one score per bead in [0, 1]. */
function expectValid(result: AlignResult, zhCount: number, enCount: number): void {
  const zhSeen = result.beads.flatMap(([zh]) => zh).sort((a, b) => a - b);
  const enSeen = result.beads.flatMap(([, en]) => en).sort((a, b) => a - b);
  expect(zhSeen).toEqual([...Array(zhCount).keys()]);
  expect(enSeen).toEqual([...Array(enCount).keys()]);
  expect(result.beads.every(([zh, en]) => zh.length + en.length > 0)).toBe(true);
  expect(result.scores).toHaveLength(result.beads.length);
  expect(result.scores.every((s) => s >= 0 && s <= 1)).toBe(true);
}

const has = (result: AlignResult, bead: Bead) => result.beads.some(([zh, en]) => JSON.stringify([zh, en]) === JSON.stringify(bead));

describe('bead types', () => {
  const zh = [
    '今天早上我在公园里看见一只黑色的狗。',
    '它跑得很快。',
    '后来下起了大雨，我们都回家了。',
    '晚饭以后，妈妈给我讲了一个故事。',
    '故事讲的是一个勇敢的农民。',
  ];
  it('aligns one to one', () => {
    const en = [
      'This morning I saw a black dog in the park.',
      'It ran very fast.',
      'Later it began to rain heavily and we all went home.',
      'After dinner, my mother told me a story.',
      'The story was about a brave farmer.',
    ];
    const result = run(zh, en);
    expectValid(result, 5, 5);
    for (let i = 0; i < 5; i += 1) expect(has(result, [[i], [i]])).toBe(true);
  });

  it('finds a 1-2 bead where the translation splits a sentence', () => {
    const en = [
      'This morning I saw a black dog in the park.',
      'It ran very fast.',
      'Later there was heavy rain.',
      'We all went home.',
      'After dinner, my mother told me a story.',
      'The story was about a brave farmer.',
    ];
    const result = run(zh, en);
    expectValid(result, 5, 6);
    expect(has(result, [[2], [2, 3]])).toBe(true);
    expect(has(result, [[3], [4]])).toBe(true);
  });

  it('finds a 2-1 bead where the translation merges two sentences', () => {
    const en = [
      'This morning I saw a black dog in the park, and it ran very fast.',
      'Later it began to rain heavily and we all went home.',
      'After dinner, my mother told me a story.',
      'The story was about a brave farmer.',
    ];
    const result = run(zh, en);
    expectValid(result, 5, 4);
    expect(has(result, [[0, 1], [0]])).toBe(true);
  });

  it('finds a 1-3 bead where the translation splits a sentence in three', () => {
    const en = [
      'This morning I saw a black dog in the park.',
      'It ran very fast.',
      'Later it began to rain.',
      'The rain was heavy.',
      'We all went home.',
      'After dinner, my mother told me a story.',
      'The story was about a brave farmer.',
    ];
    const result = run(zh, en);
    expectValid(result, 5, 7);
    expect(has(result, [[2], [2, 3, 4]])).toBe(true);
    expect(has(result, [[3], [5]])).toBe(true);
  });

  it('finds a 3-1 bead where the translation joins three sentences with semicolons', () => {
    const en = [
      'This morning I saw a black dog in the park; it ran very fast; later it began to rain heavily and we all went home.',
      'After dinner, my mother told me a story.',
      'The story was about a brave farmer.',
    ];
    const result = run(zh, en);
    expectValid(result, 5, 3);
    expect(has(result, [[0, 1, 2], [0]])).toBe(true);
  });

  it('finds a 2-2 bead where the two sides break the same text at different places', () => {
    const result = run(
      ['今天早上我在公园里看见一只黑色的狗。', '它跑得很快。', '我们吃了晚饭，然后妈妈讲了一个很长的故事。', '故事讲的是一个勇敢的农民和他的马。', '后来下起了大雨，我们都回家了。'],
      [
        'This morning I saw a black dog in the park.',
        'It ran very fast.',
        'We ate dinner.',
        'Then my mother told a long story about a brave farmer and his horse.',
        'Later it began to rain heavily and we all went home.',
      ],
    );
    expectValid(result, 5, 5);
    expect(has(result, [[2, 3], [2, 3]])).toBe(true);
    expect(has(result, [[4], [4]])).toBe(true);
  });

  it('leaves a sentence the translation omits unmatched (1-0)', () => {
    const en = [
      'This morning I saw a black dog in the park.',
      'It ran very fast.',
      'After dinner, my mother told me a story.',
      'The story was about a brave farmer.',
    ];
    const result = run(zh, en);
    expectValid(result, 5, 4);
    expect(has(result, [[2], []])).toBe(true);
    expect(has(result, [[3], [2]])).toBe(true);
  });

  it('leaves a sentence the translation adds unmatched (0-1)', () => {
    const en = [
      'This morning I saw a black dog in the park.',
      'It ran very fast.',
      'Our neighbour, a retired engineer from Manchester, collects vintage bicycles.',
      'Later it began to rain heavily and we all went home.',
      'After dinner, my mother told me a story.',
      'The story was about a brave farmer.',
    ];
    const result = run(zh, en);
    expectValid(result, 5, 6);
    expect(has(result, [[], [2]])).toBe(true);
    expect(has(result, [[2], [3]])).toBe(true);
  });
});

describe('gaps between matched sentences', () => {
  it('pairs a freely rendered sentence that shares no word with its translation, between two matches', () => {
    const result = run(
      ['今天早上我在公园里看见一只黑色的狗。', '它跑得很快。', '他点了点头。', '晚饭以后，妈妈给我讲了一个故事。', '故事讲的是一个勇敢的农民。'],
      ['This morning I saw a black dog in the park.', 'It ran very fast.', 'He agreed.', 'After dinner, my mother told me a story.', 'The story was about a brave farmer.'],
    );
    expectValid(result, 5, 5);
    for (let i = 0; i < 5; i += 1) expect(has(result, [[i], [i]])).toBe(true);
    // Paired on length and position alone: no shared evidence, so no confidence.
    expect(result.scores[2]).toBe(0);
  });

  it('leaves unmatched what stands before the first match: a meta line and a preface are no gap to fill', () => {
    const result = run(
      ['發佈時間:2025-05-09 | 來源:新華網', '今天早上我在公园里看见一只黑色的狗。', '它跑得很快。', '晚饭以后，妈妈给我讲了一个故事。'],
      ['We will stay firmly rooted in Chinese culture.', 'We will collect the best elements of our culture.', 'This morning I saw a black dog in the park.', 'It ran very fast.', 'After dinner, my mother told me a story.'],
    );
    expectValid(result, 4, 5);
    for (const bead of [[[], [0]], [[], [1]], [[0], []], [[1], [2]]] as Bead[]) expect(has(result, bead)).toBe(true);
  });

  it('leaves unmatched what stands after the last match: there is no gap to fill', () => {
    const result = run(
      ['今天早上我在公园里看见一只黑色的狗。', '它跑得很快。', '后来下起了大雨，我们都回家了。'],
      ['This morning I saw a black dog in the park.', 'It ran very fast.'],
    );
    expectValid(result, 3, 2);
    expect(has(result, [[2], []])).toBe(true);
  });
});

describe('paragraph ends', () => {
  // Three sentences a side: 0 ↔ 0 and 2 ↔ 2 share words, 1 ↔ 1 share none.
  function prepared(zhParagraphs: number[], enParagraphs: number[], zhQuotations = [false, false, false], enQuotations = [false, false, false]) {
    const vocabulary = new Vocabulary();
    const zh = ['今天早上我在公园里看见一只黑色的狗。', '他点了点头。', '晚饭以后，妈妈给我讲了一个故事。'].map((s) => zhFeatures(s, dictionary, vocabulary));
    const en = ['This morning I saw a black dog in the park.', 'He agreed.', 'After dinner, my mother told me a story.'].map((s) => enFeatures(s, vocabulary));
    const weights = documentWeights(zh, en);
    return {
      zh: zh.map((s, i) => prepareZh(s, weights, { paragraph: zhParagraphs[i]!, quotationOpen: zhQuotations[i]! })),
      en: en.map((s, j) => prepareEn(s, weights, { paragraph: enParagraphs[j]!, quotationOpen: enQuotations[j]! })),
    };
  }
  const quality = (p: ReturnType<typeof prepared>, i: number, j: number) =>
    beadQuality(p.zh, p.en, i, i + 1, j, j + 1, 3, true);

  it('favours a bead that ends a paragraph on both sides, where the page gives paragraphs', () => {
    const together = quality(prepared([0, 0, 0], [0, 0, 0]), 0, 0);
    expect(quality(prepared([0, 1, 1], [0, 1, 1]), 0, 0)).toBeCloseTo(together + 0.05);
    // A paragraph end on one side only says nothing.
    expect(quality(prepared([0, 1, 1], [0, 0, 0]), 0, 0)).toBeCloseTo(together);
  });

  it('holds back a bead that ends inside a quotation on one side only', () => {
    const plain = quality(prepared([0, 0, 0], [0, 0, 0]), 0, 0);
    expect(quality(prepared([0, 0, 0], [0, 0, 0], [true, false, false], [false, false, false]), 0, 0)).toBeCloseTo(plain - 0.1);
    expect(quality(prepared([0, 0, 0], [0, 0, 0], [false, false, false], [true, false, false]), 0, 0)).toBeCloseTo(plain - 0.1);
    // Inside a quotation on both sides: an utterance the translation splits where the original does.
    expect(quality(prepared([0, 0, 0], [0, 0, 0], [true, false, false], [true, false, false]), 0, 0)).toBeCloseTo(plain);
  });

  it('never lifts a bead without shared evidence', () => {
    const p = prepared([0, 1, 2], [0, 1, 2]);
    expect(quality(p, 1, 1)).toBeLessThanOrEqual(0);
    expect(quality(p, 1, 1)).toBeCloseTo(quality(prepared([0, 0, 0], [0, 0, 0]), 1, 1));
  });

  it('gives a pair of sentences by themselves the quality of the one-to-one bead they make alone, without evidence too', () => {
    const p = prepared([0, 1, 2], [0, 1, 2], [true, false, false], [false, false, false]);
    const qualities: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        const alone = beadQuality([p.zh[i]!], [p.en[j]!], 0, 1, 0, 1, 3);
        expect(pairQuality(p.zh[i]!, p.en[j]!, 3)).toBe(alone);
        qualities.push(alone);
      }
    }
    expect(qualities).toContain(-Infinity);
    expect(qualities.filter((q) => q > 0.3).length).toBeGreaterThanOrEqual(2);
  });
});

describe('sentences the text structure ended', () => {
  it('ends a bead with a Chinese sentence that ends at a comma, where the same words ending at a full stop merge', () => {
    const en = ['After forty days Noah opened the window of the ark and sent out a raven.', 'The raven flew back and forth until the waters dried up.'];
    const stopped = run(['过了四十天，挪亚开了方舟的窗户。', '放出一只乌鸦去。', '那乌鸦飞来飞去，直到地上的水都干了。'], en);
    expect(has(stopped, [[0, 1], [0]])).toBe(true);
    const open = run(['过了四十天，挪亚开了方舟的窗户，', '放出一只乌鸦去。', '那乌鸦飞来飞去，直到地上的水都干了。'], en);
    expectValid(open, 3, 2);
    expect(open.beads.some(([zh]) => zh.length > 1 && zh[0] === 0)).toBe(false);
  });
});

describe('quotations', () => {
  it('knows after each sentence whether a quotation is still open, telling quotes from apostrophes', () => {
    const en = ["'Well?", 'Had enough?', "Give in?' he asked.", "Trinket wasn't done.", 'He said "no', 'way" and left.', "The boys' names", '\u201cCurly', 'still\u201d, she said.'];
    expect(quotationOpenAfter(en, en.map(() => 0), 'en')).toEqual([true, true, false, false, true, false, false, true, false]);
    const zh = ['他说：“好，', '走吧。”', '「來了。', '走吧。」', '完了。'];
    expect(quotationOpenAfter(zh, zh.map(() => 0), 'zh')).toEqual([true, false, true, false, false]);
  });

  it('closes every quotation at the end of a paragraph', () => {
    expect(quotationOpenAfter(['“第一段。', '第二段。'], [0, 1], 'zh')).toEqual([true, false]);
  });

  it('keeps an utterance the translation splits in one bead', () => {
    // 服了么 is one question; the English asks it three times in three sentences, the last of which the dictionary
    // cannot read. Without the quotation, "Give in?'" would be left over or join the next sentence.
    const result = run(
      ['那男孩哈哈大笑，说道：“服了么？”', '韦小宝猛地跳起来，用头撞他的肚子。'],
      ['The boy burst out laughing.', "'Well?", 'Had enough?', "Give in?'", 'Trinket suddenly jumped up and butted his head into the boy\'s belly.'],
    );
    expect(result.beads).toEqual([
      [[0], [0, 1, 2, 3]],
      [[1], [4]],
    ]);
  });
});

describe('a lexicon learned from the document', () => {
  const zh = ['韦小宝吃了一个苹果。', '韦小宝在河边睡觉。', '韦小宝买了一匹马。', '韦小宝给了他一本书。', '韦小宝跑进了森林。'];
  const en = ['Trinket ate an apple.', 'Trinket slept by the river.', 'Trinket bought a horse.', 'Trinket gave him a book.', 'Trinket ran into the forest.'];

  it('learns a name the dictionary does not know from the beads it is confident of, and nothing from weak ones', () => {
    const vocabulary = new Vocabulary();
    const zhFeatureList = zh.map((s) => zhFeatures(s, dictionary, vocabulary));
    const enFeatureList = en.map((s) => enFeatures(s, vocabulary));
    const confident = zh.map((_, i) => ({ zh: [i], en: [i], quality: 0.5 }));
    const lexicon = learnLexicon(confident, zhFeatureList, enFeatureList, dictionary);
    expect([vocabulary.id('trinket'), vocabulary.id('@trinket')]).toContain(lexicon.get('韦小宝'));
    expect(learnLexicon(confident.map((b) => ({ ...b, quality: 0.1 })), zhFeatureList, enFeatureList, dictionary).size).toBe(0);
    // Two meetings are not enough.
    expect(learnLexicon(confident.slice(0, 2), zhFeatureList, enFeatureList, dictionary).has('韦小宝')).toBe(false);
  });

  it("learns a translator's own rendering of a dictionary word only when it carries most of the word's sentences, and often", () => {
    const vocabulary = new Vocabulary();
    const pippin = vocabulary.id('pippin');
    const things = ['一张桌子', '一把椅子', '一本书', '一匹马', '一条船', '一块石头', '一棵树', '一朵花', '一只猫', '一条狗', '一座山', '一间房', '一把刀', '一支笔', '一个碗', '一盏灯'];
    const englishThings = ['a table', 'a chair', 'a book', 'a horse', 'a boat', 'a stone', 'a tree', 'a flower', 'a cat', 'a dog', 'a hill', 'a room', 'a knife', 'a pen', 'a bowl', 'a lamp'];
    const learnFrom = (pippins: number) => {
      const zhList = things.map((thing) => zhFeatures(`${thing}和苹果。`, dictionary, vocabulary));
      const enList = englishThings.map((thing, i) => enFeatures(`${thing} and the ${i < pippins ? 'pippin' : 'apple'}.`, vocabulary));
      return learnLexicon(things.map((_, i) => ({ zh: [i], en: [i], quality: 0.5 })), zhList, enList, dictionary);
    };
    expect(dictionary.stemsOf('苹果')?.length).toBeGreaterThan(0);
    // Ten of sixteen: Dice 20/26, enough for a word the dictionary knows.
    expect(learnFrom(10).get('苹果')).toBe(pippin);
    // Six of sixteen (Dice 12/22) is a translator's variation, not the document's rendering.
    expect(learnFrom(6).get('苹果')).not.toBe(pippin);
  });

  it('counts a learned name once in a sentence, as optional evidence', () => {
    const vocabulary = new Vocabulary();
    const sentence = zhFeatures('韦小宝笑了。', dictionary, vocabulary);
    const before = sentence.units.filter((u) => !u.optional).length;
    const trinket = vocabulary.id('trinket');
    applyLexicon(new Map([['韦小宝', trinket], ['小宝', trinket]]), [sentence]);
    expect(sentence.units.filter((u) => u.translations.includes(trinket))).toHaveLength(1);
    expect(sentence.units.filter((u) => !u.optional)).toHaveLength(before);
  });

  it('uses what it learned: a sentence whose only evidence is the name is paired on that evidence', () => {
    const result = run([...zh, '韦小宝点了点头。', '天黑了，大家都回家了。'], [...en, 'Trinket agreed.', 'Night fell and everyone went home.']);
    expectValid(result, 7, 7);
    const k = result.beads.findIndex((bead) => JSON.stringify(bead) === JSON.stringify([[5], [5]]));
    expect(k).toBeGreaterThanOrEqual(0);
    // Without the learned name this pair would share no evidence and score 0.
    expect(result.scores[k]).toBeGreaterThan(0);
  });
});

describe('evidence', () => {
  it('measures a sentence by its letters and digits, counted by code point, in every script and none unassigned', () => {
    const vocabulary = new Vocabulary();
    let bmp = '';
    for (let code = 0; code < 0x10000; code += 1) if (code < 0xd800 || code > 0xdfff) bmp += String.fromCharCode(code);
    const text = `${bmp}𠀀😀\ud800`;
    const expected = text.match(/[\p{L}\p{N}]/gu)!.length;
    expect(enFeatures(text, vocabulary).length).toBe(expected);
    expect(zhFeatures(text, dictionary, vocabulary).length).toBe(expected);
    expect(enFeatures('\ufada\uf900ab1，', vocabulary).length).toBe(4);
  });

  it('matches numbers in every form: 5月8日 and May 8, 八十 and 80, 20多 and over 20', () => {
    const result = run(
      ['5月8日，代表团抵达莫斯科。', '今年是战争胜利八十周年。', '双方签署了20多份合作文件。'],
      ['The delegation arrived in Moscow on May 8.', 'This year marks the 80th anniversary of the victory.', 'The two sides signed over 20 cooperation documents.'],
    );
    for (let i = 0; i < 3; i += 1) expect(has(result, [[i], [i]])).toBe(true);
  });

  it('reads a run of characters as a name only when the English has a name of that reading', () => {
    const nameUnits = (english: string) => {
      const vocabulary = new Vocabulary();
      enFeatures(english, vocabulary);
      return zhFeatures('陈清扬把我拽住。', dictionary, vocabulary).units.filter((u) => u.optional).map((u) => u.key);
    };
    expect(nameUnits('Chen Qingyang held me back.')).toContain('清扬');
    expect(nameUnits('She held me back.')).toEqual([]);
  });

  it('matches names through their pinyin reading and through the dictionary', () => {
    const result = run(
      ['陈清扬说她不相信。', '普京欢迎了客人。', '王二笑了。'],
      ['Chen Qingyang said she did not believe it.', 'Putin welcomed the guests.', 'Wang Er laughed.'],
    );
    for (let i = 0; i < 3; i += 1) expect(has(result, [[i], [i]])).toBe(true);
    expect(result.scores[0]).toBeGreaterThan(0.3);
  });

  it('takes quotation marks, exclamation and question marks as optional evidence on both sides', () => {
    const vocabulary = new Vocabulary();
    const zh = zhFeatures('韦小宝道：“死也不降！”', dictionary, vocabulary);
    const marks = (ids: number[]) => ['"', '!', '?'].filter((mark) => ids.includes(vocabulary.id(mark)));
    expect(marks(zh.units.filter((u) => u.optional).flatMap((u) => u.translations))).toEqual(['"', '!']);
    const dialogue = enFeatures("'Never!' he cried.", vocabulary);
    expect(marks(dialogue.tokens)).toEqual(['"', '!']);
    expect(marks([...dialogue.optional])).toEqual(['"', '!']);
    // An apostrophe inside a word is no quotation mark.
    expect(marks(enFeatures("He didn't know the boys' names?", vocabulary).tokens)).toEqual(['?']);
  });

  it('counts clauses, a sentence and each semicolon or colon in it, on both sides', () => {
    const vocabulary = new Vocabulary();
    expect(zhFeatures('神说，要有光。', dictionary, vocabulary).clauses).toBe(1);
    expect(zhFeatures('他要去；我不去：天太冷。', dictionary, vocabulary).clauses).toBe(3);
    expect(enFeatures('And God said, Let there be light: and there was light.', vocabulary).clauses).toBe(2);
    expect(enFeatures('He went; I stayed: it was cold.', vocabulary).clauses).toBe(3);
  });

  it('reads Traditional Chinese as well as Simplified', () => {
    const en = ['The two heads of state held talks in Moscow.', 'They signed a joint statement on deepening cooperation.'];
    const traditional = run(['兩國元首在莫斯科舉行會談。', '雙方簽署了關於深化合作的聯合聲明。'], en);
    const simplified = run(['两国元首在莫斯科举行会谈。', '双方签署了关于深化合作的联合声明。'], en);
    expect(traditional.beads).toEqual(simplified.beads);
    expect(traditional.scores).toEqual(simplified.scores);
    expect(has(traditional, [[1], [1]])).toBe(true);
  });

  it('matches captions to captions wherever they stand, and keeps layout-paired blocks together', () => {
    const request: AlignRequest = {
      zh: {
        sentences: ['习近平与普京握手。', '两国元首举行会谈。', '双方签署联合声明。', '新华社记者 王晔 摄'],
        blocks: [0, 1, 2, 2],
        blockRoles: ['caption', 'body', 'caption'],
      },
      en: {
        sentences: ['The two heads of state held talks.', 'Xi and Putin sign a joint statement. (Xinhua/Wang Ye)', 'Xi shakes hands with Putin.'],
        blocks: [0, 1, 2],
        blockRoles: ['body', 'caption', 'caption'],
      },
    };
    const result = align(request, dictionary);
    expectValid(result, 4, 3);
    expect(has(result, [[0], [2]])).toBe(true);
    expect(has(result, [[2, 3], [1]])).toBe(true);
    expect(has(result, [[1], [0]])).toBe(true);
  });

  it('keeps a short pair the dictionary cannot read as its own bead rather than in mirrored merges around it', () => {
    const result = run(
      ['昨天下午，我们在河边的公园里踢了两个小时的足球。', '哎呀。', '然后大家一起去附近的饭馆吃了晚饭。', '晚饭以后，我们坐公共汽车回家了。'],
      ['Yesterday afternoon we played football for two hours in the park by the river.', 'Blimey.', 'Then we all went to a nearby restaurant for dinner.', 'After dinner we took the bus home.'],
    );
    expect(result.beads).toEqual([[[0], [0]], [[1], [1]], [[2], [2]], [[3], [3]]]);
  });

  it('aligns a caption pair sentence by sentence, in either order, and a credit with the credit', () => {
    const request: AlignRequest = {
      zh: {
        sentences: [
          '当地时间5月8日上午，俄罗斯总统普京同中国国家主席习近平在莫斯科克里姆林宫举行会谈。',
          '这是两国元首举行小范围会谈。',
          '新华社记者 王晔 摄',
          '两国元首还共同会见了记者。',
        ],
        blocks: [0, 0, 0, 1],
        blockRoles: ['caption', 'body'],
      },
      en: {
        sentences: [
          'The two heads of state also jointly met the press.',
          'Chinese President Xi Jinping and Russian President Vladimir Putin hold small-group talks at the Kremlin in Moscow, Russia, May 8, 2025.',
          'Xi held talks here on Thursday with Putin.',
          '(Xinhua/Wang Ye)',
        ],
        blocks: [0, 1, 1, 1],
        blockRoles: ['body', 'caption'],
      },
    };
    const result = align(request, dictionary);
    expectValid(result, 4, 4);
    expect(has(result, [[0], [2]])).toBe(true);
    expect(has(result, [[1], [1]])).toBe(true);
    expect(has(result, [[2], [3]])).toBe(true);
    expect(has(result, [[3], [0]])).toBe(true);
  });

  it('leaves a caption sentence the other caption does not render unmatched, and pairs the credits', () => {
    const request: AlignRequest = {
      zh: { sentences: ['两国元首共同签署联合声明。', '新华社记者 王晔 摄'], blocks: [0, 0], blockRoles: ['caption'] },
      en: {
        sentences: ['Xi Jinping and Vladimir Putin sign a joint statement in Moscow.', 'The weather in Moscow was cold and wet that week.', '(Xinhua/Wang Ye)'],
        blocks: [0, 0, 0],
        blockRoles: ['caption'],
      },
    };
    const result = align(request, dictionary);
    expectValid(result, 2, 3);
    expect(has(result, [[0], [0]])).toBe(true);
    expect(has(result, [[1], [2]])).toBe(true);
    expect(has(result, [[], [1]])).toBe(true);
  });
});

describe('properties', () => {
  // A small deterministic generator, so a failure can be replayed.
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1664525 + 1013904223) % 2 ** 32;
      return state / 2 ** 32;
    };
  }
  const pieces = ['我们', '明天', '学校', 'the', 'river', '5月', '42', '？', '…', '🙂', '\u200b', 'é', '\t', '《书》', '"', 'Mr.', '한국', 'かな', '𠀋'];
  const sentence = (rand: () => number) =>
    Array.from({ length: Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join(rand() < 0.5 ? '' : ' ');

  it('covers every sentence exactly once for random input, odd Unicode included', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const rand = random(seed);
      const zh = Array.from({ length: Math.floor(rand() * 30) }, () => sentence(rand));
      const en = Array.from({ length: Math.floor(rand() * 30) }, () => sentence(rand));
      expectValid(run(zh, en), zh.length, en.length);
    }
  });

  it('handles one side empty, both empty, and empty strings', () => {
    expectValid(run([], []), 0, 0);
    expectValid(run(['一句话。', ''], []), 2, 0);
    expectValid(run([], ['One sentence.', '']), 0, 2);
  });

  it('aligns thousands of sentences per side and stays linear enough to finish', () => {
    const zh = Array.from({ length: 3000 }, (_, i) => `第${i + 1}号文件说明了学校和医院的情况。`);
    const en = Array.from({ length: 3000 }, (_, i) => `Document number ${i + 1} describes the schools and hospitals.`);
    const result = run(zh, en);
    expectValid(result, 3000, 3000);
    const correct = result.beads.filter(([a, b]) => a.length === 1 && b.length === 1 && a[0] === b[0]).length;
    expect(correct).toBeGreaterThan(2900);
  });
});
