import './style.css';
import { createShadowRootUi, defineContentScript } from '#imports';
import { createTooltipView } from '@/components/Tooltip';
import { PageController } from '@/utils/extension/page-controller';
import type { HoverView } from '@/utils/extension/page-session';
import { handleMessages, sendToBackground, type ContentProtocol } from '@/utils/messaging';
import { loadSettings, watchSettings } from '@/utils/settings/store';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let settings = await loadSettings();
    const controller = new PageController({
      document,
      languages: navigator.languages,
      settings: () => settings,
      alignPage: (message) => sendToBackground('alignPage', message),
      pageCleared: () => void sendToBackground('pageCleared', {}).catch(() => undefined),
      async mountUi() {
        const ui = await createShadowRootUi<HoverView>(ctx, {
          name: 'parallax-ui',
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
    ctx.addEventListener(document, 'pointermove', (event: PointerEvent) => {
      if (!controller.page) return;
      // Over the tooltip the reader is reading or selecting it: it stays.
      if (event.composedPath().some((target) => target instanceof Element && target.localName === 'parallax-ui')) return;
      const { clientX, clientY } = event;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => controller.page?.pointAt(clientX, clientY));
    });
    ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape') controller.page?.escape();
    });
    ctx.addEventListener(window, 'scroll', () => controller.page?.scrolled(), { passive: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => void controller.start());
    ctx.onInvalidated(() => controller.stop());
    watchSettings((next) => {
      settings = next;
      void controller.start();
    });
    handleMessages<ContentProtocol>({
      revealBead: ({ zh, en }) => controller.page?.reveal(zh, en) ?? false,
    });

    await controller.start();
  },
});
