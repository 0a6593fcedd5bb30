import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, showAlignmentsOnBadge } from '../../../utils/extension/badge';
import { clearTabAlignment, saveTabAlignment, type TabAlignment } from '../../../utils/extension/tab-alignments';

const ready: TabAlignment = {
  url: 'https://news.example/a',
  title: 'A',
  zhScript: 'Hans',
  zh: ['一。', '二。', '三。'],
  en: ['One.', 'Two.'],
  status: 'ready',
  result: { beads: [[[0], [0]], [[1], [1]], [[2], []]], scores: [0.9, 0.8, 0] },
  alignMs: 12,
  updatedAt: 1,
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const badgeOf = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

let stop: () => void;
beforeEach(() => {
  fakeBrowser.reset();
  stop = showAlignmentsOnBadge();
});
afterEach(() => stop());

describe('toolbar badge', () => {
  it('shows the pair count of an aligned page, per tab, and nothing once its result is cleared', async () => {
    await saveTabAlignment(3, { ...ready, status: 'aligning' });
    await settle();
    expect(await badgeOf(3)).toBe('');
    await saveTabAlignment(3, ready);
    await settle();
    expect(await badgeOf(3)).toBe('2');
    expect(await badgeOf(4)).toBe('');
    await clearTabAlignment(3);
    await settle();
    expect(await badgeOf(3)).toBe('');
  });

  it('ignores other stored values', async () => {
    await fakeBrowser.storage.session.set({ 'dictionary:3': 1 });
    await fakeBrowser.storage.local.set({ 'tab:5': ready });
    await settle();
    expect(await badgeOf(3)).toBe('');
    expect(await badgeOf(5)).toBe('');
  });

  it('is short, and empty for a failed alignment or one without pairs', () => {
    expect(badgeText(null)).toBe('');
    expect(badgeText({ ...ready, status: 'error', error: 'x' })).toBe('');
    expect(badgeText({ ...ready, result: { beads: [[[0], []]], scores: [0] } })).toBe('');
    const many = (pairs: number): TabAlignment => ({ ...ready, result: { beads: Array.from({ length: pairs }, (_, i) => [[i], [i]]), scores: [] } });
    expect(badgeText(many(999))).toBe('999');
    expect(badgeText(many(1911))).toBe('1k');
  });
});
