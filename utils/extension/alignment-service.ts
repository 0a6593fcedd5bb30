/**
 * The background's alignment work: the dictionary is fetched from the extension's own files once per worker
 * life, then every page's request is aligned and the result kept for the tab.
 */
import { browser } from 'wxt/browser';
import { align } from '../align/aligner';
import { looksLikeTranslations } from '../align/summary';
import { DICTIONARY_FILE, DICTIONARY_VERSION_FILE, parseDictionary, type Dictionary } from '../align/dictionary';
import { readStoredDictionary, storeDictionary } from './dictionary-store';
import type { AlignPageAnswer, AlignPageMessage, ChineseDisplay, Sender } from '../messaging';
import { DISPLAY_TABLES_FILE, displayConverters, shownScript, type PackedTables } from '../text/display-script';
import { placesOf, splitPage, toAlignRequest } from '../page/split-page';
import { clearTabAlignment, readTabAlignment, saveTabAlignment, type TabAlignment } from './tab-alignments';

let dictionary: Promise<Dictionary> | null = null;

function loadDictionary(): Promise<Dictionary> {
  dictionary ??= fetchDictionary().catch((error: unknown) => {
    dictionary = null;
    throw error;
  });
  return dictionary;
}

/**
 * The dictionary, from the copy a previous worker stored when there is one of this version, otherwise from the
 * extension's files. The time it takes, and where it came from, are the User Timing measure the benchmark reads.
 */
async function fetchDictionary(): Promise<Dictionary> {
  const started = performance.now();
  // Everything the load may need is asked for at once: the package's file, read to its end beside the look into
  // IndexedDB (and dropped if a stored copy will do), and the version that look compares with, which it waits for
  // only once the stored record is in hand.
  const packageRequest = new AbortController();
  const packageText = extensionResponse(DICTIONARY_FILE, packageRequest.signal).then((response) => response.text());
  packageText.catch(() => undefined);
  const version = extensionResponse(DICTIONARY_VERSION_FILE).then(async (response) => (await response.text()).trim());
  // Without IndexedDB (some private windows) the worker reads the package every time.
  const stored = await readStoredDictionary(version).catch(() => null);
  if (stored !== null) packageRequest.abort();
  const text = stored ?? (await packageText);
  const loaded = parseDictionary(text);
  performance.measure('parallax:load-dictionary', {
    start: started,
    duration: performance.now() - started,
    detail: { source: stored === null ? 'package' : 'stored' },
  });
  if (stored === null) {
    // Storing copies the text at once, so it waits until the page that asked has been aligned.
    setTimeout(() => {
      version.then((current) => storeDictionary(current, text)).then(
        () => performance.mark('parallax:dictionary-stored'),
        (error: unknown) => console.warn('Parallax: the dictionary was not kept for the next start.', error),
      );
    }, 0);
  }
  return loaded;
}

// Read from the package only when a reader asks for Chinese in another script than the page's.
const toDisplay = displayConverters(async () => (await (await extensionResponse(DISPLAY_TABLES_FILE)).json()) as PackedTables);

async function extensionResponse(file: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${file}` as '/'), { signal });
  if (!response.ok) throw new Error(`The extension's file ${file} could not be loaded (${response.status}).`);
  return response;
}

const withoutFragment = (url: string) => url.replace(/#.*$/, '');

/**
 * Whether the tab still shows the page that sent its text: a tab closed, or gone to another page, while its old page
 * was aligned must not be given that page's result (the side panel and popup would show it over the new page, and a
 * closed tab's would never be freed). A move within the page (#section) is the same page.
 */
async function tabStillShows(tabId: number, url: string | undefined): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab?.url !== undefined && url !== undefined && withoutFragment(tab.url) === withoutFragment(url);
}

/**
 * Splits the page's blocks into sentences, aligns them, and answers with both; the result is kept for the sender's
 * tab under the address and title the browser gives for it, while the tab still shows that page.
 */
export async function alignPage(message: AlignPageMessage, sender: Sender): Promise<AlignPageAnswer> {
  const { page } = message;
  // Null forgets the tab's result. Only while the tab shows the page: once it has moved on, the next page's result may
  // be kept by now, and what this page left (its 'aligning') goes.
  const keep = async (alignment: TabAlignment | null) => {
    const { tabId } = sender;
    if (tabId === undefined) return;
    if (!(await tabStillShows(tabId, sender.url))) {
      if ((await readTabAlignment(tabId))?.url === sender.url) await clearTabAlignment(tabId);
      return;
    }
    if (alignment === null) await clearTabAlignment(tabId);
    else await saveTabAlignment(tabId, alignment);
  };
  const splitStarted = performance.now();
  const sentences = splitPage(page);
  const splitMs = Math.round(performance.now() - splitStarted);
  // Chinese as the reader chose to see it, in the tooltip and the side panel (and so in what the panel exports).
  const convert = await toDisplay.converter(message.zhScript, message.displayScript);
  const zhDisplay: ChineseDisplay | null = convert && { script: shownScript(message.zhScript, message.displayScript), sentences: sentences.zh.map((s) => convert(s.text)) };
  const base = {
    url: sender.url ?? '',
    title: sender.title ?? '',
    zhScript: zhDisplay?.script ?? message.zhScript,
    zh: zhDisplay?.sentences ?? sentences.zh.map((s) => s.text),
    en: sentences.en.map((s) => s.text),
  };
  const empty = { beads: [], scores: [] };
  await keep({ ...base, status: 'aligning', result: empty, alignMs: 0, updatedAt: Date.now() });
  try {
    const loaded = await loadDictionary();
    const started = performance.now();
    const english = { blocks: page.en.blocks, sentences: sentences.en };
    const result = align(toAlignRequest({ zh: { blocks: page.zh.blocks, sentences: sentences.zh }, en: english, blockPairs: page.blockPairs }), loaded);
    // The other Chinese version is aligned to the English on its own: no counterpart mixes the two.
    const altResult =
      page.zhAlt && sentences.zhAlt
        ? align(toAlignRequest({ zh: { blocks: page.zhAlt.blocks, sentences: sentences.zhAlt }, en: english, blockPairs: page.zhAlt.blockPairs }), loaded)
        : null;
    const alignMs = Math.round(performance.now() - started);
    const related = looksLikeTranslations(result, sentences.zh.length, sentences.en.length);
    await keep(related ? { ...base, status: 'ready', result, alignMs, updatedAt: Date.now() } : null);
    return { sentences: placesOf(sentences), related, result, altResult, zhDisplay, splitMs, alignMs };
  } catch (error) {
    await keep({ ...base, status: 'error', error: error instanceof Error ? error.message : String(error), result: empty, alignMs: 0, updatedAt: Date.now() });
    throw error;
  }
}
