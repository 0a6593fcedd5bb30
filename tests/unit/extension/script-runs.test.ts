// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countRun, guardAgainstForgedStops, startedEventName, type ScriptWorld } from '../../../utils/extension/script-runs';

const NAME = startedEventName();

/** A run of the content script as the entrypoint starts one: counted in its world, then WXT's context, then the guard. */
function startRun(world: ScriptWorld, orphaned = () => false) {
  const run = countRun(world);
  const ctx = new ContentScriptContext('content');
  ctx.onInvalidated(guardAgainstForgedStops({ window, world, run, orphaned }));
  return ctx;
}

/** What a page's script can do: dispatch WXT's started event under the name it read from WXT's message. */
function forgeStarted(target: EventTarget = document): void {
  target.dispatchEvent(new CustomEvent(NAME, { bubbles: true, detail: { contentScriptName: 'content', messageId: 'forged' } }));
}

const runs: ContentScriptContext[] = [];
afterEach(() => {
  runs.splice(0).forEach((ctx) => ctx.abort());
  fakeBrowser.reset();
});

describe('stop signals the content script obeys', () => {
  it('without the guard, a forged started event stops the script (what the guard is for)', () => {
    const ctx = new ContentScriptContext('content');
    runs.push(ctx);
    forgeStarted();
    expect(ctx.isValid).toBe(false);
  });

  it('ignores a started event the page dispatches, on the document or bubbling from inside it', () => {
    const world: ScriptWorld = {};
    const ctx = startRun(world);
    runs.push(ctx);
    forgeStarted();
    forgeStarted(document.body);
    expect(ctx.isValid).toBe(true);
  });

  it('stops for a newer run in the same world, which the newer run survives', () => {
    const world: ScriptWorld = {};
    const old = startRun(world);
    const newer = startRun(world);
    runs.push(old, newer);
    expect(old.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    forgeStarted();
    expect(newer.isValid).toBe(true);
  });

  it('stops at any started event once its extension is gone', () => {
    let gone = false;
    const ctx = startRun({}, () => gone);
    runs.push(ctx);
    forgeStarted();
    expect(ctx.isValid).toBe(true);
    gone = true;
    forgeStarted();
    expect(ctx.signal.aborted).toBe(true);
  });
});
