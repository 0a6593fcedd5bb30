import '@/components/panel.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupProps } from '@/components/Popup';
import { canOpenSidePanel, openSidePanel } from '@/utils/extension/side-panel';
import { loadSettings, updateSettings } from '@/utils/settings/store';

async function currentTab(): Promise<PopupProps['tab']> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  let hostname = '';
  try {
    hostname = tab.url ? new URL(tab.url).hostname : '';
  } catch {
    // Tabs of the browser's own pages have no usable URL.
  }
  return { id: tab.id, hostname, windowId: tab.windowId };
}

async function show(): Promise<void> {
  const [tab, settings] = await Promise.all([currentTab(), loadSettings()]);
  const toggleSite = async (enabled: boolean) => {
    if (!tab) return;
    await updateSettings((s) => ({
      ...s,
      disabledSites: enabled ? s.disabledSites.filter((h) => h !== tab.hostname) : [...s.disabledSites, tab.hostname],
    }));
    await show();
  };
  const openPanel = canOpenSidePanel()
    ? () => {
        void openSidePanel(tab?.windowId).then(() => window.close());
      }
    : null;
  render(<Popup tab={tab} settings={settings} onToggleSite={(e) => void toggleSite(e)} onOpenSidePanel={openPanel} />, document.getElementById('app')!);
}

void show();
