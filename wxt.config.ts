import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep utils/ runnable in Node (CLI, benchmarks) where WXT's auto-imports do not exist.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Parallax',
    description:
      'Hover a sentence of a bilingual Chinese–English article to see its counterpart from the human translation on the same page. Aligned locally; nothing leaves the browser.',
    permissions: ['storage', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    browser_specific_settings:
      browser === 'firefox' ? { gecko: { id: 'parallax@parallax.example', strict_min_version: '115.0' } } : undefined,
  }),
});
