import { launchChromium } from '../../scripts/lib/launch';
import type { BrowserPage } from '../../scripts/lib/reader';
import { readerSuite } from './reader-suite';

readerSuite('Chromium', async () => {
  const session = await launchChromium({ headless: true });
  return {
    newPage: async () => (await session.context.newPage()) as unknown as BrowserPage,
    async openSidePanelFor(pageUrl) {
      const panel = await session.context.newPage();
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      const tabId = await panel.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } } }).chrome;
        return (await api.tabs.query({ url }))[0]?.id;
      }, pageUrl);
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
      return panel as unknown as BrowserPage;
    },
    close: () => session.close(),
  };
});
