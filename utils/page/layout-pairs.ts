/**
 * Blocks the page itself pairs: the two languages of one element (`English<br>中文`), the two cells of one row
 * (a table row, or a row of two columns laid out by floats, grid or flex: one element that holds exactly one block
 * of each language), and paragraphs that alternate between the languages. These are proposals: the aligner keeps
 * a pair only where the content agrees (see verifyBlockPairs), since real columns drift and rows hold notices.
 */
import type { Side } from './types';
import type { RawBlock } from './walk';

/** A block of one side, in document order, and the raw block it was read from (several runs share one). */
export interface BlockPlace {
  side: Side;
  block: number;
  raw: RawBlock;
}

export type BlockPair = [zhBlock: number, enBlock: number];

const MIN_ALTERNATING_BLOCKS = 4;
const MIN_SWITCH_SHARE = 0.7;

/** For every element above the blocks, how many blocks of each side it holds. */
function blocksHeld(order: BlockPlace[]): Map<RawBlock, Record<Side, number>> {
  const held = new Map<RawBlock, Record<Side, number>>();
  for (const place of order) {
    for (let node: RawBlock | null = place.raw; node; node = node.parent) {
      let counts = held.get(node);
      if (!counts) held.set(node, (counts = { zh: 0, en: 0 }));
      counts[place.side] += 1;
    }
  }
  return held;
}

/** The nearest element that holds both blocks. */
function commonHolder(a: RawBlock, b: RawBlock): RawBlock | null {
  const above = new Set<RawBlock>();
  for (let node: RawBlock | null = a; node; node = node.parent) above.add(node);
  for (let node: RawBlock | null = b; node; node = node.parent) if (above.has(node)) return node;
  return null;
}

/**
 * The pairs the layout proposes, for one Chinese version and the English. `order` holds the blocks of both in
 * document order.
 */
export function layoutPairs(order: BlockPlace[]): BlockPair[] {
  const pairs: BlockPair[] = [];
  const paired = new Set<BlockPlace>();
  const pair = (a: BlockPlace, b: BlockPlace) => {
    pairs.push(a.side === 'zh' ? [a.block, b.block] : [b.block, a.block]);
    paired.add(a);
    paired.add(b);
  };
  const held = blocksHeld(order);
  for (let k = 0; k + 1 < order.length; k += 1) {
    const a = order[k]!;
    const b = order[k + 1]!;
    if (a.side === b.side || paired.has(a)) continue;
    // One element holding one passage of each language: a bilingual headline, or a row of two cells.
    const holder = a.raw === b.raw ? a.raw : commonHolder(a.raw, b.raw);
    const counts = holder && held.get(holder);
    if (counts && counts.zh === 1 && counts.en === 1) pair(a, b);
  }
  // Paragraphs in turn: most neighbours among the blocks left differ in language. The page puts one language
  // first in each pair, the one that opens most switches: a block of the other language that stands alone (a
  // heading of one language, a notice) then pairs with nothing instead of shifting every pair after it.
  const rest = order.filter((place) => !paired.has(place));
  const opens: Record<Side, number> = { zh: 0, en: 0 };
  for (let k = 1; k < rest.length; k += 1) if (rest[k]!.side !== rest[k - 1]!.side) opens[rest[k - 1]!.side] += 1;
  const switches = opens.zh + opens.en;
  if (rest.length >= MIN_ALTERNATING_BLOCKS && switches >= (rest.length - 1) * MIN_SWITCH_SHARE) {
    const lead: Side = opens.zh > opens.en ? 'zh' : 'en';
    for (let k = 0; k + 1 < rest.length; k += 1) {
      if (rest[k]!.side !== lead || rest[k + 1]!.side === lead) continue;
      pair(rest[k]!, rest[k + 1]!);
      k += 1;
    }
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}
