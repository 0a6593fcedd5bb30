/**
 * `npm run bench`: first `npm run bench:align` for alignment quality and speed against the baselines, on a machine
 * no browser has run on yet; then, on one build, the extension measured in real Chromium and the aligner in Node
 * (scripts/bench-browser.ts), the side panel with 2,000 pairs (scripts/bench-panel.ts), the tooltip after the hover
 * delay (scripts/bench-tooltip.ts) and long pages of 1,000 and 10,000 paragraphs per language in Chromium
 * (scripts/bench-long-page.ts) and Firefox (scripts/bench-long-page-firefox.ts). All written to BENCHMARKS.md; each part also runs alone after `npm run build`.
 */
import { execFileSync } from 'node:child_process';

execFileSync('npm', ['run', '-s', 'bench:align'], { stdio: 'inherit' });
execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });

// The extension in Chromium and the aligner in Node, on the build above.
execFileSync('npx', ['tsx', 'scripts/bench-browser.ts'], { stdio: 'inherit' });

// The side panel's first paint with a long article, on the build above.
execFileSync('npx', ['tsx', 'scripts/bench-panel.ts'], { stdio: 'inherit' });

// The tooltip's paint after the hover delay, on the same build.
execFileSync('npx', ['tsx', 'scripts/bench-tooltip.ts'], { stdio: 'inherit' });

// Long pages: the first hover and the longest main-thread task, on the same build, in Chromium then Firefox.
execFileSync('npx', ['tsx', 'scripts/bench-long-page.ts'], { stdio: 'inherit' });
execFileSync('npx', ['tsx', 'scripts/bench-long-page-firefox.ts'], { stdio: 'inherit' });
