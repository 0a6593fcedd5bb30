import './style.css';
import { createShadowRootUi, defineContentScript } from '#imports';
import { render } from 'preact';
import { Tooltip } from '@/components/Tooltip';
import { summarizeBeads } from '@/utils/align/summary';
import { installHighlightStyle, removeHighlightStyle } from '@/utils/extension/highlights';
import { AlignedPage, type HoverView } from '@/utils/extension/page-session';
import { handleMessages, sendToBackground, type ContentProtocol } from '@/utils/messaging';
import { readBilingualPageInSlices } from '@/utils/page/read-page';
import { preferredChineseScript } from '@/utils/text/script';
import { watchPageChanges, type PageWatcher } from '@/utils/page/watch';
import { isSiteEnabled } from '@/utils/settings/schema';
import { loadSettings, watchSettings } from '@/utils/settings/store';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let settings = await loadSettings();
    let generation = 0;
    let aligned: AlignedPage | null = null;
    let ui: Awaited<ReturnType<typeof createShadowRootUi<HoverView>>> | null = null;
    let watcher: PageWatcher | null = null;
    let frame = 0;

    const setState = (state: 'aligning' | 'ready' | 'unrelated' | 'error') => ui?.shadowHost.setAttribute('data-state', state);

    const mountUi = async () => {
      ui ??= await createShadowRootUi<HoverView>(ctx, {
        name: 'parallax-ui',
        mode: 'open',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        onMount(container) {
          return {
            show(content, placement) {
              render(<Tooltip content={content} placement={placement} />, container);
            },
            hide() {
              render(null, container);
            },
          };
        },
        onRemove() {
          removeHighlightStyle(document);
        },
      });
      if (!ui.mounted) ui.mount();
    };

    // The tab's kept result goes whenever its page stops being aligned, so the popup and panel never show it stale.
    const forgetPage = () => void sendToBackground('pageCleared', {}).catch(() => undefined);

    const stop = () => {
      if (aligned || ui) forgetPage();
      generation += 1;
      aligned?.clear();
      aligned = null;
      watcher?.stop();
      watcher = null;
      ui?.remove();
      ui = null;
    };

    const start = async () => {
      const current = ++generation;
      aligned?.clear();
      aligned = null;
      if (!isSiteEnabled(settings, location.hostname)) return stop();
      // Watching starts before the reading, which takes a while on long pages: a change made meanwhile
      // (a single-page app replacing its view right after changing the address) must not be missed.
      watcher ??= watchPageChanges(document, () => void start());
      const readStart = performance.now();
      const { reading, busyMs, longestSliceMs } = await readBilingualPageInSlices(document, { preferredScript: preferredChineseScript(navigator.languages) });
      if (current !== generation) return;
      // User Timing measures of the main-thread time spent reading (pauses excluded) and of the longest slice:
      // visible in the browser's performance tools, and read by `npm run bench`. On a bilingual page they are
      // taken once the sentences the background split have been made into the page's own, on this thread too.
      const measureReading = (sentencesMs: number) => {
        performance.measure('parallax:read-page', { start: readStart, duration: busyMs + sentencesMs });
        performance.measure('parallax:read-page-longest-slice', { start: readStart, duration: Math.max(longestSliceMs, sentencesMs) });
      };
      reading?.shadowRoots.forEach((root) => watcher?.observe(root));
      if (!reading) {
        measureReading(0);
        if (ui) forgetPage();
        ui?.remove();
        ui = null;
        return;
      }
      await mountUi();
      setState('aligning');
      try {
        const answer = await sendToBackground('alignPage', {
          page: reading.text,
          url: location.href,
          title: document.title,
          zhScript: reading.zhScript,
        });
        if (current !== generation || !ui) return;
        const sentencesStart = performance.now();
        const page = reading.withSentences(answer.sentences);
        const sentencesMs = performance.now() - sentencesStart;
        performance.measure('parallax:make-sentences', { start: sentencesStart, duration: sentencesMs });
        measureReading(sentencesMs);
        // What was found, on the host for `npm start`, the benchmarks and the tests to read.
        const summary = summarizeBeads(answer.result.beads);
        ui.shadowHost.setAttribute('data-zh-sentences', String(page.zh.sentences.length));
        ui.shadowHost.setAttribute('data-en-sentences', String(page.en.sentences.length));
        ui.shadowHost.setAttribute('data-pairs', String(summary.pairs));
        ui.shadowHost.setAttribute('data-unmatched', String(summary.unmatchedZh + summary.unmatchedEn));
        ui.shadowHost.setAttribute('data-split-ms', String(answer.splitMs));
        ui.shadowHost.setAttribute('data-align-ms', String(answer.alignMs));
        if (!answer.related) {
          setState('unrelated');
          return;
        }
        installHighlightStyle(document);
        aligned = new AlignedPage(page, answer.result, answer.altResult, ui.mounted!, { highlightCounterpart: settings.highlightCounterpart });
        ui.shadowHost.setAttribute('data-ready-ms', String(Math.round(performance.now())));
        setState('ready');
      } catch (error) {
        if (current !== generation) return;
        measureReading(0);
        console.warn('Parallax could not align this page:', error);
        setState('error');
      }
    };

    ctx.addEventListener(document, 'pointermove', (event: PointerEvent) => {
      if (!aligned) return;
      const { clientX, clientY } = event;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => aligned?.pointAt(clientX, clientY));
    });
    ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape') aligned?.clear();
    });
    ctx.addEventListener(window, 'scroll', () => aligned?.clear(), { passive: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => void start());
    ctx.onInvalidated(stop);
    watchSettings((next) => {
      settings = next;
      void start();
    });
    handleMessages<ContentProtocol>({
      revealBead: ({ zh, en }) => aligned?.reveal(zh, en) ?? false,
    });

    await start();
  },
});
