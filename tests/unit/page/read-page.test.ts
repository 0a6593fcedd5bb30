// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { align } from '../../../utils/align/aligner';
import type { Dictionary } from '../../../utils/align/dictionary';
import { looksLikeTranslations } from '../../../utils/align/summary';
import type { HoverGold } from '../../../utils/eval/hover-f1';
import { readBilingualPage } from '../../../utils/page/read-page';
import type { PageSentence } from '../../../utils/page/types';
import { toAlignRequest } from '../../../utils/page/split-page';
import { loadPage } from './load-page';

const layouts = path.resolve(__dirname, '../../fixtures/layouts');

interface ExpectedSide {
  roles?: string[];
  sentences: number;
  first: string;
}
interface Expected {
  bilingual: true;
  zhScript: 'Hant' | 'Hans';
  zh: ExpectedSide;
  en: ExpectedSide;
  blockPairs?: Array<[number, number]>;
  pairs: Array<{ zh: string; en: string }>;
}

let dictionary: Dictionary;
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

const pages = readdirSync(layouts).filter((f) => f.endsWith('.html'));
/** Pages built by their own scripts are read in real browsers only (tests/e2e); happy-dom here runs no scripts. */
// Silent pages have no expected result: nothing is to be found on them.
const expectationOf = (file: string) => {
  const expected = path.join(layouts, file.replace('.html', '.expected.json'));
  return existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')) : {};
};
const builtByScript = (file: string) => expectationOf(file).browserOnly !== undefined;
const unrelated = (file: string) => expectationOf(file).unrelated !== undefined;

describe('bilingual layouts', () => {
  for (const file of pages.filter((f) => !f.startsWith('silent-') && !builtByScript(f) && !unrelated(f))) {
    it(`reads ${file} as its expected result says`, () => {
      const expected = JSON.parse(readFileSync(path.join(layouts, file.replace('.html', '.expected.json')), 'utf8')) as Expected;
      loadPage(path.join(layouts, file));
      const page = readBilingualPage(document);
      expect(page).not.toBeNull();
      expect(page!.zhScript).toBe(expected.zhScript);
      for (const side of ['zh', 'en'] as const) {
        expect(page![side].sentences.map((s) => s.text)).toHaveLength(expected[side].sentences);
        expect(page![side].sentences[0]!.text).toBe(expected[side].first);
        if (expected[side].roles) expect(page![side].blocks.map((b) => b.role)).toEqual(expected[side].roles);
        // Every sentence's range reads back as the sentence (whitespace aside).
        for (const sentence of page![side].sentences) {
          expect(sentence.ranges.map((r) => r.toString()).join('').replace(/\s+/g, ' ').trim()).toBe(sentence.text);
        }
      }
      if (expected.blockPairs) expect(page!.blockPairs).toEqual(expected.blockPairs);
      const request = toAlignRequest(page!);
      const result = align(request, dictionary);
      for (const pair of expected.pairs) {
        const i = request.zh.sentences.indexOf(pair.zh);
        const j = request.en.sentences.indexOf(pair.en);
        expect(i, pair.zh).toBeGreaterThanOrEqual(0);
        expect(j, pair.en).toBeGreaterThanOrEqual(0);
        expect(result.beads.some(([zh, en]) => zh.includes(i) && en.includes(j)), `${pair.zh} ↔ ${pair.en}`).toBe(true);
      }
    });
  }
});

describe('pages that are not bilingual articles', () => {
  for (const file of pages.filter((f) => f.startsWith('silent-'))) {
    it(`stays silent on ${file}`, () => {
      loadPage(path.join(layouts, file));
      expect(readBilingualPage(document)).toBeNull();
    });
  }
  it('stays silent on an English-only article with a 中文 link', () => {
    loadPage(path.resolve(__dirname, '../../fixtures/seed/english-only.html'));
    expect(readBilingualPage(document)).toBeNull();
  });
});

// A stacked page puts one article after the other: the quick look must see the whole page, not a sample of it.
describe('a long article with the other language only after it', () => {
  const en = (k: number) => `<p>Paragraph ${k}: This spring the city built new schools and a library. The children said they liked the science books best.</p>`;
  const zh = (k: number) => `<p>第${k}段：今年春天，这个城市新建了学校和一座图书馆。孩子们说，他们最喜欢图书馆里的科学书。</p>`;
  const article = (paragraphs: (k: number) => string, count: number) => `<article>${Array.from({ length: count }, (_, k) => paragraphs(k)).join('')}</article>`;
  const page = (body: string) => {
    document.body.innerHTML = `<main>${body}</main>`;
    return readBilingualPage(document);
  };

  it('finds a Chinese article after a long English one', () => {
    const found = page(article(en, 2_000) + article(zh, 5))!;
    expect(found).not.toBeNull();
    expect(found.zh.sentences[0]!.text).toBe('第0段：今年春天，这个城市新建了学校和一座图书馆。');
  });

  it('finds an English article after a long Chinese one', () => {
    const found = page(article(zh, 2_000) + article(en, 5))!;
    expect(found).not.toBeNull();
    expect(found.en.sentences[0]!.text).toBe('Paragraph 0: This spring the city built new schools and a library.');
  });

  it('stays silent when the only Chinese after a long English article is a 中文 link and a script name', () => {
    expect(page(`${article(en, 2_000)}<p><a href="/zh">中文</a> 简体</p>`)).toBeNull();
  });
});

