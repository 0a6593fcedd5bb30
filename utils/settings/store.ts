import { browser } from 'wxt/browser';
import { migrateSettings, siteHostname, withSiteEnabled, type Settings } from './schema';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return migrateSettings(stored[KEY]);
}

/** Stores the settings as validation leaves them, so an out-of-range value typed in a form is never kept. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: migrateSettings(settings) });
}

export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = migrateSettings(change(await loadSettings()));
  await saveSettings(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName === 'local' && KEY in changes) onChange(migrateSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * The keyboard shortcut (commands API): Parallax on or off for the site of the tab it was pressed on. The tab's
 * content script follows the setting. A tab with no web address (a browser page) has no site: nothing changes.
 */
export async function toggleSiteOf(tab: { url?: string } | undefined): Promise<void> {
  const hostname = tab?.url ? siteHostname(tab.url) : null;
  if (hostname) await updateSettings((s) => withSiteEnabled(s, hostname, s.disabledSites.includes(hostname)));
}
