/** From offsets in a block's text to DOM ranges: sentences are found in text, and shown and hit-tested as ranges. */
import type { PageSentence } from './types';
import type { RawBlock } from './walk';

interface TextPiece {
  node: Text;
  /** Offset of the node's first character in the block's text. */
  offset: number;
}

const piecesOf = new WeakMap<RawBlock, TextPiece[]>();

/** The text nodes of a block's text with their offsets: elements read whole are looked into only now. */
function textPieces(block: RawBlock): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const { node, offset } of block.sources ?? []) {
    if (node.nodeType === 3) {
      pieces.push({ node: node as Text, offset });
      continue;
    }
    // The element's `textContent` was its text children's data in order (CDATA sections are text too).
    let at = offset;
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 3 && child.nodeType !== 4) continue;
      const length = (child as Text).data.length;
      if (length > 0) pieces.push({ node: child as Text, offset: at });
      at += length;
    }
  }
  return pieces;
}

/**
 * The ranges of a block's text from `start` to `end`: one in each text node the text crosses. One range from the
 * first node to the last would also hold whatever lies between them that is not the block's text (a hidden
 * element, a block nested in this one), which the reader would see highlighted and could hover as this sentence.
 */
function rangesFor(block: RawBlock, start: number, end: number): Range[] {
  let pieces = piecesOf.get(block);
  if (!pieces) piecesOf.set(block, (pieces = textPieces(block)));
  const doc = block.element.ownerDocument;
  const ranges: Range[] = [];
  for (const { node, offset } of pieces) {
    // Lengths as the nodes are now: text the page shortened since it was read (it is read again once it settles)
    // is left out rather than read past.
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + node.data.length);
    if (from >= to) continue;
    const range = doc.createRange();
    range.setStart(node, from - offset);
    range.setEnd(node, to - offset);
    ranges.push(range);
  }
  // The page took the text away since it was read: an empty range.
  return ranges.length > 0 ? ranges : [doc.createRange()];
}

/**
 * A sentence whose DOM range is made when first asked for: a page has thousands of sentences, a reader hovers a
 * few, and every live Range costs time to make and slows the page's own DOM changes.
 */
export class LazySentence implements PageSentence {
  private made: Range[] | undefined;
  constructor(
    readonly text: string,
    readonly block: number,
    private readonly source: RawBlock,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get ranges(): Range[] {
    this.made ??= rangesFor(this.source, this.start, this.end);
    return this.made;
  }
}
