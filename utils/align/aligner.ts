/**
 * The aligner: Chinese and English sentences in, beads out. Blocks the page pairs are aligned within each pair;
 * titles with titles; captions are matched block to block wherever they stand (photo captions are often gathered
 * in another order on the other side); the body is aligned monotonically in a band around anchor pairs.
 */
import { toSimplified } from './chinese';
import type { Dictionary } from './dictionary';
import { enFeatures, quotationOpenAfter, Vocabulary, zhFeatures, type EnSentence, type ZhSentence } from './features';
import { findAnchors, type Anchor } from './anchors';
import { alignMonotone, beadQuality, CAUTIOUS, FILLING_GAP, type MonotoneOptions, type ScoredBead } from './monotone';
import { applyLexicon, learnLexicon } from './lexicon';
import { containment, documentWeights, prepareEn, prepareZh, type PreparedEn, type PreparedZh, type SentencePlace } from './similarity';
import { hasPhotoCredit, isPhotoCredit } from '../text/photo-credit';
import type { AlignRequest, AlignResult, AlignSide, Bead, BlockRole } from './types';

/** Captions must share this much evidence to be matched out of order: a wrong caption is worse than none. */
const CAPTION_MATCH_QUALITY = 0.2;

function roleOf(side: AlignSide, index: number): BlockRole {
  const block = side.blocks?.[index];
  return (block !== undefined && side.blockRoles?.[block]) || 'body';
}

function blockOf(side: AlignSide, index: number): number {
  return side.blocks?.[index] ?? 0;
}

/** Sentence indices by block, in order: one pass over the side, however many blocks the layout pairs. */
function indicesByBlock(side: AlignSide, indices: number[]): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const i of indices) {
    const block = blockOf(side, i);
    let group = groups.get(block);
    if (!group) groups.set(block, (group = []));
    group.push(i);
  }
  return groups;
}

function bandWidth(n: number, m: number): number {
  return Math.round(Math.max(10, Math.min(24, 0.04 * Math.max(n, m))));
}

/** English position for Chinese position i, interpolated between anchors (positions within the group). */
function anchorPath(anchors: Anchor[], n: number, m: number): (i: number) => number {
  const points: Array<[number, number]> = [[0, 0], ...anchors.map((a): [number, number] => [a.zh + 0.5, a.en + 0.5]), [n, m]];
  return (i) => {
    // The first point at or after i (the last one when none is), by binary search: anchors may number hundreds.
    let low = 1;
    let high = points.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (points[mid]![0] < i) low = mid + 1;
      else high = mid;
    }
    const k = low;
    const [x0, y0] = points[k - 1]!;
    const [x1, y1] = points[k]!;
    return x1 === x0 ? y1 : y0 + ((i - x0) * (y1 - y0)) / (x1 - x0);
  };
}

interface Prepared {
  zh: PreparedZh[];
  en: PreparedEn[];
  lengthRatio: number;
  /** The layout's pairs that the content confirms (see confirmBlockPairs). */
  confirmedPairs: Array<[zhBlock: number, enBlock: number]>;
}

/**
 * Aligns a group of sentences. `bounded`: the group is two blocks the page pairs, whose starts and ends match.
 * `apart`: sentences already aligned in such pairs, which no bead of this group may merge across.
 */
function alignGroup(
  prepared: Prepared,
  zhIndices: number[],
  enIndices: number[],
  useAnchors: boolean,
  pass: Pass,
  { bounded = false, apart, alone }: { bounded?: boolean; apart?: MonotoneOptions['apart']; alone?: MonotoneOptions['alone'] } = {},
): ScoredBead[] {
  const n = zhIndices.length;
  const m = enIndices.length;
  const draft = pass === 'draft';
  let path: Anchor[] = [];
  if (draft && useAnchors) path = findAnchors(prepared.zh, prepared.en, zhIndices, enIndices, prepared.lengthRatio);
  else if (!draft) path = pathOf(pass.draft, zhIndices, enIndices);
  const beads = alignMonotone(prepared.zh, prepared.en, zhIndices, enIndices, anchorPath(path, n, m), {
    lengthRatio: prepared.lengthRatio,
    bandWidth: draft ? bandWidth(n, m) : FINAL_BAND_WIDTH,
    policy: CAUTIOUS,
    maxBeadSize: draft ? DRAFT_BEAD_SIZE : Infinity,
    apart,
    alone,
  });
  const limits = { apart, alone };
  return draft ? beads : foldUnmatched(prepared, splitMirroredMerges(prepared, fillGaps(prepared, beads, bounded, limits), limits));
}

