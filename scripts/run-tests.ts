/**
 * `npm test`: every check the project has, in order, with one closing line `N passed, N failed` that adds
 * up every suite. A missing browser is a failure that names the install command, never a silent skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, findFirefox, INSTALL_BROWSERS } from './lib/browsers';

interface Tally {
  passed: number;
  failed: number;
}

const total: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
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
  try {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    counted = { passed: json.numPassedTests, failed: json.numFailedTests };
  } catch {
    // No report: the suite did not even start, which is a failure of its own.
  }
  if (!ok && counted.failed === 0) counted.failed = 1;
  total.passed += counted.passed;
  total.failed += counted.failed;
  if (!ok) failures.push(name);
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
check('lint', 'npx', ['eslint', '.']);
vitestSuite('unit', []);
const built = check('build', 'npm', ['run', '-s', 'build']);
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

if (failures.length > 0) console.error(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
