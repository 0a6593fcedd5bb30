/**
 * What a reader sees when hovering every sentence of a page, scored against a gold of which sentences render
 * which: for each sentence, the token F1 of the counterparts shown against the counterparts the gold links it
 * with (Han characters, digit runs and Latin words as tokens, each counted as often as it occurs). A sentence
 * with no counterpart in the gold scores 1 when none is shown and 0 otherwise, and the other way round.
 */
import type { Bead } from '../align/types';
import type { Side } from '../page/types';
import { HAN_CLASS } from '../text/script';

export interface HoverGold {
  zh: string[];
  en: string[];
  /** Pairs of sentences that render each other, in whole or in part: [Chinese index, English index]. */
  links: Array<[number, number]>;
}

export interface HoverF1 {
  zh: number;
  en: number;
  /** Over every sentence of both sides. */
  all: number;
}

const TOKENS = new RegExp(`[${HAN_CLASS}]|\\d+|[A-Za-z]+`, 'g');

function tokens(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const token of text.toLowerCase().match(TOKENS) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Token F1 of the texts shown against the texts expected; 1 when both are empty. */
export function tokenF1(shown: string[], expected: string[]): number {
  const a = tokens(shown);
  const b = tokens(expected);
  const size = (m: Map<string, number>) => [...m.values()].reduce((sum, n) => sum + n, 0);
  const total = size(a) + size(b);
  if (total === 0) return 1;
  let overlap = 0;
  for (const [token, n] of a) overlap += Math.min(n, b.get(token) ?? 0);
  return (2 * overlap) / total;
}

/** The hover F1 of what each sentence shows (`shown[side][index]`: the texts of its counterparts) against the gold. */
export function hoverF1(gold: HoverGold, shown: Record<Side, string[][]>): HoverF1 {
  const side = (name: Side): number[] => {
    const otherTexts = name === 'zh' ? gold.en : gold.zh;
    return gold[name].map((_, index) => {
      const expected = gold.links.filter(([z, e]) => (name === 'zh' ? z : e) === index).map(([z, e]) => otherTexts[name === 'zh' ? e : z]!);
      return tokenF1(shown[name][index] ?? [], expected);
    });
  };
  const zh = side('zh');
  const en = side('en');
  const mean = (values: number[]) => (values.length === 0 ? 1 : values.reduce((sum, x) => sum + x, 0) / values.length);
  return { zh: mean(zh), en: mean(en), all: mean([...zh, ...en]) };
}

/** The hover F1 of an alignment's beads, as its tooltips would show them: each sentence shows its bead's other side. */
export function beadsHoverF1(gold: HoverGold, beads: Bead[]): HoverF1 {
  const shown: Record<Side, string[][]> = { zh: gold.zh.map(() => []), en: gold.en.map(() => []) };
  for (const [zh, en] of beads) {
    for (const i of zh) shown.zh[i] = en.map((j) => gold.en[j]!);
    for (const j of en) shown.en[j] = zh.map((i) => gold.zh[i]!);
  }
  return hoverF1(gold, shown);
}
