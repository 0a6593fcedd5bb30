import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'public/dict/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Code that runs in the extension has no Node globals: `process` there throws when the worker starts.
    files: ['utils/**/*.ts', 'entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', '__dirname'],
    },
  },
  {
    // The alignment core runs in the worker, in Node and in tests: no browser, extension or Node globals.
    files: ['utils/align/**/*.ts', 'utils/text/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'localStorage', 'process', 'require', '__dirname'],
    },
  },
);
