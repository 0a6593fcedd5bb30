/**
 * The worker keeps a tab's result only when the page's two texts are translations of each other: the verdict is
 * made where the result is stored, so the popup and the side panel never list the sentences of unrelated texts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dictionaryPath, loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { alignPage, alignRest, forgetTab, receivePageBlocks } from '../../../utils/extension/alignment-service';
import { readTabAlignment, watchTabAlignment, type TabAlignment } from '../../../utils/extension/tab-alignments';
import { ConnectionLostError, pageTextMessages, type AlignPageMessage } from '../../../utils/messaging';
import { DISPLAY_TABLES_FILE } from '../../../utils/text/display-script';
import { DICTIONARY_FILE } from '../../../utils/align/dictionary';

// The chunks of a long page's alignment started, counted as the worker asks for each.
const chunks = vi.hoisted(() => ({ started: 0 }));
vi.mock('../../../utils/align/progressive', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../utils/align/progressive')>();
  return {
    ...original,
    *alignInChunks(...args: Parameters<typeof original.alignInChunks>) {
      const steps = original.alignInChunks(...args);
      for (;;) {
        chunks.started += 1;
        const step = steps.next();
        if (step.done) return step.value;
        yield step.value;
      }
    },
  };
});

const body = (text: string) => ({ blocks: [{ text, role: 'body' as const }] });

function message(zh: string, en: string): AlignPageMessage {
  return { page: { zh: body(zh), en: body(en), blockPairs: [] }, zhScript: 'Hans', displayScript: 'page' };
}

/** The content script of the tab opened on the news page (`openTab`), as the browser describes it. */
let tab7 = { tabId: 7, url: 'https://example.com/news', title: 'News' };
async function openTab(): Promise<void> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/news' });
  tab7 = { ...tab7, tabId: tab.id! };
}

const translated = message(
  '今天上午，市长参观了新建的图书馆。图书馆有三层，藏书五万册。孩子们最喜欢三楼的科学书。',
  'This morning the mayor visited the new library. The library has three floors and 50,000 books. Children like the science books on the third floor best.',
);
// A Chinese news story beside an English advertisement, as on tests/fixtures/layouts/unrelated-english.html.
const unrelated = message(
  '地铁五号线今天早上六点正式开通运营。这条线路全长三十二公里，共设二十一座车站。市民可以从城东直达机场，全程只需四十分钟。票价从两元到九元不等。开通第一天，很多市民专门来体验新线路。一位老人说，他等这一天已经等了十年。',
  'Our online courses help adults improve their speaking skills in just twelve weeks. Classes are small and every teacher is a certified native speaker. Sign up before Friday and get your first month free. Lessons are available in the evenings and at weekends.',
);

beforeAll(() => {
  loadDictionaryFromDisk();
});

