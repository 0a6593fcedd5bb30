import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followHoveredBead } from '../../../utils/extension/hovered-bead';

describe('the side panel following the page', () => {
  beforeEach(() => fakeBrowser.reset());

  // As the browser describes the content script of a tab's top frame.
  const hover = (tabId: number, payload: unknown) =>
    fakeBrowser.runtime.onMessage.trigger(
      { type: 'beadHovered', payload },
      { id: fakeBrowser.runtime.id, url: 'https://example.com/', frameId: 0, tab: { id: tabId } as Browser.tabs.Tab },
      () => undefined,
    );

  it('keeps the beads hovered on its own tab only, until it stops', async () => {
    const seen: Array<[number[], number[]]> = [];
    const stop = followHoveredBead(7, (zh, en) => seen.push([zh, en]));
    await hover(7, { zh: [2], en: [3, 4] });
    await hover(8, { zh: [5], en: [] });
    await hover(7, { zh: 'all', en: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([[[2], [3, 4]]]);
    stop();
    await hover(7, { zh: [9], en: [] }).catch(() => undefined);
    expect(seen).toHaveLength(1);
  });
});
