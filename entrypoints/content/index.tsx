import './style.css';
import { browser } from 'wxt/browser';
import { createShadowRootUi, defineContentScript } from '#imports';
import { createTooltipView } from '@/components/Tooltip';
import { PageController } from '@/utils/extension/page-controller';
import type { HoverView } from '@/utils/extension/page-session';
import { HoverTrigger } from '@/utils/extension/hover-trigger';
import { CONTENT_SCRIPT_MATCHES, takeRestingPointer, type PointerWorld } from '@/utils/extension/resting-pointer';
import { countRun, guardAgainstForgedStops, type ScriptWorld } from '@/utils/extension/script-runs';
import { handleMessages, notifySidePanel, sendToBackground, type ContentProtocol } from '@/utils/messaging';
import { UI_HOST_TAG } from '@/utils/page/walk';
import { loadSettings, watchSettings } from '@/utils/settings/store';

/** Whether keys typed there are the reader's text, which Parallax must leave alone. */
function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(?:input|textarea|select)$/i.test(target.tagName));
}

// Counted as the module is evaluated, before WXT's context announces this run to older ones (see script-runs).
const run = countRun(globalThis as ScriptWorld);

/** Whether the extension this script belongs to is gone: a script left in a page after a reload has no runtime id. */
function orphaned(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Before anything is awaited: the page must not get a turn to stop this run while the guard is not yet there.
    ctx.onInvalidated(guardAgainstForgedStops({ window, world: globalThis as ScriptWorld, run, orphaned }));
    let settings = await loadSettings();
    const controller = new PageController({
      document,
      languages: navigator.languages,
      settings: () => settings,
      alignPage: (message) => sendToBackground('alignPage', message),
      sendPageBlocks: (message) => sendToBackground('pageBlocks', message),
      alignRest: () => sendToBackground('alignRest', {}),
      pageLooksBilingual: () => void sendToBackground('pageLooksBilingual', {}).catch(() => undefined),
      pageCleared: () => void sendToBackground('pageCleared', {}).catch(() => undefined),
      pageReady: () => trigger.pageReady(),
      pairShown: (zh, en) => void notifySidePanel('beadHovered', { zh, en }),
      async mountUi() {
        const ui = await createShadowRootUi<HoverView>(ctx, {
          name: UI_HOST_TAG,
          mode: 'open',
          position: 'inline',
          anchor: 'body',
          append: 'last',
          onMount: (container) => createTooltipView(container),
        });
        ui.mount();
        return { host: ui.shadowHost, view: ui.mounted!, remove: () => ui.remove() };
      },
    });

    let frame = 0;
    const trigger = new HoverTrigger(
      () => settings,
      {
        pointAt(x, y, settled) {
          cancelAnimationFrame(frame);
          // After the delay the tooltip is shown at once, so the next frame paints it; moves that each show one
          // (a key held, no delay) are folded into one a frame.
          if (settled) controller.page?.pointAt(x, y);
          else frame = requestAnimationFrame(() => controller.page?.pointAt(x, y));
        },
        release: () => controller.page?.release(),
      },
      { set: (run, ms) => window.setTimeout(run, ms), clear: (id) => window.clearTimeout(id) },
    );
    let pointer = { x: -1, y: -1 };
    const rested = takeRestingPointer(globalThis as PointerWorld);
    if (rested) {
      pointer = rested;
      trigger.pointerRested(rested.x, rested.y);
    }
    ctx.addEventListener(document, 'pointermove', (event: PointerEvent) => {
      // After the extension is reloaded or updated, the browser leaves this script in pages already open, cut off
      // from the extension; nothing tells it so. Asking the context finds out (the extension's id is gone), and its
      // onInvalidated below takes the UI away: the first move of the reader's pointer clears a page left behind.
      if (ctx.isInvalid) return;
      // Browsers send a move without moving when the page scrolls under a resting pointer (as a step with the keys
      // may scroll it): only the reader's own moves count.
      if (event.clientX === pointer.x && event.clientY === pointer.y) return;
      pointer = { x: event.clientX, y: event.clientY };
      // Over the tooltip the reader is reading or selecting it: it stays.
      if (event.composedPath().some((target) => target instanceof Element && target.localName === UI_HOST_TAG)) {
        trigger.cancel();
        return;
      }
      trigger.pointerMoved(event.clientX, event.clientY, event);
    });
    ctx.addEventListener(document, 'pointerout', (event: PointerEvent) => {
      if (event.relatedTarget === null) trigger.pointerLeft();
    });
    ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape') controller.page?.escape();
      else if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp') && !isEditable(event.target)) {
        // Alt+↓ and Alt+↑ read on sentence by sentence, with the counterpart shown; a hover still waiting to show
        // would take its place.
        trigger.cancel();
        if (controller.page?.step(event.key === 'ArrowDown' ? 1 : -1)) event.preventDefault();
      } else trigger.keyChanged(event.key, true);
    });
    ctx.addEventListener(document, 'keyup', (event: KeyboardEvent) => trigger.keyChanged(event.key, false));
    ctx.addEventListener(window, 'scroll', () => controller.page?.scrolled(), { passive: true });
    // The page can dispatch WXT's location-change event too (its name is no secret), and each one would start the
    // reading over, so that a page sending it often enough kept Parallax from ever being ready: only a real change
    // of address reads the page again.
    let address = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (location.href === address) return;
      address = location.href;
      void controller.start();
    });
    // A page restored from the back/forward cache keeps this script and its alignment, but the worker forgot the
    // tab's result when the tab left the page (and kept the next page's meanwhile): the page is aligned again, so
    // that the popup and side panel show this page's result, not nothing or the other page's.
    ctx.addEventListener(window, 'pageshow', (event: PageTransitionEvent) => {
      if (event.persisted) void controller.start();
    });
    ctx.onInvalidated(() => controller.stop());
    watchSettings((next) => {
      settings = next;
      void controller.start();
    });
    handleMessages<ContentProtocol>({
      revealBead: ({ zh, en }) => controller.page?.reveal(zh, en) ?? false,
      pageFindings: () => controller.findings,
    });

    await controller.start();
  },
});
