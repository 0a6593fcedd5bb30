import { describe, expect, it } from 'vitest';
import type { EnSentence, ZhSentence } from '../../../utils/align/features';
import { documentWeights, matchPair, prepareEn, prepareZh, TranslationTable } from '../../../utils/align/similarity';

// A small deterministic generator, so a failure can be replayed.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('the translation table of a Chinese sentence', () => {
  it('finds every unit a translation id belongs to, in unit order, each once, however the ids collide', () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const rand = random(seed);
      // Few distinct ids over many units: shared translations, repeats inside a unit, long probe chains.
      const idRange = 1 + Math.floor(rand() * 200);
      const units = Array.from({ length: Math.floor(rand() * 60) }, () => ({
        translations: Array.from({ length: Math.floor(rand() * 12) }, () => Math.floor(rand() * idRange)),
      }));
      const table = new TranslationTable(units);
      const expected = new Map<number, number[]>();
      units.forEach((unit, index) => {
        for (const id of unit.translations) {
          const list = expected.get(id) ?? [];
          if (list[list.length - 1] !== index) list.push(index);
          expected.set(id, list);
        }
      });
      expect(table.ids).toEqual([...expected.keys()]);
      for (let id = 0; id <= idRange; id += 1) {
        const found: number[] = [];
        for (let slot = table.slotOf(id); table.entries[2 * slot] !== 0; slot = (slot + 1) & table.mask) {
          if (table.entries[2 * slot] === id + 1) found.push(table.entries[2 * slot + 1]!);
        }
        expect(found).toEqual(expected.get(id) ?? []);
      }
    }
  });

  it('gives pair evidence equal to matching every unit against every token', () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const rand = random(seed);
      const zhSentence: ZhSentence = {
        units: Array.from({ length: 1 + Math.floor(rand() * 20) }, (_, k) => ({
          translations: Array.from({ length: Math.floor(rand() * 8) }, () => Math.floor(rand() * 60)),
          optional: rand() < 0.2,
          key: `w${k % 7}`,
        })),
        length: 20,
        learnable: [],
        clauses: 1,
        endsOpen: false,
      };
      const tokens = [...new Set(Array.from({ length: Math.floor(rand() * 25) }, () => Math.floor(rand() * 60)))];
      const enSentence: EnSentence = { tokens, optional: new Set(tokens.filter(() => rand() < 0.2)), length: 60, clauses: 1 };
      const weights = documentWeights([zhSentence], [enSentence]);
      const place = { paragraph: 0, quotationOpen: false };
      const zh = prepareZh(zhSentence, weights, place);
      const en = prepareEn(enSentence, weights, place);
      // Written after what is already in the arrays, as a row of pairs has it.
      const units = new Int32Array(3 + zh.units.length).fill(-1);
      const tokenIndices = new Int32Array(2 + en.weighted.length).fill(-1);
      const evidence = matchPair(zh, en, units, 3, tokenIndices, 2);
      const zhUnits = [...units.subarray(3, evidence.unitEnd)];
      const enTokens = [...tokenIndices.subarray(2, evidence.tokenEnd)];
      expect([...units.subarray(0, 3), ...units.subarray(evidence.unitEnd)].every((u) => u === -1)).toBe(true);
      expect([...tokenIndices.subarray(0, 2), ...tokenIndices.subarray(evidence.tokenEnd)].every((t) => t === -1)).toBe(true);

      const matchedUnits = zh.units.flatMap((u, index) => (u.translations.some((id) => tokens.includes(id)) ? [index] : []));
      const matchedTokens = en.weighted.flatMap((t, index) =>
        !t.optional && zh.units.some((u) => u.translations.includes(t.id)) ? [index] : [],
      );
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      expect(zhUnits.sort((a, b) => a - b)).toEqual(matchedUnits);
      expect(enTokens).toEqual(matchedTokens);
      expect(evidence.zhMatched).toBeCloseTo(sum(matchedUnits.filter((u) => !zh.units[u]!.optional).map((u) => zh.units[u]!.weight)), 9);
      expect(evidence.bonus).toBeCloseTo(sum(matchedUnits.filter((u) => zh.units[u]!.optional).map((u) => zh.units[u]!.weight)), 9);
      expect(evidence.enMatched).toBeCloseTo(sum(matchedTokens.map((t) => en.weighted[t]!.weight)), 9);
    }
  });
});