/** The matched beads of the draft inside a group, as points (positions within the group) for the final band. */
function pathOf(draft: Bead[], zhIndices: number[], enIndices: number[]): Anchor[] {
  const zhPosition = new Map(zhIndices.map((i, position) => [i, position]));
  const enPosition = new Map(enIndices.map((j, position) => [j, position]));
  const path: Anchor[] = [];
  for (const [zh, en] of draft) {
    const i = zhPosition.get(zh[zh.length - 1]!);
    const j = enPosition.get(en[en.length - 1]!);
    if (i === undefined || j === undefined) continue;
    const last = path[path.length - 1];
    if (!last || (i > last.zh && j > last.en)) path.push({ zh: i, en: j });
  }
  return path;
}

/**
 * The draft pass teaches the document lexicon, which learns from confident beads of a few sentences: it forms no
 * long merges and fills no gaps. The final pass does everything, in a narrow band along the draft's path.
 */
type Pass = 'draft' | { draft: Bead[] };
const DRAFT_BEAD_SIZE = 3;
const FINAL_BAND_WIDTH = 8;

const isUnmatched = (b: ScoredBead) => b.bead[0].length === 0 || b.bead[1].length === 0;

/**
 * Each run of unmatched sentences between two matched beads is aligned again together with the beads on either
 * side, with the policy for gaps: there a sentence the first pass could not place is usually a free rendering of a
 * neighbour's counterpart, or of a sentence across the gap. In a group `bounded` by the page (two blocks the layout
 * pairs), the group's start and end are matched edges too.
 */
function fillGaps(prepared: Prepared, beads: ScoredBead[], bounded: boolean, limits: Pick<MonotoneOptions, 'apart' | 'alone'>): ScoredBead[] {
  const filled: ScoredBead[] = [];
  let k = 0;
  while (k < beads.length) {
    if (!isUnmatched(beads[k]!)) {
      filled.push(beads[k]!);
      k += 1;
      continue;
    }
    let end = k;
    while (end < beads.length && isUnmatched(beads[end]!)) end += 1;
    const before = filled.length > 0;
    const after = end < beads.length;
    // Unmatched sentences at the start or the end of a text have no bead on that side: they stay as they are.
    if (!bounded && (!before || !after)) {
      filled.push(...beads.slice(k, end));
      k = end;
      continue;
    }
    const window = [...(before ? [filled.pop()!] : []), ...beads.slice(k, after ? end + 1 : end)];
    const zhIndices = window.flatMap((b) => b.bead[0]).sort((x, y) => x - y);
    const enIndices = window.flatMap((b) => b.bead[1]).sort((x, y) => x - y);
    if (zhIndices.length === 0 || enIndices.length === 0) {
      filled.push(...window);
    } else {
      const slope = enIndices.length / zhIndices.length;
      filled.push(
        ...alignMonotone(prepared.zh, prepared.en, zhIndices, enIndices, (i) => i * slope, {
          lengthRatio: prepared.lengthRatio,
          bandWidth: Math.max(zhIndices.length, enIndices.length),
          policy: FILLING_GAP,
          maxBeadSize: Infinity,
          ...limits,
        }),
      );
    }
    k = after ? end + 1 : end;
  }
  return filled;
}

/** Sentence indices with one more, in order. */
const withIndex = (indices: number[], index: number) => [...indices, index].sort((x, y) => x - y);

const isContiguous = (indices: number[]) => indices.every((x, k) => k === 0 || x === indices[k - 1]! + 1);

/**
 * Two neighbouring merged beads that mirror each other (two sentences to one, then one to two) with as many
 * sentences on each side: the sentence they share across is most often a short one-to-one pair whose words the
 * dictionary does not know ("我们放弃了。" and "We scrapped."), which the cautious pass would not form on length
 * alone, so each side's neighbour swallowed it. Such a pair is aligned again with the policy for gaps, where a
 * one-to-one bead may stand on length and position.
 */
