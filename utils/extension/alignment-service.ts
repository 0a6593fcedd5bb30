/**
 * The background's alignment work: the dictionary is fetched from the extension's own files once per worker
 * life, then every page's request is aligned and the result kept for the tab.
 */
import { browser } from 'wxt/browser';
import { align } from '../align/aligner';
import { alignAroundView, alignInChunks, PROGRESSIVE_FROM, type AlignProgress, type SentencesInView } from '../align/progressive';
import { looksLikeTranslations } from '../align/summary';
import { DICTIONARY_FILE, DICTIONARY_VERSION_FILE, parseDictionary, type Dictionary } from '../align/dictionary';
import type { AlignRequest, AlignResult } from '../align/types';
import { readStoredDictionary, storeDictionary } from './dictionary-store';
import { ConnectionLostError, type AlignPageAnswer, type AlignPageMessage, type AlignRestAnswer, type BlockCounts, type ChineseDisplay, type PageBlocksMessage, type Sender } from '../messaging';
import { DISPLAY_TABLES_FILE, displayConverters, shownScript, type PackedTables } from '../text/display-script';
import { placesOf, splitPage, toAlignRequest, type PageText, type SplitSentence, type TextBlock } from '../page/split-page';
import { clearTabAlignment, readTabAlignment, saveTabAlignment, type TabAlignment } from './tab-alignments';

let dictionary: Promise<Dictionary> | null = null;

function startDictionaryLoad(): Promise<Dictionary> {
  dictionary ??= fetchDictionary().catch((error: unknown) => {
    dictionary = null;
    throw error;
  });
  return dictionary;
}

/**
 * The dictionary for a page's alignment. How long the page waited for it (nothing once loaded, the rest of a load
 * under way) is the User Timing measure `parallax:dictionary-wait`, the latest page's only, which the benchmark reads.
 */
async function loadDictionary(): Promise<Dictionary> {
  const asked = performance.now();
  const loaded = await startDictionaryLoad();
  performance.clearMeasures('parallax:dictionary-wait');
  performance.measure('parallax:dictionary-wait', { start: asked, duration: performance.now() - asked });
  return loaded;
}

/**
 * Starts loading the dictionary before any page asks for it: when the extension is installed or updated, the worker
 * reads the package (its slowest source) and keeps the copy while the reader is still opening a page, not after; and
 * when a page's quick look finds both languages, a worker Chrome stopped reads its stored copy while the page is read
 * through, which on the seed page is most of the time the page would otherwise wait (BENCHMARKS.md).
 */
export function preloadDictionary(): void {
  startDictionaryLoad().catch((error: unknown) => console.warn('Parallax: the dictionary could not be loaded ahead.', error));
}

/**
 * The dictionary, from the copy a previous worker stored when there is one of this version, otherwise from the
 * extension's files. The time it takes, and where it came from, are the User Timing measure the benchmark reads.
 */
async function fetchDictionary(): Promise<Dictionary> {
  const started = performance.now();
  // The version the look into IndexedDB compares with is asked for beside it, and waited for only once the stored
  // record is in hand. The package's file is read only when no stored copy will do: read beside the look, as it once
  // was, it slowed the look down about as much as it saved on a miss (the two share the browser's file reading), and
  // a miss is rare now that the worker reads the package when the extension is installed.
  const version = extensionResponse(DICTIONARY_VERSION_FILE).then(async (response) => (await response.text()).trim());
  // Without IndexedDB (some private windows) the worker reads the package every time.
  const stored = await readStoredDictionary(version).catch(() => null);
  // A copy that does not parse (cut short on a full disk, damaged) is replaced rather than read again by every worker.
  const fromStore = stored && parsedOrNull(stored);
  const bytes = fromStore ? stored : new Uint8Array(await (await extensionResponse(DICTIONARY_FILE)).arrayBuffer());
  const loaded = fromStore ?? parseDictionary(bytes);
  performance.measure('parallax:load-dictionary', {
    start: started,
    duration: performance.now() - started,
    detail: { source: fromStore ? 'stored' : 'package' },
  });
  if (!fromStore) {
    // Storing copies the bytes at once, so it waits until the page that asked has been aligned.
    setTimeout(() => {
      version.then((current) => storeDictionary(current, bytes)).then(
        () => performance.mark('parallax:dictionary-stored'),
        (error: unknown) => console.warn('Parallax: the dictionary was not kept for the next start.', error),
      );
    }, 0);
  }
  return loaded;
}

