/**
 * Tells when the page's text changes enough to read it again: content loaded after the first read, "read more",
 * a single-page app replacing its view. Changes made by the extension itself are ignored.
 */
import { UI_HOST_TAG } from './walk';

const QUIET_MS = 400;

function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!element) return false;
  return !!element.closest(UI_HOST_TAG);
}

function carriesText(node: Node): boolean {
  return (node.textContent ?? '').trim().length > 0;
}

export interface PageWatcher {
  /** Also watch an open shadow root that article text was found in. */
  observe(root: ShadowRoot): void;
  stop(): void;
}

/** Watches the whole document for the life of the page; readings come and go, the watcher stays. */
export function watchPageChanges(doc: Document, onChange: () => void): PageWatcher {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watched = new WeakSet<Node>();
  const observer = new MutationObserver((mutations) => {
    const relevant = mutations.some((m) => {
      // The head's text is no article: a title that ticks like a clock must not make the page be read again.
      if (isOwnNode(m.target) || doc.head?.contains(m.target)) return false;
      if (m.type === 'characterData') return true;
      return [...m.addedNodes, ...m.removedNodes].some((n) => !isOwnNode(n) && carriesText(n));
    });
    if (!relevant) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, QUIET_MS);
  });
  const options = { childList: true, subtree: true, characterData: true };
  const observe = (root: Node) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, options);
  };
  // The whole document rather than the body: a page may replace its body (document.body = …), and the new one's
  // text must be read as the old one's was.
  observe(doc.documentElement);
  return {
    observe,
    stop() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}
