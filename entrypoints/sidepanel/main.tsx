import '@/components/theme.css';
import '@/components/panel.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SidePanel } from '@/components/SidePanel';
import { followHoveredBead } from '@/utils/extension/hovered-bead';
import { applyTheme } from '@/components/theme';
import { uiLanguage } from '@/utils/i18n';
import { sendToTab } from '@/utils/messaging';
import { loadSettings, watchSettings } from '@/utils/settings/store';

/** The tab named in the URL (`?tabId=`), else the active tab of this window, following tab switches. */
function useTabId(): number | null {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : null);
  useEffect(() => {
    if (Number.isInteger(fromUrl) && fromUrl > 0) return;
    const refresh = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
    };
  }, []);
  return tabId;
}

function App() {
  const tabId = useTabId();
  return (
    <SidePanel
      tabId={tabId}
      onReveal={(tab, zh, en) => void sendToTab(tab, 'revealBead', { zh, en }).catch(() => undefined)}
      followPage={followHoveredBead}
      appVersion={browser.runtime.getManifest().version}
    />
  );
}

document.documentElement.lang = uiLanguage();
// The reader's theme, now and whenever it changes.
void loadSettings().then((settings) => applyTheme(settings.theme));
watchSettings((settings) => applyTheme(settings.theme));
render(<App />, document.getElementById('app')!);
