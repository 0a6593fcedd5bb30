import { defineContentScript } from '#imports';
import { CONTENT_SCRIPT_MATCHES, watchPointerFromStart, type PointerWorld } from '@/utils/extension/resting-pointer';

export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_start',
  main() {
    watchPointerFromStart(window, globalThis as PointerWorld);
  },
});
