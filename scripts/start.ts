/**
 * `npm start` (`npm start -- --browser firefox`): builds the extension, serves the demo pages on 127.0.0.1 and opens
 * a browser with the extension on the demo page. Without a display it runs headless, prints what it found (in
 * Chromium) and writes a screenshot of a hover.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findChromium, findFirefox, INSTALL_BROWSERS } from './lib/browsers';
import { launchChromium, launchFirefox } from './lib/launch';
import { expectedSeed, fixturesDir, hoverSentence, waitFor, waitUntilReady, type BrowserPage } from './lib/reader';
import { serveDirectory } from './lib/serve';

function parseBrowser(argv: string[]): 'chromium' | 'firefox' {
  const at = argv.indexOf('--browser');
  const value = at >= 0 ? argv[at + 1] : (argv.find((a) => a.startsWith('--browser='))?.split('=')[1] ?? 'chromium');
  if (value === 'chrome' || value === 'chromium') return 'chromium';
  if (value === 'firefox') return 'firefox';
  console.error(`Unknown browser "${value}": use --browser chromium or --browser firefox.`);
  process.exit(2);
}

const browserName = parseBrowser(process.argv.slice(2));
const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

if (!(browserName === 'chromium' ? findChromium() : findFirefox())) {
  console.error(`${browserName === 'chromium' ? 'Chrome or Chromium' : 'Firefox'} was not found. Install it, for example on Debian or Ubuntu:\n  ${INSTALL_BROWSERS}`);
  process.exit(1);
}

console.log('Building the extension for Chrome and Firefox…');
execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });

const server = await serveDirectory(fixturesDir);
const expected = expectedSeed();
const demoUrl = `${server.url}/${expected.page}`;
console.log(`Demo pages: ${server.url}/  (the seed article: ${demoUrl})`);

const session = browserName === 'chromium' ? await launchChromium({ headless: !hasDisplay }) : await launchFirefox({ headless: !hasDisplay });
const page = (browserName === 'chromium'
  ? await (session as Awaited<ReturnType<typeof launchChromium>>).context.newPage()
  : await (session as Awaited<ReturnType<typeof launchFirefox>>).browser.newPage()) as unknown as BrowserPage & {
  screenshot(options: { path: string }): Promise<unknown>;
};
await page.goto(demoUrl);

if (hasDisplay) {
  console.log(`${browserName} is open with Parallax on the demo page. Hover a sentence; close the browser or press Ctrl+C to stop.`);
  const stop = async () => {
    await session.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  if (browserName === 'chromium') (session as Awaited<ReturnType<typeof launchChromium>>).context.on('close', () => void stop());
  else (session as Awaited<ReturnType<typeof launchFirefox>>).browser.on('disconnected', () => void stop());
} else {
  try {
    await waitUntilReady(page);
    console.log(`No display: ran ${browserName} headless on ${demoUrl}`);
    if (browserName === 'chromium') {
      // The content script tells its findings to the extension only, never to the page: they are asked through the
      // extension's worker, which Firefox's automation protocol cannot reach.
      const chromium = session as Awaited<ReturnType<typeof launchChromium>>;
      const findings = await waitFor(async () => {
        const found = await chromium.pageFindings(demoUrl);
        return found?.state === 'ready' ? found : null;
      }, 'the content script\'s findings');
      console.log(`  Chinese sentences: ${findings.zhSentences}`);
      console.log(`  English sentences: ${findings.enSentences}`);
      console.log(`  pairs:             ${findings.pairs}`);
      console.log(`  unmatched:         ${findings.unmatched}`);
      console.log(`  time to align:     ${findings.alignMs} ms (navigation start to hover-ready: ${findings.readyMs} ms)`);
    }
    const pair = expected.pairs[0]!;
    const tooltip = await hoverSentence(page, pair.locate ?? pair.sentence);
    console.log(`  hovering "${pair.sentence}" shows: ${tooltip.counterparts.map((c) => c.text).join(' ')}`);
    const shot = path.resolve('tmp', `start-hover-${browserName}.png`);
    mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    console.log(`  screenshot of the hover: ${path.relative(process.cwd(), shot)}`);
  } finally {
    await session.close();
    await server.close();
  }
}
