/**
 * `npm test`: every check the project has, in order, with one closing line `N passed, N failed` that adds
 * up every suite. A missing browser is a failure that names the install command, never a silent skip.
 *
 * Skipped tests are listed with their reasons and counted on the line before the tally (scripts/lib/tally.ts
 * decides which skips fail); `npm test -- --ci` is what `.ci/run` runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findChromium, findFirefox, INSTALL_BROWSERS } from './lib/browsers';
import { tallyReport, type Skip, type VitestJsonReport } from './lib/tally';

interface Tally {
  passed: number;
  failed: number;
}

const { values: options } = parseArgs({ options: { ci: { type: 'boolean', default: false } } });
const total: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
const skips: Skip[] = [];
const reportDir = 'tmp/test-reports';
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

function run(command: string, args: string[]): boolean {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** A check that is one test: it passes or fails as a whole. */
function check(name: string, command: string, args: string[]): boolean {
  const ok = run(command, args);
  if (ok) total.passed += 1;
  else {
    total.failed += 1;
    failures.push(name);
  }
  return ok;
}

/** A vitest suite: its own test counts go into the tally. */
function vitestSuite(name: string, configArgs: string[]): void {
  const report = `${reportDir}/${name}.json`;
  const ok = run('npx', ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  let counted: Tally = { passed: 0, failed: 0 };
  let refused = 0;
  try {
    const tally = tallyReport(JSON.parse(readFileSync(report, 'utf8')) as VitestJsonReport, { ci: options.ci });
    counted = { passed: tally.passed, failed: tally.failed };
    skips.push(...tally.skips);
    refused = tally.skips.filter((skip) => !skip.accepted).length;
  } catch {
    // No report: the suite did not even start, which is a failure of its own.
  }
  if (!ok && counted.failed === 0) counted.failed = 1;
  total.passed += counted.passed;
  total.failed += counted.failed;
  if (!ok || refused > 0) failures.push(name);
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
check('lint', 'npx', ['eslint', '.']);
vitestSuite('unit', []);
// `npm run zip` builds both extensions, as `npm run build` does, and packages them for the stores.
const built = check('build and package', 'npm', ['run', '-s', 'zip']);
if (built) {
  check('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted']);
}

const missing = [!findChromium() && 'Chromium', !findFirefox() && 'Firefox'].filter(Boolean);
if (missing.length > 0) {
  console.error(`\nEnd-to-end tests need ${missing.join(' and ')}. Install with:\n  ${INSTALL_BROWSERS}`);
  total.failed += 1;
  failures.push('end-to-end (browser missing)');
} else if (built) {
  vitestSuite('e2e', ['--config', 'vitest.e2e.config.ts']);
} else {
  total.failed += 1;
  failures.push('end-to-end (no build)');
}

if (skips.length > 0) {
  console.log('\nSkipped:');
  for (const skip of skips) console.log(`  ${skip.accepted ? 'accepted' : 'FAILED'}: ${skip.test} (${skip.reason})`);
}
if (failures.length > 0) console.error(`\nFailed: ${failures.join(', ')}`);
const refusedSkips = skips.filter((skip) => !skip.accepted).length;
console.log(`\n${skips.length} skipped${refusedSkips > 0 ? ` (${refusedSkips} counted as failed)` : ''}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
