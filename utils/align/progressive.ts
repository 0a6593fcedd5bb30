/**
 * Long documents, aligned so that the reader need not wait for all of them: first a window around what the reader
 * is looking at, then the whole in chunks of bounded size, each stitched to the last, so that the work can pause
 * between chunks and say how far it has got, and neither time nor memory grows past a chunk's.
 */
import { align } from './aligner';
import type { Dictionary } from './dictionary';
import type { AlignRequest, AlignResult, AlignSide, Bead } from './types';

/** Above this many sentences on either side a document is aligned progressively; below it in one piece. */
export const PROGRESSIVE_FROM = 1_500;
/** Chinese sentences a chunk is cut after (the chunk reads on past them, see CHUNK_OVERLAP). */
const CHUNK = 1_000;
/** Sentences a chunk reads past its cut on either side, so that the beads up to the cut have their context. */
const CHUNK_OVERLAP = 200;

/** Sentence indices of each side, ascending. */
interface Selection {
  zh: number[];
  en: number[];
}

/**
 * What every chunk of one request asks of the whole: how many sentences each block has, and the page's pairs by their
 * Chinese block. Counted once a request, not once a chunk: a long page's chunks would recount the whole page each.
 */
interface RequestIndex {
  zhBlockSizes: Map<number, number>;
  enBlockSizes: Map<number, number>;
  /** Each pair's position in `blockPairs`, by its Chinese block. */
  pairsOfZhBlock: Map<number, number[]>;
}

function indexRequest(request: AlignRequest): RequestIndex {
  const sizes = (blocks: number[] | undefined) => {
    const counts = new Map<number, number>();
    for (const block of blocks ?? []) counts.set(block, (counts.get(block) ?? 0) + 1);
    return counts;
  };
  const pairsOfZhBlock = new Map<number, number[]>();
  (request.blockPairs ?? []).forEach(([zh], k) => {
    const positions = pairsOfZhBlock.get(zh);
    if (positions) positions.push(k);
    else pairsOfZhBlock.set(zh, [k]);
  });
  return { zhBlockSizes: sizes(request.zh.blocks), enBlockSizes: sizes(request.en.blocks), pairsOfZhBlock };
}

/** The request for some of a document's sentences: the sentences keep their blocks; the page's pairs inside stay. */
function subRequest(request: AlignRequest, index: RequestIndex, selection: Selection): AlignRequest {
  const side = (whole: AlignSide, indices: number[]): AlignSide => ({
    sentences: indices.map((i) => whole.sentences[i]!),
    blocks: whole.blocks && indices.map((i) => whole.blocks![i]!),
    blockRoles: whole.blockRoles,
  });
  // A pair of blocks is a pair only where both blocks are whole in the selection: half a block has no matched ends.
  const wholeBlocks = (blocks: number[] | undefined, sizes: Map<number, number>) => {
    const taken = new Map<number, number>();
    for (const block of blocks ?? []) taken.set(block, (taken.get(block) ?? 0) + 1);
    return new Set([...taken].filter(([block, count]) => sizes.get(block) === count).map(([block]) => block));
  };
  const zh = side(request.zh, selection.zh);
  const en = side(request.en, selection.en);
  const zhWhole = wholeBlocks(zh.blocks, index.zhBlockSizes);
  const enWhole = wholeBlocks(en.blocks, index.enBlockSizes);
  const { blockPairs } = request;
  // The pairs of the selection's own Chinese blocks, in the order the request gives them.
  const kept = [...zhWhole]
    .flatMap((block) => index.pairsOfZhBlock.get(block) ?? [])
    .filter((k) => enWhole.has(blockPairs![k]![1]))
    .sort((a, b) => a - b);
  return { zh, en, blockPairs: blockPairs && kept.map((k) => blockPairs[k]!) };
}

