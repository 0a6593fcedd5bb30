// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { align } from '../../../utils/align/aligner';
import { beadsHoverF1, tokenF1, type HoverGold } from '../../../utils/eval/hover-f1';
import { readBilingualPage } from '../../../utils/page/read-page';
import { toAlignRequest } from '../../../utils/page/split-page';
import { loadPage } from '../page/load-page';

describe('tokenF1', () => {
  it('counts Han characters, numbers and words, as often as they occur', () => {
    expect(tokenF1(['兩國元首會談'], ['兩國元首會談'])).toBe(1);
    expect(tokenF1([], [])).toBe(1);
    expect(tokenF1(['Xi held talks.'], [])).toBe(0);
    expect(tokenF1(['Xi held talks on May 8.'], ['Xi held talks.'])).toBeCloseTo((2 * 3) / (6 + 3));
    expect(tokenF1(['會談會談'], ['會談'])).toBeCloseTo((2 * 2) / (4 + 2));
  });
});

describe('beadsHoverF1', () => {
  const gold: HoverGold = { zh: ['甲。', '乙。', '丙。'], en: ['A one.', 'B two.'], links: [[0, 0], [1, 1]] };
  it('is 1 for beads that show exactly the gold, unmatched sentences included', () => {
    expect(beadsHoverF1(gold, [[[0], [0]], [[1], [1]], [[2], []]]).all).toBe(1);
  });
  it('charges a merged bead for what it shows too much, and a sentence shown where the gold has none', () => {
    const merged = beadsHoverF1(gold, [[[0, 1], [0, 1]], [[2], []]]);
    expect(merged.zh).toBeCloseTo((2 * (2 / 6) * 2 + 1) / 3);
    expect(beadsHoverF1(gold, [[[0], [0]], [[1, 2], [1]]]).zh).toBeCloseTo(2 / 3);
  });
});

describe('the seed page, hovered sentence by sentence (the aligner in Node on the page as the reader reads it)', () => {
  it('shows what the gold links, captions included', () => {
    const gold = JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.gold.json'), 'utf8')) as HoverGold;
    loadPage(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.html'));
    const request = toAlignRequest(readBilingualPage(document)!);
    // The gold's indices are the reader's sentences: a change in the splitting must be seen, not scored.
    expect(request.zh.sentences).toEqual(gold.zh);
    expect(request.en.sentences).toEqual(gold.en);
    const f1 = beadsHoverF1(gold, align(request, loadDictionaryFromDisk()).beads);
    expect(f1.all).toBeGreaterThanOrEqual(0.85);
  });
});
