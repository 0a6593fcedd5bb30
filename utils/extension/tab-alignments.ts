/**
 * Each tab's alignment, kept in `storage.session` so the side panel and the popup can read it after the
 * background worker has been stopped and started again. Cleared when the tab closes or leaves the page.
 */
import { browser } from 'wxt/browser';
import { summarizeBeads, type BeadSummary } from '../align/summary';
import type { AlignResult } from '../align/types';
import type { ChineseScript } from '../page/types';

export interface TabAlignment {
  url: string;
  title: string;
  zhScript: ChineseScript;
  zh: string[];
  en: string[];
  /** 'aligning' from the moment the page's text arrives until its result is kept (the result is empty till then). */
  status: 'aligning' | 'ready' | 'error';
  /** Why the alignment failed, when it did. */
  error?: string;
  /** While a long page is aligned in chunks: how many sentences of each side are aligned so far. */
  progress?: { zh: number; en: number };
  /**
   * Where the page was longer than the worker keeps: how many sentences each side had. `zh` and `en` then hold the
   * first of them, the ones aligned.
   */
  pageSentences?: { zh: number; en: number };
  result: AlignResult;
  alignMs: number;
  updatedAt: number;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

/**
 * A tab's alignment as `storage.session` keeps it. The browser copies a stored value item by item whenever it is
 * read, and the side panel reads it before it can show a row: a long article's 2,000 pairs as arrays were some 10,000
 * small arrays and numbers and 4,000 strings, which read in about three times as long as a few strings (Chromium,
 * 2,000 pairs: 242 ms against 72 on a loaded machine). The sentences and the result are one string of JSON, which the
 * panel's page turns back with JSON.parse, native code: splitting strings of our own ran as script the page had not
 * compiled yet, 6.7 ms against 3.6 for JSON.parse (2,000 pairs, each in a new Chromium page, medians of 15). The
 * other fields stay fields (an end-to-end test reads each tab's url from storage). `storage.session` is emptied
 * whenever the extension is reloaded or updated, so no value of an earlier form is ever read.
 */
export interface StoredTabAlignment extends Omit<TabAlignment, 'zh' | 'en' | 'result'> {
  /** `{ zh, en, result }` of the alignment, as JSON. */
  sentencesAndResult: string;
}

export function toStored(alignment: TabAlignment): StoredTabAlignment {
  const { zh, en, result, ...rest } = alignment;
  return { ...rest, sentencesAndResult: JSON.stringify({ zh, en, result }) };
}

export function fromStored(stored: StoredTabAlignment): TabAlignment {
  const { sentencesAndResult, ...rest } = stored;
  return { ...rest, ...(JSON.parse(sentencesAndResult) as Pick<TabAlignment, 'zh' | 'en' | 'result'>) };
}

/** A removed key reads as undefined, and its change as no `newValue` (or null, in WXT's fake browser). */
const fromStoredValue = (value: unknown) => (value === undefined || value === null ? null : fromStored(value as StoredTabAlignment));

// Session storage outlives the background worker but not the browser session, which is what tab state needs.
function area() {
  return browser.storage.session;
}

export async function saveTabAlignment(tabId: number, alignment: TabAlignment): Promise<void> {
  await area().set({ [keyOf(tabId)]: toStored(alignment) });
}

export async function readTabAlignment(tabId: number): Promise<TabAlignment | null> {
  const key = keyOf(tabId);
  const stored = await area().get(key);
  return fromStoredValue(stored[key]);
}

export async function clearTabAlignment(tabId: number): Promise<void> {
  await area().remove(keyOf(tabId));
}

/** Calls back with the tab's alignment whenever it changes (null when cleared); returns a stop function. */
export function watchTabAlignment(tabId: number, onChange: (alignment: TabAlignment | null) => void): () => void {
  const key = keyOf(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (key in changes) onChange(fromStoredValue(changes[key]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls back with the tab's alignment as it is kept now, then whenever it changes; returns a stop function. The watch
 * starts before the read, and a change that arrives while the read is under way is newer than what the read returns.
 */
export function followTabAlignment(tabId: number, onChange: (alignment: TabAlignment | null) => void): () => void {
  let changed = false;
  let stopped = false;
  const stopWatching = watchTabAlignment(tabId, (next) => {
    changed = true;
    onChange(next);
  });
  void readTabAlignment(tabId).then((stored) => {
    if (!changed && !stopped) onChange(stored);
  });
  return () => {
    stopped = true;
    stopWatching();
  };
}

/**
 * A tab's alignment followed from before there is anything to show it in: the side panel starts this as its script
 * is evaluated, so that reading a long article from storage runs while the page is still being set up rather than
 * after its first render. `latest` is undefined until the first read comes back (`known`); `handOver` passes every
 * later value on.
 */
export interface EarlyTabAlignment {
  readonly tabId: number;
  readonly latest: TabAlignment | null | undefined;
  readonly known: Promise<void>;
  /** From now on, each change goes to `onChange`; returns a stop function. */
  handOver(onChange: (alignment: TabAlignment | null) => void): () => void;
}

export function followTabAlignmentEarly(tabId: number): EarlyTabAlignment {
  let latest: TabAlignment | null | undefined;
  let receiver: ((alignment: TabAlignment | null) => void) | undefined;
  let markKnown!: () => void;
  const known = new Promise<void>((resolve) => (markKnown = resolve));
  const stop = followTabAlignment(tabId, (next) => {
    latest = next;
    markKnown();
    receiver?.(next);
  });
  return {
    tabId,
    get latest() {
      return latest;
    },
    known,
    handOver(onChange) {
      receiver = onChange;
      return stop;
    },
  };
}

/** Calls back with every tab's alignment as it changes (null when cleared); returns a stop function. */
export function watchEveryTabAlignment(onChange: (tabId: number, alignment: TabAlignment | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'session') return;
    for (const [key, change] of Object.entries(changes)) {
      const tabId = /^tab:(\d+)$/.exec(key)?.[1];
      if (tabId !== undefined) onChange(Number(tabId), fromStoredValue(change.newValue));
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export interface AlignmentSummary extends BeadSummary {
  zhSentences: number;
  enSentences: number;
}

export function summarize(alignment: TabAlignment): AlignmentSummary {
  return { zhSentences: alignment.zh.length, enSentences: alignment.en.length, ...summarizeBeads(alignment.result.beads) };
}
