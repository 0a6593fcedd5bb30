import type { ChineseScript, Side } from '@/utils/page/types';

export interface TooltipContent {
  /** The side of the hovered sentence; the tooltip shows the other side. */
  hoveredSide: Side;
  counterpart: string[];
  zhScript: ChineseScript;
  /** Number of sentences on each side of the bead. */
  shape: [zh: number, en: number];
  confidence: number;
}

export interface TooltipPlacement {
  left: number;
  top: number;
  maxWidth: number;
}

function describeShape([zh, en]: [number, number]): string {
  if (zh === 1 && en === 1) return '1 ↔ 1';
  return `${zh} 中文 ↔ ${en} English`;
}

export function Tooltip({ content, placement }: { content: TooltipContent; placement: TooltipPlacement }) {
  const targetLang = content.hoveredSide === 'zh' ? 'en' : `zh-${content.zhScript}`;
  const targetName = content.hoveredSide === 'zh' ? 'English' : '中文';
  const lowConfidence = content.confidence < 0.3;
  return (
    <div
      role="tooltip"
      class={`tooltip${lowConfidence ? ' low' : ''}`}
      style={{ left: `${placement.left}px`, top: `${placement.top}px`, maxWidth: `${placement.maxWidth}px` }}
    >
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
            {targetName} · {describeShape(content.shape)} · {Math.round(content.confidence * 100)}% confidence
          </div>
        </>
      ) : (
        <p class="none">No counterpart found in the {targetName === 'English' ? 'English' : 'Chinese'} version.</p>
      )}
    </div>
  );
}
