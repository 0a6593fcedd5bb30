import { describe, expect, it } from 'vitest';
import { splitPage, toAlignRequest, type PageText } from '../../../utils/page/split-page';

const page: PageText = {
  zh: { blocks: [{ text: '标题', role: 'title' }, { text: '第一句。\n第二句！ 123。', role: 'body' }] },
  en: { blocks: [{ text: 'Title', role: 'title' }, { text: 'One  sentence.\nAnother one! 123.', role: 'body' }] },
  blockPairs: [[0, 0]],
};

describe('splitting a page’s blocks', () => {
  it('gives each sentence its block and its offsets in the block’s text, whitespace collapsed, letterless ones left out', () => {
    const sentences = splitPage(page);
    expect(sentences.zh.map((s) => [s.text, s.block])).toEqual([['标题', 0], ['第一句。', 1], ['第二句！', 1]]);
    expect(sentences.en.map((s) => [s.text, s.block])).toEqual([['Title', 0], ['One sentence.', 1], ['Another one!', 1]]);
    for (const side of ['zh', 'en'] as const) {
      for (const { text, block, start, end } of sentences[side]) {
        expect(page[side].blocks[block]!.text.slice(start, end).replace(/\s+/g, ' ').trim()).toBe(text);
      }
    }
  });

  it('makes the aligner’s request from the split sentences and the blocks’ roles', () => {
    const sentences = splitPage(page);
    const request = toAlignRequest({
      zh: { blocks: page.zh.blocks, sentences: sentences.zh },
      en: { blocks: page.en.blocks, sentences: sentences.en },
      blockPairs: page.blockPairs,
    });
    expect(request.zh).toEqual({ sentences: ['标题', '第一句。', '第二句！'], blocks: [0, 1, 1], blockRoles: ['title', 'body'] });
    expect(request.blockPairs).toEqual([[0, 0]]);
  });
});
