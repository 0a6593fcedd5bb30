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
  const enDf = new Map<number, number>();
  for (const sentence of en) for (const id of sentence.tokens) enDf.set(id, (enDf.get(id) ?? 0) + 1);
  const zhCount = Math.max(zh.length, 1);
  const enCount = Math.max(en.length, 1);
  return {
    zhUnitWeight: (key) => {
      const slot = zhSlots.get(key);
      return Math.log(1 + zhCount / (slot === undefined ? 1 : zhDf[slot]!));
    },
    enTokenWeight: (id) => Math.log(1 + enCount / (enDf.get(id) ?? 1)),
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
  tokens: Set<number>;
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
    for (const unit of units) count += unit.translations.length;
    const bits = Math.max(3, 32 - Math.clz32(count + (count >> 1)));
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.entries = new Int32Array(2 << bits);
    // Where each id's latest entry stands: a new one goes in the first free slot after it, since every slot from
    // the id's own slot up to there is taken. Probing from the id's own slot each time instead walks all its earlier
    // entries, which is quadratic where one word repeats thousands of times in a sentence (a page's 50,000 的
    // without a stop took 106 s to align).
    const latest = new Map<number, number>();
    units.forEach((unit, index) => {
      for (const id of unit.translations) this.add(id, index, latest);
    });
  }
  /** The slot the probe for `id` starts at (Fibonacci hashing). */
  slotOf(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> this.shift;
  }
  /** Units come in order, so the same unit again can only be the id's latest entry. */
  private add(id: number, unit: number, latest: Map<number, number>): void {
    const last = latest.get(id);
    if (last !== undefined && this.entries[2 * last + 1] === unit) return;
    let slot = last === undefined ? this.slotOf(id) : (last + 1) & this.mask;
    while (this.entries[2 * slot] !== 0) slot = (slot + 1) & this.mask;
    this.entries[2 * slot] = id + 1;
    this.entries[2 * slot + 1] = unit;
    latest.set(id, slot);
    if (last === undefined) this.ids.push(id);
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
  return { tokens: new Set(sentence.tokens), weighted, total, length: sentence.length, clauses: sentence.clauses, ...place };
}

export interface PairEvidence {
  zhMatched: number;
  enMatched: number;
  /** Weight of optional evidence that matched (names, question marks), added to both sides. */
  bonus: number;
  /** Which units of the Chinese sentence and which tokens of the English one matched, for merged beads. */
  zhUnits: readonly number[];
  enTokens: readonly number[];
}

/** The evidence of the many pairs that share nothing, one object for all of them. */
const NO_MATCH: PairEvidence = Object.freeze({ zhMatched: 0, enMatched: 0, bonus: 0, zhUnits: [], enTokens: [] });

export function pairEvidence(zh: PreparedZh, en: PreparedEn): PairEvidence {
  let zhMatched = 0;
  let enMatched = 0;
  let bonus = 0;
  let zhUnits: number[] | null = null;
  let enTokens: number[] | null = null;
  // Walk the English tokens (few) rather than every translation of every Chinese unit (many).
  const tokens = en.weighted;
  const table = zh.unitsByTranslation;
  const entries = table.entries;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const key = token.id + 1;
    let found = false;
    for (let slot = table.slotOf(token.id); entries[2 * slot] !== 0; slot = (slot + 1) & table.mask) {
      if (entries[2 * slot] !== key) continue;
      if (!found) {
        found = true;
        if (!token.optional) {
          enMatched += token.weight;
          (enTokens ??= []).push(index);
        }
      }
      const unit = entries[2 * slot + 1]!;
      zhUnits ??= [];
      if (zhUnits.includes(unit)) continue;
      zhUnits.push(unit);
      const u = zh.units[unit]!;
      if (u.optional) bonus += u.weight;
      else zhMatched += u.weight;
    }
  }
  if (!zhUnits) return NO_MATCH;
  return { zhMatched, enMatched, bonus, zhUnits, enTokens: enTokens ?? [] };
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
  const { zhMatched, enMatched, bonus } = pairEvidence(zh, en);
  return Math.max(coverage(zhMatched, zh.total, bonus), coverage(enMatched, en.total, bonus));
}
