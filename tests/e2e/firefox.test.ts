import { launchFirefox } from '../../scripts/lib/launch';
import type { BrowserPage } from '../../scripts/lib/reader';
import { readerSuite } from './reader-suite';

readerSuite('Firefox', async () => {
  const session = await launchFirefox({ headless: true });
  const requests: string[] = [];
  return {
    newPage: async () => {
      const page = await session.browser.newPage();
      page.on('request', (request) => void requests.push(request.url()));
      return page as unknown as BrowserPage;
    },
    requests: () => requests,
    // The extension's files: their host is a UUID the browser draws for the install, and this is the only extension.
    isOwnFile: (url) => url.startsWith('moz-extension://'),
    openSidePanelFor: null,
    pageFindings: null,
    close: () => session.close(),
  };
});