function splitMirroredMerges(prepared: Prepared, beads: ScoredBead[], limits: Pick<MonotoneOptions, 'apart' | 'alone'>): ScoredBead[] {
  const out: ScoredBead[] = [];
  for (let k = 0; k < beads.length; k += 1) {
    const a = beads[k]!;
    const b = beads[k + 1];
    const zhIndices = b ? [...a.bead[0], ...b.bead[0]] : [];
    const enIndices = b ? [...a.bead[1], ...b.bead[1]] : [];
    const mirrored =
      b &&
      !isUnmatched(a) &&
      !isUnmatched(b) &&
      a.bead[0].length !== a.bead[1].length &&
      a.bead[0].length === b.bead[1].length &&
      a.bead[1].length === b.bead[0].length &&
      isContiguous(zhIndices) &&
      isContiguous(enIndices);
    if (!mirrored) {
      out.push(a);
      continue;
    }
    out.push(
      ...alignMonotone(prepared.zh, prepared.en, zhIndices, enIndices, (i) => i, {
        lengthRatio: prepared.lengthRatio,
        bandWidth: zhIndices.length,
        policy: FILLING_GAP,
        maxBeadSize: Infinity,
        ...limits,
      }),
    );
    k += 1;
  }
  return out;
}

/** How much quality a bead may lose by taking in a sentence left unmatched beside it. */
const FOLD_TOLERANCE = 0.2;

/**
 * A sentence left unmatched between two matched beads joins the neighbour whose sentence it adjoins in its own
 * paragraph, unless that costs the bead more than FOLD_TOLERANCE: inside a translated passage, a sentence with no
 * words the dictionary connects is far more often the second half of a split ("…, he said.") than an omission,
 * and an omission adds a length the bead cannot carry. Nothing is folded across paragraphs (a note set apart, a
 * heading, a block the page pairs) or at the text's edges (a preface, a closing note).
 */
function foldUnmatched(prepared: Prepared, beads: ScoredBead[]): ScoredBead[] {
  const folded = beads.map((b): ScoredBead => ({ bead: [[...b.bead[0]], [...b.bead[1]]], quality: b.quality }));
  const firstMatched = folded.findIndex((b) => !isUnmatched(b));
  const lastMatched = folded.findLastIndex((b) => !isUnmatched(b));
  for (let k = firstMatched + 1; k < lastMatched; k += 1) {
    const lone = folded[k]!;
    if (!isUnmatched(lone) || lone.bead[0].length + lone.bead[1].length !== 1) continue;
    const side = lone.bead[0].length === 1 ? 0 : 1;
    const index = lone.bead[side][0]!;
    let best: { neighbour: ScoredBead; bead: Bead; quality: number; loss: number } | null = null;
    for (const neighbour of [folded[k - 1], folded[k + 1]]) {
      if (!neighbour || isUnmatched(neighbour)) continue;
      const own = neighbour.bead[side];
      const sentences = side === 0 ? prepared.zh : prepared.en;
      const adjoins = (other: number) => own.includes(other) && sentences[other]!.paragraph === sentences[index]!.paragraph;
      if (!adjoins(index - 1) && !adjoins(index + 1)) continue;
      const bead: Bead = side === 0 ? [withIndex(own, index), neighbour.bead[1]] : [neighbour.bead[0], withIndex(own, index)];
      const quality = captionQuality(prepared, bead[0], bead[1]);
      const loss = captionQuality(prepared, neighbour.bead[0], neighbour.bead[1]) - quality;
      if (loss <= FOLD_TOLERANCE && (!best || loss < best.loss)) best = { neighbour, bead, quality, loss };
    }
    if (!best) continue;
    best.neighbour.bead = best.bead;
    best.neighbour.quality = Math.max(0, Math.min(1, best.quality));
    lone.bead = [[], []];
  }
  return folded.filter((b) => b.bead[0].length + b.bead[1].length > 0);
}

/** Quality of one bead made of whole blocks, which need not be contiguous in the document. */
function captionQuality(prepared: Prepared, zhIndices: number[], enIndices: number[]): number {
  return beadQuality(
    zhIndices.map((i) => prepared.zh[i]!),
    enIndices.map((j) => prepared.en[j]!),
    0,
    zhIndices.length,
    0,
    enIndices.length,
    prepared.lengthRatio,
  );
}

