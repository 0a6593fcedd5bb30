/**
 * Pairwise match evidence between a Chinese and an English sentence, and the similarity of a bead built from it.
 *
 * For a pair (i, j) we keep how much of sentence i's weighted units find a translation in j (`zhMatched`) and
 * how much of j's weighted tokens are translations of some unit of i (`enMatched`). A bead's similarity is the
 * harmonic mean of the two coverages over its merged sentences; the merged coverage is approximated from the
 * pairwise values (capped by each sentence's total), which lets the dynamic program score many-to-many beads
 * without re-matching words.
 */
import type { EnSentence, ZhSentence } from './features';
import { StampedMarks } from './stamps';

export interface DocumentWeights {
  zhUnitWeight: (key: string) => number;
  enTokenWeight: (id: number) => number;
}

export function documentWeights(zh: ZhSentence[], en: EnSentence[]): DocumentWeights {
  // Each key's document frequency, and the sentence it was last counted in: a word repeated in one sentence
  // counts once.
  const zhSlots = new Map<string, number>();
  const zhDf: number[] = [];
  const countedIn: number[] = [];
  zh.forEach((sentence, index) => {
    for (const { key } of sentence.units) {
      let slot = zhSlots.get(key);
      if (slot === undefined) {
        zhSlots.set(key, (slot = zhDf.length));
        zhDf.push(0);
        countedIn.push(-1);
      }
      if (countedIn[slot] === index) continue;
      countedIn[slot] = index;
      zhDf[slot]! += 1;
    }
  });
  // Token ids are the document's vocabulary numbers, dense from 0: counted in an array, not a Map.
  let maxId = -1;
  for (const sentence of en) for (const id of sentence.tokens) if (id > maxId) maxId = id;
  const enDf = new Int32Array(maxId + 1);
  for (const sentence of en) for (const id of sentence.tokens) enDf[id]! += 1;
  const zhCount = Math.max(zh.length, 1);
  const enCount = Math.max(en.length, 1);
  const zhWeights = zhDf.map((df) => Math.log(1 + zhCount / df));
  const unseenZhWeight = Math.log(1 + zhCount);
  const unseenEnWeight = Math.log(1 + enCount);
  return {
    zhUnitWeight: (key) => {
      const slot = zhSlots.get(key);
      return slot === undefined ? unseenZhWeight : zhWeights[slot]!;
    },
    enTokenWeight: (id) => (id <= maxId && enDf[id]! > 0 ? Math.log(1 + enCount / enDf[id]!) : unseenEnWeight),
  };
}

/** Per-sentence prepared data: weights resolved once. */
export interface PreparedZh {
  units: Array<{ translations: readonly number[]; weight: number; optional: boolean }>;
  /** Total weight of required units: the denominator of coverage. */
  total: number;
  /** Translation id → the units that may be rendered by it. */
  unitsByTranslation: TranslationTable;
  length: number;
  clauses: number;
  /** Whether the sentence ends at a comma, a colon or a semicolon: no bead goes on past it (see features' endsOpen). */
  endsOpen: boolean;
  /** The paragraph (block) the sentence stands in, where the page says so; 0 otherwise. */
  paragraph: number;
  /** Whether a quotation is still open after the sentence (see quotationOpenAfter). */
  quotationOpen: boolean;
}

/** Where a sentence stands in its document. */
export interface SentencePlace {
  paragraph: number;
  quotationOpen: boolean;
}

export interface PreparedEn {
  weighted: Array<{ id: number; weight: number; optional: boolean }>;
  total: number;
  length: number;
  clauses: number;
  /** The paragraph (block) the sentence stands in, where the page says so; 0 otherwise. */
  paragraph: number;
  /** Whether a quotation is still open after the sentence (see quotationOpenAfter). */
  quotationOpen: boolean;
}

/**
 * The ids a table being built has entries for, and where each id's latest entry stands (valid where marked), by id:
 * ids are a document's vocabulary numbers, dense from 0. A table is built for every sentence, and a Map per build
 * cost more than the rest of the build.
 */
const entered = new StampedMarks();
let latestSlot = new Int32Array(1024);

/**
 * Which units of a Chinese sentence an English token id may render: an open-addressing hash table of (id, unit)
 * entries in one typed array. Every sentence needs one and every pair of sentences looks up in it, and Maps of
 * arrays cost more to build than the lookups they serve.
 */
export class TranslationTable {
  /** The distinct ids, in the order their first unit comes. */
  readonly ids: number[] = [];
  /** Entry at slot s: id + 1 at 2s (0 marks an empty slot), unit at 2s + 1; one id's units follow in unit order. */
  readonly entries: Int32Array;
  readonly shift: number;
  readonly mask: number;
  constructor(units: Array<{ translations: readonly number[] }>) {
    let count = 0;
    let maxId = 0;
    for (const unit of units) {
      count += unit.translations.length;
      for (const id of unit.translations) if (id > maxId) maxId = id;
    }
    const bits = Math.max(3, 32 - Math.clz32(count + (count >> 1)));
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.entries = new Int32Array(2 << bits);
    // A new entry goes in the first free slot after its id's latest one, since every slot from the id's own slot
    // up to there is taken. Probing from the id's own slot each time instead walks all its earlier entries, which is
    // quadratic where one word repeats thousands of times in a sentence (a page's 50,000 的 without a stop took
    // 106 s to align).
    entered.startPass(maxId + 1);
    if (latestSlot.length <= maxId) latestSlot = new Int32Array(2 * (maxId + 1));
    units.forEach((unit, index) => {
      for (const id of unit.translations) this.add(id, index);
    });
  }
  /** The slot the probe for `id` starts at (Fibonacci hashing). */
  slotOf(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> this.shift;
  }
  /** Units come in order, so the same unit again can only be the id's latest entry. */
  private add(id: number, unit: number): void {
    const seen = entered.isMarked(id);
    const last = latestSlot[id]!;
    if (seen && this.entries[2 * last + 1] === unit) return;
    let slot = seen ? (last + 1) & this.mask : this.slotOf(id);
    while (this.entries[2 * slot] !== 0) slot = (slot + 1) & this.mask;
    this.entries[2 * slot] = id + 1;
    this.entries[2 * slot + 1] = unit;
    latestSlot[id] = slot;
    entered.mark(id);
    if (!seen) this.ids.push(id);
  }
}

