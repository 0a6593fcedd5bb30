import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as OpenCC from 'opencc-js';
import { CHROME_BUILD, launchChromium, type ChromiumSession } from '../../scripts/lib/launch';
import {
  clickElement,
  dictionaryAskedMs,
  dictionaryLoad,
  dictionaryStored,
  expectedSeed,
  fixturesDir,
  hoverSentence,
  pointOnText,
  readTooltip,
  uiState,
  waitFor,
  waitUntilReady,
  type BrowserPage,
} from '../../scripts/lib/reader';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';
import { toStored, type TabAlignment } from '../../utils/extension/tab-alignments';
import { interfaceInChineseSuite, readerSuite, type BrowserUnderTest } from './reader-suite';

async function chromiumUnderTest(options: { locale?: string } = {}): Promise<BrowserUnderTest> {
  const session = await launchChromium({ headless: true, backForwardCache: true, ...options });
  const requests: string[] = [];
  session.context.on('request', (request) => void requests.push(request.url()));
  return {
    requests: () => requests,
    // The style sheet of the tooltip is web-accessible with a dynamic address (use_dynamic_url), whose host is a
    // random identifier for the session rather than the extension's id, so that a page cannot tell it is installed.
    isOwnFile: (url) => url.startsWith(`chrome-extension://${session.extensionId}/`) || /^chrome-extension:\/\/[0-9a-f-]{36}\/content-scripts\/content\.css$/.test(url),
    newPage: async () => (await session.context.newPage()) as unknown as BrowserPage,
    openSidePanelFor: async (pageUrl) => (await session.openSidePanel(pageUrl)) as unknown as BrowserPage,
    async openOptions() {
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      return options as unknown as BrowserPage;
    },
    openPopupFor: async (pageUrl) => (await session.openExtensionPageFor('popup.html', pageUrl)) as unknown as BrowserPage,
    buildDir: CHROME_BUILD,
    async pressShortcut(page, shortcut) {
      await (page as unknown as Page).bringToFront();
      await session.pressShortcut(page as unknown as Page, shortcut);
    },
    async exportFile(panel, format) {
      const [download] = await Promise.all([(panel as unknown as Page).waitForEvent('download'), clickElement(panel, `[data-export="${format}"]`)]);
      return { fileName: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    },
    pageFindings: (pageUrl) => session.pageFindings(pageUrl),
    close: () => session.close(),
  };
}

readerSuite('Chromium', () => chromiumUnderTest());
interfaceInChineseSuite('Chromium', () => chromiumUnderTest({ locale: 'zh-CN' }));

/**
 * The fixtures' test server and Chromium with the extension, for the tests of one describe block: opened before
 * them, closed after.
 */
function chromiumWithFixtures(options: Parameters<typeof launchChromium>[0]): { server: StaticServer; session: ChromiumSession } {
  const opened = {} as { server: StaticServer; session: ChromiumSession };
  beforeAll(async () => {
    opened.server = await serveDirectory(fixturesDir);
    opened.session = await launchChromium(options);
  });
  afterAll(async () => {
    await opened.session?.close();
    await opened.server?.close();
  });
  return opened;
}

describe('Chromium: the dictionary across restarts', () => {
  // One profile for both launches, as a reader's browser keeps its profile when it restarts. Removed once the
  // browser is closed: after hooks run last-defined first.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'parallax-restarts-'));
  afterAll(() => rmSync(profile, { recursive: true, force: true }));
  const chromium = chromiumWithFixtures({ headless: true, profile });
  const expected = expectedSeed();
  const pair = expected.pairs[0]!;

  /** Where the current worker's dictionary came from, once it has loaded it. */
  const dictionarySource = async () => (await dictionaryLoad(chromium.session)).source;

  async function openSeedPage(query: string): Promise<BrowserPage> {
    const page = (await chromium.session.context.newPage()) as unknown as BrowserPage;
    await page.goto(`${chromium.server.url}/${expected.page}?${query}`);
    await waitUntilReady(page);
    return page;
  }

  it('a restarted worker reads the dictionary the previous one stored, and the page still answers a hover', async () => {
    await openSeedPage('first');
    expect(await dictionarySource()).toBe('package');
    await dictionaryStored(chromium.session);

    await chromium.session.stopWorker();
    const page = await openSeedPage('worker-restarted');
    expect(await dictionarySource()).toBe('stored');
    // The page's quick look told the new worker, which started reading before the page, read through, asked.
    expect((await dictionaryLoad(chromium.session)).startMs).toBeLessThan(await dictionaryAskedMs(chromium.session));
    const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
    expect(tooltip.counterparts.map((c) => c.text)).toEqual(pair.counterpart);
  });

  it('after the browser restarts, its first worker reads the stored dictionary too', async () => {
    await chromium.session.close();
    chromium.session = await launchChromium({ headless: true, profile });
    const page = await openSeedPage('browser-restarted');
    expect(await dictionarySource()).toBe('stored');
    const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
    expect(tooltip.counterparts.map((c) => c.text)).toEqual(pair.counterpart);
  });

  it('a copy stored in a form earlier versions kept, the text as a string or a Blob, is not read: the package is, and its bytes stored again', async () => {
    const worker = chromium.session.context.serviceWorkers().at(-1)!;
    await worker.evaluate(async () => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('parallax', 1);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = database.transaction('dictionary', 'readwrite').objectStore('dictionary');
      const read = store.get('cedict');
      const stored = await new Promise<{ version: string; file: Blob }>((resolve) => (read.onsuccess = () => resolve(read.result as { version: string; file: Blob })));
      // Under this version's own hash, so that only the record's shape tells it from a copy this version stored.
      const transaction = database.transaction('dictionary', 'readwrite');
      transaction.objectStore('dictionary').put({ version: stored.version, text: stored.file }, 'cedict');
      await new Promise((resolve) => (transaction.oncomplete = resolve));
      database.close();
    });
    await chromium.session.stopWorker();
    const page = await openSeedPage('old-copy');
    expect(await dictionarySource()).toBe('package');
    await dictionaryStored(chromium.session);
    const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
    expect(tooltip.counterparts.map((c) => c.text)).toEqual(pair.counterpart);
    await chromium.session.stopWorker();
    await openSeedPage('new-copy');
    expect(await dictionarySource()).toBe('stored');
  });
});