/**
 * Pairs of positions, best first, each position on either side taken once: `candidates` as [Chinese position,
 * English position, quality], those of equal quality in the order given.
 */
function pairBestFirst(candidates: Array<{ zh: number; en: number; quality: number }>): Array<[number, number]> {
  const usedZh = new Set<number>();
  const usedEn = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { zh, en } of [...candidates].sort((a, b) => b.quality - a.quality)) {
    if (usedZh.has(zh) || usedEn.has(en)) continue;
    usedZh.add(zh);
    usedEn.add(en);
    pairs.push([zh, en]);
  }
  return pairs;
}

/** Caption blocks matched to caption blocks by their merged evidence, best pairs first. */
function matchBlocksOutOfOrder(prepared: Prepared, zhBlocks: number[][], enBlocks: number[][]): Array<[number[], number[]]> {
  const candidates: Array<{ zh: number; en: number; quality: number }> = [];
  zhBlocks.forEach((zb, zh) => {
    enBlocks.forEach((eb, en) => {
      const quality = captionQuality(prepared, zb, eb);
      if (quality >= CAPTION_MATCH_QUALITY) candidates.push({ zh, en, quality });
    });
  });
  const matched = pairBestFirst(candidates);
  const pairs = matched.map(([z, e]): [number[], number[]] => [zhBlocks[z]!, enBlocks[e]!]);
  const usedZh = new Set(matched.map(([z]) => z));
  const usedEn = new Set(matched.map(([, e]) => e));
  zhBlocks.forEach((zb, z) => usedZh.has(z) || pairs.push([zb, []]));
  enBlocks.forEach((eb, e) => usedEn.has(e) || pairs.push([[], eb]));
  return pairs;
}

/** Sentence pairs of at most this many English sentences are matched exactly; longer captions best pair first. */
const MAX_EXACT_MATCHING = 10;

/**
 * The one-to-one pairs of `zhIndices` with `enIndices` whose qualities, each at least `min`, sum highest, in any
 * order. Captions are short, so the best set is found exactly (over the subsets of English sentences).
 */
function bestMatching(zhIndices: number[], enIndices: number[], quality: (i: number, j: number) => number, min: number): Array<[number, number]> {
  const n = zhIndices.length;
  const m = enIndices.length;
  const q = zhIndices.map((i) => enIndices.map((j) => {
    const value = quality(i, j);
    return value >= min ? value : -Infinity;
  }));
  if (m > MAX_EXACT_MATCHING) {
    const candidates = q.flatMap((row, zh) => row.map((quality, en) => ({ zh, en, quality }))).filter((c) => c.quality > -Infinity);
    return pairBestFirst(candidates).map(([a, b]) => [zhIndices[a]!, enIndices[b]!]);
  }
  // best[a][mask]: the highest sum for Chinese sentences a.. with the English sentences in `mask` taken.
  const states = 1 << m;
  const best = Array.from({ length: n + 1 }, () => new Float64Array(states));
  for (let a = n - 1; a >= 0; a -= 1) {
    for (let mask = 0; mask < states; mask += 1) {
      let value = best[a + 1]![mask]!;
      for (let b = 0; b < m; b += 1) {
        if (mask & (1 << b) || q[a]![b] === -Infinity) continue;
        value = Math.max(value, q[a]![b]! + best[a + 1]![mask | (1 << b)]!);
      }
      best[a]![mask] = value;
    }
  }
  const pairs: Array<[number, number]> = [];
  let mask = 0;
  for (let a = 0; a < n; a += 1) {
    const target = best[a]![mask]!;
    if (target === best[a + 1]![mask]) continue;
    const b = enIndices.findIndex((_, k) => !(mask & (1 << k)) && q[a]![k] !== -Infinity && q[a]![k]! + best[a + 1]![mask | (1 << k)]! === target);
    mask |= 1 << b;
    pairs.push([zhIndices[a]!, enIndices[b]!]);
  }
  return pairs;
}

