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

function rangeFor(block: RawBlock, start: number, end: number): Range {
  let pieces = piecesOf.get(block);
  if (!pieces) piecesOf.set(block, (pieces = textPieces(block)));
  const range = block.element.ownerDocument.createRange();
  // The page took the text away since it was read (it is read again once it settles): an empty range.
  if (pieces.length === 0) return range;
  // Offsets at a boundary between two text nodes start in the later node and end in the earlier one.
  const locate = (offset: number, atEnd: boolean): { node: Text; offset: number } => {
    for (const piece of pieces) {
      const length = piece.node.data.length;
      if (offset >= piece.offset && (offset < piece.offset + length || (atEnd && offset === piece.offset + length))) {
        return { node: piece.node, offset: offset - piece.offset };
      }
    }
    const last = pieces[pieces.length - 1]!;
    return { node: last.node, offset: last.node.data.length };
  };
  const from = locate(start, false);
  const to = locate(end, true);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
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
    this.made ??= [rangeFor(this.source, this.start, this.end)];
    return this.made;
  }
}
