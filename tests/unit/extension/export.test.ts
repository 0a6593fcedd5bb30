// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { exportFileName, toJson, toTmx, toTsv, tsvField, xmlText } from '../../../utils/extension/export';
import type { TabAlignment } from '../../../utils/extension/tab-alignments';

const alignment: TabAlignment = {
  url: 'https://example.com/a?b=1&c=2',
  title: 'A "quoted" <title>',
  zhScript: 'Hant',
  zh: ['一<二>&三。', '兩個\t句子\n換行。', '遺漏。', '控制\u0001字元\u0008。'],
  en: ['One <two> & "three".', 'Two sentences.', 'Added.', 'Control characters.'],
  status: 'ready',
  result: { beads: [[[0], [0]], [[1], [1]], [[2], []], [[], [2]], [[3], [3]]], scores: [0.91234, 0.5, 0, 0, 0.25] },
  alignMs: 1,
  updatedAt: 1,
};

describe('TMX', () => {
  const tmx = toTmx(alignment, { version: '0.1.0', now: new Date('2026-12-02T14:25:00.123Z') });
  const doc = new DOMParser().parseFromString(tmx, 'application/xml');

  it('parses as XML, a TMX 1.4 document with a unit per pair and the right language codes', () => {
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.tagName).toBe('tmx');
    expect(root.getAttribute('version')).toBe('1.4');
    const header = doc.querySelector('header')!;
    expect(header.getAttribute('creationtool')).toBe('Parallax');
    expect(header.getAttribute('srclang')).toBe('zh-Hant');
    expect(header.getAttribute('creationdate')).toBe('20261202T142500Z');
    const units = [...doc.querySelectorAll('tu')];
    expect(units).toHaveLength(3);
    for (const unit of units) {
      expect([...unit.querySelectorAll('tuv')].map((tuv) => tuv.getAttribute('xml:lang'))).toEqual(['zh-Hant', 'en']);
    }
  });

  it('carries markup characters as text and leaves out characters XML cannot hold', () => {
    const segs = [...doc.querySelectorAll('seg')].map((seg) => seg.textContent);
    expect(segs[0]).toBe('一<二>&三。');
    expect(segs[1]).toBe('One <two> & "three".');
    expect(segs[4]).toBe('控制字元。');
    expect(tmx.includes('\u0001') || tmx.includes('\u0008')).toBe(false);
    // happy-dom's XML parser forgives a bare ampersand: check that each one starts an entity.
    expect(tmx).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    expect(doc.querySelector('prop[type="x-source-url"]')!.textContent).toBe(alignment.url);
    expect(xmlText(`<a href="x">'&'</a>\u0000\uFFFF\uD800`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('TSV', () => {
  it('has a header and one line a pair, with tabs and line breaks inside a sentence made spaces', () => {
    const lines = toTsv(alignment).trimEnd().split('\n');
    expect(lines[0]).toBe('zh\ten\tscore');
    const rows = lines.slice(1).map((line) => line.split('\t'));
    expect(rows).toEqual([
      ['一<二>&三。', 'One <two> & "three".', '0.912'],
      ['兩個 句子 換行。', 'Two sentences.', '0.5'],
      ['控制\u0001字元\u0008。', 'Control characters.', '0.25'],
    ]);
  });

  it('keeps a spreadsheet from running page text as a formula', () => {
    expect(['=HYPERLINK("https://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1)'].map(tsvField)).toEqual([
      '\'=HYPERLINK("https://evil.example","Click")',
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
    ]);
    // Only at the start: a formula sign inside a sentence is text already.
    expect(tsvField('1 + 1 = 2, said A@B.')).toBe('1 + 1 = 2, said A@B.');
    expect(tsvField('Line\u2028and\u2029paragraph')).toBe('Line and paragraph');
  });
});

describe('JSON', () => {
  it('round-trips the pairs and keeps the unmatched sentences apart', () => {
    expect(JSON.parse(toJson(alignment))).toEqual({
      url: alignment.url,
      title: alignment.title,
      zhScript: 'Hant',
      pairs: [
        { zh: ['一<二>&三。'], en: ['One <two> & "three".'], score: 0.912 },
        { zh: ['兩個\t句子\n換行。'], en: ['Two sentences.'], score: 0.5 },
        { zh: ['控制\u0001字元\u0008。'], en: ['Control characters.'], score: 0.25 },
      ],
      unmatched: { zh: ['遺漏。'], en: ['Added.'] },
    });
  });
});

describe('file names', () => {
  it.each([
    ['Some title', 'tmx', 'Some title.parallax.tmx'],
    ['a/b\\c: "d" <e>?*|', 'tsv', 'a b c d e.parallax.tsv'],
    ['  ..hidden..  ', 'json', 'hidden.parallax.json'],
    ['', 'tmx', 'article.parallax.tmx'],
    ['標題\u0007 with a bell', 'tmx', '標題 with a bell.parallax.tmx'],
  ] as const)('%j as %s gives %j', (title, format, expected) => {
    expect(exportFileName(title, format)).toBe(expected);
  });

  it('keeps a long title short', () => {
    expect(exportFileName('長'.repeat(300), 'tmx')).toBe(`${'長'.repeat(100)}.parallax.tmx`);
  });
});