/** The extension's files the worker asked for, in order. */
let fetched: string[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  fetched = [];
  await openTab();
  // The worker fetches its dictionary and conversion tables from the extension's files; here they are the files
  // `npm run dict` wrote on disk.
  const dictionary = readFileSync(dictionaryPath);
  vi.stubGlobal('fetch', async (url: string) => {
    const file = String(url);
    fetched.push(file);
    if (file.endsWith(DISPLAY_TABLES_FILE)) return new Response(readFileSync(path.resolve(path.dirname(dictionaryPath), '..', DISPLAY_TABLES_FILE), 'utf8'));
    return new Response(file.endsWith('-version.txt') ? 'test' : dictionary);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the worker’s verdict on a page', () => {
  it('keeps the result of two translations, after saying it is aligning', async () => {
    const states: Array<TabAlignment['status'] | null> = [];
    const stop = watchTabAlignment(tab7.tabId, (a) => states.push(a?.status ?? null));
    const answer = await alignPage(translated, tab7);
    stop();
    expect(answer.related).toBe(true);
    expect(states).toEqual(['aligning', 'ready']);
    const kept = await readTabAlignment(tab7.tabId);
    expect(kept?.result.beads.length).toBeGreaterThan(0);
    // Kept under the address and title the browser gave for the sender's tab.
    expect([kept?.url, kept?.title]).toEqual(['https://example.com/news', 'News']);
  });

  it('keeps nothing for texts that are not translations of each other, and forgets what the tab showed before', async () => {
    await alignPage(translated, tab7);
    expect(await readTabAlignment(tab7.tabId)).not.toBeNull();
    const answer = await alignPage(unrelated, tab7);
    expect(answer.related).toBe(false);
    expect(await readTabAlignment(tab7.tabId)).toBeNull();
  });

  it('reads no conversion tables for a reader who sees Chinese as on the page', async () => {
    const answer = await alignPage(translated, tab7);
    expect(answer.zhDisplay).toBeNull();
    expect(fetched.filter((file) => file.endsWith(DISPLAY_TABLES_FILE))).toEqual([]);
  });

  it('shows Chinese as the reader chose, Traditional here, in the answer and in what the side panel lists', async () => {
    const answer = await alignPage({ ...translated, displayScript: 'Hant-TW' }, tab7);
    expect(fetched.filter((file) => file.endsWith(DISPLAY_TABLES_FILE)).length).toBe(1);
    expect(answer.zhDisplay?.script).toBe('Hant');
    expect(answer.zhDisplay?.sentences[0]).toBe('今天上午，市長參觀了新建的圖書館。');
    const kept = await readTabAlignment(tab7.tabId);
    expect(kept?.zhScript).toBe('Hant');
    expect(kept?.zh[0]).toBe('今天上午，市長參觀了新建的圖書館。');
    // The page's own text is what was aligned: the answer says where each sentence stands in it, without the text.
    const [block, start, end] = answer.sentences.zh.slice(0, 3) as [number, number, number];
    expect(translated.page.zh.blocks[block]!.text.slice(start, end)).toBe('今天上午，市长参观了新建的图书馆。');
    expect(answer.sentences.zh.every((n) => typeof n === 'number')).toBe(true);
  });
});

describe('a tab that moves on while its page is aligned', () => {
  it('is not given the old page’s result when it has gone to another page', async () => {
    const aligning = alignPage(translated, tab7);
    await fakeBrowser.tabs.update(tab7.tabId, { url: 'https://example.com/other' });
    expect((await aligning).related).toBe(true);
    expect(await readTabAlignment(tab7.tabId)).toBeNull();
  });

  it('keeps the result when the tab only moved within the page', async () => {
    const aligning = alignPage(translated, tab7);
    await fakeBrowser.tabs.update(tab7.tabId, { url: 'https://example.com/news#comments' });
    await aligning;
    expect((await readTabAlignment(tab7.tabId))?.status).toBe('ready');
  });

  it('keeps nothing for a tab closed meanwhile', async () => {
    const aligning = alignPage(translated, tab7);
    // As the browser answers for a closed tab (the fake browser's own tabs.remove cannot close this one).
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error(`No tab with id: ${tab7.tabId}.`));
    await aligning;
    expect(await readTabAlignment(tab7.tabId)).toBeNull();
  });

  it('does not forget the next page’s result when the old page turns out unrelated', async () => {
    const next = { ...tab7, url: 'https://example.com/other' };
    await alignPage(unrelated, tab7);
    await fakeBrowser.tabs.update(tab7.tabId, { url: next.url });
    await alignPage(translated, next);
    const late = alignPage(unrelated, tab7);
    await late;
    expect((await readTabAlignment(tab7.tabId))?.url).toBe(next.url);
  });
});

describe('the dictionary read ahead', () => {
  it('is read from the package when asked ahead (as at install), and the first page then waits for no read of its own', async () => {
    // A worker that has loaded nothing yet.
    vi.resetModules();
    const worker = await import('../../../utils/extension/alignment-service');
    const dictionaryReads = () => fetched.filter((file) => file.endsWith(DICTIONARY_FILE));
    worker.preloadDictionary();
    await vi.waitFor(() => expect(dictionaryReads()).toHaveLength(1));
    performance.clearMeasures('parallax:dictionary-wait');
    const answer = await worker.alignPage(translated, { url: 'https://example.com/news' });
    expect(answer.related).toBe(true);
    expect(dictionaryReads()).toHaveLength(1);
    // What the page waited is measured for the benchmark, one entry for the latest page.
    expect(performance.getEntriesByName('parallax:dictionary-wait')).toHaveLength(1);
  });
});

describe('a stored copy of the dictionary that cannot be read', () => {
  it('is replaced by the package\'s, and the page is aligned', async () => {
    vi.resetModules();
    const stored: Array<{ version: string; bytes: Uint8Array }> = [];
    // A copy of this version cut short, as a full disk would leave it.
    vi.doMock('../../../utils/extension/dictionary-store', () => ({
      readStoredDictionary: async () => new Uint8Array(readFileSync(dictionaryPath).subarray(0, 1_000)),
      storeDictionary: async (version: string, bytes: Uint8Array) => void stored.push({ version, bytes }),
    }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const worker = await import('../../../utils/extension/alignment-service');
      const answer = await worker.alignPage(translated, { url: 'https://example.com/news' });
      expect(answer.related).toBe(true);
      expect(fetched.filter((file) => file.endsWith(DICTIONARY_FILE))).toHaveLength(1);
      await vi.waitFor(() => expect(stored).toHaveLength(1));
      expect(Buffer.from(stored[0]!.bytes).equals(readFileSync(dictionaryPath))).toBe(true);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('stored dictionary could not be read'), expect.any(Error));
    } finally {
      vi.doUnmock('../../../utils/extension/dictionary-store');
      warn.mockRestore();
    }
  });
});

