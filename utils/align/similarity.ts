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
  const zhDf = new Map<string, number>();
  for (const sentence of zh) {
    for (const key of new Set(sentence.units.map((u) => u.key))) zhDf.set(key, (zhDf.get(key) ?? 0) + 1);
  }
  const enDf = new Map<number, number>();
  for (const sentence of en) for (const id of sentence.tokens) enDf.set(id, (enDf.get(id) ?? 0) + 1);
  const zhCount = Math.max(zh.length, 1);
  const enCount = Math.max(en.length, 1);
  return {
    zhUnitWeight: (key) => Math.log(1 + zhCount / (zhDf.get(key) ?? 1)),
    enTokenWeight: (id) => Math.log(1 + enCount / (enDf.get(id) ?? 1)),
  };
}

/** Per-sentence prepared data: weights resolved once. */
export interface PreparedZh {
  units: Array<{ translations: readonly number[]; weight: number; optional: boolean }>;
  /** Total weight of required units: the denominator of coverage. */
  total: number;
  /** Translation id → the units that may be rendered by it. */
  unitsByTranslation: Map<number, number[]>;
  length: number;
  clauses: number;
  /** The paragraph (block) the sentence stands in, where the page says so; 0 otherwise. */
  paragraph: number;
}

export interface PreparedEn {
  tokens: Set<number>;
  weighted: Array<{ id: number; weight: number; optional: boolean }>;
  total: number;
  length: number;
  clauses: number;
  /** The paragraph (block) the sentence stands in, where the page says so; 0 otherwise. */
  paragraph: number;
}

export function prepareZh(sentence: ZhSentence, weights: DocumentWeights, paragraph: number): PreparedZh {
  const units = sentence.units.map((u) => ({ translations: u.translations, weight: weights.zhUnitWeight(u.key), optional: u.optional }));
  const unitsByTranslation = new Map<number, number[]>();
  units.forEach((unit, index) => {
    for (const id of unit.translations) {
      const list = unitsByTranslation.get(id);
      if (!list) unitsByTranslation.set(id, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    }
  });
  const total = units.reduce((sum, u) => (u.optional ? sum : sum + u.weight), 0);
  return { units, total, unitsByTranslation, length: sentence.length, clauses: sentence.clauses, paragraph };
}

export function prepareEn(sentence: EnSentence, weights: DocumentWeights, paragraph: number): PreparedEn {
  const weighted = sentence.tokens.map((id) => ({ id, weight: weights.enTokenWeight(id), optional: sentence.optional.has(id) }));
  const total = weighted.reduce((sum, t) => (t.optional ? sum : sum + t.weight), 0);
  return { tokens: new Set(sentence.tokens), weighted, total, length: sentence.length, clauses: sentence.clauses, paragraph };
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
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const units = zh.unitsByTranslation.get(token.id);
    if (!units) continue;
    if (!token.optional) {
      enMatched += token.weight;
      (enTokens ??= []).push(index);
    }
    zhUnits ??= [];
    for (const unit of units) {
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
