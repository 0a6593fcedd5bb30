/**
 * Anchors: sentence pairs that are each other's best match by a wide margin, found through an inverted index of
 * rare English tokens, then kept only where they form one increasing chain. The band of the dynamic program
 * follows the path through them, which keeps long documents linear in cost and lets it follow large omissions.
 */
import { pairQuality } from './monotone';
import type { PreparedEn, PreparedZh } from './similarity';

export interface Anchor {
  /** Positions within the aligned group, not global sentence indices. */
  zh: number;
  en: number;
}

const ANCHOR_QUALITY = 0.35;
/** Tokens in more sentences than this say little about which sentence is which. */
const MAX_POSTINGS = 12;

function bestCandidates(
  zh: PreparedZh[],
  en: PreparedEn[],
  zhIndices: number[],
  enIndices: number[],
): Array<{ en: number; votes: number }> {
  const postings = new Map<number, number[]>();
  enIndices.forEach((j, position) => {
    for (const token of en[j]!.weighted) {
      let list = postings.get(token.id);
      if (!list) postings.set(token.id, (list = []));
      if (list.length <= MAX_POSTINGS) list.push(position);
    }
  });
  // Votes by English position, reset after each Chinese sentence through the positions it touched.
  const votes = new Float64Array(enIndices.length);
  const touched: number[] = [];
  return zhIndices.map((i) => {
    for (const id of zh[i]!.unitsByTranslation.ids) {
      const list = postings.get(id);
      if (!list || list.length > MAX_POSTINGS) continue;
      const weight = 1 / list.length;
      for (const position of list) {
        if (votes[position] === 0) touched.push(position);
        votes[position]! += weight;
      }
    }
    let best = -1;
    let bestVotes = 0;
    for (const position of touched) {
      if (votes[position]! > bestVotes) {
        best = position;
        bestVotes = votes[position]!;
      }
      votes[position] = 0;
    }
    touched.length = 0;
    return { en: best, votes: bestVotes };
  });
}

/** Longest chain of anchors increasing on both sides (patience sorting, O(k log k)). */
function longestIncreasingChain(anchors: Anchor[]): Anchor[] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(anchors.length).fill(-1);
  anchors.forEach((anchor, k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (anchors[tails[mid]!]!.en < anchor.en) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[k] = tails[low - 1]!;
    tails[low] = k;
  });
  const chain: Anchor[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) chain.push(anchors[k]!);
  return chain.reverse();
}

export function findAnchors(
  zh: PreparedZh[],
  en: PreparedEn[],
  zhIndices: number[],
  enIndices: number[],
  lengthRatio: number,
): Anchor[] {
  const forward = bestCandidates(zh, en, zhIndices, enIndices);
  const bestForEn = new Map<number, { zh: number; votes: number }>();
  forward.forEach((candidate, position) => {
    if (candidate.en < 0) return;
    const current = bestForEn.get(candidate.en);
    if (!current || candidate.votes > current.votes) bestForEn.set(candidate.en, { zh: position, votes: candidate.votes });
  });
  const anchors: Anchor[] = [];
  forward.forEach((candidate, position) => {
    if (candidate.en < 0 || bestForEn.get(candidate.en)?.zh !== position) return;
    const i = zhIndices[position]!;
    const j = enIndices[candidate.en]!;
    const quality = pairQuality(zh[i]!, en[j]!, lengthRatio);
    if (quality >= ANCHOR_QUALITY) anchors.push({ zh: position, en: candidate.en });
  });
  return longestIncreasingChain(anchors);
}
