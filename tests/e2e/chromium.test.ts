import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/lib/launch';
import { dictionaryLoad, dictionaryStored, expectedSeed, fixturesDir, hoverSentence, waitUntilReady, type BrowserPage } from '../../scripts/lib/reader';
import { serveDirectory, type StaticServer } from '../../scripts/lib/serve';
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

describe('Chromium: the dictionary across restarts', () => {
  let server: StaticServer;
  let session: ChromiumSession;
  // One profile for both launches, as a reader's browser keeps its profile when it restarts.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'parallax-restarts-'));
  const expected = expectedSeed();
  const pair = expected.pairs[0]!;
  beforeAll(async () => {
    server = await serveDirectory(fixturesDir);
    session = await launchChromium({ headless: true, profile });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  /** Where the current worker's dictionary came from, once it has loaded it. */
  const dictionarySource = async () => (await dictionaryLoad(session)).source;

  async function openSeedPage(query: string): Promise<BrowserPage> {
    const page = (await session.context.newPage()) as unknown as BrowserPage;
    await page.goto(`${server.url}/${expected.page}?${query}`);
    await waitUntilReady(page);
    return page;
  }

  it('a restarted worker reads the dictionary the previous one stored, and the page still answers a hover', async () => {
    await openSeedPage('first');
    expect(await dictionarySource()).toBe('package');
    await dictionaryStored(session);

    await session.stopWorker();
    const page = await openSeedPage('worker-restarted');
    expect(await dictionarySource()).toBe('stored');
    const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
    expect(tooltip.counterparts.map((c) => c.text).join(' ')).toContain(pair.counterpartIncludes);
  });

  it('after the browser restarts, its first worker reads the stored dictionary too', async () => {
    await session.close();
    session = await launchChromium({ headless: true, profile });
    const page = await openSeedPage('browser-restarted');
    expect(await dictionarySource()).toBe('stored');
    const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
    expect(tooltip.counterparts.map((c) => c.text).join(' ')).toContain(pair.counterpartIncludes);
  });
});
