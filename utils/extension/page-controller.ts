/**
 * The content script's life on one page: read the page, have the worker align it, hover over it, and start again
 * when the page or the settings change. What the browser provides (the in-page UI, messages to the worker) comes
 * in as dependencies, so the whole cycle runs in tests without a browser.
 */
import { summarizeBeads } from '../align/summary';
import type { AlignResult } from '../align/types';
import { pageTextMessages, type AlignPageAnswer, type AlignPageMessage, type AlignRestAnswer, type PageBlocksMessage, type PageFindings } from '../messaging';
import { readBilingualPageInSlices, withSentencesInSlices, type SliceTimes } from '../page/read-page';
import { UI_HOST_TAG } from '../page/walk';
import { watchPageChanges, type PageWatcher } from '../page/watch';
import { isSiteEnabled, type Settings } from '../settings/schema';
import { preferredChineseScript } from '../text/script';
import { AlignedPage, type HoverView } from './page-session';

/**
 * What the page shows of Parallax: the UI host's `data-state`, which the page could tell anyway from the UI being
 * there and answering hovers. Counts and timings are not published on the page (any page script could read them,
 * and User Timing entries too, which the page shares with the content script): they stay in `findings`.
 */
export type PageState = 'aligning' | 'ready' | 'unrelated' | 'error';
/** The in-page UI: a host element in the page and the tooltip view inside its shadow root. */
export interface PageUi {
  host: Element;
  view: HoverView;
  remove(): void;
}

export interface PageControllerDeps {
  document: Document;
  /** The reader's browser languages, which say which Chinese version to pair where a page has two. */
  languages: readonly string[];
  settings(): Settings;
  alignPage(message: AlignPageMessage): Promise<AlignPageAnswer>;
  /** Part of a long page's text, sent ahead of its `alignPage` message. */
  sendPageBlocks(message: PageBlocksMessage): Promise<void>;
  /** The whole alignment of a long page whose part in view `alignPage` answered first. */
  alignRest(): Promise<AlignRestAnswer>;
  /**
   * Tells the worker that the page may be bilingual, before the page is read through and the worker asked to align
   * it: a worker Chrome stopped starts reading its dictionary then, while the page is read.
   */
  pageLooksBilingual(): void;
  /** Tells the worker that the page is no longer aligned, so that it forgets the tab's result. */
  pageCleared(): void;
  mountUi(): Promise<PageUi>;
  /** Told when hovering starts to work on the page, so that a pointer already resting on a sentence need not move. */
  pageReady?: () => void;
  /** Told which pair the tooltip shows, for the side panel to follow. */
  pairShown?: (zh: number[], en: number[]) => void;
  watchPage?: (doc: Document, onChange: () => void) => PageWatcher;
}

/** A reading that a newer one replaced while its text was being sent: the rest of it is not sent. */
class ReadingReplacedError extends Error {
  override name = 'ReadingReplacedError';
}

export class PageController {
  private generation = 0;
  /** The longest task of sending the latest reading's text to the worker: the browser serialising a message. */
  private longestSendMs = 0;
  private aligned: AlignedPage | null = null;
  private ui: PageUi | null = null;
  private watcher: PageWatcher | null = null;
  private found: PageFindings = { state: 'reading' };

  constructor(private readonly deps: PageControllerDeps) {}

  get page(): AlignedPage | null {
    return this.aligned;
  }

  /**
   * What the latest reading decided and measured, for the extension's own contexts (tests and benchmarks ask
   * through them): 'not-bilingual' proves the content script ran on a silent page and decided.
   */
  get findings(): PageFindings {
    return this.found;
  }

