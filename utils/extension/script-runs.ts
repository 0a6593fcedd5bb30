/**
 * Which stop signals the content script obeys. WXT's ContentScriptContext (wxt 0.21.4) tells older runs of a
 * content script to stop with an event on the page's document: each new run dispatches
 * `<extension id>:content:wxt:content-script-started` with its name, and every older run that hears it invalidates
 * itself, removing its listeners and its UI. The page's own scripts can dispatch the same event (WXT also posts it
 * to the window, where the page reads the name), and so switch Parallax off on that page. An older run must still
 * stop for a real newer one, which is why the event is checked rather than ignored.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The started event's name, read from WXT's context, which makes it (its type declares it private): if a version of
 * WXT no longer has it, the script fails at its start rather than guarding an event that never comes.
 */
export function startedEventName(): string {
  const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown }).SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof name !== 'string' || !name.endsWith('wxt:content-script-started')) throw new Error('WXT no longer names its content-script-started event as Parallax expects');
  return name;
}

/** What this script's world holds, which the page cannot reach: the extension's isolated world in the page. */
export interface ScriptWorld {
  parallaxRuns?: number;
}

/**
 * Counts a run of the content script in its world and returns its number. Called when the script's module is
 * evaluated, which is before WXT's context dispatches the started event, so an older run that hears the event from
 * a real newer run in the same world finds the newer one counted.
 */
export function countRun(world: ScriptWorld): number {
  world.parallaxRuns = (world.parallaxRuns ?? 0) + 1;
  return world.parallaxRuns;
}

export interface StopGuardOptions {
  /** Where the started event passes on its way to the document: the page's window, heard in the capture phase. */
  window: EventTarget;
  world: ScriptWorld;
  /** This run's number (countRun). */
  run: number;
  /** Whether the extension this run belongs to is gone (reloaded, updated or removed). */
  orphaned(): boolean;
}

/**
 * Lets the started event reach WXT's listener on the document only when a stop is due: a newer run has been counted
 * in this world, or the extension this run belongs to is gone (a run of the updated extension lives in another
 * world; this one is cut off and must go whoever asks). Any other started event is the page's, and is stopped on
 * the window before it reaches the document. Returns the function that removes the guard.
 */
export function guardAgainstForgedStops({ window, world, run, orphaned }: StopGuardOptions): () => void {
  const eventName = startedEventName();
  const check = (event: Event) => {
    if ((world.parallaxRuns ?? 0) > run || orphaned()) return;
    event.stopImmediatePropagation();
  };
  window.addEventListener(eventName, check, { capture: true });
  return () => window.removeEventListener(eventName, check, { capture: true });
}
