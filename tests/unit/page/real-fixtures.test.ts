// @vitest-environment happy-dom
/**
 * The fixtures that reproduce real bilingual pages (tests/fixtures/real), read and aligned as the extension does,
 * then judged sentence by sentence as a reader hovering them would judge: the counterpart must lie in the
 * paragraph the page pairs the hovered one with, and the site's chrome must never be read. Real Chromium and
 * Firefox hover the same pages in tests/e2e and `npm run eval`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { align } from '../../../utils/align/aligner';
import type { Dictionary } from '../../../utils/align/dictionary';
import { blockHolding, hoverProbes, judgeHover, locateParagraphs, probePoint, scoreHovers, type RealPageExpectation } from '../../../utils/eval/page-hover';
import { AlignedPage } from '../../../utils/extension/page-session';
import { readBilingualPage } from '../../../utils/page/read-page';
import { toAlignRequest } from '../../../utils/page/split-page';
import { loadPage } from './load-page';

const realDir = path.resolve(__dirname, '../../fixtures/real');
const fixtures = existsSync(realDir) ? readdirSync(realDir).filter((name) => existsSync(path.join(realDir, name, 'expected.json'))) : [];

let dictionary: Dictionary;
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

describe('pages of real layouts', () => {
  it('are at least eight', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of fixtures) {
    it(`${name}: the article is read, the chrome left out, and hovers show the paired paragraph`, () => {
      const expected = JSON.parse(readFileSync(path.join(realDir, name, 'expected.json'), 'utf8')) as RealPageExpectation;
      loadPage(path.join(realDir, name, 'page.html'));
      const page = readBilingualPage(document);
      expect(page, 'a bilingual article').not.toBeNull();
      expect(page!.zhScript).toBe(expected.zhScript);
      expect(page!.zhAlt !== null, 'a second Chinese version').toBe(expected.paragraphs.some((p) => p.zhAlt !== undefined));

      const sides = [page!.zh, page!.en, ...(page!.zhAlt ? [page!.zhAlt] : [])];
      const chromeRead = expected.chrome.flatMap((snippet) => {
        const chrome = blockHolding(document, snippet);
        return sides
          .flatMap((side) => side.sentences)
          .filter((s) => s.ranges.some((r) => chrome.contains(r.startContainer) || chrome.contains(r.endContainer)))
          .map((s) => `${snippet}: ${s.text}`);
      });

      const english = page!.en;
      const result = align(toAlignRequest(page!), dictionary);
      const altResult = page!.zhAlt ? align(toAlignRequest({ zh: page!.zhAlt, en: english, blockPairs: page!.zhAlt.blockPairs }), dictionary) : null;
      const aligned = new AlignedPage(page!, result, altResult, { show: () => undefined, hide: () => undefined }, { highlightCounterpart: false });
      const located = locateParagraphs(document, expected);
      const verdicts = hoverProbes(document, expected).map((probe) => {
        const { node, offset } = probePoint(document, probe);
        const sentences = probe.side === 'zhAlt' ? page!.zhAlt?.sentences ?? [] : page![probe.side].sentences;
        const index = sentences.findIndex((s) => s.ranges.some((r) => r.isPointInRange(node, offset)));
        const bead = index < 0 ? undefined : aligned.beadAt(probe.side, index);
        const counterparts = bead ? (probe.side === 'en' ? bead[0].map((i) => page!.zh.sentences[i]!.text) : bead[1].map((j) => english.sentences[j]!.text)) : [];
        // A sentence the reader did not read shows no tooltip at all: wrong, whatever the paragraph.
        return { probe, right: index >= 0 && judgeHover(located, probe, counterparts), counterparts };
      });
      const wrong = verdicts.filter((v) => !v.right).map((v) => `${v.probe.side} ${v.probe.sentence} → ${v.counterparts.join(' ') || '(nothing)'}`);
      const score = scoreHovers(verdicts).all;
      expect({ chromeRead, hovered: score.probes > 20, share: score.right / score.probes >= 0.95 }, wrong.join('\n')).toEqual({ chromeRead: [], hovered: true, share: true });
    });
  }

  it('a reader whose browser prefers Traditional Chinese gets the Traditional version paired with the English, the Simplified apart', () => {
    const name = 'trilingual-lang-tagged';
    const expected = JSON.parse(readFileSync(path.join(realDir, name, 'expected.json'), 'utf8')) as RealPageExpectation;
    loadPage(path.join(realDir, name, 'page.html'));
    const page = readBilingualPage(document, { preferredScript: 'Hant' })!;
    expect(page.zhScript).toBe('Hant');
    expect(page.zhAlt?.script).toBe('Hans');
    const primary = page.zh.blocks.map((b) => b.element.textContent ?? '').join('\n');
    const other = page.zhAlt!.blocks.map((b) => b.element.textContent ?? '').join('\n');
    for (const paragraph of expected.paragraphs) {
      expect(primary).toContain(paragraph.zhAlt);
      expect(other).toContain(paragraph.zh);
      expect(primary).not.toContain(paragraph.zh);
    }
    // The Traditional sentences are aligned with the English, as the Simplified were.
    const result = align(toAlignRequest(page), dictionary);
    const matched = result.beads.filter(([zh, en]) => zh.length > 0 && en.length > 0).reduce((sum, [zh]) => sum + zh.length, 0);
    expect(matched / page.zh.sentences.length).toBeGreaterThan(0.9);
  });
});