describe('Chromium: Chinese shown in the script the reader chose', () => {
  const chromium = chromiumWithFixtures({ headless: true });
  const expected = expectedSeed();

  it('after choosing Simplified in the options, the tooltip and the side panel show the Traditional page in Simplified', async () => {
    const page = (await chromium.session.context.newPage()) as unknown as BrowserPage;
    const pageUrl = `${chromium.server.url}/${expected.page}`;
    await page.goto(pageUrl);
    await waitUntilReady(page);
    const options = await chromium.session.context.newPage();
    await options.goto(`chrome-extension://${chromium.session.extensionId}/options.html`);
    await options.getByLabel('Chinese shown as').selectOption('Hans');
    // The page is read and aligned again with the new setting; its tooltip then shows the converted text.
    const pair = expected.pairs.find((p) => p.hover === 'en' && !p.caption)!;
    const simplified = pair.counterpart.map(OpenCC.Converter({ from: 'tw', to: 'cn' }));
    expect(simplified).not.toEqual(pair.counterpart);
    const tooltip = await waitFor(async () => {
      const reading = await hoverSentence(page, pair.locate ?? pair.sentence).catch(() => null);
      return reading?.counterparts.some((c) => c.lang === 'zh-Hans') ? reading : null;
    }, 'the tooltip in Simplified Chinese');
    expect(tooltip.counterparts.map((c) => c.text)).toEqual(simplified);
    const panel = await chromium.session.openSidePanel(pageUrl);
    await panel.waitForSelector('[data-pair] .zh[lang="zh-Hans"]');
    expect(await panel.locator('[data-pair] .zh[lang="zh-Hant"]').count()).toBe(0);
  });
});

