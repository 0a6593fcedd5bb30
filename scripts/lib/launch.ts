/**
 * Real browsers with the built extension loaded: Chromium through playwright-core, Firefox through
 * puppeteer-core over WebDriver BiDi. Shared by `npm start`, the end-to-end tests and the benchmarks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import type { PageFindings } from '../../utils/messaging';
import { CHROMIUM_ARGS, findChromium, findFirefox, INSTALL_BROWSERS } from './browsers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROME_BUILD = path.join(root, '.output/chrome-mv3');
export const FIREFOX_BUILD = path.join(root, '.output/firefox-mv2');

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** The current extension worker's User Timing entry of this name (its first), or null before it has one. */
  workerEntry(name: string): Promise<{ duration: number; detail: unknown } | null>;
  /**
   * What the content script of the tab that has `pageUrl` open decided and measured, asked from the extension's
   * worker as the extension's own pages may ask (the page itself never sees it); null where no content script
   * answers (not injected yet, or a page it does not run on).
   */
  pageFindings(pageUrl: string): Promise<PageFindings | null>;
  /** Stops the extension's worker, as Chrome does after 30 idle seconds; the next message starts a new one. */
  stopWorker(): Promise<void>;
  /** The side panel's page, in a tab of its own, showing the tab that has `pageUrl` open. */
  openSidePanel(pageUrl: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension, in a fresh profile removed on close, or in `profile`, a directory the caller
 * keeps, so that a later launch finds what the extension stored (a browser restart).
 */
export async function launchChromium(options: { headless: boolean; profile?: string; locale?: string }): Promise<ChromiumSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium or Chrome is not installed. Install it with:\n  ${INSTALL_BROWSERS}`);
  const userDataDir = options.profile ?? mkdtempSync(path.join(os.tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    viewport: { width: 1200, height: 900 },
    args: [...CHROMIUM_ARGS, ...(options.locale ? [`--lang=${options.locale}`] : []), `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`],
    // On Linux the browser takes its interface language, which extensions' messages follow, from the environment.
    ...(options.locale ? { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale.replace('-', '_') } } : {}),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async workerEntry(name) {
      const current = context.serviceWorkers().at(-1);
      if (!current) return null;
      return current.evaluate((entryName) => {
        const entry = performance.getEntriesByName(entryName)[0] as PerformanceMeasure | undefined;
        return entry ? { duration: entry.duration, detail: entry.detail as unknown } : null;
      }, name);
    },
    async pageFindings(pageUrl) {
      const current = context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
      return current.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).chrome;
        const [tab] = await api.tabs.query({ url: url.replace(/#.*$/, '') });
        if (tab?.id === undefined) return null;
        const answer = (await api.tabs.sendMessage(tab.id, { type: 'pageFindings', payload: {} }).catch(() => null)) as { ok: boolean; value?: PageFindings } | null;
        return answer?.ok ? answer.value! : null;
      }, pageUrl);
    },
    async stopWorker() {
      const page = await context.newPage();
      try {
        const devtools = await context.newCDPSession(page);
        await devtools.send('ServiceWorker.enable');
        await devtools.send('ServiceWorker.stopAllWorkers');
      } finally {
        await page.close();
      }
    },
    async openSidePanel(pageUrl) {
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      const tabId = await panel.evaluate(async (url) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } } }).chrome;
        // A match pattern has no fragment: the tab is found by the rest of its address.
        return (await api.tabs.query({ url: url.replace(/#.*$/, '') }))[0]?.id;
      }, pageUrl);
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
      return panel;
    },
    close: async () => {
      await context.close();
      if (!options.profile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface FirefoxSession {
  browser: PuppeteerBrowser;
  /**
   * The side panel's page (Firefox's sidebar), in a tab of its own, showing the tab that has `pageUrl` open. Only
   * with `forTests`: the sidebar itself is part of the browser's window, which WebDriver BiDi cannot reach.
   */
  openSidePanel(pageUrl: string): Promise<PuppeteerPage>;
  /** The extension's page at `file` (options.html, popup.html) in a new tab; only with `forTests`. */
  openExtensionPage(file: string): Promise<PuppeteerPage>;
  /** With `forTests`: where the browser saves downloads, without asking; removed on close. */
  downloadsDir: string | null;
  close(): Promise<void>;
}

/** The extension's internal UUID, fixed so that its pages' moz-extension:// addresses are known. */
const FIREFOX_EXTENSION_UUID = '6f0a3c1e-2b4d-4e8f-9a1b-0c2d3e4f5a6b';
const FIREFOX_EXTENSION_ID = 'parallax@parallax.example';

/**
 * Firefox with the built extension. `forTests`: the extension's own pages can be opened in tabs (WebDriver BiDi
 * refuses to navigate to moz-extension:// addresses unless the remote agent is given system access), and downloads
 * are saved without asking to a folder of their own, removed on close; a reader's session (`npm start`) has neither.
 */
export async function launchFirefox(options: { headless: boolean; forTests?: boolean }): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(`Firefox is not installed. Install it with:\n  ${INSTALL_BROWSERS}`);
  const downloadsDir = options.forTests ? mkdtempSync(path.join(os.tmpdir(), 'parallax-firefox-downloads-')) : null;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: options.headless,
    defaultViewport: { width: 1200, height: 900 },
    args: options.forTests ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: {
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      ...(downloadsDir
        ? {
            // Downloads go straight to the folder, where a test can read them.
            'browser.download.folderList': 2,
            'browser.download.dir': downloadsDir,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.alwaysOpenPanel': false,
          }
        : {}),
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const extensionUrl = (file: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${file}`;
  const panelUrl = extensionUrl('sidepanel.html');
  /** Waiting on the navigation to an extension page timed out here although the page had loaded: its end is watched instead. */
  const openExtensionPage = async (page: PuppeteerPage, url: string) => {
    if (!options.forTests) throw new Error('Launch Firefox forTests to open its extension pages in tabs.');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 5_000 }).catch(() => undefined);
    await page.waitForFunction((wanted: string) => location.href === wanted && document.readyState !== 'loading', {}, url);
  };
  return {
    browser,
    downloadsDir,
    async openExtensionPage(file) {
      const page = await browser.newPage();
      await openExtensionPage(page, extensionUrl(file));
      return page;
    },
    async openSidePanel(pageUrl) {
      const panel = await browser.newPage();
      await openExtensionPage(panel, panelUrl);
      // Every tab, then the one with this address: Firefox's match patterns in `tabs.query` take no port.
      const tabId = await panel.evaluate(async (url: string) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser;
        return (await api.tabs.query({})).find((tab) => tab.url === url)?.id;
      }, pageUrl);
      if (tabId === undefined) throw new Error(`No tab has ${pageUrl} open.`);
      await openExtensionPage(panel, `${panelUrl}?tabId=${tabId}`);
      return panel;
    },
    close: async () => {
      await browser.close();
      if (downloadsDir) rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}
