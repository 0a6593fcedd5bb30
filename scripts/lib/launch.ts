/**
 * Real browsers with the built extension loaded: Chromium through playwright-core, Firefox through
 * puppeteer-core over WebDriver BiDi. Shared by `npm start`, the end-to-end tests and the benchmarks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
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
  workerEntry(name: string): Promise<{ startTime: number; duration: number; detail: unknown } | null>;
  /**
   * What the content script of the tab that has `pageUrl` open decided and measured, asked from the extension's
   * worker as the extension's own pages may ask (the page itself never sees it); null where no content script
   * answers (not injected yet, or a page it does not run on).
   */
  pageFindings(pageUrl: string): Promise<PageFindings | null>;
  /** Stops the extension's worker, as Chrome does after 30 idle seconds; the next message starts a new one. */
  stopWorker(): Promise<void>;
  /** Clears what the extension keeps in IndexedDB (its copy of the dictionary), as a reader's clearing site data would. */
  clearIndexedDb(): Promise<void>;
  /** The side panel's page, in a tab of its own, showing the tab that has `pageUrl` open. */
  openSidePanel(pageUrl: string): Promise<Page>;
  /** The extension's page at `file` (popup.html, sidepanel.html), in a tab of its own, for the tab that has `pageUrl` open. */
  openExtensionPageFor(file: string, pageUrl: string): Promise<Page>;
  /**
   * Presses `shortcut` ("Alt+Shift+L") on `page` as a key from the window system arrives: the page gets it first
   * and, if it leaves it unhandled, the browser's own shortcut handling, where extension commands are. Playwright's
   * keyboard cannot do that: its key events carry no native key code, and Chromium marks such events from DevTools
   * to skip the browser's handling when the page leaves them unhandled (`skip_if_unhandled` in
   * content/browser/devtools/protocol/input_handler.cc). With a native key code, from a trusted DevTools client,
   * they are offered to the browser as the window system's keys are.
   */
  pressShortcut(page: Page, shortcut: string): Promise<void>;
  close(): Promise<void>;
}

/** The keys of a shortcut as the commands API writes it ("Alt+Shift+L"), modifiers first. */
function shortcutKeys(shortcut: string): { modifiers: string[]; key: string } {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  if (!/^[A-Z]$/.test(key)) throw new Error(`Only shortcuts that end in a letter can be pressed here, not ${shortcut}.`);
  return { modifiers: parts, key };
}

/**
 * X11 key codes (evdev + 8), which Chromium on Linux takes as native key codes, and the DevTools modifier bits
 * (Alt 1, Ctrl 2, Meta 4, Shift 8) of the keys a shortcut can hold.
 */
const X11_MODIFIERS: Record<string, { code: string; keyCode: number; native: number; bit: number }> = {
  Alt: { code: 'AltLeft', keyCode: 18, native: 64, bit: 1 },
  Ctrl: { code: 'ControlLeft', keyCode: 17, native: 37, bit: 2 },
  Shift: { code: 'ShiftLeft', keyCode: 16, native: 50, bit: 8 },
};
const X11_LETTERS = 'qwertyuiop....asdfghjkl.....zxcvbnm';
const x11Letter = (letter: string) => 24 + X11_LETTERS.indexOf(letter.toLowerCase());

/**
 * Chromium with the built extension, in a fresh profile removed on close, or in `profile`, a directory the caller
 * keeps, so that a later launch finds what the extension stored (a browser restart). `backForwardCache`: pages are
 * kept in the back/forward cache as in a reader's browser (Playwright turns the cache off by default).
 */
