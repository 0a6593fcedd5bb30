import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import * as preset from 'opencc-js/preset';
import { displayConverters, packTables, unpackTables, type PackedTables } from '../../../utils/text/display-script';
import type { ChineseScript } from '../../../utils/page/types';
import type { DisplayScript } from '../../../utils/settings/schema';

/** The tables as `npm run dict` writes them, read back as the worker reads the file. */
const packed = JSON.parse(JSON.stringify(packTables(preset))) as PackedTables;

/** Converters whose tables come from memory, counting how often they are read. */
function counted() {
  const reads = { count: 0 };
  const converters = displayConverters(async () => {
    reads.count += 1;
    return packed;
  });
  const convert = async (text: string, pageScript: ChineseScript, target: DisplayScript) => {
    const converter = await converters.converter(pageScript, target);
    return converter ? converter(text) : text;
  };
  return { reads, converters, convert };
}

describe('Chinese in the script the reader chose', () => {
  it('shows the page as it is when asked to, or when it is already in the chosen script, without reading the tables', async () => {
    const { reads, converters } = counted();
    expect(await converters.converter('Hans', 'page')).toBeNull();
    expect(await converters.converter('Hant', 'page')).toBeNull();
    expect(await converters.converter('Hans', 'Hans')).toBeNull();
    expect(reads.count).toBe(0);
  });

  it('converts Simplified to Traditional with Taiwan usage', async () => {
    expect(await counted().convert('我们下载软件，打的士去了。', 'Hans', 'Hant-TW')).toBe('我們下載軟體，打計程車去了。');
  });

  it('converts Simplified to Traditional with Hong Kong usage, where 的士 stays', async () => {
    expect(await counted().convert('我们下载软件，打的士去了。', 'Hans', 'Hant-HK')).toBe('我們下載軟件，打的士去了。');
  });

  it('converts Traditional to Simplified, telling the particle 著 from the 著 of 著作', async () => {
    expect(await counted().convert('他看著這本著作裡的資訊。', 'Hant', 'Hans')).toBe('他看着这本著作里的资讯。');
  });

  it('moves Traditional between Taiwan and Hong Kong usage', async () => {
    const { convert } = counted();
    expect(await convert('網絡資訊', 'Hant', 'Hant-TW')).toBe('網路資訊');
    expect(await convert('裡面', 'Hant', 'Hant-HK')).toBe('裏面');
  });

  it('leaves English and numbers as they are', async () => {
    expect(await counted().convert('GDP grew 5.2% in 2023.', 'Hans', 'Hant-TW')).toBe('GDP grew 5.2% in 2023.');
  });

  it('reads the tables once for every conversion, and again after a failed read', async () => {
    const { reads, convert } = counted();
    await convert('软件', 'Hans', 'Hant-TW');
    await convert('軟體', 'Hant', 'Hans');
    await convert('软件', 'Hans', 'Hant-TW');
    expect(reads.count).toBe(1);

    let fail = true;
    const flaky = displayConverters(async () => {
      if (fail) throw new Error('not there');
      return packed;
    });
    await expect(flaky.converter('Hans', 'Hant-TW')).rejects.toThrow('not there');
    fail = false;
    expect((await flaky.converter('Hans', 'Hant-TW'))!('软件')).toBe('軟體');
  });
});

describe('the conversion tables as a file', () => {
  it('holds each table once and converts as opencc-js does with its own tables', async () => {
    const texts = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') texts.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect({ from: preset.from, to: preset.to, configs: preset.configs });
    expect(packed.texts.length).toBe(texts.size);
    const sample = '他们在台湾的软件公司里看着这本著作，网络资讯很多，打的士回到里面。';
    const { converters } = counted();
    const cases = [
      ['Hans', 'Hant-TW', { from: 'cn', to: 'twp' }],
      ['Hans', 'Hant-HK', { from: 'cn', to: 'hk' }],
      ['Hant', 'Hans', { from: 'tw', to: 'cn' }],
      ['Hant', 'Hant-TW', { from: 'hk', to: 'twp' }],
      ['Hant', 'Hant-HK', { from: 'tw', to: 'hk' }],
    ] as const;
    for (const [pageScript, target, options] of cases) {
      const text = pageScript === 'Hans' ? sample : OpenCC.Converter({ from: 'cn', to: 'tw' })(sample);
      expect((await converters.converter(pageScript, target))!(text), `${pageScript} → ${target}`).toBe(OpenCC.Converter(options)(text));
    }
  });

  it('refuses a file that refers to a table it does not hold', () => {
    expect(() => unpackTables({ texts: [], preset: { from: { cn: [[0]] }, to: {} } })).toThrow(/does not hold/);
  });
});