describe('texts in both languages that do not translate each other', () => {
  for (const file of pages.filter(unrelated)) {
    it(`reads ${file}, and its alignment says the two sides are not one article`, () => {
      loadPage(path.join(layouts, file));
      const page = readBilingualPage(document)!;
      expect(page).not.toBeNull();
      const result = align(toAlignRequest(page), dictionary);
      expect(looksLikeTranslations(result, page.zh.sentences.length, page.en.sentences.length)).toBe(false);
    });
  }
  it('the seed page and every layout fixture do read as translations', () => {
    for (const file of [path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.html'), ...pages.filter((f) => !f.startsWith('silent-') && !builtByScript(f) && !unrelated(f)).map((f) => path.join(layouts, f))]) {
      loadPage(file);
      const page = readBilingualPage(document)!;
      const result = align(toAlignRequest(page), dictionary);
      expect(looksLikeTranslations(result, page.zh.sentences.length, page.en.sentences.length), file).toBe(true);
    }
  });
});

describe('the seed page', () => {
  it('finds the Traditional Chinese article and the English one, with titles and captions, and no meta line', () => {
    loadPage(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.html'));
    const page = readBilingualPage(document)!;
    expect(page.zhScript).toBe('Hant');
    expect(page.zh.blocks[0]!.role).toBe('title');
    expect(page.zh.blocks.some((b) => b.role === 'meta')).toBe(false);
    expect(page.zh.sentences.map((s) => s.text).join('')).not.toContain('發佈時間');
    expect(page.zh.blocks.filter((b) => b.role === 'caption')).toHaveLength(7);
    expect(page.en.blocks.filter((b) => b.role === 'caption')).toHaveLength(7);
    expect(page.en.blocks.filter((b) => b.role === 'title').map((b) => b.element.textContent)).toEqual([
      'Xi says China, Russia to shoulder special responsibility as major countries',
    ]);
    const allText = [...page.zh.sentences, ...page.en.sentences].map((s) => s.text).join('\n');
    // Site chrome stays out: navigation, language switcher, cookie banner, related links, footer.
    for (const chrome of ['首頁 Home', '简体中文', 'This site uses cookies', '相關新聞', 'All rights reserved']) {
      expect(allText).not.toContain(chrome);
    }
    expect(page.en.sentences[0]!.text).toBe('We will stay firmly rooted in Chinese culture.');
  });

  it('pairs the sentences and captions its expected result names, each in a bead of exactly its gold shape, and leaves the preface quote unmatched', () => {
    const expected = JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.expected.json'), 'utf8')) as SeedExpected;
    const gold = JSON.parse(readFileSync(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.gold.json'), 'utf8')) as HoverGold;
    loadPage(path.resolve(__dirname, '../../fixtures/seed/xinhua-moscow.html'));
    const request = toAlignRequest(readBilingualPage(document)!);
    const { beads } = align(request, dictionary);
    const other = (side: 'zh' | 'en') => (side === 'zh' ? 'en' : 'zh');
    // `locate` tells a sentence that appears twice (in a caption and in the body) by the text that follows it.
    const beadOf = (side: 'zh' | 'en', sentence: string, locate = sentence) => {
      const sentences = request[side].sentences;
      const index = sentences.findIndex((s, k) => s.includes(sentence) && (s + (sentences[k + 1] ?? '')).includes(locate));
      expect(index, sentence).toBeGreaterThanOrEqual(0);
      return { index, bead: beads.find((bead) => bead[side === 'zh' ? 0 : 1].includes(index))! };
    };
    for (const pair of expected.pairs) {
      const { index, bead } = beadOf(pair.hover, pair.sentence, pair.locate);
      // The whole bead: the hovered sentence alone on its side, and on the other exactly the expected counterpart,
      // which is what the gold links to the hovered sentence. A bead that took in a neighbour fails here.
      const side = pair.hover === 'zh' ? 0 : 1;
      expect(bead[side], pair.sentence).toEqual([index]);
      expect(bead[1 - side]!.map((k) => request[other(pair.hover)].sentences[k]), pair.sentence).toEqual(pair.counterpart);
      const linked = gold.links.filter((link) => link[side] === index).map((link) => gold[other(pair.hover)][link[1 - side]!]);
      expect(linked, `the gold's counterpart of ${pair.sentence}`).toEqual(pair.counterpart);
    }
    for (const lone of expected.unmatched) {
      expect(beadOf(lone.hover, lone.sentence).bead[other(lone.hover) === 'zh' ? 0 : 1], lone.sentence).toEqual([]);
    }
  });
});

interface SeedExpected {
  pairs: Array<{ hover: 'zh' | 'en'; sentence: string; locate?: string; counterpart: string[] }>;
  unmatched: Array<{ hover: 'zh' | 'en'; sentence: string }>;
}

describe('a sentence whose text runs past something that is not its own', () => {
  // Found by the page reader's property test: one range from the sentence's first text node to its last held the
  // hidden element between them, and a block nested in the paragraph, which would be highlighted and hovered as
  // part of the sentence.
  it('covers only its own text, across a hidden element and a nested block', () => {
    document.body.innerHTML = `<article>
      <p>今天我们在公园<span hidden>隐藏的文字。</span>散步，天气很好。我们看见了一只黑色的狗，它跑得很快。后来下起了大雨。</p>
      <div>This morning we walked in the park<blockquote>我们都回家了。 We all went home.</blockquote> and the weather was fine. We saw a black dog that ran very fast. Later it rained.</div>
    </article>`;
    const page = readBilingualPage(document)!;
    const rangeText = (sentence: PageSentence) => sentence.ranges.map((r) => r.toString()).join('');
    expect(page.zh.sentences[0]!.text).toBe('今天我们在公园散步，天气很好。');
    expect(rangeText(page.zh.sentences[0]!)).toBe('今天我们在公园散步，天气很好。');
    expect(page.en.sentences[0]!.text).toBe('This morning we walked in the park and the weather was fine.');
    expect(rangeText(page.en.sentences[0]!)).toBe('This morning we walked in the park and the weather was fine.');
  });
});
