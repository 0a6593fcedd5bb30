/**
 * The monotone aligner: a dynamic program over bead types inside a band around an anchor path, so its cost grows
 * with the document's length rather than with its square.
 */
import { StampedMarks } from './stamps';
import type { Bead } from './types';
import { coverage, coverageSimilarity, matchPair, matchSums, type PreparedEn, type PreparedZh } from './similarity';

/** Bead shapes the program may use, with a prior cost: the rarer the shape, the more evidence it needs. */
const BEAD_SHAPES: Array<{ zh: number; en: number; cost: number }> = [
  { zh: 1, en: 1, cost: 0 },
  { zh: 1, en: 2, cost: 0.06 },
  { zh: 2, en: 1, cost: 0.06 },
  { zh: 2, en: 2, cost: 0.2 },
  { zh: 1, en: 3, cost: 0.11 },
  { zh: 3, en: 1, cost: 0.11 },
  { zh: 2, en: 3, cost: 0.25 },
  { zh: 3, en: 2, cost: 0.25 },
  { zh: 1, en: 4, cost: 0.12 },
  { zh: 4, en: 1, cost: 0.12 },
  { zh: 1, en: 5, cost: 0.16 },
  { zh: 5, en: 1, cost: 0.16 },
];

export interface MonotoneOptions {
  /** Expected English length per Chinese length unit, learned from the document. */
  lengthRatio: number;
  /** Half-width of the band around the anchor path, in English sentences. */
  bandWidth: number;
  policy: MatchPolicy;
  /** Largest bead, in sentences of both sides, the program may form. */
  maxBeadSize: number;
  /**
   * Sentences (document indices) aligned apart, in blocks the page pairs: no bead merges sentences on either side of
   * one, however the indices given sit next to each other here.
   */
  apart?: { zh: ReadonlySet<number>; en: ReadonlySet<number> };
  /** Sentences (document indices) that stand alone on their side of a bead: headings, which no merge crosses. */
  alone?: { zh: ReadonlySet<number>; en: ReadonlySet<number> };
}

/**
 * For each position p, how many of the positions before p the condition holds at: whether a span of positions holds
 * any is then two lookups.
 */
function countsBefore(length: number, holds: (p: number) => boolean): Int32Array {
  const counts = new Int32Array(length + 1);
  for (let p = 0; p < length; p += 1) counts[p + 1] = counts[p]! + (holds(p) ? 1 : 0);
  return counts;
}

/** For each position p, how many positions up to p follow a sentence set apart from them (see `apart`). */
function separations(indices: number[], apart: ReadonlySet<number> | undefined): Int32Array {
  const counts = new Int32Array(indices.length);
  for (let p = 1; p < indices.length; p += 1) {
    let separated = false;
    if (apart && apart.size > 0) for (let x = indices[p - 1]! + 1; x < indices[p]! && !separated; x += 1) separated = apart.has(x);
    counts[p] = counts[p - 1]! + (separated ? 1 : 0);
  }
  return counts;
}

/** How readily sentences are matched rather than left unmatched. */
export interface MatchPolicy {
  /** Quality per sentence a one-to-one bead needs to beat leaving both sentences unmatched. */
  pairThreshold: number;
  /** The same for a bead of three sentences or more. */
  mergeThreshold: number;
  /**
   * Filling a gap between matched beads: a one-to-one bead may then stand on length and position alone, and a
   * merged bead may take a sentence only on evidence of that sentence's own.
   */
  fillingGap: boolean;
}

/** The whole text: a bead needs shared evidence, and a sentence with little is left unmatched. */
export const CAUTIOUS: MatchPolicy = { pairThreshold: -0.1, mergeThreshold: -0.1, fillingGap: false };
/**
 * Between two matched beads: a sentence there is far more often a free rendering of its counterpart than an
 * omission, so matching wins unless the evidence is against it.
 */
export const FILLING_GAP: MatchPolicy = { pairThreshold: -0.4, mergeThreshold: -0.2, fillingGap: true };

