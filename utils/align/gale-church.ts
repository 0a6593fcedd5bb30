/**
 * The Gale-Church (1993) length-based aligner, as a baseline for the benchmarks: a dynamic program over 1-1, 1-0,
 * 0-1, 2-1, 1-2 and 2-2 beads whose cost is the improbability of the length difference under a normal model,
 * plus the classic prior of each bead type. Like the original it searches the whole table, so it is for
 * comparison on documents of modest length only.
 */
import type { AlignRequest, AlignResult, Bead } from './types';

const PRIORS: Array<[zh: number, en: number, probability: number]> = [
  [1, 1, 0.89],
  [1, 0, 0.0099],
  [0, 1, 0.0099],
  [2, 1, 0.089],
  [1, 2, 0.089],
  [2, 2, 0.011],
];
const VARIANCE = 6.8;

function length(text: string): number {
  let count = 0;
  for (const char of text) if (/[\p{L}\p{N}]/u.test(char)) count += 1;
  return count;
}

/** −log of the probability that a source of length `zh` is rendered with length `en`. */
function lengthCost(zh: number, en: number, ratio: number): number {
  if (zh === 0 && en === 0) return 0;
  const mean = (zh + en / ratio) / 2;
  const z = Math.abs((ratio * zh - en) / Math.sqrt(ratio * VARIANCE * Math.max(mean, 1)));
  // Two-tailed normal probability, through the complementary error function.
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return -Math.log(Math.max(erfc, 1e-300));
}

export function alignGaleChurch(request: AlignRequest): AlignResult {
  const zh = request.zh.sentences.map(length);
  const en = request.en.sentences.map(length);
  const n = zh.length;
  const m = en.length;
  const totalZh = zh.reduce((a, b) => a + b, 0);
  const totalEn = en.reduce((a, b) => a + b, 0);
  const ratio = totalZh > 0 && totalEn > 0 ? totalEn / totalZh : 1;
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const back = new Int8Array((n + 1) * (m + 1)).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let choice = -1;
      PRIORS.forEach(([a, b, prior], k) => {
        if (i < a || j < b) return;
        const previous = cost[(i - a) * (m + 1) + (j - b)]!;
        if (previous === Infinity) return;
        let zhLength = 0;
        for (let x = i - a; x < i; x += 1) zhLength += zh[x]!;
        let enLength = 0;
        for (let y = j - b; y < j; y += 1) enLength += en[y]!;
        const total = previous - Math.log(prior) + lengthCost(zhLength, enLength, ratio);
        if (total < best) {
          best = total;
          choice = k;
        }
      });
      cost[i * (m + 1) + j] = best;
      back[i * (m + 1) + j] = choice;
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [a, b] = PRIORS[back[i * (m + 1) + j]!]!;
    beads.push([[...Array(a).keys()].map((x) => i - a + x), [...Array(b).keys()].map((y) => j - b + y)]);
    i -= a;
    j -= b;
  }
  beads.reverse();
  return { beads, scores: beads.map(() => 0) };
}
