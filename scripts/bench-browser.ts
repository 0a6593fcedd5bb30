/**
 * The extension measured in real Chromium (`npm run build` first; `npm run bench` runs this after its own build):
 * hover-ready times on the seed page and the dictionary's load in the worker after an install, a stopped worker and a
 * browser restart; the content script's main-thread time reading generated and news-site pages; Mozilla Readability
 * on the same pages; the aligner and the dictionary's parse in Node; the built files' sizes. Writes the `browser`
 * section of BENCHMARKS.md.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { align } from '../utils/align/aligner';
import { parseDictionary } from '../utils/align/dictionary';
import { readBilingualPage } from '../utils/page/read-page';
import { toAlignRequest } from '../utils/page/split-page';
import { machineLine, median, writeBenchmarkSection } from './lib/benchmarks-md';
import { dictionaryPath, loadDictionaryFromDisk } from './lib/dictionary-node';
import { CHROME_BUILD, launchChromium } from './lib/launch';
import { dictionaryAskedMs, dictionaryLoad, dictionaryStored, dictionaryWait, expectedSeed, fixturesDir, waitFor, waitUntilReady, type BrowserPage } from './lib/reader';
import { realPages } from './lib/real-pages';
import { serveDirectory } from './lib/serve';

const LOADS = 7;
const BROWSER_STARTS = 5;
const READ_LOADS = 9;
const GENERATED_PARAGRAPHS = 5_000;

/**
 * A news site's article page as real sites build them, about 3,000 elements: a header with channel navigation and a
 * hidden mega-menu, share bars, a sidebar of related-story lists, ads, a comment thread and a footer of links, around
 * an article of 25 paragraphs in alternating languages (or, not bilingual, in Chinese only).
 */
