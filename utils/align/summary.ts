import type { Bead } from './types';

export interface BeadSummary {
  pairs: number;
  unmatchedZh: number;
  unmatchedEn: number;
}

export function summarizeBeads(beads: Bead[]): BeadSummary {
  let pairs = 0;
  let unmatchedZh = 0;
  let unmatchedEn = 0;
  for (const [zh, en] of beads) {
    if (zh.length > 0 && en.length > 0) pairs += 1;
    else if (zh.length > 0) unmatchedZh += zh.length;
    else unmatchedEn += en.length;
  }
  return { pairs, unmatchedZh, unmatchedEn };
}

/** Below this share of the shorter side in pairs, the two texts are not versions of one article. */
const MIN_PAIRED_SHARE = 0.25;

/**
 * Whether the two sides read as translations of each other: a Chinese page with an unrelated English sidebar
 * passes the page reader but pairs almost nothing, and showing "no counterpart" over every sentence helps nobody.
 */
export function looksLikeTranslations(summary: BeadSummary, zhSentences: number, enSentences: number): boolean {
  const shorter = Math.min(zhSentences, enSentences);
  const pairedShorterSide = shorter - (zhSentences <= enSentences ? summary.unmatchedZh : summary.unmatchedEn);
  return summary.pairs > 0 && pairedShorterSide >= Math.max(1, MIN_PAIRED_SHARE * shorter);
}
