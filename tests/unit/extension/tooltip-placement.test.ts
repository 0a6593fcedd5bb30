import { describe, expect, it } from 'vitest';
import { boxAround, placeTooltip } from '../../../utils/extension/tooltip-placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 120 };

/** Whether two boxes overlap. */
const overlaps = (a: { left: number; top: number; right: number; bottom: number }, b: typeof a) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeTooltip', () => {
  it('goes below the whole sentence when there is room, not below the hovered line', () => {
    const sentence = { left: 100, top: 100, right: 900, bottom: 220 };
    const place = placeTooltip(sentence, size, viewport);
    expect(place.top).toBeGreaterThanOrEqual(220);
    expect(place.maxHeight).toBeNull();
  });

  it('goes above a sentence near the bottom of the window, never over it and never off-screen', () => {
    const sentence = { left: 100, top: 650, right: 900, bottom: 760 };
    const place = placeTooltip(sentence, size, viewport);
    const box = { left: place.left, top: place.top, right: place.left + size.width, bottom: place.top + size.height };
    expect(overlaps(box, sentence)).toBe(false);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(viewport.height);
  });

  it('stays inside the window on the right', () => {
    const place = placeTooltip({ left: 900, top: 100, right: 990, bottom: 120 }, size, viewport);
    expect(place.left + size.width).toBeLessThanOrEqual(viewport.width);
  });

  it('scrolls inside the side with more room when neither side holds it all', () => {
    const place = placeTooltip({ left: 0, top: 300, right: 900, bottom: 500 }, { width: 300, height: 400 }, viewport);
    expect(place.maxHeight).toBe(800 - 500 - 16);
    expect(place.top).toBe(508);
  });

  it('measures a sentence over several lines as one box', () => {
    expect(boxAround([{ left: 300, top: 10, right: 900, bottom: 30 }, { left: 100, top: 30, right: 500, bottom: 50 }])).toEqual({ left: 100, top: 10, right: 900, bottom: 50 });
    expect(boxAround([])).toBeNull();
  });
});
