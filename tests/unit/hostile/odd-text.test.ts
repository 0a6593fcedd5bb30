/**
 * Text a hostile or merely odd page can hold, through the worker's whole path (sentence splitting, then alignment):
 * no exception, an answer within a bound, and every sentence of each side in exactly one bead.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { align } from '../../../utils/align/aligner';
import type { Dictionary } from '../../../utils/align/dictionary';
import type { AlignResult } from '../../../utils/align/types';
import { splitPage, toAlignRequest, type PageText } from '../../../utils/page/split-page';

let dictionary: Dictionary;
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

const body = (texts: string[]) => ({ blocks: texts.map((text) => ({ text, role: 'body' as const })) });
const page = (zh: string[], en: string[], blockPairs: Array<[number, number]> = []): PageText => ({ zh: body(zh), en: body(en), blockPairs });

/** Splits and aligns as the worker does; returns the sentences and the beads. */
function alignPage(text: PageText): { zh: string[]; en: string[]; result: AlignResult } {
  const sentences = splitPage(text);
  const result = align(toAlignRequest({ zh: { blocks: text.zh.blocks, sentences: sentences.zh }, en: { blocks: text.en.blocks, sentences: sentences.en }, blockPairs: text.blockPairs }), dictionary);
  return { zh: sentences.zh.map((s) => s.text), en: sentences.en.map((s) => s.text), result };
}

/**
 * The bound on the work is the test's timeout, not a clock in the test (the machines are noisy): wide enough for a
 * loaded machine, narrow enough to catch the quadratic cases these inputs once hit (50,000 的 took 106 s).
 */
const BOUND_MS = 60_000;

/** Every sentence of each side stands in exactly one bead, in order, and every bead has a sentence. */
function expectPartition(run: ReturnType<typeof alignPage>): void {
  expect(run.result.beads.map(([zh, en]) => zh.length + en.length).every((n) => n > 0)).toBe(true);
  expect(run.result.beads.flatMap(([zh]) => zh).sort((a, b) => a - b)).toEqual(run.zh.map((_, k) => k));
  expect(run.result.beads.flatMap(([, en]) => en).sort((a, b) => a - b)).toEqual(run.en.map((_, k) => k));
  expect(run.result.scores).toHaveLength(run.result.beads.length);
  expect(run.result.scores.every((score) => Number.isFinite(score))).toBe(true);
}

const ZERO_WIDTH = '\u200B\u200C\u200D\u2060\uFEFF';
const CONTROLS = Array.from({ length: 32 }, (_, k) => String.fromCharCode(k)).join('') + '\u007F\u0085\u2028\u2029';

describe('odd text through the splitter and the aligner', () => {
  it.each([
    ['no blocks at all', page([], [])],
    ['one side empty', page(['今天天气很好。我们去公园散步。'], [])],
    ['the other side empty', page([], ['The weather is fine today. We walk in the park.'])],
    ['blocks of nothing but spaces', page(['', '   ', '\n\t'], [' ', ''])],
    ['blocks of nothing but punctuation', page(['。。。！？', '……'], ['...!?', '—'])],
    ['zero-width characters in and between words', page([`今天${ZERO_WIDTH}天气很好。${ZERO_WIDTH}`, ZERO_WIDTH], [`The${ZERO_WIDTH} weather is fine.${ZERO_WIDTH}`, ZERO_WIDTH])],
    ['control characters', page([`今天${CONTROLS}天气很好。${CONTROLS}`], [`The weather${CONTROLS} is fine. ${CONTROLS}`])],
    ['a lone surrogate', page(['今天\uD800天气很好。\uDC00'], ['The weather \uD83D is fine.'])],
    [
      'emoji, with skin tones, flags and joined sequences',
      page(['我们😀去公园👍🏽。🇨🇳🇺🇸！👨‍👩‍👧‍👦家人。'], ['We 😀 go to the park 👍🏽. 🇨🇳🇺🇸! 👨‍👩‍👧‍👦 Family.']),
    ],
    [
      'right-to-left runs and direction overrides',
      page(['他说：“مرحبا بالعالم”。\u202E这是反向的。\u202C'], ['He said: "שלום עולם". \u2067مرحبا\u2069 This is \u202Ereversed\u202C.']),
    ],
    ['a word 50,000 letters long', page(['这是一个很长的词。'], [`This is a long word: ${'a'.repeat(50_000)}.`])],
    ['50,000 Chinese characters without a stop', page(['的'.repeat(50_000)], ['One sentence.'])],
    ['a sentence of 10,000 words', page([`${'我们今天去公园，'.repeat(2_000)}。`], [`${'we go to the park today, '.repeat(2_000)}.`])],
  ])('%s', (_, text) => {
    const run = alignPage(text);
    expectPartition(run);
  }, BOUND_MS);

  it('thousands of identical sentences on both sides', () => {
    const run = alignPage(page([Array(2_000).fill('是的。').join('')], [Array(2_000).fill('Yes.').join(' ')], [[0, 0]]));
    expect([run.zh.length, run.en.length]).toEqual([2_000, 2_000]);
    expectPartition(run);
  }, BOUND_MS);

  it('thousands of identical paragraphs, paired by the layout', () => {
    const n = 1_000;
    const run = alignPage(page(Array(n).fill('我们今天去公园散步。'), Array(n).fill('We walk in the park today.'), Array.from({ length: n }, (_, k) => [k, k] as [number, number])));
    expectPartition(run);
    // Paired paragraphs of one sentence each: nothing to choose but the pairs.
    expect(run.result.beads.every(([zh, en]) => zh.length === 1 && en.length === 1 && zh[0] === en[0])).toBe(true);
  }, BOUND_MS);
});
