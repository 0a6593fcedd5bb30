import { Converter } from 'opencc-js';
import { beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES, t } from '../../../utils/i18n';
import { formatMessage, LOCALES, readLocale, useLocale } from './locale';

const placeholderNames = (message: { placeholders?: Record<string, unknown> }) => Object.keys(message.placeholders ?? {}).sort();

describe('locale files', () => {
  it.each(LOCALES)('%s has exactly the keys the interface uses', (locale) => {
    expect(Object.keys(readLocale(locale)).sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it.each(LOCALES)('%s gives every message the placeholders the interface fills, each used in the text', (locale) => {
    for (const [key, entry] of Object.entries(readLocale(locale))) {
      const english = readLocale('en')[key]!;
      expect(placeholderNames(entry), `${locale} ${key}`).toEqual(placeholderNames(english));
      expect(placeholderNames(entry).length, `${locale} ${key}`).toBe(MESSAGES[key as keyof typeof MESSAGES]);
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(entry.message.toLowerCase(), `${locale} ${key}`).toContain(`$${name.toLowerCase()}$`);
        expect(placeholder.content).toBe(english.placeholders![name]!.content);
      }
      expect(entry.message.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('writes zh_CN in Simplified and zh_TW in Traditional characters', () => {
    const text = (locale: 'zh_CN' | 'zh_TW') =>
      Object.values(readLocale(locale))
        .map((m) => m.message)
        .join('');
    // Converting to the script each file should be in changes nothing: no character of the other script slipped in.
    expect(Converter({ from: 'tw', to: 'cn' })(text('zh_CN'))).toBe(text('zh_CN'));
    // Except where Taiwan writes 游標 and 台灣, which OpenCC's character table would make 遊標 and 臺灣.
    const taiwanUsage = (traditional: string) => traditional.replace(/遊標/g, '游標').replace(/臺/g, '台');
    expect(taiwanUsage(Converter({ from: 'cn', to: 'tw' })(text('zh_TW')))).toBe(text('zh_TW'));
  });
});

describe('t', () => {
  beforeEach(() => useLocale('en'));

  it('gives the message in the browser language, with its substitutions', () => {
    expect(t('popupOnForSite', 'news.example')).toBe('On for news.example');
    expect(t('optionsHoverDelayHelp', '0', '2000')).toContain('from 0 to 2000');
    useLocale('zh_TW');
    expect(t('popupOnForSite', 'news.example')).toBe('在 news.example 上啟用');
  });

  it('formats placeholders the way the browser does', () => {
    expect(formatMessage({ message: 'A $X$ and $Y$', placeholders: { x: { content: '$2' }, Y: { content: '$1' } } }, ['one', 'two'])).toBe('A two and one');
  });
});