function newsPage(bilingual: boolean): string {
  const repeat = (count: number, item: (k: number) => string) => Array.from({ length: count }, (_, k) => item(k)).join('');
  const link = (k: number) => `<li class="nav-item"><a href="/channel/${k}"><span>频道${k}</span></a></li>`;
  const story = (k: number) =>
    `<li class="story"><a href="/story/${k}"><img src="data:," alt=""><div class="story-title">相关新闻第${k}条：本地交通出行新规发布</div></a><span class="time">${k % 24}小时前</span></li>`;
  const comment = (k: number) =>
    `<div class="comment"><div class="avatar"><img src="data:," alt=""></div><div class="comment-body"><a class="user" href="/u/${k}">读者${k}</a><p>说得很好，支持！</p><div class="actions"><button>赞 ${k}</button><button>回复</button></div></div></div>`;
  const zh = (k: number) => `<p>第${k}段：今年春天，这个城市新建了${k % 9}所学校和一座图书馆。孩子们说，他们最喜欢图书馆里的科学书。</p>`;
  const en = (k: number) => `<p>Paragraph ${k}: This spring the city built ${k % 9} new schools and a library. The children said they liked the science books in the library best.</p>`;
  const article = repeat(25, (k) => (bilingual ? zh(k) + en(k) : zh(k)));
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>新闻</title></head><body>
<header class="site-header"><div class="logo"><a href="/">新闻网</a></div><nav class="channels"><ul>${repeat(80, link)}</ul></nav>
<div class="mega-menu" style="display:none">${repeat(30, (k) => `<div class="col"><h4>栏目${k}</h4><ul>${repeat(10, (j) => link(k * 10 + j))}</ul></div>`)}</div></header>
<div class="share-bar">${repeat(12, (k) => `<a class="share" href="#s${k}"><i class="icon"></i><span>分享</span></a>`)}</div>
<div class="wrapper"><main class="content"><div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/world">国际</a></div>
<h1 class="headline">城市新建学校和图书馆</h1><div class="byline"><span>来源：新闻网</span> <span>2026-05-08</span></div>
<div class="article-body">${article}</div>
<div class="ad">${repeat(6, (k) => `<div class="ad-slot"><a href="/ad/${k}"><img src="data:," alt="">广告</a></div>`)}</div>
<section class="comments"><h3>评论</h3>${repeat(60, comment)}</section></main>
<aside class="sidebar">${repeat(10, (k) => `<div class="box"><h3>热门${k}</h3><ul>${repeat(10, (j) => story(k * 10 + j))}</ul></div>`)}</aside></div>
<footer class="site-footer">${repeat(20, (k) => `<div class="footer-col"><h5>关于${k}</h5><ul>${repeat(10, (j) => `<li><a href="/f/${k}/${j}">链接${j}</a></li>`)}</ul></div>`)}<p class="copyright">版权所有 © 2026 新闻网</p></footer>
</body></html>`;
}

/**
 * Generated pages for the page reader: 5,000 paragraphs in two languages; silent pages in one language of 1,000
 * paragraphs (longer than almost any article) and, as a stress case, 5,000 English paragraphs (about 750 KB of text);
 * a news site's page of about 3,000 elements, bilingual and not.
 */
function writeGeneratedPages(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const zh = (k: number) => `<p>第${k}段：今年春天，这个城市新建了${k % 97}所学校和一座图书馆。孩子们说，他们最喜欢图书馆里的科学书。</p>`;
  const en = (k: number) => `<p>Paragraph ${k}: This spring the city built ${k % 97} new schools and a library. The children said they liked the science books in the library best.</p>`;
  const page = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;
  const half = GENERATED_PARAGRAPHS / 2;
  const paragraphs = (count: number, paragraph: (k: number) => string) => Array.from({ length: count }, (_, k) => paragraph(k)).join('\n');
  writeFileSync(path.join(dir, 'english-5000.html'), page('English only', paragraphs(GENERATED_PARAGRAPHS, en)));
  writeFileSync(path.join(dir, 'english-1000.html'), page('English only', paragraphs(1_000, en)));
  writeFileSync(path.join(dir, 'chinese-1000.html'), page('Chinese only', paragraphs(1_000, zh)));
  writeFileSync(
    path.join(dir, 'bilingual-5000.html'),
    page('Bilingual', `<article>${Array.from({ length: half }, (_, k) => zh(k)).join('\n')}</article><article>${Array.from({ length: half }, (_, k) => en(k)).join('\n')}</article>`),
  );
  writeFileSync(path.join(dir, 'news-bilingual.html'), newsPage(true));
  writeFileSync(path.join(dir, 'news-chinese.html'), newsPage(false));
}

const lines: string[] = ['## The extension (`npm run bench`)', '', machineLine(), ''];

// Hover-ready time: from the start of navigation until the page's sentences answer a hover. The first load after
// each browser start waits for the worker to load the dictionary from the package, as after the extension is
// installed; the later loads of the first browser do not. Then the worker is stopped, as Chrome stops an idle one,
// and the next load's worker reads the copy the first one stored; then the browser is started again on the same
// profile, whose first worker reads that copy too.
const server = await serveDirectory(fixturesDir);
const expected = expectedSeed();
const cold: number[] = [];
const warm: number[] = [];
const coldAlignMs: number[] = [];
const warmAlignMs: number[] = [];
const dictionaryMs: Record<'installed' | 'workerRestart' | 'browserRestart' | 'packageInRunningBrowser', number[]> = {
  installed: [],
  workerRestart: [],
  browserRestart: [],
  packageInRunningBrowser: [],
};
// What the first page of each of those waited for the dictionary, from the worker's being asked to its having it.
const dictionaryWaitMs: Record<'installed' | 'workerRestart' | 'browserRestart', number[]> = { installed: [], workerRestart: [], browserRestart: [] };
// How long before the first page after a stopped worker asked for the dictionary its load had started.
const workerRestartLeadMs: number[] = [];
for (let start = 0; start < BROWSER_STARTS; start += 1) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-'));
  try {
    for (const restart of [false, true]) {
      const session = await launchChromium({ headless: true, profile });
      const load = async (query: string) => {
        const page = await session.context.newPage();
        const url = `${server.url}/${expected.page}?${query}`;
        await (page as unknown as BrowserPage).goto(url);
        await waitUntilReady(page as unknown as BrowserPage);
        const findings = await waitFor(async () => {
          const found = await session.pageFindings(url);
          return found?.readyMs !== undefined ? found : null;
        }, 'the content script\'s findings');
        await page.close();
        return { readyMs: findings.readyMs!, alignMs: findings.alignMs! };
      };
      const dictionaryLoadFrom = async (expectedSource: 'package' | 'stored') => {
        const { durationMs, source } = await dictionaryLoad(session);
        if (source !== expectedSource) throw new Error(`The worker read the dictionary from the ${source}, not the ${expectedSource}.`);
        return durationMs;
      };
      try {
        if (restart) {
          await load(`start=${start}&browser-restarted`);
          dictionaryWaitMs.browserRestart.push(await dictionaryWait(session));
          dictionaryMs.browserRestart.push(await dictionaryLoadFrom('stored'));
          continue;
        }
        for (let k = 0; k < (start === 0 ? LOADS : 1); k += 1) {
          const findings = await load(`start=${start}&load=${k}`);
          if (k === 0) dictionaryWaitMs.installed.push(await dictionaryWait(session));
          (k === 0 ? cold : warm).push(findings.readyMs);
          (k === 0 ? coldAlignMs : warmAlignMs).push(findings.alignMs);
        }
        dictionaryMs.installed.push(await dictionaryLoadFrom('package'));
        await dictionaryStored(session);
        await session.stopWorker();
        await load(`start=${start}&worker-restarted`);
        dictionaryWaitMs.workerRestart.push(await dictionaryWait(session));
        dictionaryMs.workerRestart.push(await dictionaryLoadFrom('stored'));
        workerRestartLeadMs.push((await dictionaryAskedMs(session)) - (await dictionaryLoad(session)).startMs);
        // The package read again with the browser started and idle, as when the stored copy is lost: at install the
        // read above shares the machine with the browser's own start.
        await session.stopWorker();
        await session.clearIndexedDb();
        await load(`start=${start}&copy-cleared`);
        dictionaryMs.packageInRunningBrowser.push(await dictionaryLoadFrom('package'));
        await dictionaryStored(session);
      } finally {
        await session.close();
      }
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

// Main-thread time the content script spends reading a page, as it reports it to the extension (`readPageMs`).
const generatedDir = path.resolve('tmp/bench-pages');
writeGeneratedPages(generatedDir);
const generatedServer = await serveDirectory(generatedDir);
const readPage: Record<string, number[]> = {};
const longestSlice: Record<string, number> = {};
// The part of `readPageMs` spent making the sentences the background split into the page's own.
const makeSentences: Record<string, number[]> = {};
const textContent: Record<string, number[]> = {};
const findArticle: Record<string, number[]> = {};
const readabilityRows: string[] = [];
const pageSession = await launchChromium({ headless: true });
try {
  for (const [label, file] of [
    ['English only, the demo page', 'EN'],
    ['English only, 1,000 paragraphs', 'english-1000.html'],
    ['Chinese only, 1,000 paragraphs', 'chinese-1000.html'],
    ['English only, 5,000 paragraphs (stress case)', 'english-5000.html'],
    ['Chinese and English, 5,000 paragraphs', 'bilingual-5000.html'],
    ['News site page, ~3,000 elements, bilingual article', 'news-bilingual.html'],
    ['News site page, ~3,000 elements, Chinese only', 'news-chinese.html'],
  ] as const) {
    readPage[label] = [];
    makeSentences[label] = [];
    textContent[label] = [];
    findArticle[label] = [];
    for (let k = 0; k < READ_LOADS; k += 1) {
      const page = await pageSession.context.newPage();
      const url = file === 'EN' ? `${server.url}/seed/english-only.html` : `${generatedServer.url}/${file}`;
      await page.goto(url);
      const [busy, longest, sentences, article] = await waitFor(
        async () => {
          const found = await pageSession.pageFindings(url);
          return found?.readPageMs !== undefined && [found.readPageMs, found.longestSliceMs!, found.makeSentencesMs!, found.findArticleMs!];
        },
        'the content script to read the page',
        60_000,
      );
      readPage[label].push(busy!);
      longestSlice[label] = Math.max(longestSlice[label] ?? 0, longest!);
      makeSentences[label].push(sentences!);
      findArticle[label].push(article!);
      // The browser's own cost of handing over the page's text, which the quick look reads whole.
      textContent[label].push(
        await page.evaluate(() => {
          const started = performance.now();
          void document.body.textContent;
          return performance.now() - started;
        }),
      );
      await page.close();
    }
  }
  // Mozilla's Readability on the same news pages and on the real layouts, for the README's comparison: the time
  // of one parse (of a clone, as it changes the document it reads) and what it keeps of each language's article.
  const readabilitySource = readFileSync(path.resolve('node_modules/@mozilla/readability/Readability.js'), 'utf8');
  const readabilityOn = async (url: string) => {
    const page = await pageSession.context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: readabilitySource });
    const runs = await page.evaluate(() => {
      const Parser = (window as unknown as { Readability: new (doc: Document) => { parse(): { textContent?: string | null } | null } }).Readability;
      return Array.from({ length: 7 }, () => {
        const started = performance.now();
        const parsed = new Parser(document.cloneNode(true) as Document).parse();
        return { ms: performance.now() - started, text: parsed?.textContent ?? '' };
      });
    });
    await page.close();
    return { ms: median(runs.map((r) => r.ms)), text: runs[0]!.text.replace(/\s+/g, '') };
  };
  for (const [label, file] of [
    ['News site page, ~3,000 elements, bilingual article', 'news-bilingual.html'],
    ['News site page, ~3,000 elements, Chinese only', 'news-chinese.html'],
  ] as const) {
    readabilityRows.push(`| ${label} | ${(await readabilityOn(`${generatedServer.url}/${file}`)).ms.toFixed(1)} | | | |`);
  }
  for (const real of realPages()) {
    const { ms, text } = await readabilityOn(`${server.url}/${real.urlPath}`);
    const kept = (snippets: string[]) => `${snippets.filter((x) => text.includes(x.replace(/\s+/g, ''))).length}/${snippets.length}`;
    const paragraphs = real.expected.paragraphs;
    readabilityRows.push(`| ${real.name} | ${ms.toFixed(1)} | ${kept(paragraphs.map((p) => p.zh))} | ${kept(paragraphs.map((p) => p.en))} | ${kept(real.expected.chrome)} |`);
  }
} finally {
  await pageSession.close();
  await generatedServer.close();
  await server.close();
}

lines.push('### Hover-ready on the seed page (Chromium, headless)', '');
lines.push(`- First load after the browser starts (the worker loads the dictionary), median of ${cold.length} starts: ${median(cold).toFixed(0)} ms from navigation start (min ${Math.min(...cold)}, max ${Math.max(...cold)}).`);
const dictionaryLine = (times: number[], what: string) =>
  `- Dictionary ready in the worker ${what}, median of ${times.length}: ${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)}).`;
lines.push(dictionaryLine(dictionaryMs.installed, "the first time, when it reads the extension's package (after the extension is installed or updated)"));
lines.push(dictionaryLine(dictionaryMs.packageInRunningBrowser, "from the extension's package again, in the running browser with its stored copy cleared"));
lines.push(dictionaryLine(dictionaryMs.workerRestart, 'after Chrome stopped the idle worker, from the copy in IndexedDB'));
lines.push(dictionaryLine(dictionaryMs.browserRestart, 'after the browser restarted, from the same copy'));
const waitLine = (times: number[], when: string) => `${when} median ${median(times).toFixed(0)} ms (max ${Math.max(...times).toFixed(0)})`;
lines.push(
  `- What the first page waited for the dictionary, from the worker's being asked to its having it (the worker starts reading the package when the extension is installed, and the stored copy when a page's quick look finds both languages, before the page is read through and asks): ${[
    waitLine(dictionaryWaitMs.installed, 'after install,'),
    `${waitLine(dictionaryWaitMs.workerRestart, 'after Chrome stopped the worker,')}, the load having started a median ${median(workerRestartLeadMs).toFixed(0)} ms before the page asked (min ${Math.min(...workerRestartLeadMs).toFixed(0)})`,
    waitLine(dictionaryWaitMs.browserRestart, 'after the browser restarted (Chromium started with --load-extension fires runtime.onInstalled at every start, so the worker reads ahead then too; an installed extension is not told at a restart, and its first page has the worker read ahead from its quick look, as after a stopped worker),'),
  ].join('; ')}.`,
);
lines.push(`- Later loads, median of ${warm.length}: ${median(warm).toFixed(0)} ms (min ${Math.min(...warm)}, max ${Math.max(...warm)}).`);
lines.push(`- Alignment inside the worker, median: ${median(warmAlignMs).toFixed(0)} ms on later loads, ${median(coldAlignMs).toFixed(0)} ms on the first load after a start (the aligner's code not yet optimised).`, '');
lines.push(`### Reading the page (Chromium, main thread, ${READ_LOADS} loads each)`, '');
lines.push('The content script\'s own measures, which it gives the extension and never the page: `readPageMs` is the main-thread time of the quick look and, on a bilingual page, of finding the blocks and telling the article from the site around it (`findArticleMs`, with the layout\'s visibility checks) (read in slices with pauses between them, which are not counted) and of making the sentences, which the background worker splits, into the page\'s own (`makeSentencesMs`, in slices too, also counted in `readPageMs`); `longestSliceMs` is the longest single slice or task of these.', '');
lines.push('The last column times one `document.body.textContent` call in the page after the content script is done: the browser building the text of the page, which the quick look reads whole (a Chinese article may stand after any amount of English).', '');
lines.push('| page | busy ms, median | busy ms, max | of which finding the article ms, median | of which making sentences ms, median | longest slice ms, max | `textContent` alone ms, median |', '|---|---|---|---|---|---|---|');
for (const [label, times] of Object.entries(readPage)) {
  lines.push(`| ${label} | ${median(times).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${median(findArticle[label]!).toFixed(1)} | ${median(makeSentences[label]!).toFixed(1)} | ${longestSlice[label]!.toFixed(1)} | ${median(textContent[label]!).toFixed(1)} |`);
}
lines.push('');
lines.push('### Mozilla Readability on the same pages (Chromium, main thread)', '');
lines.push("`@mozilla/readability`'s parse of a clone of the document, median of 7, and what its article keeps of each fixture's paragraphs (by their snippets) and of the site chrome the fixture names. Parallax does not use it: see the README.", '');
lines.push('| page | parse ms, median | Chinese paragraphs kept | English paragraphs kept | chrome kept |', '|---|---|---|---|---|', ...readabilityRows, '');

// The aligner on the seed page in Node, with the page read as the content script reads it.
const window = new Window();
window.document.write(readFileSync(path.join(fixturesDir, expected.page), 'utf8').replace(/<link [^>]*>/g, ''));
const request = toAlignRequest(readBilingualPage(window.document as unknown as Document)!);
const dictionary = loadDictionaryFromDisk();
const seedTimes: number[] = [];
for (let k = 0; k < 15; k += 1) {
  const started = performance.now();
  align(request, dictionary);
  seedTimes.push(performance.now() - started);
}
const dictionaryBytes = readFileSync(dictionaryPath);
const parseTimes: number[] = [];
for (let k = 0; k < 7; k += 1) {
  const started = performance.now();
  parseDictionary(dictionaryBytes);
  parseTimes.push(performance.now() - started);
}
lines.push('### In Node', '');
lines.push(`- Aligning the seed page (${request.zh.sentences.length} × ${request.en.sentences.length} sentences), median of 15: ${median(seedTimes).toFixed(1)} ms.`);
lines.push(`- Parsing the dictionary, median of 7: ${median(parseTimes).toFixed(0)} ms.`, '');

// Bundle sizes.
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
lines.push('### Built files (chrome-mv3)', '', '| file | bytes | gzip bytes |', '|---|---|---|');
for (const file of filesUnder(CHROME_BUILD).filter((f) => /\.(js|css|html|txt|json|bin)$/.test(f)).sort()) {
  const bytes = statSync(file).size;
  lines.push(`| ${path.relative(CHROME_BUILD, file)} | ${bytes.toLocaleString('en')} | ${gzipSync(readFileSync(file)).length.toLocaleString('en')} |`);
}
writeBenchmarkSection('browser', lines.join('\n'));
console.log(lines.join('\n'));

