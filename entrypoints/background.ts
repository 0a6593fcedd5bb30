import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { alignPage } from '@/utils/extension/alignment-service';
import { showAlignmentsOnBadge } from '@/utils/extension/badge';
import { clearTabAlignment } from '@/utils/extension/tab-alignments';
import { handleMessages, type BackgroundProtocol } from '@/utils/messaging';
import { siteHostname, withSiteEnabled } from '@/utils/settings/schema';
import { updateSettings } from '@/utils/settings/store';

/** The keyboard shortcut: Parallax on or off for the active tab's site; its content script follows the setting. */
async function toggleSiteOf(tab: { url?: string } | undefined): Promise<void> {
  const hostname = tab?.url ? siteHostname(tab.url) : null;
  if (hostname) await updateSettings((s) => withSiteEnabled(s, hostname, s.disabledSites.includes(hostname)));
}

export default defineBackground(() => {
  handleMessages<BackgroundProtocol>({
    alignPage: (message, sender) => alignPage(message, sender),
    pageCleared: async (_, sender) => {
      if (sender.tabId !== undefined) await clearTabAlignment(sender.tabId);
    },
  });
  showAlignmentsOnBadge();
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-site') void toggleSiteOf(tab);
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearTabAlignment(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: its old pairs must not show in the side panel.
    if (change.status === 'loading' && change.url) void clearTabAlignment(tabId);
  });
});
