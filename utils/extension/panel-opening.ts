/**
 * What the side panel needs before its first render, asked for all at once while its script is evaluated: the tab
 * it shows, that tab's alignment (followed from then on) and the reader's settings (for the theme). The panel then
 * renders once, with its rows and in its theme, instead of rendering "Loading…" first and only then asking.
 */
import { browser } from 'wxt/browser';
import type { Settings } from '../settings/schema';
import { loadSettings } from '../settings/store';
import { followTabAlignmentEarly, type EarlyTabAlignment } from './tab-alignments';

/** The tab named in the panel's URL (`?tabId=`, as tests and benchmarks open it as a page), else null. */
export function tabIdFromSearch(search: string): number | null {
  const named = Number(new URLSearchParams(search).get('tabId'));
  return Number.isInteger(named) && named > 0 ? named : null;
}

/** The active tab of the panel's window, which a Chrome side panel or a Firefox sidebar shows. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export interface PanelOpening {
  tabId: number | null;
  alignment: EarlyTabAlignment | null;
  settings: Settings;
}

export async function openPanel(search: string): Promise<PanelOpening> {
  const settings = loadSettings();
  const tabId = tabIdFromSearch(search) ?? (await activeTabId());
  const alignment = tabId === null ? null : followTabAlignmentEarly(tabId);
  await alignment?.known;
  return { tabId, alignment, settings: await settings };
}