function parsedOrNull(bytes: Uint8Array): Dictionary | null {
  try {
    return parseDictionary(bytes);
  } catch (error) {
    console.warn('Parallax: the stored dictionary could not be read; it is read from the package again.', error);
    return null;
  }
}

// Read from the package only when a reader asks for Chinese in another script than the page's.
const toDisplay = displayConverters(async () => (await (await extensionResponse(DISPLAY_TABLES_FILE)).json()) as PackedTables);

async function extensionResponse(file: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`/${file}` as '/'));
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
 * The most of a page's text the worker keeps for its tab, in UTF-8 bytes: `storage.session` holds 10 MB in Chrome for
 * every tab together. A longer page has its first sentences aligned, as many of each side as fit in the same
 * proportion, and the popup and side panel say so.
 */
export const MAX_KEPT_BYTES = 4_000_000;

const utf8Bytes = (text: string) => {
  let bytes = 0;
  for (let k = 0; k < text.length; k += 1) {
    const code = text.charCodeAt(k);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
};

/**
 * How many of each side's first sentences are kept: all, or where the text runs past MAX_KEPT_BYTES, the same share
 * of each side, the largest that fits.
 */
export function keptSentences(zh: string[], en: string[]): { zh: number; en: number } {
  const zhBytes = zh.map(utf8Bytes);
  const enBytes = en.map(utf8Bytes);
  const total = (share: number) =>
    zhBytes.slice(0, Math.floor(share * zh.length)).reduce((a, b) => a + b, 0) + enBytes.slice(0, Math.floor(share * en.length)).reduce((a, b) => a + b, 0);
  if (total(1) <= MAX_KEPT_BYTES) return { zh: zh.length, en: en.length };
  let low = 0;
  let high = 1;
  for (let step = 0; step < 20; step += 1) {
    const mid = (low + high) / 2;
    if (total(mid) <= MAX_KEPT_BYTES) low = mid;
    else high = mid;
  }
  return { zh: Math.floor(low * zh.length), en: Math.floor(low * en.length) };
}

/** Sentences of the blocks in view, [first, end), or null where none are. */
function sentencesInView(sentences: SplitSentence[], blocks: [number, number] | null | undefined, kept: number): [number, number] | null {
  if (!blocks) return null;
  const first = sentences.findIndex((s) => s.block >= blocks[0]);
  if (first < 0 || first >= kept) return null;
  let end = first;
  while (end < kept && sentences[end]!.block < blocks[1]) end += 1;
  return end > first ? [first, end] : null;
}

/**
 * The blocks of a tab's page sent ahead of its `alignPage` message, by tab, with the page that sent them: its address
 * without the fragment, which the reader may change (following a link within the page) while the parts go.
 */
const blocksAhead = new Map<number, { page: string; sides: Record<keyof BlockCounts, TextBlock[]> }>();
const pageOf = (sender: Sender) => withoutFragment(sender.url ?? '');

/** Part of a long page's text, kept for the tab until its `alignPage` message comes. */
export function receivePageBlocks({ first, side, blocks }: PageBlocksMessage, sender: Sender): void {
  if (sender.tabId === undefined) return;
  let ahead = blocksAhead.get(sender.tabId);
  if (first || !ahead || ahead.page !== pageOf(sender)) {
    ahead = { page: pageOf(sender), sides: { zh: [], en: [], zhAlt: [] } };
    blocksAhead.set(sender.tabId, ahead);
  }
  for (const block of blocks) ahead.sides[side].push(block);
}

/** The page's text once joined by the blocks sent ahead of it, which are taken from the tab's keeping. */
function wholePageText({ page, blocksSentAhead }: AlignPageMessage, sender: Sender): PageText {
  if (!blocksSentAhead) return page;
  const ahead = sender.tabId === undefined ? undefined : blocksAhead.get(sender.tabId);
  if (sender.tabId !== undefined) blocksAhead.delete(sender.tabId);
  const take = (side: keyof BlockCounts, own: TextBlock[]): TextBlock[] => {
    const sent = ahead && ahead.page === pageOf(sender) ? ahead.sides[side] : [];
    // A worker restarted while the parts came has lost the first of them: the content script sends them all again.
    if (sent.length !== blocksSentAhead[side]) throw new ConnectionLostError("The page's text did not all reach the worker.");
    return [...sent, ...own];
  };
  const whole: PageText = { ...page, zh: { blocks: take('zh', page.zh.blocks) }, en: { blocks: take('en', page.en.blocks) } };
  const alt = take('zhAlt', page.zhAlt?.blocks ?? []);
  if (page.zhAlt) whole.zhAlt = { ...page.zhAlt, blocks: alt };
  return whole;
}

/** Each tab's writes of its kept state, the last one asked for last. */
const tabStateWrites = new Map<number, Promise<void>>();

/**
 * Writes a tab's kept state once the tab's earlier writes have ended: a write first asks the browser whether the tab
 * still shows the page, and a later write (a page switched off as soon as it was answered) must not land before it.
 */
function writeTabState(tabId: number, write: () => Promise<void>): Promise<void> {
  const written = (tabStateWrites.get(tabId) ?? Promise.resolve()).catch(() => undefined).then(write);
  tabStateWrites.set(tabId, written);
  const forget = () => {
    if (tabStateWrites.get(tabId) === written) tabStateWrites.delete(tabId);
  };
  written.then(forget, forget);
  return written;
}

/** The rest of a long page's alignment, under way in the background after the part in view was answered. */
interface RestJob {
  tabId: number;
  url: string | undefined;
  answer: Promise<AlignRestAnswer>;
}
/** One job a tab: a new page in the tab, or the same page read again, stops the one before. */
const restJobs = new Map<number, RestJob>();

/**
 * Splits the page's blocks into sentences, aligns them, and answers with both; the result is kept for the sender's
 * tab under the address and title the browser gives for it, while the tab still shows that page. A long page
 * (PROGRESSIVE_FROM sentences a side) that says which blocks are in view is answered with those aligned first
 * (`complete: false`), and the rest is aligned in chunks in the background, its progress kept for the tab, for the
 * content script to ask for with `alignRest`. Without a view a long page is aligned in chunks before the answer.
 */
export async function alignPage(message: AlignPageMessage, sender: Sender): Promise<AlignPageAnswer> {
  const page = wholePageText(message, sender);
  if (sender.tabId !== undefined) restJobs.delete(sender.tabId);
  // Null forgets the tab's result. Only while the tab shows the page: once it has moved on, the next page's result may
  // be kept by now, and what this page left (its 'aligning') goes.
  const keep = async (alignment: TabAlignment | null) => {
    const { tabId } = sender;
    if (tabId === undefined) return;
    await writeTabState(tabId, async () => {
      if (!(await tabStillShows(tabId, sender.url))) {
        if ((await readTabAlignment(tabId))?.url === sender.url) await clearTabAlignment(tabId);
        return;
      }
      if (alignment === null) await clearTabAlignment(tabId);
      else await saveTabAlignment(tabId, alignment);
    });
  };
  const splitStarted = performance.now();
  const sentences = splitPage(page);
  const splitMs = Math.round(performance.now() - splitStarted);
  const kept = keptSentences(
    sentences.zh.map((s) => s.text),
    sentences.en.map((s) => s.text),
  );
  const limited = kept.zh < sentences.zh.length || kept.en < sentences.en.length;
  const zhKept = sentences.zh.slice(0, kept.zh);
  const enKept = sentences.en.slice(0, kept.en);
  // Chinese as the reader chose to see it, in the tooltip and the side panel (and so in what the panel exports).
  const convert = await toDisplay.converter(message.zhScript, message.displayScript);
  const zhDisplay: ChineseDisplay | null = convert && { script: shownScript(message.zhScript, message.displayScript), sentences: sentences.zh.map((s) => convert(s.text)) };
  const base = {
    url: sender.url ?? '',
    title: sender.title ?? '',
    zhScript: zhDisplay?.script ?? message.zhScript,
    zh: zhDisplay?.sentences.slice(0, kept.zh) ?? zhKept.map((s) => s.text),
    en: enKept.map((s) => s.text),
    ...(limited ? { pageSentences: { zh: sentences.zh.length, en: sentences.en.length } } : {}),
  };
  const empty = { beads: [], scores: [] };
  const english = { blocks: page.en.blocks, sentences: enKept };
  const request = toAlignRequest({ zh: { blocks: page.zh.blocks, sentences: zhKept }, en: english, blockPairs: page.blockPairs });
  const progressive = kept.zh >= PROGRESSIVE_FROM || kept.en >= PROGRESSIVE_FROM;
  // Not waited for before the alignment starts, which it would delay by the browser's round trips.
  keep({ ...base, status: 'aligning', ...(progressive ? { progress: { zh: 0, en: 0 } } : {}), result: empty, alignMs: 0, updatedAt: Date.now() }).catch((error: unknown) =>
    console.warn('Parallax: the tab\'s state was not kept.', error),
  );
  const places = placesOf(sentences);
  try {
    const loaded = await loadDictionary();
    const started = performance.now();
    const view: SentencesInView | null = message.view
      ? { zh: sentencesInView(zhKept, message.view.zh, kept.zh), en: sentencesInView(enKept, message.view.en, kept.en) }
      : null;
    if (progressive && view && (view.zh || view.en) && sender.tabId !== undefined) {
      const first = alignAroundView(request, view, loaded);
      const alignMs = Math.round(performance.now() - started);
      // The verdict on the sentences aligned so far, the window's.
      const covered = (side: 0 | 1) => first.beads.reduce((sum, bead) => sum + bead[side].length, 0);
      const related = looksLikeTranslations(first, covered(0), covered(1));
      if (!related) await keep(null);
      else {
        const job: RestJob = { tabId: sender.tabId, url: sender.url, answer: Promise.resolve(null as never) };
        restJobs.set(sender.tabId, job);
        const altRequest = page.zhAlt && sentences.zhAlt && !limited ? toAlignRequest({ zh: { blocks: page.zhAlt.blocks, sentences: sentences.zhAlt }, en: english, blockPairs: page.zhAlt.blockPairs }) : null;
        job.answer = alignRestInChunks(job, request, altRequest, loaded, base, keep);
        // Answered when asked for; a job no one asks for (the page went away) must not report an unhandled rejection.
        job.answer.catch(() => undefined);
      }
      // Answered without waiting for the tab's state to be kept: the writes go in order (writeTabState), so a page
      // switched off at once still leaves nothing kept, and the rest's chunks, which hold the worker's thread for 100
      // ms and more each, would hold up the storage's reply (0.4 to 1 s on a page of 1,000 paragraphs).
      return { sentences: places, related, result: first, altResult: null, zhDisplay, splitMs, alignMs, complete: false };
    }
    let result: AlignResult;
    if (progressive) {
      const steps = alignInChunks(request, loaded);
      let step = steps.next();
      while (!step.done) step = steps.next();
      result = step.value;
    } else result = align(request, loaded);
    // The other Chinese version is aligned to the English on its own: no counterpart mixes the two.
    const altResult =
      page.zhAlt && sentences.zhAlt && !limited
        ? align(toAlignRequest({ zh: { blocks: page.zhAlt.blocks, sentences: sentences.zhAlt }, en: english, blockPairs: page.zhAlt.blockPairs }), loaded)
        : null;
    const alignMs = Math.round(performance.now() - started);
    const related = looksLikeTranslations(result, kept.zh, kept.en);
    await keep(related ? { ...base, status: 'ready', result, alignMs, updatedAt: Date.now() } : null);
    return { sentences: places, related, result, altResult, zhDisplay, splitMs, alignMs, complete: true };
  } catch (error) {
    await keep({ ...base, status: 'error', error: error instanceof Error ? error.message : String(error), result: empty, alignMs: 0, updatedAt: Date.now() });
    throw error;
  }
}

/** Kept progress is written at most this often: each write copies the tab's whole text. */
const PROGRESS_EVERY_MS = 500;

/**
 * The whole page aligned chunk by chunk, with a pause between chunks for the worker's other messages, and how far
 * it has got kept for the tab; stopped when the tab's page has moved on or was read again.
 */
async function alignRestInChunks(
  job: RestJob,
  request: AlignRequest,
  altRequest: AlignRequest | null,
  dictionary: Dictionary,
  base: Omit<TabAlignment, 'status' | 'result' | 'alignMs' | 'updatedAt'>,
  keep: (alignment: TabAlignment | null) => Promise<void>,
): Promise<AlignRestAnswer> {
  // The part in view is answered first.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const started = performance.now();
  let busyMs = 0;
  let keptAt = 0;
  /** One request aligned chunk by chunk, pausing between chunks; `report` is told how far it has got. */
  const inChunks = async (whole: AlignRequest, report: (progress: AlignProgress) => Promise<void>): Promise<AlignResult> => {
    const steps = alignInChunks(whole, dictionary);
    for (;;) {
      const sliceStarted = performance.now();
      const step = steps.next();
      busyMs += performance.now() - sliceStarted;
      if (restJobs.get(job.tabId) !== job) throw new Error('The tab closed, left the page or read it again before its alignment ended.');
      if (step.done) return step.value;
      await report(step.value);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  const result = await inChunks(request, async (progress) => {
    if (performance.now() - keptAt < PROGRESS_EVERY_MS) return;
    keptAt = performance.now();
    await keep({ ...base, status: 'aligning', progress, result: { beads: [], scores: [] }, alignMs: 0, updatedAt: Date.now() });
  });
  // The other Chinese version, where the page has one, is not among the pairs the popup and side panel count.
  const altResult = altRequest && (await inChunks(altRequest, async () => undefined));
  const related = looksLikeTranslations(result, request.zh.sentences.length, request.en.sentences.length);
  const alignMs = Math.round(busyMs);
  await keep(related ? { ...base, status: 'ready', result, alignMs, updatedAt: Date.now() } : null);
  return { related, result, altResult, alignMs, wholeMs: Math.round(performance.now() - started) };
}

/**
 * The tab closed or started loading another page: the rest of its alignment under way stops before its next chunk
 * (a 10,000-paragraph page's chunks would otherwise keep the worker busy for half a minute for no one), and its kept
 * result goes.
 */
export async function forgetTab(tabId: number): Promise<void> {
  restJobs.delete(tabId);
  blocksAhead.delete(tabId);
  await writeTabState(tabId, () => clearTabAlignment(tabId));
}

/** No rest of an alignment is under way for the tab's page: the worker was restarted, or the page read again. */
export class NoAlignmentUnderWayError extends Error {
  override name = 'NoAlignmentUnderWayError';
}

/** The whole alignment of the long page whose part in view `alignPage` answered first, once it is done. */
export async function alignRest(sender: Sender): Promise<AlignRestAnswer> {
  const job = sender.tabId === undefined ? undefined : restJobs.get(sender.tabId);
  if (!job || job.url !== sender.url) throw new NoAlignmentUnderWayError('No alignment is under way for this page.');
  try {
    return await job.answer;
  } finally {
    if (restJobs.get(job.tabId) === job) restJobs.delete(job.tabId);
  }
}
