/**
 * The toolbar badge says that a tab's page is aligned: its number of sentence pairs, and nothing while the page is
 * being aligned, failed, or holds no bilingual article. It follows the tab's kept alignment, so every way a result
 * is saved or cleared (new page, site switched off, tab closed) updates it.
 */
import { browser } from 'wxt/browser';
import { summarizeBeads } from '../align/summary';
import { watchEveryTabAlignment, type TabAlignment } from './tab-alignments';

interface BadgeApi {
  setBadgeText(details: { text: string; tabId: number }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

// Chrome's MV3 calls it `action`, Firefox's MV2 `browserAction`.
function badgeApi(): BadgeApi | undefined {
  const api = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return api.action ?? api.browserAction;
}

/** The badge's text for a tab: the pair count, shortened to fit the badge's four characters. */
export function badgeText(alignment: TabAlignment | null): string {
  if (alignment?.status !== 'ready') return '';
  const pairs = summarizeBeads(alignment.result.beads).pairs;
  if (pairs === 0) return '';
  return pairs < 1000 ? String(pairs) : `${Math.min(99, Math.floor(pairs / 1000))}k`;
}

/** Keeps every tab's badge in step with its alignment; returns a stop function. */
export function showAlignmentsOnBadge(): () => void {
  const api = badgeApi();
  if (!api) return () => undefined;
  // The theme's accent red; its white text has 6:1 contrast.
  void api.setBadgeBackgroundColor({ color: '#b3121b' }).catch(() => undefined);
  return watchEveryTabAlignment((tabId, alignment) => {
    // A tab that has just closed cannot take a badge; its result is cleared as it closes.
    void api.setBadgeText({ tabId, text: badgeText(alignment) }).catch(() => undefined);
  });
}
