import { describe, expect, it } from 'vitest';
import { articleMap, loadScriptFolding, mapGradient, panelRows, rowAtMapFraction, rowOfSentences, searchKey, type PanelRow } from '../../../utils/extension/article-map';
import type { TabAlignment } from '../../../utils/extension/tab-alignments';

const rowsOf = (kinds: PanelRow['kind'][]): PanelRow[] => kinds.map((kind, bead) => ({ bead, zh: [bead], en: [bead], score: 1, kind }));

describe('panel rows', () => {
  it('names each bead by what the reader should know of it', () => {
    const alignment = {
      zh: [],
      en: [],
      result: { beads: [[[0], [0]], [[1], [1]], [[2], []], [[], [2]]], scores: [0.3, 0.29, 0, 0] },
    } as unknown as TabAlignment;
    expect(panelRows(alignment).map((row) => row.kind)).toEqual(['matched', 'low', 'omission', 'addition']);
  });

  it('finds the row holding a hovered sentence', () => {
    const rows: PanelRow[] = [
      { bead: 0, zh: [0, 1], en: [0], score: 1, kind: 'matched' },
      { bead: 1, zh: [], en: [1], score: 0, kind: 'addition' },
    ];
    expect(rowOfSentences(rows, [1], [])).toBe(0);
    expect(rowOfSentences(rows, [], [1])).toBe(1);
    expect(rowOfSentences(rows, [7], [])).toBe(-1);
  });
});

describe('the map of the article', () => {
  it('joins neighbouring beads of one shade into stretches', () => {
    const map = articleMap(rowsOf(['matched', 'matched', 'low', 'omission', 'addition']));
    expect(map.stretches).toEqual([
      { kind: 'matched', from: 0, to: 0.4 },
      { kind: 'low', from: 0.4, to: 0.6 },
      { kind: 'unmatched', from: 0.6, to: 1 },
    ]);
    expect(mapGradient(map, { matched: 'green', low: 'amber', unmatched: 'red' })).toBe(
      'linear-gradient(to bottom, green 0.00% 40.00%, amber 40.00% 60.00%, red 60.00% 100.00%)',
    );
  });

  it('keeps a lone unmatched sentence visible in a long article, and a click on it lands on it', () => {
    const kinds: PanelRow['kind'][] = Array.from({ length: 2_000 }, () => 'matched');
    kinds[1_234] = 'omission';
    const rows = rowsOf(kinds);
    const map = articleMap(rows, 300);
    expect(map.sliceKinds).toHaveLength(300);
    const red = map.stretches.find((s) => s.kind === 'unmatched')!;
    expect(red.to - red.from).toBeCloseTo(1 / 300);
    expect(rowAtMapFraction(map, rows, (red.from + red.to) / 2)).toBe(1_234);
    expect(rowAtMapFraction(map, rows, 0)).toBe(0);
    expect(rowAtMapFraction(map, rows, 1)).toBeGreaterThan(1_990);
    expect(rowAtMapFraction(articleMap([]), [], 0.5)).toBe(-1);
  });
});

describe('search keys', () => {
  it('ignore case, width, white space and the Chinese script', async () => {
    await loadScriptFolding();
    expect(searchKey(' Two  AND\nthree ')).toBe('twoandthree');
    expect(searchKey('ＡＢＣ')).toBe('abc');
    expect(searchKey('兩個國家')).toBe(searchKey('两个国家'));
  });
});
