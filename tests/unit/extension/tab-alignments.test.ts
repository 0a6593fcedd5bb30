import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearTabAlignment,
  followTabAlignment,
  followTabAlignmentEarly,
  fromStored,
  readTabAlignment,
  saveTabAlignment,
  summarize,
  toStored,
  watchTabAlignment,
  type TabAlignment,
} from '../../../utils/extension/tab-alignments';

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

  it('follows a tab from what is kept, and a change made while that is read is not undone by the read', async () => {
    await saveTabAlignment(4, alignment);
    // The first read answers only once the change below has been made and announced, as a slow read can.
    const read = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const spy = vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementationOnce(((keys: string) => {
      const value = read(keys);
      return held.then(() => value);
    }) as typeof fakeBrowser.storage.session.get);
    const seen: Array<string | null> = [];
    const stop = followTabAlignment(4, (a) => seen.push(a?.title ?? null));
    await saveTabAlignment(4, { ...alignment, title: 'Newer' });
    answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    spy.mockRestore();
    expect(seen).toEqual(['Newer']);
    stop();
    await clearTabAlignment(4);
    expect(seen.at(-1)).toBe('Newer');
  });

  it('follows a tab before anything can show it, and hands every later change over', async () => {
    await saveTabAlignment(8, alignment);
    const early = followTabAlignmentEarly(8);
    expect(early.latest).toBeUndefined();
    await early.known;
    expect(early.latest?.title).toBe('Example');
    // A change before the hand-over is kept as the latest; those after it go to the receiver.
    await saveTabAlignment(8, { ...alignment, title: 'Before the hand-over' });
    expect(early.latest?.title).toBe('Before the hand-over');
    const seen: Array<string | null> = [];
    const stop = early.handOver((a) => seen.push(a?.title ?? null));
    await saveTabAlignment(8, { ...alignment, title: 'After' });
    await clearTabAlignment(8);
    stop();
    await saveTabAlignment(8, alignment);
    expect(seen).toEqual(['After', null]);
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