/** The bead shapes one program may use, in typed arrays: see shapeTable. */
interface ShapeTable {
  count: number;
  /** The shape's index in BEAD_SHAPES, which is the cell's choice. */
  index: Int32Array;
  zh: Int32Array;
  en: Int32Array;
  /** The shape's prior cost. */
  cost: Float64Array;
  /** The policy's threshold for a bead of the shape's size: with the cost, what its quality must exceed per sentence. */
  threshold: Float64Array;
  /** Similarity is at most 1: the most a bead of this shape can gain per sentence over its cost and threshold. */
  ceiling: Float64Array;
  /** The most sentences a shape has on one side. */
  side: number;
}

/**
 * The shapes of at most `maxBeadSize` sentences, with their thresholds under `policy`. Numbers the cell loop reads tens of
 * thousands of times a chapter: read from objects made afresh for each program, they came boxed, and the boxes were
 * most of a chapter's garbage.
 */
function shapeTable(policy: MatchPolicy, maxBeadSize: number): ShapeTable {
  const key = `${policy.pairThreshold} ${policy.mergeThreshold} ${maxBeadSize}`;
  let table = shapeTables.get(key);
  if (!table) shapeTables.set(key, (table = newShapeTable(policy, maxBeadSize)));
  return table;
}

/** The few tables the policies and bead sizes in use make, each built once: a chapter runs a dozen programs. */
const shapeTables = new Map<string, ShapeTable>();

function newShapeTable(policy: MatchPolicy, maxBeadSize: number): ShapeTable {
  const allowed = BEAD_SHAPES.flatMap((shape, index) => (shape.zh + shape.en <= maxBeadSize ? [{ ...shape, index }] : []));
  const cost = Float64Array.from(allowed, (shape) => shape.cost);
  const threshold = Float64Array.from(allowed, (shape) => (shape.zh + shape.en > 2 ? policy.mergeThreshold : policy.pairThreshold));
  return {
    count: allowed.length,
    index: Int32Array.from(allowed, (shape) => shape.index),
    zh: Int32Array.from(allowed, (shape) => shape.zh),
    en: Int32Array.from(allowed, (shape) => shape.en),
    cost,
    threshold,
    ceiling: cost.map((c, k) => 1 + PARAGRAPH_END_BONUS - c - threshold[k]!),
    side: Math.max(...allowed.map((shape) => Math.max(shape.zh, shape.en))),
  };
}

/** Choices of a cell besides the bead shapes: leaving a Chinese or an English sentence unmatched. */
const SKIP_ZH = BEAD_SHAPES.length;
const SKIP_EN = BEAD_SHAPES.length + 1;

/** Quality of a bead whose sides share no evidence: such beads are never formed. */
const NO_EVIDENCE = -Infinity;
const LENGTH_WEIGHT = 0.35;
const CLAUSE_WEIGHT = 0.05;
const PARAGRAPH_END_BONUS = 0.05;
/** See quotationOpenAfter: a bead that ends inside a quotation on one side only. */
const QUOTATION_CUT_PENALTY = 0.1;

export interface ScoredBead {
  bead: Bead;
  /** Similarity-based quality in [0, 1]. */
  quality: number;
}


/**
 * One Chinese sentence's evidence with the English sentences start..end-1, packed in typed arrays: the pair with
 * English sentence start + k has its sums (zhMatched, enMatched, bonus) at 3k..3k+2 of `sums`, its matched units at
 * units[unitEnds[k - 1] .. unitEnds[k]) (from 0 for the first pair) and its matched tokens likewise.
 */
interface EvidenceRow {
  start: number;
  sums: Float64Array;
  unitEnds: Int32Array;
  units: Int32Array;
  tokenEnds: Int32Array;
  tokens: Int32Array;
}

/** A typed array of at least this length: the one given when it is long enough. */
function atLeast<T extends Float64Array | Int32Array>(array: T, length: number, make: (length: number) => T): T {
  return array.length >= length ? array : make(Math.max(length, 2 * array.length));
}