/** Aligns the selected sentences alone; the beads and scores name the document's own sentence indices. */
function alignSelection(request: AlignRequest, index: RequestIndex, selection: Selection, dictionary: Dictionary): AlignResult {
  const result = align(subRequest(request, index, selection), dictionary);
  return {
    beads: result.beads.map(([zh, en]): Bead => [zh.map((i) => selection.zh[i]!), en.map((j) => selection.en[j]!)]),
    scores: result.scores,
  };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** What the reader is looking at: the sentences in view on each side, [first, end), or null for a side out of view. */
export interface SentencesInView {
  zh: [number, number] | null;
  en: [number, number] | null;
}

/**
 * The sentences around those in view, aligned alone: a first result for the reader to hover while the rest is
 * aligned. A side out of view is taken where the other's view falls on it: through the blocks the page pairs, where
 * it pairs those in view, or else at the same share of its length. Both sides are read on past the view by a margin
 * that grows with the document (how far the two versions' proportions may drift apart), each side's in proportion to
 * its length, and the beads in the outer sixth of the window at either end, whose context was cut, are left out. The beads returned cover only part of the document.
 */
export function alignAroundView(request: AlignRequest, view: SentencesInView, dictionary: Dictionary): AlignResult {
  const n = request.zh.sentences.length;
  const m = request.en.sentences.length;
  const margin = Math.max(60, Math.ceil(0.02 * Math.max(n, m)));
  const through = (from: 'zh' | 'en', [first, end]: [number, number]): [number, number] => {
    const to = from === 'zh' ? 'en' : 'zh';
    const fromBlocks = new Set(range(first, end).map((i) => request[from].blocks?.[i]));
    const paired = new Set((request.blockPairs ?? []).filter((pair) => fromBlocks.has(pair[from === 'zh' ? 0 : 1])).map((pair) => pair[from === 'zh' ? 1 : 0]));
    const partners = range(0, request[to].sentences.length).filter((j) => paired.has(request[to].blocks?.[j] ?? -1));
    if (partners.length > 0) return [partners[0]!, partners[partners.length - 1]! + 1];
    const share = request[to].sentences.length / Math.max(1, request[from].sentences.length);
    return [Math.floor(first * share), Math.ceil(end * share)];
  };
  const spans: Record<'zh' | 'en', Array<[number, number]>> = { zh: [], en: [] };
  if (view.zh) {
    spans.zh.push(view.zh);
    spans.en.push(through('zh', view.zh));
  }
  if (view.en) {
    spans.en.push(view.en);
    spans.zh.push(through('en', view.en));
  }
  if (spans.zh.length === 0) return { beads: [], scores: [] };
  // Each side's margin in its own sentences: the aligner takes a window's two ends to match.
  const window = (side: 'zh' | 'en', length: number, sideMargin: number): [number, number] => [
    Math.max(0, Math.min(...spans[side].map((s) => s[0])) - sideMargin),
    Math.min(length, Math.max(...spans[side].map((s) => s[1])) + sideMargin),
  ];
  const [zhFrom, zhTo] = window('zh', n, margin);
  const [enFrom, enTo] = window('en', m, Math.ceil((margin * m) / Math.max(1, n)));
  const result = alignSelection(request, indexRequest(request), { zh: range(zhFrom, zhTo), en: range(enFrom, enTo) }, dictionary);
  // The document's own ends are no cut.
  const trusted = (i: number, from: number, to: number, length: number) => {
    const edge = Math.floor((to - from) / 6);
    return (from === 0 || i >= from + edge) && (to === length || i < to - edge);
  };
  const kept = result.beads
    .map((bead, k) => ({ bead, score: result.scores[k]! }))
    .filter(({ bead: [zh, en] }) => zh.every((i) => trusted(i, zhFrom, zhTo, n)) && en.every((j) => trusted(j, enFrom, enTo, m)));
  return { beads: kept.map((k) => k.bead), scores: kept.map((k) => k.score) };
}

/** How far a progressive alignment has got: the sentences of each side whose beads are final. */
export interface AlignProgress {
  zh: number;
  en: number;
}

/**
 * Aligns the whole document chunk by chunk, yielding after each chunk how far it has got. Each chunk reads the
 * next CHUNK Chinese sentences not yet aligned and CHUNK_OVERLAP more, with as many English sentences as the rest of
 * the document's proportion gives them; of its beads, those before the cut (the CHUNK-th
 * Chinese sentence, and the last English sentence matched before it) are kept, and the next chunk starts from the
 * first sentences not kept. The last chunk takes everything left. Every sentence ends in exactly one bead.
 */
export function* alignInChunks(request: AlignRequest, dictionary: Dictionary): Generator<AlignProgress, AlignResult> {
  const n = request.zh.sentences.length;
  const m = request.en.sentences.length;
  const zhDone = new Uint8Array(n);
  const enDone = new Uint8Array(m);
  let zhNext = 0;
  let enNext = 0;
  const kept: Array<{ bead: Bead; score: number }> = [];
  // Sentences of each side in the kept beads: every sentence is in one bead at most.
  let zhKept = 0;
  let enKept = 0;
  const index = indexRequest(request);
  const notDone = (done: Uint8Array, from: number, count: number) => {
    const indices: number[] = [];
    for (let i = from; i < done.length && indices.length < count; i += 1) if (!done[i]) indices.push(i);
    return indices;
  };
  for (;;) {
    while (zhNext < n && zhDone[zhNext]) zhNext += 1;
    while (enNext < m && enDone[enNext]) enNext += 1;
    const zhLeft = n - zhKept;
    const enLeft = m - enKept;
    const last = zhLeft <= CHUNK + CHUNK_OVERLAP || enLeft === 0;
    const share = enLeft / Math.max(1, zhLeft);
    const selection: Selection = last
      ? { zh: notDone(zhDone, zhNext, n), en: notDone(enDone, enNext, m) }
      : // The English in the same proportion, and no more: the aligner takes a chunk's two ends to match.
        { zh: notDone(zhDone, zhNext, CHUNK + CHUNK_OVERLAP), en: notDone(enDone, enNext, Math.ceil((CHUNK + CHUNK_OVERLAP) * share)) };
    const result = alignSelection(request, index, selection, dictionary);
    let take = result.beads.map((bead, k) => ({ bead, score: result.scores[k]! }));
    if (!last) {
      const zhCut = selection.zh[CHUNK]!;
      const below = take.filter(({ bead: [zh] }) => zh.every((i) => i < zhCut));
      const matchedEn = below.filter(({ bead: [zh, en] }) => zh.length > 0 && en.length > 0).flatMap(({ bead }) => bead[1]);
      const enCut = matchedEn.length > 0 ? Math.max(...matchedEn) + 1 : (selection.en[Math.floor(CHUNK * share)] ?? m);
      take = below.filter(({ bead: [, en] }) => en.every((j) => j < enCut));
      // A bead reaching across the whole cut would leave nothing kept: the chunk is kept whole instead.
      if (take.length === 0) take = result.beads.map((bead, k) => ({ bead, score: result.scores[k]! }));
    }
    for (const { bead, score } of take) {
      bead[0].forEach((i) => (zhDone[i] = 1));
      bead[1].forEach((j) => (enDone[j] = 1));
      kept.push({ bead, score });
      zhKept += bead[0].length;
      enKept += bead[1].length;
    }
    if (last) break;
    yield { zh: zhKept, en: enKept };
  }
  return orderedResult(kept);
}

/** Beads in the order the aligner gives them: by their first Chinese sentence, English-only ones after the English before them. */
function orderedResult(beads: Array<{ bead: Bead; score: number }>): AlignResult {
  const enOwner = new Map<number, { bead: Bead; score: number }>();
  for (const b of beads) for (const j of b.bead[1]) enOwner.set(j, b);
  const key = ({ bead: [zh, en] }: { bead: Bead }): number => {
    if (zh.length > 0) return zh[0]!;
    for (let j = en[0]! - 1; j >= 0; j -= 1) {
      const owner = enOwner.get(j);
      if (owner && owner.bead[0].length > 0) return owner.bead[0][owner.bead[0].length - 1]! + 0.5;
    }
    return -0.5;
  };
  const sorted = beads.map((b) => ({ b, key: key(b), en: b.bead[1][0] ?? Infinity })).sort((x, y) => x.key - y.key || x.en - y.en);
  return { beads: sorted.map(({ b }) => b.bead), scores: sorted.map(({ b }) => b.score) };
}
