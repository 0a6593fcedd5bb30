/**
 * Long pages in Chromium with the built extension (`npm run build` first; `npm run bench` runs this after its own
 * build): the seed report repeated to 1,000 and 10,000 paragraphs per language (scripts/lib/long-page.ts), opened at
 * a link to the middle of the article, as a reader arriving from elsewhere would, who then points at a sentence
 * a few lines down (scrolling it up where the browser's fonts put it below the view) and again until a tooltip shows. Measured: the time from the start of navigation to that
 * first tooltip, whether it showed the right counterpart, the time until the whole page was aligned, and the page's
 * main thread: its tasks as Chromium's trace records them (scripts/lib/main-thread-trace.ts), with the extension's share
 * of them, beside the same page's without the extension, and the content script's longest slice as it reports it to the
 * extension (never to the page). Writes the `long-page` section of BENCHMARKS.md.
 */
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './lib/browsers';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks-md';
import { launchChromium, type ChromiumSession } from './lib/launch';
import { traceMainThread, type MainThreadReport } from './lib/main-thread-trace';
import { ALIGNED_LIMIT_MS, benchedLongPages, FIRST_HOVER_LIMIT_MS, formatMs, medianOrNull, partId, pointOnParagraph, pointUntilTooltip, sentenceOfCopy, type FirstTooltip } from './lib/long-page';
import { fixturesDir, waitFor, waitUntilReady, type BrowserPage } from './lib/reader';
import { serveDirectory } from './lib/serve';
import type { PageFindings } from '../utils/messaging';


const { benched: built, pages } = benchedLongPages();
const server = await serveDirectory(fixturesDir, 0, pages);
const loadAtStart = os.loadavg()[0]!;

interface Run extends FirstTooltip {
  alignedMs: number | null;
  mainThread: MainThreadReport;
  longestSliceMs: number | null;
  findings: PageFindings | null;
}

/**
 * The page's own long tasks, in a browser without the extension: parsing and laying out a long page is one long task
 * of the browser's that no extension can split, and the extension's share is what it adds to it. The page is visited
 * as with the extension: opened at the same moment, the sentence found and pointed at the same way (finding it asks
 * for the page's layout), so that the two differ by the extension alone.
 */
async function withoutExtension(url: string, copy: number): Promise<MainThreadReport> {
  const browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    const stopTracing = await traceMainThread(await page.context().newCDPSession(page));
    await page.goto(url, { waitUntil: 'commit' });
    const target = sentenceOfCopy(copy);
    const point = await waitFor(() => pointOnParagraph(page as unknown as BrowserPage, target.sentence).catch(() => null), 'the sentence laid out', FIRST_HOVER_LIMIT_MS);
    await page.mouse.move(1, 1);
    await page.mouse.move(point.x, point.y);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return await stopTracing(new URL(url).pathname, null);
  } finally {
    await browser.close();
  }
}

