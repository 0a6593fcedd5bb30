/**
 * A page's main thread as Chromium's own trace records it (DevTools protocol `Tracing`). The page's Long Tasks
 * observer sees only tasks that run the page's script: the browser's style, layout and paint of a long page, which run
 * in tasks of their own, are missing from it (a layout task of 1.1 to 1.8 s on a page of 25,000 paragraphs was not
 * reported), and so is what an extension's change to the page makes the browser do later.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; stackTrace?: Array<{ url?: string }> }; beginData?: { url?: string; stackTrace?: Array<{ url?: string }> } };
}

export interface MainThreadReport {
  /** Every task of the page's main thread over 50 ms, in ms. */
  longTasksMs: number[];
  /**
   * The longest task in which the extension's script ran (null where it ran in none): the task's ms and the
   * extension's own ms in it, its script with the style and layout the script asked for while it ran.
   */
  longestWithExtension: { taskMs: number; extensionMs: number } | null;
  /** The extension's longest own time in one task, ms, counted as in `longestWithExtension`. */
  longestExtensionMs: number;
  /** The longest restyle or layout the browser did in a later task for changes only the extension's script made, ms. */
  longestLaterRenderingMs: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'].join(',');
/** Where script runs: each names its script's address. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'TimerFire', 'FireAnimationFrame']);
/** The browser's requests for a restyle or a layout, each with the script that made it, and what it later does for them. */
const RENDERING = [
  { asked: 'ScheduleStyleRecalculation', done: 'UpdateLayoutTree' },
  { asked: 'InvalidateLayout', done: 'Layout' },
];

const end = (event: TraceEvent) => event.ts + (event.dur ?? 0);
const urlOf = (event: TraceEvent) => event.args?.data?.url ?? event.args?.beginData?.url ?? '';
const stackOf = (event: TraceEvent) => event.args?.data?.stackTrace ?? event.args?.beginData?.stackTrace ?? [];

/**
 * Starts recording; the function returned stops and reads the main thread of the page whose address contains
 * `pagePath`, with the script of `extensionOrigin` (`chrome-extension://<id>/`) as the extension's.
 */
export async function traceMainThread(cdp: CDPSession): Promise<(pagePath: string, extensionOrigin: string | null) => Promise<MainThreadReport>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (batch) => {
    events.push(...(batch.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async (pagePath, extensionOrigin) => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const parse = events.find((e) => e.name === 'ParseHTML' && urlOf(e).includes(pagePath));
    if (!parse) throw new Error(`The trace has no parsing of ${pagePath}`);
    const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid).sort((a, b) => a.ts - b.ts);
    const tasks = thread.filter((e) => e.name === 'RunTask' && e.ph === 'X');
    const isExtension = (url: string | undefined) => extensionOrigin !== null && !!url?.startsWith(extensionOrigin);

    // The extension's time: its script events, outermost, and whole microtask runs that run its script.
    const microtasks = thread.filter((e) => e.name === 'RunMicrotasks' && e.ph === 'X');
    const spans: Array<[number, number]> = [];
    for (const event of thread) {
      if (!SCRIPT_EVENTS.has(event.name) || event.ph !== 'X' || !isExtension(urlOf(event))) continue;
      const around = microtasks.find((m) => m.ts <= event.ts && end(event) <= end(m));
      const [from, to] = around ? [around.ts, end(around)] : [event.ts, end(event)];
      const last = spans[spans.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else spans.push([from, to]);
    }
    let longestWithExtension: MainThreadReport['longestWithExtension'] = null;
    let longestExtensionMs = 0;
    for (const task of tasks) {
      let extensionUs = 0;
      for (const [from, to] of spans) extensionUs += Math.max(0, Math.min(to, end(task)) - Math.max(from, task.ts));
      longestExtensionMs = Math.max(longestExtensionMs, extensionUs / 1000);
      if (extensionUs > 0 && (!longestWithExtension || task.dur! / 1000 > longestWithExtension.taskMs)) {
        longestWithExtension = { taskMs: task.dur! / 1000, extensionMs: extensionUs / 1000 };
      }
    }

    // Later rendering: a restyle or layout outside the extension's script, every request for which since the last
    // one came from the extension's script.
    let longestLaterRenderingMs = 0;
    for (const { asked, done } of RENDERING) {
      let requests: TraceEvent[] = [];
      for (const event of thread) {
        if (event.name === asked) requests.push(event);
        else if (event.name === done && event.ph === 'X') {
          const insideExtension = spans.some(([from, to]) => from <= event.ts && end(event) <= to);
          if (!insideExtension && requests.length > 0 && requests.every((r) => stackOf(r).some((frame) => isExtension(frame.url)))) {
            longestLaterRenderingMs = Math.max(longestLaterRenderingMs, event.dur! / 1000);
          }
          requests = [];
        }
      }
    }
    return {
      longTasksMs: tasks.filter((t) => t.dur! > 50_000).map((t) => t.dur! / 1000),
      longestWithExtension,
      longestExtensionMs,
      longestLaterRenderingMs,
    };
  };
}
