// @vitest-environment happy-dom
/**
 * The content script's cycle, without a browser: the page is read, aligned by a worker stand-in that runs the same
 * code as the worker, hovered; and whenever the page stops being aligned, the worker is told to forget it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { align } from '../../../utils/align/aligner';
import type { Dictionary } from '../../../utils/align/dictionary';
import { looksLikeTranslations } from '../../../utils/align/summary';
import { PageController, type PageControllerDeps } from '../../../utils/extension/page-controller';
import { ConnectionLostError, MESSAGE_TEXT_CHARS, type AlignPageAnswer, type AlignPageMessage, type PageBlocksMessage } from '../../../utils/messaging';
import { placesOf, splitPage, toAlignRequest } from '../../../utils/page/split-page';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/schema';

const layouts = path.resolve(__dirname, '../../fixtures/layouts');
let dictionary: Dictionary;
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

function load(file: string): void {
  document.open();
  document.write(readFileSync(path.join(layouts, file), 'utf8').replace(/<link [^>]*>/g, ''));
  document.close();
}

/** What the worker answers: the same splitting, alignment and verdict, in process. */
function alignInProcess({ page }: AlignPageMessage): AlignPageAnswer {
  const sentences = splitPage(page);
  const request = toAlignRequest({ zh: { blocks: page.zh.blocks, sentences: sentences.zh }, en: { blocks: page.en.blocks, sentences: sentences.en }, blockPairs: page.blockPairs });
  const result = align(request, dictionary);
  return { sentences: placesOf(sentences), related: looksLikeTranslations(result, sentences.zh.length, sentences.en.length), result, altResult: null, zhDisplay: null, splitMs: 0, alignMs: 0, complete: true };
}

interface Harness {
  controller: PageController;
  settings: Settings;
  cleared: number;
  requests: number;
  shown: number;
  host: () => Element | null;
}

function harness(overrides: Partial<PageControllerDeps> = {}): Harness {
  const state: Harness = { controller: null!, settings: { ...DEFAULT_SETTINGS }, cleared: 0, requests: 0, shown: 0, host: () => document.querySelector('parallax-ui') };
  state.controller = new PageController({
    document,
    languages: ['en-US'],
    settings: () => state.settings,
    alignPage: async (message) => {
      state.requests += 1;
      return alignInProcess(message);
    },
    alignRest: async () => {
      throw new Error('Only a long page is answered in two parts.');
    },
    sendPageBlocks: async () => {
      throw new Error('Only a long page’s text is sent in parts.');
    },
    pageLooksBilingual: () => undefined,
    pageCleared: () => {
      state.cleared += 1;
    },
    mountUi: async () => {
      const host = document.createElement('parallax-ui');
      document.body.append(host);
      return { host, view: { show: () => (state.shown += 1), hide: () => undefined }, remove: () => host.remove() };
    },
    watchPage: () => ({ observe: () => undefined, stop: () => undefined }),
    ...overrides,
  });
  return state;
}