/**
 * 1,600 sentences a side, ten a block, the reader looking at blocks 80 and 81 of the Chinese: aligned around the view
 * first, then in at least two chunks (1,000 sentences and 200 of overlap a chunk).
 */
function longPage(): AlignPageMessage {
  const blocks = (sentence: (k: number) => string) =>
    Array.from({ length: 160 }, (_, b) => ({ text: Array.from({ length: 10 }, (_, k) => sentence(b * 10 + k)).join(' '), role: 'body' as const }));
  return {
    page: {
      zh: { blocks: blocks((k) => `第${k}号图书馆有${k}本科学书。`) },
      en: { blocks: blocks((k) => `Library number ${k} has ${k} science books.`) },
      blockPairs: [],
    },
    zhScript: 'Hans',
    displayScript: 'page',
    view: { zh: [80, 82], en: null },
  };
}

describe('a long page whose tab closes while the rest of it is aligned', () => {
  it('has no further chunk aligned once the tab is gone', async () => {
    const answer = await alignPage(longPage(), tab7);
    expect(answer.complete).toBe(false);
    expect(answer.related).toBe(true);
    await forgetTab(tab7.tabId);
    await expect(alignRest(tab7)).rejects.toThrow(/No alignment is under way/);
    await vi.waitFor(() => expect(chunks.started).toBeGreaterThan(0), { timeout: 60_000 });
    // The next chunk, had the job gone on, would start at the worker's next turn, before this test's.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(chunks.started).toBe(1);
    expect(await readTabAlignment(tab7.tabId)).toBeNull();
  }, 120_000);
});

describe('a long page’s part in view', () => {
  it('is answered before the tab’s state is kept, and a page switched off at once still leaves nothing kept', async () => {
    // The browser holds back its answer to whether the tab still shows the page, which every write of the tab's state
    // asks first, until the page has its answer.
    let browserAnswers!: () => void;
    const answered = new Promise<void>((resolve) => (browserAnswers = resolve));
    const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (tabId) => {
      await answered;
      return get(tabId);
    });
    const answer = await alignPage(longPage(), tab7);
    expect([answer.complete, answer.related]).toEqual([false, true]);
    expect(await readTabAlignment(tab7.tabId)).toBeNull();
    // Switched off as soon as it was answered, while its state 'aligning' is still on its way.
    browserAnswers();
    await forgetTab(tab7.tabId);
    expect(await readTabAlignment(tab7.tabId)).toBeNull();
  });
});

describe('a page’s text sent in parts', () => {
  // Parts of at most 40 characters: each block goes alone.
  const { parts, request } = pageTextMessages(translated, 40);

  it('is aligned as the same text sent in one message', async () => {
    expect(parts.map((part) => part.side)).toEqual(['zh', 'en']);
    // The reader followed a link within the page while the parts went: the same page.
    for (const part of parts) receivePageBlocks(part, { ...tab7, url: `${tab7.url}#part-${part.side}` });
    const inParts = await alignPage(request, tab7);
    const whole = await alignPage(translated, tab7);
    expect([inParts.sentences, inParts.result, inParts.related]).toEqual([whole.sentences, whole.result, whole.related]);
    expect(inParts.result.beads.length).toBeGreaterThan(0);
  });

  it('is refused as a lost connection, for the content script to send again, when a part did not arrive', async () => {
    receivePageBlocks(parts[1]!, tab7);
    await expect(alignPage(request, tab7)).rejects.toBeInstanceOf(ConnectionLostError);
    // A part a newer reading sends first drops what an older one sent; parts from another page of the tab count for nothing.
    receivePageBlocks(parts[1]!, tab7);
    for (const part of parts) receivePageBlocks(part, tab7);
    receivePageBlocks(parts[1]!, { ...tab7, url: 'https://example.com/other' });
    await expect(alignPage(request, tab7)).rejects.toBeInstanceOf(ConnectionLostError);
    for (const part of parts) receivePageBlocks(part, tab7);
    expect((await alignPage(request, tab7)).related).toBe(true);
  });
});
