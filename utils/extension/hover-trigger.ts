/**
 * When the tooltip follows the pointer: after the pointer has rested for the reader's delay (the default), or at
 * once but only while the reader holds a modifier key. Timers come in as a dependency so that tests need no clock.
 */
import type { Settings } from '../settings/schema';

export interface TriggerTarget {
  /**
   * Show what is under (x, y), or hide when nothing is. `settled`: the pointer has come to rest (the delay is over,
   * or the key was pressed), once, and the tooltip is due in the next frame; otherwise this follows every move while
   * a key is held or with no delay, and the target may fold the moves of one frame into one.
   */
  pointAt(x: number, y: number, settled: boolean): void;
  /** Hide the tooltip of a hover (a pinned one stays). */
  release(): void;
}

export interface Timers {
  set(run: () => void, ms: number): number;
  clear(id: number): void;
}

/** The keys a reader may hold, by the name `KeyboardEvent.key` gives them, and the event flag that says each is down. */
const HELD = { Alt: 'altKey', Shift: 'shiftKey', Control: 'ctrlKey', Meta: 'metaKey' } as const;

type Modifiers = Pick<MouseEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>;

export class HoverTrigger {
  private timer: number | null = null;
  private last: { x: number; y: number } | null = null;

  constructor(
    private readonly settings: () => Pick<Settings, 'trigger' | 'hoverDelayMs' | 'modifierKey'>,
    private readonly target: TriggerTarget,
    private readonly timers: Timers,
  ) {}

  pointerMoved(x: number, y: number, modifiers: Modifiers): void {
    this.last = { x, y };
    this.cancel();
    const settings = this.settings();
    if (settings.trigger === 'modifier') {
      if (modifiers[HELD[settings.modifierKey]]) this.target.pointAt(x, y, false);
      return;
    }
    if (settings.hoverDelayMs === 0) {
      this.target.pointAt(x, y, false);
      return;
    }
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.target.pointAt(x, y, true);
    }, settings.hoverDelayMs);
  }

  /**
   * The pointer came to rest at (x, y) before this trigger was listening (resting-pointer.ts): nothing waits for a
   * delay, but the page becoming hoverable, or in modifier mode the key, shows what is there.
   */
  pointerRested(x: number, y: number): void {
    this.last = { x, y };
  }

  /** A key went down or up: in modifier mode, pressing the key shows what is under the resting pointer. */
  keyChanged(key: string, down: boolean): void {
    const settings = this.settings();
    if (settings.trigger !== 'modifier' || key !== settings.modifierKey) return;
    if (down && this.last) this.target.pointAt(this.last.x, this.last.y, true);
    if (!down) this.target.release();
  }

  /**
   * The page became hoverable (aligned while the reader waited): what the pointer rests on is shown at once, as it
   * would have been had the page been ready when the pointer came to rest. A move still waiting for its delay shows in
   * its turn; in modifier mode the key, pressed, shows it.
   */
  pageReady(): void {
    if (!this.last || this.timer !== null || this.settings().trigger === 'modifier') return;
    this.target.pointAt(this.last.x, this.last.y, true);
  }

  /** The pointer left the window: nothing rests on the page any more. */
  pointerLeft(): void {
    this.cancel();
    this.last = null;
  }

  /** The pointer is over the tooltip, or the page went away: nothing is waiting to show. */
  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