describe('Chromium: the popup', () => {
  const chromium = chromiumWithFixtures({ headless: true });
  const expected = expectedSeed();

  it('says what was found, and switching the site off takes Parallax off the page and its counts out of the popup', async () => {
    const page = await chromium.session.context.newPage();
    const pageUrl = `${chromium.server.url}/${expected.page}`;
    await page.goto(pageUrl);
    await waitUntilReady(page as unknown as BrowserPage);
    const tabId = await (await chromium.session.openSidePanel(pageUrl)).evaluate(() => new URLSearchParams(location.search).get('tabId'));
    const popup = await chromium.session.context.newPage();
    await popup.goto(`chrome-extension://${chromium.session.extensionId}/popup.html?tabId=${tabId}`);
    expect(Number(await popup.locator('[data-count="pairs"]').textContent())).toBeGreaterThan(10);
    await popup.getByLabel(/^On for /).uncheck();
    await popup.getByText('Off for this site.').waitFor();
    expect(await popup.locator('[data-count="pairs"]').count()).toBe(0);
    await waitFor(async () => (await page.evaluate(() => document.querySelector('parallax-ui') === null)) || null, 'Parallax to leave the page');
    await popup.getByLabel(/^On for /).check();
    await waitUntilReady(page as unknown as BrowserPage);
    await popup.locator('[data-count="pairs"]').waitFor();
  });
});


describe('Chromium: the side panel\'s first screen', () => {
  const chromium = chromiumWithFixtures({ headless: true });

  it('draws its rows where the browser lays them out, so that none moves before or after the first paint', async () => {
    // The side panel benchmark's sentences (scripts/bench-panel.ts), at about a side panel's size: Chromium gives the
    // panel's body 10.5 px text, and rows estimated for panel.css's 14 px were drawn 131 px apart, then moved to 83.
    const pairs = 200;
    const alignment: TabAlignment = {
      url: 'https://news.example/long',
      title: 'A long article',
      zhScript: 'Hans',
      zh: Array.from({ length: pairs }, (_, k) => `第${k}句：今年春天，这个城市新建了${k % 9}所学校和一座很大的图书馆。`),
      en: Array.from({ length: pairs }, (_, k) => `Sentence ${k}: this spring the city built ${k % 9} new schools and a large library, which the children say they like best.`),
      status: 'ready',
      result: { beads: Array.from({ length: pairs }, (_, k) => [[k], [k]]), scores: Array.from({ length: pairs }, (_, k) => (k % 10 === 3 ? 0.2 : 0.8)) },
      alignMs: 0,
      updatedAt: 0,
    };
    const tabId = 900_001;
    const panel = await chromium.session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${chromium.session.extensionId}/sidepanel.html`);
    await panel.evaluate(
      async ([key, value]) => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { set(items: object): Promise<void> } } } }).chrome;
        await api.storage.session.set({ [key]: value });
      },
      [`tab:${tabId}`, toStored(alignment)] as const,
    );
    // Every change of a drawn row's place, from the page's first script on.
    await panel.addInitScript(() => {
      const record = window as unknown as { rowsMoved: string[] };
      record.rowsMoved = [];
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          const row = mutation.target as HTMLElement;
          if (mutation.type === 'attributes' && row.matches('li[data-bead]')) record.rowsMoved.push(`${row.dataset.bead}: ${mutation.oldValue} to ${row.getAttribute('style')}`);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'], attributeOldValue: true });
    });
    await panel.goto(`chrome-extension://${chromium.session.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.waitForSelector('[data-pair]');
    await panel.waitForTimeout(500);
    expect(await panel.locator('li[data-bead]').count()).toBeGreaterThan(5);
    expect(await panel.evaluate(() => (window as unknown as { rowsMoved: string[] }).rowsMoved)).toEqual([]);
  });
});

