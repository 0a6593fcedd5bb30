import type { AlignResult, Bead } from './types';

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

/** Below this share of the shorter side paired on evidence, the two texts are not versions of one article. */
const MIN_PAIRED_SHARE = 0.25;
/**
 * The score a bead needs to count as paired on evidence: unrelated texts still meet by chance in a word or a
 * number (0.21 for a news story beside an advertisement), where the real pairs of every fixture score higher on
 * nine sentences in ten.
 */
const MIN_EVIDENCE_SCORE = 0.25;

/**
 * Whether the two sides read as translations of each other: a Chinese page with an unrelated English sidebar
 * passes the page reader but pairs almost nothing, and showing "no counterpart" over every sentence helps nobody.
 * Only beads with shared evidence count (see MIN_EVIDENCE_SCORE): between two matches the aligner also pairs
 * sentences on length and position alone, which says nothing about whether the texts are one article.
 */
export function looksLikeTranslations(result: AlignResult, zhSentences: number, enSentences: number): boolean {
  const shorterSide = zhSentences <= enSentences ? 0 : 1;
  let paired = 0;
  result.beads.forEach((bead, k) => {
    if (bead[0].length > 0 && bead[1].length > 0 && (result.scores[k] ?? 0) >= MIN_EVIDENCE_SCORE) paired += bead[shorterSide].length;
  });
  return paired > 0 && paired >= MIN_PAIRED_SHARE * Math.min(zhSentences, enSentences);
}
