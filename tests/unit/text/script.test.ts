import { describe, expect, it } from 'vitest';
import { countScripts, languageRuns, looksBilingualInSteps, preferredChineseScript } from '../../../utils/text/script';

/** The runs as [side, text] pairs, trimmed. */
const runs = (text: string) => languageRuns(text).map((r) => [r.side, text.slice(r.start, r.end).trim()]);

describe('languageRuns: a text is split by language only where a run is a passage of its own', () => {
  it('splits a bilingual headline and a bilingual caption', () => {
    expect(runs('China’s exports rise for a third month 中国出口连续第三个月增长')).toEqual([
      ['en', 'China’s exports rise for a third month'],
      ['zh', '中国出口连续第三个月增长'],
    ]);
    expect(runs('这是两国元首亲切握手合影。 Xi held talks here on Thursday with Putin.')).toEqual([
      ['zh', '这是两国元首亲切握手合影。'],
      ['en', 'Xi held talks here on Thursday with Putin.'],
    ]);
  });

  it('splits a heading that holds a one-word English heading and its Chinese, which prose would keep whole', () => {
    expect(runs('Volunteering 如何参加我们的志愿服务')).toHaveLength(1);
    expect(languageRuns('Volunteering 如何参加我们的志愿服务', { heading: true }).map((r) => r.side)).toEqual(['en', 'zh']);
  });

  it('keeps names and short terms inside the sentence around them', () => {
    expect(runs('记者在Vladimir Putin的讲话后采访了三位学者。')).toHaveLength(1);
    expect(runs('He ordered 饺子 at the corner restaurant.')).toHaveLength(1);
  });

  it('keeps quoted examples, glosses and titles inside the sentence around them', () => {
    expect(runs('Learners often confuse “我们一起去吧” with a question, though it is a suggestion.')).toEqual([
      ['en', 'Learners often confuse “我们一起去吧” with a question, though it is a suggestion.'],
    ]);
    expect(runs('香港特别行政区（Hong Kong Special Administrative Region）政府今天发表声明。')).toHaveLength(1);
    expect(runs('他昨晚读完了《The Old Man and the Sea》，觉得很感动。')).toHaveLength(1);
  });

  it('splits a quoted sentence that ends inside its quotes: a sentence of its own', () => {
    expect(runs('The sign at the gate read: “请勿践踏草坪。” Nobody paid attention.').map(([side]) => side)).toEqual(['en', 'zh', 'en']);
  });
});

describe('preferredChineseScript: the Chinese script a browser language list asks for', () => {
  it('reads the first Chinese language in the list', () => {
    expect(preferredChineseScript(['en-US', 'zh-TW', 'zh-CN'])).toBe('Hant');
    expect(preferredChineseScript(['zh-CN', 'en'])).toBe('Hans');
    expect(preferredChineseScript(['zh-HK'])).toBe('Hant');
    expect(preferredChineseScript(['zh-Hans-SG'])).toBe('Hans');
  });

  it('asks for none when no Chinese language names a script', () => {
    expect(preferredChineseScript(['en-US', 'fr'])).toBeNull();
    expect(preferredChineseScript(['zh', 'zh-TW'])).toBeNull();
  });
});

describe('countScripts', () => {
  it('counts Han characters, kana and Latin letters, and nothing else', () => {
    expect(countScripts('')).toEqual({ han: 0, kana: 0, latin: 0 });
    expect(countScripts('第3段：He said “你好”, 日本語のテキスト。')).toEqual({ han: 7, kana: 5, latin: 6 });
    // Compatibility ideographs and Extension A count as Han; full-width letters and digits are not Latin.
    expect(countScripts('\uf900\u3400ＡＢ１２é')).toEqual({ han: 2, kana: 0, latin: 0 });
  });
});

describe('the quick look over a text in parts', () => {
  const verdict = (parts: string[]) => {
    const steps = looksBilingualInSteps(parts);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  };
  /** The text cut at every `every` characters. */
  const cut = (text: string, every: number) => Array.from({ length: Math.ceil(text.length / every) }, (_, k) => text.slice(k * every, (k + 1) * every));
  const chinese = '两国元首先后举行小范围、大范围会谈。'.repeat(3);
  const english = 'Following a grand welcoming ceremony, the two leaders held small-group and large-group talks successively. ';
  const japanese = 'これは日本語の文章です。東京で会議が開かれました。';

  it('gives the verdict the whole text gets, however the text is cut', () => {
    const texts: Array<[string, boolean]> = [
      [chinese + english, true],
      [english.repeat(5), false],
      [chinese.repeat(5), false],
      [chinese + english.slice(0, 60), false],
      // Kana beside Han is Japanese, unless it is a stray word in a long Chinese text.
      [japanese.repeat(3) + chinese + english, false],
      [chinese.repeat(20) + english + 'です', true],
    ];
    for (const [text, bilingual] of texts) {
      expect(verdict([text])).toBe(bilingual);
      for (const every of [1, 7, 50]) expect(verdict(cut(text, every))).toBe(bilingual);
    }
  });

  it('pauses within a long text: a scan of megabytes is not one task', () => {
    const parts = cut(english.repeat(20_000), 1_000);
    const steps = looksBilingualInSteps(parts);
    let pauses = 0;
    while (!steps.next().done) pauses += 1;
    // Over 2 MB of English with no Han: the Han scan reads it all, pausing every 250,000 characters.
    expect(pauses).toBeGreaterThanOrEqual(8);
  });
});
