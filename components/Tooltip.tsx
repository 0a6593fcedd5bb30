import { render } from 'preact';
import type { ChineseScript, Side } from '@/utils/page/types';
import { placeTooltip, tooltipMaxWidth, TOOLTIP_GAP, type Box, type TooltipPlacement } from '@/utils/extension/tooltip-placement';

export interface TooltipContent {
  /** The side of the hovered sentence; the tooltip shows the other side. */
  hoveredSide: Side;
  counterpart: string[];
  zhScript: ChineseScript;
  /** Number of sentences on each side of the bead. */
  shape: [zh: number, en: number];
  confidence: number;
}

/** What the reader can do from the tooltip. */
export interface TooltipActions {
  pin(): void;
  showOnPage(): void;
  close(): void;
}

// Every string the tooltip shows, in one place, in the interface language.
const STRINGS = {
  none: 'No counterpart — this may have been left out of the other version.',
  english: 'English',
  chinese: 'Chinese',
  sentences: (zh: number, en: number) => `${zh} Chinese ↔ ${en} English`,
  confidence: { high: 'Confident match', medium: 'Likely match', low: 'Uncertain match' },
  showOnPage: 'Show on page',
  pin: 'Pin',
  close: 'Close',
  pinHint: 'Pinned: select to copy. Esc closes.',
};

const LOW_CONFIDENCE = 0.3;
const HIGH_CONFIDENCE = 0.6;

function confidenceLevel(confidence: number): keyof typeof STRINGS.confidence {
  return confidence >= HIGH_CONFIDENCE ? 'high' : confidence >= LOW_CONFIDENCE ? 'medium' : 'low';
}

export interface TooltipProps {
  content: TooltipContent;
  /** Null while the tooltip is measured, before it is placed. */
  placement: TooltipPlacement | null;
  pinned: boolean;
  actions: TooltipActions;
}

export function Tooltip({ content, placement, pinned, actions }: TooltipProps) {
  const targetLang = content.hoveredSide === 'zh' ? 'en' : `zh-${content.zhScript}`;
  const level = confidenceLevel(content.confidence);
  const style = placement
    ? { left: `${placement.left}px`, top: `${placement.top}px`, maxWidth: `${placement.maxWidth}px`, maxHeight: placement.maxHeight === null ? undefined : `${placement.maxHeight}px` }
    : { left: `${TOOLTIP_GAP}px`, top: '0px', visibility: 'hidden' };
  return (
    <div role="tooltip" id="parallax-tooltip" class={`tooltip${level === 'low' ? ' low' : ''}${pinned ? ' pinned' : ''}`} style={style}>
      {content.counterpart.length > 0 ? (
        <>
          <div class="sentences">
            {content.counterpart.map((sentence, k) => (
              <p key={k} lang={targetLang}>
                {sentence}
              </p>
            ))}
          </div>
          <div class="meta">
            <span class={`confidence ${level}`}>{STRINGS.confidence[level]}</span> · {STRINGS.sentences(content.shape[0], content.shape[1])}
          </div>
        </>
      ) : (
        <p class="none">{STRINGS.none}</p>
      )}
      <div class="actions">
        {content.counterpart.length > 0 ? (
          <button type="button" onClick={actions.showOnPage}>
            {STRINGS.showOnPage}
          </button>
        ) : null}
        {pinned ? (
          <button type="button" onClick={actions.close}>
            {STRINGS.close}
          </button>
        ) : (
          <button type="button" onClick={actions.pin}>
            {STRINGS.pin}
          </button>
        )}
      </div>
      {pinned ? <p class="hint">{STRINGS.pinHint}</p> : null}
    </div>
  );
}

/** What screen readers are told when a counterpart is shown: the tooltip itself is never focused by hovering. */
function announcement(content: TooltipContent): string {
  return content.counterpart.length > 0 ? `${content.hoveredSide === 'zh' ? STRINGS.english : STRINGS.chinese}: ${content.counterpart.join(' ')}` : STRINGS.none;
}

/**
 * The tooltip in the page's UI container: rendered hidden, measured, then placed beside the sentence by its real
 * size, all before the browser paints; and announced through a live region.
 */
export function createTooltipView(container: HTMLElement) {
  const layer = (props: TooltipProps | null, announce: string) => (
    <>
      {props ? <Tooltip {...props} /> : null}
      <div class="live" aria-live="polite">
        {announce}
      </div>
    </>
  );
  return {
    show(content: TooltipContent, sentence: Box, pinned: boolean, actions: TooltipActions): void {
      const doc = container.ownerDocument;
      // The viewport without its scroll bars; the window's size where the document reports none (no layout yet).
      const viewport = {
        width: doc.documentElement.clientWidth || (doc.defaultView?.innerWidth ?? 0),
        height: doc.documentElement.clientHeight || (doc.defaultView?.innerHeight ?? 0),
      };
      const announce = announcement(content);
      render(layer({ content, placement: null, pinned, actions }, announce), container);
      const tooltip = container.querySelector('.tooltip') as HTMLElement;
      tooltip.style.maxWidth = `${tooltipMaxWidth(viewport)}px`;
      const rect = tooltip.getBoundingClientRect();
      render(layer({ content, placement: placeTooltip(sentence, { width: rect.width, height: rect.height }, viewport), pinned, actions }, announce), container);
    },
    hide(): void {
      render(layer(null, ''), container);
    },
  };
}
