/**
 * Where the reader's pointer rests, watched from the page's start. The content script reads the page once it is
 * parsed (document_idle), after its text is on screen; a reader who points at a sentence before then and keeps still
 * is sent no further move by Firefox (Chromium sends one when the layout under the pointer changes), so the
 * counterpart waited for the reader's next move instead of showing as the page became hoverable. A listener this
 * small runs at document_start, in the same world as the content script, which takes the position over.
 */

/** The pages Parallax runs on, for every content script of the extension. */
export const CONTENT_SCRIPT_MATCHES = ['http://*/*', 'https://*/*'];

export interface Point {
  x: number;
  y: number;
}

interface PointerWatch {
  last: Point | null;
  stop(): void;
}

/** What the extension's world in the page holds, which the page cannot reach. */
export interface PointerWorld {
  parallaxPointer?: PointerWatch;
}

export function watchPointerFromStart(window: EventTarget, world: PointerWorld): void {
  if (world.parallaxPointer) return;
  const options = { capture: true, passive: true };
  const moved = (event: Event) => {
    const { clientX: x, clientY: y } = event as PointerEvent;
    watch.last = { x, y };
  };
  const left = (event: Event) => {
    if ((event as PointerEvent).relatedTarget === null) watch.last = null;
  };
  const watch: PointerWatch = {
    last: null,
    stop() {
      window.removeEventListener('pointermove', moved, options);
      window.removeEventListener('pointerout', left, options);
      delete world.parallaxPointer;
    },
  };
  window.addEventListener('pointermove', moved, options);
  window.addEventListener('pointerout', left, options);
  world.parallaxPointer = watch;
}

/**
 * Where the pointer rested when the content script began to listen, or null (it left the window, never came, or the
 * early script did not run); ends the early watch, whose work the content script's own listeners take over.
 */
export function takeRestingPointer(world: PointerWorld): Point | null {
  const watch = world.parallaxPointer;
  if (!watch) return null;
  watch.stop();
  return watch.last;
}
