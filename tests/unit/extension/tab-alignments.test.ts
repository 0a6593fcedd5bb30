import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearTabAlignment, fromStored, readTabAlignment, saveTabAlignment, summarize, toStored, watchTabAlignment, type TabAlignment } from '../../../utils/extension/tab-alignments';

const alignment: TabAlignment = {
  url: 'https://example.com/',
  title: 'Example',
  zhScript: 'Hant',
  zh: ['一。', '二。', '三。'],
  en: ['One.', 'Two.', 'Extra.'],
  status: 'ready',
  result: { beads: [[[0], [0]], [[1, 2], [1]], [[], [2]]], scores: [0.9, 0.5, 0] },
  alignMs: 4,
  updatedAt: 1,
};

describe('per-tab alignments', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each tab’s alignment apart and clears it', async () => {
    await saveTabAlignment(1, alignment);
    await saveTabAlignment(2, { ...alignment, title: 'Other' });
    expect((await readTabAlignment(1))?.title).toBe('Example');
    expect((await readTabAlignment(2))?.title).toBe('Other');
    await clearTabAlignment(1);
    expect(await readTabAlignment(1)).toBeNull();
    expect(await readTabAlignment(2)).not.toBeNull();
  });

  it('tells a watcher about its own tab only', async () => {
    const seen: Array<string | null> = [];
    const stop = watchTabAlignment(5, (a) => seen.push(a?.title ?? null));
    await saveTabAlignment(6, alignment);
    await saveTabAlignment(5, alignment);
    await clearTabAlignment(5);
    stop();
    await saveTabAlignment(5, alignment);
    expect(seen).toEqual(['Example', null]);
  });

  it('reads back exactly what was kept, kept as a few strings', async () => {
    const awkward: TabAlignment = {
      ...alignment,
      zh: ['一，二；三。', '', '含有/分号;和逗号,的句子。'],
      en: ['Commas, slashes/ and; semicolons.', 'Ünïcode 😀 text.', ''],
      result: { beads: [[[0], [0, 1]], [[], [2]], [[1, 2], []]], scores: [0.123456789, 1 / 3, 0] },
    };
    await saveTabAlignment(3, awkward);
    expect(await readTabAlignment(3)).toEqual(awkward);
    const stored = toStored(awkward);
    expect(Object.values(stored).every((value) => typeof value !== 'object')).toBe(true);
    expect(fromStored(toStored({ ...alignment, zh: [], en: [], result: { beads: [], scores: [] } }))).toEqual({ ...alignment, zh: [], en: [], result: { beads: [], scores: [] } });
  });

  it('counts pairs and unmatched sentences', () => {
    expect(summarize(alignment)).toEqual({ zhSentences: 3, enSentences: 3, pairs: 2, unmatchedZh: 0, unmatchedEn: 1 });
  });
});
