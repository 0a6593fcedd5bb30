/**
 * Long pages in Firefox with the built extension (`npm run build` first): the page of scripts/bench-long-page.ts, of
 * 1,000 and 10,000 paragraphs per language, opened the same way at a link to its middle copy, the reader pointing at
 * the copy's sentence until a tooltip shows. Firefox has no trace this harness can read, so the page's main thread
 * is watched from inside the page: a script first in its head runs a 4 ms timer from then on, and how late it fires
 * is how long the thread was held (the longest task, to the timer's 4 ms). (A WebDriver BiDi preload script would
 * start sooner, but its timers never fired in Firefox ESR here.) The same page is visited in
 * Firefox without the extension, so that the difference is the extension's; the content script's own longest slice
 * comes from its findings, asked through an extension page. Writes the `long-page-firefox` section of BENCHMARKS.md.
 */
import os from 'node:os';
import puppeteer, { type Page } from 'puppeteer-core';
import { findFirefox } from './lib/browsers';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks-md';
import { launchFirefox } from './lib/launch';
import { ALIGNED_LIMIT_MS, benchedLongPages, FIRST_HOVER_LIMIT_MS, formatMs, medianOrNull, partId, pointOnParagraph, pointUntilTooltip, sentenceOfCopy, type FirstTooltip } from './lib/long-page';
import { fixturesDir, waitFor, waitUntilReady, type BrowserPage } from './lib/reader';
import { serveDirectory } from './lib/serve';
import type { PageFindings } from '../utils/messaging';

const PROBE_EVERY_MS = 4;
/** After the whole page is aligned (or the reader's pointing, without the extension), the probe watches this long. */
const WATCH_AFTER_MS = 3_000;

/**
 * The script first in the page's head: a timer every PROBE_EVERY_MS ms, noting the latest it fired and each time it
 * fired more than 50 ms late (when it was due, how late), kept on the window for the benchmark to read, under a name no page uses. Written as
 * text: the page gets it as it stands (a function's source, as tsx compiles it, calls helpers the page has not).
 */
const LATENESS_PROBE = `(() => {
  const probe = { latest: 0, over50: [], stopped: false };
  window.parallaxBenchProbe = probe;
  let due = performance.now() + ${PROBE_EVERY_MS};
  const tick = () => {
    if (probe.stopped) return;
    const late = performance.now() - due;
    probe.latest = Math.max(probe.latest, late);
    if (late > 50) probe.over50.push([Math.round(due), Math.round(late)]);
    due = performance.now() + ${PROBE_EVERY_MS};
    setTimeout(tick, ${PROBE_EVERY_MS});
  };
  setTimeout(tick, ${PROBE_EVERY_MS});
})();`;

interface Lateness {
  latestMs: number;
  /** [due at, ms late] on the page's clock. */
  over50: Array<[number, number]>;
}

async function stopProbe(page: Page): Promise<Lateness> {
  return page.evaluate(() => {
    const probe = (window as unknown as { parallaxBenchProbe: { latest: number; over50: Array<[number, number]>; stopped: boolean } }).parallaxBenchProbe;
    probe.stopped = true;
    return { latestMs: probe.latest, over50: probe.over50 };
  });
}

interface Run extends FirstTooltip {
  alignedMs: number | null;
  lateness: Lateness;
  findings: PageFindings | null;
}

const { benched: built, pages } = benchedLongPages(LATENESS_PROBE);
const server = await serveDirectory(fixturesDir, 0, pages);
const loadAtStart = os.loadavg()[0]!;

/** Opens the page, not waiting for its load, which the reader does not either. */
function openWatched(page: Page, url: string): void {
  void page.goto(url, { timeout: ALIGNED_LIMIT_MS }).catch(() => undefined);
}

/** The same page in Firefox without the extension, opened and pointed at the same way. */
async function withoutExtension(url: string, copy: number): Promise<Lateness> {
  const browser = await puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: findFirefox()!, headless: true, defaultViewport: { width: 1200, height: 900 } });
  try {
    const page = await browser.newPage();
    openWatched(page, url);
    const point = await waitFor(() => pointOnParagraph(page as unknown as BrowserPage, sentenceOfCopy(copy).sentence).catch(() => null), 'the sentence laid out', FIRST_HOVER_LIMIT_MS);
    await page.mouse.move(1, 1);
    await page.mouse.move(point.x, point.y);
    await new Promise((resolve) => setTimeout(resolve, WATCH_AFTER_MS));
    return await stopProbe(page);
  } finally {
    await browser.close();
  }
}

