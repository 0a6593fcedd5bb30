import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, launchFirefox, type FirefoxSession } from '../../scripts/lib/launch';
import { clickElement, expectedSeed, fixturesDir, hoverSentence, waitFor, waitUntilReady, type BrowserPage } from '../../scripts/lib/reader';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';
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

describe('Firefox: the extension reloaded while a page is open', () => {
  let session: FirefoxSession;
  let server: StaticServer;
  const expected = expectedSeed();
  beforeAll(async () => {
    server = await serveDirectory(fixturesDir);
    session = await launchFirefox({ headless: true, forTests: true });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('the old copy’s UI leaves the page, and the new copy’s script answers the reader', async () => {
    const page = (await session.browser.newPage()) as unknown as BrowserPage;
    await page.goto(`${server.url}/${expected.page}?reloaded`);
    await waitUntilReady(page);
    const hosts = () => page.evaluate(() => document.querySelectorAll('parallax-ui').length, null);
    expect(await hosts()).toBe(1);
    // As an update does: Firefox ends the old copy's scripts, which cannot clean up, and starts the new copy's in
    // the pages already open.
    await page.evaluate(() => document.querySelector('parallax-ui')!.setAttribute('data-old-copy', ''), null);
    const extensionPage = await session.openExtensionPage('options.html');
    await extensionPage.evaluate(() => void (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload()).catch(() => undefined);
    await waitFor(async () => (await page.evaluate(() => document.querySelector('parallax-ui[data-old-copy]') === null, null)) && (await hosts()) === 1, 'the old copy’s UI to leave the page');
    await waitUntilReady(page);
    // Left alone for a while: the new copy's UI is the only one, not one beside the old one.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await hosts()).toBe(1);
    const pair = expected.pairs[0]!;
    const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
    expect(tooltip.counterparts.map((c) => c.text)).toEqual(pair.counterpart);
  });
});
