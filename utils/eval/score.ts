/**
 * Alignment scores as Vecalign defines them (strict and lax precision, recall, F1), plus exact-bead scores.
 *
 * Precision judges every predicted bead against the gold: strict when the bead is a gold bead, lax when it also
 * links some Chinese sentence to some English sentence that a gold bead links. Recall judges the gold beads
 * against the prediction the same way, with every bead that has an empty side left out of both. Counts are
 * summed over documents before the ratios are taken.
 */
import type { Bead } from '../align/types';

export interface Judged {
  strictHits: number;
  strictMisses: number;
  laxHits: number;
  laxMisses: number;
}

export interface DocumentCounts {
  precision: Judged;
  recall: Judged;
  exact: { matched: number; predicted: number; gold: number };
}

export interface Scores {
  strict: { precision: number; recall: number; f1: number };
  lax: { precision: number; recall: number; f1: number };
  exact: { precision: number; recall: number; f1: number };
}

const beadKey = ([zh, en]: Bead) => `${zh.join(',')}|${en.join(',')}`;

/** Beads as a set: sides sorted, duplicates and empty beads dropped. */
function canonical(beads: Bead[]): Bead[] {
  const unique = new Map<string, Bead>();
  for (const [zh, en] of beads) {
    if (zh.length === 0 && en.length === 0) continue;
    const bead: Bead = [[...zh].sort((a, b) => a - b), [...en].sort((a, b) => a - b)];
    unique.set(beadKey(bead), bead);
  }
  return [...unique.values()];
}

function judge(reference: Bead[], candidates: Bead[]): Judged {
  const exact = new Set(reference.map(beadKey));
  const links = new Set<string>();
  for (const [zh, en] of reference) for (const i of zh) for (const j of en) links.add(`${i}:${j}`);
  const judged: Judged = { strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0 };
  for (const bead of candidates) {
    if (exact.has(beadKey(bead))) {
      judged.strictHits += 1;
      judged.laxHits += 1;
      continue;
    }
    judged.strictMisses += 1;
    const linked = bead[0].some((i) => bead[1].some((j) => links.has(`${i}:${j}`)));
    if (linked) judged.laxHits += 1;
    else judged.laxMisses += 1;
  }
  return judged;
}

export function countDocument(goldBeads: Bead[], predictedBeads: Bead[]): DocumentCounts {
  const gold = canonical(goldBeads);
  const predicted = canonical(predictedBeads);
  const bothSides = (bead: Bead) => bead[0].length > 0 && bead[1].length > 0;
  const goldKeys = new Set(gold.map(beadKey));
  return {
    precision: judge(gold, predicted),
    recall: judge(predicted.filter(bothSides), gold.filter(bothSides)),
    exact: { matched: predicted.filter((b) => goldKeys.has(beadKey(b))).length, predicted: predicted.length, gold: gold.length },
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function combine(documents: DocumentCounts[]): Scores {
  const sum = (pick: (d: DocumentCounts) => number) => documents.reduce((total, d) => total + pick(d), 0);
  const precisionStrict = ratio(sum((d) => d.precision.strictHits), sum((d) => d.precision.strictHits + d.precision.strictMisses));
  const precisionLax = ratio(sum((d) => d.precision.laxHits), sum((d) => d.precision.laxHits + d.precision.laxMisses));
  const recallStrict = ratio(sum((d) => d.recall.strictHits), sum((d) => d.recall.strictHits + d.recall.strictMisses));
  const recallLax = ratio(sum((d) => d.recall.laxHits), sum((d) => d.recall.laxHits + d.recall.laxMisses));
  const precisionExact = ratio(sum((d) => d.exact.matched), sum((d) => d.exact.predicted));
  const recallExact = ratio(sum((d) => d.exact.matched), sum((d) => d.exact.gold));
  return {
    strict: { precision: precisionStrict, recall: recallStrict, f1: harmonic(precisionStrict, recallStrict) },
    lax: { precision: precisionLax, recall: recallLax, f1: harmonic(precisionLax, recallLax) },
    exact: { precision: precisionExact, recall: recallExact, f1: harmonic(precisionExact, recallExact) },
  };
}

/**
 * For gold whose beads are whole verses (the Bible): consecutive predicted beads that lie within one verse on
 * each non-empty side are merged into one bead before scoring.
 */
export function mergeWithinVerses(beads: Bead[], zhVerse: readonly unknown[], enVerse: readonly unknown[]): Bead[] {
  const verseOfSide = (ids: number[], verses: readonly unknown[]): unknown => {
    if (ids.length === 0) return null;
    const found = new Set(ids.map((i) => verses[i]));
    return found.size === 1 ? [...found][0] : undefined;
  };
  const verseOf = ([zh, en]: Bead): unknown => {
    const zhVerseId = verseOfSide(zh, zhVerse);
    const enVerseId = verseOfSide(en, enVerse);
    if (zhVerseId === undefined || enVerseId === undefined) return undefined;
    if (zhVerseId === null) return enVerseId ?? undefined;
    if (enVerseId === null) return zhVerseId;
    return zhVerseId === enVerseId ? zhVerseId : undefined;
  };
  const merged: Bead[] = [];
  let previous: unknown;
  for (const bead of beads) {
    const verse = verseOf(bead);
    const last = merged[merged.length - 1];
    if (last && previous !== undefined && verse === previous) {
      last[0].push(...bead[0]);
      last[1].push(...bead[1]);
    } else {
      merged.push([[...bead[0]], [...bead[1]]]);
    }
    previous = verse;
  }
  return merged;
}
