/**
 * `npx tsx scripts/screenshots.ts`: the README's pictures, taken in real Chromium: a hover on the seed page
 * (docs/hover.png) and the side panel beside it (docs/sidepanel.png). Look at them before committing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchChromium } from './lib/launch';
import { expectedSeed, fixturesDir, hoverSentence, waitFor, waitUntilReady, type BrowserPage } from './lib/reader';
import { serveDirectory } from './lib/serve';

execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
mkdirSync('docs', { recursive: true });
const server = await serveDirectory(fixturesDir);
const session = await launchChromium({ headless: true });
try {
  const expected = expectedSeed();
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1100, height: 720 });
  const url = `${server.url}/${expected.page}`;
  await page.goto(url);
  await waitUntilReady(page as unknown as BrowserPage);
  const pair = expected.pairs.find((p) => p.hover === 'zh' && p.sentence.startsWith('普京表示'))!;
  await hoverSentence(page as unknown as BrowserPage, pair.sentence);
  await page.screenshot({ path: 'docs/hover.png' });

  const panel = await session.openSidePanel(url);
  await panel.setViewportSize({ width: 420, height: 720 });
  await waitFor(() => panel.evaluate(() => document.querySelectorAll('[data-pair]').length > 0), 'the side panel pairs');
  await panel.screenshot({ path: 'docs/sidepanel.png' });
  console.log('Wrote docs/hover.png and docs/sidepanel.png');
} finally {
  await session.close();
  await server.close();
}