export async function launchChromium(options: {
  headless: boolean;
  profile?: string;
  locale?: string;
  backForwardCache?: boolean;
  /** The unpacked extension to load; the Chrome build by default. */
  extensionDir?: string;
}): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium or Chrome is not installed. Install it with:\n  ${INSTALL_BROWSERS}`);
  const userDataDir = options.profile ?? mkdtempSync(path.join(os.tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless,
    viewport: { width: 1200, height: 900 },
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [...CHROMIUM_ARGS, ...(options.locale ? [`--lang=${options.locale}`] : []), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    // On Linux the browser takes its interface language, which extensions' messages follow, from the environment.
    ...(options.locale ? { locale: options.locale, env: { ...process.env, LANGUAGE: options.locale.replace('-', '_') } } : {}),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  /** The browser's DevTools protocol, from a page opened for the purpose and closed after. */
  const withDevtools = async (use: (devtools: CDPSession) => Promise<unknown>) => {
    const page = await context.newPage();
    try {
      await use(await context.newCDPSession(page));
    } finally {
      await page.close();
    }
  };
  const openChromiumPageFor = async (file: string, pageUrl: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    const tabId = await page.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } } }).chrome;
      // A match pattern has no fragment: the tab is found by the rest of its address.
      return (await api.tabs.query({ url: url.replace(/#.*$/, '') }))[0]?.id;
    }, pageUrl);
    await page.goto(`chrome-extension://${extensionId}/${file}?tabId=${tabId}`);
    return page;
  };
  return {
    context,
    extensionId,
    async workerEntry(name) {
      const current = context.serviceWorkers().at(-1);
      if (!current) return null;
      return current.evaluate((entryName) => {
        const entry = performance.getEntriesByName(entryName)[0] as PerformanceMeasure | undefined;
        return entry ? { startTime: entry.startTime, duration: entry.duration, detail: entry.detail as unknown } : null;
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
      await withDevtools(async (devtools) => {
        await devtools.send('ServiceWorker.enable');
        await devtools.send('ServiceWorker.stopAllWorkers');
      });
    },
    async clearIndexedDb() {
      await withDevtools((devtools) => devtools.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${extensionId}`, storageTypes: 'indexeddb' }));
    },
    openSidePanel: (pageUrl) => openChromiumPageFor('sidepanel.html', pageUrl),
    openExtensionPageFor: (file, pageUrl) => openChromiumPageFor(file, pageUrl),

    async pressShortcut(page, shortcut) {
      const { modifiers, key } = shortcutKeys(shortcut);
      const held = modifiers.map((name) => {
        const modifier = X11_MODIFIERS[name];
        if (!modifier) throw new Error(`No key for the modifier ${name} of ${shortcut}.`);
        return { key: name === 'Ctrl' ? 'Control' : name, ...modifier };
      });
      const letter = { key, code: `Key${key}`, keyCode: key.charCodeAt(0), native: x11Letter(key) };
      const devtools = await context.newCDPSession(page);
      try {
        let bits = 0;
        const send = (type: 'rawKeyDown' | 'keyUp', k: { key: string; code: string; keyCode: number; native: number }) =>
          devtools.send('Input.dispatchKeyEvent', { type, modifiers: bits, key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.native });
        for (const modifier of held) {
          bits |= modifier.bit;
          await send('rawKeyDown', modifier);
        }
        await send('rawKeyDown', letter);
        await send('keyUp', letter);
        for (const modifier of held.reverse()) {
          bits &= ~modifier.bit;
          await send('keyUp', modifier);
        }
      } finally {
        await devtools.detach();
      }
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
  /** The extension's page at `file` in a new tab, for the tab that has `pageUrl` open; only with `forTests`. */
  openExtensionPageFor(file: string, pageUrl: string): Promise<PuppeteerPage>;
  /**
   * Presses `shortcut` ("Alt+Shift+L") in the browser's window, on its selected tab; only with `forTests`. WebDriver
   * BiDi's key actions cannot reach extension shortcuts: Firefox synthesises them in the page's own process (the
   * window-global input module's `sendKeyDown` on the content window), while the shortcuts are keys of the browser
   * window's key set, in the parent process, which such events never pass. This presses the keys through a text
   * input processor on the browser window itself (script evaluated in its chrome scope, which the remote agent
   * allows with `--remote-allow-system-access`), as Firefox's own tests press keys: trusted key events that go
   * through the window's event handling, its key set and the extension's shortcut, though not through the
   * window system.
   */
  pressShortcut(shortcut: string): Promise<void>;
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
export async function launchFirefox(options: { headless: boolean; forTests?: boolean; locale?: string }): Promise<FirefoxSession> {
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
      // The interface language, which extensions' messages follow; Firefox has it only with that language's pack
      // (Debian's firefox-esr-l10n-*, installed beside the browser, where the profile's add-ons find it).
      ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
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
  /** Waiting on the navigation to an extension page timed out here although the page had loaded: its end is watched instead. */
  const openExtensionPage = async (page: PuppeteerPage, url: string) => {
    if (!options.forTests) throw new Error('Launch Firefox forTests to open its extension pages in tabs.');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 5_000 }).catch(() => undefined);
    await page.waitForFunction((wanted: string) => location.href === wanted && document.readyState !== 'loading', {}, url);
  };
  const openFirefoxPageFor = async (file: string, pageUrl: string) => {
    const page = await browser.newPage();
    await openExtensionPage(page, extensionUrl(file));
    // Every tab, then the one with this address: Firefox's match patterns in `tabs.query` take no port.
    const tabId = await page.evaluate(async (url: string) => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } } }).browser;
      return (await api.tabs.query({})).find((tab) => tab.url === url)?.id;
    }, pageUrl);
    if (tabId === undefined) throw new Error(`No tab has ${pageUrl} open.`);
    await openExtensionPage(page, `${extensionUrl(file)}?tabId=${tabId}`);
    return page;
  };
  return {
    browser,
    downloadsDir,
    async openExtensionPage(file) {
      const page = await browser.newPage();
      await openExtensionPage(page, extensionUrl(file));
      return page;
    },
    openSidePanel: (pageUrl) => openFirefoxPageFor('sidepanel.html', pageUrl),
    openExtensionPageFor: (file, pageUrl) => openFirefoxPageFor(file, pageUrl),
    async pressShortcut(shortcut) {
      if (!options.forTests) throw new Error('Launch Firefox forTests to press keys in its window.');
      const { modifiers, key } = shortcutKeys(shortcut);
      // Puppeteer's own WebDriver BiDi connection: its page API has no way into the browser window's chrome scope.
      const { connection } = browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } };
      const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as { result: { contexts: Array<{ context: string; url: string }> } };
      const window = tree.result.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
      if (!window) throw new Error('No browser window among the chrome contexts.');
      const pressed = (await connection.send('script.callFunction', {
        functionDeclaration: String(pressInBrowserWindow),
        arguments: [{ type: 'array', value: [...modifiers, key].map((value) => ({ type: 'string', value })) }],
        target: { context: window.context },
        awaitPromise: false,
      })) as { result: { type: string; exceptionDetails?: { text: string } } };
      if (pressed.result.type !== 'success') throw new Error(`Pressing ${shortcut} failed: ${pressed.result.exceptionDetails?.text}`);
    },
    close: async () => {
      await browser.close();
      if (downloadsDir) rmSync(downloadsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the chrome scope of Firefox's browser window: presses the keys (modifiers first, then a letter) through a
 * text input processor bound to that window, so that they are trusted key events dispatched by the window itself.
 */
function pressInBrowserWindow(keys: string[]): void {
  const chrome = globalThis as unknown as {
    Cc: Record<string, { createInstance(iface: unknown): TextInputProcessor }>;
    Ci: { nsITextInputProcessor: unknown };
    window: Window;
  };
  interface TextInputProcessor {
    beginInputTransactionForTests(window: Window): boolean;
    keydown(event: KeyboardEvent): number;
    keyup(event: KeyboardEvent): boolean;
  }
  const processor = chrome.Cc['@mozilla.org/text-input-processor;1']!.createInstance(chrome.Ci.nsITextInputProcessor);
  if (!processor.beginInputTransactionForTests(chrome.window)) throw new Error('The browser window has another input transaction.');
  const modifiers: Record<string, { key: string; code: string; keyCode: number }> = {
    Alt: { key: 'Alt', code: 'AltLeft', keyCode: 18 },
    Ctrl: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
    Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  };
  const events = keys.map((key) => new KeyboardEvent('', modifiers[key] ?? { key, code: `Key${key}`, keyCode: key.charCodeAt(0) }));
  for (const event of events) processor.keydown(event);
  for (const event of events.reverse()) processor.keyup(event);
}