/**
 * Evidence of the sentence pairs a dynamic program may ask for, a Chinese sentence's row at a time, each row computed
 * whole when first asked for and kept while the program can still reach it. Rows live in typed arrays that a row the
 * program has passed hands on to the next: an object per pair, kept for the whole document, made garbage collection
 * most of a long document's time, and even let go row by row it was a third of a chapter's.
 */
export class BandEvidence {
  private readonly rows: Array<EvidenceRow | undefined>;
  private readonly spare: EvidenceRow[] = [];
  /**
   * `rowStart[i]` and `rowEnd[i]`: the English sentences the program may pair Chinese sentence i with. A row must
   * hold every pair a bead can ask for: see alignMonotone.
   */
  constructor(
    private readonly zh: PreparedZh[],
    private readonly en: PreparedEn[],
    private readonly rowStart: Int32Array,
    private readonly rowEnd: Int32Array,
  ) {
    this.rows = new Array<EvidenceRow | undefined>(zh.length);
  }
  /** Every pair of these sentences: for a bead made of blocks that need not stand together. */
  static whole(zh: PreparedZh[], en: PreparedEn[]): BandEvidence {
    return new BandEvidence(zh, en, new Int32Array(zh.length), new Int32Array(zh.length).fill(en.length));
  }
  row(i: number): EvidenceRow {
    return this.rows[i] ?? this.computeRow(i);
  }
  /** The program has passed row i for good. */
  release(i: number): void {
    const row = this.rows[i];
    if (!row) return;
    this.rows[i] = undefined;
    this.spare.push(row);
  }
  private computeRow(i: number): EvidenceRow {
    const zh = this.zh[i]!;
    const start = this.rowStart[i]!;
    const width = this.rowEnd[i]! - start;
    let tokenRoom = 0;
    for (let k = 0; k < width; k += 1) tokenRoom += this.en[start + k]!.weighted.length;
    const row = this.spare.pop() ?? {
      start,
      sums: new Float64Array(0),
      unitEnds: new Int32Array(0),
      units: new Int32Array(0),
      tokenEnds: new Int32Array(0),
      tokens: new Int32Array(0),
    };
    row.start = start;
    row.sums = atLeast(row.sums, 3 * width, (length) => new Float64Array(length));
    row.unitEnds = atLeast(row.unitEnds, width, (length) => new Int32Array(length));
    row.tokenEnds = atLeast(row.tokenEnds, width, (length) => new Int32Array(length));
    // A pair matches each unit and token at most once.
    row.units = atLeast(row.units, width * zh.units.length, (length) => new Int32Array(length));
    row.tokens = atLeast(row.tokens, tokenRoom, (length) => new Int32Array(length));
    let unitAt = 0;
    let tokenAt = 0;
    for (let k = 0; k < width; k += 1) {
      const match = matchPair(zh, this.en[start + k]!, row.units, unitAt, row.tokens, tokenAt);
      row.sums[3 * k] = match.zhMatched;
      row.sums[3 * k + 1] = match.enMatched;
      row.sums[3 * k + 2] = match.bonus;
      row.unitEnds[k] = unitAt = match.unitEnd;
      row.tokenEnds[k] = tokenAt = match.tokenEnd;
    }
    this.rows[i] = row;
    return row;
  }
}

/** The units (or tokens) already counted in a merged bead. */
const counted = new StampedMarks();

/** Where the pair (i, j)'s units and tokens start in its row's arrays. */
const unitsFrom = (row: EvidenceRow, k: number) => (k === 0 ? 0 : row.unitEnds[k - 1]!);
const tokensFrom = (row: EvidenceRow, k: number) => (k === 0 ? 0 : row.tokenEnds[k - 1]!);

function everySentenceHasOwnEvidence(band: BandEvidence, i0: number, i1: number, j0: number, j1: number): boolean {
  for (let i = i0; i < i1; i += 1) {
    const row = band.row(i);
    let own = false;
    for (let k = j0 - row.start; k < j1 - row.start && !own; k += 1) own = row.unitEnds[k]! > unitsFrom(row, k);
    if (!own) return false;
  }
  for (let j = j0; j < j1; j += 1) {
    let own = false;
    for (let i = i0; i < i1 && !own; i += 1) {
      const row = band.row(i);
      const k = j - row.start;
      own = row.tokenEnds[k]! > tokensFrom(row, k) || row.sums[3 * k + 2]! > 0;
    }
    if (!own) return false;
  }
  return true;
}