/**
 * A caption pair (caption blocks matched as translations of each other) aligned sentence by sentence. A caption's
 * sentences often stand in another order in the other version ("…held talks. This is their handshake." against
 * "Xi shakes hands with Putin. Xi held talks here with Putin."), so they are paired in any order; a credit line
 * ("新华社记者 王晔 摄") translates the other's credit ("(Xinhua/Wang Ye)"), not its description. A sentence left over
 * joins the pair it improves, or stands unmatched; when no sentences pair, the captions stay one bead.
 */
function alignCaptionPair(request: AlignRequest, prepared: Prepared, zhIndices: number[], enIndices: number[]): ScoredBead[] {
  const quality = (zh: number[], en: number[]) => Math.max(0, Math.min(1, captionQuality(prepared, zh, en)));
  const whole: ScoredBead = { bead: [zhIndices, enIndices], quality: quality(zhIndices, enIndices) };
  if (zhIndices.length === 1 && enIndices.length === 1) return [whole];
  const zhCredits = zhIndices.filter((i) => isPhotoCredit(request.zh.sentences[i]!, 'zh'));
  const enCredits = enIndices.filter((j) => isPhotoCredit(request.en.sentences[j]!, 'en'));
  const credits = Math.min(zhCredits.length, enCredits.length);
  const zhCredited = new Set(zhCredits.slice(0, credits));
  const enCredited = new Set(enCredits.slice(0, credits));
  const zhRest = zhIndices.filter((i) => !zhCredited.has(i));
  const enRest = enIndices.filter((j) => !enCredited.has(j));
  const contained = (i: number, j: number) => containment(prepared.zh[i]!, prepared.en[j]!);
  const pairs = bestMatching(zhRest, enRest, contained, CAPTION_MATCH_QUALITY);
  if (pairs.length === 0 && (zhRest.length > 0 || enRest.length > 0)) {
    // The captions match as wholes but no sentence matches one: their descriptions say it differently.
    if (zhRest.length === 0 || enRest.length === 0 || credits === 0) return [whole];
    pairs.push([zhRest[0]!, enRest[0]!]);
  }
  const beads: Array<{ zh: number[]; en: number[] }> = pairs.map(([i, j]) => ({ zh: [i], en: [j] }));
  const described = [...beads];
  for (let k = 0; k < credits; k += 1) beads.push({ zh: [zhCredits[k]!], en: [enCredits[k]!] });
  const paired = { zh: new Set(beads.flatMap((b) => b.zh)), en: new Set(beads.flatMap((b) => b.en)) };
  const leftOver: ScoredBead[] = [];
  for (const side of ['zh', 'en'] as const) {
    const other = side === 'zh' ? 'en' : 'zh';
    for (const index of side === 'zh' ? zhIndices : enIndices) {
      if (paired[side].has(index)) continue;
      // A credit the other version wrote inside its description's sentence belongs to that sentence.
      const isCredit = (side === 'zh' ? zhCredits : enCredits).includes(index);
      const host = isCredit ? described.find((b) => b[other].some((o) => hasPhotoCredit(request[other].sentences[o]!))) : undefined;
      let best = host;
      if (!best) {
        let gain = 0;
        for (const b of described) {
          const before = quality(b.zh, b.en);
          const merged = side === 'zh' ? quality(withIndex(b.zh, index), b.en) : quality(b.zh, withIndex(b.en, index));
          if (merged - before > gain) {
            gain = merged - before;
            best = b;
          }
        }
      }
      if (best) {
        best[side] = withIndex(best[side], index);
      } else {
        leftOver.push({ bead: side === 'zh' ? [[index], []] : [[], [index]], quality: 0 });
      }
    }
  }
  // A sentence pair is as good as the share of one the other renders; a pair of credits as the captions' match.
  const qualityOf = ({ zh, en }: { zh: number[]; en: number[] }) =>
    zh.length === 1 && en.length === 1 ? (zhCredited.has(zh[0]!) ? whole.quality : contained(zh[0]!, en[0]!)) : quality(zh, en);
  return [...beads.map((b) => ({ bead: [b.zh, b.en] as Bead, quality: qualityOf(b) })), ...leftOver];
}

