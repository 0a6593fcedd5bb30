/**
 * The side panel's first paint with a long article, in Chromium with the built extension (`npm run build` first;
 * `npm run bench` runs this after its own build): the extension's sidepanel.html opened for a tab whose stored
 * alignment holds 2,000 generated pairs, timed from navigation start until the first rows have been painted. The
 * same page with nothing stored for its tab gives the part of that time the panel spends before it has rows. Then
 * the list is scrolled frame by frame, and the time between frames says whether drawing the rows keeps up. The
 * browser's own floor, a static page of the same extension with no script or style, is timed the same way in the
 * same loads, so that the panel's figures can be read above it; so is the panel's first screen saved as a static
 * page, what those rows cost to lay out and paint without any script. Writes the `panel` section of BENCHMARKS.md.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineLine, median, writeBenchmarkSection } from './lib/benchmarks-md';
import { CHROME_BUILD, launchChromium } from './lib/launch';
import { toStored, type TabAlignment } from '../utils/extension/tab-alignments';

const PAIRS = 2_000;
const LOADS = 11;
/** Tab ids no real tab has in a fresh browser. */
const LONG_TAB = 900_001;
const EMPTY_TAB = 900_002;
/** About a side panel's size. */
const PANEL_VIEWPORT = { width: 400, height: 900 };

/** Sentences of real length (about 35 characters and 150 letters), with an omission, an addition and a weak pair every so often. */
function longAlignment(): TabAlignment {
  const zh: string[] = [];
  const en: string[] = [];
  const beads: TabAlignment['result']['beads'] = [];
  const scores: number[] = [];
  for (let k = 0; beads.length < PAIRS; k += 1) {
    const kind = k % 50 === 17 ? 'omission' : k % 50 === 33 ? 'addition' : 'pair';
    const zhIndices = kind === 'addition' ? [] : [zh.push(`第${k}句：今年春天，这个城市新建了${k % 9}所学校和一座很大的图书馆。`) - 1];
    const enIndices = kind === 'omission' ? [] : [en.push(`Sentence ${k}: this spring the city built ${k % 9} new schools and a large library, which the children say they like best.`) - 1];
    beads.push([zhIndices, enIndices]);
    scores.push(kind !== 'pair' ? 0 : k % 10 === 3 ? 0.2 : 0.8);
  }
  return { url: 'https://news.example/long', title: 'A long article', zhScript: 'Hans', zh, en, status: 'ready', result: { beads, scores }, alignMs: 0, updatedAt: Date.now() };
}

/** Scrolling the list through the whole article: frames run, the list moved by a screen's third each frame. */
const SCROLL_FRAMES = 240;
/**
 * What the panel's empty state shows, as a static page with no script and no style sheet: the least any extension
 * page costs the browser to open and paint, which no change to the panel can go below.
 */
const FLOOR_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Parallax</title></head>
  <body><header><h1>Parallax</h1><p class="status">No bilingual article found</p></header></body>
