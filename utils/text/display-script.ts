/**
 * Chinese as the reader chose to see it: the page's own script, or converted to Simplified or to Traditional with
 * Taiwan or Hong Kong usage. Only what Parallax displays is converted; the page is never changed.
 *
 * OpenCC's tables for these conversions are over a megabyte (Simplified to Traditional alone is one). Bundled into
 * the worker they would be parsed at every start of it, which Chrome does often, for readers who keep the default
 * ("as on the page") and never convert. So the worker carries only opencc-js's converter code, and the tables are
 * a file of the package (`npm run dict` writes it) read the first time a conversion is asked for.
 */
import { ConverterBuilder, type LocalePreset } from 'opencc-js/core';
import type { ChineseScript } from '../page/types';
import type { DisplayScript } from '../settings/schema';

/** Where the build puts the tables, in the extension's files. */
export const DISPLAY_TABLES_FILE = 'dict/opencc.json';

/**
 * opencc-js's locale preset as a file: each table's text stands once in `texts`, and the preset refers to it by
 * its index (the Simplified-to-Traditional phrases are used by six of its conversions).
 */
export interface PackedTables {
  texts: string[];
  preset: unknown;
}

type Json = string | number | Json[] | { [key: string]: Json };

function mapLeaves(value: unknown, leaf: (value: string | number) => Json): Json {
  if (typeof value === 'string' || typeof value === 'number') return leaf(value);
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, leaf));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapLeaves(item, leaf)]));
  throw new TypeError(`Not part of an OpenCC preset: ${String(value)}`);
}

/** Every string in the preset is a table's text. */
export function packTables(preset: Pick<LocalePreset, 'from' | 'to' | 'configs'>): PackedTables {
  const texts: string[] = [];
  const indexOf = new Map<string, number>();
  const packed = mapLeaves(preset, (text) => {
    if (typeof text !== 'string') throw new TypeError('An OpenCC preset holds table texts only.');
    let index = indexOf.get(text);
    if (index === undefined) indexOf.set(text, (index = texts.push(text) - 1));
    return index;
  });
  return { texts, preset: packed };
}

export function unpackTables(packed: PackedTables): LocalePreset {
  return mapLeaves(packed.preset, (index) => {
    const text = typeof index === 'number' ? packed.texts[index] : undefined;
    if (text === undefined) throw new TypeError('The OpenCC tables file refers to a table it does not hold.');
    return text;
  }) as unknown as LocalePreset;
}

type ConverterOptions = { from: string; to: string };

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

export type DisplayConverter = (text: string) => string;

/**
 * Converters to the reader's display script, with the tables read by `loadTables` the first time one is needed,
 * and each converter built once (building reads its tables into tries).
 */
export function displayConverters(loadTables: () => Promise<PackedTables>) {
  let builder: Promise<(options: ConverterOptions) => DisplayConverter> | null = null;
  const converters = new Map<string, Promise<DisplayConverter>>();
  return {
    /** The conversion of Chinese text from the page's script to the one the reader chose; null where there is none. */
    converter(pageScript: ChineseScript, target: DisplayScript): Promise<DisplayConverter | null> {
      const conversion = conversionOf(pageScript, target);
      if (!conversion) return Promise.resolve(null);
      const key = `${conversion.from}>${conversion.to}`;
      let converter = converters.get(key);
      if (!converter) {
        builder ??= loadTables().then((tables) => ConverterBuilder(unpackTables(tables)));
        converter = builder.then((build) => build(conversion));
        // A failed read is tried again the next time, not remembered.
        converter.catch(() => {
          builder = null;
          converters.delete(key);
        });
        converters.set(key, converter);
      }
      return converter;
    },
  };
}

/** The script Chinese is shown in: the page's own, or the one the reader chose. */
export function shownScript(pageScript: ChineseScript, target: DisplayScript): ChineseScript {
  return target === 'page' ? pageScript : target === 'Hans' ? 'Hans' : 'Hant';
}