/** Orders beads by Chinese position; English-only beads follow the bead of the English sentence before them. */
function orderBeads(beads: ScoredBead[]): ScoredBead[] {
  const enOwner = new Map<number, number>();
  beads.forEach((b, k) => b.bead[1].forEach((j) => enOwner.set(j, k)));
  const position = (k: number): number => {
    const [zh, en] = beads[k]!.bead;
    if (zh.length > 0) return Math.min(...zh);
    for (let j = Math.min(...en) - 1; j >= 0; j -= 1) {
      const owner = enOwner.get(j);
      if (owner !== undefined && beads[owner]!.bead[0].length > 0) return Math.max(...beads[owner]!.bead[0]) + 0.5;
    }
    return -0.5;
  };
  const keyed = beads.map((b, k) => ({ b, key: position(k), en: b.bead[1][0] ?? Infinity }));
  keyed.sort((x, y) => x.key - y.key || x.en - y.en);
  return keyed.map((k) => k.b);
}

export function align(request: AlignRequest, dictionary: Dictionary): AlignResult {
  const vocabulary = new Vocabulary();
  // The English first: the Chinese keeps only the name readings the English has.
  const en = request.en.sentences.map((s) => enFeatures(s, vocabulary));
  const zh = request.zh.sentences.map((s) => zhFeatures(toSimplified(s), dictionary, vocabulary));
  const prepared = prepare(zh, en, request);
  const draft = alignPrepared(request, prepared, 'draft');
  const lexicon = learnLexicon(draft.beads.map(([z, e], k) => ({ zh: z, en: e, quality: draft.scores[k]! })), zh, en, dictionary);
  const changed = applyLexicon(lexicon, zh);
  // Only the sentences that gained evidence need preparing again: the weights of words already there stay.
  const weights = changed.size > 0 ? documentWeights(zh, en) : null;
  const final = weights
    ? { ...prepared, zh: prepared.zh.map((p, i) => (changed.has(i) ? prepareZh(zh[i]!, weights, { paragraph: p.paragraph, quotationOpen: p.quotationOpen }) : p)) }
    : prepared;
  return alignPrepared(request, final, { draft: draft.beads });
}

function prepare(zh: ZhSentence[], en: EnSentence[], request: AlignRequest): Prepared {
  const weights = documentWeights(zh, en);
  const zhLength = zh.reduce((sum, s) => sum + s.length, 0);
  const enLength = en.reduce((sum, s) => sum + s.length, 0);
  const places = (side: AlignSide, language: 'zh' | 'en'): SentencePlace[] => {
    const paragraphs = side.sentences.map((_, i) => blockOf(side, i));
    const open = quotationOpenAfter(side.sentences, paragraphs, language);
    return paragraphs.map((paragraph, i) => ({ paragraph, quotationOpen: open[i]! }));
  };
  const zhPlaces = places(request.zh, 'zh');
  const enPlaces = places(request.en, 'en');
  const prepared: Prepared = {
    zh: zh.map((s, i) => prepareZh(s, weights, zhPlaces[i]!)),
    en: en.map((s, j) => prepareEn(s, weights, enPlaces[j]!)),
    // Characters of English per character of Chinese, as this document has it (about 3 for news prose).
    lengthRatio: zhLength > 0 && enLength > 0 ? Math.min(8, Math.max(0.5, enLength / zhLength)) : 3,
    confirmedPairs: [],
  };
  prepared.confirmedPairs = confirmBlockPairs(request, prepared);
  return prepared;
}

/** A proposed pair must reach this quality as one bead: below it the blocks say different things. */
const MIN_PAIR_QUALITY = 0.25;
/** How many proposed pairs on either side a pair is weighed against. */
const PAIR_NEIGHBOURS = 2;
/** Below this share of confirmed pairs the layout's pairing as a whole is wrong, and the few that pass are chance. */
const MIN_CONFIRMED_SHARE = 1 / 3;

/**
 * The layout's proposed pairs that the content confirms. The page's pairing is the strongest evidence there is
 * when it holds, and wrong by a whole row when a column drifts or a notice stands in one column only; so a pair is
 * kept when its blocks, taken as one bead, say the same thing, and say it better than either block does with the
 * partners of the neighbouring pairs. The others are aligned with the rest of the body.
 */