export function prepareZh(sentence: ZhSentence, weights: DocumentWeights, place: SentencePlace): PreparedZh {
  const units = sentence.units.map((u) => ({ translations: u.translations, weight: weights.zhUnitWeight(u.key), optional: u.optional }));
  const total = units.reduce((sum, u) => (u.optional ? sum : sum + u.weight), 0);
  return { units, total, unitsByTranslation: new TranslationTable(units), length: sentence.length, clauses: sentence.clauses, endsOpen: sentence.endsOpen, ...place };
}

export function prepareEn(sentence: EnSentence, weights: DocumentWeights, place: SentencePlace): PreparedEn {
  const weighted = sentence.tokens.map((id) => ({ id, weight: weights.enTokenWeight(id), optional: sentence.optional.has(id) }));
  const total = weighted.reduce((sum, t) => (t.optional ? sum : sum + t.weight), 0);
  return { weighted, total, length: sentence.length, clauses: sentence.clauses, ...place };
}

/**
 * What `matchPair` found for a pair of sentences: how much of each side's weight matched, and the weight of the optional
 * evidence that matched (names, question marks), added to both sides. One object, overwritten by every call: the
 * aligner matches tens of thousands of pairs a document, and an object for each was most of its garbage.
 */
export const pairMatch = { zhMatched: 0, enMatched: 0, bonus: 0, unitEnd: 0, tokenEnd: 0 };

/**
 * Matches a Chinese sentence with an English one. The indices of the Chinese units that matched are written to
 * `units` from `unitAt` on, and those of the English tokens (not optional) to `tokens` from `tokenAt` on, each once;
 * `pairMatch.unitEnd` and `tokenEnd` say where they stop. `units` needs room for every unit of the sentence and
 * `tokens` for every token.
 */
export function matchPair(zh: PreparedZh, en: PreparedEn, units: Int32Array, unitAt: number, tokens: Int32Array, tokenAt: number): typeof pairMatch {
  let zhMatched = 0;
  let enMatched = 0;
  let bonus = 0;
  let unitEnd = unitAt;
  let tokenEnd = tokenAt;
  // Walk the English tokens (few) rather than every translation of every Chinese unit (many).
  const weighted = en.weighted;
  const table = zh.unitsByTranslation;
  const entries = table.entries;
  for (let index = 0; index < weighted.length; index += 1) {
    const token = weighted[index]!;
    const key = token.id + 1;
    let found = false;
    for (let slot = table.slotOf(token.id); entries[2 * slot] !== 0; slot = (slot + 1) & table.mask) {
      if (entries[2 * slot] !== key) continue;
      if (!found) {
        found = true;
        if (!token.optional) {
          enMatched += token.weight;
          tokens[tokenEnd++] = index;
        }
      }
      const unit = entries[2 * slot + 1]!;
      let seen = false;
      for (let k = unitAt; k < unitEnd && !seen; k += 1) seen = units[k] === unit;
      if (seen) continue;
      units[unitEnd++] = unit;
      const u = zh.units[unit]!;
      if (u.optional) bonus += u.weight;
      else zhMatched += u.weight;
    }
  }
  pairMatch.zhMatched = zhMatched;
  pairMatch.enMatched = enMatched;
  pairMatch.bonus = bonus;
  pairMatch.unitEnd = unitEnd;
  pairMatch.tokenEnd = tokenEnd;
  return pairMatch;
}

let scratchUnits = new Int32Array(64);
let scratchTokens = new Int32Array(64);

/** `matchPair` where only the sums are wanted. */
export function matchSums(zh: PreparedZh, en: PreparedEn): typeof pairMatch {
  if (scratchUnits.length < zh.units.length) scratchUnits = new Int32Array(2 * zh.units.length);
  if (scratchTokens.length < en.weighted.length) scratchTokens = new Int32Array(2 * en.weighted.length);
  return matchPair(zh, en, scratchUnits, 0, scratchTokens, 0);
}

/** Share of a side's weight that found a counterpart, optional evidence counted on top of it. */
export function coverage(matched: number, total: number, bonus: number): number {
  return (matched + bonus) / (total + bonus || 1);
}

/** Harmonic mean of the two coverages, with optional evidence counted on both sides. */
export function coverageSimilarity(zhMatched: number, zhTotal: number, enMatched: number, enTotal: number, bonus: number): number {
  const zhCoverage = coverage(zhMatched, zhTotal, bonus);
  const enCoverage = coverage(enMatched, enTotal, bonus);
  return zhCoverage + enCoverage > 0 ? (2 * zhCoverage * enCoverage) / (zhCoverage + enCoverage) : 0;
}

/**
 * How much of one of the two sentences the other renders, the larger share: within a caption the sentences
 * overlap rather than translate each other whole (one version's description holds the date and place that the
 * other states in a sentence of its own), so a sentence is paired with the one that renders most of it.
 */
export function containment(zh: PreparedZh, en: PreparedEn): number {
  const { zhMatched, enMatched, bonus } = matchSums(zh, en);
  return Math.max(coverage(zhMatched, zh.total, bonus), coverage(enMatched, en.total, bonus));
}
