import { describe, expect, it } from 'vitest';
import { takeRestingPointer, watchPointerFromStart, type PointerWorld } from '../../../utils/extension/resting-pointer';

function pointerEvent(type: string, fields: { clientX?: number; clientY?: number; relatedTarget?: EventTarget | null }): Event {
  return Object.assign(new Event(type), { clientX: 0, clientY: 0, relatedTarget: null, ...fields });
}

describe('the pointer watched from the page’s start', () => {
  it('hands the content script the last place the pointer moved to, once, and stops listening', () => {
    const window = new EventTarget();
    const world: PointerWorld = {};
    watchPointerFromStart(window, world);
    window.dispatchEvent(pointerEvent('pointermove', { clientX: 5, clientY: 6 }));
    window.dispatchEvent(pointerEvent('pointermove', { clientX: 120, clientY: 340 }));
    // Leaving one element for another is no leaving of the window.
    window.dispatchEvent(pointerEvent('pointerout', { relatedTarget: new EventTarget() }));
    expect(takeRestingPointer(world)).toEqual({ x: 120, y: 340 });
    expect(world.parallaxPointer).toBeUndefined();
    expect(takeRestingPointer(world)).toBeNull();
    // Watched no more: a second watch in this world would start afresh.
    window.dispatchEvent(pointerEvent('pointermove', { clientX: 1, clientY: 2 }));
    watchPointerFromStart(window, world);
    expect(takeRestingPointer(world)).toBeNull();
  });

  it('forgets the pointer once it leaves the window, and knows nothing where no move came or the watch never ran', () => {
    const window = new EventTarget();
    const world: PointerWorld = {};
    expect(takeRestingPointer(world)).toBeNull();
    watchPointerFromStart(window, world);
    expect(takeRestingPointer(world)).toBeNull();
    watchPointerFromStart(window, world);
    window.dispatchEvent(pointerEvent('pointermove', { clientX: 50, clientY: 60 }));
    window.dispatchEvent(pointerEvent('pointerout', { relatedTarget: null }));
    expect(takeRestingPointer(world)).toBeNull();
  });
});
