import { existsSync } from 'node:fs';

/** The apt command that installs every browser the tests and `npm start` use. */
export const INSTALL_BROWSERS = 'sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei firefox-esr firefox-esr-l10n-zh-cn';

const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const FIREFOX_CANDIDATES = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

function firstExisting(paths: Array<string | undefined>): string | undefined {
  return paths.find((path): path is string => !!path && existsSync(path));
}

export function findChromium(): string | undefined {
  return firstExisting(CHROMIUM_CANDIDATES);
}

export function findFirefox(): string | undefined {
  return firstExisting(FIREFOX_CANDIDATES);
}

/** Flags every Chromium launch needs on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
