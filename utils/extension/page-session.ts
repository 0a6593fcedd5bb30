/**
 * One reading of the page: the bilingual article found in it, its alignment, and the hover behaviour over it.
 * A new session replaces the old one whenever the page changes; answers that arrive for an old session are
 * dropped, so stale pairs never show on a new page.
 */
import type { AlignResult, Bead } from '../align/types';
import { sentenceAtPoint, type HoverSide } from '../page/hit-test';
import type { BilingualPage, PageSentence, Side } from '../page/types';
import type { TooltipActions, TooltipContent } from '@/components/Tooltip';
import type { ChineseDisplay } from '../messaging';
import { boxAround, type Box } from './tooltip-placement';
import { clearHighlights, COUNTERPART_HIGHLIGHT, HOVERED_HIGHLIGHT, setHighlight } from './highlights';

export interface HoverView {
  /** Shows the content beside the sentence (its box in the viewport): `pinned`, it stays until closed. */
  show(content: TooltipContent, sentence: Box, pinned: boolean, actions: TooltipActions): void;
  hide(): void;
}

type Hit = { side: HoverSide; index: number };
const sameHit = (a: Hit | null, b: Hit | null) => !!a && !!b && a.side === b.side && a.index === b.index;

export class AlignedPage {
  /** For each side, sentence index → bead index (in `result`, or in `altResult` for the other Chinese version). */
  private readonly beadOf: Record<HoverSide, number[]> = { zh: [], en: [], zhAlt: [] };
  private hovered: Hit | null = null;
  /** The sentence whose tooltip Escape closed. */
  private dismissed: Hit | null = null;
  private pinned = false;
  /** Whether the sentence shown was reached with the keys rather than the pointer. */
  private stepping = false;