  /** Reads and aligns the page, replacing any earlier reading; answers for an earlier reading are dropped. */
  async start(): Promise<void> {
    const { deps } = this;
    const doc = deps.document;
    const current = ++this.generation;
    this.aligned?.clear();
    this.aligned = null;
    const location = doc.location;
    if (!isSiteEnabled(deps.settings(), location?.hostname ?? '')) {
      this.stop();
      this.found = { state: 'off' };
      return;
    }
    this.found = { state: 'reading' };
    // Watching starts before the reading, which takes a while on long pages: a change made meanwhile (a
    // single-page app replacing its view right after changing the address) must not be missed.
    this.watcher ??= (deps.watchPage ?? watchPageChanges)(doc, () => void this.start());
    const { reading, busyMs, longestSliceMs, findArticleMs } = await readBilingualPageInSlices(doc, {
      preferredScript: preferredChineseScript(deps.languages),
      onLooksBilingual: () => deps.pageLooksBilingual(),
    });
    if (current !== this.generation) return;
    const readAtMs = Math.round(performance.now());
    // Main-thread time spent reading (pauses excluded), the part of it spent finding the article, and the longest
    // slice; on a bilingual page they include making the sentences the worker split into the page's own, on this
    // thread too. Read by `npm run bench`.
    this.longestSendMs = 0;
    const readingTimes = (sentences: SliceTimes = { busyMs: 0, longestSliceMs: 0 }) => ({
      readPageMs: busyMs + sentences.busyMs,
      findArticleMs,
      longestSliceMs: Math.max(longestSliceMs, sentences.longestSliceMs, this.longestSendMs),
      makeSentencesMs: sentences.busyMs,
      longestSendMs: this.longestSendMs,
    });
    reading?.shadowRoots.forEach((root) => this.watcher?.observe(root));
    if (!reading) {
      this.found = { state: 'not-bilingual', ...readingTimes() };
      this.removeUi();
      return;
    }
    if (this.ui && !this.ui.host.isConnected) {
      // The page took the UI out of its document (it replaced its body): a new one is mounted in the page as it is
      // now. The tab's result is about to be replaced, so the worker need not be told to forget it.
      this.ui.remove();
      this.ui = null;
    }
    if (!this.ui) {
      // Firefox ends the content scripts of an extension that is reloaded or updated without letting them run again,
      // and starts the new copy's script in the pages already open: the old script's UI would stay in the page,
      // stale, before this one's. No run of this script has a UI here yet, so any host there is is left behind.
      for (const host of doc.querySelectorAll(UI_HOST_TAG)) host.remove();
      this.ui = await deps.mountUi();
    }
    if (current !== this.generation) return;
    const ui = this.ui;
    ui.host.setAttribute('data-theme', deps.settings().theme);
    this.found = { state: 'aligning' };
    this.setState('aligning');
    try {
      const request: AlignPageMessage = { page: reading.text, zhScript: reading.zhScript, displayScript: deps.settings().displayScript };
      // A long page is aligned around what the reader sees first.
      const view = reading.blocksInView();
      const answer = await this.askAgainOnce(current, () => this.sendToAlign(current, view ? { ...request, view } : request));
      if (current !== this.generation || this.ui !== ui) return;
      const answeredAtMs = Math.round(performance.now());
      const { page, ...sentencesTimes } = await withSentencesInSlices(reading, answer.sentences);
      if (current !== this.generation || this.ui !== ui) return;
      const summary = summarizeBeads(answer.result.beads);
      const found = {
        ...readingTimes(sentencesTimes),
        zhSentences: page.zh.sentences.length,
        enSentences: page.en.sentences.length,
        pairs: summary.pairs,
        unmatched: summary.unmatchedZh + summary.unmatchedEn,
        splitMs: answer.splitMs,
        alignMs: answer.alignMs,
        firstAlignMs: answer.alignMs,
        readAtMs,
        answeredAtMs,
      };
      if (!answer.related) {
        this.found = { state: 'unrelated', ...found };
        this.setState('unrelated');
        return;
      }
      const hoverOn = (result: AlignResult, altResult: AlignResult | null) =>
        new AlignedPage(page, result, altResult, ui.view, {
          highlightCounterpart: deps.settings().highlightCounterpart,
          onPairShown: deps.pairShown,
          zhDisplay: answer.zhDisplay,
        });
      this.aligned = hoverOn(answer.result, answer.altResult);
      const readyMs = Math.round(performance.now());
      this.found = { state: 'ready', ...found, complete: answer.complete, readyMs, ...(answer.complete ? { alignedAllMs: readyMs } : {}) };
      this.setState('ready');
      deps.pageReady?.();
      if (answer.complete) return;
      // The rest of a long page, aligned meanwhile: hovering works in view until it comes. A worker restarted in
      // between has lost it, and aligns the whole page again.
      const rest = await this.askAgainOnce(current, () => deps.alignRest()).catch(async (error: unknown) => {
        if (!(error instanceof Error && error.name === 'NoAlignmentUnderWayError') || current !== this.generation) throw error;
        const whole = await this.sendToAlign(current, request);
        return { related: whole.related, result: whole.result, altResult: whole.altResult, alignMs: whole.alignMs, wholeMs: whole.alignMs };
      });
      if (current !== this.generation || this.ui !== ui) return;
      const wholeSummary = summarizeBeads(rest.result.beads);
      const all = { ...found, pairs: wholeSummary.pairs, unmatched: wholeSummary.unmatchedZh + wholeSummary.unmatchedEn, alignMs: rest.alignMs };
      if (!rest.related) {
        this.aligned.clear();
        this.aligned = null;
        this.found = { state: 'unrelated', ...all };
        this.setState('unrelated');
        return;
      }
      // The tooltip shown stays until the reader's next move, which the whole alignment answers.
      this.aligned = hoverOn(rest.result, rest.altResult);
      this.found = { state: 'ready', ...all, complete: true, readyMs, alignedAllMs: Math.round(performance.now()) };
    } catch (error) {
      if (current !== this.generation) return;
      this.found = { state: 'error', ...readingTimes() };
      console.warn('Parallax could not align this page:', error);
      this.setState('error');
    }
  }