const session = await launchFirefox({ headless: true, forTests: true });
const results: Array<{ size: (typeof built)[number]; runs: Run[]; withoutParallax: Lateness[] }> = [];
try {
  // The background page's dictionary loaded first, as on any page after the first.
  const warm = await session.browser.newPage();
  await warm.goto(`${server.url}/seed/xinhua-moscow.html`);
  await waitUntilReady(warm as unknown as BrowserPage);
  await warm.close();
  // An extension page in a tab of its own, opened once, asks the content scripts for their findings: opening one
  // takes seconds in Firefox, and opening it later would put the long page's tab behind it.
  const asker = await session.openExtensionPage('popup.html');
  const findingsOf = (url: string) =>
    asker.evaluate(async (pageUrl: string) => {
      const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; sendMessage(id: number, m: unknown): Promise<unknown> } } }).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
      if (tab?.id === undefined) return null;
      const answer = (await api.tabs.sendMessage(tab.id, { type: 'pageFindings', payload: {} }).catch(() => null)) as { ok: boolean; value?: PageFindings } | null;
      return answer?.ok ? answer.value! : null;
    }, url);
  for (const size of built) {
    const runs: Run[] = [];
    for (let k = 0; k < size.runs; k += 1) {
      const url = `${server.url}${size.file}?run=${k}#${partId(size.copy, 'zh')}`;
      const page = await session.browser.newPage();
      await page.bringToFront();
      openWatched(page, url);
      const first = await pointUntilTooltip(page as unknown as BrowserPage, size.copy, FIRST_HOVER_LIMIT_MS);
      const findings = await waitFor(
        async () => {
          const found = await findingsOf(url).catch(() => null);
          return found && found.state !== 'reading' && found.state !== 'aligning' && (found.state !== 'ready' || found.alignedAllMs !== undefined) ? found : null;
        },
        'the whole page to be aligned',
        ALIGNED_LIMIT_MS,
      ).catch(() => findingsOf(url));
      await new Promise((resolve) => setTimeout(resolve, WATCH_AFTER_MS));
      const run: Run = { ...first, alignedMs: findings?.alignedAllMs ?? null, lateness: await stopProbe(page), findings };
      console.log(`Firefox, ${size.paragraphs} paragraphs, run ${k + 1}:`, JSON.stringify({ ...run, findings: undefined }), JSON.stringify(findings));
      runs.push(run);
      await page.close();
    }
    const withoutParallax: Lateness[] = [];
    for (let k = 0; k < size.runs; k += 1) withoutParallax.push(await withoutExtension(`${server.url}${size.file}#${partId(size.copy, 'zh')}`, size.copy));
    console.log(`Firefox without Parallax, ${size.paragraphs} paragraphs:`, JSON.stringify(withoutParallax));
    results.push({ size, runs, withoutParallax });
  }
} finally {
  await session.close();
  await server.close();
}

const lines = [
  '## Long pages in Firefox (`npm run bench`, scripts/bench-long-page-firefox.ts)',
  '',
  `${machineLine()} Load average (1 min) when the run began: ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores.`,
  '',
  `The pages and the reader of the section above, in headless Firefox ESR with the built extension, after a visit to the seed page. Firefox gives this harness no trace of the page's main thread, so the page watches it itself: a script first in its head sets a ${PROBE_EVERY_MS} ms timer again and again from then on, and the latest it fires is the longest the thread was held by anything (the page's parsing and layout, the content script, the browser's restyles for either), from navigation until ${WATCH_AFTER_MS / 1000} s after the whole page is aligned. "Without Parallax" is the same page in Firefox without the extension, opened and pointed at the same way and watched until ${WATCH_AFTER_MS / 1000} s after the pointing. The content script's longest slice is its own measure, from its findings. Maxima over the runs.`,
  '',
  '| page | runs | first tooltip ms, median (each) | right counterpart | whole page aligned ms, median | longest hold of the main thread ms | holds over 50 ms, most in a run | content script\'s longest slice ms | without Parallax: longest hold ms | without Parallax: holds over 50 ms |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(({ size, runs, withoutParallax }) => {
    const findings = runs[0]!.findings;
    const counts = findings?.zhSentences !== undefined ? ` (${findings.zhSentences.toLocaleString('en')} × ${findings.enSentences!.toLocaleString('en')} sentences)` : '';
    return `| ${size.paragraphs.toLocaleString('en')} paragraphs a language${counts} | ${runs.length} | ${formatMs(medianOrNull(runs.map((r) => r.firstTooltipMs)))} (${runs.map((r) => formatMs(r.firstTooltipMs)).join(', ')}) | ${runs.filter((r) => r.rightCounterpart).length} of ${runs.length} | ${formatMs(medianOrNull(runs.map((r) => r.alignedMs)))} | ${Math.max(...runs.map((r) => r.lateness.latestMs)).toFixed(0)} | ${Math.max(...runs.map((r) => r.lateness.over50.length))} | ${Math.max(...runs.map((r) => r.findings?.longestSliceMs ?? 0)).toFixed(0)} | ${Math.max(...withoutParallax.map((l) => l.latestMs)).toFixed(0)} | ${Math.max(...withoutParallax.map((l) => l.over50.length))} |`;
  }),
];
writeBenchmarkSection('long-page-firefox', lines.join('\n'));
console.log(lines.join('\n'));
