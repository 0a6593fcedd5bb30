/**
 * One reading of the page: the bilingual article found in it, its alignment, and the hover behaviour over it.
 * A new session replaces the old one whenever the page changes; answers that arrive for an old session are
 * dropped, so stale pairs never show on a new page.
 */
import type { AlignResult, Bead } from '../align/types';
import { sentenceAtPoint, type HoverSide } from '../page/hit-test';
import type { BilingualPage, PageSentence, Side } from '../page/types';
import type { TooltipContent, TooltipPlacement } from '@/components/Tooltip';
import { clearHighlights, COUNTERPART_HIGHLIGHT, HOVERED_HIGHLIGHT, setHighlight } from './highlights';

export interface HoverView {
  show(content: TooltipContent, placement: TooltipPlacement): void;
  hide(): void;
}

const GAP = 10;
const MAX_WIDTH = 460;

export class AlignedPage {
  /** For each side, sentence index → bead index (in `result`, or in `altResult` for the other Chinese version). */
  private readonly beadOf: Record<HoverSide, number[]> = { zh: [], en: [], zhAlt: [] };
  private hovered: { side: HoverSide; index: number } | null = null;

  constructor(
    readonly page: BilingualPage,
    readonly result: AlignResult,
    /** The other Chinese version's alignment to the English, where the page has one. */
    private readonly altResult: AlignResult | null,
    private readonly view: HoverView,
    private readonly options: { highlightCounterpart: boolean },
  ) {
    result.beads.forEach(([zh, en], bead) => {
      zh.forEach((i) => (this.beadOf.zh[i] = bead));
      en.forEach((j) => (this.beadOf.en[j] = bead));
    });
    altResult?.beads.forEach(([zh], bead) => zh.forEach((i) => (this.beadOf.zhAlt[i] = bead)));
  }

  private resultOf(side: HoverSide): AlignResult | null {
    return side === 'zhAlt' ? this.altResult : this.result;
  }

  beadAt(side: HoverSide, index: number): Bead | undefined {
    const bead = this.beadOf[side][index];
    return bead === undefined ? undefined : this.resultOf(side)?.beads[bead];
  }

  private sentencesOf(side: HoverSide): PageSentence[] {
    return side === 'zhAlt' ? (this.page.zhAlt?.sentences ?? []) : this.page[side].sentences;
  }

  private rangesOf(side: HoverSide, indices: number[]): Range[] {
    const sentences = this.sentencesOf(side);
    return indices.flatMap((i) => sentences[i]?.ranges ?? []);
  }

  /** Pointer moved to (x, y): show the counterpart of the sentence there, or hide. */
  pointAt(x: number, y: number): void {
    const hit = sentenceAtPoint(this.page, x, y, this.page.shadowRoots);
    if (hit && this.hovered && hit.side === this.hovered.side && hit.index === this.hovered.index) return;
    this.hovered = hit;
    if (!hit) {
      this.clear();
      return;
    }
    const bead = this.beadAt(hit.side, hit.index);
    // Either Chinese version is shown the English; the English is shown the paired Chinese version.
    const chinese = hit.side !== 'en';
    const other: Side = chinese ? 'en' : 'zh';
    const own = bead ? bead[chinese ? 0 : 1] : [hit.index];
    const counterpart = bead ? bead[chinese ? 1 : 0] : [];
    setHighlight(HOVERED_HIGHLIGHT, this.rangesOf(hit.side, own));
    setHighlight(COUNTERPART_HIGHLIGHT, this.options.highlightCounterpart ? this.rangesOf(other, counterpart) : []);
    const beadIndex = this.beadOf[hit.side][hit.index];
    this.view.show(
      {
        hoveredSide: chinese ? 'zh' : 'en',
        counterpart: counterpart.map((i) => this.page[other].sentences[i]!.text),
        zhScript: this.page.zhScript,
        shape: bead ? [bead[0].length, bead[1].length] : [chinese ? 1 : 0, chinese ? 0 : 1],
        confidence: beadIndex === undefined ? 0 : (this.resultOf(hit.side)?.scores[beadIndex] ?? 0),
      },
      this.placeNear(this.rangesOf(hit.side, [hit.index]), y),
    );
  }

  /** Below the hovered line of the sentence, or above it when there is no room below. */
  private placeNear(ranges: Range[], pointerY: number): TooltipPlacement {
    const rects = ranges.flatMap((r) => [...r.getClientRects()]);
    const line = rects.find((r) => pointerY >= r.top && pointerY <= r.bottom) ?? rects[0];
    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = document.documentElement.clientHeight;
    const maxWidth = Math.min(MAX_WIDTH, viewportWidth - 2 * GAP);
    const left = Math.max(GAP, Math.min((line?.left ?? GAP), viewportWidth - maxWidth - GAP));
    const below = (line?.bottom ?? pointerY) + GAP;
    const top = below + 160 < viewportHeight ? below : Math.max(GAP, (line?.top ?? pointerY) - GAP - 160);
    return { left, top, maxWidth };
  }

  /** Scrolls the bead into view and highlights it, for the side panel. */
  reveal(zh: number[], en: number[]): boolean {
    const target = this.rangesOf('zh', zh)[0] ?? this.rangesOf('en', en)[0];
    if (!target) return false;
    const element = target.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setHighlight(HOVERED_HIGHLIGHT, this.rangesOf('zh', zh));
    setHighlight(COUNTERPART_HIGHLIGHT, this.rangesOf('en', en));
    return true;
  }

  clear(): void {
    this.hovered = null;
    clearHighlights();
    this.view.hide();
  }
}