/** One reader's visit: the page opened at the copy's anchor, the sentence pointed at until a tooltip shows. */
async function visit(session: ChromiumSession, url: string, copy: number): Promise<Run> {
  const page = await session.context.newPage();
  // The page's main thread (content scripts run on it too), from the page's first moment.
  const stopTracing = await traceMainThread(await session.context.newCDPSession(page));
  await page.goto(url, { waitUntil: 'commit' });
  const first = await pointUntilTooltip(page as unknown as BrowserPage, copy, FIRST_HOVER_LIMIT_MS);
  // Then the rest of the page, aligned in the background. (The tab is found by its address without the fragment,
  // which the browser's match patterns leave out.)
  const tabUrl = url.replace(/#.*$/, '');
  const findings = await waitFor(
    async () => {
      const found = await session.pageFindings(tabUrl);
      return found && found.state !== 'reading' && found.state !== 'aligning' && (found.state !== 'ready' || found.alignedAllMs !== undefined) ? found : null;
    },
    'the whole page to be aligned',
    ALIGNED_LIMIT_MS,
  ).catch(() => session.pageFindings(tabUrl));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const mainThread = await stopTracing(new URL(url).pathname, `chrome-extension://${session.extensionId}/`);
  await page.close();
  return {
    ...first,
    alignedMs: findings?.alignedAllMs ?? null,
    mainThread,
    longestSliceMs: findings?.longestSliceMs ?? null,
    findings,
  };
}

const results: Array<{ size: (typeof built)[number]; runs: Run[]; withoutParallax: MainThreadReport }> = [];
const session = await launchChromium({ headless: true });
try {
  // The worker's dictionary loaded first, as on any page after the first: a long page is not the browser's first.
  const warm = (await session.context.newPage()) as unknown as BrowserPage & { close(): Promise<void> };
  await warm.goto(`${server.url}/seed/xinhua-moscow.html`);
  await waitUntilReady(warm);
  await warm.close();
  for (const size of built) {
    const runs: Run[] = [];
    for (let k = 0; k < size.runs; k += 1) {
      const run = await visit(session, `${server.url}${size.file}?run=${k}#${partId(size.copy, 'zh')}`, size.copy);
      console.log(`${size.paragraphs} paragraphs, run ${k + 1}:`, JSON.stringify({ ...run, findings: undefined }), JSON.stringify(run.findings));
      runs.push(run);
    }
    results.push({ size, runs, withoutParallax: await withoutExtension(`${server.url}${size.file}#${partId(size.copy, 'zh')}`, size.copy) });
  }
} finally {
  await session.close();
  await server.close();
}

const lines = [
  '## Long pages (`npm run bench`, scripts/bench-long-page.ts)',
  '',
  `${machineLine()} Load average (1 min) when the run began: ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores.`,
  '',
  `The seed report repeated (scripts/lib/long-page.ts: each copy's paragraphs numbered), opened in headless Chromium with the built extension at a link to the middle copy of the Chinese version, after a visit to the seed page (so the worker has its dictionary). The reader points at the copy's sentence "${sentenceOfCopy(1).sentence.slice(3)}" a few lines down (scrolled up to the top of the view where it stands below it), and again every 1.5 s until a tooltip shows (the first time it is seen is the time, polled every 50 ms); "right" is whether it showed that copy's English sentence. Times are from the start of navigation, on the page's clock. Runs up to ${FIRST_HOVER_LIMIT_MS / 1000} s for the first tooltip and ${ALIGNED_LIMIT_MS / 1000} s for the whole page.`,
  '',
  '| page | runs | first tooltip ms, median (each) | right counterpart | whole page aligned ms, median |',
  '|---|---|---|---|---|',
  ...results.map(({ size, runs }) => {
    const findings = runs[0]!.findings;
    const counts = findings?.zhSentences !== undefined ? `, ${findings.zhSentences.toLocaleString('en')} × ${findings.enSentences!.toLocaleString('en')} sentences` : '';
    return `| ${size.page.zhParagraphs.toLocaleString('en')} Chinese and ${size.page.enParagraphs.toLocaleString('en')} English paragraphs${counts} | ${runs.length} | ${formatMs(medianOrNull(runs.map((r) => r.firstTooltipMs)))} (${runs.map((r) => formatMs(r.firstTooltipMs)).join(', ')}) | ${runs.filter((r) => r.rightCounterpart).length} of ${runs.length} | ${formatMs(medianOrNull(runs.map((r) => r.alignedMs)))} |`;
  }),
  '',
  "The page's main thread, where content scripts run, from Chromium's own trace of each visit (scripts/lib/main-thread-trace.ts; tracing slows the browser a little, the same for both visits): every task, the browser's style, layout and paint included, which the page's Long Tasks observer leaves out. Parallax's share: its longest time in one task (its script, with the style and layout it asked for while it ran), the longest task in which its script ran at all and its time in that one; the longest restyle or layout the browser did later for changes only Parallax's script had made; and the content script's longest slice as it measures it itself. \"Without Parallax\" is the same page in Chromium without the extension, visited the same way (opened, the sentence found and pointed at): parsing and laying out a long page is the browser's own work, one task that no extension can split. Maxima over the runs.",
  '',
  "| page | longest task ms | tasks over 50 ms | Parallax's longest time in one task ms | longest task Parallax's script ran in, ms (Parallax's ms) | later restyle or layout for Parallax's changes, ms | content script's longest slice ms | without Parallax: longest task ms | without Parallax: tasks over 50 ms |",
  '|---|---|---|---|---|---|---|---|---|',
  ...results.map(({ size, runs, withoutParallax }) => {
    const withParallax = runs.map((r) => r.mainThread);
    const longest = Math.max(...withParallax.map((m) => Math.max(0, ...m.longTasksMs)));
    const own = withParallax.map((m) => m.longestWithExtension).filter((o) => o !== null).sort((x, y) => y.taskMs - x.taskMs)[0];
    return `| ${size.paragraphs.toLocaleString('en')} paragraphs | ${longest.toFixed(0)} | ${Math.max(...withParallax.map((m) => m.longTasksMs.length))} | ${Math.max(...withParallax.map((m) => m.longestExtensionMs)).toFixed(0)} | ${own ? `${own.taskMs.toFixed(0)} (${own.extensionMs.toFixed(0)})` : 'none'} | ${Math.max(...withParallax.map((m) => m.longestLaterRenderingMs)).toFixed(0)} | ${Math.max(...runs.map((r) => r.longestSliceMs ?? 0)).toFixed(0)} | ${Math.max(0, ...withoutParallax.longTasksMs).toFixed(0)} | ${withoutParallax.longTasksMs.length} |`;
  }),
  '',
  'Where the time until the first tooltip goes, from the content script\'s own figures (medians of the runs, ms from the start of navigation): the page read (after the browser\'s first frame of it), the worker\'s first answer (with the worker\'s time aligning it: the part around the view), hovering working (the worker\'s sentences made the page\'s own), the first tooltip; and the longest task of sending the page\'s text to the worker (its serialisation), which counts in the longest slice above.',
  '',
  '| page | page read | first answer (aligning ms) | hovering works | first tooltip | longest send ms, max |',
  '|---|---|---|---|---|---|',
  ...results.map(({ size, runs }) => {
    const of = (field: 'readAtMs' | 'answeredAtMs' | 'firstAlignMs' | 'readyMs') => formatMs(medianOrNull(runs.map((r) => r.findings?.[field] ?? null)));
    const send = Math.max(...runs.map((r) => r.findings?.longestSendMs ?? 0));
    return `| ${size.paragraphs.toLocaleString('en')} paragraphs | ${of('readAtMs')} | ${of('answeredAtMs')} (${of('firstAlignMs')}) | ${of('readyMs')} | ${formatMs(medianOrNull(runs.map((r) => r.firstTooltipMs)))} | ${send.toFixed(0)} |`;
  }),
];
writeBenchmarkSection('long-page', lines.join('\n'));
console.log(lines.join('\n'));
