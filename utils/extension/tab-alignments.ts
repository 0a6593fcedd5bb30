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
  result: AlignResult;
  alignMs: number;
  updatedAt: number;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

// Session storage outlives the background worker but not the browser session, which is what tab state needs.
function area() {
  return browser.storage.session;
}

export async function saveTabAlignment(tabId: number, alignment: TabAlignment): Promise<void> {
  await area().set({ [keyOf(tabId)]: alignment });
}

export async function readTabAlignment(tabId: number): Promise<TabAlignment | null> {
  const key = keyOf(tabId);
  const stored = await area().get(key);
  return (stored[key] as TabAlignment | undefined) ?? null;
}

export async function clearTabAlignment(tabId: number): Promise<void> {
  await area().remove(keyOf(tabId));
}

/** Calls back with the tab's alignment whenever it changes (null when cleared); returns a stop function. */
export function watchTabAlignment(tabId: number, onChange: (alignment: TabAlignment | null) => void): () => void {
  const key = keyOf(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (key in changes) onChange((changes[key]!.newValue as TabAlignment | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls back with every tab's alignment as it changes (null when cleared); returns a stop function. */
export function watchEveryTabAlignment(onChange: (tabId: number, alignment: TabAlignment | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== 'session') return;
    for (const [key, change] of Object.entries(changes)) {
      const tabId = /^tab:(\d+)$/.exec(key)?.[1];
      if (tabId !== undefined) onChange(Number(tabId), (change.newValue as TabAlignment | undefined) ?? null);
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