  constructor(
    readonly page: BilingualPage,
    readonly result: AlignResult,
    /** The other Chinese version's alignment to the English, where the page has one. */
    private readonly altResult: AlignResult | null,
    private readonly view: HoverView,
    private readonly options: {
      highlightCounterpart: boolean;
      /** Told which pair is shown, by sentence indices of the pairing the side panel lists. */
      onPairShown?: (zh: number[], en: number[]) => void;
      /** The paired Chinese as the reader chose to see it, where not as on the page. */
      zhDisplay?: ChineseDisplay | null;
    },
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

  /** Pointer moved to (x, y) on the page (not over the tooltip): show the counterpart of the sentence there, or hide. */
  pointAt(x: number, y: number): void {
    if (this.pinned) return;
    this.stepping = false;
    const hit = sentenceAtPoint(this.page, x, y, this.page.shadowRoots);
    if (sameHit(hit, this.hovered)) return;
    // After Escape the tooltip stays away until the pointer reaches another sentence.
    if (sameHit(hit, this.dismissed)) return;
    this.dismissed = null;
    this.hovered = hit;
    if (!hit) {
      this.clear();
      return;
    }
    this.show(hit, false);
  }

  /**
   * Keyboard reading: the next (1) or previous (-1) sentence on the side being read, from the one shown or else
   * from the first one in view, brought into view with its counterpart shown. False when there is none further.
   */
  step(direction: 1 | -1): boolean {
    const side = this.hovered?.side ?? 'zh';
    const sentences = this.sentencesOf(side);
    let index: number;
    if (this.hovered) index = this.hovered.index + direction;
    else {
      const inView = sentences.findIndex((s) => (s.ranges[0]?.getBoundingClientRect().bottom ?? -1) > 0);
      index = inView < 0 ? 0 : inView;
    }
    if (index < 0 || index >= sentences.length) return false;
    sentences[index]!.ranges[0]?.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    this.dismissed = null;
    this.show({ side, index }, false);
    this.stepping = true;
    return true;
  }

  /** The key that shows the tooltip was let go: a hover's tooltip goes, a pinned one stays. */
  release(): void {
    if (!this.pinned) this.clear();
  }

  /** Escape: close a pinned tooltip, or hide the tooltip until the pointer moves to another sentence. */
  escape(): void {
    this.dismissed = this.pinned ? null : this.hovered;
    this.clear();
  }

  /**
   * The page scrolled: a hover's tooltip no longer stands beside its sentence and goes; one the keys brought
   * (whose step may itself have scrolled the page) moves with its sentence.
   */
  scrolled(): void {
    if (this.pinned || !this.hovered) return;
    if (this.stepping) {
      this.show(this.hovered, false);
      return;
    }
    this.hovered = null;
    this.view.hide();
  }

  /** `markCounterpart`: the counterpart is highlighted whatever the setting, as the side panel's click asks. */
  private show(hit: Hit, pinned: boolean, markCounterpart = false): void {
    const bead = this.beadAt(hit.side, hit.index);
    // A sentence in no bead is not aligned yet (a long page is aligned around the view first) or past what the worker
    // keeps of a page too long for it: nothing is known of its counterpart, so nothing is shown.
    if (!bead) {
      this.clear();
      return;
    }
    // Either Chinese version is shown the English; the English is shown the paired Chinese version.
    const chinese = hit.side !== 'en';
    const other: Side = chinese ? 'en' : 'zh';
    const own = bead[chinese ? 0 : 1];
    const counterpart = bead[chinese ? 1 : 0];
    setHighlight(HOVERED_HIGHLIGHT, this.rangesOf(hit.side, own));
    setHighlight(COUNTERPART_HIGHLIGHT, markCounterpart || this.options.highlightCounterpart ? this.rangesOf(other, counterpart) : []);
    const sentence = boxAround(this.rangesOf(hit.side, [hit.index]).flatMap((r) => [...r.getClientRects()]));
    if (!sentence) return;
    const beadIndex = this.beadOf[hit.side][hit.index];
    // The other Chinese version is not among the pairs the side panel lists.
    if (hit.side !== 'zhAlt') this.options.onPairShown?.(bead[0], bead[1]);
    this.pinned = pinned;
    this.hovered = hit;
    this.view.show(
      {
        hoveredSide: chinese ? 'zh' : 'en',
        counterpart: counterpart.map((i) => (other === 'zh' ? this.options.zhDisplay?.sentences[i] : undefined) ?? this.page[other].sentences[i]!.text),
        zhScript: this.options.zhDisplay?.script ?? this.page.zhScript,
        shape: [bead[0].length, bead[1].length],
        confidence: (beadIndex !== undefined && this.resultOf(hit.side)?.scores[beadIndex]) || 0,
      },
      sentence,
      pinned,
      {
        pin: () => this.show(hit, true, markCounterpart),
        close: () => this.clear(),
        showOnPage: () => this.showCounterpart(hit, own, counterpart),
      },
    );
  }

  /**
   * Brings a bead into view and marks both of its sides: the one the reader came from (`from`, its sentences
   * `own`) as hovered, the other as the counterpart. The page is scrolled to the first sentence of `scrollTo`.
   * Both "Show on page" in the tooltip and a click in the side panel come here. The marks are the page's
   * highlights, which a scroll does not clear (see `scrolled`): only the reader's next hover or Escape does.
   */
  private revealBead(from: HoverSide, own: number[], counterpart: number[], scrollTo: 'own' | 'counterpart'): boolean {
    const other: Side = from === 'en' ? 'zh' : 'en';
    const target = scrollTo === 'own' ? this.rangesOf(from, own)[0] : this.rangesOf(other, counterpart)[0];
    if (!target) return false;
    target.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    setHighlight(HOVERED_HIGHLIGHT, this.rangesOf(from, own));
    setHighlight(COUNTERPART_HIGHLIGHT, this.rangesOf(other, counterpart));
    return true;
  }

  /** "Show on page": the counterpart brought into view and marked; the tooltip, whose sentence scrolled away, goes. */
  private showCounterpart(hit: Hit, own: number[], counterpart: number[]): void {
    if (!this.revealBead(hit.side, own, counterpart, 'counterpart')) return;
    this.pinned = false;
    this.hovered = null;
    this.view.hide();
  }

  /**
   * For the side panel: brings the bead into view by its first sentence, marks both sides, and pins the tooltip
   * with the counterpart beside that sentence, whose "Show on page" takes the reader on to the other side.
   */
  reveal(zh: number[], en: number[]): boolean {
    const side: Side = zh.length > 0 ? 'zh' : 'en';
    const own = side === 'zh' ? zh : en;
    if (!this.revealBead(side, own, side === 'zh' ? en : zh, 'own')) return false;
    this.show({ side, index: own[0]! }, true, true);
    return true;
  }

  clear(): void {
    this.hovered = null;
    this.pinned = false;
    clearHighlights();
    this.view.hide();
  }
}
