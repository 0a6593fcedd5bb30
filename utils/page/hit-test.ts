/**
 * The sentence under the pointer. The caret position at the point gives a text node and offset, and the
 * sentence whose range holds it is found by binary search; the point must then lie inside one of the text's
 * rectangles, since browsers return the nearest caret even over margins and empty space.
 */
import type { BilingualPage, PageSentence, Side } from './types';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): CaretPoint | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y, { shadowRoots });
    if (position) return { node: position.offsetNode, offset: position.offset };
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    if (range) return { node: range.startContainer, offset: range.startOffset };
  }
  return null;
}

function pointInRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** Index of the sentence of `sentences` (in document order) whose range holds the caret, or -1. */
function findSentence(sentences: PageSentence[], caret: CaretPoint): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const ranges = sentences[mid]!.ranges;
    const first = ranges[0]!;
    const last = ranges[ranges.length - 1]!;
    let before: boolean;
    let after: boolean;
    try {
      before = first.comparePoint(caret.node, caret.offset) < 0;
      after = last.comparePoint(caret.node, caret.offset) > 0;
    } catch {
      // The caret is in another tree (another shadow root): not comparable with this sentence.
      return -1;
    }
    if (before) high = mid - 1;
    else if (after) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** A side of the page a sentence can be hovered on: the English, the paired Chinese, or the other Chinese version. */
export type HoverSide = Side | 'zhAlt';

export function sentenceAtPoint(page: BilingualPage, x: number, y: number, shadowRoots: ShadowRoot[] = []): { side: HoverSide; index: number } | null {
  const first = page.zh.sentences[0]?.ranges[0] ?? page.en.sentences[0]?.ranges[0];
  if (!first) return null;
  const caret = caretAt(first.startContainer.ownerDocument!, x, y, shadowRoots);
  if (!caret) return null;
  const sides: HoverSide[] = page.zhAlt ? ['zh', 'en', 'zhAlt'] : ['zh', 'en'];
  for (const side of sides) {
    const sentences = side === 'zhAlt' ? page.zhAlt!.sentences : page[side].sentences;
    let index = findSentence(sentences, caret);
    // Sentences inside shadow roots are not ordered with the rest of the document: search them one by one.
    if (index < 0 && caret.node.getRootNode() !== first.startContainer.getRootNode()) {
      index = sentences.findIndex((s) => s.ranges.some((r) => r.startContainer.getRootNode() === caret.node.getRootNode() && r.isPointInRange(caret.node, caret.offset)));
    }
    if (index >= 0 && sentences[index]!.ranges.some((r) => pointInRange(r, x, y))) return { side, index };
  }
  return null;
}