/**
 * Quality of the bead zh[i0..i1) ↔ en[j0..j1) made of whole blocks, with every pair of the sentences given: the
 * coverage similarity of the merged sentences (a unit counts once however many sentences of the other side match
 * it), less penalties for an unlikely length ratio and for unlike numbers of clauses, plus a bonus where the bead
 * ends a paragraph on both sides.
 */
export function beadQuality(
  zh: PreparedZh[],
  en: PreparedEn[],
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  lengthRatio: number,
  fillingGap = false,
): number {
  const penalty = lengthPenalty(lengthOf(zh, i0, i1), lengthOf(en, j0, j1), lengthRatio);
  return qualityGivenLengthPenalty(zh, en, BandEvidence.whole(zh, en), i0, i1, j0, j1, penalty, fillingGap);
}

function lengthOf(sentences: Array<{ length: number }>, start: number, end: number): number {
  let length = 0;
  for (let k = start; k < end; k += 1) length += sentences[k]!.length;
  return length;
}

/** beadQuality for the dynamic program, which has already computed the length penalty to bound the bead. */
function qualityGivenLengthPenalty(
  zh: PreparedZh[],
  en: PreparedEn[],
  band: BandEvidence,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  penalty: number,
  fillingGap: boolean,
): number {
  let zhMatched = 0;
  let zhTotal = 0;
  let bonus = 0;
  const single = i1 - i0 === 1 && j1 - j0 === 1;
  for (let i = i0; i < i1; i += 1) {
    const sentence = zh[i]!;
    const row = band.row(i);
    if (single) {
      const k = j0 - row.start;
      zhMatched += row.sums[3 * k]!;
      bonus += row.sums[3 * k + 2]!;
    } else {
      counted.startPass(sentence.units.length);
      for (let k = j0 - row.start; k < j1 - row.start; k += 1) {
        for (let at = unitsFrom(row, k); at < row.unitEnds[k]!; at += 1) {
          const unit = row.units[at]!;
          if (counted.isMarked(unit)) continue;
          counted.mark(unit);
          const u = sentence.units[unit]!;
          if (u.optional) bonus += u.weight;
          else zhMatched += u.weight;
        }
      }
    }
    zhTotal += sentence.total;
  }
  let enMatched = 0;
  let enTotal = 0;
  for (let j = j0; j < j1; j += 1) {
    const sentence = en[j]!;
    if (single) {
      const row = band.row(i0);
      enMatched += row.sums[3 * (j - row.start) + 1]!;
    } else {
      counted.startPass(sentence.weighted.length);
      for (let i = i0; i < i1; i += 1) {
        const row = band.row(i);
        const k = j - row.start;
        for (let at = tokensFrom(row, k); at < row.tokenEnds[k]!; at += 1) {
          const token = row.tokens[at]!;
          if (counted.isMarked(token)) continue;
          counted.mark(token);
          enMatched += sentence.weighted[token]!.weight;
        }
      }
    }
    enTotal += sentence.total;
  }
  const merged = i1 - i0 > 1 || j1 - j0 > 1;
  if (fillingGap && merged && !everySentenceHasOwnEvidence(band, i0, i1, j0, j1)) return NO_EVIDENCE;
  const similarity = coverageSimilarity(zhMatched, zhTotal, enMatched, enTotal, bonus);
  // No shared evidence at all: whatever the lengths say, this is no pairing (but for a pair in a gap).
  if (similarity === 0 && !(fillingGap && !merged)) return NO_EVIDENCE;
  return qualityGivenSimilarity(zh, en, i0, i1, j0, j1, similarity, penalty);
}

/**
 * beadQuality of one Chinese and one English sentence by themselves, from their own match: the anchors weigh a few
 * hundred such pairs a chapter, each of which would otherwise build a BandEvidence of its own.
 */
