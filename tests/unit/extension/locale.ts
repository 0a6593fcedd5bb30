/** Stands in for the browser's `i18n` in tests: messages from one of the extension's own locale files. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const LOCALES = ['en', 'zh_CN', 'zh_TW'] as const;

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export function readLocale(locale: (typeof LOCALES)[number]): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(path.resolve(__dirname, `../../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, LocaleMessage>;
}

/** The browser's substitution rules: `$NAME$` takes its placeholder's content, where `$1` is the first substitution. */
export function formatMessage(entry: LocaleMessage, substitutions: string[]): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => placeholders[name.toLowerCase()] ?? '')
    .replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
}

export function useLocale(locale: (typeof LOCALES)[number]): void {
  const messages = readLocale(locale);
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const entry = messages[name];
    return entry ? formatMessage(entry, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])) : '';
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => locale.replace('_', '-');
}
