import { render } from 'preact';
import { t } from '@/utils/i18n';
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

const LOW_CONFIDENCE = 0.3;
const HIGH_CONFIDENCE = 0.6;

type ConfidenceLevel = 'high' | 'medium' | 'low';

function confidenceLevel(confidence: number): ConfidenceLevel {
  return confidence >= HIGH_CONFIDENCE ? 'high' : confidence >= LOW_CONFIDENCE ? 'medium' : 'low';
}

const CONFIDENCE_LABEL = { high: 'tooltipConfidenceHigh', medium: 'tooltipConfidenceMedium', low: 'tooltipConfidenceLow' } as const;

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
            <span class={`confidence ${level}`}>{t(CONFIDENCE_LABEL[level])}</span> · {t('tooltipSentences', String(content.shape[0]), String(content.shape[1]))}
          </div>
        </>
      ) : (
        <p class="none">{t('tooltipNone')}</p>
      )}
      <div class="actions">
        {content.counterpart.length > 0 ? (
          <button type="button" onClick={actions.showOnPage}>
            {t('tooltipShowOnPage')}
          </button>
        ) : null}
        {pinned ? (
          <button type="button" onClick={actions.close}>
            {t('tooltipClose')}
          </button>
        ) : (
          <button type="button" onClick={actions.pin}>
            {t('tooltipPin')}
          </button>
        )}
      </div>
      {pinned ? <p class="hint">{t('tooltipPinHint')}</p> : null}
    </div>
  );
}

/** What screen readers are told when a counterpart is shown: the tooltip itself is never focused by hovering. */
function announcement(content: TooltipContent): string {
  const text = content.counterpart.join(' ');
  if (content.counterpart.length === 0) return t('tooltipNone');
  return content.hoveredSide === 'zh' ? t('tooltipAnnounceEnglish', text) : t('tooltipAnnounceChinese', text);
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