export function pairQuality(zh: PreparedZh, en: PreparedEn, lengthRatio: number): number {
  const { zhMatched, enMatched, bonus } = matchSums(zh, en);
  const similarity = coverageSimilarity(zhMatched, zh.total, enMatched, en.total, bonus);
  if (similarity === 0) return NO_EVIDENCE;
  return qualityGivenSimilarity([zh], [en], 0, 1, 0, 1, similarity, lengthPenalty(zh.length, en.length, lengthRatio));
}

/** A bead's quality from the similarity of its sides and its length penalty. */
function qualityGivenSimilarity(zh: PreparedZh[], en: PreparedEn[], i0: number, i1: number, j0: number, j1: number, similarity: number, penalty: number): number {
  // Where the page gives paragraphs, a bead that ends a paragraph on both sides is where translations meet (the
  // bonus goes to beads with shared evidence only, so that it never makes a guess look like a match).
  const endsParagraphs = similarity > 0 && endsParagraph(zh, i1) && endsParagraph(en, j1);
  // A bead that ends inside a quotation on one side only has most often cut an utterance in two.
  const cutsQuotation = zh[i1 - 1]!.quotationOpen !== en[j1 - 1]!.quotationOpen;
  return (
    similarity -
    penalty -
    clausePenalty(zh, en, i0, i1, j0, j1) +
    (endsParagraphs ? PARAGRAPH_END_BONUS : 0) -
    (cutsQuotation ? QUOTATION_CUT_PENALTY : 0)
  );
}

/** Whether the sentence before position `end` is the last of its paragraph and another paragraph follows. */
function endsParagraph(sentences: Array<{ paragraph: number }>, end: number): boolean {
  return end < sentences.length && sentences[end]!.paragraph !== sentences[end - 1]!.paragraph;
}

/** Penalty for a bead whose sides have unlike numbers of clauses (sentences, and parts split by ; or :). */
function clausePenalty(zh: PreparedZh[], en: PreparedEn[], i0: number, i1: number, j0: number, j1: number): number {
  let zhClauses = 0;
  let enClauses = 0;
  for (let i = i0; i < i1; i += 1) zhClauses += zh[i]!.clauses;
  for (let j = j0; j < j1; j += 1) enClauses += en[j]!.clauses;
  return CLAUSE_WEIGHT * Math.abs(Math.log(zhClauses / enClauses));
}

/** Penalty for a bead whose English length is unlikely for its Chinese length: at most 0.525. */
function lengthPenalty(zhLength: number, enLength: number, lengthRatio: number): number {
  const logRatio = Math.log((enLength + 2) / (lengthRatio * zhLength + 2));
  return LENGTH_WEIGHT * Math.min(logRatio * logRatio, 1.5);
}

/**
 * An upper bound of a merged bead's similarity from the pairwise evidence alone (which counts a unit matched by two
 * sentences twice): the harmonic mean of two coverages is at most twice the smaller one.
 */
function similarityBound(zh: PreparedZh[], en: PreparedEn[], band: BandEvidence, i0: number, i1: number, j0: number, j1: number): number {
  let zhMatched = 0;
  let enMatched = 0;
  let bonus = 0;
  let zhTotal = 0;
  let enTotal = 0;
  for (let i = i0; i < i1; i += 1) {
    zhTotal += zh[i]!.total;
    const row = band.row(i);
    for (let k = j0 - row.start; k < j1 - row.start; k += 1) {
      zhMatched += row.sums[3 * k]!;
      enMatched += row.sums[3 * k + 1]!;
      bonus += row.sums[3 * k + 2]!;
    }
  }
  for (let j = j0; j < j1; j += 1) enTotal += en[j]!.total;
  const zhCoverage = zhMatched >= zhTotal ? 1 : coverage(zhMatched, zhTotal, bonus);
  const enCoverage = enMatched >= enTotal ? 1 : coverage(enMatched, enTotal, bonus);
  return Math.min(1, 2 * Math.min(zhCoverage, enCoverage));
}

function prefixLengths(sentences: Array<{ length: number }>): Float64Array {
  const prefix = new Float64Array(sentences.length + 1);
  sentences.forEach((s, k) => (prefix[k + 1] = prefix[k]! + s.length));
  return prefix;
}