</html>
`;

/** The machine may be shared: how busy it was when the run began is part of what the figures mean. */
const loadAtStart = os.loadavg()[0]!;
// A copy of the build with the static page beside the panel's, so that the build itself is left as it was built.
const extensionDir = mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-panel-'));
cpSync(CHROME_BUILD, extensionDir, { recursive: true });
writeFileSync(path.join(extensionDir, 'floor.html'), FLOOR_PAGE);
const session = await launchChromium({ headless: true, extensionDir });
/** The intervals between animation frames while the list scrolls, over every load after the first. */
const scrollFrameMs: number[] = [];
const paintMs: Record<'floor' | 'firstScreen' | 'rows' | 'empty', number[]> = { floor: [], firstScreen: [], rows: [], empty: [] };
/** From the moment the stored alignment is read until its rows are painted: the panel's own work. */
const afterReadMs: number[] = [];
/** What reading the stored alignment costs the panel's page alone, part of the first paint with rows. */
const storageReadMs: number[] = [];
try {
  const panelUrl = `chrome-extension://${session.extensionId}/sidepanel.html`;
  const setup = await session.context.newPage();
  await setup.goto(panelUrl);
  await setup.evaluate(
    async ([key, alignment]) => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { set(items: object): Promise<void> } } } }).chrome;
      await api.storage.session.set({ [key]: alignment });
    },
    // As the worker keeps it (saveTabAlignment).
    [`tab:${LONG_TAB}`, toStored(longAlignment())] as const,
  );
  // The panel's first screen as it was painted, kept as a static page with the same style sheets and no script:
  // what showing those rows costs the browser alone, the floor for this content.
  await setup.setViewportSize(PANEL_VIEWPORT);
  await setup.goto(`${panelUrl}?tabId=${LONG_TAB}`);
  await setup.waitForSelector('[data-pair]');
  const firstScreen = await setup.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const element of copy.querySelectorAll('script, link[rel="modulepreload"]')) element.remove();
    return `<!doctype html>\n${copy.outerHTML}`;
  });
  writeFileSync(path.join(extensionDir, 'first-screen.html'), firstScreen);
  await setup.close();
  for (let load = 0; load < LOADS; load += 1) {
    // Interleaved, so that a change in the machine's load falls on all of them alike.
    for (const [which, file, tabId, selector] of [
      ['floor', 'floor.html', EMPTY_TAB, '.status'],
      ['firstScreen', 'first-screen.html', EMPTY_TAB, '[data-pair]'],
      ['rows', 'sidepanel.html', LONG_TAB, '[data-pair]'],
      ['empty', 'sidepanel.html', EMPTY_TAB, '.status'],
    ] as const) {
      const page = await session.context.newPage();
      await page.setViewportSize(PANEL_VIEWPORT);
      // Before the panel's own script: note the time of the frame after the one that first shows `selector`, by
      // which that frame has been painted.
      await page.addInitScript((wanted: string) => {
        const record = window as unknown as { panelPaintedAt?: Promise<number>; alignmentReadAt?: number };
        record.panelPaintedAt = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector(wanted)) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          });
          observer.observe(document, { childList: true, subtree: true });
        });
        // When the panel's read of the tab's alignment comes back: what follows is the panel's own work.
        const area = (globalThis as unknown as { chrome: { storage: { session: { get(...args: unknown[]): Promise<unknown> } } } }).chrome.storage.session;
        const get = area.get.bind(area);
        area.get = (...args: unknown[]) =>
          get(...args).then((value) => {
            record.alignmentReadAt ??= performance.now();
            return value;
          });
      }, selector);
      await page.goto(`chrome-extension://${session.extensionId}/${file}?tabId=${tabId}`);
      const paintedAt = await page.evaluate(() => (window as unknown as { panelPaintedAt: Promise<number> }).panelPaintedAt);
      // The first load warms the browser's caches of the extension's files, as a reader's second opening would.
      if (load > 0) paintMs[which].push(paintedAt);
      if (which === 'floor' || which === 'firstScreen') {
        await page.close();
        continue;
      }
      const drawn = await page.evaluate(() => document.querySelectorAll('li[data-bead]').length);
      const readAt = await page.evaluate(() => (window as unknown as { alignmentReadAt?: number }).alignmentReadAt);
      if (readAt === undefined) throw new Error('The panel did not read its tab\'s alignment through storage.session.get.');
      if (which === 'rows' && load > 0) afterReadMs.push(paintedAt - readAt);
      if (which === 'rows' && (drawn === 0 || drawn > 200)) throw new Error(`The panel drew ${drawn} rows of ${PAIRS}.`);
      if (which === 'rows' && load > 0) {
        storageReadMs.push(
          await page.evaluate(async (key) => {
            const api = (globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<object> } } } }).chrome;
            const started = performance.now();
            await api.storage.session.get(key);
            return performance.now() - started;
          }, `tab:${LONG_TAB}`),
        );
      }
      if (which === 'rows' && load > 0) {
        // Smooth with 2,000 pairs: the list scrolled a third of its height a frame, from the top towards the end,
        // as a fling does; the time between the frames shows any frame the panel's drawing held up.
        scrollFrameMs.push(
          ...(await page.evaluate(async (frames: number) => {
            const scroller = document.querySelector<HTMLElement>('.scroller')!;
            const times: number[] = [];
            for (let k = 0; k <= frames; k += 1) {
              times.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
              scroller.scrollTop += scroller.clientHeight / 3;
            }
            return times.slice(1).map((time, k) => time - times[k]!);
          }, SCROLL_FRAMES)),
        );
      }
      await page.close();
    }
  }
} finally {
  await session.close();
  rmSync(extensionDir, { recursive: true, force: true });
}

