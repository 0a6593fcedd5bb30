/**
 * What the side panel shows of a tab's alignment, as plain data: one row per bead in document order, what kind of
 * row it is, the map of the article drawn from those kinds, and the search over both languages.
 */
import type { TabAlignment } from './tab-alignments';

/** Below this score a pair is shown as uncertain: the tooltip's threshold, so both views agree. */
export const LOW_CONFIDENCE = 0.3;

/** An omission is a Chinese sentence with no English counterpart; an addition, the other way round. */
export type RowKind = 'matched' | 'low' | 'omission' | 'addition';

export interface PanelRow {
  /** The bead's index in the alignment, which is also its place in the document. */
  bead: number;
  zh: number[];
  en: number[];
  score: number;
  kind: RowKind;
}

export function panelRows(alignment: TabAlignment): PanelRow[] {
  return alignment.result.beads.map(([zh, en], bead) => {
    const score = alignment.result.scores[bead] ?? 0;
    const kind: RowKind = en.length === 0 ? 'omission' : zh.length === 0 ? 'addition' : score < LOW_CONFIDENCE ? 'low' : 'matched';
    return { bead, zh, en, score, kind };
  });
}

export type RowFilter = 'all' | 'unmatched' | 'low';

export function passesFilter(row: PanelRow, filter: RowFilter): boolean {
  if (filter === 'unmatched') return row.kind === 'omission' || row.kind === 'addition';
  if (filter === 'low') return row.kind === 'low';
  return true;
}

/** The text of a bead's sides as the panel shows them: Chinese sentences run on, English ones take a space. */
export function beadText(alignment: Pick<TabAlignment, 'zh' | 'en'>, row: Pick<PanelRow, 'zh' | 'en'>): { zh: string; en: string } {
  return { zh: row.zh.map((i) => alignment.zh[i] ?? '').join(''), en: row.en.map((j) => alignment.en[j] ?? '').join(' ') };
}

/** The map's three shades: omissions and additions alike are unmatched there. */
export type MapKind = 'matched' | 'low' | 'unmatched';

export function mapKindOf(kind: RowKind): MapKind {
  return kind === 'omission' || kind === 'addition' ? 'unmatched' : kind;
}

const SEVERITY: Record<MapKind, number> = { matched: 0, low: 1, unmatched: 2 };

/**
 * A strip a few hundred pixels tall cannot give each of 2,000 beads a line, so the article is cut into at most this
 * many slices, each shaded as its most doubtful bead: a single unmatched sentence still shows.
 */
export const MAP_SLICES = 300;

export interface MapStretch {
  kind: MapKind;
  /** Where the stretch starts and ends along the article, from 0 to 1. */
  from: number;
  to: number;
}

export interface ArticleMap {
  stretches: MapStretch[];
  /** The shade of each slice, for finding the bead under a click. */
  sliceKinds: MapKind[];
  rows: number;
}

function sliceBounds(rows: number, slices: number, slice: number): [number, number] {
  return [Math.floor((slice * rows) / slices), Math.floor(((slice + 1) * rows) / slices)];
}

export function articleMap(rows: readonly PanelRow[], maxSlices = MAP_SLICES): ArticleMap {
  const slices = Math.min(rows.length, maxSlices);
  const sliceKinds: MapKind[] = [];
  for (let slice = 0; slice < slices; slice += 1) {
    const [start, end] = sliceBounds(rows.length, slices, slice);
    let kind: MapKind = 'matched';
    for (let k = start; k < end; k += 1) {
      const rowKind = mapKindOf(rows[k]!.kind);
      if (SEVERITY[rowKind] > SEVERITY[kind]) kind = rowKind;
    }
    sliceKinds.push(kind);
  }
  const stretches: MapStretch[] = [];
  sliceKinds.forEach((kind, slice) => {
    const last = stretches.at(-1);
    if (last && last.kind === kind) last.to = (slice + 1) / slices;
    else stretches.push({ kind, from: slice / slices, to: (slice + 1) / slices });
  });
  return { stretches, sliceKinds, rows: rows.length };
}

/**
 * The row a click at `fraction` along the map lands on: within the slice under the pointer, the first row of the
 * slice's shade, so clicking a red mark lands on the unmatched sentence rather than on its matched neighbour.
 */
export function rowAtMapFraction(map: ArticleMap, rows: readonly PanelRow[], fraction: number): number {
  if (rows.length === 0) return -1;
  const slices = map.sliceKinds.length;
  const slice = Math.min(slices - 1, Math.max(0, Math.floor(fraction * slices)));
  const [start, end] = sliceBounds(rows.length, slices, slice);
  for (let k = start; k < end; k += 1) if (mapKindOf(rows[k]!.kind) === map.sliceKinds[slice]) return k;
  return start;
}

/** The CSS gradient that paints the map's stretches along `direction`. */
export function mapGradient(map: ArticleMap, colors: Record<MapKind, string>, direction = 'to bottom'): string {
  if (map.stretches.length === 0) return 'none';
  const stops = map.stretches.map((s) => `${colors[s.kind]} ${(s.from * 100).toFixed(2)}% ${(s.to * 100).toFixed(2)}%`);
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

let toSimplified: ((text: string) => string) | undefined;

/**
 * Loads the Traditional-to-Simplified converter for search. Its tables are a tenth of a megabyte of script, which
 * the panel would otherwise evaluate before its first paint: it is fetched on the first search instead.
 */
export async function loadScriptFolding(): Promise<void> {
  const OpenCC = await import('opencc-js/t2cn');
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
}

/**
 * Text as search compares it: without case, width or white space, and, once `loadScriptFolding` is done, in
 * Simplified characters, so that a query typed in either script, or with spaces where a line broke, finds the sentence.
 */
export function searchKey(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return toSimplified ? toSimplified(folded) : folded;
}

/** The rows whose Chinese or English contains the query, by `searchKey`; every row for an empty query. */
export function searchRows(rows: readonly PanelRow[], keys: ReadonlyMap<number, string>, query: string): PanelRow[] {
  const needle = searchKey(query);
  if (needle === '') return [...rows];
  return rows.filter((row) => keys.get(row.bead)?.includes(needle));
}

/** Each bead's search key, both sides together (a separator no query can contain keeps a match from spanning them). */
export function searchKeys(alignment: Pick<TabAlignment, 'zh' | 'en'>, rows: readonly PanelRow[]): Map<number, string> {
  return new Map(
    rows.map((row) => {
      const { zh, en } = beadText(alignment, row);
      return [row.bead, `${searchKey(zh)}\u0000${searchKey(en)}`];
    }),
  );
}

/** The row holding any of the hovered sentences, or -1. */
export function rowOfSentences(rows: readonly PanelRow[], zh: readonly number[], en: readonly number[]): number {
  return rows.findIndex((row) => row.zh.some((i) => zh.includes(i)) || row.en.some((j) => en.includes(j)));
}