/**
 * Aligns zh[zhStart..zhEnd) with en[enStart..enEnd) monotonically. `center(i)` gives, for a Chinese position,
 * the English position the band is centred on.
 */
export function alignMonotone(
  zh: PreparedZh[],
  en: PreparedEn[],
  zhIndices: number[],
  enIndices: number[],
  center: (i: number) => number,
  options: MonotoneOptions,
): ScoredBead[] {
  const n = zhIndices.length;
  const m = enIndices.length;
  if (n === 0 || m === 0) {
    return [
      ...zhIndices.map((i): ScoredBead => ({ bead: [[i], []], quality: 0 })),
      ...enIndices.map((j): ScoredBead => ({ bead: [[], [j]], quality: 0 })),
    ];
  }
  const subZh = zhIndices.map((i) => zh[i]!);
  const subEn = enIndices.map((j) => en[j]!);

  // Band of each DP row i (0..n): English positions lo..hi inclusive.
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i += 1) {
    const c = Math.round(center(i));
    lo[i] = Math.max(0, c - options.bandWidth);
    hi[i] = Math.min(m, c + options.bandWidth);
  }
  lo[0] = 0;
  hi[n] = m;
  // Bands never move backwards, and each row starts no later than the previous one ends, so that (n, m) is
  // always reachable from (0, 0).
  for (let i = 1; i <= n; i += 1) {
    hi[i] = Math.max(hi[i]!, hi[i - 1]!);
    lo[i] = Math.min(Math.max(lo[i]!, lo[i - 1]!), hi[i - 1]!);
  }

  // Scores and choices of every cell of the band, row after row: row i holds English positions lo[i]..hi[i].
  const rowOffset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i += 1) rowOffset[i + 1] = rowOffset[i]! + hi[i]! - lo[i]! + 1;
  const score = new Float64Array(rowOffset[n + 1]!).fill(-Infinity);
  const back = new Int8Array(rowOffset[n + 1]!).fill(-1);
  score[0] = 0;
  const zhPrefix = prefixLengths(subZh);
  const enPrefix = prefixLengths(subEn);
  const zhSeparations = separations(zhIndices, options.apart?.zh);
  const enSeparations = separations(enIndices, options.apart?.en);
  // Sentences that must stand alone, and Chinese sentences that end open (see PreparedZh.endsOpen).
  const zhAlone = countsBefore(n, (p) => options.alone?.zh.has(zhIndices[p]!) ?? false);
  const enAlone = countsBefore(m, (p) => options.alone?.en.has(enIndices[p]!) ?? false);
  const zhOpenEnds = countsBefore(n, (p) => subZh[p]!.endsOpen);
  const shapes = shapeTable(options.policy, options.maxBeadSize);
  // A bead ending at row i' and column j, with `side` sentences at most a side, pairs Chinese sentence p (p < i' <=
  // p + side) with English sentences from j - side >= lo[p + 1] - side up to j <= hi[p + side]: each row holds those.
  const side = shapes.side;
  const rowStart = new Int32Array(n);
  const rowEnd = new Int32Array(n);
  for (let p = 0; p < n; p += 1) {
    rowStart[p] = Math.max(0, lo[p]! - side);
    rowEnd[p] = Math.max(rowStart[p]!, Math.min(m, hi[Math.min(n, p + side)]!));
  }
  const band = new BandEvidence(subZh, subEn, rowStart, rowEnd);
  // The quality of the bead each cell chose, for the beads the backtrace takes.
  const chosenQuality = new Float64Array(rowOffset[n + 1]!);
  for (let i = 0; i <= n; i += 1) {
    // Rows a bead ending here cannot reach are let go.
    band.release(i - side - 1);
    const first = lo[i]!;
    // Cell (i, j) of this row is at rowBase + j.
    const rowBase = rowOffset[i]! - first;
    for (let j = first; j <= hi[i]!; j += 1) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let choice = -1;
      // Leaving a sentence unmatched is worth nothing; a match is worth its quality above the threshold.
      if (i > 0 && j >= lo[i - 1]! && j <= hi[i - 1]!) {
        best = score[rowOffset[i - 1]! + j - lo[i - 1]!]!;
        if (best > -Infinity) choice = SKIP_ZH;
      }
      if (j > first && score[rowBase + j - 1]! > best) {
        best = score[rowBase + j - 1]!;
        choice = SKIP_EN;
      }
      for (let k = 0; k < shapes.count; k += 1) {
        const zhSize = shapes.zh[k]!;
        const enSize = shapes.en[k]!;
        const size = zhSize + enSize;
        const ceiling = shapes.ceiling[k]!;
        const i0 = i - zhSize;
        const j0 = j - enSize;
        if (i0 < 0 || j0 < lo[i0]! || j0 > hi[i0]!) continue;
        if (zhSeparations[i - 1]! !== zhSeparations[i0]! || (j0 < j && enSeparations[j - 1]! !== enSeparations[j0]!)) continue;
        if ((zhSize > 1 && zhAlone[i]! !== zhAlone[i0]!) || (enSize > 1 && enAlone[j]! !== enAlone[j0]!)) continue;
        // A bead ends with a Chinese sentence that ends open: none of its Chinese sentences but the last may.
        if (zhSize > 1 && zhOpenEnds[i - 1]! !== zhOpenEnds[i0]!) continue;
        const previous = score[rowOffset[i0]! + j0 - lo[i0]!]!;
        // Bounds first: similarity is at most 1, and at most what the pairs' evidence allows; a bead that could not
        // win even so is not worth matching words for.
        if (previous === -Infinity || previous + size * ceiling <= best) continue;
        const penalty = lengthPenalty(zhPrefix[i]! - zhPrefix[i0]!, enPrefix[j]! - enPrefix[j0]!, options.lengthRatio);
        if (previous + size * (ceiling - penalty) <= best) continue;
        if (size > 2 && previous + size * (ceiling - 1 + similarityBound(subZh, subEn, band, i0, i, j0, j) - penalty) <= best) continue;
        const quality = qualityGivenLengthPenalty(subZh, subEn, band, i0, i, j0, j, penalty, options.policy.fillingGap);
        if (quality === NO_EVIDENCE) continue;
        const s = previous + size * (quality - shapes.cost[k]! - shapes.threshold[k]!);
        if (s > best) {
          best = s;
          choice = shapes.index[k]!;
          chosenQuality[rowBase + j] = quality;
        }
      }
      score[rowBase + j] = best;
      back[rowBase + j] = choice;
    }
  }

  return chosenBeads(zhIndices, enIndices, { rowOffset, lo, back, chosenQuality });
}

