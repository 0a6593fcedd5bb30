/**
 * `npx tsx scripts/screenshots.ts`: the README's pictures, taken in real Chromium, in the light and the dark theme:
 * a hover on the seed page, the side panel beside it, the popup and the options page (docs/*-light.png and
 * docs/*-dark.png). Look at them before committing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/launch';
import { expectedSeed, fixturesDir, hoverSentence, waitFor, waitUntilReady, type BrowserPage } from './lib/reader';
import { serveDirectory } from './lib/serve';

execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
mkdirSync('docs', { recursive: true });
const server = await serveDirectory(fixturesDir);
const session = await launchChromium({ headless: true });
const extensionPage = (name: string) => `chrome-extension://${session.extensionId}/${name}.html`;

/** Stores the theme as the options page would: every page of the extension and the tooltip follow it. */
async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(async (value) => {
    const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
    const { settings } = await storage.get('settings');
    await storage.set({ settings: { ...(settings as object | undefined), version: 2, theme: value } });
  }, theme);
}

try {
  const expected = expectedSeed();
  const url = `${server.url}/${expected.page}`;
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(url);
  await waitUntilReady(page as unknown as BrowserPage);
  const options = await session.context.newPage();
  await options.setViewportSize({ width: 760, height: 900 });
  await options.goto(extensionPage('options'));
  const panel = await session.openSidePanel(url);
  await panel.setViewportSize({ width: 420, height: 720 });
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 340, height: 420 });
  for (const theme of ['light', 'dark'] as const) {
    await useTheme(options, theme);
    await page.emulateMedia({ colorScheme: theme });
    // The theme reaches the page's tooltip when the content script reads the page again.
    await page.reload();
    await waitUntilReady(page as unknown as BrowserPage);
    const pair = expected.pairs.find((p) => p.hover === 'zh' && p.sentence.startsWith('普京表示'))!;
    await hoverSentence(page as unknown as BrowserPage, pair.sentence);
    await page.screenshot({ path: `docs/hover-${theme}.png` });
    await waitFor(() => panel.evaluate(() => document.querySelectorAll('[data-pair]').length > 0), 'the side panel pairs');
    await panel.screenshot({ path: `docs/sidepanel-${theme}.png` });
    await options.screenshot({ path: `docs/options-${theme}.png` });
    // The popup, opened as a page, is told which tab it speaks of.
    await popup.goto(`${extensionPage('popup')}?tabId=${new URL(panel.url()).searchParams.get('tabId')}`);
    await popup.waitForSelector('[data-count="pairs"]');
    await popup.screenshot({ path: `docs/popup-${theme}.png` });
  }
  console.log('Wrote docs/{hover,sidepanel,options,popup}-{light,dark}.png');
} finally {
  await session.close();
  await server.close();
}
