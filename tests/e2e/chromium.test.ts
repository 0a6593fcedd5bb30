import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../../scripts/lib/launch';
import { expectedSeed, fixturesDir, hoverSentence, waitFor, waitUntilReady, type BrowserPage } from '../../scripts/lib/reader';
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

describe('Chromium: a restarted worker', () => {
  let server: StaticServer;
  let session: ChromiumSession;
  beforeAll(async () => {
    server = await serveDirectory(fixturesDir);
    session = await launchChromium({ headless: true });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** Where the current worker's dictionary came from, once it has loaded it. */
  const dictionarySource = () =>
    waitFor(async () => ((await session.workerEntry('parallax:load-dictionary'))?.detail as { source?: string } | undefined)?.source, 'the worker to load the dictionary');

  it('reads the dictionary the previous worker stored, and the page still answers a hover', async () => {
    const expected = expectedSeed();
    const pair = expected.pairs[0]!;
    const first = (await session.context.newPage()) as unknown as BrowserPage;
    await first.goto(`${server.url}/${expected.page}?start=1`);
    await waitUntilReady(first);
    expect(await dictionarySource()).toBe('package');
    await waitFor(() => session.workerEntry('parallax:dictionary-stored'), 'the worker to store the dictionary');

    await session.stopWorker();
    const second = (await session.context.newPage()) as unknown as BrowserPage;
    await second.goto(`${server.url}/${expected.page}?start=2`);
    await waitUntilReady(second);
    expect(await dictionarySource()).toBe('stored');
    const tooltip = await hoverSentence(second, pair.locate ?? pair.sentence);
    expect(tooltip.counterparts.map((c) => c.text).join(' ')).toContain(pair.counterpartIncludes);
  });
});
