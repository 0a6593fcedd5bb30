import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bead } from '../../../utils/align/types';
import { combine, countDocument, mergeWithinVerses } from '../../../utils/eval/score';
import { runsOnlyIf } from '../../skips';

const gold: Bead[] = [[[0], [0]], [[1, 2], [1]], [[3], []], [[], [2]], [[4], [3, 4]]];

describe('scorer', () => {
  it('scores a perfect prediction 1 everywhere', () => {
    const scores = combine([countDocument(gold, gold)]);
    expect(scores.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scores.lax.f1).toBe(1);
  });

  it('counts strict and lax hits as Vecalign does', () => {
    const predicted: Bead[] = [[[0], [0]], [[1], [1]], [[2], []], [[3], []], [[], [2]], [[4], [3]], [[], [4]]];
    const scores = combine([countDocument(gold, predicted)]);
    // Precision over 7 predicted beads: strict hits [0]-[0], [3]-[], []-[2]; lax adds [1]-[1] and [4]-[3].
    expect(scores.strict.precision).toBeCloseTo(3 / 7);
    expect(scores.lax.precision).toBeCloseTo(5 / 7);
    // Recall over the 3 gold beads with two sides: only [0]-[0] strictly; all three laxly.
    expect(scores.strict.recall).toBeCloseTo(1 / 3);
    expect(scores.lax.recall).toBeCloseTo(1);
  });

  it('merges predicted beads within one verse', () => {
    expect(mergeWithinVerses([[[0], [0]], [[1], [1]], [[2], [2]]], ['a', 'a', 'b'], ['a', 'a', 'b'])).toEqual([
      [[0, 1], [0, 1]],
      [[2], [2]],
    ]);
  });

  const shared = path.resolve(__dirname, '../../../../shared');
  const reference = path.join(shared, 'tools/score.mjs');
  // A checkout with no ../shared beside it at all (a machine without the project's data) cannot run this test, and says
  // so; a ../shared without its scorer is a broken setup, which CI must not accept.
  const sharedMissing = !existsSync(shared);
  const referenceMissing = sharedMissing ? 'no ../shared beside this checkout' : 'no ../shared/tools/score.mjs on this machine';
  it('agrees with the reference scorer in ../shared to the third decimal', runsOnlyIf(existsSync(reference), referenceMissing, { acceptedInCi: sharedMissing }), async () => {
    const { score } = (await import(pathToFileURL(reference).href)) as {
      score(golds: Bead[][], preds: Bead[][]): Record<string, number>;
    };
    // Random predictions around the gold: shifted, merged and split beads.
    let state = 7;
    const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const golds: Bead[][] = [];
    const preds: Bead[][] = [];
    for (let doc = 0; doc < 20; doc += 1) {
      const g: Bead[] = [];
      const p: Bead[] = [];
      let i = 0;
      let j = 0;
      for (let k = 0; k < 30; k += 1) {
        const a = Math.floor(rand() * 3);
        const b = Math.floor(rand() * 3) || (a === 0 ? 1 : 0);
        g.push([[...Array(a).keys()].map((x) => x + i), [...Array(b).keys()].map((x) => x + j)]);
        if (rand() < 0.6) p.push(g[g.length - 1]!);
        else p.push(...([[[...Array(a).keys()].map((x) => x + i), []], [[], [...Array(b).keys()].map((x) => x + j)]] as Bead[]));
        i += a;
        j += b;
      }
      golds.push(g);
      preds.push(p);
    }
    const ours = combine(golds.map((g, d) => countDocument(g, preds[d]!)));
    const theirs = score(golds, preds);
    expect(ours.strict.f1).toBeCloseTo(theirs.f1_strict!, 3);
    expect(ours.lax.f1).toBeCloseTo(theirs.f1_lax!, 3);
    expect(ours.strict.precision).toBeCloseTo(theirs.precision_strict!, 3);
    expect(ours.lax.recall).toBeCloseTo(theirs.recall_lax!, 3);
    expect(ours.exact.f1).toBeCloseTo(theirs.f1_exact!, 3);
  });
});
