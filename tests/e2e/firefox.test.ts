import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchFirefox } from '../../scripts/lib/launch';
import { clickElement, waitFor, type BrowserPage } from '../../scripts/lib/reader';
import { readerSuite } from './reader-suite';

readerSuite('Firefox', async () => {
  // Firefox's sidebar is part of the browser's window, which WebDriver BiDi cannot reach: the side panel's tests
  // run on the same page, sidepanel.html, opened in a tab (see launchFirefox).
  const session = await launchFirefox({ headless: true, extensionPages: true });
  return {
    newPage: async () => (await session.browser.newPage()) as unknown as BrowserPage,
    openSidePanelFor: async (pageUrl) => (await session.openSidePanel(pageUrl)) as unknown as BrowserPage,
    openOptions: async () => (await session.openExtensionPage('options.html')) as unknown as BrowserPage,
    async exportFile(panel, format) {
      const before = new Set(readdirSync(session.downloadsDir));
      await clickElement(panel, `[data-export="${format}"]`);
      // Firefox writes a download under a .part name and renames it when it is complete.
      const fileName = await waitFor(async () => {
        const names = readdirSync(session.downloadsDir);
        return names.find((name) => !before.has(name) && !name.endsWith('.part') && !names.includes(`${name}.part`));
      }, `the ${format} download`);
      return { fileName, text: readFileSync(path.join(session.downloadsDir, fileName), 'utf8') };
    },
    close: () => session.close(),
  };
});
