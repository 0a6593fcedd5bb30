import '@/components/theme.css';
import '@/components/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '@/components/Popup';
import { applyTheme } from '@/components/theme';
import { canOpenSidePanel, openSidePanel } from '@/utils/extension/side-panel';
import { t, uiLanguage } from '@/utils/i18n';
import { withSiteEnabled, type Settings } from '@/utils/settings/schema';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings/store';

/** The tab named in the URL (`?tabId=`, as tests and screenshots open the popup as a page), else the active tab. */
async function currentTab(): Promise<PopupProps['tab']> {
  const named = Number(new URLSearchParams(location.search).get('tabId'));
  const [tab] = Number.isInteger(named) && named > 0 ? [await browser.tabs.get(named)] : await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  let hostname = '';
  try {
    const url = new URL(tab.url ?? '');
    // The content script runs on web pages alone; elsewhere there is no site to switch.
    if (url.protocol === 'http:' || url.protocol === 'https:') hostname = url.hostname;
  } catch {
    // Tabs of the browser's own pages may have no URL the extension can see.
  }
  return { id: tab.id, hostname, windowId: tab.windowId };
}

async function start(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  document.title = t('extensionName');
  const [tab, initialSettings] = await Promise.all([currentTab(), loadSettings()]);
  const root = document.getElementById('app')!;

  const toggleSite = (enabled: boolean) => {
    if (!tab?.hostname) return;
    void updateSettings((s) => withSiteEnabled(s, tab.hostname, enabled));
  };
  const toggleEverywhere = (enabled: boolean) => void updateSettings((s) => ({ ...s, enabled }));
  const openPanel = canOpenSidePanel()
    ? () => {
        void openSidePanel(tab?.windowId).then(() => window.close());
      }
    : null;
  // Firefox leaves the popup open over the options tab.
  const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());

  const show = (settings: Settings) => {
    applyTheme(settings.theme);
    render(
      <Popup
        tab={tab}
        settings={settings}
        onToggleSite={toggleSite}
        onToggleEverywhere={toggleEverywhere}
        onOpenSidePanel={openPanel}
        onOpenOptions={openOptions}
      />,
      root,
    );
  };
  show(initialSettings);
  // The switches write the settings; showing what is stored keeps the popup true to the options page too.
  watchSettings(show);
}

void start();
