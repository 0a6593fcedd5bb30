import { launchFirefox } from '../../scripts/lib/launch';
import type { BrowserPage } from '../../scripts/lib/reader';
import { readerSuite } from './reader-suite';

readerSuite('Firefox', async () => {
  const session = await launchFirefox({ headless: true });
  return {
    newPage: async () => (await session.browser.newPage()) as unknown as BrowserPage,
    openSidePanelFor: null,
    pageFindings: null,
    close: () => session.close(),
  };
});
