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
import { activeTabId, openPanel, tabIdFromSearch, type PanelOpening } from '@/utils/extension/panel-opening';
import { watchSettings } from '@/utils/settings/store';

/** The tab named in the URL, else the active tab of this window, following tab switches. */
function useTabId(opened: number | null): number | null {
  const [tabId, setTabId] = useState(opened);
  useEffect(() => {
    if (tabIdFromSearch(location.search) !== null) return;
    const refresh = () => void activeTabId().then(setTabId);
    // A switch between the panel's opening and now.
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

function App({ opening }: { opening: PanelOpening }) {
  const tabId = useTabId(opening.tabId);
  return (
    <SidePanel
      tabId={tabId}
      early={opening.alignment}
      onReveal={(tab, zh, en) => void sendToTab(tab, 'revealBead', { zh, en }).catch(() => undefined)}
      followPage={followHoveredBead}
      appVersion={browser.runtime.getManifest().version}
    />
  );
}

document.documentElement.lang = uiLanguage();
watchSettings((settings) => applyTheme(settings.theme));
void openPanel(location.search).then((opening) => {
  applyTheme(opening.settings.theme);
  render(<App opening={opening} />, document.getElementById('app')!);
});