  /**
   * Asks the worker to align the page. The browser serialises a message on the page's thread in one task, so a long
   * page's text goes first in parts, each sent once the worker has the one before (the page's own work has its turns
   * while the worker answers); the longest of these tasks is kept.
   */
  private async sendToAlign(current: number, message: AlignPageMessage): Promise<AlignPageAnswer> {
    const { parts, request } = pageTextMessages(message);
    for (const part of parts) {
      await this.timedSend(() => this.deps.sendPageBlocks(part));
      // A newer reading sends its own text, starting over: this one's later parts must not mix with it.
      if (current !== this.generation) throw new ReadingReplacedError('A newer reading of the page replaced this one.');
    }
    return this.timedSend(() => this.deps.alignPage(request));
  }

  /** Sends a message, timing the part done before the send returns: the message's serialisation. */
  private timedSend<T>(send: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const sent = send();
    this.longestSendMs = Math.max(this.longestSendMs, performance.now() - started);
    return sent;
  }

  /**
   * Chrome stopped the worker before it answered: asking again starts a new one, which does the work anew. Once
   * only: a second loss is a failure the reader is told of.
   */
  private askAgainOnce<T>(current: number, ask: () => Promise<T>): Promise<T> {
    return ask().catch((error: unknown) => {
      if (error instanceof Error && error.name === 'ConnectionLostError' && current === this.generation) return ask();
      throw error;
    });
  }

  /** Stops for good or until the next start: no reading, no UI, nothing kept for the tab. */
  stop(): void {
    this.generation += 1;
    this.aligned?.clear();
    this.aligned = null;
    this.watcher?.stop();
    this.watcher = null;
    this.removeUi();
  }

  private removeUi(): void {
    if (!this.ui) return;
    // The tab's kept result goes whenever its page stops being aligned, so the popup and panel never show it stale.
    this.deps.pageCleared();
    this.ui.remove();
    this.ui = null;
  }

  private setState(state: PageState): void {
    this.ui?.host.setAttribute('data-state', state);
  }
}
