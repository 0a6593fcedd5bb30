/**
 * The background's alignment work: the dictionary is fetched from the extension's own files once per worker
 * life, then every page's request is aligned and the result kept for the tab.
 */
import { browser } from 'wxt/browser';
import { align } from '../align/aligner';
import { DICTIONARY_FILE, parseDictionary, type Dictionary } from '../align/dictionary';
import type { AlignPageAnswer, AlignPageMessage } from '../messaging';
import { saveTabAlignment } from './tab-alignments';

let dictionary: Promise<Dictionary> | null = null;

function loadDictionary(): Promise<Dictionary> {
  dictionary ??= fetch(browser.runtime.getURL(`/${DICTIONARY_FILE}` as '/'))
    .then((response) => {
      if (!response.ok) throw new Error(`The dictionary could not be loaded (${response.status}).`);
      return response.text();
    })
    .then(parseDictionary)
    .catch((error: unknown) => {
      dictionary = null;
      throw error;
    });
  return dictionary;
}

export async function alignPage(message: AlignPageMessage, tabId: number | undefined): Promise<AlignPageAnswer> {
  const base = {
    url: message.url,
    title: message.title,
    zhScript: message.zhScript,
    zh: message.request.zh.sentences,
    en: message.request.en.sentences,
  };
  try {
    const loaded = await loadDictionary();
    const started = performance.now();
    const result = align(message.request, loaded);
    const alignMs = Math.round(performance.now() - started);
    if (tabId !== undefined) {
      await saveTabAlignment(tabId, { ...base, status: 'ready', result, alignMs, updatedAt: Date.now() });
    }
    return { result, alignMs };
  } catch (error) {
    if (tabId !== undefined) {
      await saveTabAlignment(tabId, {
        ...base,
        status: 'error',
        error: error instanceof Error ? error.message : String(error),
        result: { beads: [], scores: [] },
        alignMs: 0,
        updatedAt: Date.now(),
      });
    }
    throw error;
  }
}
