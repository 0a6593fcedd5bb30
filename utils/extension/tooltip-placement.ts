/**
 * Where the tooltip goes: beside the hovered sentence, below it or above it, never over it, and inside the
 * viewport. Placed by the tooltip's real size, measured once it is rendered.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface TooltipPlacement {
  left: number;
  top: number;
  maxWidth: number;
  /** Set when neither side of the sentence has room for all of the tooltip: it scrolls within this height. */
  maxHeight: number | null;
}

export const TOOLTIP_GAP = 8;
export const TOOLTIP_MAX_WIDTH = 460;
/** Less room than this beside a sentence that fills the window, and the tooltip overlaps it at the window's bottom. */
const MIN_USEFUL_HEIGHT = 60;

/** The smallest box around all of a sentence's rectangles (a sentence may run over several lines and elements). */
export function boxAround(rects: Iterable<Box>): Box | null {
  let box: Box | null = null;
  for (const r of rects) {
    box = box
      ? { left: Math.min(box.left, r.left), top: Math.min(box.top, r.top), right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom) }
      : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  return box;
}

/** The widest the tooltip may be in this viewport. */
export function tooltipMaxWidth(viewport: Size): number {
  return Math.max(0, Math.min(TOOLTIP_MAX_WIDTH, viewport.width - 2 * TOOLTIP_GAP));
}

export function placeTooltip(sentence: Box, size: Size, viewport: Size): TooltipPlacement {
  const maxWidth = tooltipMaxWidth(viewport);
  const width = Math.min(size.width, maxWidth);
  const left = Math.max(TOOLTIP_GAP, Math.min(sentence.left, viewport.width - width - TOOLTIP_GAP));
  const roomBelow = viewport.height - sentence.bottom - 2 * TOOLTIP_GAP;
  const roomAbove = sentence.top - 2 * TOOLTIP_GAP;
  if (size.height <= roomBelow) return { left, top: sentence.bottom + TOOLTIP_GAP, maxWidth, maxHeight: null };
  if (size.height <= roomAbove) return { left, top: sentence.top - TOOLTIP_GAP - size.height, maxWidth, maxHeight: null };
  // Neither side holds it all: the side with more room, scrolling inside.
  if (Math.max(roomBelow, roomAbove) >= MIN_USEFUL_HEIGHT) {
    return roomBelow >= roomAbove
      ? { left, top: sentence.bottom + TOOLTIP_GAP, maxWidth, maxHeight: roomBelow }
      : { left, top: TOOLTIP_GAP, maxWidth, maxHeight: roomAbove };
  }
  // The sentence fills the window: at the bottom of the window, over the sentence's end.
  const height = Math.min(size.height, viewport.height - 2 * TOOLTIP_GAP);
  return { left, top: viewport.height - TOOLTIP_GAP - height, maxWidth, maxHeight: height < size.height ? height : null };
}
