import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIREFOX_BUILD, launchFirefox } from '../../scripts/lib/launch';
import { clickElement, waitFor, type BrowserPage } from '../../scripts/lib/reader';
import { interfaceInChineseSuite, readerSuite, type BrowserUnderTest } from './reader-suite';

async function firefoxUnderTest(options: { locale?: string } = {}): Promise<BrowserUnderTest> {
  // Firefox's sidebar is part of the browser's window, which WebDriver BiDi cannot reach: the side panel's tests
  // run on the same page, sidepanel.html, opened in a tab (see launchFirefox).
  const session = await launchFirefox({ headless: true, forTests: true, ...options });
  const downloadsDir = session.downloadsDir!;
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
    openSidePanelFor: async (pageUrl) => (await session.openSidePanel(pageUrl)) as unknown as BrowserPage,
    openOptions: async () => (await session.openExtensionPage('options.html')) as unknown as BrowserPage,
    openPopupFor: async (pageUrl) => (await session.openExtensionPageFor('popup.html', pageUrl)) as unknown as BrowserPage,
    buildDir: FIREFOX_BUILD,
    async pressShortcut(page, shortcut) {
      await (page as unknown as Page).bringToFront();
      await session.pressShortcut(shortcut);
    },
    async exportFile(panel, format) {
      const before = new Set(readdirSync(downloadsDir));
      await clickElement(panel, `[data-export="${format}"]`);
      // Firefox writes a download under a .part name beside its final one, and the final one was once found here
      // still empty: the file is read once it has text that keeps its size and no .part stands beside it.
      let seen = -1;
      const fileName = await waitFor(async () => {
        const names = readdirSync(downloadsDir);
        const name = names.find((n) => !before.has(n) && !n.endsWith('.part'));
        if (!name || names.includes(`${name}.part`)) return null;
        const size = statSync(path.join(downloadsDir, name)).size;
        // The same size twice in a row, 50 ms apart, and not empty: nothing is writing it any more.
        const settled = size > 0 && size === seen;
        seen = size;
        return settled ? name : null;
      }, `the ${format} download`);
      return { fileName, text: readFileSync(path.join(downloadsDir, fileName), 'utf8') };
    },
    pageFindings: null,
    close: () => session.close(),
  };
}

readerSuite('Firefox', () => firefoxUnderTest());
// Firefox speaks Chinese with its language pack alone (Debian's firefox-esr-l10n-zh-cn); without it the browser
// stays in English and this fails.
interfaceInChineseSuite('Firefox', () => firefoxUnderTest({ locale: 'zh-CN' }));
