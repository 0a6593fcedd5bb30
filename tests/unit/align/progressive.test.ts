/**
 * A long document aligned around the reader's view first and then chunk by chunk: on the seed report repeated to
 * 1,000 paragraphs per language (scripts/lib/long-page.ts, read as the content script reads it), the chunks give
 * every sentence exactly one bead and almost all of the whole-document aligner's beads, and the window around a view
 * in the middle pairs the sentence there with its own copy's English.
 */
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { longSeedPage, sentenceOfCopy } from '../../../scripts/lib/long-page';
import { align } from '../../../utils/align/aligner';
import type { Dictionary } from '../../../utils/align/dictionary';
import { alignAroundView, alignInChunks, type AlignProgress } from '../../../utils/align/progressive';
import type { AlignRequest, AlignResult, Bead } from '../../../utils/align/types';
import { keptSentences, MAX_KEPT_BYTES } from '../../../utils/extension/alignment-service';
import { readBilingualPage } from '../../../utils/page/read-page';
import { toAlignRequest } from '../../../utils/page/split-page';

let dictionary: Dictionary;
let request: AlignRequest;
let whole: AlignResult;
const key = ([zh, en]: Bead) => `${zh.join(',')}/${en.join(',')}`;

beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
  const window = new Window();
  window.document.write(longSeedPage(1_000).html.replace(/<link [^>]*>/g, ''));
  request = toAlignRequest(readBilingualPage(window.document as unknown as Document)!);
  whole = align(request, dictionary);
}, 120_000);

describe('a long document aligned progressively', () => {
  it('in chunks: every sentence in exactly one bead, the beads in order, progress that only grows, and the whole-document beads kept', () => {
    // Reads of the whole document's Chinese blocks, counted to see what a chunk after the first costs.
    let blockReads = 0;
    const counted: AlignRequest = {
      ...request,
      zh: {
        ...request.zh,
        blocks: new Proxy(request.zh.blocks!, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) blockReads += 1;
            return Reflect.get(target, key, receiver) as unknown;
          },
        }),
      },
    };
    const steps = alignInChunks(counted, dictionary);
    const progress: AlignProgress[] = [];
    let step = steps.next();
    const readsInFirstChunk = blockReads;
    while (!step.done) {
      progress.push(step.value);
      step = steps.next();
    }
    // The chunks after the first read the blocks of their own sentences (the overlap past each cut read again by the
    // next chunk): 1,408 reads here, where each chunk counting every block's sentences anew made 8,638.
    const later = request.zh.sentences.length - progress[0]!.zh;
    expect(readsInFirstChunk).toBeGreaterThanOrEqual(request.zh.sentences.length);
    expect(blockReads - readsInFirstChunk).toBeLessThanOrEqual(later + 200 * progress.length);
    const { beads, scores } = step.value;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p, k) => k === 0 || (p.zh > progress[k - 1]!.zh && p.en >= progress[k - 1]!.en))).toBe(true);
    expect(progress.at(-1)!.zh).toBeLessThan(request.zh.sentences.length);
    expect(scores).toHaveLength(beads.length);
    expect(beads.flatMap(([zh]) => zh).sort((a, b) => a - b)).toEqual(request.zh.sentences.map((_, i) => i));
    expect(beads.flatMap(([, en]) => en).sort((a, b) => a - b)).toEqual(request.en.sentences.map((_, j) => j));
    const firstZh = beads.map(([zh]) => zh[0]).filter((i) => i !== undefined);
    expect(firstZh).toEqual([...firstZh].sort((a, b) => a! - b!));
    // Measured: 1,535 of 1,545.
    const same = new Set(whole.beads.map(key));
    expect(beads.filter((bead) => same.has(key(bead))).length / beads.length).toBeGreaterThan(0.98);
  }, 120_000);

  it('around a view in the middle: only beads inside the window, mostly the whole-document ones, the sentence there paired with its own copy', () => {
    const { sentence, counterpart } = sentenceOfCopy(28);
    const at = request.zh.sentences.indexOf(sentence);
    expect(at).toBeGreaterThan(0);
    const around = alignAroundView(request, { zh: [at - 5, at + 10], en: null }, dictionary);
    const zh = around.beads.flatMap(([z]) => z);
    expect(Math.min(...zh)).toBeGreaterThan(at - 80);
    expect(Math.max(...zh)).toBeLessThan(at + 90);
    const same = new Set(whole.beads.map(key));
    // Measured: 61 of 65.
    expect(around.beads.filter((bead) => same.has(key(bead))).length / around.beads.length).toBeGreaterThan(0.85);
    const bead = around.beads.find(([z]) => z.includes(at))!;
    expect(bead[1].map((j) => request.en.sentences[j])).toEqual([counterpart]);
  });

  it('out of view on both sides, nothing is aligned first', () => {
    expect(alignAroundView(request, { zh: null, en: null }, dictionary)).toEqual({ beads: [], scores: [] });
  });
});

describe('what the worker keeps of a page', () => {
  it('keeps every sentence of a page under the budget', () => {
    expect(keptSentences(['一。', '二。'], ['One.', 'Two.'])).toEqual({ zh: 2, en: 2 });
  });

  it('keeps the same share of each side of a longer page, the most that fits', () => {
    const zh = Array.from({ length: 80_000 }, () => '这是一个用来测试的中文句子。'); // 14 characters, 42 bytes
    const en = Array.from({ length: 60_000 }, () => 'This is an English sentence for the test.'); // 41 bytes
    const kept = keptSentences(zh, en);
    const bytes = kept.zh * 42 + kept.en * 41;
    expect(bytes).toBeLessThanOrEqual(MAX_KEPT_BYTES);
    expect(bytes).toBeGreaterThan(MAX_KEPT_BYTES - 500);
    expect(Math.abs(kept.zh / zh.length - kept.en / en.length)).toBeLessThan(0.001);
  });
});