describe('the page controller', () => {
  beforeEach(() => load('side-by-side.html'));

  it('reads and aligns a bilingual page, and keeps what it found off the page', async () => {
    const h = harness();
    await h.controller.start();
    expect(h.host()?.getAttribute('data-state')).toBe('ready');
    const findings = h.controller.findings;
    expect(findings.state).toBe('ready');
    expect(findings.pairs).toBeGreaterThan(0);
    expect(findings.zhSentences).toBeGreaterThan(0);
    expect(findings.readPageMs).toBeGreaterThanOrEqual(findings.findArticleMs!);
    // The page sees the UI's state and theme, never a count or a timing, on the host or in its User Timing entries.
    expect(h.host()!.getAttributeNames().filter((name) => name.startsWith('data-')).sort()).toEqual(['data-state', 'data-theme']);
    expect(performance.getEntries().filter((entry) => entry.name.startsWith('parallax'))).toEqual([]);
    expect(h.controller.page).not.toBeNull();
    expect(h.cleared).toBe(0);
    // The tooltip's colours follow the reader's theme.
    expect(h.host()?.getAttribute('data-theme')).toBe('auto');
    h.settings = { ...h.settings, theme: 'dark' };
    await h.controller.start();
    expect(h.host()?.getAttribute('data-theme')).toBe('dark');
  });

  it('tells the worker the page may be bilingual once the quick look finds both languages, before asking for the alignment', async () => {
    const told: string[] = [];
    const h = harness({
      pageLooksBilingual: () => void told.push('looks bilingual'),
      alignPage: async (message) => {
        told.push('align');
        return alignInProcess(message);
      },
    });
    await h.controller.start();
    expect(told).toEqual(['looks bilingual', 'align']);
    // A page in one language is not worth the worker's loading its dictionary.
    document.body.innerHTML = '<main><p>Only English here, and nothing else at all to align with it.</p></main>';
    await h.controller.start();
    expect(h.controller.findings.state).toBe('not-bilingual');
    expect(told).toEqual(['looks bilingual', 'align']);
  });

  it('says when hovering starts to work, once, and not on a page that is not bilingual', async () => {
    let ready = 0;
    const states: Array<string | null> = [];
    const h = harness({
      pageReady: () => {
        ready += 1;
        states.push(h.host()?.getAttribute('data-state') ?? null);
      },
    });
    await h.controller.start();
    // Told once the page answers hovers.
    expect(ready).toBe(1);
    expect(states).toEqual(['ready']);
    expect(h.controller.page).not.toBeNull();
    document.body.innerHTML = '<main><p>Only English here, and nothing else at all to align with it.</p></main>';
    await h.controller.start();
    expect(ready).toBe(1);
  });

  it('sends a long page’s text in parts, none of which is a long message, that the worker joins into the whole', async () => {
    const paragraphs = (text: (k: number) => string) => Array.from({ length: 1_500 }, (_, k) => `<p>${text(k)}</p>`).join('');
    document.body.innerHTML = `<main><article>${paragraphs((k) => `第${k}段。两国元首先后举行了小范围和大范围的会谈，双方就共同关心的国际和地区问题深入交换了意见。`)}</article><article>${paragraphs((k) => `Part ${k}. The two leaders held small-group and large-group talks, and exchanged views in depth on international and regional issues of common concern.`)}</article></main>`;
    const sent: Array<PageBlocksMessage | AlignPageMessage> = [];
    const chars = (blocks: Array<{ text: string }>) => blocks.reduce((sum, block) => sum + block.text.length, 0);
    const h = harness({
      sendPageBlocks: async (part) => void sent.push(part),
      alignPage: async (message) => {
        sent.push(message);
        // The worker's side: the parts, in the order sent, then the request's own blocks.
        const parts = sent.filter((m): m is PageBlocksMessage => 'side' in m);
        const side = (name: 'zh' | 'en', own: AlignPageMessage['page']['zh']) => ({ blocks: [...parts.filter((p) => p.side === name).flatMap((p) => p.blocks), ...own.blocks] });
        const page = { ...message.page, zh: side('zh', message.page.zh), en: side('en', message.page.en) };
        expect(message.blocksSentAhead).toEqual({ zh: page.zh.blocks.length, en: page.en.blocks.length, zhAlt: 0 });
        expect(page.zh.blocks).toHaveLength(1_500);
        expect(page.en.blocks).toHaveLength(1_500);
        expect(page.zh.blocks[1_499]!.text).toMatch(/^第1499段。/);
        expect(page.en.blocks[0]!.text).toMatch(/^Part 0\. /);
        return { sentences: placesOf(splitPage(page)), related: false, result: { beads: [], scores: [] }, altResult: null, zhDisplay: null, splitMs: 0, alignMs: 0, complete: true };
      },
    });
    await h.controller.start();
    expect(h.controller.findings.state).toBe('unrelated');
    expect(sent.length).toBeGreaterThan(2);
    for (const message of sent) {
      const text = 'side' in message ? chars(message.blocks) : chars(message.page.zh.blocks) + chars(message.page.en.blocks);
      expect(text).toBeLessThanOrEqual(MESSAGE_TEXT_CHARS);
    }
    expect(h.controller.findings.longestSendMs).toBeGreaterThanOrEqual(0);
  });

  it('stops when the site is switched off: no UI, and the worker forgets the tab', async () => {
    const h = harness();
    await h.controller.start();
    h.settings = { ...h.settings, disabledSites: [document.location.hostname] };
    await h.controller.start();
    expect(h.host()).toBeNull();
    expect(h.controller.page).toBeNull();
    expect(h.cleared).toBe(1);
    expect(h.controller.findings).toEqual({ state: 'off' });
  });

  it('decides that a page with one language is not bilingual, without asking the worker or showing anything', async () => {
    load('silent-chinese-only.html');
    const h = harness();
    expect(h.controller.findings.state).toBe('reading');
    await h.controller.start();
    expect(h.controller.findings.state).toBe('not-bilingual');
    expect(h.requests).toBe(0);
    expect(h.host()).toBeNull();
  });

  it('forgets the page when a new view of a single-page app is not bilingual', async () => {
    const h = harness();
    await h.controller.start();
    document.body.innerHTML = '<main><p>Only English is left on this page now, in one paragraph of plain prose.</p></main>';
    await h.controller.start();
    expect(h.controller.page).toBeNull();
    expect(h.cleared).toBe(1);
  });

  it('mounts a new UI when the page has thrown the old one out with its body', async () => {
    const h = harness();
    await h.controller.start();
    const first = h.host()!;
    const body = document.createElement('body');
    body.innerHTML = document.querySelector('main')!.outerHTML;
    // What `document.body = body` does, which happy-dom lacks.
    document.documentElement.replaceChild(body, document.body);
    await h.controller.start();
    expect(first.isConnected).toBe(false);
    expect(document.querySelectorAll('parallax-ui')).toHaveLength(1);
    expect(h.host()).not.toBe(first);
    expect(h.host()?.getAttribute('data-state')).toBe('ready');
    expect(h.controller.page).not.toBeNull();
  });

  it('takes away the UI that a run of an earlier copy of the extension left in the page, and mounts its own', async () => {
    // What Firefox leaves after a reload: the old script's host, which that script can no longer remove.
    const stale = document.createElement('parallax-ui');
    stale.setAttribute('data-state', 'ready');
    document.body.append(stale);
    const h = harness();
    await h.controller.start();
    expect(stale.isConnected).toBe(false);
    expect(document.querySelectorAll('parallax-ui')).toHaveLength(1);
    expect(h.host()?.getAttribute('data-state')).toBe('ready');
  });

  it('shows nothing over two texts the worker finds unrelated', async () => {
    const h = harness({ alignPage: async (message) => ({ ...alignInProcess(message), related: false }) });
    await h.controller.start();
    expect(h.host()?.getAttribute('data-state')).toBe('unrelated');
    expect(h.controller.findings.state).toBe('unrelated');
    expect(h.controller.page).toBeNull();
  });

  it('drops the answer for a reading that a newer one replaced', async () => {
    const answers: Array<(answer: AlignPageAnswer) => void> = [];
    const messages: AlignPageMessage[] = [];
    const h = harness({
      alignPage: (message) =>
        new Promise((resolve) => {
          messages.push(message);
          answers.push(resolve);
        }),
    });
    const first = h.controller.start();
    await waitUntil(() => answers.length === 1);
    const second = h.controller.start();
    await waitUntil(() => answers.length === 2);
    answers[0]!({ ...alignInProcess(messages[0]!), related: false });
    await first;
    expect(h.host()?.getAttribute('data-state')).toBe('aligning');
    expect(h.controller.findings).toEqual({ state: 'aligning' });
    answers[1]!(alignInProcess(messages[1]!));
    await second;
    expect(h.host()?.getAttribute('data-state')).toBe('ready');
  });

  it('asks again, once, when the worker was stopped before it answered', async () => {
    let asked = 0;
    const h = harness({
      alignPage: async (message) => {
        asked += 1;
        if (asked === 1) throw new ConnectionLostError('The message port closed before a response was received.');
        return alignInProcess(message);
      },
    });
    await h.controller.start();
    expect(asked).toBe(2);
    expect(h.controller.findings.state).toBe('ready');
    expect(h.controller.page).not.toBeNull();
  });

  it('gives up when the worker is lost twice, and does not ask again after an error the worker answered', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      let asked = 0;
      const lost = harness({
        alignPage: async () => {
          asked += 1;
          throw new ConnectionLostError('gone');
        },
      });
      await lost.controller.start();
      expect([asked, lost.controller.findings.state]).toEqual([2, 'error']);
      asked = 0;
      const failed = harness({
        alignPage: async () => {
          asked += 1;
          throw new RangeError('The dictionary could not be loaded (404).');
        },
      });
      await failed.controller.start();
      expect([asked, failed.controller.findings.state]).toEqual([1, 'error']);
    } finally {
      console.warn = warn;
    }
  });

  it('says so when the worker fails', async () => {
    const h = harness({
      alignPage: async () => {
        throw new Error('The dictionary could not be loaded (404).');
      },
    });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await h.controller.start();
    } finally {
      console.warn = warn;
    }
    expect(h.host()?.getAttribute('data-state')).toBe('error');
    expect(h.controller.findings.state).toBe('error');
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let k = 0; k < 200 && !condition(); k += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('Timed out');
}