/**
 * The beads the cells' choices lead through, from the last cell back to the first. A function of its own: where the
 * index arrays come in another shape, a deoptimisation here leaves the dynamic program's optimised code in place.
 */
function chosenBeads(
  zhIndices: number[],
  enIndices: number[],
  { rowOffset, lo, back, chosenQuality }: { rowOffset: Int32Array; lo: Int32Array; back: Int8Array; chosenQuality: Float64Array },
): ScoredBead[] {
  const beads: ScoredBead[] = [];
  let i = zhIndices.length;
  let j = enIndices.length;
  while (i > 0 || j > 0) {
    const choice = back[rowOffset[i]! + j - lo[i]!]!;
    if (choice === SKIP_ZH) {
      beads.push({ bead: [[zhIndices[i - 1]!], []], quality: 0 });
      i -= 1;
    } else if (choice === SKIP_EN) {
      beads.push({ bead: [[], [enIndices[j - 1]!]], quality: 0 });
      j -= 1;
    } else {
      const { zh: a, en: b } = BEAD_SHAPES[choice]!;
      const quality = chosenQuality[rowOffset[i]! + j - lo[i]!]!;
      const zhBead = zhIndices.slice(i - a, i);
      const enBead = enIndices.slice(j - b, j);
      beads.push({ bead: [zhBead, enBead], quality: Math.max(0, Math.min(1, quality)) });
      i -= a;
      j -= b;
    }
  }
  return beads.reverse();
}
