/**
 * `npm run bench`: the extension measured in real Chromium and the aligner in Node, written to BENCHMARKS.md;
 * then `npm run bench:align` for alignment quality and speed against the baselines.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Window } from 'happy-dom';
import { align } from '../utils/align/aligner';
import { parseDictionary } from '../utils/align/dictionary';
import { readBilingualPage, toAlignRequest } from '../utils/page/read-page';
import { machineLine, median, writeBenchmarkSection } from './lib/benchmarks-md';
import { dictionaryPath, loadDictionaryFromDisk } from './lib/dictionary-node';
import { CHROME_BUILD, launchChromium } from './lib/launch';
import { expectedSeed, fixturesDir, readFindings, waitUntilReady, type BrowserPage } from './lib/reader';
import { serveDirectory } from './lib/serve';

const LOADS = 7;

execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
const lines: string[] = ['## The extension (`npm run bench`)', '', machineLine(), ''];

// Hover-ready time: from the start of navigation until the page's sentences answer a hover.
const server = await serveDirectory(fixturesDir);
const expected = expectedSeed();
const session = await launchChromium({ headless: true });
const ready: number[] = [];
const alignMs: number[] = [];
try {
  for (let k = 0; k < LOADS; k += 1) {
    const page = await session.context.newPage();
    await (page as unknown as BrowserPage).goto(`${server.url}/${expected.page}?load=${k}`);
    await waitUntilReady(page as unknown as BrowserPage);
    const findings = await readFindings(page as unknown as BrowserPage);
    ready.push(findings.readyMs);
    alignMs.push(findings.alignMs);
    await page.close();
  }
} finally {
  await session.close();
  await server.close();
}
const [first, ...warm] = ready;
lines.push('### Hover-ready on the seed page (Chromium, headless)', '');
lines.push(`- First load after the browser starts (worker loads the dictionary): ${first} ms from navigation start.`);
lines.push(`- Later loads, median of ${warm.length}: ${median(warm).toFixed(0)} ms (min ${Math.min(...warm)}, max ${Math.max(...warm)}).`);
lines.push(`- Alignment inside the worker, median: ${median(alignMs).toFixed(0)} ms.`, '');

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
const text = readFileSync(dictionaryPath, 'utf8');
const parseTimes: number[] = [];
for (let k = 0; k < 7; k += 1) {
  const started = performance.now();
  parseDictionary(text);
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
for (const file of filesUnder(CHROME_BUILD).filter((f) => /\.(js|css|html|txt)$/.test(f)).sort()) {
  const bytes = statSync(file).size;
  lines.push(`| ${path.relative(CHROME_BUILD, file)} | ${bytes.toLocaleString('en')} | ${gzipSync(readFileSync(file)).length.toLocaleString('en')} |`);
}
writeBenchmarkSection('browser', lines.join('\n'));
console.log(lines.join('\n'));

execFileSync('npm', ['run', '-s', 'bench:align'], { stdio: 'inherit' });