/** Each load's time less the static page's of the same load, the median of those. */
const aboveFloor = (which: 'firstScreen' | 'rows' | 'empty') => median(paintMs[which].map((ms, load) => ms - paintMs.floor[load]!));

const lines = [
  '## The side panel (`npm run bench`, scripts/bench-panel.ts)',
  '',
  `${machineLine()} Load average (1 min) when the run began: ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores; the benchmark ran at niceness ${os.getPriority()}.`,
  '',
  `The built sidepanel.html in headless Chromium at ${PANEL_VIEWPORT.width} × ${PANEL_VIEWPORT.height} px, opened for a tab whose stored alignment holds ${PAIRS.toLocaleString('en')} generated pairs (one omission, one addition and five weak pairs in fifty), timed from navigation start to the frame after the first rows show. Median of ${paintMs.rows.length} loads after a first one.`,
  '',
  `- The browser's floor, a static page of the extension with no script or style showing the empty panel's text, timed the same way: ${median(paintMs.floor).toFixed(0)} ms (min ${Math.min(...paintMs.floor).toFixed(0)}, max ${Math.max(...paintMs.floor).toFixed(0)}).`,
  `- The panel's first screen of rows saved as a static page (its markup as painted, its style sheets, no script), timed the same way: ${median(paintMs.firstScreen).toFixed(0)} ms (max ${Math.max(...paintMs.firstScreen).toFixed(0)}); above the floor of the same load: ${aboveFloor('firstScreen').toFixed(0)} ms: laying out and painting those rows in their fonts, which no script can go below.`,
  `- First paint with ${PAIRS.toLocaleString('en')} pairs: ${median(paintMs.rows).toFixed(0)} ms (max ${Math.max(...paintMs.rows).toFixed(0)}); above the floor of the same load: ${aboveFloor('rows').toFixed(0)} ms (median).`,
  `- Of which the panel's own work, from its read of the stored alignment coming back to the rows painted: ${median(afterReadMs).toFixed(0)} ms (max ${Math.max(...afterReadMs).toFixed(0)}).`,
  `- Reading the stored alignment from \`storage.session\` (timed apart, on the loaded page): ${median(storageReadMs).toFixed(0)} ms.`,
  `- Scrolling the list a third of its height a frame, ${SCROLL_FRAMES} frames a load: frames ${median(scrollFrameMs).toFixed(1)} ms apart (median), ${scrollFrameMs.filter((ms) => ms > 25).length} of ${scrollFrameMs.length} over 25 ms, the longest ${Math.max(...scrollFrameMs).toFixed(1)} ms.`,
  `- The same page with nothing stored for its tab ("No bilingual article found"): ${median(paintMs.empty).toFixed(0)} ms (max ${Math.max(...paintMs.empty).toFixed(0)}); above the floor: ${aboveFloor('empty').toFixed(0)} ms: loading the page and its script, before any row.`,
];
writeBenchmarkSection('panel', lines.join('\n'));
console.log(lines.join('\n'));