describe('Chromium: the worker stopped mid-alignment', () => {
  const chromium = chromiumWithFixtures({ headless: true });
  const expected = expectedSeed();

  it('the page still gets its alignment, once, and the popup and panel its result', async () => {
    const page = (await chromium.session.context.newPage()) as unknown as BrowserPage;
    const pageUrl = `${chromium.server.url}/${expected.page}?worker-stopped`;
    await page.goto(pageUrl);
    // The content script has sent the page's text: Chrome stops the worker while it aligns, as it does one that
    // runs too long or when the browser needs the memory.
    await waitFor(async () => (await uiState(page)) === 'aligning', 'the page to be sent to the worker', 20_000);
    await chromium.session.stopWorker();
    await waitUntilReady(page);
    // The worker running now loaded the dictionary itself: only the page asking again could have started it, so it
    // did the alignment the stopped one did not finish.
    expect((await dictionaryLoad(chromium.session)).durationMs).toBeGreaterThan(0);
    const pair = expected.pairs[0]!;
    expect((await hoverSentence(page, pair.locate ?? pair.sentence)).counterparts.map((c) => c.text)).toEqual(pair.counterpart);
    expect(await page.evaluate(() => document.querySelectorAll('parallax-ui').length, null)).toBe(1);
    const findings = await chromium.session.pageFindings(pageUrl);
    expect(findings?.state).toBe('ready');
    const panel = await chromium.session.openSidePanel(pageUrl);
    await panel.waitForSelector('[data-pair]');
  });
});

describe('Chromium: a tab that moves on or closes', () => {
  const chromium = chromiumWithFixtures({ headless: true });
  const expected = expectedSeed();

  /** What the worker keeps for each tab (session storage), by tab id, with the page each result is of. */
  async function keptTabs(): Promise<Record<string, string>> {
    const worker = chromium.session.context.serviceWorkers().at(-1) ?? (await chromium.session.context.waitForEvent('serviceworker'));
    return worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { get(keys: null): Promise<Record<string, { url: string }>> } } } }).chrome;
      const all = await api.storage.session.get(null);
      return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('tab:')).map(([key, value]) => [key, value.url]));
    });
  }

  it('a tab that leaves a page while it is aligned is never given that page’s result, and a closed tab keeps nothing', async () => {
    const page = await chromium.session.context.newPage();
    const seedUrl = `${chromium.server.url}/${expected.page}?moves-on`;
    await page.goto(seedUrl);
    await waitFor(async () => (await uiState(page as unknown as BrowserPage)) === 'aligning', 'the page to be sent to the worker');
    const englishUrl = `${chromium.server.url}/seed/english-only.html`;
    await page.goto(englishUrl);
    await waitFor(async () => (await chromium.session.pageFindings(englishUrl))?.state === 'not-bilingual', 'the new page to be read');
    // Long enough for the old page's alignment (its worker loads the dictionary from the package) to have ended.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(Object.values(await keptTabs())).not.toContain(seedUrl);
    expect(Object.values(await keptTabs())).toEqual([]);

    await page.goto(seedUrl);
    await waitUntilReady(page as unknown as BrowserPage);
    await waitFor(async () => Object.values(await keptTabs()).includes(seedUrl), 'the result to be kept for the tab');
    await page.close();
    await waitFor(async () => Object.keys(await keptTabs()).length === 0, 'the closed tab’s result to be freed');
  });
});

describe('Chromium: the extension reloaded while a page is open', () => {
  const chromium = chromiumWithFixtures({ headless: true });
  const expected = expectedSeed();

  it('the old content script takes its UI away at the reader’s first move, and shows no tooltip', async () => {
    const page = (await chromium.session.context.newPage()) as unknown as BrowserPage;
    await page.goto(`${chromium.server.url}/${expected.page}?reloaded`);
    await waitUntilReady(page);
    const worker = chromium.session.context.serviceWorkers().at(-1)!;
    // As an update does: the extension restarts, and pages already open keep the old content script.
    await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    // The reader points at a sentence: the old script finds it is cut off and takes its UI away, showing nothing.
    const pair = expected.pairs[0]!;
    const { x, y } = await pointOnText(page, pair.locate ?? pair.sentence);
    await page.mouse.move(1, 1);
    await page.mouse.move(x, y);
    await waitFor(async () => (await page.evaluate(() => document.querySelectorAll('parallax-ui').length, null)) === 0, 'the old UI to leave the page');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await readTooltip(page)).toBeNull();
  });
});