function confirmBlockPairs(request: AlignRequest, prepared: Prepared): Array<[number, number]> {
  const proposed = request.blockPairs ?? [];
  if (proposed.length === 0) return [];
  const zhByBlock = indicesByBlock(request.zh, request.zh.sentences.map((_, i) => i));
  const enByBlock = indicesByBlock(request.en, request.en.sentences.map((_, j) => j));
  const quality = (zhBlock: number, enBlock: number) => {
    const zhIndices = zhByBlock.get(zhBlock);
    const enIndices = enByBlock.get(enBlock);
    return zhIndices && enIndices ? captionQuality(prepared, zhIndices, enIndices) : 0;
  };
  const confirmed = proposed.filter(([zhBlock, enBlock], k) => {
    const own = quality(zhBlock, enBlock);
    if (own < MIN_PAIR_QUALITY) return false;
    for (let d = -PAIR_NEIGHBOURS; d <= PAIR_NEIGHBOURS; d += 1) {
      const neighbour = proposed[k + d];
      if (d === 0 || !neighbour) continue;
      if (quality(zhBlock, neighbour[1]) > own || quality(neighbour[0], enBlock) > own) return false;
    }
    return true;
  });
  return confirmed.length >= proposed.length * MIN_CONFIRMED_SHARE ? confirmed : [];
}

function alignPrepared(request: AlignRequest, prepared: Prepared, pass: Pass): AlignResult {
  const zhAll = request.zh.sentences.map((_, i) => i);
  const enAll = request.en.sentences.map((_, j) => j);
  const beads: ScoredBead[] = [];
  const zhDone = new Set<number>();
  const enDone = new Set<number>();
  const take = (found: ScoredBead[]) => {
    for (const b of found) {
      b.bead[0].forEach((i) => zhDone.add(i));
      b.bead[1].forEach((j) => enDone.add(j));
      beads.push(b);
    }
  };

  // Blocks the layout pairs, where their content agrees, are translations of each other: align inside each pair only.
  if (prepared.confirmedPairs.length > 0) {
    const zhByBlock = indicesByBlock(request.zh, zhAll);
    const enByBlock = indicesByBlock(request.en, enAll);
    for (const [zhBlock, enBlock] of prepared.confirmedPairs) {
      const zhIndices = (zhByBlock.get(zhBlock) ?? []).filter((i) => !zhDone.has(i));
      const enIndices = (enByBlock.get(enBlock) ?? []).filter((j) => !enDone.has(j));
      if (zhIndices.length > 0 && enIndices.length > 0) take(alignGroup(prepared, zhIndices, enIndices, false, pass, { bounded: true }));
    }
  }
  const apart = { zh: new Set(zhDone), en: new Set(enDone) };

  const remaining = (side: 'zh' | 'en', roles: BlockRole[]) =>
    (side === 'zh' ? zhAll : enAll).filter(
      (i) => !(side === 'zh' ? zhDone : enDone).has(i) && roles.includes(roleOf(request[side], i)),
    );

  // Titles matched to titles; those left over are aligned with the body below.
  take(alignGroup(prepared, remaining('zh', ['title']), remaining('en', ['title']), false, pass).filter((b) => !isUnmatched(b)));

  const captionPairs = matchBlocksOutOfOrder(
    prepared,
    [...indicesByBlock(request.zh, remaining('zh', ['caption'])).values()],
    [...indicesByBlock(request.en, remaining('en', ['caption'])).values()],
  );
  for (const [zhIndices, enIndices] of captionPairs) {
    if (zhIndices.length > 0 && enIndices.length > 0) {
      take(alignCaptionPair(request, prepared, zhIndices, enIndices));
    } else {
      take(alignGroup(prepared, zhIndices, enIndices, false, pass));
    }
  }

  // Titles left unmatched join the body, each standing alone in its bead: one version's headline is often set as a
  // plain paragraph in the other, and no sentence merges across a heading.
  const titles = (side: 'zh' | 'en') => new Set(remaining(side, ['title']));
  const alone = { zh: titles('zh'), en: titles('en') };
  take(alignGroup(prepared, remaining('zh', ['body', 'meta', 'title']), remaining('en', ['body', 'meta', 'title']), true, pass, { apart, alone }));

  const ordered = orderBeads(beads);
  return {
    beads: ordered.map((b): Bead => b.bead),
    scores: ordered.map((b) => Math.round(b.quality * 1000) / 1000),
  };
}
