import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { alignPage, alignRest, forgetTab, preloadDictionary, receivePageBlocks } from '@/utils/extension/alignment-service';
import { showAlignmentsOnBadge } from '@/utils/extension/badge';
import { handleMessages, type BackgroundProtocol } from '@/utils/messaging';
import { toggleSiteOf } from '@/utils/settings/store';

export default defineBackground(() => {
  handleMessages<BackgroundProtocol>({
    alignPage: (message, sender) => alignPage(message, sender),
    pageBlocks: (message, sender) => receivePageBlocks(message, sender),
    alignRest: (_, sender) => alignRest(sender),
    pageLooksBilingual: () => preloadDictionary(),
    pageCleared: async (_, sender) => {
      if (sender.tabId !== undefined) await forgetTab(sender.tabId);
    },
  });
  showAlignmentsOnBadge();
  browser.runtime.onInstalled.addListener(() => preloadDictionary());
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-site') void toggleSiteOf(tab);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document in the tab: its old pairs must not show in the side panel, nor its old page be aligned on.
    if (change.status === 'loading' && change.url) void forgetTab(tabId);
  });
});
