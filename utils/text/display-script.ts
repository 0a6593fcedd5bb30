/**
 * Chinese as the reader chose to see it: the page's own script, or converted to Simplified or to Traditional with
 * Taiwan or Hong Kong usage. Only what Parallax displays is converted; the page is never changed.
 */
import * as OpenCC from 'opencc-js';
import type { ChineseScript } from '../page/types';
import type { DisplayScript } from '../settings/schema';

type ConverterOptions = Parameters<typeof OpenCC.Converter>[0];

/**
 * The OpenCC conversion from a page's script to a display script, or null where the text is shown as it is.
 * A Traditional page may follow Taiwan or Hong Kong usage: each conversion reads it as the variant whose rules do
 * least harm to the other (Taiwan's for Simplified, whose phrase table tells 著作 from 看着, and for Hong Kong;
 * Hong Kong's for Taiwan, which then gains Taiwan's phrases, 資訊 and 軟體).
 */
function conversionOf(pageScript: ChineseScript, target: DisplayScript): ConverterOptions | null {
  if (target === 'page') return null;
  if (pageScript === 'Hans') {
    if (target === 'Hans') return null;
    return target === 'Hant-TW' ? { from: 'cn', to: 'twp' } : { from: 'cn', to: 'hk' };
  }
  if (target === 'Hans') return { from: 'tw', to: 'cn' };
  return target === 'Hant-TW' ? { from: 'hk', to: 'twp' } : { from: 'tw', to: 'hk' };
}

// Building a converter reads its dictionaries into tries: done once, and only for conversions a reader uses.
const converters = new Map<string, (text: string) => string>();

function converterFor(options: ConverterOptions): (text: string) => string {
  const key = `${options.from}>${options.to}`;
  let converter = converters.get(key);
  if (!converter) {
    converter = OpenCC.Converter(options);
    converters.set(key, converter);
  }
  return converter;
}

/** The text as the reader chose to see Chinese; text in any other language passes through unchanged. */
export function toDisplayScript(text: string, pageScript: ChineseScript, target: DisplayScript): string {
  const conversion = conversionOf(pageScript, target);
  return conversion ? converterFor(conversion)(text) : text;
}

/** The script Chinese is shown in: the page's own, or the one the reader chose. */
export function shownScript(pageScript: ChineseScript, target: DisplayScript): ChineseScript {
  return target === 'page' ? pageScript : target === 'Hans' ? 'Hans' : 'Hant';
}
