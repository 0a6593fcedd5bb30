import { describe, expect, it } from 'vitest';
import { HoverTrigger, type Timers } from '../../../utils/extension/hover-trigger';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/schema';

/** A clock the test moves by hand. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set: (run, ms) => {
      pending.set(next, { at: now + ms, run });
      return next++;
    },
    clear: (id) => void pending.delete(id),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...pending]) {
      if (timer.at <= now) {
        pending.delete(id);
        timer.run();
      }
    }
  };
  return { timers, advance };
}

const none = { altKey: false, shiftKey: false, ctrlKey: false, metaKey: false };

function setup(settings: Partial<Settings>) {
  const calls: string[] = [];
  const clock = manualTimers();
  const trigger = new HoverTrigger(() => ({ ...DEFAULT_SETTINGS, ...settings }), { pointAt: (x, y, settled) => calls.push(`${settled ? 'rested at' : 'at'} ${x},${y}`), release: () => calls.push('release') }, clock.timers);
  return { calls, trigger, advance: clock.advance };
}

describe('HoverTrigger', () => {
  it('shows what is under the pointer once it has rested for the delay, and only the last place, as due at once', () => {
    const { calls, trigger, advance } = setup({ trigger: 'hover', hoverDelayMs: 150 });
    trigger.pointerMoved(10, 10, none);
    advance(100);
    trigger.pointerMoved(20, 10, none);
    advance(100);
    expect(calls).toEqual([]);
    advance(60);
    expect(calls).toEqual(['rested at 20,10']);
  });

  it('shows at once with no delay', () => {
    const { calls, trigger } = setup({ trigger: 'hover', hoverDelayMs: 0 });
    trigger.pointerMoved(5, 6, none);
    expect(calls).toEqual(['at 5,6']);
  });

  it('in modifier mode, shows only while the key is held, and when it is pressed over a resting pointer', () => {
    const { calls, trigger, advance } = setup({ trigger: 'modifier', modifierKey: 'Alt' });
    trigger.pointerMoved(1, 1, none);
    advance(1000);
    expect(calls).toEqual([]);
    trigger.keyChanged('Alt', true);
    trigger.pointerMoved(2, 2, { ...none, altKey: true });
    trigger.keyChanged('Shift', false);
    trigger.keyChanged('Alt', false);
    // The key pressed over the resting pointer shows at once; the moves while it is held may be folded a frame.
    expect(calls).toEqual(['rested at 1,1', 'at 2,2', 'release']);
  });

  it('drops a waiting show when cancelled', () => {
    const { calls, trigger, advance } = setup({ trigger: 'hover', hoverDelayMs: 150 });
    trigger.pointerMoved(10, 10, none);
    trigger.cancel();
    advance(500);
    expect(calls).toEqual([]);
  });
  it('shows what the pointer rests on when the page becomes hoverable, without a move', () => {
    const { calls, trigger, advance } = setup({ trigger: 'hover', hoverDelayMs: 150 });
    // The reader points at a sentence while the page is still aligned: the delay passes with nothing to show.
    trigger.pointerMoved(30, 40, none);
    advance(200);
    calls.length = 0;
    trigger.pageReady();
    expect(calls).toEqual(['rested at 30,40']);
  });

  it('shows where the pointer came to rest before it listened, when the page becomes hoverable, and with the key in modifier mode', () => {
    const hover = setup({ trigger: 'hover', hoverDelayMs: 150 });
    hover.trigger.pointerRested(30, 40);
    hover.advance(500);
    expect(hover.calls).toEqual([]);
    hover.trigger.pageReady();
    expect(hover.calls).toEqual(['rested at 30,40']);
    const modifier = setup({ trigger: 'modifier', modifierKey: 'Shift' });
    modifier.trigger.pointerRested(30, 40);
    modifier.trigger.pageReady();
    expect(modifier.calls).toEqual([]);
    modifier.trigger.keyChanged('Shift', true);
    expect(modifier.calls).toEqual(['rested at 30,40']);
  });

  it('leaves a move still waiting for its delay to show in its turn, and shows nothing once the pointer has left', () => {
    const { calls, trigger, advance } = setup({ trigger: 'hover', hoverDelayMs: 150 });
    trigger.pageReady();
    trigger.pointerMoved(30, 40, none);
    trigger.pageReady();
    expect(calls).toEqual([]);
    advance(150);
    expect(calls).toEqual(['rested at 30,40']);
    trigger.pointerLeft();
    trigger.pageReady();
    expect(calls).toEqual(['rested at 30,40']);
  });

  it('in modifier mode, shows nothing when the page becomes hoverable: the key, pressed, does', () => {
    const { calls, trigger } = setup({ trigger: 'modifier', modifierKey: 'Alt' });
    trigger.pointerMoved(30, 40, none);
    trigger.pageReady();
    expect(calls).toEqual([]);
  });
});
